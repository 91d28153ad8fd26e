import { expect, test, type Page } from '@playwright/test';
import { BackOffice } from '../helpers/backoffice-client';
import { bogotaDay, publishFromSeed } from '../helpers/dated-content';
import {
	checkPage,
	collectErrors,
	E2E_ADMIN,
	expectAxeClean,
	openBeforeScripts,
	waitForOfflineReady
} from './helpers';
import { setOffline } from '../helpers/network-state';
import { test as onlineOnly } from './online-only';

// Copies of the seed consulta and proposal, open around today (the seed's own dates pass).
const CONSULTA = `consulta-e2e-${Date.now().toString(36)}`;
const PROYECTO = `proyecto-e2e-${Date.now().toString(36)}`;
const CLOSES_AT = bogotaDay(20);

// Playwright needs the fixtures argument to be a destructuring pattern, even when empty.
// eslint-disable-next-line no-empty-pattern
test.beforeAll(async ({}, testInfo) => {
	const editor = new BackOffice(String(testInfo.project.use.baseURL));
	expect(await editor.signIn(E2E_ADMIN.username, E2E_ADMIN.password)).toBe(303);
	await publishFromSeed(
		editor,
		'consulta',
		'prioridades-vias-y-conectividad-rural-2027',
		CONSULTA,
		{
			opensAt: bogotaDay(-1),
			closesAt: CLOSES_AT
		}
	);
	await publishFromSeed(editor, 'proyecto-acuerdo', 'presupuesto-general-2027', PROYECTO, {
		commentsUntil: bogotaDay(10)
	});
});

/** The editor's live count of answers to the consulta, in the back office. */
async function liveCount(page: Page): Promise<number> {
	await page.goto('/gestion/consultas');
	return Number(
		await page.locator(`tr[data-consulta="${CONSULTA}"] [data-respuestas]`).textContent()
	);
}

/** A date as the portal writes it ("20 de diciembre de 2026"). */
const longDate = (iso: string) =>
	new Intl.DateTimeFormat('es-CO', { dateStyle: 'long', timeZone: 'UTC' }).format(
		new Date(`${iso}T00:00:00Z`)
	);

test.describe('consultas (#5)', () => {
	test('a citizen answers offline; after a reload and a lost response it syncs and counts once', async ({
		page,
		context,
		browser
	}) => {
		const editor = await checkPage(browser, E2E_ADMIN);
		const before = await liveCount(editor);
		const errors = collectErrors(page);

		await page.goto(`/participa/consultas/${CONSULTA}`);
		await waitForOfflineReady(page);
		await expect(
			page.getByText(`Los resultados se publican al cierre, el ${longDate(CLOSES_AT)}.`)
		).toBeVisible();
		await expectAxeClean(page);

		await setOffline(context, true);
		// A required question left out: a Spanish error, linked from the summary.
		await page.getByRole('button', { name: 'Enviar respuesta' }).click();
		await expect(page.getByRole('alert')).toContainText('Responda esta pregunta.');
		await expectAxeClean(page);

		const form = page.locator('form');
		await form
			.getByRole('group', { name: /cuál elegiría/ })
			.getByLabel('Placa huella en los tramos que más se dañan con la lluvia')
			.check();
		await form
			.getByRole('group', { name: /Qué le cuesta más/ })
			.getByLabel('Llegar al puesto de salud o al hospital')
			.check();
		await form
			.getByRole('group', { name: /cómo está hoy el camino/ })
			.getByLabel('2', { exact: true })
			.check();
		await form.getByLabel(/Qué tramo o paso/).fill('El paso de la quebrada antes de la escuela');
		await page.getByRole('button', { name: 'Enviar respuesta' }).click();
		await expect(page.getByText('Su respuesta quedó guardada en este dispositivo')).toBeVisible();
		await expect(page.getByRole('button', { name: 'Enviar respuesta' })).toHaveCount(0);

		await page.reload();
		await expect(page.getByText('Su respuesta quedó guardada en este dispositivo')).toBeVisible();
		expect(await liveCount(editor)).toBe(before);

		// Back online, the first attempt reaches the server but its answer is lost on the way
		// back: the device keeps the answer and sends it again.
		const posts: number[] = [];
		let dropped = false;
		await page.route('**/api/consultas/*/respuestas', async (route) => {
			if (dropped) {
				const res = await route.fetch();
				posts.push(res.status());
				return route.fulfill({ response: res });
			}
			try {
				const res = await route.fetch();
				posts.push(res.status());
				dropped = true;
			} catch {
				// still offline: nothing reached the server
			}
			await route.abort('connectionreset');
		});
		await setOffline(context, false);
		await expect.poll(() => dropped, { timeout: 15_000 }).toBe(true);
		await expect(page.getByText('Su respuesta quedó guardada en este dispositivo')).toBeVisible();
		// The connection flaps: the queue tries again at once.
		await page.evaluate(() => dispatchEvent(new Event('online')));
		await expect(
			page.getByText('Ya respondió esta consulta desde este dispositivo. Gracias por participar.')
		).toBeVisible({ timeout: 15_000 });
		expect(posts).toEqual([201, 200]);
		expect(await liveCount(editor)).toBe(before + 1);

		// Nothing left to send and still answered after another reload.
		await page.reload();
		await expect(
			page.getByText('Ya respondió esta consulta desde este dispositivo.')
		).toBeVisible();
		await expect(page.getByRole('button', { name: 'Enviar respuesta' })).toHaveCount(0);
		expect(await liveCount(editor)).toBe(before + 1);
		expect(errors).toEqual([]);
	});

	onlineOnly(
		'a closed consulta shows its results; the list groups open and closed ones',
		async ({ page }) => {
			await page.goto('/participa/consultas');
			await expect(page.getByRole('heading', { name: 'Abiertas' })).toBeVisible();
			await expectAxeClean(page);
			await page
				.getByRole('link', { name: 'Encuesta sobre los canales de atención de la Alcaldía' })
				.click();
			await expect(page.getByText('Respuestas recibidas: 40')).toBeVisible();
			await expect(page.getByRole('button', { name: 'Enviar respuesta' })).toHaveCount(0);
			await expectAxeClean(page);
		}
	);
});

