/**
 * Where the CouchDB-compatible store lives. Read from `process.env` at call time (not
 * `$env/dynamic/private`, which the dev server snapshots before the embedded store has started
 * and set this variable); the app only ever runs on Node.
 */
export function couchUrl(): string {
	const url = process.env.COUCHDB_URL;
	if (!url) {
		throw new Error(
			'COUCHDB_URL no está definido: inicie con `npm start` (almacén integrado) o defina COUCHDB_URL'
		);
	}
	return url;
}
