import { expect, test } from './online-only';
import {
	E2E_ADMIN,
	baseUrl,
	fillQueja,
	holdScripts,
	openBeforeScripts,
	waitForAppStart
} from './helpers';
import { actAsOfficial } from '../helpers/as-official';

/**
 * The PQRSD forms as a citizen fills them online: before the scripts arrive, with errors, with
 * their conditional parts, and without JavaScript. Online-only devices: the offline journeys are
 * in pqrsd.e2e.ts.
 */

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
