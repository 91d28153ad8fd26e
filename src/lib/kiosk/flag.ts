/**
 * Whether this device is a kiosk, readable synchronously at start so ordinary citizens' devices
 * never load the kiosk code (nor IndexedDB) to find out. Two hints, either enough: the server
 * marks a kiosk's pages with `<html class="kiosco">` (from its cookie), and the device keeps a
 * localStorage flag for pages served offline. The kiosk's details live in Dexie `meta`.
 * Neither hint is personal: it says what the device is, not who used it.
 */
import { kioskFlag } from '$lib/device-flags';
import { STORAGE } from '$lib/policy';

export const KIOSK_CLASS = 'kiosco';

export function isKioskHinted(): boolean {
	try {
		if (globalThis.document?.documentElement.classList.contains(KIOSK_CLASS)) return true;
	} catch {
		// no document (service worker, tests)
	}
	return kioskFlag.has();
}

export function setKioskFlag(on: boolean): void {
	if (on) kioskFlag.set();
	else kioskFlag.clear();
	globalThis.document?.documentElement.classList.toggle(KIOSK_CLASS, on);
}

/**
 * Whether this browser session of a kiosk started clean (`STORAGE.kioskBrowserSession`): false
 * after the browser was restarted mid-session, until the kiosk has wiped what the last person
 * left. Devices that are no kiosk never ask.
 */
export function kioskSessionStarted(): boolean {
	try {
		return sessionStorage.getItem(STORAGE.kioskBrowserSession) !== null;
	} catch {
		return true; // no sessionStorage: nothing to tell a restart by
	}
}

export function markKioskSessionStarted(): void {
	try {
		sessionStorage.setItem(STORAGE.kioskBrowserSession, '1');
	} catch {
		// no sessionStorage: the next start wipes again, which is safe
	}
}

/**
 * A kiosk restarted mid-session that has not yet wiped what the last person left: nothing
 * personal stored on the device (drafts, queued or filed requests) may be shown meanwhile.
 */
export function kioskWipePending(): boolean {
	return isKioskHinted() && !kioskSessionStarted();
}
