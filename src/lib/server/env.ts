import { env } from '$env/dynamic/private';

/** Where the CouchDB-compatible store lives; the Node server sets it for the embedded store. */
export function couchUrl(): string {
	const url = env.COUCHDB_URL;
	if (!url) {
		throw new Error(
			'COUCHDB_URL no está definido: inicie con `npm start` (almacén integrado) o defina COUCHDB_URL'
		);
	}
	return url;
}
