/**
 * Layout checks that walk many pages with one load each: what the first screen shows, and reflow.
 */
import { expect, type Page } from '@playwright/test';

/**
 * Where the h1 and the first form field or search result start, in page coordinates. A page
 * whose form follows a long text (a bill open to comments) counts its link to the form.
 */
export function firstScreen(page: Page) {
	return page.evaluate(() => {
		const top = (el: Element | null) =>
			el ? Math.round(el.getBoundingClientRect().top + window.scrollY) : null;
		const field = document.querySelector(
			'main input:not([type=hidden]), main select, main textarea, main ol.results a, main a.to-form'
		);
		return { h1: top(document.querySelector('h1')), field: top(field) };
	});
}

/**
 * What breaks reading when the screen is narrow or the text large (WCAG 2.1 1.4.4 and 1.4.10):
 * sideways scrolling of the page or of a table, and words split across lines. Only words of
 * letters count: an e-mail address or a URL longer than the line has to break somewhere.
 */
function layoutFaults(page: Page) {
	return page.evaluate(() => {
		const root = document.documentElement;
		const overflow = root.scrollWidth - root.clientWidth;
		const scrolledTables = [...document.querySelectorAll('.table-wrap')].filter(
			(t) => t.scrollWidth > t.clientWidth + 1
		).length;
		const split: string[] = [];
		const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
		const range = document.createRange();
		for (let node = walker.nextNode(); node && split.length < 5; node = walker.nextNode()) {
			const parent = node.parentElement;
			if (!parent || parent.closest('[hidden], .visually-hidden, script, style')) continue;
			// Text for screen readers only sits in a 1-px box: every letter "wraps" there.
			if (parent.getBoundingClientRect().width <= 1) continue;
			// Whole words only (punctuation around them allowed): the parts of an e-mail address or
			// a URL longer than the line must break, and do so at any character.
			const words = /(?<=^|\s)[«"'(¿¡]*(\p{L}{2,})[»"').,;:!?]*(?=\s|$)/gu;
			for (const match of (node.textContent ?? '').matchAll(words)) {
				const word = match[1] as string;
				const start = match.index + match[0].indexOf(word);
				range.setStart(node, start);
				range.setEnd(node, start + word.length);
				const rects = [...range.getClientRects()].filter((r) => r.width > 0);
				if (rects.length > 1 && new Set(rects.map((r) => Math.round(r.top))).size > 1) {
					split.push(word);
				}
			}
		}
		return { overflow, scrolledTables, split };
	});
}

/**
 * One load of a page serves the three layouts (a navigation costs more than a re-layout): 320 px,
 * text at 200 % at 1280 px, and text at 200 % on a 360 px phone; `atFirstLoad` runs between the
 * first and the second, with the text at its size.
 */
export async function expectReflow(page: Page, path: string, atFirstLoad?: () => Promise<void>) {
	await page.setViewportSize({ width: 320, height: 640 });
	const res = await page.goto(path);
	expect(res?.status(), path).toBe(200);
	const narrow = await layoutFaults(page);
	expect(narrow.overflow, `${path}: sideways scroll at 320 px`).toBeLessThanOrEqual(0);
	expect(narrow.scrolledTables, `${path}: tables scrolled sideways at 320 px`).toBe(0);
	expect(narrow.split, `${path}: words split at 320 px`).toEqual([]);
	// Checks that want the page as it loaded, before the text is enlarged.
	await atFirstLoad?.();

	// Text-only zoom, as a browser's "text size" setting does: rem-based sizes double.
	await page.addStyleTag({ content: 'html { font-size: 200% !important; }' });
	await page.setViewportSize({ width: 1280, height: 800 });
	const large = await layoutFaults(page);
	expect(large.overflow, `${path}: sideways scroll at 200 %`).toBeLessThanOrEqual(0);
	expect(large.split, `${path}: words split at 200 %`).toEqual([]);

	// A phone set to its largest text (Android goes to 200 %). At 34 px a 15-letter word such as
	// "automáticamente" is wider than a 360 px screen, so words may break there; the page must
	// still never scroll sideways.
	await page.setViewportSize({ width: 360, height: 740 });
	const phone = await layoutFaults(page);
	expect(phone.overflow, `${path}: sideways scroll at 360 px and 200 %`).toBeLessThanOrEqual(0);
	expect(phone.scrolledTables, `${path}: tables scrolled sideways at 360 px`).toBe(0);
}
