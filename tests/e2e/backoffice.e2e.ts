import { expect, test, type Page } from '@playwright/test';
import {
	createOfficial,
	E2E_ADMIN,
	expectAxeClean,
	baseUrl,
	fileByApi,
	holdScripts,
	signIn,
	waitForOfflineReady
} from './helpers';
import { filedRequests } from '../helpers/as-official';
import { setOffline } from '../helpers/network-state';
import { onlineOnlyContext, test as onlineOnly } from './online-only';

const PASSWORD = 'clave-e2e-funcionario-1';

async function expectNoSeriousA11yViolations(page: Page, path: string) {
	await page.goto(path);
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	await expectAxeClean(page);
}

test('an official answers a request in the inbox and the citizen’s device receives it', async ({
	browser
}, testInfo) => {
	// Two people's whole journeys plus seven accessibility scans.
	test.slow();
	const citizen = await (await onlineOnlyContext(browser)).newPage();
	await citizen.goto('/formularios/peticion-general');
	await citizen.getByLabel(/Presentar de forma anónima/).check();
	await citizen.getByLabel('Asunto').fill('Arreglo del puente de La Esmeralda');
	await citizen
		.locator('#campo_descripcion')
		.fill('El puente peatonal está roto desde la creciente.');
	await citizen.getByRole('button', { name: /Enviar solicitud|Guardar y enviar/ }).click();
	const radicado = (await citizen
		.getByTestId('radicado')
		.first()
		.textContent({ timeout: 20_000 }))!.trim();
	expect(radicado).toMatch(/^PG-\d{4}-\d{6}$/);

	// A retry starts over with a new official: the first try's account remains.
	const username = `ana.gobierno${testInfo.retry || ''}`;
	const adminPage = await (await onlineOnlyContext(browser)).newPage();
	await createOfficial(adminPage, {
		username,
		name: 'Ana Gobierno',
		role: 'Funcionario',
		dependencia: 'secretaria-de-gobierno',
		password: PASSWORD
	});

	const official = await (await onlineOnlyContext(browser)).newPage();
	await signIn(official, username, PASSWORD);
	await official.goto('/gestion/bandeja');
	await official.getByRole('link', { name: radicado }).click();
	await expect(official.getByRole('heading', { level: 1 })).toContainText(radicado);
	await official
		.getByLabel('Texto de la respuesta')
		.fill('El puente se reparará la semana próxima.');
	// Folded secondary actions choose nobody until the official does.
	await expect(official.getByLabel('Funcionario', { exact: true })).toHaveValue('');
	await expect(official.getByLabel('Funcionario', { exact: true })).toBeHidden();
	// The answer goes out only after the official has seen it as the citizen will.
	await official.getByRole('button', { name: 'Revisar respuesta' }).click();
	const review = official.getByTestId('revision');
	await expect(review).toBeFocused();
	await expect(review).toContainText('Así la leerá el ciudadano');
	await expect(review.locator('blockquote')).toHaveText('El puente se reparará la semana próxima.');
	await review.getByRole('button', { name: 'Confirmar y enviar respuesta' }).click();
	await expect(official.getByTestId('resultado')).toHaveText(/^Respuesta enviada\./);
	await expect(official.getByTestId('resultado')).toBeFocused();
	await expect(official.getByLabel('Texto de la respuesta')).toHaveValue('');

	await citizen.getByRole('button', { name: 'Consultar respuestas' }).click();
	await expect(citizen.getByTestId('respuesta')).toContainText('El puente se reparará');

	for (const path of [
		'/gestion',
		'/gestion/bandeja',
		`/gestion/solicitudes/${radicado}`,
		'/trabajo'
	]) {
		await expectNoSeriousA11yViolations(official, path);
	}
	for (const path of [
		'/gestion/usuarios',
		`/gestion/usuarios/${username}`,
		'/gestion/numeros-no-utilizados'
	]) {
		await expectNoSeriousA11yViolations(adminPage, path);
	}
	const signedOut = await (await onlineOnlyContext(browser)).newPage();
	await expectNoSeriousA11yViolations(signedOut, '/gestion/ingresar');
});

