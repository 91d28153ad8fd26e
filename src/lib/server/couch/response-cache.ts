/**
 * Compressed responses of the public replication gate, shared by every device. Public content
 * is the same for everyone, so the answer to a `_changes` or `_bulk_get` depends only on the
 * database's update sequence and on the request itself: keyed by both, an answer can be reused
 * until something is published. Under 200 devices syncing at once this saves a LevelDB read, a
 * JSON encode and a Brotli pass per device (measured as most of the server's CPU).
 *
 * Each answer is also found by the request exactly as it arrived (method, path and query, body
 * text, encoding), so the gate's fast path (`gate-fast-path.ts`) replays it from Node's request
 * without SvelteKit, Zod or a `Request` object: a fifth of the CPU of the same answer through
 * SvelteKit (bench server-load).
 */
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import { setBounded } from '$lib/server/util/bounded-map';

type Encoding = 'br' | 'gzip' | 'identity';

/** An answer as sent: compressed body and every header it is sent with. */
export interface CachedAnswer {
	body: Uint8Array;
	headers: Record<string, string>;
}

/** Total bytes kept (compressed): 48 MB. */
const MAX_BYTES = 48 * 1024 * 1024;
/** How long the update sequence is trusted without asking the store again (ms). */
const SEQ_TTL_MS = 1000;
/**
 * How old a sequence may still be answered while the store is being asked for a newer one (ms).
 * Under a burst the store (at a lower priority than the app) may take a second to answer, and
 * every page and every pull would wait for it (measured: 45 of 200 devices' `_changes` waited
 * 410 ms for one such read).
 */
const SEQ_STALE_MS = 3000;

const entries = new Map<string, CachedAnswer>();
let bytes = 0;
/**
 * Answers being produced: devices that ask the same thing meanwhile wait for that one answer (a
 * burst right after a publication costs one store read and one Brotli pass, not one per device).
 */
const producing = new Map<string, Promise<CachedAnswer | null>>();
/**
 * Entry ids by the request as it arrived (see `replay`). The keys come from clients (queries,
 * bodies), so there is room for a bounded number.
 */
const byRawRequest = new Map<string, string>();
const MAX_RAW_REQUESTS = 10_000;
/** The newest sequence read, when the store was asked for it, and the local writes it saw. */
let known: { value: string; asked: number; generation: number } | undefined;
let pending: { generation: number; promise: Promise<string> } | undefined;
/** Set by a failed read, cleared by a good one: while set, no earlier sequence is answered. */
let failing = false;
/** Counts this process's writes to the content (`sequenceChanged`). */
let generation = 0;

/**
 * The store's update sequence, asked at most once a second; the caller that asks waits for the
 * answer, and the callers that arrive while it is being asked are answered the previous sequence
 * if it was asked for less than `SEQ_STALE_MS` ago (else they share that one read). The second
 * counts from when the store was asked, not from its answer: a read that waited behind a busy
 * store may predate a publication that ended before the answer came.
 *
 * A failed read is never kept: the next caller asks the store again, so a server recovers by
 * itself when the store comes back (a rejected promise kept here once made every page, the sync
 * gate and filing fail until a restart); and from a failure until a good read nobody is answered
 * an earlier sequence, so an outage shows at once instead of as content frozen for seconds.
 */
export function currentSeq(read: () => Promise<string | number>): Promise<string> {
	const now = Date.now();
	const trusted = known?.generation === generation ? known : undefined;
	if (trusted && now - trusted.asked < SEQ_TTL_MS) return Promise.resolve(trusted.value);
	const newer = pending?.generation === generation ? pending.promise : undefined;
	// The first caller after the second waits for the store: a lone device pulling right after
	// another server published gets the publication, never the answer from before it.
	if (!newer) return readSeq(read, now, generation);
	if (trusted && !failing && now - trusted.asked < SEQ_STALE_MS) {
		return Promise.resolve(trusted.value);
	}
	return newer;
}

function readSeq(
	read: () => Promise<string | number>,
	asked: number,
	gen: number
): Promise<string> {
	const promise = read().then(
		(v) => {
			const value = String(v);
			const newest =
				!known || gen > known.generation || (gen === known.generation && asked >= known.asked);
			if (newest) {
				known = { value, asked, generation: gen };
				failing = false;
			}
			return value;
		},
		(e: unknown) => {
			if (!known || asked >= known.asked) failing = true;
			throw e;
		}
	);
	pending = { generation: gen, promise };
	const done = () => {
		if (pending?.promise === promise) pending = undefined;
	};
	// Callers answered the previous sequence do not wait for this read: its failure is handled
	// here, and by whoever awaits it.
	promise.then(done, done);
	return promise;
}

