/**
 * The citizen's requests on this device, for the UI, and the one way to send the outbox: on
 * start, when the connection returns, when an item's retry is due, on "Enviar ahora", and from
 * the service worker's Background Sync where the browser has it. Browser only.
 */
import { SYNC } from '$lib/policy';
import { getAppDb, type OutboxRow, type RequestRow } from '$lib/db';
import { flushOutbox, makeAllDue, nextDue, type SealedReceipt } from '$lib/outbox/outbox';
import { refreshRequests } from '$lib/outbox/tracking';
import { outboxCount } from './outbox-count.svelte';
import { QueueRunner } from './queue-runner.svelte';
import { kioskWipePending } from '$lib/kiosk/flag';

/** Check for answers at most this often while the portal is open (10 minutes). */
const ANSWERS_EVERY_MS = 10 * 60_000;

class OutboxState {
	pending = $state<OutboxRow[]>([]);
	requests = $state<RequestRow[]>([]);
	/**
	 * Sealed (kiosk) requests filed while this page is open, by id: in memory only, so the
	 * receipt on screen can show the radicado; a kiosk reset's hard navigation forgets them.
	 */
	sealedFiled = $state<Record<string, SealedReceipt>>({});
	readonly #runner = new QueueRunner({
		run: async () => {
			const db = getAppDb();
			try {
				const result = await flushOutbox(db);
				this.#rememberSealed(result.sealedFiled);
				if (result.filed.length) {
					await refreshRequests(db);
					const { announceFiled } = await import('$lib/components/outbox/announce-filed');
					announceFiled(result.filed.map((r) => r.radicado));
				}
			} finally {
				await this.reload();
			}
		},
		makeAllDue: () => makeAllDue(getAppDb()),
		nextDue: () => nextDue(getAppDb())
	});

	get sending(): boolean {
		return this.#runner.running;
	}

	/** Re-reads the device's outbox and requests into the UI state. */
	async reload() {
		// A kiosk restarted mid-session shows none of the last person's requests before its wipe.
		if (kioskWipePending()) return;
		const db = getAppDb();
		const [pending, requests] = await Promise.all([
			db.outbox.orderBy('nextAttemptAt').toArray(),
			db.requests.orderBy('receivedAt').reverse().toArray()
		]);
		// A kiosk's sealed requests are nobody's to see once their receipt is gone: the next person
		// at the kiosk must find nothing of the previous one (not its provisional code, not that it
		// exists). They stay queued and are sent in the background like any other.
		const own = pending.filter((p) => !p.sealed);
		this.pending = own;
		this.requests = requests;
		outboxCount.pending = own.filter((p) => p.state !== 'rechazada').length;
	}

	/** Sends what is due. */
	flush(): Promise<void> {
		return this.#runner.flush();
	}

	/** "Enviar ahora": everything waiting, now. */
	sendNow(): Promise<void> {
		return this.#runner.sendNow();
	}

	async refreshAnswers() {
		if (await refreshRequests(getAppDb())) await this.reload();
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
		const stopRunner = this.#runner.start();
		const onOnline = () => void this.refreshAnswers();
		void this.refreshAnswers();
		addEventListener('online', onOnline);
		const answers = setInterval(() => void this.refreshAnswers(), ANSWERS_EVERY_MS);
		navigator.serviceWorker?.addEventListener('message', this.#onWorkerMessage);
		return () => {
			stopRunner();
			removeEventListener('online', onOnline);
			clearInterval(answers);
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
