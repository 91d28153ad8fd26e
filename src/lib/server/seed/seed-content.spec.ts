import { describe, expect, it } from 'vitest';
import { buildSeedDocs } from './build-seed-docs';
import { seedContentFiles } from './content-files';
import type { ContentDoc, ContentDocOf } from '$lib/schemas';
import { filingDeadline } from '$lib/domain/filing-deadline';
import { transparencyHeading } from '$lib/content/labels';

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

	it('promises on every form the term its filings get (legal review 2.9)', () => {
		const tramites = new Map(ofType('tramite').map((t) => [t.slug, t]));
		const at = new Date('2026-11-20T10:00:00-05:00');
		for (const form of ofType('formulario')) {
			// "Le responden en máximo **15 días hábiles**", "se expide en máximo **10 días hábiles**"
			const promised = /máximo \*\*(\d+) días hábiles\*\*/.exec(form.body)?.[1];
			expect(promised, `${form.slug} does not state its term`).toBeDefined();
			const tramite = form.tramite ? tramites.get(form.tramite) : null;
			const deadline = filingDeadline({ ...form, tramite }, at, { closures: [] });
			expect(deadline?.businessDays, form.slug).toBe(Number(promised));
		}
	});

	it('numbers each transparency heading once: the number is the code, not in the title (legal review 3.2)', () => {
		for (const t of ofType('transparencia')) {
			expect(t.title, t.slug).not.toMatch(/^\d+(\.\d+)*\.?\s/);
		}
		expect(transparencyHeading({ code: '1', title: 'Información de la entidad' })).toBe(
			'1. Información de la entidad'
		);
		expect(transparencyHeading({ code: '1.1', title: 'Misión' })).toBe('1.1 Misión');
	});

	it('carries Participa as the ITA matrix numbers it: 6.1, 6.2 and 6.2.1–6.2.6 (legal review 3.3)', () => {
		const codes = ofType('transparencia').map((t) => t.code);
		expect(codes).toEqual(
			expect.arrayContaining(['6.1', '6.2', '6.2.1', '6.2.2', '6.2.3', '6.2.4', '6.2.5', '6.2.6'])
		);
	});

	it('says why an item does not apply instead of leaving it owed (legal review 3.5)', () => {
		const agenda = ofType('transparencia').find((t) => t.code === '2.1.6');
		expect(agenda).toMatchObject({
			status: 'no-aplica',
			basis: expect.stringMatching(/Decreto 1081/)
		});
		for (const t of ofType('transparencia').filter((x) => x.status === 'no-aplica')) {
			expect(t.basis, t.slug).toBeTruthy();
		}
	});

	it('cites a source for every figure it presents as verified, and does not verify a superseded one (legal review 6.1)', () => {
		for (const page of ofType('pagina')) {
			for (const f of page.facts) {
				if (f.verified && /\d/.test(f.value))
					expect(f.source, `${page.slug}: ${f.label}`).toBeTruthy();
			}
		}
		const profile = ofType('pagina').find((p) => p.slug === 'perfil-del-municipio');
		const population = profile?.facts.find((f) => f.label === 'Población');
		expect(population).toMatchObject({
			verified: false,
			value: expect.stringMatching(/CNPV\) 2018/)
		});
		// Contact data not yet confirmed by the Alcaldía says so where it is shown.
		const sitio = ofType('sitio')[0];
		for (const e of sitio?.emails ?? []) expect(e.label).toMatch(/por confirmar/);
	});

	it('says how the portal meets each of the eight lines of the 2008 plan (legal review 7.2)', () => {
		const plan = ofType('pagina').find((p) => p.slug === 'plan-de-accion-gel-t');
		const table = plan?.body.split('## Cómo se cumple hoy')[1] ?? '';
		const rows = table.split('\n').filter((l) => /^\| (?!Línea|---)/.test(l));
		expect(rows).toHaveLength(8);
	});

	it('never shows as in force a norm whose vigencia its own page says is unconfirmed (legal review 7.2)', () => {
		const unconfirmed = ofType('norma').filter(
			(n) => /vigencia/i.test(n.body) && /por confirmar/i.test(n.body)
		);
		expect(unconfirmed.map((n) => n.slug)).toContain('resolucion-2336-de-2008');
		for (const norm of unconfirmed) expect(norm.inForce, norm.slug).toBe('por-confirmar');
	});

	it('names the recurso de insistencia against a refusal of public information (legal review 2.10)', () => {
		const pages = [
			...ofType('pagina').filter((p) => p.slug === 'solicitud-de-informacion-publica'),
			...ofType('formulario').filter((f) => f.slug === 'solicitud-informacion')
		];
		expect(pages).toHaveLength(2);
		for (const page of pages) {
			expect(page.body, page.slug).toMatch(/recurso de insistencia, Ley 1755 de 2015, art\. 26/);
			expect(page.body, page.slug).toMatch(/reposición.*Ley 1712 de 2014, art\. 27/s);
		}
	});
});
