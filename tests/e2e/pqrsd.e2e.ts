import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import {
	E2E_ADMIN,
	baseUrl,
	expectAxeClean,
	fillQueja,
	waitForOfflineReady,
	waitForSavedDraft
} from './helpers';
import { answerRequest, filedRequests } from '../helpers/as-official';
import { setOffline } from '../helpers/network-state';

test('a PQRSD filled offline survives reload and a closed tab, then is filed exactly once', async ({
	page,
	context
}) => {
	await page.goto('/formularios/queja');
	await waitForOfflineReady(page);
	await setOffline(context, true);

	const subject = `Alumbrado público ${Date.now()}`;
	await fillQueja(page, subject);
	await expect(page.getByText(/Borrador guardado en este dispositivo/)).toBeVisible();
	await waitForSavedDraft(page, subject);

	// Reload offline: the service worker serves the page, the draft comes back from IndexedDB.
	await page.reload();
	await expect(page.getByLabel('Asunto')).toHaveValue(subject);

	// Close the tab and open the form again in a new one (on a phone that can share).
	await page.close();
	await context.addInitScript(() => {
		Object.defineProperty(navigator, 'share', {
			value: async (data: ShareData) => {
				(globalThis as { shared?: ShareData }).shared = data;
			}
		});
	});
	const again = await context.newPage();
	await again.goto('/formularios/queja');
	await expect(again.getByLabel('Asunto')).toHaveValue(subject);
	await expect(again.getByLabel('Nombre completo')).toHaveValue('Ciudadana de Prueba');

	await again.getByRole('button', { name: /Guardar y enviar cuando haya conexión/ }).click();
	await expect(again).toHaveURL(/\/mis-solicitudes\?nueva=/);
	await expect(again.getByTestId('codigo-provisional')).toHaveText(/^PEND-[0-9A-F]{8}$/);
	const id = new URL(again.url()).searchParams.get('nueva')!;
	// The "recibido" moment: the code and the PIN on top, in focus.
	const received = again.getByTestId('recibido');
	await expect(received).toBeFocused();
	await expect(received).toContainText('Guardamos su solicitud en este celular');
	await expect(received).toContainText(/PEND-[0-9A-F]{8}/);
	await expectAxeClean(again);

	const reconnectedAt = Date.now();
	await setOffline(context, false);
	const radicado = again.getByTestId('radicado').first();
	await expect(radicado).toHaveText(/^PG-\d{4}-\d{6}$/, { timeout: 20_000 });
	console.info(`reconnect → radicado shown: ${Date.now() - reconnectedAt} ms`);
	// The same panel says so when the radicado arrives.
	await expect(received).toContainText('Recibimos su solicitud');
	const filedNumber = await radicado.innerText();
	await expect(received).toContainText(filedNumber);
	// Kept as the citizen likes: shared (e.g. to their own WhatsApp) or saved as a picture.
	const pin = (await received.locator('dd').nth(1).innerText()).trim();
	await received.getByRole('button', { name: 'Compartir' }).click();
	const shared = await again.evaluate(() => (globalThis as { shared?: ShareData }).shared?.text);
	expect(shared).toContain(`${filedNumber} · PIN ${pin}`);
	expect(shared).toContain('/seguimiento');
	const download = again.waitForEvent('download');
	await received.getByRole('button', { name: 'Guardar como imagen' }).click();
	const image = await download;
	expect(image.suggestedFilename()).toBe(`solicitud-${filedNumber}.png`);
	const png = readFileSync(await image.path());
	expect([...png.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
	await expect(again.getByTestId('plazo').first()).toContainText('15 días hábiles');

	const list = await filedRequests(baseUrl(again), E2E_ADMIN);
	expect(list.filter((i) => i.id === id)).toHaveLength(1);

	// The official's answer reaches the device…
	const filed = (await radicado.textContent())!;
	const answer = await answerRequest(
		baseUrl(again),
		E2E_ADMIN,
		filed,
		'Se reparó el alumbrado del parque.'
	);
	expect(answer).toBe(201);
	await again.getByRole('button', { name: 'Consultar respuestas' }).click();
	await expect(again.getByTestId('respuesta')).toContainText('Se reparó el alumbrado');

	// …and stays readable offline.
	await setOffline(context, true);
	await again.reload();
	await expect(again.getByTestId('respuesta')).toContainText('Se reparó el alumbrado');
	await expect(again.getByTestId('estado').first()).toHaveText('Respondida');
});

test('a request sent in the background says its radicado on whatever page the citizen is on (#14)', async ({
	page,
	context
}) => {
	await page.goto('/formularios/queja');
	await waitForOfflineReady(page);
	await setOffline(context, true);
	await fillQueja(page, `Aviso en otra página ${Date.now()}`);
	await page.getByRole('button', { name: /Guardar y enviar cuando haya conexión/ }).click();
	await expect(page).toHaveURL(/\/mis-solicitudes\?nueva=/);
	await page.goto('/tramites');

	await setOffline(context, false);
	const notice = page.getByTestId('aviso-radicada');
	await expect(notice).toHaveText(/radicada con el número PG-\d{4}-\d{6}\./, { timeout: 20_000 });
	await expectAxeClean(page);
	await notice.getByRole('link', { name: 'Ver mis solicitudes' }).click();
	await expect(page).toHaveURL(/\/mis-solicitudes$/);
	await expect(notice).toHaveCount(0);
	await expect(page.getByTestId('radicado').first()).toHaveText(/^PG-\d{4}-\d{6}$/);
});
