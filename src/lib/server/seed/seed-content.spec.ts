import { describe, expect, it } from 'vitest';
import { buildSeedDocs } from './build-seed-docs';
import { seedContentFiles } from './content-files';
import type { ContentDoc, ContentDocOf } from '$lib/schemas';

const docs = buildSeedDocs(seedContentFiles());
const ofType = <T extends ContentDoc['type']>(t: T) =>
	docs.filter((d): d is ContentDocOf<T> => d.type === t);

describe("Puerto Guzmán's seed content", () => {
	it('parses and validates every file, with resolvable references', () => {
		expect(docs.length).toBeGreaterThan(50);
	});

	it('has exactly one site profile with address, hours, phones and e-mails for the footer', () => {
		const [sitio, ...rest] = ofType('sitio');
		expect(rest).toHaveLength(0);
		expect(sitio?.phones.length).toBeGreaterThan(0);
		expect(sitio?.emails.some((e) => /notificaciones/i.test(e.label))).toBe(true);
	});

	it('publishes at least 8 news items or events and 12 trámites with SUIT fields', () => {
		expect(ofType('noticia').length).toBeGreaterThanOrEqual(8);
		const tramites = ofType('tramite');
		expect(tramites.length).toBeGreaterThanOrEqual(12);
		for (const t of tramites) {
			expect(t.requirements.length, t.slug).toBeGreaterThan(0);
			expect(t.legalBasis.length, t.slug).toBeGreaterThan(0);
		}
	});

	it('covers the ten categories of the Res. 1519 transparency menu', () => {
		const codes = new Set(ofType('transparencia').map((t) => t.code));
		for (let c = 1; c <= 10; c++) expect(codes.has(String(c)), `categoría ${c}`).toBe(true);
		for (const item of ['1.1', '1.2', '1.4', '1.5', '2.1', '3.1', '4.1', '4.3', '7.1', '10.1']) {
			expect(codes.has(item), item).toBe(true);
		}
	});

	it('publishes the GEL-T action plan, the concejo and other institutions', () => {
		expect(ofType('pagina').some((p) => p.section === 'gel-t')).toBe(true);
		expect(ofType('sesion-concejo').length).toBeGreaterThan(0);
		expect(ofType('institucion').length).toBeGreaterThanOrEqual(6);
		expect(ofType('dependencia').length).toBeGreaterThanOrEqual(6);
		expect(ofType('norma').length).toBeGreaterThanOrEqual(5);
	});

	it('carries the GEL-T plan: the eight lines of 2008 verbatim, activities in every phase, meetings', () => {
		const lines = ofType('linea-gelt').sort((a, b) => a.order - b.order);
		expect(lines.map((l) => l.title)).toEqual([
			'Designar a los funcionarios encargados de administrar y mantener el Portal Web del Municipio.',
			'Reportar la información oportuna en el portal de Internet del Municipio',
			'Mantener actualizada la página Web del Municipio.',
			'Reuniones periódicas para evaluar el cumplimiento de las acciones planteadas.',
			'Mantener actualizado el Plan de Acción, disponible para consulta en línea en el Portal Web del Municipio.',
			'Dar un manejo eficiente a la página Web del Municipio.',
			'Manejar de manera honesta la información disponible en el portal Web del Municipio.',
			'Identificar nuevos trámites y servicios que puede prestar la entidad e informarlos por los canales apropiados del Portal Web del Municipio.'
		]);
		const activities = ofType('actividad-gelt');
		expect(activities.length).toBeGreaterThanOrEqual(12);
		expect(new Set(activities.map((a) => a.phase)).size).toBe(5);
		expect(new Set(activities.map((a) => a.status)).size).toBe(4);
		const meetings = ofType('reunion-gelt');
		expect(meetings.length).toBeGreaterThanOrEqual(2);
		expect(meetings.flatMap((m) => m.commitments).some((c) => c.activity)).toBe(true);
	});

	it('renders Markdown to sanitised HTML without scripts', () => {
		for (const d of docs) expect(d.html).not.toMatch(/<script|on\w+=/i);
	});
});
