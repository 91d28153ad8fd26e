import { essentialsFlag, packFlag } from '$lib/device-flags';
import { ESSENTIALS_FILTER } from '$lib/content/essentials';
import { localContentDb, packManifestUrl, PouchDB, remoteContentUrl } from './pouch';
import { applyPack } from './pack-apply';
import { withGateId } from './gate-handle';
import { pullPercent } from './pull-progress';
import { searchIndexBuilder, type SearchIndexBuilder } from './search-index-builder';

/**
 * Documents per replication batch. Large batches mean few HTTP round trips on high-latency
 * links (budget: ≤ 6 requests per 1,000 docs; PouchDB's default of 100 needs ~22).
 */
export const PULL_BATCH_SIZE = 1000;

/**
 * What a pull has brought so far: during a first pull the essentials come first (`essentials`
 * true, no percentage: their feed skips through the sequence), then everything else, with
 * `percent` once the server's sequence is known.
 */
export interface PullProgress {
	essentials: boolean;
	received: number;
	percent: number | null;
}

/**
 * Brings the device's copy of the public content up to date, and the offline search index with
 * it: pack segments are indexed as they are stored, changed documents re-indexed at the end.
 * Resolves only when everything is stored; a cut link rejects and the next pull resumes from the
 * last checkpoint (each phase keeps its own).
 */
export async function pullContent(
	onProgress: (progress: PullProgress) => void = () => {},
	options: PullOptions = {}
): Promise<{ syncedAt: string; docCount: number }> {
	const search = searchIndexBuilder();
	try {
		return await pull(onProgress, options, search);
	} finally {
		search.close();
	}
}

/**
 * The first pull takes minutes on 3G: its essentials come first (`$lib/content/essentials`) and
 * `onEssentials` runs once they are stored, and its percentage is measured. Later pulls bring a
 * few documents in seconds, in one replication.
 */
interface PullOptions {
	first?: boolean;
	onEssentials?: () => void;
}

async function pull(
	onProgress: (progress: PullProgress) => void,
	{ first = true, onEssentials = () => {} }: PullOptions,
	search: SearchIndexBuilder
): Promise<{ syncedAt: string; docCount: number }> {
	const local = localContentDb();
	// One handle for both phases, without PouchDB's set-up request (it would check that the
	// database exists, or create it: the gate is read-only and always there) nor its identity
	// request (`withGateId`): two round trips less per pull, ~0.8 s on 3G.
	const remote = withGateId(
		new PouchDB(remoteContentUrl(), { skip_setup: true }),
		remoteContentUrl()
	);
	const essentialsStored = () => {
		essentialsFlag.write(new Date().toISOString());
		onEssentials();
	};
	// A first pull reads the server's pack: a few files compressed once for every device
	// (essentials first), then replicates only what changed since it was built.
	const since = first
		? await applyPack(local, {
				manifestUrl: packManifestUrl(),
				onEssentials: essentialsStored,
				onSegment: (segment) => search.segmentStored(segment),
				onProgress: ({ essentials, received, percent }) =>
					onProgress({ essentials, received, percent: essentials ? null : percent })
			}).catch((e: unknown) => {
				// A cut link ends this pull (the next one goes on from the segments stored); a pack
				// the server cannot give is replaced by a replication from the start.
				if (e instanceof TypeError) throw e;
				console.warn('Paquete sin conexión: se sigue por replicación', e);
				return null;
			})
		: null;
	let updateSeq: unknown = null;
	if (first && since === null) {
		// Asked beside the replication, not before it: progress must not delay the download.
		void fetch(remoteContentUrl(), { headers: { accept: 'application/json' } })
			.then((res) => (res.ok ? res.json() : null))
			.then((info: { update_seq?: unknown } | null) => (updateSeq = info?.update_seq ?? null))
			.catch(() => {});
		await replicate(remote, local, { filter: ESSENTIALS_FILTER }, (info) =>
			onProgress({ essentials: true, received: info.docs_written, percent: null })
		);
		essentialsStored();
	}
	// Everything: the essentials are not fetched again (the replication asks the device first).
	const everything = await replicate(remote, local, since === null ? {} : { since }, (info) =>
		onProgress({
			essentials: false,
			received: info.docs_written,
			percent: pullPercent(info.last_seq, updateSeq)
		})
	);

	// Nothing new (most pulls: every half hour and at each reconnection): the stored index is
	// kept as it is, without even the worker's script to download.
	const previous = packFlag.read();
	const docCount =
		!first && everything.docs_written === 0 && previous && (await searchIndexStored())
			? previous.docCount
			: await search.finish(everything.last_seq);
	const syncedAt = new Date().toISOString();
	packFlag.write({ syncedAt, docCount });
	return { syncedAt, docCount };
}

async function replicate(
	remote: PouchDB.Database,
	local: PouchDB.Database,
	options: { filter?: string; since?: string },
	onChange: (info: PouchDB.Replication.ReplicationResult<object>) => void
): Promise<{ last_seq: string | number; docs_written: number }> {
	const replication = PouchDB.replicate(remote, local, {
		...options,
		batch_size: PULL_BATCH_SIZE,
		batches_limit: 2,
		// Checkpoints stay on the device: the server endpoint is read-only.
		checkpoint: 'target',
		retry: false
	});
	replication.on('change', onChange);
	const result = await replication;
	if (!result.ok) throw new Error(result.errors.map(String).join('; ') || 'replicación incompleta');
	return result;
}

/** Whether the device holds a search index this version of the app can read. */
async function searchIndexStored(): Promise<boolean> {
	const [{ getAppDb }, { hasSearchIndex }] = await Promise.all([
		import('$lib/db'),
		import('$lib/search/search-store')
	]);
	return hasSearchIndex(getAppDb());
}
