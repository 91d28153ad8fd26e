/**
 * Hints in localStorage that start-up reads synchronously, so a device that never filed a
 * request, answered a consulta or pulled the offline pack does not load that code (nor open
 * IndexedDB) to find out. They say what the device holds, never who used it; their keys come
 * from `$lib/policy` so the kiosk reset keeps or removes exactly these.
 */
import { STORAGE } from '$lib/policy';

export interface DeviceFlag {
	/** False when storage is blocked. */
	has(): boolean;
	/** Best effort: with storage blocked the feature starts when it is used instead. */
	set(): void;
	clear(): void;
}

function storage(): Storage | undefined {
	try {
		return globalThis.localStorage;
	} catch {
		// A sandboxed frame or blocked storage throws on access.
		return undefined;
	}
}

function booleanFlag(key: string): DeviceFlag {
	const attempt = (f: (s: Storage) => void) => {
		try {
			const s = storage();
			if (s) f(s);
		} catch {
			// storage full or blocked
		}
	};
	return {
		has: () => {
			try {
				return storage()?.getItem(key) === '1';
			} catch {
				return false;
			}
		},
		set: () => attempt((s) => s.setItem(key, '1')),
		clear: () => attempt((s) => s.removeItem(key))
	};
}

/** This device has queued requests: start the outbox on load. */
export const requestsFlag = booleanFlag(STORAGE.requestsFlag);
/** This device has queued consulta answers: start their queue on load. */
export const answersFlag = booleanFlag(STORAGE.answersFlag);
/** This device is a kiosk (see `$lib/kiosk/flag` for the page class that goes with it). */
export const kioskFlag = booleanFlag(STORAGE.kioskFlag);

/** The offline pack is complete: when it was pulled and how many documents it holds. */
export interface PackFlag {
	/** ISO time of the last complete pull. */
	syncedAt: string;
	docCount: number;
}

/** Page loads read it to go local-first without loading PouchDB just to find out. */
export const packFlag = {
	read(): PackFlag | null {
		try {
			const raw = storage()?.getItem(STORAGE.packFlag);
			if (!raw) return null;
			const value = JSON.parse(raw) as Partial<PackFlag> | null;
			return typeof value?.syncedAt === 'string' && typeof value.docCount === 'number'
				? { syncedAt: value.syncedAt, docCount: value.docCount }
				: null;
		} catch {
			return null;
		}
	},
	write(flag: PackFlag): void {
		try {
			storage()?.setItem(STORAGE.packFlag, JSON.stringify(flag));
		} catch {
			// Storage full or blocked: pages simply keep fetching from the network first.
		}
	}
};

/**
 * When the essentials of the offline pack (`$lib/content/essentials`) were first all on this
 * device: shown while the rest of a first pull is still arriving.
 */
export const essentialsFlag = {
	read(): string | null {
		try {
			const value = storage()?.getItem(STORAGE.essentialsFlag);
			return value && !Number.isNaN(Date.parse(value)) ? value : null;
		} catch {
			return null;
		}
	},
	write(at: string): void {
		try {
			storage()?.setItem(STORAGE.essentialsFlag, at);
		} catch {
			// Storage full or blocked: the status line then waits for the whole pack.
		}
	}
};
