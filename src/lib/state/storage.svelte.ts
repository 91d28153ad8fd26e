/**
 * What the browser says about this device's storage: usage, quota and whether it promised not
 * to evict our data (persistent storage).
 */
export type Persistence = 'granted' | 'denied' | 'unknown';

class StorageState {
	usage = $state<number | null>(null);
	quota = $state<number | null>(null);
	persistence = $state<Persistence>('unknown');

	async refresh() {
		const storage = navigator.storage;
		if (!storage) return;
		const [estimate, persisted] = await Promise.all([
			storage.estimate?.().catch(() => undefined),
			storage.persisted?.().catch(() => undefined)
		]);
		this.usage = estimate?.usage ?? null;
		this.quota = estimate?.quota ?? null;
		this.persistence = persisted === undefined ? 'unknown' : persisted ? 'granted' : 'denied';
	}

	/** Asks the browser to keep our data; Chrome decides from site engagement, silently. */
	async requestPersistence() {
		if (!navigator.storage?.persist) return;
		const granted = await navigator.storage.persist().catch(() => false);
		this.persistence = granted ? 'granted' : 'denied';
	}
}

export const storage = new StorageState();
