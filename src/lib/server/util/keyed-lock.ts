/**
 * An in-process mutex per key: callers with the same key run one after another, others run
 * freely. It only orders work inside one Node process; correctness across processes comes
 * from the store (create-only writes), this just avoids needless collisions.
 */
export class KeyedLock {
	readonly #tails = new Map<string, Promise<unknown>>();

	/** Runs `fn` once every earlier call with the same key has settled. */
	run<T>(key: string, fn: () => Promise<T>): Promise<T> {
		const previous = this.#tails.get(key) ?? Promise.resolve();
		const result = previous.then(fn, fn);
		// The chain must not reject (the next caller would skip its turn) nor keep settled keys.
		const tail = result.then(
			() => undefined,
			() => undefined
		);
		this.#tails.set(key, tail);
		void tail.then(() => {
			if (this.#tails.get(key) === tail) this.#tails.delete(key);
		});
		return result;
	}

	/** Keys with work queued or running (for tests). */
	get size(): number {
		return this.#tails.size;
	}
}
