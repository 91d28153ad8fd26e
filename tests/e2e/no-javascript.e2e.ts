import { expect, test } from '@playwright/test';

test.use({ javaScriptEnabled: false });

test('without JavaScript every public page renders and the menu, links and search work', async ({
	page
}) => {
	await page.goto('/');
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Puerto Guzmán');
	await page
		.getByRole('navigation', { name: 'Menú principal' })
		.getByRole('link', { name: 'Transparencia' })
		.click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Transparencia');
	await page.getByRole('link', { name: /^1\.1 / }).click();
	await expect(page.getByText('Responsable:')).toBeVisible();

	await page.getByRole('searchbox', { name: 'Buscar en el portal' }).fill('predial');
	await page.getByRole('button', { name: 'Buscar' }).first().click();
	await expect(page.getByRole('link', { name: /predial/i }).first()).toBeVisible();
	// The search page's own form, spelling forgiven by the server's index.
	const main = page.getByRole('main');
	await main.getByRole('searchbox', { name: 'Buscar en el portal' }).fill('papel para el sisvén');
	await main.getByRole('button', { name: 'Buscar' }).click();
	await expect(page.getByRole('link', { name: /SISBÉN/ }).first()).toBeVisible();
	await main.getByRole('searchbox', { name: 'Buscar en el portal' }).fill('xqzwvkt');
	await main.getByRole('button', { name: 'Buscar' }).click();
	await expect(page.getByRole('heading', { level: 2, name: '¿Qué puede hacer?' })).toBeVisible();
	await page.getByRole('link', { name: 'Vea la lista de todos los trámites' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Trámites');

	for (const path of [
		'/tramites',
		'/noticias',
		'/directorio',
		'/entidades',
		'/normativa',
		'/concejo',
		'/informacion',
		'/atencion',
		'/participa',
		'/mapa-del-sitio'
	]) {
		const res = await page.goto(path);
		expect(res?.status(), path).toBe(200);
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	}
	await page.goto('/guardado');
	await expect(page.getByText('active JavaScript')).toBeVisible();
});

test('without JavaScript the language switch still works', async ({ page }) => {
	await page.goto('/noticias');
	await page.getByRole('link', { name: 'Read this portal in English' }).click();
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(page).toHaveURL(/\/noticias$/);
});