async function captureOffline(page: Page, name: string, subject: string) {
	await page.goto('/trabajo/captura/peticion-general');
	await expect(page.getByRole('heading', { name: 'Datos del ciudadano' })).toBeVisible();
	await page.getByLabel('Nombre completo').fill(name);
	await page.getByLabel('Número de documento').fill('4455667788');
	await page.getByLabel('Vereda, barrio o inspección').fill('La Esmeralda');
	await page.getByLabel('Asunto').fill(subject);
	await page
		.locator('#campo_descripcion')
		.fill('Captura en campo durante la jornada en la vereda.');
	await page.getByLabel(/Leí en voz alta/).check();
	await page.getByRole('button', { name: /Guardar y enviar cuando haya conexión/ }).click();
	// The citizen leaves holding their numbers: code and PIN, and what to tell them.
	await expect(page).toHaveURL(/\/trabajo\?entregar=/);
	const handOver = page.getByTestId('entrega');
	await expect(handOver).toBeFocused();
	await expect(handOver).toContainText(`Solicitud de ${name}`);
	await expect(page.getByTestId('entrega-codigo')).toHaveText(/^PEND-[0-9A-F]{8}$/);
	const pin = (await page.getByTestId('entrega-pin').textContent())!.trim();
	expect(pin).toMatch(/^\d{6}$/);
	await expect(handOver.locator('blockquote')).toContainText(`PIN ${pin}`);
	// The same words as a text message, for the citizen to keep.
	expect(await page.getByTestId('entrega-sms').getAttribute('href')).toMatch(
		new RegExp(`^sms:\\?body=.*PIN%20${pin}`)
	);
	await handOver.getByRole('button', { name: 'Ya se los entregué' }).click();
	await expect(page).toHaveURL(/\/trabajo$/);
	await expect(handOver).toHaveCount(0);
}

test('a field official captures two requests offline, reloads, syncs, and each is filed once under their name', async ({
	browser
}, testInfo) => {
	// Three people's journeys (administrator, field official, inbox): 36 s alone on a busy
	// two-core machine, past the 60 s default when another file runs beside it.
	test.slow();
	// A retry starts over with a new official: the first try's account and captures remain.
	const username = `luis.campo${testInfo.retry || ''}`;
	const adminPage = await (await onlineOnlyContext(browser)).newPage();
	await createOfficial(adminPage, {
		username,
		name: 'Luis Campo',
		role: 'Funcionario de campo',
		dependencia: 'secretaria-de-gobierno',
		password: PASSWORD
	});

	const context = await browser.newContext();
	const page = await context.newPage();
	await signIn(page, username, PASSWORD);
	await page.goto('/trabajo');
	await expect(page.getByText('Trabajando como Luis Campo.')).toBeVisible();
	await waitForOfflineReady(page);

	await setOffline(context, true);
	const stamp = Date.now();
	await captureOffline(page, 'Rosa Campesina', `Puente caído ${stamp}`);
	await captureOffline(page, 'Pedro Ribereño', `Escuela sin techo ${stamp}`);
	await page.reload();
	await expect(page.getByTestId('capturas-pendientes')).toHaveText('2');

	// Signing out now would strand the captures: the device refuses.
	await page.getByRole('button', { name: 'Cerrar sesión' }).click();
	await expect(page.getByText(/No puede cerrar sesión: hay capturas/)).toBeVisible();

	// Back in signal, the official taps "Sincronizar": every capture goes now, whatever retry
	// time the attempts made while the link was down left it with.
	await setOffline(context, false);
	await page.getByRole('button', { name: 'Sincronizar' }).click();
	await expect(page.getByTestId('capturas-pendientes')).toHaveText('0', { timeout: 20_000 });
	const filedHere = page.getByTestId('radicada-dispositivo').locator('strong');
	await expect(filedHere).toHaveCount(2);
	const radicados = await filedHere.allTextContents();

	const inbox = await context.newPage();
	await inbox.goto('/gestion/bandeja');
	const all = await filedRequests(baseUrl(inbox), E2E_ADMIN);
	for (const r of radicados) {
		await expect(inbox.getByRole('link', { name: r, exact: true })).toBeVisible();
		expect(all.filter((i) => i.radicado === r)).toHaveLength(1);
		await inbox.goto(`/gestion/solicitudes/${r}`);
		await expect(inbox.getByText(`Luis Campo (${username})`)).toBeVisible();
		await inbox.goto('/gestion/bandeja');
	}
	// Both synced, so signing out is allowed and leaves no replica behind.
	await page.getByRole('button', { name: 'Cerrar sesión' }).click();
	await expect(page).toHaveURL(/\/gestion\/ingresar/);
});

