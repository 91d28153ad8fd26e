/**
 * Slow salted hashes for the secrets people type: citizens' PINs (radicado + PIN) and officials'
 * passwords. Only the hash is stored: `scrypt$N$r$p$salt$hash` (base64url salt and hash), so the
 * parameters can be raised later without invalidating what was already issued.
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { config, MAX_SCRYPT_N } from '$lib/server/config';
import { backgroundScrypt } from './background-scrypt';

/**
 * New hashes: N from `SCRYPT_N`, by default 2^14 × 8 × 128 B = 16 MiB and ~30–60 ms per hash:
 * slow for guessing, fine per request.
 */
const cost = () => ({ N: config().SCRYPT_N, r: 8, p: 1 });
const KEY_BYTES = 32;
const SALT_BYTES = 16;
/** Refuse stored parameters that would make a verification a denial of service. */
const MAX_N = MAX_SCRYPT_N;
const MAX_MEM = 256 * 1024 * 1024;

/**
 * Hashes running at once, per lane. scrypt is ~50 ms of CPU: a burst of 100 filings is 5 s of
 * it, on a server with two cores. Officials' hashes (sign-ins, password changes) run in libuv's
 * thread pool as soon as they arrive. Citizens' (a PIN set when a request is filed, checked
 * when it is tracked) run in threads of their own at a low CPU priority
 * (`background-scrypt.ts`): under a burst, the pages and the content pull that people are
 * waiting for get the cores first; a filing is safe on the phone until its radicado comes back,
 * and a tracking lookup waits a moment more. On idle cores nothing changes.
 */
const MAX_RUNNING: Record<HashLane, number> = { staff: 2, citizen: 2 };

/** Whose hash it is: an official's (`staff`) or a citizen's PIN (`citizen`). */
export type HashLane = 'staff' | 'citizen';

/**
 * Citizens' hashes allowed to wait: about 3 s of work on two threads, more than one device's
 * full tracking request (50). Beyond it a check is refused at once ({@link HashingBusyError})
 * instead of queueing behind a flood: 400 anonymous lookups once made an official wait 15 s.
 */
export const MAX_CITIZENS_WAITING = 128;
/** Officials' hashes allowed to wait (sign-ins come one per person). */
const MAX_STAFF_WAITING = 256;
const MAX_WAITING: Record<HashLane, number> = {
	staff: MAX_STAFF_WAITING,
	citizen: MAX_CITIZENS_WAITING
};

/** The hashing queue is full: answered 429 `muchas_consultas` with `Retry-After`. */
export class HashingBusyError extends Error {
	readonly retryAfter = 5;
	constructor() {
		super('Demasiadas verificaciones de PIN en espera');
		this.name = 'HashingBusyError';
	}
}

const running: Record<HashLane, number> = { staff: 0, citizen: 0 };
const waiting: Record<HashLane, Array<() => void>> = { staff: [], citizen: [] };

/** Runs `fn` in one of the lane's hashing slots, queued while they are all busy. */
export async function withHashSlot<T>(lane: HashLane, fn: () => Promise<T>): Promise<T> {
	if (running[lane] < MAX_RUNNING[lane]) running[lane]++;
	else {
		if (waiting[lane].length >= MAX_WAITING[lane]) throw new HashingBusyError();
		// The slot is handed over by the hash that ends (running is not decremented then).
		await new Promise<void>((r) => waiting[lane].push(r));
	}
	try {
		return await fn();
	} finally {
		const next = waiting[lane].shift();
		if (next) next();
		else running[lane]--;
	}
}

/** Hashes waiting for a slot now, per lane (for tests and the health of the queue). */
export function hashesWaiting(): Record<HashLane, number> {
	return { staff: waiting.staff.length, citizen: waiting.citizen.length };
}

function derive(
	secret: string,
	salt: Uint8Array,
	opts: ScryptOptions,
	keylen: number,
	lane: HashLane
): Promise<Uint8Array> {
	const options = { ...opts, maxmem: MAX_MEM };
	return withHashSlot(lane, () =>
		lane === 'citizen'
			? backgroundScrypt(secret, salt, keylen, options)
			: new Promise((resolve, reject) => {
					// The async form runs off the main thread, so hashing never blocks other requests.
					scrypt(secret, salt, keylen, options, (err, key) =>
						err ? reject(err) : resolve(new Uint8Array(key))
					);
				})
	);
}

const b64url = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');
const fromB64url = (text: string) => new Uint8Array(Buffer.from(text, 'base64url'));

/**
 * Hashes a secret with a fresh random salt.
 * @throws {HashingBusyError} when the lane's queue is full
 */
export async function hashSecret(secret: string, lane: HashLane): Promise<string> {
	const salt = new Uint8Array(randomBytes(SALT_BYTES));
	const { N, r, p } = cost();
	const key = await derive(secret, salt, { N, r, p }, KEY_BYTES, lane);
	return ['scrypt', N, r, p, b64url(salt), b64url(key)].join('$');
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

/**
 * True if `secret` matches `stored`; compares in constant time. Never throws for bad input.
 * @throws {HashingBusyError} when the lane's queue is full
 */
export async function verifySecret(
	secret: string,
	stored: string,
	lane: HashLane
): Promise<boolean> {
	const parsed = parseScryptHash(stored);
	if (!parsed) return false;
	const key = await derive(
		secret,
		parsed.salt,
		{ N: parsed.N, r: parsed.r, p: parsed.p },
		parsed.key.length,
		lane
	);
	return timingSafeEqual(key, parsed.key);
}

let dummy: Promise<string> | undefined;

/**
 * Spends the same time as a real verification and returns false: used for unknown radicados and
 * unknown usernames, so that response times do not reveal which ones exist.
 */
export async function verifyAgainstNothing(secret: string, lane: HashLane): Promise<false> {
	dummy ??= hashSecret('000000', 'staff');
	await verifySecret(secret, await dummy, lane);
	return false;
}
