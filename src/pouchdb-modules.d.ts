// PouchDB plugins published without type declarations.
declare module 'pouchdb-adapter-memory' {
	const plugin: PouchDB.Plugin;
	export default plugin;
}
declare module 'pouchdb-adapter-http' {
	const plugin: PouchDB.Plugin;
	export default plugin;
}
declare module 'pouchdb-replication' {
	const plugin: PouchDB.Plugin;
	export default plugin;
}
declare module 'express-pouchdb' {
	const expressPouchDB: (
		pouch: unknown,
		options: Record<string, unknown>
	) => import('express').RequestHandler;
	export = expressPouchDB;
}
