/**
 * The request inbox against the real server: scope by dependencia, actions as events, the law's
 * extension rules, idempotent actions, and the citizen's tracking view receiving the answer.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { addBusinessDays, NATIONAL_CALENDAR } from '../../src/lib/domain/business-days';
import type { BackOffice } from '../helpers/backoffice-client';
import {
	base,
	fileRequest,
	IDENTIFIED,
	staff,
	track,
	username,
	type StaffKey
} from './backoffice-fixtures';

let bo: Record<StaffKey, BackOffice>;
const SUFFIX = 'bandeja';

beforeAll(async () => {
	bo = await staff(SUFFIX);
});

const inboxHas = async (who: BackOffice, radicado: string, query = '') =>
	(await who.page(`/gestion/bandeja${query}`)).html.includes(`/gestion/solicitudes/${radicado}"`);

const act = (who: BackOffice, radicado: string, name: string, fields: Record<string, string>) =>
	name === 'responder'
		? who.answer(radicado, fields)
		: who.action(`/gestion/solicitudes/${radicado}?/${name}`, {
				clientId: crypto.randomUUID(),
				...fields
			});

describe('request inbox', () => {
	it('shows each answer under its label, and a choice in the words the citizen picked', async () => {
		const { radicado } = await fileRequest(
			'certificado-de-residencia',
			{
				barrio_o_vereda: 'La Esmeralda',
				tiempo_de_residencia: 'mas-de-5-anos',
				finalidad: 'laboral'
			},
			'551903',
			IDENTIFIED
		);
		const { html } = await bo.gobierno.page(`/gestion/solicitudes/${radicado}`);
		expect(html).toMatch(
			/<dt[^>]*>¿Cuánto tiempo lleva viviendo en Puerto Guzmán\?<\/dt>\s*<dd[^>]*>Más de 5 años<\/dd>/
		);
		expect(html).toMatch(/<dd[^>]*>Trabajo \(incluida la mano de obra local\)<\/dd>/);
		expect(html).not.toMatch(/<dd[^>]*>(mas-de-5-anos|laboral)<\/dd>/);
		// The form asks the vereda itself, so the applicant block does not; it is the applicant's.
		expect(html).toMatch(/<dt[^>]*>Vereda[^<]*<\/dt>\s*<dd[^>]*>La Esmeralda<\/dd>/);
		const form = await (await fetch(`${base}/formularios/certificado-de-residencia`)).text();
		expect(form).toContain('name="campo_barrio_o_vereda"');
		expect(form).not.toContain('name="vereda"');
		// A back-office header: no citizen search, menu or offline-copy line at the desk.
		expect(html).toContain('Gestión interna');
		expect(html).not.toMatch(/id="q-header"|id="menu"|class="status-slot"/);
		// Answer first; the other actions folded, none choosing an official or office for them.
		expect(html.indexOf('id="h-responder"')).toBeLessThan(html.indexOf('<details'));
		expect(html).toContain('<option value="" selected="">— Elija un funcionario —</option>');
	});

	it('shows a request to its dependencia only, with the deadline light', async () => {
		const { radicado } = await fileRequest();
		expect(await inboxHas(bo.gobierno, radicado)).toBe(true);
		expect(await inboxHas(bo.hacienda, radicado)).toBe(false);
		expect(await inboxHas(bo.campo, radicado)).toBe(false);
		const page = await bo.gobierno.page(`/gestion/bandeja?semaforo=a-tiempo`);
		expect(page.html).toContain(radicado);
		// The subject in the citizen's words, so an official knows what each request is about.
		expect(page.html).toMatch(/class="subject[^"]*">Vía en mal estado</);
		expect(page.html).toMatch(/data-semaforo="a-tiempo"/);
		expect((await bo.hacienda.page(`/gestion/solicitudes/${radicado}`)).status).toBe(404);
		expect((await bo.editor.page('/gestion/bandeja')).status).toBe(403);
	});

	it('puts first, among the equally urgent, a minor and an adult who asked for priority', async () => {
		const plain = await fileRequest('peticion-general', undefined, '551903', IDENTIFIED);
		const minor = await fileRequest('peticion-general', undefined, '551903', {
			...IDENTIFIED,
			applicant: { name: 'Luisa Mutumbajoy', documentType: 'TI', documentNumber: '1122334455' }
		});
		const harm = await fileRequest('peticion-general', undefined, '551903', {
			...IDENTIFIED,
			applicant: { ...IDENTIFIED.applicant, priority: 'perjuicio-irremediable' }
		});
		const order = (html: string) =>
			[...html.matchAll(/href="\/gestion\/solicitudes\/([A-Z]+-\d{4}-\d{6})"/g)].map((m) => m[1]);
		const inbox = await bo.gobierno.page('/gestion/bandeja?semaforo=a-tiempo');
		const shown = order(inbox.html);
		expect(shown.indexOf(minor.radicado)).toBeLessThan(shown.indexOf(plain.radicado));
		expect(shown.indexOf(harm.radicado)).toBeLessThan(shown.indexOf(plain.radicado));
		expect(inbox.html).toContain('Prioritaria: menor de edad');
		expect(inbox.html).toContain('Prioritaria: perjuicio irremediable');

		const only = order((await bo.gobierno.page('/gestion/bandeja?prioritarias=1')).html);
		expect(only).toEqual(expect.arrayContaining([minor.radicado, harm.radicado]));
		expect(only).not.toContain(plain.radicado);
		const page = await bo.gobierno.page(`/gestion/solicitudes/${minor.radicado}`);
		expect(page.html).toMatch(/data-testid="prioritaria"[^>]*>Prioritaria: menor de edad</);
	});

	it('delivers the answer to the citizen and keeps internal notes internal', async () => {
		const { radicado, pin } = await fileRequest();
		expect((await act(bo.gobierno, radicado, 'nota', { text: 'Revisar con obras' })).type).toBe(
			'success'
		);
		const answer = await act(bo.gobierno, radicado, 'responder', {
			text: 'Se programó el arreglo de la vía para el 15 de diciembre.',
			status: 'respondida'
		});
		expect(answer.type).toBe('success');
		const view = (await track(radicado, pin)) as {
			status: string;
			events: Array<{ kind: string; text: string }>;
		};
		expect(view.status).toBe('respondida');
		expect(view.events.map((e) => e.kind)).toEqual(['respuesta']);
		expect(JSON.stringify(view)).not.toContain('Revisar con obras');
	});

	it('forwards a request to another dependencia, which then holds it', async () => {
		const { radicado, pin } = await fileRequest();
		const res = await act(bo.gobierno, radicado, 'trasladar', {
			dependencia: 'secretaria-de-hacienda',
			text: 'El asunto es de impuestos: lo atiende Hacienda.'
		});
		expect(res.type).toBe('success');
		expect(await inboxHas(bo.hacienda, radicado)).toBe(true);
		expect(await inboxHas(bo.gobierno, radicado)).toBe(false);
		const again = await act(bo.hacienda, radicado, 'trasladar', {
			dependencia: 'secretaria-de-hacienda',
			text: 'Otra vez'
		});
		expect(again.data?.refusal).toBe('misma_dependencia');
		const view = (await track(radicado, pin)) as { events: Array<{ kind: string }> };
		expect(view.events.map((e) => e.kind)).toEqual(['traslado']);
	});

	it('assigns to a colleague, who finds it under "assigned to me"', async () => {
		const { radicado } = await fileRequest();
		const res = await act(bo.gobierno, radicado, 'asignar', {
			assignee: username('gobierno2', SUFFIX)
		});
		expect(res.type).toBe('success');
		expect(await inboxHas(bo.gobierno2, radicado, '?mias=1')).toBe(true);
		expect(await inboxHas(bo.gobierno, radicado, '?mias=1')).toBe(false);
		const nobody = await act(bo.gobierno, radicado, 'asignar', { assignee: 'no.existe' });
		expect(nobody.data?.refusal).toBe('usuario_destino_invalido');
		const editor = await act(bo.gobierno, radicado, 'asignar', {
			assignee: username('editor', SUFFIX)
		});
		expect(editor.data?.refusal).toBe('usuario_destino_invalido');
	});

	it('extends the term once, up to double, and tells the citizen the new date', async () => {
		const { radicado, pin } = await fileRequest();
		const before = (await track(radicado, pin)) as {
			deadline: { receivedDate: string; dueDate: string; businessDays: number };
		};
		const { receivedDate, businessDays } = before.deadline;
		const max = addBusinessDays(receivedDate, 2 * businessDays, NATIONAL_CALENDAR);
		const beyond = addBusinessDays(max, 1, NATIONAL_CALENDAR);
		const tooLate = await act(bo.gobierno, radicado, 'prorrogar', {
			dueDate: beyond,
			text: 'Se requiere visita técnica a la vereda.'
		});
		expect(tooLate.data?.refusal).toBe('excede_maximo');
		const ok = await act(bo.gobierno, radicado, 'prorrogar', {
			dueDate: max,
			text: 'Se requiere visita técnica a la vereda.'
		});
		expect(ok.type).toBe('success');
		const after = (await track(radicado, pin)) as {
			deadline: { dueDate: string };
			events: Array<{ kind: string; dueDate?: string }>;
		};
		expect(after.deadline.dueDate).toBe(max);
		expect(after.events).toEqual([expect.objectContaining({ kind: 'prorroga', dueDate: max })]);
		const twice = await act(bo.gobierno, radicado, 'prorrogar', {
			dueDate: max,
			text: 'Otra vez'
		});
		expect(twice.data?.refusal).toBe('ya_prorrogada');
	});

	it('holds a consulta de datos personales to Ley 1581: 10 días hábiles, at most 5 more', async () => {
		const { radicado, pin } = await fileRequest(
			'consulta-datos-personales',
			{ asunto: 'Mis datos', calidad: 'titular', datos: 'Qué datos míos tiene el SISBÉN.' },
			'551903',
			IDENTIFIED
		);
		const before = (await track(radicado, pin)) as {
			deadline: { receivedDate: string; dueDate: string; businessDays: number; legalBasis: string };
		};
		expect(before.deadline).toMatchObject({
			businessDays: 10,
			legalBasis: expect.stringMatching(/^Ley 1581 de 2012, art\. 14/)
		});
		const { receivedDate, dueDate } = before.deadline;
		expect(dueDate).toBe(addBusinessDays(receivedDate, 10, NATIONAL_CALENDAR));
		const max = addBusinessDays(dueDate, 5, NATIONAL_CALENDAR);
		// What Ley 1755 would allow (double the term) is too late here.
		const double = addBusinessDays(receivedDate, 20, NATIONAL_CALENDAR);
		const tooLate = await act(bo.gobierno, radicado, 'prorrogar', {
			dueDate: double,
			text: 'Las bases del SISBÉN están en revisión.'
		});
		expect(tooLate.data?.refusal).toBe('excede_maximo');
		const page = await bo.gobierno.page(`/gestion/solicitudes/${radicado}`);
		expect(page.html).toContain('Ley 1581 de 2012, art. 14: hasta cinco (5) días hábiles');
		const ok = await act(bo.gobierno, radicado, 'prorrogar', {
			dueDate: max,
			text: 'Las bases del SISBÉN están en revisión.'
		});
		expect(ok.type).toBe('success');
		expect(
			((await track(radicado, pin)) as { deadline: { dueDate: string } }).deadline.dueDate
		).toBe(max);
	});

	it('sends a request to the competent entity (Ley 1755 art. 21): closed here, the citizen reads where', async () => {
		const { radicado, pin } = await fileRequest();
		const before = await bo.gobierno.page(`/gestion/solicitudes/${radicado}`);
		expect(before.html).toContain('Remitir a la entidad competente');
		expect(before.html).toMatch(/a más tardar el [^(]+\(Ley 1437 de 2011, art\. 21/);
		const empty = await act(bo.gobierno, radicado, 'remitir', { entity: '', text: 'x' });
		expect(empty.type).toBe('failure');
		const sent = await act(bo.gobierno, radicado, 'remitir', {
			entity: 'ICBF Regional Putumayo',
			text: 'La custodia de menores es competencia del ICBF; le enviamos su petición hoy.'
		});
		expect(sent.type).toBe('success');
		const view = (await track(radicado, pin)) as {
			status: string;
			events: Array<{ kind: string; entity?: string; text: string }>;
		};
		expect(view.status).toBe('cerrada');
		expect(view.events).toEqual([
			expect.objectContaining({ kind: 'remision', entity: 'ICBF Regional Putumayo' })
		]);
		const inbox = await bo.gobierno.page(`/gestion/bandeja?semaforo=remitida`);
		expect(inbox.html).toContain(radicado);
		// Once sent on, there is nothing left to send.
		const again = await act(bo.gobierno, radicado, 'remitir', {
			entity: 'Personería Municipal',
			text: 'Otra vez.'
		});
		expect(again.data?.refusal).toBe('solicitud_atendida');
		// And the page no longer offers it.
		expect((await bo.gobierno.page(`/gestion/solicitudes/${radicado}`)).html).not.toContain(
			'id="h-remitir"'
		);
	});

	it('answers a request for information denying it with the norm; the citizen reads how to insist', async () => {
		const { radicado, pin } = await fileRequest('solicitud-informacion', {
			asunto: 'Contratos de vías',
			descripcion: 'Los contratos de mantenimiento de vías de 2026.'
		});
		const page = await bo.gobierno.page(`/gestion/solicitudes/${radicado}`);
		expect(page.html).toContain('¿La respuesta niega información?');
		const noBasis = await act(bo.gobierno, radicado, 'responder', {
			text: 'No podemos entregarla.',
			denial: 'total',
			denialBasis: ''
		});
		expect(noBasis.type).toBe('failure');
		const denied = await act(bo.gobierno, radicado, 'responder', {
			text: 'Entregamos los contratos sin los datos personales de los contratistas.',
			denial: 'parcial',
			denialBasis: 'Ley 1712 de 2014, art. 18, lit. a: datos personales de terceros.'
		});
		expect(denied.type).toBe('success');
		const view = (await track(radicado, pin)) as {
			events: Array<{ kind: string; denial?: { scope: string; basis: string } }>;
		};
		expect(view.events[0]?.denial).toEqual({
			scope: 'parcial',
			basis: 'Ley 1712 de 2014, art. 18, lit. a: datos personales de terceros.'
		});
		const tracked = await fetch(`${base}/seguimiento`, {
			method: 'POST',
			headers: {
				accept: 'text/html',
				origin: base,
				'content-type': 'application/x-www-form-urlencoded'
			},
			body: new URLSearchParams({ radicado, pin })
		});
		expect(await tracked.text()).toContain('recurso de insistencia, Ley 1755 de 2015, art. 26');

		// A petición is answered, not denied: the option is not there and the server refuses it.
		const other = await fileRequest();
		expect((await bo.gobierno.page(`/gestion/solicitudes/${other.radicado}`)).html).not.toContain(
			'¿La respuesta niega información?'
		);
		const refused = await act(bo.gobierno, other.radicado, 'responder', {
			text: 'No.',
			denial: 'total',
			denialBasis: 'Ley 1712 de 2014, art. 19.'
		});
		expect(refused.data?.refusal).toBe('prohibido');
	});

	it('sends an answer only once the official confirms the very answer they reviewed', async () => {
		const { radicado, pin } = await fileRequest();
		const path = `/gestion/solicitudes/${radicado}?/responder`;
		const answer = { text: 'La visita técnica será el lunes.', status: 'cerrada' };
		const events = async () => ((await track(radicado, pin)) as { events: unknown[] }).events;

		const reviewed = await bo.gobierno.action(path, { clientId: crypto.randomUUID(), ...answer });
		expect(reviewed.type).toBe('success');
		expect(reviewed.data?.preview).toMatchObject({ text: answer.text, status: 'cerrada' });
		expect(await events()).toHaveLength(0);

		// Confirming without the preview's key, or after changing the text, shows it again.
		const { key } = reviewed.data?.preview as { key: string };
		for (const fields of [
			{ ...answer, paso: 'enviar' },
			{ ...answer, text: 'La visita será el martes.', paso: 'enviar', revisada: key }
		]) {
			const res = await bo.gobierno.action(path, { clientId: crypto.randomUUID(), ...fields });
			expect(res.data).toMatchObject({ changed: true, preview: { text: fields.text } });
		}
		expect(await events()).toHaveLength(0);

		// Without JavaScript the page itself shows the answer and the confirm button.
		const html = await fetch(`${base}${path}`, {
			method: 'POST',
			headers: {
				origin: base,
				accept: 'text/html',
				cookie: bo.gobierno.cookie ?? '',
				'content-type': 'application/x-www-form-urlencoded'
			},
			body: new URLSearchParams({ clientId: crypto.randomUUID(), ...answer })
		}).then((r) => r.text());
		expect(html).toContain(`name="revisada" value="${key}"`);
		expect(html).toContain('Confirmar y enviar respuesta');
		expect(await events()).toHaveLength(0);

		const sent = await bo.gobierno.action(path, {
			clientId: crypto.randomUUID(),
			...answer,
			paso: 'enviar',
			revisada: key
		});
		expect(sent.data).toMatchObject({ done: true });
		expect(await events()).toHaveLength(1);
	});

	it('records an action sent twice with the same id once', async () => {
		const { radicado, pin } = await fileRequest();
		const clientId = crypto.randomUUID();
		const path = `/gestion/solicitudes/${radicado}?/responder`;
		const answer = { text: 'Respuesta única', status: 'respondida' };
		const reviewed = await bo.gobierno.action(path, { clientId, ...answer });
		const { key } = reviewed.data?.preview as { key: string };
		const fields = { clientId, ...answer, paso: 'enviar', revisada: key };
		const [a, b] = await Promise.all([
			bo.gobierno.action(path, fields),
			bo.gobierno.action(path, fields)
		]);
		expect([a.type, b.type]).toEqual(['success', 'success']);
		await bo.gobierno.action(path, fields);
		const view = (await track(radicado, pin)) as { events: unknown[] };
		expect(view.events).toHaveLength(1);
	});

	it('rejects malformed actions with the fields to fix and stores nothing', async () => {
		const { radicado, pin } = await fileRequest();
		const cases: Array<[string, Record<string, string>]> = [
			['responder', { text: '' }],
			['responder', { text: 'x'.repeat(20_001) }],
			['prorrogar', { dueDate: '2026-02-30', text: 'x' }],
			['estado', { status: 'borrada', text: 'x' }],
			['trasladar', { dependencia: '../../_users', text: 'x' }],
			['asignar', { assignee: '<script>' }]
		];
		for (const [name, fields] of cases) {
			const res = await act(bo.gobierno, radicado, name, fields);
			expect(res.status, `${name} ${JSON.stringify(fields).slice(0, 60)}`).toBe(400);
		}
		const noId = await bo.gobierno.action(`/gestion/solicitudes/${radicado}?/nota`, {
			text: 'sin id'
		});
		expect(noId.status).toBe(400);
		expect(((await track(radicado, pin)) as { events: unknown[] }).events).toHaveLength(0);
	});

	it('shows script typed into a note as text, never as markup', async () => {
		const { radicado } = await fileRequest();
		await act(bo.gobierno, radicado, 'nota', { text: '<img src=x onerror=alert(1)>' });
		const page = await bo.gobierno.page(`/gestion/solicitudes/${radicado}`);
		expect(page.html).toContain('&lt;img src=x onerror=alert(1)>');
		expect(page.html).not.toContain('<img src=x');
	});
});
