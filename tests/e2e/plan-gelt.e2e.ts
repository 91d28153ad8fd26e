import { expect, test, type Browser, type Page } from '@playwright/test';
import {
	checkPage,
	collectErrors,
	createOfficial,
	expectAxeClean,
	signIn,
	waitForOfflineReady
} from './helpers';
import { setOffline } from '../helpers/network-state';
import { onlineOnlyContext } from './online-only';

const COMMITTEE = {
	username: `comite.e2e${Date.now().toString(36)}`,
	password: 'clave-e2e-comite-0001'
};
const ACTIVITY = 'verificar-datos-por-confirmar';
const ACTIVITY_TITLE = 'Verificar con fuente oficial los datos marcados «por confirmar»';
const MEETING = 'reunion-comite-gel-t-2026-06';

/** A committee member signed in, in a context of their own. */
async function committeePage(browser: Browser): Promise<Page> {
	const context = await onlineOnlyContext(browser);
	const page = await context.newPage();
	await signIn(page, COMMITTEE.username, COMMITTEE.password);
	return page;
}

test.describe('the GEL-T action plan', () => {
	test.describe.configure({ mode: 'serial' });
	test.beforeAll(async ({ browser }) => {
		const context = await onlineOnlyContext(browser);
		await createOfficial(await context.newPage(), {
			username: COMMITTEE.username,
			name: 'Integrante del comité',
			role: 'Comité GEL-T',
			password: COMMITTEE.password
		});
		await context.close();
	});

	test('the committee updates an activity and a citizen’s device shows it offline after syncing', async ({
		browser
	}) => {
		// A citizen who loaded the portal before and holds the offline pack.
		const citizenContext = await browser.newContext();
		const citizen = await citizenContext.newPage();
		const errors = collectErrors(citizen);
		await citizen.goto('/');
		await waitForOfflineReady(citizen);

		const committee = await committeePage(browser);
		await committee
			.getByRole('navigation', { name: 'Menú de gestión' })
			.getByRole('link', { name: 'Plan GEL-T' })
			.click();
		await expect(committee.getByRole('heading', { level: 1 })).toHaveText(
			'Seguimiento del Plan de Acción GEL-T'
		);
		await committee.getByRole('link', { name: ACTIVITY_TITLE }).first().click();
		await expect(committee.getByRole('heading', { level: 1 })).toHaveText(ACTIVITY_TITLE);
		await committee.getByLabel('Estado', { exact: true }).selectOption('en-curso');
		await committee.getByLabel('Avance (%)', { exact: true }).fill('35');
		await committee.getByLabel('Nombre de la evidencia (fila 1)').fill('Datos por confirmar');
		await committee
			.getByLabel('Enlace (ruta del portal o https) (fila 1)')
			.fill('/informacion/comite-gel-t');
		await committee.getByRole('button', { name: 'Guardar y publicar' }).click();
		await expect(committee.getByText(/^Cambio publicado\./)).toBeVisible();
		await expect(committee.getByLabel('Avance (%)', { exact: true })).toHaveValue('35');
		await expect(
			committee.getByRole('cell', { name: `Integrante del comité (${COMMITTEE.username})` })
		).toBeVisible();

		// The citizen's device pulls the change, then reads the plan with no connection.
		await citizen.goto('/guardado');
		await citizen.getByRole('button', { name: 'Actualizar ahora' }).click();
		await expect(citizen.getByText(/Listo: \d+ contenidos guardados/)).toBeVisible();
		await setOffline(citizenContext, true);
		await citizen.goto('/gel-t/plan');
		await expect(citizen.getByRole('heading', { level: 1 })).toHaveText('Plan de Acción GEL-T');
		const row = citizen.locator(`tr[data-actividad="${ACTIVITY}"]`);
		await expect(row).toContainText('En curso');
		await expect(row).toContainText('35 %');
		await expect(
			citizen.getByText('Leído de la copia guardada en este dispositivo.')
		).toBeVisible();
		await row.getByRole('link', { name: ACTIVITY_TITLE }).click();
		await expect(citizen.getByRole('heading', { level: 1 })).toHaveText(ACTIVITY_TITLE);
		await expect(citizen.getByRole('link', { name: 'Datos por confirmar' })).toBeVisible();
		expect(errors).toEqual([]);
		await citizenContext.close();
		await committee.context().close();
	});

	for (const path of ['/gel-t/plan', `/gel-t/reuniones/${MEETING}`]) {
		test(`${path} has no serious or critical WCAG 2.1 AA violations`, async ({ browser }) => {
			const page = await checkPage(browser);
			await page.goto(path);
			await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
			await expectAxeClean(page);
		});
	}

	for (const path of [
		'/gestion/plan',
		`/gestion/plan/reuniones/${MEETING}`,
		'/gestion/plan/reuniones/nueva',
		`/gestion/plan/actividades/${ACTIVITY}`
	]) {
		test(`${path} has no serious or critical WCAG 2.1 AA violations`, async ({ browser }) => {
			const committee = await checkPage(browser, COMMITTEE);
			await committee.goto(path);
			await expect(committee.getByRole('heading', { level: 1 })).toBeVisible();
			await expectAxeClean(committee);
		});
	}
});
