import { describe, expect, it } from 'vitest';
import { MAX_QUERY_TERMS, parseQuery } from './query';

const summary = (q: string) => parseQuery(q).map((t) => `${t.stem}${t.prefix ? '*' : ''}`);

describe('parseQuery', () => {
	it('matches the word being typed as a prefix and the earlier ones by stem', () => {
		expect(summary('Licencias de constr')).toEqual(['licencia', 'constr*']);
	});

	it('treats the last word as finished when the query ends in a space or punctuation', () => {
		expect(summary('certificados ')).toEqual(['certificado']);
		expect(summary('certificados?')).toEqual(['certificado']);
	});

	it('drops stop words, but keeps a lone one being typed because it may start a word', () => {
		expect(summary('el de la ')).toEqual([]);
		expect(summary('de')).toEqual(['de*']);
		expect(summary('licencia de')).toEqual(['licencia']);
	});

	it('ignores repeated words and caps the number of terms', () => {
		expect(summary('trámite tramites')).toEqual(['tramite']);
		const many = Array.from({ length: 30 }, (_, i) => `palabra${i}`).join(' ');
		expect(parseQuery(many)).toHaveLength(MAX_QUERY_TERMS);
	});
});
