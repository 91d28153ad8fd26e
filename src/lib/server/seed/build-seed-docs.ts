import { contentDocSchema, contentId, type ContentDoc } from '$lib/schemas';
import { renderMarkdown } from '$lib/server/content/render-markdown';
import { seedContentFiles } from './content-files';
import { ContentFileError, parseContentFile, type ParsedContentFile } from './parse-content-file';

/**
 * Turns the seed files into stored content documents: validates each file, checks cross
 * references (responsible office, institution) and renders the Markdown once, on the server.
 * Throws on the first problem: a broken seed must not be half-loaded.
 */
export function buildSeedDocs(files: Array<{ path: string; source: string }>): ContentDoc[] {
	const parsed: Array<ParsedContentFile & { path: string }> = files.map((f) => ({
		path: f.path,
		...parseContentFile(f.path, f.source)
	}));

	const ids = new Set<string>();
	const officeNames = new Map<string, string>();
	const institutions = new Set<string>();
	for (const p of parsed) {
		const id = contentId(p.type, p.input.slug);
		if (ids.has(id)) throw new ContentFileError(p.path, `id repetido ${id}`);
		ids.add(id);
		if (p.type === 'dependencia') officeNames.set(p.input.slug, p.input.title);
		if (p.type === 'institucion') institutions.add(p.input.slug);
	}
	const planRefs = (type: string) =>
		new Set(parsed.filter((p) => p.type === type).map((p) => p.input.slug));
	const lines = planRefs('linea-gelt');
	const activities = planRefs('actividad-gelt');

	return parsed.map((p) => {
		const responsibleName = officeNames.get(p.input.responsible);
		if (!responsibleName) {
			throw new ContentFileError(
				p.path,
				`responsible "${p.input.responsible}" no es una dependencia`
			);
		}
		if (p.type === 'dependencia') {
			const institution = (p.input as { institution: string }).institution;
			if (!institutions.has(institution)) {
				throw new ContentFileError(p.path, `institution "${institution}" no existe`);
			}
		}
		if (p.type === 'actividad-gelt') {
			const line = (p.input as { line: string }).line;
			if (!lines.has(line)) throw new ContentFileError(p.path, `line "${line}" no existe`);
		}
		if (p.type === 'reunion-gelt') {
			for (const c of (p.input as { commitments: Array<{ activity?: string }> }).commitments) {
				if (c.activity && !activities.has(c.activity)) {
					throw new ContentFileError(p.path, `activity "${c.activity}" no existe`);
				}
			}
		}
		return contentDocSchema.parse({
			...p.input,
			_id: contentId(p.type, p.input.slug),
			type: p.type,
			html: renderMarkdown(p.input.body),
			responsibleName
		});
	});
}

/**
 * The seed shipped with the repository (`content/`), as stored documents. Run when the server
 * is bundled (scripts/seed-docs.js); the server stores the result on an empty store.
 */
export const buildShippedSeed = (): ContentDoc[] => buildSeedDocs(seedContentFiles());
