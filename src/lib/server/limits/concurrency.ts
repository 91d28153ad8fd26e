/**
 * How many of one kind of long-lived request (a long poll) may be open at once: in total, and
 * per key (the client's address). Memory is bounded by `total`: a key is forgotten when its
 * last slot is given back.
 */
export class ConcurrencyLimit {
	readonly #byKey = new Map<string, number>();
	#open = 0;

	constructor(
		readonly total: number,
		readonly perKey: number
	) {}

	get open(): number {
		return this.#open;
	}

	/** A slot for `key`: a function that gives it back (once), or null when none is free. */
	take(key: string): (() => void) | null {
		const mine = this.#byKey.get(key) ?? 0;
		if (this.#open >= this.total || mine >= this.perKey) return null;
		this.#open++;
		this.#byKey.set(key, mine + 1);
		let given = false;
		return () => {
			if (given) return;
			given = true;
			this.#open--;
			const left = (this.#byKey.get(key) ?? 1) - 1;
			if (left > 0) this.#byKey.set(key, left);
			else this.#byKey.delete(key);
		};
	}
}
