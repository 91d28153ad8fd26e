/**
 * Answers reach the citizen through the channel they chose: a real server with `SMTP_URL`
 * pointing at a real SMTP server started here (`smtp-server`). The message arrives with the
 * radicado and the answer; the official sees it sent and the citizen reads "notificada"; with
 * the mail server down the notification waits, is retried, and arrives once it is back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMTPServer } from 'smtp-server';
import type { RunningServer } from '../helpers/app-server.js';
import { freePort } from '../helpers/app-server.js';
import { BackOffice, ownServerWithAdmin } from '../helpers/backoffice-client';

const ADMIN = { username: 'admin.correo', password: 'clave-de-pruebas-correo-1' };
const CITIZEN_EMAIL = 'rosalba@example.org';
const BOUNCING_EMAIL = 'no-existe@example.org';

interface Received {
	to: string[];
	raw: string;
}

let smtpPort: number;
let smtp: SMTPServer | null = null;
const inbox: Received[] = [];
let server: RunningServer;
let adm: BackOffice;

/** A plain SMTP server on `smtpPort` that keeps every message it accepts. */
async function startSmtp(): Promise<void> {
	smtp = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS', 'AUTH'],
		logger: false,
		onRcptTo(address, _session, done) {
			// A mailbox that does not exist: refused for good, as a real server answers.
			if (address.address === BOUNCING_EMAIL) {
				done(Object.assign(new Error('5.1.1 Mailbox unavailable'), { responseCode: 550 }));
			} else done();
		},
		onData(stream, session, done) {
			let raw = '';
			stream.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
			stream.on('end', () => {
				inbox.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
				done();
			});
		}
	});
	await new Promise<void>((resolve) => smtp!.listen(smtpPort, '127.0.0.1', resolve));
}

async function stopSmtp(): Promise<void> {
	await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
	smtp = null;
}

beforeAll(async () => {
	smtpPort = (await freePort()) as number;
	await startSmtp();
	({ server, adm } = await ownServerWithAdmin(ADMIN, {
		SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
		MAIL_FROM: 'ventanilla@puertoguzman.example'
	}));
}, 120_000);

afterAll(async () => {
	await server?.stop();
	await stopSmtp();
});

/**
 * Files a petición with `values` (asunto, medio_respuesta…): from `applicant` with the data
 * policy accepted, or anonymously without one.
 */
async function file(
	values: Record<string, string>,
	applicant?: Record<string, string>
): Promise<{ radicado: string; pin: string }> {
	const pin = '274615';
	const res = await fetch(`${server.url}/api/solicitudes`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({
			id: crypto.randomUUID(),
			form: 'peticion-general',
			capturedAt: new Date().toISOString(),
			anonymous: !applicant,
			...(applicant
				? {
						applicant: { documentType: 'CC', ...applicant },
						consent: {
							accepted: true,
							policyVersion: '2026-11',
							acceptedAt: new Date().toISOString()
						}
					}
				: {}),
			values: { descripcion: 'Lleva un mes así.', ...values },
			pin
		})
	});
	expect(res.status, await res.clone().text()).toBe(201);
	return { radicado: ((await res.json()) as { radicado: string }).radicado, pin };
}

/** A petición from a citizen who chose to be answered by e-mail. */
const fileByEmail = (asunto: string) =>
	file(
		{ asunto, medio_respuesta: 'correo-electronico' },
		{ name: 'Rosalba Quinchoa', documentNumber: '112233', email: CITIZEN_EMAIL }
	);

const answer = (radicado: string, text: string) =>
	adm
		.answer(radicado, { text })
		.then((r) => expect(r.type, JSON.stringify(r.data)).toBe('success'));

async function tracked(radicado: string, pin: string) {
	const res = await fetch(`${server.url}/api/seguimiento`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ items: [{ radicado, pin }] })
	});
	const body = (await res.json()) as {
		items: Array<{ events: Array<{ kind: string; notifiedAt?: string }> } | null>;
	};
	return body.items[0]!;
}

const messageFor = (radicado: string) => inbox.find((m) => m.raw.includes(radicado));