onlineOnly(
	'an official who types while the sign-in page is still starting is signed in',
	async ({ page }) => {
		const scripts = await holdScripts(page);
		await page.goto('/gestion/ingresar', { waitUntil: 'domcontentloaded' });
		await page.getByLabel('Usuario').fill(E2E_ADMIN.username);
		await page.getByLabel('Contraseña').fill(E2E_ADMIN.password);
		await scripts.release();
		await expect(page.getByLabel('Usuario')).toHaveValue(E2E_ADMIN.username);
		await page.getByRole('button', { name: 'Ingresar' }).click();
		await expect(page.getByRole('button', { name: 'Cerrar sesión' })).toBeVisible({
			timeout: 15_000
		});
	}
);

/** Every field an official can type in or choose from on the page now, as shown. */
const EDITABLE =
	'input:not([type=hidden],[type=checkbox],[type=radio],[type=file],[type=submit],[type=button]), textarea, select';

test('an official who types on any back-office form before its scripts start keeps every value', async ({
	browser
}) => {
	const page = await (await onlineOnlyContext(browser)).newPage();
	await signIn(page, E2E_ADMIN.username, E2E_ADMIN.password);
	const radicado = await fileByApi(page.request);
	const forms = [
		'/gestion/bandeja',
		`/gestion/solicitudes/${radicado}`,
		'/gestion/usuarios',
		`/gestion/usuarios/${E2E_ADMIN.username}`,
		'/gestion/cuenta',
		'/gestion/kioscos',
		'/gestion/contenido',
		'/gestion/contenido/noticia/nuevo',
		'/gestion/contenido/tramite/constancia-de-trasteo',
		'/gestion/plan/actividades/nueva',
		'/gestion/plan/reuniones/nueva',
		'/gestion/propuestas/nueva',
		'/gestion/numeros-no-utilizados',
		'/gestion/vencimientos'
	];
	for (const path of forms) {
		const scripts = await holdScripts(page);
		await page.goto(path, { waitUntil: 'domcontentloaded' });
		// What a quick official types or picks in every visible field of the server's HTML.
		const typed = await page.evaluate((selector) => {
			const out: string[] = [];
			for (const el of document.querySelectorAll<HTMLInputElement | HTMLSelectElement>(selector)) {
				if (!el.checkVisibility() || el.disabled || ('readOnly' in el && el.readOnly)) continue;
				const n = out.length;
				if (el instanceof HTMLSelectElement) {
					const other = [...el.options].reverse().find((o) => o.value && !o.selected);
					if (!other) continue;
					el.value = other.value;
				} else if (el.type === 'number') el.value = String(n + 2);
				else if (el.type === 'date') el.value = `2031-02-${String((n % 27) + 1).padStart(2, '0')}`;
				else if (el.type === 'email') el.value = `tecleado${n}@ejemplo.co`;
				else el.value = `Tecleado ${n}`;
				el.dispatchEvent(new Event('input', { bubbles: true }));
				el.dispatchEvent(new Event('change', { bubbles: true }));
				out.push(`${el.name || el.id}=${el.value}`);
			}
			return out;
		}, EDITABLE);
		expect(typed.length, `${path}: fields typed in`).toBeGreaterThan(0);
		await scripts.release();
		await page.unrouteAll();
		const kept = await page
			.locator(EDITABLE)
			.evaluateAll((els) =>
				els.map((e) => `${(e as HTMLInputElement).name || e.id}=${(e as HTMLInputElement).value}`)
			);
		expect(
			typed.filter((value) => !kept.includes(value)),
			`${path}: values lost when the scripts started`
		).toEqual([]);
	}
});
