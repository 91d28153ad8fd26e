/**
 * Turns in arrival order: at most `inFlight` holders at once, the next callers wait in line (at
 * most `waiting` of them) and get their turn as holders give theirs back. A caller whose signal
 * aborts while waiting leaves the line (adapter-node aborts a request's signal only if the client
 * left before its body ended, so a filing whose body arrived keeps its place).
 */
export class Turns {
	readonly #line: Array<{ start: () => void }> = [];
	#open = 0;

	constructor(
		readonly inFlight: number,
		readonly waiting: number
	) {}

	get open(): number {
		return this.#open;
	}

	get queued(): number {
		return this.#line.length;
	}

	/**
	 * A turn: resolves with a function that gives it back (once) when it starts; with null at once
	 * if the line is full, or when `signal` aborts before the turn came.
	 */
	take(signal?: AbortSignal): Promise<(() => void) | null> {
		if (signal?.aborted) return Promise.resolve(null);
		if (this.#open < this.inFlight && this.#line.length === 0) {
			return Promise.resolve(this.#grant());
		}
		if (this.#line.length >= this.waiting) return Promise.resolve(null);
		return new Promise((resolve) => {
			const entry = {
				start: () => {
					signal?.removeEventListener('abort', leave);
					resolve(this.#grant());
				}
			};
			const leave = () => {
				const at = this.#line.indexOf(entry);
				if (at >= 0) this.#line.splice(at, 1);
				resolve(null);
			};
			signal?.addEventListener('abort', leave, { once: true });
			this.#line.push(entry);
		});
	}

	#grant(): () => void {
		this.#open++;
		let given = false;
		return () => {
			if (given) return;
			given = true;
			this.#open--;
			const next = this.#line.shift();
			next?.start();
		};
	}
}
