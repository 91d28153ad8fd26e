/**
 * Builds and refreshes the offline pack (`$lib/schemas/pack`): reads the content store's changes
 * since the plan, decides which segments change (`replan`), builds those (current revisions,
 * as devices receive them through the replication gate), compresses each once with Brotli at
 * its highest quality and with gzip, and writes the new plan.
 *
 * Brotli 11 costs ~4 s of one core per 1,000 documents, so it never runs on a device's request:
 * the manifest answers with the plan it has and a refresh runs behind it, one at a time per
 * process and at most every `PACK_REFRESH_SECONDS` (`$lib/server/config`). A plan a few minutes old is still exact: devices
 * replicate from its sequence, so what changed since reaches them by replication.
 */
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { config } from '$lib/server/config';
import { couch, DB } from '$lib/server/couch';
import { CouchError } from '$lib/server/couch/client';
import { parseForDevices } from '$lib/server/couch/content-proxy';
import { contentSeq } from '$lib/server/content/repo';
import { isEssentialId } from '$lib/content/essentials';
import type { PackManifest, PackPlan, PackPlanSegment } from '$lib/schemas/pack';
import { replan, type Change, type SegmentIds } from './replan';
import { readPlan, removeSegments, storedSegment, storeSegment, writePlan } from './pack-store';

/** Documents per segment: ~0.35 MB compressed, 7 s of 3G, ~4 s of Brotli 11 to build. */
export const SEGMENT_DOCS = 1000;
/** How long the first manifest request waits for the first plan before answering without (ms). */
const FIRST_PLAN_WAIT_MS = 3_000;
/** How long a plan read from the store is trusted before reading it again (ms). */
const PLAN_TTL_MS = 5_000;

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** The hash naming a segment: its text's SHA-256, 24 base64url characters (144 bits). */
export const segmentHash = (text: string): string =>
	createHash('sha256').update(text).digest('base64url').slice(0, 24);

interface ChangesFeed {
	results: Change[];
	last_seq: string;
}

async function changesSince(since: string): Promise<ChangesFeed> {
	const body = await couch().json<{
		results: Array<{ id: string; deleted?: boolean }>;
		last_seq: unknown;
	}>(`${DB.content}/_changes?since=${encodeURIComponent(since)}`);
	return {
		results: body.results
			.filter((r) => !r.id.startsWith('_design/'))
			.map((r) => (r.deleted ? { id: r.id, deleted: true } : { id: r.id })),
		last_seq: String(body.last_seq)
	};
}

/** The current revision of each document still there, as devices receive it (with its revision list). */
async function currentDocs(ids: readonly string[]): Promise<Array<{ _id: string }>> {
	const res = await couch().fetch(`${DB.content}/_bulk_get?revs=true`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ docs: ids.map((id) => ({ id })) })
	});
	if (!res.ok) throw new CouchError(res.status, 'error', '_bulk_get');
	const { results } = parseForDevices(await res.text()) as {
		results: Array<{ docs: Array<{ ok?: { _id: string; _deleted?: boolean } }> }>;
	};
	return results.flatMap((r) => r.docs.flatMap((d) => (d.ok && !d.ok._deleted ? [d.ok] : [])));
}

