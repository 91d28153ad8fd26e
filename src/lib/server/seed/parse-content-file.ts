import { parse as parseYaml } from 'yaml';
import {
	contentInputSchemas,
	contentTypeSchema,
	type ContentInput,
	type ContentType
} from '$lib/schemas';

export interface ParsedContentFile {
	type: ContentType;
	input: ContentInput;
}

export class ContentFileError extends Error {
	constructor(
		readonly file: string,
		message: string
	) {
		super(`${file}: ${message}`);
		this.name = 'ContentFileError';
	}
}

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/;

/**
 * Parses a seed file `content/<type>/<slug>.md`: YAML front matter with the fields of the type's
 * input schema, then the Markdown body. The type and slug come from the path, so a file cannot
 * claim to be something its location says it is not.
 */
export function parseContentFile(path: string, source: string): ParsedContentFile {
	const match = /(?:^|\/)content\/([a-z-]+)\/([a-z0-9-]+)\.md$/.exec(path);
	if (!match) throw new ContentFileError(path, 'la ruta debe ser content/<tipo>/<slug>.md');
	const typeResult = contentTypeSchema.safeParse(match[1]);
	if (!typeResult.success) throw new ContentFileError(path, `tipo desconocido "${match[1]}"`);
	const type = typeResult.data;

	const fm = FRONT_MATTER.exec(source);
	if (!fm) throw new ContentFileError(path, 'falta el encabezado YAML entre líneas ---');
	let data: unknown;
	try {
		data = parseYaml(fm[1] ?? '', { schema: 'core' });
	} catch (e) {
		throw new ContentFileError(path, `YAML inválido: ${(e as Error).message}`);
	}
	if (typeof data !== 'object' || data === null || Array.isArray(data)) {
		throw new ContentFileError(path, 'el encabezado YAML debe ser un objeto');
	}
	// YAML turns bare dates into Date objects; the schemas want ISO strings.
	const fields = normaliseDates(data) as Record<string, unknown>;
	if ('slug' in fields || 'body' in fields || 'type' in fields) {
		throw new ContentFileError(path, 'slug, type y body salen de la ruta y del texto, no del YAML');
	}
	const result = contentInputSchemas[type].safeParse({
		...fields,
		slug: match[2],
		body: (fm[2] ?? '').trim()
	});
	if (!result.success) {
		const issues = result.error.issues
			.map((i) => `${i.path.join('.') || '(raíz)'}: ${i.message}`)
			.join('; ');
		throw new ContentFileError(path, issues);
	}
	return { type, input: result.data };
}

function normaliseDates(value: unknown): unknown {
	if (value instanceof Date) return value.toISOString().slice(0, 10);
	if (Array.isArray(value)) return value.map(normaliseDates);
	if (value && typeof value === 'object') {
		return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normaliseDates(v)]));
	}
	return value;
}
