import { expect, type Page } from '@playwright/test';

/** The admin API token the e2e server runs with (playwright.config.ts). */
export const ADMIN_TOKEN = process.env.E2E_ADMIN_TOKEN ?? 'e2e-admin-token-0123456789abcdef';

/** Waits until the service worker controls the page and the offline pack is stored. */
export async function waitForOfflineReady(page: Page) {
	await page.waitForFunction(() => navigator.serviceWorker?.controller != null, null, {
		timeout: 30_000
	});
	await page.waitForFunction(() => localStorage.getItem('ventanilla.paquete') !== null, null, {
		timeout: 30_000
	});
	await expect(page.getByText(/Guardado para leer sin conexión/)).toBeVisible();
}

/** Console errors, minus the 404s PouchDB logs while looking for its checkpoints. */
export function collectErrors(page: Page): string[] {
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(e.message));
	page.on('console', (msg) => {
		if (msg.type() !== 'error') return;
		const text = msg.text();
		if (/404|_local|Failed to load resource|ERR_INTERNET_DISCONNECTED/.test(text)) return;
		errors.push(text);
	});
	return errors;
}
