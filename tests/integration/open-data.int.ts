/**
 * #5 Open data against the real server: requests filed and answered through the real routes,
 * GEL-T activities published through the content editor, then every file parsed (CSV with a
 * small RFC 4180 parser, JSON with the Zod schemas) and compared with the store. A server of
 * its own, so the statistics contain exactly what this file filed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bogotaDate } from '../../src/lib/domain/calendar-date';
import {
	planGeltDatasetSchema,
	pqrsdStatsDatasetSchema,
	tramitesDatasetSchema
} from '../../src/lib/schemas/open-data';
import type { RunningServer } from '../helpers/app-server.js';
import { BackOffice, ownServerWithAdmin } from '../helpers/backoffice-client';
import { staff, type StaffKey } from './backoffice-fixtures';

const ADMIN = { username: 'admin.datos', password: 'clave-datos-abiertos-0001' };
const APPLICANT = 'Rosalba Quiñones Prueba';
const DOCUMENT = '99887766';
const SUBJECT = 'Arreglo del puente de la quebrada Las Perlas';
const FILES = [
	'plan-gelt.csv',
	'plan-gelt.json',
	'tramites.csv',
	'tramites.json',
	'pqrsd-estadisticas.csv',
	'pqrsd-estadisticas.json'
];

let server: RunningServer;
let base: string;
let bo: Record<StaffKey, BackOffice>;
const radicados: string[] = [];
const today = bogotaDate(new Date());

/** RFC 4180: quoted fields with doubled quotes, CRLF between records, line breaks in quotes. */
function parseCsv(text: string): string[][] {
	expect(text.startsWith('\uFEFF')).toBe(true);
	const rows: string[][] = [];
	let row: string[] = [];
	let field = '';
	let quoted = false;
	for (let i = 1; i < text.length; i++) {
		const c = text[i]!;
		if (quoted) {
			if (c === '"' && text[i + 1] === '"') {
				field += '"';
				i++;
			} else if (c === '"') quoted = false;
			else field += c;
		} else if (c === '"') quoted = true;
		else if (c === ',') {
			row.push(field);
			field = '';
		} else if (c === '\r' && text[i + 1] === '\n') {
			row.push(field);
			rows.push(row);
			row = [];
			field = '';
			i++;
		} else {
			throw new Error(`unquoted character ${JSON.stringify(c)} at ${i}`);
		}
	}
	expect(field).toBe('');
	expect(row).toEqual([]);
	return rows;
}

/** CSV rows as objects keyed by the header. */
function csvObjects(text: string): Array<Record<string, string>> {
	const [header, ...rows] = parseCsv(text);
	expect(header).toBeDefined();
	for (const r of rows) expect(r).toHaveLength(header!.length);
	return rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i] ?? ''])));
}

async function download(file: string) {
	const res = await fetch(`${base}/datos-abiertos/${file}`);
	// ignoreBOM keeps the byte-order mark in the text, so the test can see it is there.
	const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());
	return { res, text };
}

/** A vereda an applicant typed that is not on the official list (in the seed's `sitio`). */
const TYPED_VEREDA = 'Finca de Ana María Pérez';

async function fileRequest(i: number, vereda: string): Promise<string> {
	const res = await fetch(`${base}/api/solicitudes`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({
			id: crypto.randomUUID(),
			form: 'peticion-general',
			capturedAt: new Date().toISOString(),
			anonymous: false,
			applicant: {
				name: APPLICANT,
				documentType: 'CC',
				documentNumber: `${DOCUMENT}${i}`,
				vereda
			},
			consent: { accepted: true, policyVersion: '2026-11', acceptedAt: new Date().toISOString() },
			values: { asunto: SUBJECT, descripcion: `${SUBJECT}: el puente número ${i} se cayó.` },
			pin: '551903'
		})
	});
	expect(res.status).toBe(201);
	return ((await res.json()) as { radicado: string }).radicado;
}

/** An activity of the seed's line "Reportar la información oportuna", dated in 2025. */
const PLAN_LINE = 'reportar-informacion-oportuna';
async function createActivity(who: BackOffice, slug: string, fields: Record<string, string>) {
	const res = await who.action('/gestion/plan/actividades/nueva', {
		slug,
		version: 'nuevo',
		summary: '',
		line: PLAN_LINE,
		responsible: 'secretaria-de-planeacion',
		start: '2025-01-06',
		due: '2025-02-03',
		body: '',
		...fields
	});
	expect(res.type, JSON.stringify(res.data)).toBe('redirect');
}

/** Public reads trust the store's sequence for up to a second: poll briefly. */
async function eventually<T>(read: () => Promise<T>, ok: (v: T) => boolean): Promise<T> {
	let value = await read();
	for (let i = 0; i < 30 && !ok(value); i++) {
		await new Promise((r) => setTimeout(r, 100));
		value = await read();
	}
	return value;
}

