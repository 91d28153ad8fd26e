import { describe, expect, it } from 'vitest';
import { CONTENT_TYPES } from '$lib/schemas';
import { SUMMARY_MAX, toSearchDoc } from './search-doc';
import { contentDoc } from './test-fixtures';

describe('toSearchDoc', () => {
	it('has no search document for the site profile, which has no page', () => {
		expect(toSearchDoc(contentDoc('sitio', { slug: 'perfil', title: 'Perfil' }))).toBeNull();
	});

	it('gives every other type a search document with its page URL', () => {
		for (const type of CONTENT_TYPES.filter((t) => t !== 'sitio')) {
			const doc = toSearchDoc(contentDoc(type, { slug: 'ejemplo', title: 'Ejemplo' }));
			expect(doc?.url, type).toMatch(/^\/[a-z/-]+\/ejemplo$/);
			expect(doc?.id).toBe(`${type}:ejemplo`);
		}
	});

	it('puts colloquial names and the result of a trámite with the keywords, requirements with the text', () => {
		const doc = toSearchDoc(
			contentDoc('tramite', {
				slug: 'certificado-de-residencia',
				title: 'Certificado de residencia',
				keywords: ['constancia de vecindad'],
				alsoKnownAs: ['certificado de vecindad'],
				result: 'Certificado expedido',
				requirements: [{ text: 'Recibo de servicio público domiciliario' }],
				body: '## Qué es\n\nDocumento que **acredita** la residencia. [Más](https://example.gov.co)',
				updatedAt: '2026-03-01'
			})
		);
		expect(doc).toMatchObject({
			id: 'tramite:certificado-de-residencia',
			type: 'tramite',
			title: 'Certificado de residencia',
			url: '/tramites/certificado-de-residencia',
			updatedAt: '2026-03-01',
			keywords: ['constancia de vecindad', 'certificado de vecindad', 'Certificado expedido']
		});
		expect(doc?.text).toContain('Recibo de servicio público domiciliario');
		expect(doc?.text).toContain('Documento que acredita la residencia. Más');
		expect(doc?.text).not.toMatch(/\*\*|##|https?:/);
	});

	it('makes the kind and number of a norma searchable as keywords', () => {
		const doc = toSearchDoc(
			contentDoc('norma', {
				slug: 'acuerdo-012-2024',
				title: 'Plan de desarrollo',
				kind: 'acuerdo',
				number: '012 de 2024',
				topic: 'Planeación'
			})
		);
		expect(doc?.keywords).toEqual(['acuerdo 012 de 2024', 'Planeación']);
		expect(doc?.text).toContain('Concejo Municipal');
	});

	it('uses the summary as snippet, or else the start of the body, within 200 characters', () => {
		const withSummary = toSearchDoc(
			contentDoc('noticia', { slug: 'a', title: 'A', summary: 'Resumen corto.', body: 'Cuerpo.' })
		);
		expect(withSummary?.summary).toBe('Resumen corto.');

		const long = toSearchDoc(
			contentDoc('noticia', {
				slug: 'b',
				title: 'B',
				body: `# Título\n\n${'texto largo '.repeat(50)}`
			})
		);
		expect(long?.summary.length).toBeLessThanOrEqual(SUMMARY_MAX);
		expect(long?.summary).toMatch(/^Título texto largo .*…$/);
	});

	it('includes the functions and head of a dependencia and the agenda of a session', () => {
		const dep = toSearchDoc(
			contentDoc('dependencia', {
				slug: 'secretaria-de-salud',
				title: 'Secretaría de Salud',
				head: 'Secretaria de Salud',
				functions: ['Dirigir el plan de vacunación']
			})
		);
		expect(dep?.text).toContain('Dirigir el plan de vacunación');
		const session = toSearchDoc(
			contentDoc('sesion-concejo', {
				slug: 'sesion-1',
				title: 'Sesión ordinaria',
				agenda: ['Debate del presupuesto 2027']
			})
		);
		expect(session?.text).toContain('Debate del presupuesto 2027');
	});
});
