/**
 * A request form posted without JavaScript, posted again because its first answer was lost on
 * the way (2G): the citizen gets the same receipt, never an error, and the request is filed once.
 * The PIN is shown again only to the browser that first sent it (its receipt key cookie, set
 * with the form's page).
 */
import { describe, expect, inject, it } from 'vitest';

const base = inject('baseUrl');
const SLUG = 'peticion-general';
const PNG = Buffer.from(
	'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
	'base64'
);

/** A browser without JavaScript: it keeps the cookies the site sets, like a real one. */
class Browser {
	private cookies = new Map<string, string>();

	get cookieHeader(): string {
		return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
	}

	private keep(res: Response) {
		for (const line of res.headers.getSetCookie()) {
			const [pair] = line.split(';');
			const eq = pair!.indexOf('=');
			this.cookies.set(pair!.slice(0, eq), pair!.slice(eq + 1));
		}
	}

	async open(path: string): Promise<Response> {
		const res = await fetch(`${base}${path}`, { headers: { cookie: this.cookieHeader } });
		this.keep(res);
		return res;
	}

	async post(path: string, body: FormData): Promise<{ status: number; html: string }> {
		const res = await fetch(`${base}${path}`, {
			method: 'POST',
			headers: { accept: 'text/html', origin: base, cookie: this.cookieHeader },
			body
		});
		this.keep(res);
		return { status: res.status, html: await res.text() };
	}
}

function peticion(id: string, over: Record<string, string | Blob> = {}): FormData {
	const data = new FormData();
	const fields: Record<string, string | Blob> = {
		id,
		anonimo: 'si',
		campo_asunto: 'Reenvío sin JavaScript',
		campo_descripcion: 'La primera respuesta se perdió en el camino.',
		...over
	};
	for (const [k, v] of Object.entries(fields)) data.append(k, v);
	return data;
}

const testId = (html: string, id: string) =>
	html.match(new RegExp(`data-testid="${id}"[^>]*>([^<]*)<`))?.[1]?.trim() ?? null;

async function tracked(radicado: string, pin: string): Promise<boolean> {
	const res = await fetch(`${base}/api/seguimiento`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ items: [{ radicado, pin }] })
	});
	const body = (await res.json()) as { items: Array<{ radicado: string } | null> };
	return body.items[0]?.radicado === radicado;
}

