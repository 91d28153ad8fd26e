/**
 * The GOV.CO accessibility bar's settings: high contrast and a larger text size, chosen on
 * this device and applied to the whole page. Plain functions over a `Storage` and the root
 * element, so they are unit-tested without a browser.
 */
import { STORAGE } from '$lib/policy';

/** Text sizes offered, in % of the browser's own size; step 0 changes nothing. */
export const TEXT_STEPS = [100, 115, 130, 150] as const;
/** Class on `<html>` that turns on high contrast (see app.css). */
export const CONTRAST_CLASS = 'alto-contraste';

export interface DisplayPrefs {
	contrast: boolean;
	/** Index into `TEXT_STEPS`. */
	textStep: number;
}

export const DEFAULT_PREFS: DisplayPrefs = { contrast: false, textStep: 0 };

/** The saved settings; anything unreadable or out of range gives the defaults. */
export function readDisplayPrefs(storage: Pick<Storage, 'getItem'> | undefined): DisplayPrefs {
	try {
		const raw: unknown = JSON.parse(storage?.getItem(STORAGE.displayPrefs) ?? 'null');
		if (!raw || typeof raw !== 'object') return DEFAULT_PREFS;
		const { contrast, textStep } = raw as Record<string, unknown>;
		return {
			contrast: contrast === true,
			textStep: clampStep(typeof textStep === 'number' ? textStep : 0)
		};
	} catch {
		return DEFAULT_PREFS;
	}
}

/** Saves the settings, or forgets them when they are the defaults. */
export function saveDisplayPrefs(
	storage: Pick<Storage, 'setItem' | 'removeItem'> | undefined,
	prefs: DisplayPrefs
): void {
	try {
		if (!prefs.contrast && prefs.textStep === 0) storage?.removeItem(STORAGE.displayPrefs);
		else storage?.setItem(STORAGE.displayPrefs, JSON.stringify(prefs));
	} catch {
		// Storage full or blocked: the choice still applies to this page.
	}
}

/** A text step kept within the sizes offered (0 for anything that is not a whole number). */
export function clampStep(step: number): number {
	if (!Number.isInteger(step)) return 0;
	return Math.min(TEXT_STEPS.length - 1, Math.max(0, step));
}

/** Applies the settings to the page's root element. */
export function applyDisplayPrefs(
	root: { classList: DOMTokenList; style: CSSStyleDeclaration },
	prefs: DisplayPrefs
): void {
	root.classList.toggle(CONTRAST_CLASS, prefs.contrast);
	const size = TEXT_STEPS[prefs.textStep] ?? 100;
	root.style.fontSize = size === 100 ? '' : `${size}%`;
}
