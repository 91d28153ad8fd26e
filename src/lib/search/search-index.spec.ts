import { describe, expect, it } from 'vitest';
import { toSearchDoc, type SearchDoc } from './search-doc';
import { DEFAULT_LIMIT, SEARCH_INDEX_FORMAT, SearchIndex } from './search-index';
import { contentDoc, searchDoc } from './test-fixtures';

const docs = [
	searchDoc({
		id: 'tramite:licencia-de-construccion',
		title: 'Trámite de licencia de construcción',
		summary: 'Permiso para construir o ampliar una vivienda.',
		text: 'Requisitos: planos firmados y certificado de tradición y libertad.',
		keywords: ['permiso de obra'],
		updatedAt: '2026-02-01'
	}),
	searchDoc({
		id: 'tramite:certificado-de-residencia',
		title: 'Certificado de residencia',
		summary: 'Constancia de que una persona vive en el municipio.',
		text: 'Se expide en la Secretaría de Gobierno.',
		keywords: ['constancia de vecindad'],
		updatedAt: '2026-01-10'
	}),
	searchDoc({
		id: 'noticia:jornada-de-vacunacion',
		title: 'Jornada de vacunación para niños y niñas',
		summary: 'La Secretaría de Salud vacunará en las veredas.',
		text: 'Lleve el carné de vacunación. También se expiden licencias de inhumación.',
		updatedAt: '2026-03-05'
	}),
	searchDoc({
		id: 'norma:acuerdo-012-2024',
		title: 'Acuerdo por el cual se adopta el presupuesto',
		text: 'Presupuesto de rentas y gastos. Ninguna licencia.',
		keywords: ['acuerdo 012 de 2024'],
		updatedAt: '2024-12-01'
	}),
	searchDoc({
		id: 'pagina:mesa-de-participacion',
		title: 'Mesa de participación',
		text: 'Se reúne cada semana.',
		updatedAt: '2025-06-01'
	})
];
const index = SearchIndex.build(docs);
const ids = (query: string, opts?: Parameters<SearchIndex['search']>[1]) =>
	index.search(query, opts).map((h) => h.id);

