/**
 * The one scheduler of the device's queues (`$lib/outbox/queue`): a queue runs when a page
 * starts it, when the connection returns (everything waiting becomes due at once), when its
 * next retry is due, and when a person asks ("Enviar ahora", "Sincronizar"). One run at a time;
 * a call during a run makes exactly one more run after it, so a row that became due meanwhile
 * is not left for the next retry. Browser only.
 */
import { coalescedRunner } from '$lib/utils/coalesced-runner';
import { SYNC } from '$lib/policy';

export interface QueueTask {
	/** One pass: send what is due (and whatever follows it, e.g. pulling a replica). */
	run(): Promise<void>;
	/** Makes everything waiting due now. */
	makeAllDue(): Promise<void>;
	/** When the earliest waiting item is due (ms since epoch), or null. */
	nextDue(): Promise<number | null>;
}

/** Never wake up sooner than this after a run: a due time in the past means "soon", not a loop. */
const MIN_WAIT_MS = 1000;

export class QueueRunner {
	/** Bumped after every run, so pages re-read what they show. */
	version = $state(0);
	/** True while a run is going on. */
	running = $state(false);
	#timer: ReturnType<typeof setTimeout> | undefined;
	#stop: (() => void) | null = null;
	/** Set by "send now" and the connection's return: the next run makes everything due first. */
	#allDue = false;

	constructor(private readonly task: QueueTask) {}

	/** Runs the queue; resolves once a run that covers this call is done. */
	readonly flush = coalescedRunner(async () => {
		this.running = true;
		try {
			if (this.#allDue) {
				this.#allDue = false;
				await this.task.makeAllDue();
			}
			await this.task.run();
		} finally {
			this.running = false;
			this.version++;
			await this.#schedule();
		}
	});

	/** Everything waiting, now. */
	sendNow(): Promise<void> {
		this.#allDue = true;
		return this.flush();
	}

	async #schedule() {
		clearTimeout(this.#timer);
		const due = await this.task.nextDue();
		if (due === null || !this.#stop) return;
		this.#timer = setTimeout(() => void this.flush(), Math.max(MIN_WAIT_MS, due - Date.now()));
	}

	/**
	 * Starts once per page (a first run, the online trigger); the returned function stops it.
	 * `allDue`: the first run sends everything waiting, not only what is due (the server was just
	 * reached, e.g. an official signed in again after their session ran out).
	 */
	start(opts: { allDue?: boolean } = {}): () => void {
		if (!this.#stop) {
			if (opts.allDue) this.#allDue = true;
			// What people wait for goes before background pulls on the returning link
			// (`$lib/utils/link-priority`, which this code announces to without importing it).
			const onOnline = () =>
				dispatchEvent(new CustomEvent(SYNC.urgentEvent, { detail: this.sendNow() }));
			addEventListener('online', onOnline);
			this.#stop = () => {
				removeEventListener('online', onOnline);
				clearTimeout(this.#timer);
			};
			void this.flush();
		}
		return () => {
			this.#stop?.();
			this.#stop = null;
		};
	}
}
