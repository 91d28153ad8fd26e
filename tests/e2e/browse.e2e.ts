import { expect, test } from './online-only';
import { collectErrors } from './helpers';

test('a citizen finds a trámite from the home page and reads its requirements', async ({
	page
}) => {
	const errors = collectErrors(page);
	await page.goto('/');
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Puerto Guzmán');
	await page
		.getByRole('navigation', { name: 'Menú principal' })
		.getByRole('link', { name: 'Trámites y servicios' })
		.click();
	await expect(page).toHaveURL(/\/tramites$/);
	await page
		.getByRole('link', { name: /Certificado de residencia/i })
		.first()
		.click();
	await expect(page.getByRole('heading', { name: 'Requisitos' })).toBeVisible();
	await expect(page.getByText('Responsable:')).toBeVisible();
	await expect(page.getByText('Última actualización:')).toBeVisible();
	expect(errors).toEqual([]);
});

test('the header search finds content by a word without accents', async ({ page }) => {
	await page.goto('/');
	await page.getByRole('searchbox', { name: 'Buscar en el portal' }).fill('construccion');
	await page.getByRole('button', { name: 'Buscar' }).first().click();
	await expect(page).toHaveURL(/\/buscar\?q=construccion/);
	await expect(page.getByRole('link', { name: /Licencia de construcción/i }).first()).toBeVisible();
});

test('the transparency menu lists its ten categories with an honest status', async ({ page }) => {
	await page.goto('/transparencia');
	for (let c = 1; c <= 10; c++) {
		await expect(
			page.getByRole('heading', { level: 2, name: new RegExp(`^${c}\\. `) })
		).toBeVisible();
	}
	await expect(page.getByText('Sin información publicada').first()).toBeVisible();
});

test('the language switch shows the portal in English and back in Spanish', async ({ page }) => {
	await page.goto('/tramites');
	await page.getByRole('link', { name: 'Read this portal in English' }).click();
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Procedures and services');
	await page.getByRole('link', { name: 'Lee este portal en español' }).click();
	await expect(page.locator('html')).toHaveAttribute('lang', 'es');
});
