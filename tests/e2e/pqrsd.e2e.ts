import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import {
	E2E_ADMIN,
	baseUrl,
	expectAxeClean,
	holdScripts,
	openBeforeScripts,
	waitForAppStart,
	waitForOfflineReady,
	waitForSavedDraft
} from './helpers';
import { actAsOfficial, answerRequest, filedRequests } from '../helpers/as-official';
import { setOffline } from '../helpers/network-state';

async function fillQueja(page: Page, subject: string) {
	await page.getByLabel('Asunto').fill(subject);
	await page.locator('#campo_descripcion').fill('El alumbrado del parque lleva un mes apagado.');
	await page.getByLabel('Nombre completo').fill('Ciudadana de Prueba');
	await page.getByLabel('Número de documento').fill('1122334455');
	await page.getByLabel(/Autorizo el tratamiento/).check();
}

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

test('what a citizen types while the scripts are still arriving is kept once they start', async ({
	page
}) => {
	const scripts = await holdScripts(page);
	await page.goto('/formularios/queja', { waitUntil: 'domcontentloaded' });
	const subject = `Escrito antes de cargar ${Date.now()}`;
	await fillQueja(page, subject);

	await scripts.release();
	await expect(page.getByLabel('Asunto')).toHaveValue(subject);
	await expect(page.getByLabel(/Autorizo el tratamiento/)).toBeChecked();
	await expect(page.getByLabel('Nombre completo')).toHaveValue('Ciudadana de Prueba');
	await expect(page.getByLabel('Número de documento')).toHaveValue('1122334455');
	await expect(page.locator('#campo_descripcion')).toHaveValue(
		'El alumbrado del parque lleva un mes apagado.'
	);

	// What was typed is in the form's state too: it is saved as the draft a reload brings back.
	await expect(page.getByText(/Borrador guardado en este dispositivo/)).toBeVisible();
	await page.unrouteAll();
	await page.reload();
	await expect(page.getByLabel('Asunto')).toHaveValue(subject);
	await expect(page.getByLabel('Nombre completo')).toHaveValue('Ciudadana de Prueba');
});

test('a radicado typed on the tracking page and words typed in search before the scripts start are kept and used (#14)', async ({
	browser
}) => {
	const { page, release } = await openBeforeScripts(browser, '/seguimiento');
	await page.getByLabel('Número de radicado').fill('PG-2026-999999');
	await page.getByLabel('PIN de 6 dígitos').fill('123456');
	await release();
	await expect(page.getByLabel('Número de radicado')).toHaveValue('PG-2026-999999');
	await page.getByRole('button', { name: 'Consultar' }).click();
	// Not a silent failure: the lookup ran and says what it found.
	await expect(page.getByRole('alert')).toContainText('No encontramos una solicitud');

	const search = await openBeforeScripts(browser, '/buscar');
	const other = search.page;
	await other.locator('#q').fill('residencia');
	await search.release();
	await expect(other.locator('#q')).toHaveValue('residencia');
	await expect(other).toHaveURL(/\/buscar\?q=residencia/);
	await expect(
		other.getByRole('link', { name: /Certificado de residencia/ }).first()
	).toBeVisible();
});

test('what is typed on the withdrawal, completion and kiosk activation forms before the scripts start is kept (#14)', async ({
	browser
}) => {
	const withdrawal = await openBeforeScripts(browser, '/seguimiento/desistir');
	const withdraw = withdrawal.page;
	await withdraw.getByLabel('Número de radicado').fill('PG-2026-999998');
	await withdraw.getByLabel('PIN de 6 dígitos').fill('654321');
	await withdraw.getByLabel('¿Por qué desiste?').fill('Ya me arreglaron el problema.');
	await withdraw.getByLabel(/Entiendo que la Alcaldía dejará de tramitar/).check();
	await withdrawal.release();
	await expect(withdraw.getByLabel('Número de radicado')).toHaveValue('PG-2026-999998');
	await expect(withdraw.getByLabel('PIN de 6 dígitos')).toHaveValue('654321');
	await expect(withdraw.getByLabel('¿Por qué desiste?')).toHaveValue(
		'Ya me arreglaron el problema.'
	);
	await expect(withdraw.getByLabel(/Entiendo que la Alcaldía dejará de tramitar/)).toBeChecked();

	const completion = await openBeforeScripts(browser, '/seguimiento/completar');
	const complete = completion.page;
	await complete.getByLabel('Número de radicado').fill('PG-2026-999997');
	await complete.getByLabel('PIN de 6 dígitos').fill('112233');
	const answer = complete.locator('#respuesta');
	await answer.fill('El recibo de servicio público que pidieron.');
	await completion.release();
	await expect(complete.getByLabel('Número de radicado')).toHaveValue('PG-2026-999997');
	await expect(complete.getByLabel('PIN de 6 dígitos')).toHaveValue('112233');
	await expect(answer).toHaveValue('El recibo de servicio público que pidieron.');

	// The kiosk's activation code, typed by the administrator at the kiosk.
	const activation = await openBeforeScripts(browser, '/kiosco/activar');
	const kiosk = activation.page;
	await kiosk.getByLabel('Código de activación').fill('ABCD-2345');
	await activation.release();
	await expect(kiosk.getByLabel('Código de activación')).toHaveValue('ABCD-2345');
});

