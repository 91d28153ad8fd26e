import { type Page } from '@playwright/test';
import { expect, test } from './online-only';
import { PUBLIC_ROUTES } from './public-routes';
import { E2E_ADMIN, fileByApi, signIn } from './helpers';

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
 * text at 200 % at 1280 px, and text at 200 % on a 360 px phone.
 */
async function expectReflow(page: Page, path: string) {
	await page.setViewportSize({ width: 320, height: 640 });
	await page.goto(path);
	const narrow = await layoutFaults(page);
	expect(narrow.overflow, `${path}: sideways scroll at 320 px`).toBeLessThanOrEqual(0);
	expect(narrow.scrolledTables, `${path}: tables scrolled sideways at 320 px`).toBe(0);
	expect(narrow.split, `${path}: words split at 320 px`).toEqual([]);

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

test('every public page reflows at 320 px, and with text at 200 % keeps its words whole at 1280 px and scrolls only down at 360 px', async ({
	page
}) => {
	// The open-data page lays out its figures only once something has been filed.
	await fileByApi(page.request);
	for (const path of PUBLIC_ROUTES) await expectReflow(page, path);
});

test('every back-office page reflows the same way, for an official on a phone with large text', async ({
	page
}) => {
	await signIn(page, E2E_ADMIN.username, E2E_ADMIN.password);
	const radicado = await fileByApi(page.request);
	const paths = [
		'/gestion',
		'/gestion/bandeja',
		`/gestion/solicitudes/${radicado}`,
		`/gestion/solicitudes/${radicado}/oficio`,
		'/gestion/comentarios',
		'/gestion/consultas',
		'/gestion/contenido',
		'/gestion/contenido/revision',
		'/gestion/contenido/noticia/nuevo',
		'/gestion/contenido/tramite/constancia-de-trasteo',
		'/gestion/cuenta',
		'/gestion/kioscos',
		'/gestion/numeros-no-utilizados',
		'/gestion/plan',
		'/gestion/plan/actividades/nueva',
		'/gestion/plan/reuniones',
		'/gestion/plan/reuniones/nueva',
		'/gestion/propuestas',
		'/gestion/propuestas/nueva',
		'/gestion/usuarios',
		`/gestion/usuarios/${E2E_ADMIN.username}`,
		'/gestion/vencimientos'
	];
	for (const path of paths) await expectReflow(page, path);
});
