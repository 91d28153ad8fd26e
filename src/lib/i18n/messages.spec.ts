import { describe, expect, it } from 'vitest';
import es from '../../../messages/es.json';
import en from '../../../messages/en.json';

const placeholders = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();

describe('message catalogues', () => {
	it('have the same keys in Spanish (base) and English', () => {
		expect(Object.keys(en)).toEqual(Object.keys(es));
	});

	it('use the same placeholders in every language', () => {
		for (const [key, text] of Object.entries(es)) {
			expect(placeholders(String((en as Record<string, string>)[key])), key).toEqual(
				placeholders(text)
			);
		}
	});
});