beforeAll(async () => {
	const own = await ownServerWithAdmin(ADMIN);
	server = own.server;
	base = server.url;
	const adm = own.adm;
	bo = await staff('datos', adm);

	// Five from a vereda of the official list, typed as people type (shown with the list's
	// spelling); one name not on the list (merged, never published).
	for (let i = 0; i < 5; i++) radicados.push(await fileRequest(i, 'vereda santa lucia'));
	radicados.push(await fileRequest(5, TYPED_VEREDA));
	// Three answered today by the office it was routed to: within the term, 0 días hábiles.
	for (const radicado of radicados.slice(0, 3)) {
		const res = await bo.gobierno.answer(radicado, {
			text: 'Se programó la visita técnica.',
			status: 'respondida'
		});
		expect(res.type, JSON.stringify(res.data)).not.toBe('failure');
	}

	// Plan activities are the committee's: created through the plan's back office.
	await createActivity(adm, 'datos-actividad-atrasada', {
		title: '=Actividad atrasada, con "comillas"',
		phase: 'informacion',
		owner: 'Secretario(a) de Planeación',
		status: 'en-curso',
		progress: '40'
	});
	await createActivity(adm, 'datos-actividad-hecha', {
		title: 'Actividad completada',
		phase: 'democracia',
		owner: 'Comité GEL-T',
		status: 'completada',
		progress: '100',
		'evidence-0-title': 'Acta',
		'evidence-0-href': '/transparencia/4-3-plan-de-accion',
		'evidence-1-title': 'Foto',
		'evidence-1-href': 'https://example.org/foto.jpg'
	});
}, 120_000);
afterAll(() => server?.stop());

