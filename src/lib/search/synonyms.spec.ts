import { describe, expect, it } from 'vitest';
import { stem } from './normalize';
import { synonymsOf } from './synonyms';

describe('synonymsOf', () => {
	it('expands everyday words into the words the portal uses', () => {
		expect(synonymsOf(stem('papel'))).toEqual(
			expect.arrayContaining([stem('certificado'), stem('constancia')])
		);
		expect(synonymsOf(stem('vivo'))).toContain(stem('residencia'));
		expect(synonymsOf(stem('abuelos'))).toContain(stem('mayor'));
	});

	it('works both ways for words of the same meaning', () => {
		expect(synonymsOf(stem('permisos'))).toContain(stem('licencia'));
		expect(synonymsOf(stem('licencia'))).toContain(stem('permiso'));
	});

	it('knows nothing for other words, and never lists a word as its own synonym', () => {
		expect(synonymsOf(stem('presupuesto'))).toEqual([]);
		expect(synonymsOf(stem('certificado'))).not.toContain(stem('certificado'));
	});
});
