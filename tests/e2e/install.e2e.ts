import { expect, test, type Page } from '@playwright/test';
import { waitForAppStart, waitForOfflineReady } from './helpers';
import { setOffline } from '../helpers/network-state';

/** What Chromium does when the portal may be installed: a `beforeinstallprompt` event. */
function offerInstall(page: Page, outcome: 'accepted' | 'dismissed' = 'accepted') {
	return page.evaluate((choice) => {
		const event = new Event('beforeinstallprompt', { cancelable: true }) as Event & {
			prompt: () => Promise<void>;
			userChoice: Promise<{ outcome: string }>;
		};
		event.prompt = async () => {
			(window as unknown as { __prompted: number }).__prompted =
				((window as unknown as { __prompted?: number }).__prompted ?? 0) + 1;
		};
		event.userChoice = Promise.resolve({ outcome: choice });
		window.dispatchEvent(event);
	}, outcome);
}

test('the invitation to install waits until the portal is saved, then opens the browser’s dialog', async ({
	page
}) => {
	await page.route('**/api/sync/contenido**', (route) => route.abort());
	await page.goto('/');
	await waitForAppStart(page);
	await offerInstall(page);
	const invite = page.getByRole('region', { name: 'Instalar el portal' });
	await page.waitForTimeout(300);
	await expect(invite).toHaveCount(0);

	await page.unroute('**/api/sync/contenido**');
	await page.reload();
	await waitForOfflineReady(page);
	await offerInstall(page);
	await expect(invite).toBeVisible();
	await invite.getByRole('button', { name: 'Instalar' }).click();
	await expect(invite).toHaveCount(0);
	expect(await page.evaluate(() => (window as unknown as { __prompted: number }).__prompted)).toBe(
		1
	);
});

test('"Ahora no" keeps the invitation away on this device', async ({ page }) => {
	await page.goto('/');
	await waitForOfflineReady(page);
	await offerInstall(page);
	const invite = page.getByRole('region', { name: 'Instalar el portal' });
	await invite.getByRole('button', { name: 'Ahora no' }).click();
	await expect(invite).toHaveCount(0);

	await page.reload();
	await waitForAppStart(page);
	await offerInstall(page);
	await page.waitForTimeout(300);
	await expect(invite).toHaveCount(0);
});

test('a first install cut off by a bad link is tried again while the citizen stays on the page', async ({
	context,
	page
}) => {
	// Only the service worker asks for the offline shell, and only while it installs.
	let shellRequests = 0;
	await context.route('**/app-shell', (route) =>
		shellRequests++ === 0 ? route.abort('connectionreset') : route.continue()
	);
	await page.goto('/');
	await page.evaluate(() => ((window as unknown as { __same: boolean }).__same = true));
	await waitForOfflineReady(page);
	expect(shellRequests).toBeGreaterThanOrEqual(2);
	// The same page, not a reload, got its offline copy.
	expect(await page.evaluate(() => (window as unknown as { __same?: boolean }).__same)).toBe(true);
});

test('when the downloads of the app’s code are cut, its files come one by one and pages still work offline', async ({
	context,
	page
}) => {
	const workerFetches: string[] = [];
	context.on('request', (r) => {
		if (r.serviceWorker()) workerFetches.push(new URL(r.url()).pathname);
	});
	// Both: the install's and the one of the code cached after it.
	await context.route(/\/_app\/immutable\/precache(-despues)?\.\w+\.json$/, (route) =>
		route.abort('connectionreset')
	);
	await page.goto('/tramites');
	await waitForOfflineReady(page);
	expect(
		workerFetches.filter((p) => p.startsWith('/_app/immutable/chunks/')).length
	).toBeGreaterThan(50);

	await setOffline(context, true);
	await page.goto('/formularios/queja');
	await expect(page.getByLabel('Asunto')).toBeVisible();
	await expect(
		page.getByRole('button', { name: /Guardar y enviar cuando haya conexión/ })
	).toBeVisible();
	// A page whose code is cached after the install.
	await page.goto('/noticias');
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Noticias');
});
