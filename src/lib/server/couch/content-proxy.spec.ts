import { describe, expect, it } from 'vitest';
import { withoutAttachments } from './content-proxy';

describe('sync gate attachments', () => {
	it('drops attachment stubs and bodies from every document of a bulk get', () => {
		const body = {
			results: [
				{
					id: 'norma:x',
					docs: [
						{
							ok: {
								_id: 'norma:x',
								documentUrl: '/normativa/x/documento.pdf',
								_attachments: { 'documento.pdf': { stub: true, length: 9, data: 'JVBERi0=' } }
							}
						}
					]
				}
			]
		};
		const out = withoutAttachments(JSON.stringify(body));
		expect(out).not.toContain('_attachments');
		expect(JSON.parse(out).results[0].docs[0].ok).toEqual({
			_id: 'norma:x',
			documentUrl: '/normativa/x/documento.pdf'
		});
	});

	it('leaves documents without attachments untouched, byte for byte', () => {
		const text = '{"_id":"noticia:a","title":"A"}';
		expect(withoutAttachments(text)).toBe(text);
	});
});
