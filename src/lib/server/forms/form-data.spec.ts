import { describe, expect, it } from 'vitest';
import { checked, MAX_ROWS, rows, text } from './form-data';

const form = (entries: Array<[string, string | Blob]>) => {
	const data = new FormData();
	for (const [k, v] of entries) data.append(k, v);
	return data;
};

describe('text', () => {
	const data = form([
		['title', '  Feria ganadera \r\n'],
		['body', '  Uno\r\nDos\rTres  '],
		['file', new Blob(['x'])]
	]);

	it('trims by default and leaves line breaks as sent', () => {
		expect(text(data, 'title')).toBe('Feria ganadera');
		expect(text(data, 'body')).toBe('Uno\r\nDos\rTres');
	});

	it('turns CRLF and lone CR into LF for multi-line fields', () => {
		expect(text(data, 'body', { multiline: true })).toBe('Uno\nDos\nTres');
		expect(text(data, 'body', { multiline: true, trim: false })).toBe('  Uno\nDos\nTres  ');
	});

	it('keeps white space when asked to', () => {
		expect(text(data, 'title', { trim: false })).toBe('  Feria ganadera \r\n');
	});

	it('reads a missing field or a file as empty text', () => {
		expect(text(data, 'nothing')).toBe('');
		expect(text(data, 'file')).toBe('');
	});
});

describe('checked', () => {
	it('is true for a sent box whatever its value, false for one not sent', () => {
		const data = form([
			['done', 'on'],
			['active', '']
		]);
		expect(checked(data, 'done')).toBe(true);
		expect(checked(data, 'active')).toBe(true);
		expect(checked(data, 'remove')).toBe(false);
	});
});

describe('rows', () => {
	it('reads the numbered rows that were sent, in order, with their number', () => {
		const data = form([
			['evidence-2-title', 'Tercera'],
			['evidence-0-title', 'Primera'],
			['evidence-0-href', '/a'],
			['evidence-10-title', 'Undécima'],
			['other-1-title', 'No'],
			['evidence-x-title', 'No']
		]);
		const read = rows(data, 'evidence', (n) => text(data, `evidence-${n}-title`));
		expect(read).toEqual([
			{ n: 0, row: 'Primera' },
			{ n: 2, row: 'Tercera' },
			{ n: 10, row: 'Undécima' }
		]);
	});

	it(`stops at ${MAX_ROWS} rows, so a post cannot make it read without end`, () => {
		const data = form([
			[`evidence-${MAX_ROWS - 1}-title`, 'Última'],
			[`evidence-${MAX_ROWS}-title`, 'De más']
		]);
		expect(rows(data, 'evidence', (n) => n)).toEqual([{ n: MAX_ROWS - 1, row: MAX_ROWS - 1 }]);
	});
});
