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

/** The mark's value while a freshly reset kiosk waits at home, untouched. */
const UNTOUCHED = 'sin-tocar';

/**
 * Marks this browser session of a kiosk as started clean; `untouched` after a reset, until the
 * next person's first touch (`kioskSessionUntouched`).
 */
export function markKioskSessionStarted(untouched = false): void {
	try {
		sessionStorage.setItem(STORAGE.kioskBrowserSession, untouched ? UNTOUCHED : '1');
	} catch {
		// no sessionStorage: the next start wipes again, which is safe
	}
}

/**
 * Whether the kiosk was reset and nobody has touched it since. Only then does its idle timer
 * wait for a first touch; any other page load (a reload, an address typed mid-session) starts
 * it at once, so a session left without a touch still ends (UX review, improvement 6).
 */
export function kioskSessionUntouched(): boolean {
	try {
		return sessionStorage.getItem(STORAGE.kioskBrowserSession) === UNTOUCHED;
	} catch {
		return false;
	}
}

/**
 * A kiosk restarted mid-session that has not yet wiped what the last person left: nothing
 * personal stored on the device (drafts, queued or filed requests) may be shown meanwhile.
 */
export function kioskWipePending(): boolean {
	return isKioskHinted() && !kioskSessionStarted();
}