describe('e-mail notifications', () => {
	it('sends the answer to the citizen who chose e-mail; the official and the citizen see it sent', async () => {
		const { radicado, pin } = await fileByEmail('Alumbrado del parque apagado');
		const page = await adm.page(`/gestion/solicitudes/${radicado}`);
		expect(page.html).toContain(`pidió la respuesta por correo electrónico (${CITIZEN_EMAIL})`);
		await answer(radicado, 'Se cambió la luminaria el martes.');

		await expect.poll(() => messageFor(radicado), { timeout: 15_000 }).toBeDefined();
		const mail = messageFor(radicado)!;
		expect(mail.to).toEqual([CITIZEN_EMAIL]);
		expect(mail.raw).toContain('Se cambi');
		expect(mail.raw).toContain(radicado);
		expect(mail.raw).toMatch(/^Subject: .*Su solicitud/m);
		expect(mail.raw).not.toContain(pin);
		// Sent under its outgoing number, which the citizen also reads.
		const outgoing = /PGS-\d{4}-\d{6}/.exec(mail.raw)?.[0];
		expect(outgoing).toBeDefined();
		expect(JSON.stringify((await tracked(radicado, pin)).events[0])).toContain(outgoing);

		await expect
			.poll(async () => (await tracked(radicado, pin)).events[0]?.notifiedAt, { timeout: 10_000 })
			.toMatch(/^\d{4}-/);
		const after = await adm.page(`/gestion/solicitudes/${radicado}`);
		expect(after.html).toContain('se notificó por correo electrónico');
	});

	it('keeps a notification while the mail server is down and delivers it once, when it is back', async () => {
		const { radicado, pin } = await fileByEmail('Hueco en la vía');
		await stopSmtp();
		await answer(radicado, 'La cuadrilla irá el viernes.');
		await expect
			.poll(async () => (await adm.page(`/gestion/solicitudes/${radicado}`)).html, {
				timeout: 15_000
			})
			.toContain('Último error del servidor de correo');
		expect((await tracked(radicado, pin)).events[0]?.notifiedAt).toBeUndefined();

		await startSmtp();
		// Retried with backoff (5 s, then 15 s) on the server's five-second rounds.
		await expect.poll(() => messageFor(radicado), { timeout: 45_000 }).toBeDefined();
		expect(inbox.filter((m) => m.raw.includes(radicado))).toHaveLength(1);
		await expect
			.poll(async () => (await tracked(radicado, pin)).events[0]?.notifiedAt, { timeout: 10_000 })
			.toMatch(/^\d{4}-/);
	}, 90_000);

	it('prints the letter for a citizen who asked to be answered at their address', async () => {
		const { radicado } = await file(
			{ asunto: 'Poda', medio_respuesta: 'direccion-fisica' },
			{
				name: 'Pedro Ribereño',
				documentNumber: '445566',
				address: 'Calle 4 # 5-20',
				vereda: 'La Esmeralda'
			}
		);
		await answer(radicado, 'La poda se hará el lunes.');
		const page = await adm.page(`/gestion/solicitudes/${radicado}`);
		expect(page.html).toContain('pidió la respuesta por escrito a su dirección');
		const href = /href="(\/gestion\/solicitudes\/[^"]+\/oficio\?evento=[^"]+)"/.exec(
			page.html
		)?.[1];
		expect(href).toBeDefined();
		const letter = await adm.page(href!.replace(/&amp;/g, '&'));
		expect(letter.status).toBe(200);
		expect(letter.html).toMatch(/Oficio n\.º PGS-\d{4}-\d{6}/);
		for (const text of [
			'Alcaldía',
			'Pedro Ribereño',
			'Calle 4 # 5-20',
			radicado,
			'La poda se hará el lunes.'
		]) {
			expect(letter.html).toContain(text);
		}
		expect((await adm.page(`/gestion/solicitudes/${radicado}/oficio?evento=x`)).status).toBe(404);

		// The official marks it printed, then records its delivery: the citizen reads the day.
		const eventId = decodeURIComponent(/evento=([^"&]+)/.exec(href!)![1]!);
		const record = (fields: Record<string, string>) =>
			adm.action(`/gestion/solicitudes/${radicado}?/oficio`, { event: eventId, ...fields });
		expect(page.html).toMatch(/data-testid="constancia-oficio" data-estado="pendiente"/);
		expect((await record({ step: 'impresa' })).type).toBe('success');
		const printed = await adm.page(`/gestion/solicitudes/${radicado}`);
		expect(printed.html).toMatch(/data-testid="constancia-oficio" data-estado="impresa"/);
		expect(printed.html).toMatch(/Oficio impreso el [^<]+ por /);

		const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Bogota' }).format(
			new Date()
		);
		const tomorrow = new Date(Date.parse(`${today}T12:00:00Z`) + 86_400_000)
			.toISOString()
			.slice(0, 10);
		const future = await record({
			step: 'entregada',
			deliveredOn: tomorrow,
			deliveredVia: 'mensajero'
		});
		expect(future.status).toBe(400);
		expect(future.data?.refusal).toBe('fecha_fuera_de_rango');
		const noWay = await record({ step: 'entregada', deliveredOn: today });
		expect(noWay.status).toBe(400);

		const done = await record({
			step: 'entregada',
			deliveredOn: today,
			deliveredVia: 'en-persona',
			deliveryNote: 'Recibió Pedro Ribereño'
		});
		expect(done.type, JSON.stringify(done.data)).toBe('success');
		const delivered = await adm.page(`/gestion/solicitudes/${radicado}`);
		expect(delivered.html).toMatch(/data-testid="constancia-oficio" data-estado="entregada"/);
		expect(delivered.html).toContain('En persona, con firma de recibido');
		expect(delivered.html).toContain('Recibió Pedro Ribereño');
		const again = await record({
			step: 'entregada',
			deliveredOn: today,
			deliveredVia: 'mensajero'
		});
		expect(again.status).toBe(409);
		expect(again.data?.refusal).toBe('ya_entregada');
		const seen = (await tracked(radicado, '274615')).events[0] as {
			notifiedAt?: string;
			notifiedBy?: string;
		};
		expect(seen).toMatchObject({ notifiedAt: today, notifiedBy: 'fisico' });
		// No e-mail for a citizen who chose paper.
		expect(messageFor(radicado)).toBeUndefined();
	});

	it('numbers what goes out in its own consecutive series; the same action again keeps its number', async () => {
		const { radicado } = await fileByEmail('Numeración de salida');
		const send = async (clientId: string, kind: string, text: string) =>
			(await adm.event(radicado, { kind, text }, clientId)).body;
		const first = crypto.randomUUID();
		const a = (await send(first, 'requerimiento', 'Falta la dirección.')).outgoing;
		const again = (await send(first, 'requerimiento', 'Falta la dirección.')).outgoing;
		const note = (await send(crypto.randomUUID(), 'nota', 'Interna.')).outgoing;
		const b = (await send(crypto.randomUUID(), 'respuesta', 'Respondida.')).outgoing;
		expect(a).toMatch(/^PGS-\d{4}-\d{6}$/);
		expect(again).toBe(a);
		// An internal note is not sent to anyone: no number.
		expect(note).toBeUndefined();
		expect(Number(b!.slice(-6))).toBe(Number(a!.slice(-6)) + 1);
	});

	it('marks bounced at once an address the mail server refuses for good, and tells the official', async () => {
		const { radicado, pin } = await file(
			{ asunto: 'Dirección errada', medio_respuesta: 'correo-electronico' },
			{ name: 'Rosalba Quinchoa', documentNumber: '112233', email: BOUNCING_EMAIL }
		);
		await answer(radicado, 'Respuesta a una dirección que no existe.');
		await expect
			.poll(async () => (await adm.page(`/gestion/solicitudes/${radicado}`)).html, {
				timeout: 15_000
			})
			.toMatch(/data-testid="notificacion" data-estado="rebotada"/);
		const page = await adm.page(`/gestion/solicitudes/${radicado}`);
		expect(page.html).toContain('El servidor de correo rechazó la dirección');
		expect((await tracked(radicado, pin)).events[0]?.notifiedAt).toBeUndefined();
	});

	it('sends nothing to a citizen who chose the portal', async () => {
		const { radicado } = await file({ asunto: 'Anónima', medio_respuesta: 'portal' });
		await answer(radicado, 'Respuesta en el portal.');
		// Nothing queued: the request page shows no channel and no delivery for the answer.
		const page = await adm.page(`/gestion/solicitudes/${radicado}`);
		expect(page.html).not.toContain('data-testid="canal-notificacion"');
		expect(page.html).not.toContain('data-testid="notificacion"');
		expect(messageFor(radicado)).toBeUndefined();
	});
});
