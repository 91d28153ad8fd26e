/**
 * Sends the device's queued answers: on start, when the connection returns and when a retry
 * is due. Pages that show answers call `changed` to re-read after each run. Browser only.
 */
import { getAppDb } from '$lib/db';
import { flushAnswers, makeAnswersDue, nextAnswerDue } from '$lib/participation/answer-queue';
import { coalescedRunner } from '$lib/utils/coalesced-runner';

class AnswerQueue {
	/** Bumped after every run, so pages re-read the rows they show. */
	version = $state(0);
	#timer: ReturnType<typeof setTimeout> | undefined;
	#stop: (() => void) | null = null;
	/** Set when the connection returns: the next run first makes every waiting answer due. */
	#sendAllNow = false;

	/** Sends what is due; a call during a run makes one more run after it. */
	readonly flush = coalescedRunner(() => this.#flush());

	async #flush() {
		const db = getAppDb();
		try {
			if (this.#sendAllNow) {
				this.#sendAllNow = false;
				await makeAnswersDue(db);
			}
			await flushAnswers(db);
		} finally {
			this.version++;
			clearTimeout(this.#timer);
			const due = await nextAnswerDue(db);
			if (due !== null) {
				this.#timer = setTimeout(() => void this.flush(), Math.max(1000, due - Date.now()));
			}
		}
	}

	/** Starts once per page; the returned function stops it. */
	start(): () => void {
		if (!this.#stop) {
			const onOnline = () => {
				this.#sendAllNow = true;
				void this.flush();
			};
			addEventListener('online', onOnline);
			void this.flush();
			this.#stop = () => {
				removeEventListener('online', onOnline);
				clearTimeout(this.#timer);
			};
		}
		return () => {
			this.#stop?.();
			this.#stop = null;
		};
	}
}

export const answerQueue = new AnswerQueue();
