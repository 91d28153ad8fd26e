/**
 * Design documents and security objects from `couchdb/`, bundled into the server build.
 */
const sources = import.meta.glob('/couchdb/ddocs/**/*.js', {
	query: '?raw',
	import: 'default',
	eager: true
}) as Record<string, string>;
const security = import.meta.glob('/couchdb/security/*.json', {
	import: 'default',
	eager: true
}) as Record<string, object>;

export interface DesignDoc {
	_id: string;
	language: 'javascript';
	validate_doc_update?: string;
	views?: Record<string, { map?: string; reduce?: string }>;
}

/** Strips the file's leading `//` comment block: CouchDB wants a bare function expression. */
export function functionSource(source: string): string {
	return source.replace(/^(\s*\/\/[^\n]*\n)+/, '').trim();
}

/** The design documents of each database, keyed by database name. */
export function designDocs(): Map<string, DesignDoc[]> {
	const byDb = new Map<string, Map<string, DesignDoc>>();
	for (const [path, source] of Object.entries(sources)) {
		const m = /\/couchdb\/ddocs\/([^/]+)\/([^/]+)\/(.+)\.js$/.exec(path);
		if (!m) continue;
		const [, db = '', name = '', rest = ''] = m;
		const docs = byDb.get(db) ?? new Map<string, DesignDoc>();
		byDb.set(db, docs);
		const ddoc = docs.get(name) ?? { _id: `_design/${name}`, language: 'javascript' };
		docs.set(name, ddoc);
		const fn = functionSource(source);
		if (rest === 'validate_doc_update') {
			ddoc.validate_doc_update = fn;
		} else {
			const view = /^views\/([^/]+)\/(map|reduce)$/.exec(rest);
			if (!view) throw new Error(`Archivo de diseño no reconocido: ${path}`);
			ddoc.views ??= {};
			const v = (ddoc.views[view[1] ?? ''] ??= {});
			v[view[2] as 'map' | 'reduce'] = fn;
		}
	}
	return new Map([...byDb].map(([db, docs]) => [db, [...docs.values()]]));
}

/** `_security` objects keyed by database name. */
export function securityObjects(): Map<string, object> {
	return new Map(
		Object.entries(security).map(([path, obj]) => [/\/([^/]+)\.json$/.exec(path)?.[1] ?? '', obj])
	);
}
