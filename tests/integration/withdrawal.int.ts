/**
 * Desistimiento expreso (Ley 1755 art. 18) against the real server, as a citizen without
 * JavaScript does it: radicado, PIN and a confirmation box on /seguimiento/desistir. Errors
 * name their field; a wrong PIN withdraws nothing; the withdrawal is stored once and closes the
 * request; an answered or closed request cannot be withdrawn.
 */
import { describe, expect, it } from 'vitest';
import { plainFormId, postPlainForm } from '../helpers/plain-form';
import { base, fileRequest, track } from './backoffice-fixtures';

const PAGE = `${base}/seguimiento/desistir`;

const formId = () => plainFormId(PAGE);
const post = (fields: Record<string, string>) => postPlainForm(PAGE, fields);

type View = { status: string; events: Array<{ kind: string; text: string }> };

describe('a citizen withdraws a request (desistimiento expreso)', () => {
	it('names each wrong field, withdraws nothing with a wrong PIN, then withdraws once', async () => {
		const { radicado, pin } = await fileRequest();
		const clientId = await formId();

		const empty = await post({ clientId, radicado, pin: '12' });
		expect(empty.status).toBe(400);
		expect(empty.html).toMatch(/<title>Error: Desistir de una solicitud/);
		expect(empty.html).toMatch(/href="#pin"[^>]*>PIN de 6 dígitos: /);
		expect(empty.html).toMatch(/href="#confirmar"[^>]*>Confirmación: Marque la casilla/);
		expect(empty.html).toContain(`value="${radicado}"`);

		const wrongPin = pin === '000000' ? '111111' : '000000';
		const wrong = await post({ clientId, radicado, pin: wrongPin, confirmar: 'si' });
		expect(wrong.status).toBe(404);
		expect(wrong.html).toContain('No encontramos una solicitud con ese radicado y PIN');
		expect(((await track(radicado, pin)) as View).status).toBe('radicada');

		const fields = { clientId, radicado, pin, motivo: 'Ya arreglaron la vía.', confirmar: 'si' };
		const done = await post(fields);
		expect(done.status).toBe(200);
		expect(done.html).toContain(`desistió de la solicitud ${radicado}`);
		// The same form posted again (its answer lost on the way) withdraws once.
		expect((await post(fields)).status).toBe(200);
		const view = (await track(radicado, pin)) as View;
		expect(view.status).toBe('cerrada');
		expect(view.events).toEqual([
			expect.objectContaining({ kind: 'desistimiento', text: 'Ya arreglaron la vía.' })
		]);

		// Closed now: nothing left to withdraw.
		const late = await post({ ...fields, clientId: await formId() });
		expect(late.status).toBe(409);
		expect(late.html).toContain('ya fue respondida o cerrada');
	});

	it('is offered on the tracking page while the request is open', async () => {
		const { radicado, pin } = await fileRequest();
		const res = await fetch(`${base}/seguimiento`, {
			method: 'POST',
			headers: {
				accept: 'text/html',
				origin: base,
				'content-type': 'application/x-www-form-urlencoded'
			},
			body: new URLSearchParams({ radicado, pin })
		});
		expect(await res.text()).toContain(`href="/seguimiento/desistir?radicado=${radicado}"`);
	});
});
