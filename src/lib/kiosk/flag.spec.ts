import { afterEach, describe, expect, it, vi } from 'vitest';
import { kioskSessionStarted, kioskSessionUntouched, markKioskSessionStarted } from './flag';

function stubSessionStorage() {
	const items = new Map<string, string>();
	vi.stubGlobal('sessionStorage', {
		getItem: (k: string) => items.get(k) ?? null,
		setItem: (k: string, v: string) => void items.set(k, v),
		removeItem: (k: string) => void items.delete(k),
		clear: () => items.clear()
	});
	return items;
}

describe('kiosk session mark', () => {
	afterEach(() => vi.unstubAllGlobals());

	it('tells a restarted browser from a session that started clean', () => {
		const items = stubSessionStorage();
		expect(kioskSessionStarted()).toBe(false);
		markKioskSessionStarted(true);
		expect(kioskSessionStarted()).toBe(true);
		items.clear();
		expect(kioskSessionStarted()).toBe(false);
	});

	it('waits for a first touch only after a reset; a reload once touched starts the timer', () => {
		stubSessionStorage();
		// Reset (or enrolled): the idle timer waits for the next person's first touch.
		markKioskSessionStarted(true);
		expect(kioskSessionUntouched()).toBe(true);
		// Touched: from now on every page load (a reload mid-session) starts the timer at once.
		markKioskSessionStarted();
		expect(kioskSessionUntouched()).toBe(false);
		expect(kioskSessionStarted()).toBe(true);
	});
});