describe('SearchIndex.search', () => {
	it('finds words regardless of accents and case', () => {
		expect(ids('tramite')).toEqual(['tramite:licencia-de-construccion']);
		expect(ids('CONSTRUCCIÓN')).toEqual(['tramite:licencia-de-construccion']);
		expect(ids('ninos')).toEqual(['noticia:jornada-de-vacunacion']);
	});

	it('matches the word being typed as a prefix', () => {
		expect(ids('certif')).toContain('tramite:certificado-de-residencia');
		expect(ids('vacu')).toEqual(['noticia:jornada-de-vacunacion']);
	});

	it('matches singular and plural forms of the same word', () => {
		expect(ids('licencias ')).toEqual(
			expect.arrayContaining(['tramite:licencia-de-construccion', 'noticia:jornada-de-vacunacion'])
		);
		expect(ids('certificados de residencia')[0]).toBe('tramite:certificado-de-residencia');
	});

	it('ranks documents matching every word above those matching some', () => {
		expect(ids('licencia planos')[0]).toBe('tramite:licencia-de-construccion');
		expect(ids('licencia vacunación')[0]).toBe('noticia:jornada-de-vacunacion');
		expect(ids('licencia residencia')).toEqual(
			expect.arrayContaining([
				'tramite:licencia-de-construccion',
				'tramite:certificado-de-residencia'
			])
		);
	});

	it('requires a document to match at least half of the words', () => {
		expect(ids('licencia residencia zzzz')).toEqual([]);
		expect(ids('licencia planos zzzz')).toEqual(['tramite:licencia-de-construccion']);
	});

	it('matches earlier words whole, by stem, and only the last one as a prefix', () => {
		const [whole] = index.search('certificado residencia');
		const [partial] = index.search('certif residencia');
		expect(partial?.id).toBe(whole?.id);
		expect(partial?.score).toBeLessThan(whole?.score ?? 0);
		expect(ids('mes')).toEqual(['pagina:mesa-de-participacion']);
		expect(ids('mesa')).toEqual(['pagina:mesa-de-participacion']);
		expect(ids('mes ')).toEqual([]);
		expect(ids('mesas ')).toEqual(['pagina:mesa-de-participacion']);
	});

	it('finds words written as they sound, below the correct spelling', () => {
		expect(ids('sertificado recidencia')[0]).toBe('tramite:certificado-de-residencia');
		expect(ids('lisencia de construcion')[0]).toBe('tramite:licencia-de-construccion');
		expect(ids('bacunacion')).toEqual(['noticia:jornada-de-vacunacion']);
		expect(ids('sertifi')).toContain('tramite:certificado-de-residencia');
		expect(index.search('sertificado ')[0]?.score).toBeLessThan(
			index.search('certificado ')[0]?.score ?? 0
		);
	});

	it('forgives one typing mistake from five letters and two from nine, not in short words', () => {
		expect(ids('cnostancia')[0]).toBe('tramite:certificado-de-residencia');
		expect(ids('partisipasion')).toEqual(['pagina:mesa-de-participacion']);
		expect(ids('partcipasoin')).toEqual(['pagina:mesa-de-participacion']);
		expect(ids('mesa')).toEqual(['pagina:mesa-de-participacion']);
		expect(ids('mesq ')).toEqual([]);
		expect(ids('acuerdo 13 ')).toEqual(['norma:acuerdo-012-2024']);
		expect(ids('13 ')).toEqual([]);
	});

	it('finds what everyday words stand for, below the words themselves', () => {
		expect(ids('papel de residencia')[0]).toBe('tramite:certificado-de-residencia');
		expect(ids('permiso')[0]).toBe('tramite:licencia-de-construccion');
		expect(ids('permiso vacunacion')[0]).toBe('noticia:jornada-de-vacunacion');
	});

	it('ranks title and keyword matches above body matches', () => {
		expect(ids('licencia')).toEqual([
			'tramite:licencia-de-construccion',
			'noticia:jornada-de-vacunacion',
			'norma:acuerdo-012-2024'
		]);
		expect(ids('constancia')[0]).toBe('tramite:certificado-de-residencia');
		const [title, body] = index.search('certificado');
		expect(title?.id).toBe('tramite:certificado-de-residencia');
		expect(body?.id).toBe('tramite:licencia-de-construccion');
		expect(title?.score).toBeGreaterThan(body?.score ?? Infinity);
	});

	it('finds a norm by its number, with or without leading zeros', () => {
		expect(ids('acuerdo 12')).toEqual(['norma:acuerdo-012-2024']);
		expect(ids('acuerdo 012 de 2024')).toEqual(['norma:acuerdo-012-2024']);
	});

	it('breaks ties by putting the most recently updated document first', () => {
		const tied = SearchIndex.build([
			searchDoc({ id: 'noticia:vieja', title: 'Feria campesina', updatedAt: '2025-01-01' }),
			searchDoc({ id: 'noticia:nueva', title: 'Feria campesina', updatedAt: '2026-05-01' }),
			searchDoc({
				id: 'noticia:media',
				title: 'Feria campesina',
				updatedAt: '2025-08-01T10:00:00Z'
			})
		]);
		expect(tied.search('feria').map((h) => h.id)).toEqual([
			'noticia:nueva',
			'noticia:media',
			'noticia:vieja'
		]);
	});

	it('filters by content type', () => {
		expect(ids('licencia', { type: 'noticia' })).toEqual(['noticia:jornada-de-vacunacion']);
		expect(ids('licencia', { type: 'dependencia' })).toEqual([]);
	});

	it('returns at most `limit` results, 20 by default', () => {
		expect(ids('licencia', { limit: 1 })).toEqual(['tramite:licencia-de-construccion']);
		expect(ids('licencia', { limit: 0 })).toEqual([]);
		const many = SearchIndex.build(
			Array.from({ length: 30 }, (_, i) => searchDoc({ id: `noticia:n${i}`, title: 'Aviso' }))
		);
		expect(many.search('aviso')).toHaveLength(DEFAULT_LIMIT);
		expect(many.search('aviso', { limit: 100 })).toHaveLength(30);
	});

	it('returns what a result list needs for each hit', () => {
		expect(index.search('residencia')[0]).toEqual({
			id: 'tramite:certificado-de-residencia',
			type: 'tramite',
			title: 'Certificado de residencia',
			url: '/tramite/certificado-de-residencia',
			summary: 'Constancia de que una persona vive en el municipio.',
			score: expect.any(Number)
		});
	});

	it('returns nothing, without throwing, for empty, blank or stop-word-only queries', () => {
		for (const q of ['', '   ', '\n\t', 'de la ', '¿?¡!'])
			expect(ids(q), JSON.stringify(q)).toEqual([]);
	});

	it('handles hostile and very long queries without throwing', () => {
		const hostile = [
			'<script>alert(1)</script>',
			'.*',
			'(a+)+$',
			'[licencia',
			'\\',
			'licencia'.repeat(2_000),
			'licencia '.repeat(5_000),
			'\u0000\uffff\ud800',
			'😀 licencia 😀'
		];
		for (const q of hostile) {
			const started = performance.now();
			expect(() => index.search(q)).not.toThrow();
			expect(performance.now() - started).toBeLessThan(100);
		}
		expect(ids('<script>alert(1)</script>')).toEqual([]);
		expect(ids('😀 licencia 😀')).toHaveLength(3);
	});

	it('keeps only the newest version of a document given twice', () => {
		const twice = SearchIndex.build([
			searchDoc({ id: 'noticia:x', title: 'Versión vieja', updatedAt: '2025-01-01' }),
			searchDoc({ id: 'noticia:x', title: 'Versión nueva', updatedAt: '2026-01-01' })
		]);
		expect(twice.size).toBe(1);
		expect(twice.search('version').map((h) => h.title)).toEqual(['Versión nueva']);
	});

	it('searches an empty index without failing', () => {
		expect(SearchIndex.build([]).search('licencia')).toEqual([]);
	});
});

