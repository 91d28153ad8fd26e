import { describe, expect, it } from 'vitest';
import { contentDocSchema, contentInputSchemas } from './content';
import { buildSeedDocs } from '$lib/server/seed/build-seed-docs';
import { seedContentFiles } from '$lib/server/seed/content-files';
import { designDocs } from '$lib/server/store/design-docs';

const seed = buildSeedDocs(seedContentFiles());
const validation = designDocs()
	.get('contenido')
	?.find((d) => d.validate_doc_update)?.validate_doc_update;
// CouchDB evaluates the function source as an expression; so does this test.
const validate = new Function(`return (${validation})`)() as (doc: object) => void;

const noticia = seed.find((d) => d.type === 'noticia')!;

describe('content schemas', () => {
	it('accept every seed document as stored, and so does the CouchDB validation', () => {
		for (const doc of seed) {
			expect(contentDocSchema.safeParse(doc).success, doc._id).toBe(true);
			expect(() => validate(doc), doc._id).not.toThrow();
		}
	});

	it('reject a document whose type-specific fields are missing or wrong', () => {
		const { date: _date, ...withoutDate } = noticia as typeof noticia & { date: string };
		expect(contentDocSchema.safeParse(withoutDate).success).toBe(false);
		expect(contentDocSchema.safeParse({ ...noticia, kind: 'rumor' }).success).toBe(false);
		expect(contentDocSchema.safeParse({ ...noticia, type: 'desconocido' }).success).toBe(false);
	});

	it('take a transparency item as "no aplica" only with the norm that says so', () => {
		const item = seed.find((d) => d._id === 'transparencia:2-1-6-agenda-regulatoria');
		expect(item).toBeDefined();
		expect(contentDocSchema.safeParse(item).success).toBe(true);
		const { basis: _basis, ...withoutBasis } = item as Record<string, unknown>;
		expect(contentDocSchema.safeParse(withoutBasis).success).toBe(false);
		expect(contentDocSchema.safeParse({ ...item, code: '2.1.6.1.1' }).success).toBe(false);
	});

	it('reject bad slugs, control characters in titles and javascript: links', () => {
		const input = contentInputSchemas.pagina;
		const base = {
			slug: 'perfil',
			title: 'Perfil',
			responsible: 'despacho-del-alcalde',
			updatedAt: '2026-11-20',
			section: 'municipio'
		};
		expect(input.safeParse(base).success).toBe(true);
		expect(input.safeParse({ ...base, slug: '../etc/passwd' }).success).toBe(false);
		expect(input.safeParse({ ...base, slug: 'Perfil Ñ' }).success).toBe(false);
		expect(input.safeParse({ ...base, title: 'a\u0000b' }).success).toBe(false);
		expect(
			input.safeParse({ ...base, links: [{ title: 'x', href: 'javascript:alert(1)' }] }).success
		).toBe(false);
		expect(input.safeParse({ ...base, updatedAt: '20/11/2026' }).success).toBe(false);
	});

	it('CouchDB validation refuses unknown types, mismatched ids and unsanitised HTML', () => {
		expect(() => validate({ ...noticia, type: 'usuario' })).toThrow();
		expect(() => validate({ ...noticia, _id: 'noticia:otra' })).toThrow();
		expect(() => validate({ ...noticia, html: '<script>alert(1)</script>' })).toThrow();
		expect(() => validate({ _id: noticia._id, _deleted: true })).not.toThrow();
	});
});
