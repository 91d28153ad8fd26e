import { describe, expect, it } from 'vitest';
import { forDevices } from './content-proxy';

describe('what the sync gate leaves out of documents', () => {
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
		const out = forDevices(JSON.stringify(body));
		expect(out).not.toContain('_attachments');
		expect(JSON.parse(out).results[0].docs[0].ok).toEqual({
			_id: 'norma:x',
			documentUrl: '/normativa/x/documento.pdf'
		});
	});

	it("drops a content document's Markdown source, keeping the HTML rendered from it", () => {
		const doc = {
			_id: 'noticia:a',
			_rev: '1-a',
			type: 'noticia',
			body: '**Hola**',
			html: '<p><strong>Hola</strong></p>',
			// A form's own field called "body" is data, not the document's source.
			fields: [{ name: 'body', body: 'x' }]
		};
		const out = JSON.parse(forDevices(JSON.stringify({ results: [{ docs: [{ ok: doc }] }] })));
		const { body: _source, ...rest } = doc;
		expect(out.results[0].docs[0].ok).toEqual(rest);
	});

	it('leaves documents without attachments untouched, byte for byte', () => {
		const text = '{"_id":"noticia:a","title":"A"}';
		expect(forDevices(text)).toBe(text);
	});
});
