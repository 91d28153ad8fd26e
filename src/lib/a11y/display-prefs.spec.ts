import { describe, expect, it } from 'vitest';
import { STORAGE } from '$lib/policy';
import {
	DEFAULT_PREFS,
	TEXT_STEPS,
	clampStep,
	readDisplayPrefs,
	saveDisplayPrefs
} from './display-prefs';

function memoryStorage(initial: Record<string, string> = {}) {
	const data = new Map(Object.entries(initial));
	return {
		data,
		getItem: (k: string) => data.get(k) ?? null,
		setItem: (k: string, v: string) => void data.set(k, v),
		removeItem: (k: string) => void data.delete(k)
	};
}

describe('display preferences', () => {
	it('round-trips contrast and text size through storage', () => {
		const storage = memoryStorage();
		saveDisplayPrefs(storage, { contrast: true, textStep: 2 });
		expect(readDisplayPrefs(storage)).toEqual({ contrast: true, textStep: 2 });
	});

	it('forgets the setting when it is back to the defaults', () => {
		const storage = memoryStorage();
		saveDisplayPrefs(storage, { contrast: true, textStep: 1 });
		saveDisplayPrefs(storage, DEFAULT_PREFS);
		expect(storage.data.has(STORAGE.displayPrefs)).toBe(false);
	});

	it('reads damaged or hostile values as the defaults or the nearest size offered', () => {
		for (const raw of ['no es json', '42', 'null', '{"contrast":"sí","textStep":"2"}']) {
			expect(readDisplayPrefs(memoryStorage({ [STORAGE.displayPrefs]: raw }))).toEqual(
				DEFAULT_PREFS
			);
		}
		expect(
			readDisplayPrefs(memoryStorage({ [STORAGE.displayPrefs]: '{"textStep":99}' })).textStep
		).toBe(TEXT_STEPS.length - 1);
		expect(readDisplayPrefs(undefined)).toEqual(DEFAULT_PREFS);
	});

	it('keeps text steps within the sizes offered', () => {
		expect(clampStep(-1)).toBe(0);
		expect(clampStep(1.5)).toBe(0);
		expect(clampStep(TEXT_STEPS.length)).toBe(TEXT_STEPS.length - 1);
	});
});