describe('open data files', () => {
	it('serve every file with its type, charset, filename and validators', async () => {
		for (const file of FILES) {
			const { res } = await download(file);
			expect(res.status, file).toBe(200);
			const type = res.headers.get('content-type') ?? '';
			expect(type).toContain(file.endsWith('.csv') ? 'text/csv' : 'application/json');
			expect(type).toContain('charset=utf-8');
			expect(res.headers.get('content-disposition')).toBe(`attachment; filename="${file}"`);
			expect(res.headers.get('etag')).toMatch(/^"[\w-]+"$/);
			expect(res.headers.get('last-modified')).toBeTruthy();
		}
	});

	it('answers a repeat download with 304 and no body', async () => {
		const first = await download('tramites.csv');
		const etag = first.res.headers.get('etag') ?? '';
		const again = await fetch(`${base}/datos-abiertos/tramites.csv`, {
			headers: { 'if-none-match': etag }
		});
		expect(again.status).toBe(304);
		expect(await again.text()).toBe('');
		const since = await fetch(`${base}/datos-abiertos/tramites.csv`, {
			headers: { 'if-modified-since': first.res.headers.get('last-modified') ?? '' }
		});
		expect(since.status).toBe(304);
		await since.arrayBuffer();
	});

	it('refuses unknown files with 404', async () => {
		for (const file of ['otro.csv', 'tramites.xml', 'tramites']) {
			const { res } = await download(file);
			expect(res.status, file).toBe(404);
		}
	});

	it('lists exactly the published trámites, in CSV and JSON alike', async () => {
		const published = (await (await fetch(`${base}/api/contenido/tramite`)).json()) as Array<{
			slug: string;
			title: string;
		}>;
		const json = tramitesDatasetSchema.parse(JSON.parse((await download('tramites.json')).text));
		const csv = csvObjects((await download('tramites.csv')).text);
		const slugs = published.map((t) => t.slug).sort();
		expect(json.data.map((r) => r.tramite).sort()).toEqual(slugs);
		expect(csv.map((r) => r.tramite).sort()).toEqual(slugs);
		expect(json.metadata.license).toBe('CC BY 4.0');
		for (const row of json.data) {
			const c = csv.find((r) => r.tramite === row.tramite)!;
			expect(c.nombre).toBe(row.nombre);
			expect(c.fundamento_legal).toBe(row.fundamento_legal.join(' | '));
			expect(c.gratuito).toBe(String(row.gratuito));
			expect(row.url).toBe(`${base}/tramites/${row.tramite}`);
		}
	});

	it('lists the plan activities as published, with the overdue flag computed', async () => {
		const list = (await (await fetch(`${base}/api/contenido/actividad-gelt`)).json()) as Array<{
			slug: string;
		}>;
		const json = await eventually(
			async () => planGeltDatasetSchema.parse(JSON.parse((await download('plan-gelt.json')).text)),
			(d) => d.data.length === list.length && list.length >= 2
		);
		const csv = csvObjects((await download('plan-gelt.csv')).text);
		expect(csv).toHaveLength(list.length);
		for (const { slug } of list) {
			const doc = (await (await fetch(`${base}/api/contenido/actividad-gelt/${slug}`)).json()) as {
				title: string;
				line: string;
				phase: string;
				owner: string;
				start: string;
				due: string;
				status: string;
				progress: number;
				evidence: Array<{ href: string }>;
			};
			const row = json.data.find((r) => r.actividad === slug);
			expect(row, slug).toMatchObject({
				titulo: doc.title,
				linea: doc.line,
				fase: doc.phase,
				responsable: doc.owner,
				fecha_inicio: doc.start,
				fecha_entrega: doc.due,
				estado: doc.status,
				avance: doc.progress,
				atrasada: ['pendiente', 'en-curso'].includes(doc.status) && doc.due < today
			});
			expect(row!.evidencias).toEqual(doc.evidence.map((e) => new URL(e.href, base).href));
		}
		const late = json.data.find((r) => r.actividad === 'datos-actividad-atrasada')!;
		const line = (await (await fetch(`${base}/api/contenido/linea-gelt/${PLAN_LINE}`)).json()) as {
			title: string;
		};
		expect(late).toMatchObject({ atrasada: true, linea_titulo: line.title });
		const done = json.data.find((r) => r.actividad === 'datos-actividad-hecha')!;
		expect(done.atrasada).toBe(false);
		// The title starts with "=": a spreadsheet must not run it, and the quotes survive.
		const lateCsv = csv.find((r) => r.actividad === 'datos-actividad-atrasada')!;
		expect(lateCsv.titulo).toBe(`'=Actividad atrasada, con "comillas"`);
		expect(lateCsv.atrasada).toBe('true');
		expect(csv.find((r) => r.actividad === 'datos-actividad-hecha')!.evidencias).toBe(
			`${base}/transparencia/4-3-plan-de-accion | https://example.org/foto.jpg`
		);
	});

	it('counts what was filed and answered, and the share within term', async () => {
		const json = pqrsdStatsDatasetSchema.parse(
			JSON.parse((await download('pqrsd-estadisticas.json')).text)
		);
		const csv = csvObjects((await download('pqrsd-estadisticas.csv')).text);
		const value = (dimension: string, clave: string, metrica: string) =>
			json.data.find((r) => r.dimension === dimension && r.clave === clave && r.metrica === metrica)
				?.valor;
		expect(value('total', 'todas', 'solicitudes')).toBe(6);
		expect(value('total', 'todas', 'respondidas')).toBe(3);
		expect(value('total', 'todas', 'abiertas')).toBe(3);
		expect(value('total', 'todas', 'abiertas_vencidas')).toBe(0);
		expect(value('total', 'todas', 'mediana_dias_habiles')).toBe(0);
		expect(value('total', 'todas', 'p90_dias_habiles')).toBe(0);
		expect(value('total', 'todas', 'respondidas_en_termino')).toBe(3);
		expect(value('total', 'todas', 'porcentaje_en_termino')).toBe(100);
		expect(value('tipo', 'peticion-general', 'solicitudes')).toBe(6);
		expect(value('mes', today.slice(0, 7), 'solicitudes')).toBe(6);
		expect(value('vereda', 'Santa Lucía', 'solicitudes')).toBe(5);
		expect(value('vereda', 'otras-veredas', 'solicitudes')).toBe(1);
		// CSV and JSON carry the same figures.
		expect(csv).toHaveLength(json.data.length);
		for (const [i, r] of json.data.entries()) {
			expect(csv[i]).toEqual({
				dimension: r.dimension,
				clave: r.clave,
				metrica: r.metrica,
				valor: r.valor === null ? '' : String(r.valor)
			});
		}
	});

	it('publishes no personal data, radicados or request text in any file or page', async () => {
		const texts = await Promise.all(FILES.map(async (f) => (await download(f)).text));
		texts.push(await (await fetch(`${base}/datos-abiertos/pqrsd`)).text());
		texts.push(await (await fetch(`${base}/datos-abiertos`)).text());
		for (const text of texts) {
			for (const secret of [APPLICANT, DOCUMENT, SUBJECT, TYPED_VEREDA, ...radicados]) {
				expect(text).not.toContain(secret);
			}
		}
	});

	it('describes each dataset with its size, licence and field dictionary', async () => {
		const html = await (await fetch(`${base}/datos-abiertos`)).text();
		expect(html).toContain('CC BY 4.0');
		for (const file of FILES) expect(html).toContain(`href="/datos-abiertos/${file}"`);
		for (const field of ['linea_titulo', 'fundamento_legal', 'porcentaje_en_termino']) {
			expect(html).toContain(field);
		}
		expect(html).toContain('Porcentaje de avance, 0 a 100.');
		expect(html).toContain('Normas que lo fundamentan');
		const { text } = await download('tramites.csv');
		const kb = (new TextEncoder().encode(text).length / 1024).toFixed(1).replace('.', ',');
		expect(html).toContain(`${kb} KB`);
	});
});
