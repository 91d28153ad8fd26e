import { expect, test } from './online-only';
import { waitForAppStart } from './helpers';
import { firstScreen } from './layout';

test.describe('on a 360×740 phone', () => {
	test.use({ viewport: { width: 360, height: 740 } });

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
