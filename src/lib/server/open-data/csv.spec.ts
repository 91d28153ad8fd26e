import { describe, expect, it } from 'vitest';
import { cellText, toCsv } from './csv';

const body = (csv: string) => {
	expect(csv.startsWith('\uFEFF')).toBe(true);
	return csv.slice(1);
};

describe('toCsv', () => {
	it('writes a quoted header and one CRLF-terminated record per row', () => {
		const csv = toCsv(['a', 'b'], [{ a: 'x', b: 1 }]);
		expect(body(csv)).toBe('"a","b"\r\n"x","1"\r\n');
	});
	it('doubles quotes and keeps commas and line breaks inside the quoted field', () => {
		const csv = toCsv(['t'], [{ t: 'Dijo "sí", luego\nse fue' }]);
		expect(body(csv)).toBe('"t"\r\n"Dijo ""sí"", luego\nse fue"\r\n');
	});
	it('writes accents as UTF-8 text', () => {
		expect(new TextEncoder().encode(toCsv(['t'], [{ t: 'ñ' }])).length).toBe(
			3 + '"t"\r\n"'.length + 2 + '"\r\n'.length
		);
	});
	it('prefixes text cells a spreadsheet would run as a formula', () => {
		for (const evil of ['=HYPERLINK("http://x")', '+1', '-2+3', '@SUM(A1)', '\tx', '\rx']) {
			expect(cellText(evil)).toBe(`'${evil}`);
		}
		expect(cellText('Hacienda = impuestos')).toBe('Hacienda = impuestos');
	});
	it('leaves numbers numeric, negatives included, and writes empty cells for null', () => {
		expect(cellText(-3)).toBe('-3');
		expect(cellText(0.25)).toBe('0.25');
		expect(cellText(null)).toBe('');
		expect(cellText(Number.NaN)).toBe('');
		expect(cellText(true)).toBe('true');
	});
	it('joins lists in one cell and guards the joined text', () => {
		expect(cellText(['https://a', 'https://b'])).toBe('https://a | https://b');
		expect(cellText(['=x', 'y'])).toBe("'=x | y");
	});
	it('writes only the header for no rows', () => {
		expect(body(toCsv(['a'], []))).toBe('"a"\r\n');
	});
});