test.describe('comments on proyectos de acuerdo (#5)', () => {
	test('a comment posted without JavaScript appears only after an editor approves it', async ({
		browser,
		page
	}) => {
		// axe runs in a page with JavaScript; the citizen posts from one without.
		await page.goto(`/concejo/proyectos/${PROYECTO}`);
		await expectAxeClean(page);
		const citizen = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
		const text = `Propongo incluir el puente de la vereda ${Date.now()} en el presupuesto.`;
		await citizen.goto(`/concejo/proyectos/${PROYECTO}`);
		await citizen.getByRole('textbox', { name: 'Comentario' }).fill(text);
		await citizen.getByRole('button', { name: 'Enviar comentario' }).click();
		await expect(citizen.getByText('Recibimos su comentario')).toBeVisible();
		// Public pages are micro-cached by URL for a few seconds: a fresh query reads it anew.
		await citizen.goto(`/concejo/proyectos/${PROYECTO}?v=pendiente`);
		await expect(citizen.getByText(text)).toHaveCount(0);

		const editor = await checkPage(browser, E2E_ADMIN);
		await editor.goto('/gestion/comentarios');
		await expectAxeClean(editor);
		const item = editor.locator('li[data-comentario]', { hasText: text });
		await item.getByRole('button', { name: 'Aprobar y publicar' }).click();
		await expect(editor.getByText('Comentario aprobado')).toBeVisible();
		await expect(editor.locator('li[data-estado="aprobado"]', { hasText: text })).toBeVisible();

		await citizen.goto(`/concejo/proyectos/${PROYECTO}?v=aprobado`);
		const published = citizen.locator('.comments li', { hasText: text });
		await expect(published).toBeVisible();
		await expect(published).toContainText('Anónimo');
		await page.goto(`/concejo/proyectos/${PROYECTO}?v=axe`);
		await expect(page.locator('.comments li', { hasText: text })).toBeVisible();
		await expectAxeClean(page);
	});

	onlineOnly('a council session shows its agenda and its minutes', async ({ page }) => {
		await page.goto('/concejo/sesiones/sesion-2026-11-13-ordinaria');
		await expect(page.getByRole('heading', { name: 'Orden del día' })).toBeVisible();
		await expect(page.getByRole('heading', { name: 'Acta de la sesión' })).toBeVisible();
		await expect(page.getByText('Acta aprobada el 27 de noviembre de 2026.')).toBeVisible();
		await page.goto('/concejo');
		await page.getByRole('link', { name: 'Proyectos de acuerdo' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Proyectos de acuerdo');
	});
});

test('what a citizen types or chooses before the scripts start is kept on the consulta and comment forms (#14)', async ({
	browser
}) => {
	const { page, release } = await openBeforeScripts(browser, `/participa/consultas/${CONSULTA}`);
	const one = page
		.getByRole('group', { name: /cuál elegiría/ })
		.getByLabel('Puentes y pasos sobre quebradas');
	const many = page
		.getByRole('group', { name: /Qué le cuesta más/ })
		.getByLabel('Avisar una emergencia');
	const text = page.getByRole('textbox', { name: /Qué tramo o paso/ });
	await one.check();
	await many.check();
	await text.fill('El paso de la quebrada La Danta');
	await release();
	await expect(one).toBeChecked();
	await expect(many).toBeChecked();
	await expect(text).toHaveValue('El paso de la quebrada La Danta');

	const { page: other, release: releaseOther } = await openBeforeScripts(
		browser,
		`/concejo/proyectos/${PROYECTO}`
	);
	const comment = other.getByRole('textbox', { name: 'Comentario' });
	await comment.fill('Escrito antes de que cargue la página.');
	await other.locator('#nombre').fill('Marta Ríos');
	await releaseOther();
	await expect(comment).toHaveValue('Escrito antes de que cargue la página.');
	await expect(other.locator('#nombre')).toHaveValue('Marta Ríos');
});
