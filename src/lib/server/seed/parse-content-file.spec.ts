import { describe, expect, it } from 'vitest';
import { parseContentFile } from './parse-content-file';

const noticia = (fm: string, body = 'Texto') => `---\n${fm}\n---\n${body}\n`;
const valid = `title: Jornada de vacunación\nresponsible: secretaria-de-salud\nupdatedAt: 2026-11-20\nkind: evento\ndate: 2026-11-18`;

describe('parseContentFile', () => {
	it('takes type and slug from the path and the body from below the front matter', () => {
		const { type, input } = parseContentFile('/content/noticia/jornada.md', noticia(valid));
		expect(type).toBe('noticia');
		expect(input.slug).toBe('jornada');
		expect(input.body).toBe('Texto');
		expect(input.updatedAt).toBe('2026-11-20');
	});

	it('rejects unknown types, missing front matter and a slug in the YAML', () => {
		expect(() => parseContentFile('/content/otro/x.md', noticia(valid))).toThrow(
			/tipo desconocido/
		);
		expect(() => parseContentFile('/content/noticia/x.md', 'sin encabezado')).toThrow(/YAML/);
		expect(() => parseContentFile('/content/noticia/x.md', noticia(`${valid}\nslug: y`))).toThrow(
			/slug/
		);
	});

	it('names the field that fails validation', () => {
		expect(() =>
			parseContentFile('/content/noticia/x.md', noticia(valid.replace('evento', 'rumor')))
		).toThrow(/kind/);
	});
});
