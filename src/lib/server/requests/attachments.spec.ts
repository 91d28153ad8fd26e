import { describe, expect, it } from 'vitest';
import type { Attachment } from '$lib/schemas';
import { checkAttachments, decodeBase64Strict, sniffType } from './attachments';

const bytes = (...b: number[]) => Uint8Array.from(b);
const ascii = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
const JPEG = bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46);
const PNG = bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d);
const WEBP = ascii('RIFF\u0024\u0000\u0000\u0000WEBPVP8 ');
const PDF = ascii('%PDF-1.7\n%âãÏÓ\n');

const attachment = (
	data: Uint8Array,
	type: Attachment['type'],
	over: Partial<Attachment> = {}
) => ({
	id: crypto.randomUUID(),
	name: 'foto.jpg',
	type,
	size: data.length,
	data: Buffer.from(data).toString('base64'),
	...over
});

describe('sniffType', () => {
	it('recognises the signatures of the accepted types', () => {
		expect(sniffType(JPEG)).toBe('image/jpeg');
		expect(sniffType(PNG)).toBe('image/png');
		expect(sniffType(WEBP)).toBe('image/webp');
		expect(sniffType(PDF)).toBe('application/pdf');
	});

	it('does not recognise anything else', () => {
		expect(sniffType(ascii('<script>alert(1)</script>'))).toBeNull();
		expect(sniffType(ascii('GIF89a'))).toBeNull();
		expect(sniffType(ascii('RIFF\u0024\u0000\u0000\u0000WAVEfmt '))).toBeNull();
		expect(sniffType(bytes(0xff, 0xd8))).toBeNull();
		expect(sniffType(bytes())).toBeNull();
	});
});

describe('decodeBase64Strict', () => {
	it('decodes canonical base64 only', () => {
		expect(decodeBase64Strict('aGVsbG8=')).toEqual(ascii('hello'));
		expect(decodeBase64Strict('aGVsbG8')).toBeNull();
		expect(decodeBase64Strict('aGVsbG9=')).toBeNull();
		expect(decodeBase64Strict('aGVs bG8=')).toBeNull();
		expect(decodeBase64Strict('aGVsbG8-')).toBeNull();
		expect(decodeBase64Strict('aGVsbG8=AAAA')).toBeNull();
		// base64url, which Node's decoder also reads, and padding alone.
		expect(decodeBase64Strict('aGVs_G8-')).toBeNull();
		expect(decodeBase64Strict('====')).toBeNull();
		expect(decodeBase64Strict('YQ==YQ==')).toBeNull();
		expect(decodeBase64Strict('aGVs\nbG8=')).toBeNull();
	});
});

describe('checkAttachments', () => {
	it('accepts attachments whose bytes are what they declare', () => {
		const list = [
			attachment(JPEG, 'image/jpeg'),
			attachment(PDF, 'application/pdf', { name: 'acta.pdf' })
		];
		const result = checkAttachments(list);
		expect(result.ok).toBe(true);
		if (result.ok)
			expect(result.attachments.map((a) => a.meta.type)).toEqual(['image/jpeg', 'application/pdf']);
	});

	it('reports each problem by index and code', () => {
		const html = ascii('<html><script>alert(1)</script></html>');
		const dup = attachment(PNG, 'image/png');
		const result = checkAttachments([
			attachment(html, 'image/jpeg'),
			attachment(PNG, 'image/png', { size: PNG.length + 1 }),
			attachment(PNG, 'image/png', { data: 'iVBORw0KGgo' }),
			dup,
			{ ...dup },
			attachment(PDF, 'image/webp')
		]);
		expect(result).toEqual({
			ok: false,
			problems: [
				{ index: 0, code: 'tipo_no_coincide' },
				{ index: 1, code: 'tamano_no_coincide' },
				{ index: 2, code: 'base64_invalido' },
				{ index: 4, code: 'id_repetido' },
				{ index: 5, code: 'tipo_no_coincide' }
			]
		});
	});
});
