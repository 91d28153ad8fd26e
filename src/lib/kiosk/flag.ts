/**
 * Whether this device is a kiosk, readable synchronously at start so ordinary citizens' devices
 * never load the kiosk code (nor IndexedDB) to find out. Two hints, either enough: the server
 * marks a kiosk's pages with `<html class="kiosco">` (from its cookie), and the device keeps a
 * localStorage flag for pages served offline. The kiosk's details live in Dexie `meta`.
 * Neither hint is personal: it says what the device is, not who used it.
 */
export const KIOSK_FLAG_KEY = 'ventanilla.kiosco';
export const KIOSK_CLASS = 'kiosco';

export function isKioskHinted(): boolean {
	try {
		if (globalThis.document?.documentElement.classList.contains(KIOSK_CLASS)) return true;
		return globalThis.localStorage?.getItem(KIOSK_FLAG_KEY) === '1';
	} catch {
		return false;
	}
}

export function setKioskFlag(on: boolean): void {
	try {
		if (on) globalThis.localStorage?.setItem(KIOSK_FLAG_KEY, '1');
		else globalThis.localStorage?.removeItem(KIOSK_FLAG_KEY);
	} catch {
		// storage blocked: the server's class still marks the kiosk's pages
	}
	globalThis.document?.documentElement.classList.toggle(KIOSK_CLASS, on);
}
