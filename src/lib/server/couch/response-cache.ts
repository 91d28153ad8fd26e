/**
 * Compressed responses of the public replication gate, shared by every device. Public content
 * is the same for everyone, so the answer to a `_changes` or `_bulk_get` depends only on the
 * database's update sequence and on the request itself: keyed by both, an answer can be reused
 * until something is published. Under 200 devices syncing at once this saves a LevelDB read, a
 * JSON encode and a Brotli pass per device (measured as most of the server's CPU).
 */
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';

type Encoding = 'br' | 'gzip' | 'identity';

interface Entry {
	body: Uint8Array;
	encoding: Encoding;
}

/** Total bytes kept (compressed): 48 MB. */
const MAX_BYTES = 48 * 1024 * 1024;
/** How long the update sequence is trusted without asking the store again (ms). */
const SEQ_TTL_MS = 1000;

const entries = new Map<string, Entry>();
let bytes = 0;
let seq: { value: string; at: number; pending?: Promise<string> } | undefined;

/**
 * The store's update sequence, asked at most once a second; callers that arrive while it is
 * being asked share that one read. A failed read is never kept: the next caller asks the store
 * again, so a server recovers by itself when the store comes back (a rejected promise kept here
 * once made every page, the sync gate and filing fail until a restart).
 */
export async function currentSeq(read: () => Promise<string | number>): Promise<string> {
	const now = Date.now();
	if (seq && now - seq.at < SEQ_TTL_MS) return seq.value;
	if (seq?.pending) return seq.pending;
	const pending = read().then(
		(v) => {
			seq = { value: String(v), at: Date.now() };
			return seq.value;
		},
		(e: unknown) => {
			if (seq?.pending === pending) seq = { value: seq.value, at: seq.at };
			throw e;
		}
	);
	seq = { value: seq?.value ?? '', at: seq?.at ?? 0, pending };
	return pending;
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

/**
 * Answers from the cache, or produces the JSON text once, compresses it and keeps it.
 * `key` must identify the request completely (path, query and body).
 */
export async function cachedJson(
	request: Request,
	key: string,
	sequence: string,
	produce: () => Promise<string | Response>,
	headers: Record<string, string>
): Promise<Response> {
	const encoding = pickEncoding(request.headers.get('accept-encoding'));
	const id = createHash('sha256').update(`${sequence}\n${key}\n${encoding}`).digest('base64url');
	let entry = entries.get(id);
	if (entry) {
		// Least recently used goes first: re-insert on every hit.
		entries.delete(id);
		entries.set(id, entry);
	} else {
		const produced = await produce();
		if (produced instanceof Response) return produced;
		entry = { body: encode(produced, encoding), encoding };
		entries.set(id, entry);
		bytes += entry.body.byteLength;
		for (const [oldest, old] of entries) {
			if (bytes <= MAX_BYTES) break;
			entries.delete(oldest);
			bytes -= old.body.byteLength;
		}
	}
	return new Response(entry.body as BodyInit, {
		headers: {
			...headers,
			'content-type': 'application/json',
			vary: 'accept-encoding',
			...(entry.encoding === 'identity' ? {} : { 'content-encoding': entry.encoding })
		}
	});
}
