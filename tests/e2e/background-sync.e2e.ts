import { expect, test } from '@playwright/test';
import { E2E_ADMIN, baseUrl, waitForAppStart, waitForOfflineReady } from './helpers';
import { filedRequests } from '../helpers/as-official';
import { setOffline } from '../helpers/network-state';
import { SYNC } from '../../src/lib/policy.js';

test('a request queued offline is filed by the service worker when the signal returns, with no page open, and the next page says so once', async ({
	page,
	context
}) => {
	await page.goto('/formularios/queja');
	await waitForOfflineReady(page);
	const origin = baseUrl(page);
	await setOffline(context, true);
	await page.getByLabel('Asunto').fill(`Alumbrado de la vereda ${Date.now()}`);
	await page.locator('#campo_descripcion').fill('Tres postes sin luz desde hace un mes.');
	await page.getByLabel('Nombre completo').fill('Ciudadano de Prueba');
	await page.getByLabel('Número de documento').fill('9988776655');
	await page.getByLabel(/Autorizo el tratamiento/).check();
	await page.getByRole('button', { name: /Guardar y enviar cuando haya conexión/ }).click();
	await expect(page.getByTestId('codigo-provisional')).toHaveText(/^PEND-[0-9A-F]{8}$/);
	const id = new URL(page.url()).searchParams.get('nueva')!;

	// The citizen closes the browser's tab; the signal comes back later.
	const blank = await context.newPage();
	await page.close();
	await setOffline(context, false);

	// What the browser does when the connection returns: the outbox's sync event, to the worker.
	const cdp = await context.newCDPSession(blank);
	const registration = new Promise<string>((resolve) =>
		cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations }) => {
			const ours = registrations.find((r) => r.scopeURL.startsWith(origin) && !r.isDeleted);
			if (ours) resolve(ours.registrationId);
		})
	);
	await cdp.send('ServiceWorker.enable');
	await cdp.send('ServiceWorker.dispatchSyncEvent', {
		origin,
		registrationId: await registration,
		tag: SYNC.outbox,
		lastChance: false
	});

	await expect
		.poll(async () => (await filedRequests(origin, E2E_ADMIN)).filter((r) => r.id === id).length, {
			timeout: 20_000
		})
		.toBe(1);

	// The next page the citizen opens tells them, once.
	await blank.goto('/tramites');
	await expect(blank.getByTestId('aviso-radicada')).toHaveText(
		/radicada con el número PG-\d{4}-\d{6}\./
	);
	// Its outbox code has started (it checks the request's status) and found nothing to tell.
	const started = blank.waitForResponse((r) => r.url().endsWith('/api/seguimiento'));
	await blank.reload();
	await waitForAppStart(blank);
	await started;
	await blank.waitForTimeout(1000);
	await expect(blank.getByTestId('aviso-radicada')).toHaveCount(0);
});
