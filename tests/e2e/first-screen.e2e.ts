import { type Page } from '@playwright/test';
import { expect, test } from './online-only';
import { waitForAppStart } from './helpers';
import { PUBLIC_ROUTES } from './public-routes';

/**
 * Where the h1 and the first form field or search result start, in page coordinates. A page
 * whose form follows a long text (a bill open to comments) counts its link to the form.
 */
function firstScreen(page: Page) {
	return page.evaluate(() => {
		const top = (el: Element | null) =>
			el ? Math.round(el.getBoundingClientRect().top + window.scrollY) : null;
		const field = document.querySelector(
			'main input:not([type=hidden]), main select, main textarea, main ol.results a, main a.to-form'
		);
		return { h1: top(document.querySelector('h1')), field: top(field) };
	});
}

test.describe('on a 360×740 phone', () => {
	test.use({ viewport: { width: 360, height: 740 } });

	test('every public page starts its h1 within the first 200 px, its first field above the fold', async ({
		page
	}) => {
		for (const path of PUBLIC_ROUTES) {
			const res = await page.goto(path);
			expect(res?.status(), path).toBe(200);
			const { h1, field } = await firstScreen(page);
			expect(h1, `${path}: h1 top`).not.toBeNull();
			expect(h1 as number, `${path}: h1 top`).toBeLessThanOrEqual(200);
			// A field or result whose top is 48 px above the fold's edge can be seen and tapped.
			if (field !== null) expect(field, `${path}: first field top`).toBeLessThanOrEqual(740 - 48);
		}
	});

	test('the menu waits behind its button, opens, and closes with Escape or a choice', async ({
		page
	}) => {
		await page.goto('/tramites');
		await waitForAppStart(page);
		const menu = page.getByRole('navigation', { name: 'Menú principal' });
		const button = page.getByRole('link', { name: 'Menú' });
		await expect(menu).toBeHidden();
		// The header's own start: a click before it would jump to `#menu` (the no-script way).
		await expect(button).toHaveAttribute('aria-expanded', 'false');
		await button.click();
		await expect(button).toHaveAttribute('aria-expanded', 'true');
		await expect(menu.getByRole('link', { name: 'Transparencia' })).toBeVisible();
		await page.keyboard.press('Escape');
		await expect(menu).toBeHidden();
		await button.click();
		await menu.getByRole('link', { name: 'Noticias' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toContainText('Noticias');
		await expect(menu).toBeHidden();
		await expect(button).toHaveAttribute('aria-expanded', 'false');
	});

	test('the header has a search icon, and the search page only its own box', async ({ page }) => {
		await page.goto('/tramites');
		await page.getByRole('link', { name: 'Buscar', exact: true }).click();
		await expect(page).toHaveURL(/\/buscar$/);
		await expect(page.getByRole('searchbox')).toHaveCount(1);
	});
});

test.describe('on a 360×740 phone without JavaScript', () => {
	test.use({ viewport: { width: 360, height: 740 }, javaScriptEnabled: false });

	test('the h1 still comes first and the "Menú" link opens the menu', async ({ page }) => {
		for (const path of ['/', '/tramites/certificado-de-residencia', '/formularios/queja']) {
			await page.goto(path);
			const { h1 } = await firstScreen(page);
			expect(h1 as number, path).toBeLessThanOrEqual(200);
		}
		const menu = page.getByRole('navigation', { name: 'Menú principal' });
		await expect(menu).toBeHidden();
		await page.getByRole('link', { name: 'Menú' }).click();
		await menu.getByRole('link', { name: 'Transparencia' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toContainText('Transparencia');
	});
});

test.describe('on a 1080×1920 kiosk in portrait', () => {
	test.use({ viewport: { width: 1080, height: 1920 } });

	test('every public page starts its h1 in the top fifth, its first field above the fold', async ({
		page
	}) => {
		for (const path of PUBLIC_ROUTES) {
			await page.goto(path);
			const { h1, field } = await firstScreen(page);
			expect(h1 as number, `${path}: h1 top`).toBeLessThanOrEqual(1920 / 5);
			if (field !== null) expect(field, `${path}: first field top`).toBeLessThanOrEqual(1920 - 96);
		}
	});
});
