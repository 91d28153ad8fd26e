import { expect, test, type Page } from '@playwright/test';
import { E2E_ADMIN, signIn, waitForOfflineReady } from './helpers';
import { setOffline } from '../helpers/network-state';

/**
 * Every Content Security Policy violation the page reports (`securitypolicyviolation`), from
 * the first script on: the listener is installed before any of the page's own scripts run.
 */
async function watchCsp(page: Page): Promise<() => Promise<string[]>> {
	await page.addInitScript(() => {
		const seen: string[] = [];
		(window as unknown as { __csp: string[] }).__csp = seen;
		document.addEventListener('securitypolicyviolation', (e) =>
			seen.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`)
		);
	});
	const refused: string[] = [];
	page.on('console', (msg) => {
		if (/Content Security Policy/i.test(msg.text())) refused.push(msg.text());
	});
	return async () => {
		const reported = await page
			.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? [])
			.catch(() => []);
		return [...reported, ...refused];
	};
}

test('pages carry a strict Content Security Policy and raise no violation, online and offline', async ({
	page,
	context
}) => {
	const violations = await watchCsp(page);
	const res = await page.goto('/');
	const csp = res?.headers()['content-security-policy'] ?? '';
	expect(csp).toMatch(/script-src 'self' 'nonce-[^']+'/);
	expect(csp).toContain("frame-ancestors 'none'");
	expect(csp).toContain("object-src 'none'");
	expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
	await waitForOfflineReady(page);

	for (const path of [
		'/tramites/certificado-de-residencia',
		'/formularios/queja',
		'/seguimiento'
	]) {
		await page.goto(path);
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
		expect(await violations(), path).toEqual([]);
	}
	await page.getByRole('searchbox', { name: 'Buscar en el portal' }).fill('residencia');
	await page.getByRole('button', { name: 'Buscar' }).first().click();
	await expect(page.getByRole('link', { name: /residencia/i }).first()).toBeVisible();

	// Offline: pages from the device's copy and the offline shell for a deep link.
	await setOffline(context, true);
	await page.goto('/normativa');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Normativa');
	await page.goto('/tramites/licencia-de-construccion');
	await expect(page.getByRole('heading', { name: 'Requisitos' })).toBeVisible();
	expect(await violations()).toEqual([]);
	await setOffline(context, false);

	// The back office, framed by nobody either.
	const signInPage = await page.goto('/gestion/ingresar');
	expect(signInPage?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
	await signIn(page, E2E_ADMIN.username, E2E_ADMIN.password);
	for (const path of ['/gestion/solicitudes', '/gestion/contenido', '/gestion/cuenta']) {
		await page.goto(path);
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	}
	expect(await violations()).toEqual([]);
});

test('a back-office page opened under an encoded spelling is not kept on the device after sign-out', async ({
	page,
	context
}) => {
	await page.goto('/');
	await waitForOfflineReady(page);
	await signIn(page, E2E_ADMIN.username, E2E_ADMIN.password);
	for (const path of ['/%67estion/usuarios', '/gestion//usuarios', '/GESTION/usuarios']) {
		await page.goto(path).catch(() => null);
	}
	await page.goto('/gestion');
	await page.getByRole('button', { name: 'Cerrar sesión' }).click();
	await expect(page.getByRole('button', { name: 'Ingresar' })).toBeVisible();

	const kept = await page.evaluate(async () => {
		const urls: string[] = [];
		for (const name of await caches.keys()) {
			const cache = await caches.open(name);
			for (const req of await cache.keys()) urls.push(decodeURIComponent(req.url));
		}
		return urls;
	});
	expect(kept.filter((url) => /\/gestion/i.test(new URL(url).pathname))).toEqual([]);

	await setOffline(context, true);
	await page.goto('/%67estion/usuarios').catch(() => null);
	await expect(page.getByText(E2E_ADMIN.username)).toHaveCount(0);
});
