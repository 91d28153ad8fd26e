import { describe, expect, inject, it } from 'vitest';

const base = inject('baseUrl');
const getJson = async (path: string) => {
	const res = await fetch(base + path);
	return { status: res.status, body: (await res.json()) as Record<string, unknown> & unknown[] };
};

describe('public content API on the embedded store', () => {
	it("serves Puerto Guzmán's seed content after the first start", async () => {
		const tramites = await getJson('/api/contenido/tramite');
		expect(tramites.status).toBe(200);
		expect(tramites.body.length).toBeGreaterThanOrEqual(12);
		const sitio = await getJson('/api/contenido/sitio/sitio');
		expect(sitio.body).toMatchObject({
			type: 'sitio',
			municipality: expect.stringMatching(/Guzm/)
		});
	});

	it('lists items without their bodies to keep list pages small', async () => {
		const { body } = await getJson('/api/contenido/noticia');
		expect(body.length).toBeGreaterThanOrEqual(8);
		for (const item of body as Array<Record<string, unknown>>) {
			expect(item).not.toHaveProperty('html');
			expect(item).not.toHaveProperty('body');
		}
	});

	it('answers unknown types, bad slugs and missing items with JSON error codes', async () => {
		expect(await getJson('/api/contenido/usuarios')).toMatchObject({
			status: 400,
			body: { error: { code: 'tipo_invalido' } }
		});
		expect(await getJson('/api/contenido/tramite/..%2F..%2F_users')).toMatchObject({
			status: 400,
			body: { error: { code: 'id_invalido' } }
		});
		expect(await getJson('/api/contenido/tramite/no-existe')).toMatchObject({
			status: 404,
			body: { error: { code: 'no_encontrado' } }
		});
	});

	it('searches accent- and case-insensitively on the server', async () => {
		const { body } = (await getJson('/api/buscar?q=RESIDENCIA')) as unknown as {
			body: { hits: Array<{ url: string }> };
		};
		expect(body.hits.map((h) => h.url)).toContain('/tramites/certificado-de-residencia');
		const accented = (await getJson('/api/buscar?q=tr%C3%A1mite%20predial')) as unknown as {
			body: { hits: Array<{ url: string }> };
		};
		expect(accented.body.hits.length).toBeGreaterThan(0);
	});

	it('rejects an oversized search query with a code', async () => {
		const res = await getJson(`/api/buscar?q=${'a'.repeat(500)}`);
		expect(res).toMatchObject({ status: 400, body: { error: { code: 'consulta_invalida' } } });
	});

	it('reports health with the number of content documents', async () => {
		const { status, body } = await getJson('/api/salud');
		expect(status).toBe(200);
		expect(body).toMatchObject({ ok: true });
	});
});
