/**
 * Whether the store can be read and written right now, asked afresh on every call (never
 * cached: a health answer must follow the store both ways). Each check gives up after a few
 * seconds, so a store that hangs reads as down instead of hanging the balancer's probe.
 */
import { couch, DB } from '$lib/server/couch';
import { CouchError } from '$lib/server/couch/client';

const CHECK_TIMEOUT_MS = 3000;
/** Rewritten by every check; a `_local` document keeps no revision history and never replicates. */
const PROBE_ID = '_local/salud';

export type StoreHealth =
	{ ok: true; contentDocs: number } | { ok: false; failed: 'lectura' | 'escritura' };

export async function storeHealth(): Promise<StoreHealth> {
	const client = couch();
	let contentDocs: number;
	try {
		const info = await client.json<{ doc_count: number }>(encodeURIComponent(DB.content), {
			signal: AbortSignal.timeout(CHECK_TIMEOUT_MS)
		});
		contentDocs = info.doc_count;
	} catch {
		return { ok: false, failed: 'lectura' };
	}
	try {
		const path = `${encodeURIComponent(DB.staff)}/${PROBE_ID}`;
		const signal = AbortSignal.timeout(CHECK_TIMEOUT_MS);
		const current = await client.json<{ _rev?: string }>(path, { signal }).catch((e: unknown) => {
			if (e instanceof CouchError && e.status === 404) return {};
			throw e;
		});
		await client
			.json(path, {
				method: 'PUT',
				signal,
				body: JSON.stringify({ ...current, at: new Date().toISOString() })
			})
			.catch((e: unknown) => {
				// Another probe wrote it in between: the store took a write, which is the point.
				if (!(e instanceof CouchError && e.status === 409)) throw e;
			});
	} catch {
		return { ok: false, failed: 'escritura' };
	}
	return { ok: true, contentDocs };
}
