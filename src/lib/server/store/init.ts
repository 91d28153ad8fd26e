import { z } from 'zod';
import { contentChanged } from '$lib/server/content/repo';
import { couch, DB } from '$lib/server/couch';
import { CouchError, type CouchClient } from '$lib/server/couch/client';
import { canonicalJson } from '$lib/server/util/canonical-json';
import seedDocs from 'virtual:seed-docs';
import { designDocs, securityObjects } from './design-docs';

const SEED_MARKER = '_local/ventanilla-seed';
/** A design document as stored: whatever the bundled files hold, plus its revision. */
const storedDesignDoc = z.looseObject({ _id: z.string(), _rev: z.string().optional() });

/** Something a feature loads together with the seed content (an empty store), idempotently. */
export type Seeder = (client: CouchClient) => Promise<void>;

/**
 * Prepares the store at server start: databases, design documents, security objects and, on
 * an empty content database, Puerto Guzmán's seed content followed by each feature's `seeders`
 * (given by the caller, so this module imports no feature). Safe to run on every start and
 * from several servers at once: every write is create-if-missing or compare-and-set.
 */
export async function initStore(
	client: CouchClient = couch(),
	seeders: Seeder[] = []
): Promise<{ seeded: number }> {
	// Every step is safe to repeat, so a connection dropped by a starved machine (seen as
	// ECONNRESET from the embedded store under heavy load) is retried instead of ending the start.
	for (let attempt = 1; ; attempt++) {
		try {
			return await initOnce(client, seeders);
		} catch (e) {
			if (!isConnectionFailure(e) || attempt >= START_ATTEMPTS) throw e;
			console.warn(`La base de datos no respondió al iniciar; reintento ${attempt}…`);
			await new Promise((r) => setTimeout(r, 300 * attempt));
		}
	}
}

const START_ATTEMPTS = 5;

/** fetch() failing below HTTP (reset, refused): the request may or may not have been applied. */
function isConnectionFailure(e: unknown): boolean {
	return e instanceof TypeError && e.message === 'fetch failed';
}

async function initOnce(client: CouchClient, seeders: Seeder[]): Promise<{ seeded: number }> {
	for (const db of Object.values(DB)) await client.ensureDb(db);
	for (const [db, docs] of designDocs()) {
		for (const ddoc of docs) await upsertDesignDoc(client, db, ddoc);
	}
	// The embedded store has no _security (access to it is guarded by its secret); Apache
	// CouchDB gets the files' security objects.
	if (await isApacheCouchDB(client)) {
		for (const [db, sec] of securityObjects()) {
			await client.json(`${db}/_security`, { method: 'PUT', body: JSON.stringify(sec) });
		}
	}
	const seeded = await seedContent(client);
	if (seeded) for (const seed of seeders) await seed(client);
	return { seeded };
}

async function isApacheCouchDB(client: CouchClient): Promise<boolean> {
	const root = await client.json<Record<string, unknown>>('/');
	return 'couchdb' in root;
}

async function upsertDesignDoc(client: CouchClient, db: string, ddoc: { _id: string }) {
	const current = await client.get(db, ddoc._id, storedDesignDoc);
	const { _rev, ...currentBody } = current ?? { _rev: undefined };
	// Key order differs between stores (express-pouchdb answers `language` before `_id`): compare
	// the canonical text, or every start rewrites every design document and bumps the sequence.
	if (current && canonicalJson(currentBody) === canonicalJson(ddoc)) return;
	try {
		await client.put(db, _rev ? { ...ddoc, _rev } : ddoc);
	} catch (e) {
		// Another server installed it at the same moment: its copy is the same files.
		if (!(e instanceof CouchError && e.status === 409)) throw e;
	}
}

async function seedContent(client: CouchClient): Promise<number> {
	if (await client.exists(DB.content, SEED_MARKER)) return 0;
	const results = await client.bulkDocs(DB.content, seedDocs);
	contentChanged();
	// 409 = the document already exists (an earlier partial start, or an editor's later version).
	const failed = results.filter((r) => r.error && r.error !== 'conflict');
	if (failed.length) {
		throw new Error(
			`Carga inicial fallida: ${failed.map((f) => `${f.id}: ${f.reason}`).join(', ')}`
		);
	}
	await client
		.put(DB.content, { _id: SEED_MARKER, at: new Date().toISOString(), count: seedDocs.length })
		.catch((e: unknown) => {
			// Another server seeding at the same moment wrote the marker first: same content.
			if (!(e instanceof CouchError && e.status === 409)) throw e;
		});
	return results.filter((r) => !r.error).length;
}
