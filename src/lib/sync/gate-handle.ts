/**
 * The device's handle on the replication gate without PouchDB's identity request. Before every
 * replication PouchDB asks the server's root for a `uuid` to name its checkpoint; the gate has
 * none, so PouchDB falls back to the database URL with a trailing slash. Giving it that same
 * name up front keeps every checkpoint where it was and saves a round trip per pull (~0.4 s on
 * 3G).
 */
export function withGateId<D extends object>(remote: D, url: string): D {
	const id = `${url.replace(/\/$/, '')}/`;
	// `id()` is PouchDB's (undeclared in its types) and only read by the replication.
	(remote as D & { id: () => Promise<string> }).id = () => Promise.resolve(id);
	return remote;
}
