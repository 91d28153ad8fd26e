import { describe, expect, it } from 'vitest';
import { fold, isStopWord, splitWords, stem, tokenize } from './normalize';

describe('fold', () => {
	it('lower-cases and strips accents, tildes and diaereses', () => {
		expect(fold('TRÁMITE Público, Pingüino')).toBe('tramite publico, pinguino');
	});

	it('folds ñ to n', () => {
		expect(fold('Niñez y AÑOS')).toBe('ninez y anos');
	});

	it('folds compatibility characters such as ordinal indicators', () => {
		expect(fold('1.º ﬁn')).toBe('1.o fin');
	});
});

describe('tokenize', () => {
	it('splits on spaces and punctuation, dropping stop words and lone letters', () => {
		expect(tokenize('¿Cómo solicitar el Certificado de Residencia? (N.º 12)')).toEqual([
			'solicitar',
			'certificado',
			'residencia',
			'12'
		]);
	});

	it('keeps numbers and removes their leading zeros', () => {
		expect(tokenize('Acuerdo 012 de 2024, artículo 0')).toEqual([
			'acuerdo',
			'12',
			'2024',
			'articulo',
			'0'
		]);
	});

	it('treats hyphens, slashes and dots as separators', () => {
		expect(tokenize('paz-y-salvo/estampilla.pro')).toEqual(['paz', 'salvo', 'estampilla', 'pro']);
	});

	it('returns nothing for empty, blank or symbol-only text', () => {
		expect(tokenize('')).toEqual([]);
		expect(tokenize('   \n\t ')).toEqual([]);
		expect(tokenize('.*+?^${}()|[]\\ <>')).toEqual([]);
	});

	it('keeps words written in other alphabets as words', () => {
		expect(tokenize('Kamëntšá Æsir')).toEqual(['kamentsa', 'æsir']);
	});
});

describe('splitWords', () => {
	it('keeps stop words, for callers that need to see every typed word', () => {
		expect(splitWords('Licencia de')).toEqual(['licencia', 'de']);
	});
});

describe('isStopWord', () => {
	it('recognises folded Spanish function words but not meaningful short words', () => {
		expect(['de', 'la', 'los', 'mas', 'tambien', 'y', 'c'].every(isStopWord)).toBe(true);
		expect(['no', 'ley', 'paz', 'mes', '1'].some(isStopWord)).toBe(false);
	});
});

describe('stem', () => {
	it('removes Spanish plural endings', () => {
		expect(stem('licencias')).toBe('licencia');
		expect(stem('certificados')).toBe('certificado');
		expect(stem('tramites')).toBe('tramite');
		expect(stem('ciudades')).toBe('ciudad');
		expect(stem('resoluciones')).toBe('resolucion');
		expect(stem('leyes')).toBe('ley');
	});

	it('folds its input, so accented words stem like their folded form', () => {
		expect(stem('trámites')).toBe('tramite');
		expect(stem('Licencias')).toBe('licencia');
	});

	it('gives singular and plural the same key, whatever the plural ending', () => {
		const pairs = [
			['calle', 'calles'],
			['nombre', 'nombres'],
			['clase', 'clases'],
			['mes', 'meses'],
			['pais', 'paises'],
			['interes', 'intereses'],
			['luz', 'luces'],
			['juez', 'jueces'],
			['indice', 'indices'],
			['mujer', 'mujeres'],
			['papel', 'papeles'],
			['noche', 'noches'],
			['parque', 'parques'],
			['crisis', 'crisis']
		];
		for (const [one, many] of pairs) expect(stem(many as string), many).toBe(stem(one as string));
	});

	it('leaves short words and numbers alone', () => {
		expect(stem('mes')).toBe('mes');
		expect(stem('gas')).toBe('gas');
		expect(stem('2024')).toBe('2024');
	});
});