describe('SearchIndex serialization', () => {
	const queries = [
		'licencia',
		'certif',
		'tramite',
		'licencias de c',
		'acuerdo 12',
		'niñ',
		'mes',
		'x',
		'presupuesto rentas'
	];

	it('gives identical results after a JSON round trip', () => {
		const restored = SearchIndex.fromJSON(JSON.parse(JSON.stringify(index.toJSON())));
		for (const q of queries) expect(restored.search(q), q).toEqual(index.search(q));
		expect(restored.toJSON()).toEqual(index.toJSON());
	});

	it('gives identical results after a structured clone, as IndexedDB stores it', () => {
		const restored = SearchIndex.fromJSON(structuredClone(index.toJSON()));
		for (const q of queries) expect(restored.search(q), q).toEqual(index.search(q));
	});

	it('stores plain arrays and strings only', () => {
		const json = index.toJSON();
		expect(json.v).toBe(SEARCH_INDEX_FORMAT);
		expect(JSON.parse(JSON.stringify(json))).toEqual(json);
	});

	it('rejects another format version or damaged data', () => {
		const json = index.toJSON();
		expect(() => SearchIndex.fromJSON({ ...json, v: SEARCH_INDEX_FORMAT + 1 })).toThrow(/format/);
		expect(() => SearchIndex.fromJSON({ ...json, postings: json.postings.slice(1) })).toThrow();
		expect(() => SearchIndex.fromJSON({ ...json, terms: [...json.terms].reverse() })).toThrow();
		expect(() =>
			SearchIndex.fromJSON({ ...json, postings: json.postings.map(() => '!!') })
		).toThrow();
		expect(() => SearchIndex.fromJSON({ ...json, docs: json.docs.slice(1) })).toThrow();
		expect(() => SearchIndex.fromJSON(null as never)).toThrow();
	});
});

describe('SearchIndex over content documents', () => {
	const content = [
		contentDoc('tramite', {
			slug: 'certificado-de-residencia',
			title: 'Certificado de residencia',
			alsoKnownAs: ['constancia de vecindad'],
			updatedAt: '2026-01-05'
		}),
		contentDoc('norma', {
			slug: 'acuerdo-012-2024',
			title: 'Presupuesto general 2025',
			kind: 'acuerdo',
			number: '012 de 2024',
			body: 'Se aprueba el presupuesto. Los trámites de **vecindad** no cambian.'
		}),
		contentDoc('sitio', { slug: 'perfil', title: 'Vecindad y residencia' })
	];
	const contentIndex = SearchIndex.build(
		content.map(toSearchDoc).filter((d): d is SearchDoc => d !== null)
	);

	it('finds a trámite by its colloquial name, above documents that only mention it', () => {
		expect(contentIndex.search('vecindad').map((h) => h.url)).toEqual([
			'/tramites/certificado-de-residencia',
			'/normativa/acuerdo-012-2024'
		]);
	});

	it('finds a norm by kind and number', () => {
		expect(contentIndex.search('acuerdo 012')[0]?.url).toBe('/normativa/acuerdo-012-2024');
	});
});
