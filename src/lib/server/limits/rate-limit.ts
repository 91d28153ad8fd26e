/**
 * A small token bucket per client address for radicado + PIN lookups, so nobody can try the
 * million PINs of a radicado at HTTP speed. It lives in the memory of one Node process: with
 * several servers behind a load balancer each applies its own limit (a client could get up to
 * n × the rate), and a restart forgets it. That is enough against casual guessing; a shared
 * limiter (in the proxy, or in CouchDB) is the step up if it is ever needed.
 */
export interface TokenBucketOptions {
	/** Tokens a full bucket holds: the largest burst. */
	capacity: number;
	/** Tokens added per minute. */
	perMinute: number;
	/** Addresses remembered at most; full (idle) buckets are forgotten first. */
	maxKeys?: number;
}

interface Bucket {
	tokens: number;
	at: number;
}

export class TokenBuckets {
	readonly #buckets = new Map<string, Bucket>();
	readonly #capacity: number;
	readonly #perMs: number;
	readonly #maxKeys: number;

	constructor(opts: TokenBucketOptions) {
		this.#capacity = opts.capacity;
		this.#perMs = opts.perMinute / 60_000;
		this.#maxKeys = opts.maxKeys ?? 10_000;
	}

	#level(b: Bucket, now: number): number {
		return Math.min(this.#capacity, b.tokens + (now - b.at) * this.#perMs);
	}

	/**
	 * Takes `n` tokens for `key` if it has them (all or nothing). Returns 0 when allowed, else
	 * the seconds until `n` tokens will be there (for `Retry-After`).
	 */
	take(key: string, n: number, now = Date.now()): number {
		if (n > this.#capacity) return Math.ceil((n - this.#capacity) / this.#perMs / 1000) || 1;
		const b = this.#buckets.get(key) ?? { tokens: this.#capacity, at: now };
		const level = this.#level(b, now);
		if (level < n) {
			this.#buckets.set(key, { tokens: level, at: now });
			return Math.max(1, Math.ceil((n - level) / this.#perMs / 1000));
		}
		this.#buckets.set(key, { tokens: level - n, at: now });
		if (this.#buckets.size > this.#maxKeys) this.#prune(now);
		return 0;
	}

	/** Seconds until `key` has `n` tokens, without taking any (0 when it has them now). */
	wait(key: string, n: number, now = Date.now()): number {
		const b = this.#buckets.get(key);
		const level = b ? this.#level(b, now) : this.#capacity;
		return level >= n ? 0 : Math.max(1, Math.ceil((n - level) / this.#perMs / 1000));
	}

	#prune(now: number) {
		for (const [key, b] of this.#buckets) {
			if (this.#level(b, now) >= this.#capacity) this.#buckets.delete(key);
		}
		// Still too many (a flood of distinct addresses): forget the oldest entries.
		for (const key of this.#buckets.keys()) {
			if (this.#buckets.size <= this.#maxKeys) break;
			this.#buckets.delete(key);
		}
	}

	get size(): number {
		return this.#buckets.size;
	}
}
