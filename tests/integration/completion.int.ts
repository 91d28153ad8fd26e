/**
 * Incomplete requests (Ley 1755 art. 17) against the real server: the official asks the citizen
 * to complete it from the request page; the term stands still ("en espera del ciudadano");
 * the citizen answers without JavaScript on /seguimiento/completar with radicado + PIN, once;
 * the term runs again from the answer; the tacit withdrawal waits for the month to end.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { plainFormId, postPlainForm } from '../helpers/plain-form';
import type { BackOffice } from '../helpers/backoffice-client';
import { base, fileRequest, IDENTIFIED, staff, track } from './backoffice-fixtures';

const PAGE = `${base}/seguimiento/completar`;
let bo: Awaited<ReturnType<typeof staff>>;

beforeAll(async () => {
	bo = await staff('completar');
});

const act = (who: BackOffice, radicado: string, name: string, text: string) =>
	who.action(`/gestion/solicitudes/${radicado}?/${name}`, { clientId: crypto.randomUUID(), text });

const formId = () => plainFormId(PAGE);
const post = (fields: Record<string, string>) => postPlainForm(PAGE, fields);

type View = {
	status: string;
	deadline: { dueDate: string } | null;
	events: Array<{ kind: string; text: string; respondBy?: string; dueDate?: string }>;
};

describe('a request the citizen is asked to complete', () => {
	it('stops the term until the citizen answers without JavaScript, then runs again', async () => {
		const { radicado, pin } = await fileRequest();
		const asked = await act(
			bo.gobierno,
			radicado,
			'requerir',
			'Falta la dirección exacta del predio.'
		);
		expect(asked.type, JSON.stringify(asked.data)).toBe('success');
		const page = await bo.gobierno.page(`/gestion/solicitudes/${radicado}`);
		expect(page.html).toContain('Esperando que el ciudadano complete la solicitud');
		expect(page.html).toContain('data-semaforo="en-espera"');
		// Asked once: it cannot be asked again while waiting, nor closed before the month ends.
		expect((await act(bo.gobierno, radicado, 'requerir', 'Otra vez')).data).toMatchObject({
			refusal: 'ya_en_espera'
		});
		expect((await act(bo.gobierno, radicado, 'declarar', 'No respondió')).data).toMatchObject({
			refusal: 'plazo_no_cumplido'
		});

		const waiting = (await track(radicado, pin)) as View;
		const ask = waiting.events.find((e) => e.kind === 'requerimiento');
		expect(ask).toMatchObject({ text: 'Falta la dirección exacta del predio.' });
		expect(ask?.respondBy).toMatch(/^\d{4}-\d{2}-\d{2}$/);

		const clientId = await formId();
		const empty = await post({ clientId, radicado, pin });
		expect(empty.status).toBe(400);
		expect(empty.html).toMatch(/href="#respuesta"[^>]*>Lo que le pidieron: /);
		const wrongPin = pin === '000000' ? '111111' : '000000';
		const wrong = await post({ clientId, radicado, pin: wrongPin, respuesta: 'Calle 3 # 4-10' });
		expect(wrong.status).toBe(404);

		const fields = { clientId, radicado, pin, respuesta: 'Calle 3 # 4-10, vereda La Esmeralda.' };
		const done = await post(fields);
		expect(done.status).toBe(200);
		expect(done.html).toContain(`recibimos lo que completó en la solicitud ${radicado}`);
		expect(done.html).toContain('El plazo para responderle corre de nuevo');
		// Posted again (its answer lost on the way): stored once.
		expect((await post(fields)).status).toBe(200);
		const resumed = (await track(radicado, pin)) as View;
		const completions = resumed.events.filter((e) => e.kind === 'complemento');
		expect(completions).toHaveLength(1);
		expect(resumed.deadline?.dueDate).toBe(completions[0]?.dueDate);
		expect(resumed.deadline!.dueDate >= waiting.deadline!.dueDate).toBe(true);

		// Not waiting any more: a second answer is refused in Spanish.
		const again = await post({ ...fields, clientId: await formId() });
		expect(again.status).toBe(409);
		expect(again.html).toContain('no está esperando que usted la complete');
		const after = await bo.gobierno.page(`/gestion/solicitudes/${radicado}`);
		expect(after.html).not.toContain('data-semaforo="en-espera"');
	});

	it('offers the citizen the way to answer on the tracking page while it waits', async () => {
		const { radicado, pin } = await fileRequest();
		await act(bo.gobierno, radicado, 'requerir', 'Adjunte copia del recibo.');
		const res = await fetch(`${base}/seguimiento`, {
			method: 'POST',
			headers: {
				accept: 'text/html',
				origin: base,
				'content-type': 'application/x-www-form-urlencoded'
			},
			body: new URLSearchParams({ radicado, pin })
		});
		const html = await res.text();
		expect(html).toContain('Requerimiento para completar la solicitud');
		expect(html).toContain('Suspendido mientras usted completa la solicitud');
		expect(html).toContain(`href="/seguimiento/completar?radicado=${radicado}"`);
	});

	it('gives the holder of a reclamo about personal data two months, and its remisión two días hábiles (Ley 1581 art. 15)', async () => {
		const { radicado, pin } = await fileRequest(
			'reclamo-datos-personales',
			{
				asunto: 'Corregir mi dirección',
				pretension: 'corregir',
				calidad: 'titular',
				descripcion: 'La dirección que tienen de mí es de otra vereda.'
			},
			'551903',
			IDENTIFIED
		);
		const page = await bo.gobierno.page(`/gestion/solicitudes/${radicado}`);
		expect(page.html).toContain('tiene dos meses para completarla');
		expect(page.html).toContain('Ley 1581 de 2012, art. 15: si el reclamo resulta incompleto');
		expect(page.html).toContain('dará traslado a quien corresponda en un término máximo de dos');
		const asked = await act(bo.gobierno, radicado, 'requerir', 'Adjunte copia de su documento.');
		expect(asked.type, JSON.stringify(asked.data)).toBe('success');
		const view = (await track(radicado, pin)) as View;
		const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Bogota' }).format(
			new Date()
		);
		const [y, mo, d] = today.split('-').map(Number) as [number, number, number];
		const inTwoMonths = new Date(Date.UTC(y, mo + 1, 1));
		const lastDay = new Date(Date.UTC(y, mo + 2, 0)).getUTCDate();
		inTwoMonths.setUTCDate(Math.min(d, lastDay));
		expect(view.events.find((e) => e.kind === 'requerimiento')?.respondBy).toBe(
			inTwoMonths.toISOString().slice(0, 10)
		);
	});

	it('refuses field officials, who only add notes', async () => {
		const { radicado } = await fileRequest();
		const res = await act(bo.campo, radicado, 'requerir', 'Falta algo');
		expect(res.type).toBe('failure');
	});
});
