/**
 * Whether this device holds a complete offline copy of the public content. Kept in
 * localStorage, read synchronously by page loads so they can go local-first without loading
 * PouchDB just to find out. It holds no personal data.
 */
const KEY = 'ventanilla.paquete';

export interface PackFlag {
	/** ISO time of the last complete pull. */
	syncedAt: string;
	docCount: number;
}

export function readPackFlag(): PackFlag | null {
	try {
		const raw = globalThis.localStorage?.getItem(KEY);
		return raw ? (JSON.parse(raw) as PackFlag) : null;
	} catch {
		return null;
	}
}

export function writePackFlag(flag: PackFlag): void {
	try {
		globalThis.localStorage?.setItem(KEY, JSON.stringify(flag));
	} catch {
		// Storage full or blocked: pages simply keep fetching from the network first.
	}
}

export function clearPackFlag(): void {
	try {
		globalThis.localStorage?.removeItem(KEY);
	} catch {
		// nothing to clear
	}
}