/**
 * This process wrote to the content (a publication): the sequences read before are not trusted
 * any more, and the next callers wait for the store's new one, so whoever published sees the
 * publication in the next pull. Other servers' publications are seen within `SEQ_TTL_MS`, or
 * `SEQ_STALE_MS` while their store is slow to answer.
 */
export function sequenceChanged(): void {
	generation++;
}

/** The best encoding the client accepts: Brotli, then gzip, else none. */
export function pickEncoding(acceptEncoding: string | null): Encoding {
	const accepted = (acceptEncoding ?? '').toLowerCase();
	if (/\bbr\b/.test(accepted)) return 'br';
	if (/\bgzip\b/.test(accepted)) return 'gzip';
	return 'identity';
}

function encode(text: string, encoding: Encoding): Uint8Array {
	const raw = new TextEncoder().encode(text);
	if (encoding === 'br') {
		// Copied into a plain Uint8Array: Node's Buffer types and TS 6's lib disagree.
		return new Uint8Array(
			brotliCompressSync(raw, {
				params: {
					[constants.BROTLI_PARAM_QUALITY]: 5,
					[constants.BROTLI_PARAM_SIZE_HINT]: raw.length
				}
			})
		);
	}
	return encoding === 'gzip' ? new Uint8Array(gzipSync(raw, { level: 6 })) : raw;
}

/** Only the last part may hold a line break, so that no two lists of parts give one text. */
const digest = (...parts: string[]) =>
	createHash('sha256').update(parts.join('\n')).digest('base64url');

/** The request as it arrived: its method, path and query as the URL parser spells them, body. */
const rawRequestKey = (
	sequence: string,
	method: string,
	url: URL,
	body: string,
	encoding: Encoding
) => digest(sequence, encoding, method, url.pathname + url.search, body);

/** The entry, moved to the end of the map (least recently used go first). */
function touch(id: string): CachedAnswer | undefined {
	const entry = entries.get(id);
	if (entry) {
		entries.delete(id);
		entries.set(id, entry);
	}
	return entry;
}

function keep(id: string, entry: CachedAnswer): void {
	entries.set(id, entry);
	bytes += entry.body.byteLength;
	for (const [oldest, old] of entries) {
		if (bytes <= MAX_BYTES) break;
		entries.delete(oldest);
		bytes -= old.body.byteLength;
	}
}

/**
 * Answers from the cache, or produces the JSON text once, compresses it and keeps it.
 * `key` must identify the request completely (path, query and body); `rawBody` is the body as
 * the device sent it (the text `key` was made from), so that `replay` finds the answer too.
 */
export async function cachedJson(
	request: Request,
	key: string,
	sequence: string,
	produce: () => Promise<string | Response>,
	headers: Record<string, string>,
	rawBody = ''
): Promise<Response> {
	const encoding = pickEncoding(request.headers.get('accept-encoding'));
	const id = digest(sequence, encoding, key);
	let entry = touch(id);
	while (!entry) {
		const pending = producing.get(id);
		if (pending) {
			// Another request is producing it; if that one failed or was refused, produce again.
			entry = (await pending) ?? undefined;
			continue;
		}
		const produced = produce();
		const shared = produced.then(
			(p) => (p instanceof Response ? null : answerOf(p, encoding, headers)),
			() => null
		);
		producing.set(id, shared);
		try {
			const result = await produced;
			if (result instanceof Response) return result;
			entry = (await shared) ?? undefined;
			if (entry) keep(id, entry);
		} finally {
			producing.delete(id);
		}
	}
	setBounded(
		byRawRequest,
		rawRequestKey(sequence, request.method, new URL(request.url), rawBody, encoding),
		id,
		MAX_RAW_REQUESTS
	);
	return new Response(entry.body as BodyInit, { headers: entry.headers });
}

function answerOf(text: string, encoding: Encoding, headers: Record<string, string>): CachedAnswer {
	return {
		body: encode(text, encoding),
		headers: {
			...headers,
			'content-type': 'application/json',
			vary: 'accept-encoding',
			...(encoding === 'identity' ? {} : { 'content-encoding': encoding })
		}
	};
}

/**
 * The answer `cachedJson` gave at this `sequence` to the same request (same method, path and
 * query, body text and accepted encoding), if it is still kept.
 */
export function replay(
	sequence: string,
	method: string,
	url: URL,
	body: string,
	acceptEncoding: string | null
): CachedAnswer | undefined {
	const raw = rawRequestKey(sequence, method, url, body, pickEncoding(acceptEncoding));
	const id = byRawRequest.get(raw);
	return id === undefined ? undefined : touch(id);
}
