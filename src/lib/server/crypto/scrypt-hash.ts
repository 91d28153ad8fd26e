/**
 * Slow salted hashes for the secrets people type: citizens' PINs (radicado + PIN) and officials'
 * passwords. Only the hash is stored: `scrypt$N$r$p$salt$hash` (base64url salt and hash), so the
 * parameters can be raised later without invalidating what was already issued.
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** 2^14 × 8 × 128 B = 16 MiB and ~30–60 ms per hash: slow for guessing, fine per request. */
const COST = { N: 16_384, r: 8, p: 1 } as const;
const KEY_BYTES = 32;
const SALT_BYTES = 16;
/** Refuse stored parameters that would make a verification a denial of service. */
const MAX_N = 1 << 17;
const MAX_MEM = 256 * 1024 * 1024;

/**
 * At most this many hashes run at once. scrypt runs in libuv's thread pool (4 threads by
 * default), which the embedded store's LevelDB and zlib share: a burst of 50 submissions would
 * otherwise queue 50 hashes in front of every database read and write, and the radicado
 * allocator (one claim at a time) would wait behind all of them.
 */
const MAX_CONCURRENT = 2;
let running = 0;
const waiting: Array<() => void> = [];

async function withSlot<T>(fn: () => Promise<T>): Promise<T> {
	if (running >= MAX_CONCURRENT) await new Promise<void>((r) => waiting.push(r));
	running++;
	try {
		return await fn();
	} finally {
		running--;
		waiting.shift()?.();
	}
}

function derive(
	secret: string,
	salt: Uint8Array,
	opts: ScryptOptions,
	keylen: number
): Promise<Uint8Array> {
	return withSlot(
		() =>
			new Promise((resolve, reject) => {
				// The async form runs off the main thread, so hashing never blocks other requests.
				scrypt(secret, salt, keylen, { ...opts, maxmem: MAX_MEM }, (err, key) =>
					err ? reject(err) : resolve(new Uint8Array(key))
				);
			})
	);
}

const b64url = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');
const fromB64url = (text: string) => new Uint8Array(Buffer.from(text, 'base64url'));

/** Hashes a secret with a fresh random salt. */
export async function hashSecret(secret: string): Promise<string> {
	const salt = new Uint8Array(randomBytes(SALT_BYTES));
	const key = await derive(secret, salt, COST, KEY_BYTES);
	return ['scrypt', COST.N, COST.r, COST.p, b64url(salt), b64url(key)].join('$');
}

/** The parts of a stored hash, or null if it is not one this module wrote. */
export function parseScryptHash(
	stored: string
): { N: number; r: number; p: number; salt: Uint8Array; key: Uint8Array } | null {
	const m =
		/^scrypt\$(\d{1,7})\$(\d{1,2})\$(\d{1,2})\$([A-Za-z0-9_-]{16,88})\$([A-Za-z0-9_-]{22,88})$/.exec(
			stored
		);
	if (!m) return null;
	const [N, r, p] = [Number(m[1]), Number(m[2]), Number(m[3])];
	// N must be a power of two > 1 (scrypt's own rule).
	if (N < 2 || N > MAX_N || (N & (N - 1)) !== 0 || r < 1 || p < 1) return null;
	return {
		N,
		r,
		p,
		salt: fromB64url(m[4] ?? ''),
		key: fromB64url(m[5] ?? '')
	};
}

/** True if `secret` matches `stored`; compares in constant time. Never throws for bad input. */
export async function verifySecret(secret: string, stored: string): Promise<boolean> {
	const parsed = parseScryptHash(stored);
	if (!parsed) return false;
	const key = await derive(
		secret,
		parsed.salt,
		{ N: parsed.N, r: parsed.r, p: parsed.p },
		parsed.key.length
	);
	return timingSafeEqual(key, parsed.key);
}

let dummy: Promise<string> | undefined;

/**
 * Spends the same time as a real verification and returns false: used for unknown radicados and
 * unknown usernames, so that response times do not reveal which ones exist.
 */
export async function verifyAgainstNothing(secret: string): Promise<false> {
	dummy ??= hashSecret('000000');
	await verifySecret(secret, await dummy);
	return false;
}
