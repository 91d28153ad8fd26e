import { deviceRows, expect, test } from './fixtures';

test('a new service worker taking over while a draft is open loses nothing typed', async ({
	page,
	faults
}) => {
	await page.goto('/formularios/queja');
	await page.waitForFunction(() => navigator.serviceWorker?.controller != null, null, {
		timeout: 30_000
	});
	const subject = `Borrador durante la actualización ${Date.now()}`;
	await page.getByLabel('Asunto').fill(subject);
	await expect(page.getByText(/Borrador guardado en este dispositivo/)).toBeVisible();

	// A deployment: the worker script the browser checks now differs by a few bytes, and the
	// server reports another build version than the page's.
	const served = faults.rewriteNext(
		/^\/service-worker\.js/,
		(body) => `${body}\n// versión nueva ${Date.now()}\n`
	);
	void faults.rewriteNext(/^\/_app\/version\.json/, () => JSON.stringify({ version: 'nueva' }));
	const tookOver = page.evaluate(
		() =>
			new Promise<boolean>((resolve) => {
				navigator.serviceWorker.addEventListener('controllerchange', () => resolve(true), {
					once: true
				});
				void navigator.serviceWorker.getRegistration().then((r) => r?.update());
			})
	);
	await served;
	expect(await tookOver).toBe(true);
	// The person is told, and offered a reload.
	const notice = page.getByTestId('version-nueva');
	await expect(notice).toContainText('Hay una versión nueva del portal');

	// The page in front of the citizen is untouched and keeps saving.
	await expect(page.getByLabel('Asunto')).toHaveValue(subject);
	await page.locator('#campo_descripcion').fill('Escrito después de la actualización.');
	await expect
		.poll(async () =>
			(await deviceRows<{ values: Record<string, string> }>(page, 'drafts')).map(
				(d) => d.values.descripcion
			)
		)
		.toEqual(['Escrito después de la actualización.']);

	// And everything comes back after the reload it offers, under the new worker.
	await Promise.all([
		page.waitForEvent('load'),
		notice.getByRole('button', { name: 'Actualizar ahora' }).click()
	]);
	await expect(notice).toBeHidden();
	await expect(page.getByLabel('Asunto')).toHaveValue(subject);
	await expect(page.locator('#campo_descripcion')).toHaveValue(
		'Escrito después de la actualización.'
	);
	expect(await deviceRows(page, 'drafts')).toHaveLength(1);
});
