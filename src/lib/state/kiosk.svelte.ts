/**
 * Kiosk mode on this device: which kiosk it is (from Dexie `meta`, confirmed with the server at
 * every start with a connection), the receipt of the current session, and ending the session.
 * Loaded only on devices hinted as kiosks (`$lib/kiosk/flag.ts`). Browser only.
 */
import { STORAGE, COOKIES } from '$lib/policy';
import { getAppDb } from '$lib/db';
import { kioskInfoSchema, type KioskInfo } from '$lib/schemas';
import { kioskSessionStarted, markKioskSessionStarted, setKioskFlag } from '$lib/kiosk/flag';
import { KIOSK_KEY_META, KIOSK_META, resetKioskDevice } from '$lib/kiosk/reset';
import type { PublicSealKey } from '$lib/crypto/seal';
import type { KioskReceipt } from '$lib/kiosk/file';

/** The receipt survives a reload of the tab (sessionStorage), never a session's end. */
const RECEIPT_KEY = STORAGE.kioskReceipt;

class KioskState {
	info = $state<KioskInfo | null>(null);
	receipt = $state<KioskReceipt | null>(null);
	ending = $state(false);

	/** Reads the enrollment, then asks the server whether it still stands. */
	async boot(): Promise<void> {
		const db = getAppDb();
		const stored = kioskInfoSchema.safeParse((await db.meta.get(KIOSK_META))?.value);
		this.info = stored.success ? stored.data : null;
		setKioskFlag(!!this.info || document.documentElement.classList.contains('kiosco'));
		// A browser restarted mid-session (a crash, a power cut) keeps IndexedDB but not
		// sessionStorage: the last person's drafts and receipts must not greet the next one.
		if (this.info && !kioskSessionStarted()) return this.end();
		this.receipt = readReceipt();
		if (!navigator.onLine) return;
		if (this.info && localStorage.getItem(STORAGE.kioskCookiesPending)) {
			await forgetServerCookies();
		}
		let res: Response;
		try {
			res = await fetch('/api/kiosco/yo', { cache: 'no-store' });
		} catch {
			return; // offline after all: the device stays a kiosk
		}
		if (res.ok) {
			await this.enroll(kioskInfoSchema.parse(await res.json()));
		} else if (res.status === 404) {
			await this.leave();
		}
	}

	/** Keeps the enrollment and the server's public key on the device (nothing personal). */
	async enroll(info: KioskInfo): Promise<void> {
		const db = getAppDb();
		const hasKey = !!(await db.meta.get(KIOSK_KEY_META));
		const key = hasKey
			? null
			: ((await (await fetch('/api/kiosco/clave')).json()) as PublicSealKey);
		await db.meta.put({ key: KIOSK_META, value: info });
		if (key) await db.meta.put({ key: KIOSK_KEY_META, value: { kid: key.kid, spki: key.spki } });
		this.info = info;
		setKioskFlag(true);
		// A device enrolled in this browser session starts it clean, waiting for a first touch.
		// Every later start confirms the enrollment (`boot`) and leaves a session under way as it
		// is: marked untouched, a page reloaded mid-session would never time out.
		if (!kioskSessionStarted()) markKioskSessionStarted(true);
	}

	/** The server no longer knows this device as a kiosk (revoked): back to an ordinary device. */
	async leave(): Promise<void> {
		const wasKiosk = !!this.info;
		await getAppDb().meta.bulkDelete([KIOSK_META]);
		this.info = null;
		setKioskFlag(false);
		// What the last citizen left goes too; queued sealed requests stay and are still sent.
		if (wasKiosk) await this.end();
	}

	/** The server's sealing key, kept at enrollment (fetched now if somehow missing). */
	async publicKey(): Promise<PublicSealKey | null> {
		const db = getAppDb();
		const kept = (await db.meta.get(KIOSK_KEY_META))?.value as PublicSealKey | undefined;
		if (kept) return kept;
		try {
			const key = (await (await fetch('/api/kiosco/clave')).json()) as PublicSealKey;
			await db.meta.put({ key: KIOSK_KEY_META, value: { kid: key.kid, spki: key.spki } });
			return key;
		} catch {
			return null;
		}
	}

	setReceipt(receipt: KioskReceipt | null) {
		this.receipt = receipt;
		try {
			if (receipt) sessionStorage.setItem(RECEIPT_KEY, JSON.stringify(receipt));
			else sessionStorage.removeItem(RECEIPT_KEY);
		} catch {
			// memory is enough
		}
	}

	/** Ends the session: removes every trace of the citizen and starts afresh at home. */
	async end(): Promise<void> {
		if (this.ending) return;
		this.ending = true;
		try {
			await resetKioskDevice({
				db: getAppDb(),
				localStorage,
				sessionStorage,
				caches: globalThis.caches,
				indexedDB
			});
			// The language chosen by this citizen is not the next one's.
			document.cookie = `${COOKIES.locale}=; Max-Age=0; path=/`;
			await forgetServerCookies();
			// The next session starts clean in this browser session (the reset cleared the mark),
			// its idle timer waiting for the next person's first touch.
			markKioskSessionStarted(true);
		} finally {
			// A hard navigation drops every in-memory state (Svelte stores, the receipt, forms);
			// `replace` keeps the finished session's page out of the back button.
			location.replace('/');
		}
	}
}

/**
 * Asks the server to remove the cookies a script cannot (an official's session, the consulta
 * and receipt keys). Offline, the kiosk remembers to ask at its next start with a connection.
 */
async function forgetServerCookies(): Promise<void> {
	try {
		const res = await fetch('/api/kiosco/terminar', { method: 'POST', cache: 'no-store' });
		if (res.ok || res.status === 404) {
			localStorage.removeItem(STORAGE.kioskCookiesPending);
			return;
		}
	} catch {
		// offline: below
	}
	try {
		localStorage.setItem(STORAGE.kioskCookiesPending, '1');
	} catch {
		// storage full: the next session's end asks again
	}
}

function readReceipt(): KioskReceipt | null {
	try {
		const raw = sessionStorage.getItem(RECEIPT_KEY);
		return raw ? (JSON.parse(raw) as KioskReceipt) : null;
	} catch {
		return null;
	}
}

export const kiosk = new KioskState();
