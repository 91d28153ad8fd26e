import { expect, test } from './online-only';
import { expectAxeClean, waitForAppStart } from './helpers';

test('the GOV.CO accessibility bar enlarges text and raises contrast, remembers it, and links the Centro de Relevo', async ({
	page
}) => {
	const html = page.locator('html');
	await page.goto('/tramites');
	await waitForAppStart(page);
	await page.getByRole('button', { name: 'Accesibilidad' }).click();
	const larger = page.getByRole('button', { name: 'Letra más grande' });
	await larger.click();
	await larger.click();
	await expect(page.getByText('Tamaño de la letra: 130 %')).toBeVisible();
	await expect(html).toHaveAttribute('style', /font-size: 130%/);
	await page.getByRole('button', { name: 'Alto contraste' }).click();
	await expect(html).toHaveClass(/alto-contraste/);
	await expect(page.getByRole('button', { name: 'Alto contraste' })).toHaveAttribute(
		'aria-pressed',
		'true'
	);
	await expect(
		page
			.getByRole('group', { name: 'Accesibilidad' })
			.getByRole('link', { name: /Centro de Relevo/ })
	).toHaveAttribute('href', 'https://centroderelevo.gov.co/');
	await expectAxeClean(page);

	// The choice stays on this device, on every page.
	await page.goto('/noticias');
	await expect(html).toHaveClass(/alto-contraste/);
	await expect(html).toHaveAttribute('style', /font-size: 130%/);

	// Back to the defaults, nothing is left stored.
	await page.getByRole('button', { name: 'Accesibilidad' }).click();
	await page.getByRole('button', { name: 'Alto contraste' }).click();
	await page.getByRole('button', { name: 'Letra más pequeña' }).click();
	await page.getByRole('button', { name: 'Letra más pequeña' }).click();
	await expect(page.getByRole('button', { name: 'Letra más pequeña' })).toBeDisabled();
	await expect(html).not.toHaveClass(/alto-contraste/);
	expect(await page.evaluate(() => localStorage.getItem('ventanilla.visualizacion'))).toBeNull();
});

test('without JavaScript the footer still links the Centro de Relevo', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto('/');
	await expect(
		page.getByRole('contentinfo').getByRole('link', { name: /Centro de Relevo/ })
	).toHaveAttribute('href', 'https://centroderelevo.gov.co/');
	await context.close();
});