test('a form with errors says what is wrong in Spanish and moves focus to the summary', async ({
	page
}) => {
	await page.goto('/formularios/queja');
	// With the page's scripts (a click before them posts the plain form, which the no-JavaScript
	// test below covers, and its summary links only scroll).
	await waitForAppStart(page);
	await page.getByRole('button', { name: /Enviar solicitud/ }).click();
	const summary = page.getByRole('alert').filter({ hasText: 'Revise lo siguiente' });
	await expect(summary).toBeFocused();
	// Each line names its field, in the order of the page, and leads to it.
	await expect(summary.getByRole('link').first()).toHaveText(
		'Nombre completo: Este dato es obligatorio.'
	);
	await summary.getByRole('link', { name: 'Asunto: Este dato es obligatorio.' }).click();
	await expect(page.getByLabel('Asunto')).toBeFocused();
	await expect(summary).toContainText(
		'Autorización de datos personales: Debe autorizar el tratamiento de sus datos'
	);
});

test('an anonymous complaint hides personal data fields and warns about evidence', async ({
	page
}) => {
	await page.goto('/formularios/denuncia');
	await page.getByLabel(/Presentar de forma anónima/).check();
	await expect(page.getByLabel('Nombre completo')).toHaveCount(0);
	await expect(page.getByText(/hechos concretos|pruebas/i).first()).toBeVisible();
});