/** Builds one segment's files (unless stored already) and describes it; null when it is empty. */
async function buildSegment(segment: SegmentIds): Promise<PackPlanSegment | null> {
	const docs = await currentDocs(segment.ids);
	if (!docs.length) return null;
	const text = JSON.stringify({ docs });
	const hash = segmentHash(text);
	let sizes = await storedSegment(hash);
	if (!sizes) {
		const raw = Buffer.from(text);
		const [br, gz] = [
			new Uint8Array(
				await brotli(raw, {
					params: {
						[constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
						[constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
						[constants.BROTLI_PARAM_SIZE_HINT]: raw.length
					}
				})
			),
			new Uint8Array(await gzipAsync(raw, { level: 9 }))
		];
		await storeSegment(hash, br, gz);
		sizes = { brBytes: br.byteLength, gzBytes: gz.byteLength };
	}
	return {
		hash,
		essentials: segment.essentials,
		ids: docs.map((d) => d._id),
		...sizes
	};
}

/** Brings the plan up to the store's content; returns the plan that stands afterwards. */
export async function refreshPlan(): Promise<PackPlan | null> {
	const plan = await readPlan();
	const feed = await changesSince(plan?.seq ?? '0');
	if (plan && feed.results.length === 0) return plan;
	const next = replan(plan?.segments ?? [], feed.results, isEssentialId, SEGMENT_DOCS);
	const segments: PackPlanSegment[] = [];
	for (const s of next) {
		const kept = s.keep ? plan?.segments.find((x) => x.hash === s.keep) : undefined;
		const built = kept ?? (await buildSegment(s));
		if (built) segments.push(built);
	}
	const written: PackPlan = {
		_id: 'plan',
		...(plan?._rev ? { _rev: plan._rev } : {}),
		seq: feed.last_seq,
		builtAt: new Date().toISOString(),
		segments
	};
	const stored = await writePlan(written);
	if (!stored) return readPlan();
	// A replaced file may hold a revision an editor has since corrected: it is served no more
	// (a device in the middle of its pull reads the new manifest and goes on from there).
	const listed = new Set(segments.map((s) => s.hash));
	const replaced = (plan?.segments ?? []).map((s) => s.hash).filter((h) => !listed.has(h));
	await removeSegments(replaced).catch(() => {});
	return { ...written, _rev: stored.rev };
}

let known: { plan: PackPlan | null; at: number } | undefined;
let refreshing: Promise<PackPlan | null> | undefined;
let refreshEndedAt = 0;

function startRefresh(): Promise<PackPlan | null> {
	refreshing ??= refreshPlan()
		.then((plan) => {
			known = { plan, at: Date.now() };
			return plan;
		})
		.catch((e: unknown) => {
			console.error(`Paquete sin conexión: no se pudo actualizar (${String(e)})`);
			return known?.plan ?? null;
		})
		.finally(() => {
			refreshing = undefined;
			refreshEndedAt = Date.now();
		});
	return refreshing;
}

/**
 * What a device reads before its first pull: the plan's segments (essentials first) and the
 * sequence to replicate from once they are stored. No segments means "replicate as usual": the
 * first plan is still being built, or there is no content.
 */
export async function packManifest(): Promise<PackManifest> {
	const seq = await contentSeq();
	if (!known || Date.now() - known.at > PLAN_TTL_MS) {
		known = { plan: await readPlan(), at: Date.now() };
	}
	const stale = !known.plan || known.plan.seq !== seq;
	const gapMs = config().PACK_REFRESH_SECONDS * 1000;
	if (stale && !refreshing && Date.now() - refreshEndedAt >= gapMs) void startRefresh();
	if (!known.plan && refreshing) {
		await Promise.race([refreshing, new Promise((r) => setTimeout(r, FIRST_PLAN_WAIT_MS))]);
	}
	const plan = known?.plan;
	if (!plan) return { seq, segments: [] };
	return {
		seq: plan.seq,
		segments: plan.segments.map((s) => ({
			hash: s.hash,
			href: `/api/sync/paquete/${s.hash}`,
			essentials: s.essentials,
			docs: s.ids.length,
			bytes: s.brBytes
		}))
	};
}

const lists = (plan: PackPlan | null, hash: string) =>
	!!plan && plan.segments.some((s) => s.hash === hash);

/** How often a hash the known plan does not list may make this process read the plan again. */
const UNLISTED_RECHECK_MS = 1_000;

/**
 * Whether `hash` is a segment of the current plan, the only ones served: a replaced file may
 * hold a revision since corrected. A hash the plan this process knows does not list is checked
 * against the store's (another server may have just written a newer plan), at most once a
 * second: made-up hashes cannot turn into a stream of store reads.
 */
export async function isListedSegment(hash: string): Promise<boolean> {
	const age = known ? Date.now() - known.at : Infinity;
	if (known && age <= PLAN_TTL_MS && lists(known.plan, hash)) return true;
	if (known && age <= UNLISTED_RECHECK_MS) return false;
	known = { plan: await readPlan(), at: Date.now() };
	return lists(known.plan, hash);
}
