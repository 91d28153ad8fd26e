/**
 * The offline pack (the device's copy of all public content): its state for the UI and the one
 * way to refresh it. Browser only; during server rendering it stays at its empty initial state.
 */
import { essentialsFlag, packFlag } from '$lib/device-flags';

export type PackStatus = 'idle' | 'syncing' | 'error';

/** Refresh automatically when the copy is older than this (1 hour). */
const STALE_MS = 60 * 60 * 1000;

class PackState {
	status = $state<PackStatus>('idle');
	syncedAt = $state<string | null>(null);
	/** When the essentials were first all here (a first pull shows it while the rest arrives). */
	essentialsAt = $state<string | null>(null);
	/** The pull under way is bringing the essentials (first pull only). */
	essentials = $state(false);
	docCount = $state(0);
	received = $state(0);
	/** Share of the download done (0–99) while saving, when the server's sequence is known. */
	percent = $state<number | null>(null);
	error = $state<string | null>(null);
	#running: Promise<void> | null = null;

	/** Reads what a previous visit saved; call once in the browser. */
	load() {
		const flag = packFlag.read();
		this.syncedAt = flag?.syncedAt ?? null;
		this.essentialsAt = essentialsFlag.read();
		this.docCount = flag?.docCount ?? 0;
	}

	get stale(): boolean {
		return !this.syncedAt || Date.now() - Date.parse(this.syncedAt) > STALE_MS;
	}

	/** Pulls what changed since the last time; concurrent calls share one pull. */
	refresh(): Promise<void> {
		this.#running ??= this.#pull().finally(() => (this.#running = null));
		return this.#running;
	}

	async #pull() {
		this.status = 'syncing';
		this.error = null;
		this.received = 0;
		this.percent = null;
		try {
			const { pullContent } = await import('$lib/sync/content-pull');
			const first = !this.syncedAt;
			// Only the first pull is measured: an update is a few documents, not worth a request.
			const result = await pullContent(
				(progress) => {
					this.essentials = progress.essentials;
					this.received = progress.received;
					this.percent = progress.percent;
				},
				{ first, onEssentials: () => (this.essentialsAt = essentialsFlag.read()) }
			);
			// Once the device holds the portal, ask the browser not to evict it (result shown on
			// /guardado); Chrome answers from site engagement without prompting.
			if (first) void navigator.storage?.persist?.().catch(() => false);
			this.syncedAt = result.syncedAt;
			this.docCount = result.docCount;
			this.status = 'idle';
		} catch (e) {
			this.error = e instanceof Error ? e.message : String(e);
			this.status = 'error';
		} finally {
			this.essentials = false;
		}
	}
}

export const pack = new PackState();
