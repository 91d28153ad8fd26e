/**
 * The kiosk's inactivity logic, without the DOM: after `idleMs` without activity a warning
 * counts down `countdownMs`, second by second; "Continuar" goes back to watching, and the end
 * of the countdown ends the session. While the warning shows, stray activity (a touch beside
 * the dialog, a passer-by) does not cancel it: only the explicit "Continuar" does, so the
 * session does not stay open for someone who walked away.
 */
export interface Clock {
	now(): number;
	setTimeout(fn: () => void, ms: number): unknown;
	clearTimeout(handle: unknown): void;
}

export type IdleState = 'stopped' | 'watching' | 'warning' | 'expired';

export interface IdleTimerOptions {
	idleMs: number;
	countdownMs: number;
	/** Called when the warning starts and every second after, with the whole seconds left. */
	onCountdown(secondsLeft: number): void;
	/** Called once when the countdown reaches zero. */
	onExpire(): void;
	clock?: Clock;
}

const realClock: Clock = {
	now: () => Date.now(),
	setTimeout: (fn, ms) => setTimeout(fn, ms),
	clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>)
};

export class IdleTimer {
	#state: IdleState = 'stopped';
	#handle: unknown;
	#deadline = 0;
	readonly #o: IdleTimerOptions;
	readonly #clock: Clock;

	constructor(options: IdleTimerOptions) {
		this.#o = options;
		this.#clock = options.clock ?? realClock;
	}

	get state(): IdleState {
		return this.#state;
	}

	/** Starts (or restarts) watching for inactivity. */
	start(): void {
		if (this.#state === 'expired') return;
		this.#state = 'watching';
		this.#arm(this.#o.idleMs, () => this.#warn());
	}

	/** A touch, click or key: the idle time starts again (ignored while warning or stopped). */
	activity(): void {
		if (this.#state === 'watching') this.start();
	}

	/** "Continuar" in the warning: back to watching with the full idle time. */
	continue(): void {
		if (this.#state === 'warning') this.start();
	}

	stop(): void {
		this.#clock.clearTimeout(this.#handle);
		if (this.#state !== 'expired') this.#state = 'stopped';
	}

	#arm(ms: number, fn: () => void) {
		this.#clock.clearTimeout(this.#handle);
		this.#handle = this.#clock.setTimeout(fn, ms);
	}

	#warn() {
		this.#state = 'warning';
		this.#deadline = this.#clock.now() + this.#o.countdownMs;
		this.#tick();
	}

	#tick() {
		const left = this.#deadline - this.#clock.now();
		if (left <= 0) {
			this.#state = 'expired';
			this.#o.onExpire();
			return;
		}
		this.#o.onCountdown(Math.ceil(left / 1000));
		// Wake at the next whole second so the number shown is never late.
		this.#arm(left % 1000 || 1000, () => this.#tick());
	}
}