test('a minor’s document offers the legal representative and priority by itself; an adult may ask priority', async ({
	page
}) => {
	await page.goto('/formularios/peticion-general');
	const representative = page.getByTestId('representante');
	const priority = page.getByLabel(/^Atención prioritaria/);
	await expect(representative).toBeHidden();
	await expect(priority).toBeVisible();
	await page.getByLabel('Tipo de documento').selectOption('TI');
	await expect(representative).toBeVisible();
	await expect(representative.getByLabel('Nombre del representante legal')).toBeVisible();
	await expect(page.getByTestId('aviso-menor')).toContainText('puedes presentar tu solicitud');
	// A minor's priority follows from the document: nothing to ask.
	await expect(priority).toBeHidden();
	await page.getByLabel('Tipo de documento').selectOption('CC');
	await expect(representative).toBeHidden();
	await priority.selectOption('preferente');
	await expect(priority).toHaveValue('preferente');
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('a petición is filed as a plain HTML form and can be tracked by radicado and PIN', async ({
		page
	}) => {
		await page.goto('/formularios/peticion-general');
		await page.getByLabel('Asunto').fill('Arreglo de la vía a la vereda');
		await page
			.locator('#campo_descripcion')
			.fill('La vía tiene huecos profundos desde hace meses.');
		// Sent without the personal data: the page that comes back says "Error" first in its
		// title, opens at the summary, names the fields and keeps what was typed.
		await page.getByRole('button', { name: 'Enviar solicitud' }).click();
		await expect(page).toHaveTitle(/^Error: /);
		await expect(page).toHaveURL(/#error-summary$/);
		const summary = page.locator('#error-summary');
		await expect(summary).toBeInViewport();
		await expect(summary.getByRole('link').first()).toHaveText(
			'Nombre completo: Este dato es obligatorio.'
		);
		await expect(page.getByLabel('Asunto')).toHaveValue('Arreglo de la vía a la vereda');

		await page.getByLabel('Nombre completo').fill('Ciudadano Sin Scripts');
		await page.getByLabel('Número de documento').fill('99887766');
		await page.getByLabel(/Autorizo el tratamiento/).check();
		await page.getByRole('button', { name: 'Enviar solicitud' }).click();
		const radicado = (await page.getByTestId('radicado').textContent())!.trim();
		const pin = (await page.getByTestId('pin').textContent())!.trim();
		expect(radicado).toMatch(/^PG-\d{4}-\d{6}$/);
		expect(pin).toMatch(/^\d{6}$/);
		await expect(page.getByTestId('deadline')).toContainText('15 días hábiles');

		await page.goto('/seguimiento');
		await page.getByLabel('Número de radicado').fill(radicado);
		await page.getByLabel('PIN de 6 dígitos').fill(pin);
		await page.getByRole('button', { name: 'Consultar' }).click();
		await expect(page.getByTestId('estado')).toHaveText('Radicada');

		await page.getByLabel('Número de radicado').fill(radicado);
		await page.getByLabel('PIN de 6 dígitos').fill(pin === '000000' ? '111111' : '000000');
		await page.getByRole('button', { name: 'Consultar' }).click();
		await expect(
			page.getByText('No encontramos una solicitud con ese radicado y PIN')
		).toBeVisible();
	});

	test('a form re-sent after its first answer was lost shows the same radicado and PIN', async ({
		page
	}) => {
		await page.goto('/formularios/peticion-general');
		await page.getByLabel('Asunto').fill('Reenvío en 2G');
		await page.locator('#campo_descripcion').fill('La respuesta se perdió por el camino.');
		await page.getByLabel('Nombre completo').fill('Ciudadana Reenvío');
		await page.getByLabel('Número de documento').fill('55443322');
		await page.getByLabel(/Autorizo el tratamiento/).check();
		// The first post reaches the server and is filed; its answer never reaches the phone.
		let dropped = false;
		let lostAnswer = '';
		await page.route('**/formularios/peticion-general', async (route) => {
			if (route.request().method() !== 'POST' || lostAnswer) return route.continue();
			lostAnswer = await (await route.fetch()).text();
			await route.abort('connectionreset');
			dropped = true;
		});
		await page
			.getByRole('button', { name: 'Enviar solicitud' })
			.click()
			.catch(() => {});
		await expect.poll(() => dropped && page.url().startsWith('chrome-error:')).toBe(true);
		// The phone shows its "no connection" page; the citizen reloads it, which posts again.
		// (Chromium may still be swapping in the error page: reload once it is attached.)
		await expect(async () => {
			await page.reload();
		}).toPass({ timeout: 15_000 });
		await expect(page.getByTestId('filed-again')).toBeVisible();
		const radicado = (await page.getByTestId('radicado').textContent())!.trim();
		const pin = (await page.getByTestId('pin').textContent())!.trim();
		expect(radicado).toMatch(/^PG-\d{4}-\d{6}$/);
		// The same request as the lost answer's, not a second one.
		expect(lostAnswer).toContain(radicado);
		expect(lostAnswer).toContain(pin);

		await page.goto('/seguimiento');
		await page.getByLabel('Número de radicado').fill(radicado);
		await page.getByLabel('PIN de 6 dígitos').fill(pin);
		await page.getByRole('button', { name: 'Consultar' }).click();
		await expect(page.getByTestId('estado')).toHaveText('Radicada');
	});

	test('asked to complete the request, the citizen completes it from the tracking page and the term runs again', async ({
		page
	}) => {
		await page.goto('/formularios/peticion-general');
		await page.getByLabel('Asunto').fill('Permiso para la caseta comunal');
		await page.locator('#campo_descripcion').fill('Necesitamos usar el lote del frente.');
		await page.getByLabel('Nombre completo').fill('Ciudadano Completa');
		await page.getByLabel('Número de documento').fill('77665544');
		await page.getByLabel(/Autorizo el tratamiento/).check();
		await page.getByRole('button', { name: 'Enviar solicitud' }).click();
		const radicado = (await page.getByTestId('radicado').textContent())!.trim();
		const pin = (await page.getByTestId('pin').textContent())!.trim();
		const ask = { kind: 'requerimiento', text: 'Indique el número del lote y la vereda.' };
		expect(await actAsOfficial(baseUrl(page), E2E_ADMIN, radicado, ask)).toBe(201);

		await page.goto('/seguimiento');
		await page.getByLabel('Número de radicado').fill(radicado);
		await page.getByLabel('PIN de 6 dígitos').fill(pin);
		await page.getByRole('button', { name: 'Consultar' }).click();
		await expect(page.getByText(ask.text)).toBeVisible();
		await page.getByTestId('completar').click();
		await expect(page.getByLabel('Número de radicado')).toHaveValue(radicado);
		await page.getByLabel('PIN de 6 dígitos').fill(pin);
		await page.getByLabel('Lo que le pidieron').fill('Lote 14, vereda La Esmeralda.');
		await page.getByRole('button', { name: 'Enviar lo que falta' }).click();
		await expect(page.getByTestId('completada')).toContainText(radicado);
		await expect(page.getByTestId('nuevo-plazo')).toContainText('corre de nuevo');
	});

	test('a form with errors comes back with the answers kept and the errors listed', async ({
		page
	}) => {
		await page.goto('/formularios/peticion-general');
		await page.getByLabel('Asunto').fill('Solo el asunto');
		await page.getByRole('button', { name: 'Enviar solicitud' }).click();
		await expect(page.getByText('Revise lo siguiente')).toBeVisible();
		await expect(page.getByLabel('Asunto')).toHaveValue('Solo el asunto');
	});
});
