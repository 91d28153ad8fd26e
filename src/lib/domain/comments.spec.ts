import { describe, expect, it } from 'vitest';
import { checkCommentText, cleanCommentText, cleanName, commentsOpen } from './comments';

describe('cleanCommentText', () => {
	it('removes control, zero-width and bidi characters and lone surrogates', () => {
		expect(cleanCommentText('Pu\u0000ente\u200b ca\u202eído\ufeff \ud800ok')).toBe(
			'Puente caído ok'
		);
	});
	it('unifies line breaks, collapses blank lines and spaces, trims', () => {
		expect(cleanCommentText('  Hola\r\n\r\n\r\n\r\nmundo   bonito \t ')).toBe(
			'Hola\n\nmundo bonito'
		);
	});
	it('composes decomposed accents (NFC)', () => {
		expect(cleanCommentText('Peticio\u0301n')).toBe('Petición');
	});
	it('keeps markup as plain characters (pages escape it)', () => {
		expect(cleanCommentText('<script>alert(1)</script>')).toBe('<script>alert(1)</script>');
	});
});

describe('cleanName', () => {
	it('is one line', () => {
		expect(cleanName(' Ana \n María ')).toBe('Ana María');
	});
});

describe('checkCommentText', () => {
	it('takes 10 to 2000 characters, counting emoji as one', () => {
		expect(checkCommentText('corto')).toBe('comentario_corto');
		expect(checkCommentText('diez letra')).toBeNull();
		expect(checkCommentText('🌧'.repeat(2000))).toBeNull();
		expect(checkCommentText('x'.repeat(2001))).toBe('comentario_largo');
	});
});

describe('commentsOpen', () => {
	it('only while in study and until the last comment day', () => {
		const p = { status: 'en-estudio', commentsUntil: '2026-12-10' };
		expect(commentsOpen(p, '2026-12-10')).toBe(true);
		expect(commentsOpen(p, '2026-12-11')).toBe(false);
		expect(commentsOpen({ ...p, status: 'aprobado' }, '2026-11-30')).toBe(false);
		expect(commentsOpen({ status: 'en-estudio' }, '2026-11-30')).toBe(false);
	});
});
