/**
 * The citizen's requests on this device, for the UI, and the one way to send the outbox: on
 * start, when the connection returns, when an item's retry is due, on "Enviar ahora", and from
 * the service worker's Background Sync where the browser has it. Browser only.
 */
import { SYNC } from '$lib/policy';
import { getAppDb, type OutboxRow, type RequestRow } from '$lib/db';
import {
	flushOutbox,
	makeAllDue,
	nextDue,
	recoverInterrupted,
	type SealedReceipt
} from '$lib/outbox/outbox';
import { refreshRequests } from '$lib/outbox/tracking';
import { outboxCount } from './outbox-count.svelte';

/** Check for answers at most this often while the portal is open (10 minutes). */
const ANSWERS_EVERY_MS = 10 * 60_000;

class OutboxState {
	pending = $state<OutboxRow[]>([]);
	requests = $state<RequestRow[]>([]);
	sending = $state(false);
	/**
	 * Sealed (kiosk) requests filed while this page is open, by id: in memory only, so the
	 * receipt on screen can show the radicado; a kiosk reset's hard navigation forgets them.
	 */
	sealedFiled = $state<Record<string, SealedReceipt>>({});
	#timer: ReturnType<typeof setTimeout> | undefined;
	#running: Promise<void> | null = null;

	/** Re-reads the device's outbox and requests into the UI state. */
	async reload() {
		const db = getAppDb();
		const [pending, requests] = await Promise.all([
			db.outbox.orderBy('nextAttemptAt').toArray(),
			db.requests.orderBy('receivedAt').reverse().toArray()
		]);
		this.pending = pending;
		this.requests = requests;
		outboxCount.pending = pending.filter((p) => p.state !== 'rechazada').length;
	}

	/** Sends what is due; concurrent calls share one run. */
	flush(): Promise<void> {
		this.#running ??= this.#flush().finally(() => (this.#running = null));
		return this.#running;
	}

	async sendNow() {
		await makeAllDue(getAppDb());
		await this.flush();
	}

	async refreshAnswers() {
		if (await refreshRequests(getAppDb())) await this.reload();
	}

	async #flush() {
		const db = getAppDb();
		this.sending = true;
		try {
			const result = await flushOutbox(db);
			this.#rememberSealed(result.sealedFiled);
			if (result.filed.length) await refreshRequests(db);
		} finally {
			this.sending = false;
			await this.reload();
			this.#schedule();
		}
	}

	/** Wakes up when the earliest waiting item is due. */
	async #schedule() {
		clearTimeout(this.#timer);
		const due = await nextDue(getAppDb());
		if (due === null) return;
		this.#timer = setTimeout(() => void this.flush(), Math.max(1000, due - Date.now()));
	}

	#stop: (() => void) | null = null;

	/** Starts the schedule once per page; returns a function that stops it. */
	start(): () => void {
		this.#stop ??= this.#start();
		return () => {
			this.#stop?.();
			this.#stop = null;
		};
	}

	#start(): () => void {
		const db = getAppDb();
		const onOnline = () => {
			void this.sendNow();
			void this.refreshAnswers();
		};
		void recoverInterrupted(db).then(() => this.flush());
		void this.refreshAnswers();
		addEventListener('online', onOnline);
		const answers = setInterval(() => void this.refreshAnswers(), ANSWERS_EVERY_MS);
		navigator.serviceWorker?.addEventListener('message', this.#onWorkerMessage);
		return () => {
			removeEventListener('online', onOnline);
			clearInterval(answers);
			clearTimeout(this.#timer);
			navigator.serviceWorker?.removeEventListener('message', this.#onWorkerMessage);
		};
	}

	#rememberSealed(receipts: readonly SealedReceipt[] | undefined) {
		for (const r of receipts ?? []) this.sealedFiled[r.id] = r;
	}

	#onWorkerMessage = (event: MessageEvent) => {
		if (event.data?.type !== 'outbox-flushed') return;
		this.#rememberSealed(event.data.sealedFiled);
		void this.reload();
	};
}

export const outbox = new OutboxState();

/** Asks the service worker to send the outbox when connectivity returns, even if the tab closes. */
export async function registerBackgroundSync(): Promise<void> {
	try {
		const registration = (await navigator.serviceWorker?.ready) as
			(ServiceWorkerRegistration & { sync?: { register(tag: string): Promise<void> } }) | undefined;
		await registration?.sync?.register(SYNC.outbox);
	} catch {
		// No Background Sync (Firefox, Safari, denied): the page's own schedule covers it.
	}
}
