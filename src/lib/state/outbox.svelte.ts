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
				// Their first status; a link still coming back must not hold up the rest.
				if (result.filed.length) await refreshRequests(db).catch(() => false);
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

	/**
	 * Re-reads the device's outbox and requests into the UI state, and says which requests were
	 * filed in the background since the citizen last looked, whoever sent them: this page,
	 * another tab, or the service worker's Background Sync (maybe before this page was open).
	 */
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
		const unannounced = requests.filter((r) => r.unannounced).map((r) => r.radicado);
		if (unannounced.length) await this.#announce(unannounced);
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
		// Listening with addEventListener does not start the delivery of the worker's messages.
		navigator.serviceWorker?.startMessages();
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

	/** Tells the citizen, on whatever page, the radicados given in the background; once. */
	async #announce(radicados: readonly string[]) {
		const db = getAppDb();
		const cleared = await db.transaction('rw', db.requests, async () => {
			const rows = await db.requests.bulkGet([...radicados]);
			const still = rows.flatMap((r) => (r?.unannounced ? [r.radicado] : []));
			for (const radicado of still) await db.requests.update(radicado, { unannounced: undefined });
			return still;
		});
		if (!cleared.length) return;
		const { announceFiled } = await import('$lib/components/outbox/announce-filed');
		announceFiled(cleared);
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