describe('a request form re-sent without JavaScript', () => {
	it('gives the browser its receipt key with the form page (HttpOnly, for forms only)', async () => {
		const res = await fetch(`${base}/formularios/${SLUG}`);
		await res.arrayBuffer();
		const cookie = res.headers.getSetCookie().find((c) => c.startsWith('ventanilla_recibo='));
		expect(cookie).toBeDefined();
		expect(cookie).toMatch(/HttpOnly/i);
		expect(cookie).toMatch(/Path=\/formularios/);
		expect(cookie).toMatch(/SameSite=Lax/i);
	});

	it('shows the same radicado and PIN again to the browser that sent it, filed once', async () => {
		const browser = new Browser();
		await (await browser.open(`/formularios/${SLUG}`)).arrayBuffer();
		const id = crypto.randomUUID();
		const photo = () => new File([PNG], 'foto.png', { type: 'image/png' });
		const first = await browser.post(`/formularios/${SLUG}`, peticion(id, { adjuntos: photo() }));
		expect(first.status).toBe(200);
		const radicado = testId(first.html, 'radicado');
		const pin = testId(first.html, 'pin');
		expect(radicado).toMatch(/^PG-\d{4}-\d{6}$/);
		expect(pin).toMatch(/^\d{6}$/);
		expect(testId(first.html, 'filed-again')).toBeNull();

		const again = await browser.post(`/formularios/${SLUG}`, peticion(id, { adjuntos: photo() }));
		expect(again.status).toBe(200);
		expect(testId(again.html, 'radicado')).toBe(radicado);
		expect(testId(again.html, 'pin')).toBe(pin);
		expect(testId(again.html, 'filed-again')).toMatch(/ya se había recibido/);
		expect(await tracked(radicado!, pin!)).toBe(true);
	});

	it('shows another browser the radicado but never the PIN', async () => {
		const sender = new Browser();
		await (await sender.open(`/formularios/${SLUG}`)).arrayBuffer();
		const id = crypto.randomUUID();
		const first = await sender.post(`/formularios/${SLUG}`, peticion(id));
		const radicado = testId(first.html, 'radicado');
		const pin = testId(first.html, 'pin');

		// One that opened the form (a receipt key of its own), one with no cookie at all.
		const withKey = new Browser();
		await (await withKey.open(`/formularios/${SLUG}`)).arrayBuffer();
		for (const other of [withKey, new Browser()]) {
			const res = await other.post(`/formularios/${SLUG}`, peticion(id));
			expect(res.status).toBe(200);
			expect(testId(res.html, 'radicado')).toBe(radicado);
			expect(testId(res.html, 'pin')).toBeNull();
			expect(res.html).not.toContain(pin!);
			expect(res.html).toMatch(/el PIN solo se muestra otra vez en el navegador/);
		}
	});

	it('refuses other content under the same id with a Spanish message, keeping the first', async () => {
		const browser = new Browser();
		await (await browser.open(`/formularios/${SLUG}`)).arrayBuffer();
		const id = crypto.randomUUID();
		const first = await browser.post(`/formularios/${SLUG}`, peticion(id));
		const radicado = testId(first.html, 'radicado');
		const pin = testId(first.html, 'pin');
		const other = await browser.post(
			`/formularios/${SLUG}`,
			peticion(id, { campo_descripcion: 'Otro texto distinto.' })
		);
		expect(other.status).toBe(409);
		expect(other.html).toMatch(/Ya se registró algo distinto con este mismo identificador/);
		expect(testId(other.html, 'radicado')).toBeNull();
		expect(await tracked(radicado!, pin!)).toBe(true);
	});
});

describe('the applicant block without JavaScript', () => {
	/** Every applicant field as the page posts it (empty ones too: no script hides any). */
	function identified(id: string, applicant: Record<string, string>): FormData {
		return peticion(id, {
			anonimo: '',
			nombre: 'Luisa Mutumbajoy',
			tipo_documento: 'TI',
			numero_documento: '1122334455',
			representante_nombre: '',
			representante_tipo_documento: '',
			representante_numero_documento: '',
			correo: '',
			telefono: '',
			direccion: '',
			vereda: '',
			atencion_prioritaria: '',
			consentimiento: 'si',
			...applicant
		});
	}

	it('files a minor’s own request, and an adult’s asking priority without the representative they typed', async () => {
		const browser = new Browser();
		await (await browser.open(`/formularios/${SLUG}`)).arrayBuffer();
		const minor = await browser.post(`/formularios/${SLUG}`, identified(crypto.randomUUID(), {}));
		expect(minor.status, minor.html.slice(0, 300)).toBe(200);
		expect(testId(minor.html, 'radicado')).toMatch(/^PG-\d{4}-\d{6}$/);

		const adult = await browser.post(
			`/formularios/${SLUG}`,
			identified(crypto.randomUUID(), {
				nombre: 'Pedro Ribereño',
				tipo_documento: 'CC',
				representante_nombre: 'Escrito por error',
				atencion_prioritaria: 'perjuicio-irremediable'
			})
		);
		// A representative on an adult's document would be refused: filed means it was dropped.
		expect(adult.status, adult.html.slice(0, 300)).toBe(200);
		expect(testId(adult.html, 'radicado')).toMatch(/^PG-\d{4}-\d{6}$/);

		const invalid = await browser.post(
			`/formularios/${SLUG}`,
			identified(crypto.randomUUID(), { tipo_documento: 'CC', atencion_prioritaria: 'urgente' })
		);
		expect(invalid.status).toBe(400);
		expect(invalid.html).toMatch(/href="#atencion_prioritaria"/);
	});
});
