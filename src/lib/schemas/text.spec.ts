import { describe, expect, it } from 'vitest';
import { hasBidiControl, isCleanLine, isCleanText, safeFileName, withoutInvisible } from './text';

describe('isCleanText', () => {
	it('accepts real writing: accents, emoji, right-to-left scripts, line breaks, tabs', () => {
		for (const text of [
			'Peñas Blancas',
			'Gracias 🙏🏽👍',
			'مرحبا بالعالم',
			'שלום',
			'línea 1\r\nlínea 2\tfin'
		]) {
			expect(isCleanText(text)).toBe(true);
		}
	});

	it('refuses control characters and lone surrogates', () => {
		for (const text of [
			'a\u0000b',
			'bell\u0007',
			'esc\u001b[31m',
			'del\u007f',
			'c1\u0085',
			'x\ud83d',
			'\ude4fy',
			'\uffff'
		]) {
			expect(isCleanText(text)).toBe(false);
		}
	});
});

describe('isCleanLine', () => {
	it('refuses any control character, tab and line breaks included', () => {
		expect(isCleanLine('Certificado de residencia')).toBe(true);
		for (const text of ['a\tb', 'a\nb', 'a\u0085b']) expect(isCleanLine(text)).toBe(false);
	});
});

describe('file names', () => {
	it('sees bidi overrides that disguise an extension', () => {
		expect(hasBidiControl('factura\u202efdp.exe')).toBe(true);
		expect(hasBidiControl('factura.pdf')).toBe(false);
	});
	it('replaces separators and controls', () => {
		expect(safeFileName('../a\\b\u0000c.pdf')).toBe('.._a_b_c.pdf');
		expect(safeFileName('a\u0001b', '')).toBe('ab');
	});
});

describe('withoutInvisible', () => {
	it('removes zero-width, bidi and control characters but keeps line feeds', () => {
		expect(withoutInvisible('a\u200bb\u202ec\nd\u0000\ud83d')).toBe('abc\nd');
	});
});
