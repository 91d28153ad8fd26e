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

const EDITOR = {
	username: `editor.e2e${Date.now().toString(36)}`,
	password: 'clave-e2e-editor-0001'
};

/** An editor account, created once through the users page by the first administrator. */
async function createEditor(browser: Browser): Promise<void> {
	const context = await onlineOnlyContext(browser);
	await createOfficial(await context.newPage(), {
		username: EDITOR.username,
		name: 'Editora de pruebas',
		role: 'Editor',
		password: EDITOR.password
	});
	await context.close();
}

/** A signed-in editor in a context of its own. */
async function editorPage(browser: Browser): Promise<Page> {
	const context = await onlineOnlyContext(browser);
	const page = await context.newPage();
	await signIn(page, EDITOR.username, EDITOR.password);
	return page;
}

test.describe('content editing', () => {
	test.describe.configure({ mode: 'serial' });
	test.beforeAll(async ({ browser }) => {
		await createEditor(browser);
	});

	test('an editor publishes a news item and a citizen’s offline copy shows it after syncing', async ({
		browser
	}) => {
		// A citizen who already downloaded the offline pack.
		const citizenContext = await browser.newContext();
		const citizen = await citizenContext.newPage();
		const errors = collectErrors(citizen);
		await citizen.goto('/');
		await waitForOfflineReady(citizen);

		const editor = await editorPage(browser);
		const slug = `feria-e2e-${Date.now().toString(36)}`;
		// Its own title: a retry of this test must not find the first attempt's item too.
		const title = `Feria agropecuaria de fin de año ${slug}`;
		await editor.goto('/gestion/contenido');
		await editor.getByRole('link', { name: 'Nuevo: Noticia' }).click();
		await expect(editor.getByRole('heading', { level: 1 })).toHaveText('Nuevo contenido: Noticia');
		await editor.getByLabel('Identificador en la dirección web').fill(slug);
		await editor.getByLabel('Título').fill(title);
		await editor
			.getByLabel('Resumen (opcional)')
			.fill('Muestra de ganado y productos de las veredas.');
		await editor
			.getByLabel('Dependencia responsable')
			.selectOption('secretaria-de-desarrollo-agropecuario');
		await editor
			.getByLabel('Texto (Markdown)')
			.fill(
				'La **feria** se hará en el parque principal.\n\n- Muestra de ganado\n- Mercado campesino'
			);
		// "Datos específicos" starts with what a news item needs (kind, date).
		await expect(editor.getByLabel('Datos específicos (YAML)')).toHaveValue(/kind: noticia/);
		await editor.getByRole('button', { name: 'Crear borrador' }).click();

		await expect(
			editor.getByText('Borrador guardado. Todavía no se ve en el portal.')
		).toBeVisible();
		await expect(
			editor.getByRole('heading', { level: 2, name: 'Vista previa del texto' })
		).toBeVisible();
		await expect(editor.locator('.preview-box strong')).toHaveText('feria');
		await editor.getByRole('button', { name: 'Publicar' }).click();
		await expect(editor.getByText(/^Publicado\. Ya se ve en el portal/)).toBeVisible();
		await expect(
			editor.getByRole('cell', { name: `Editora de pruebas (${EDITOR.username})` })
		).toBeVisible();

		// The citizen's device pulls the change, then reads it with no connection.
		await citizen.goto('/guardado');
		await citizen.getByRole('button', { name: 'Actualizar ahora' }).click();
		// A pull of the changes: seconds when CI runs the e2e suite with two workers on two cores.
		await expect(citizen.getByText(/Listo: \d+ contenidos guardados/)).toBeVisible({
			timeout: 20_000
		});
		await setOffline(citizenContext, true);
		await citizen.goto('/noticias');
		await citizen.getByRole('link', { name: title }).click();
		await expect(citizen.getByRole('heading', { level: 1 })).toHaveText(title);
		await expect(citizen.getByText('Muestra de ganado', { exact: true })).toBeVisible();
		await expect(citizen.getByText('Última actualización:')).toBeVisible();
		expect(errors).toEqual([]);
		await citizenContext.close();
		await editor.context().close();
	});

	test('an editor adds a requirement to a trámite in a row of its own form, with no YAML', async ({
		browser
	}) => {
		const editor = await editorPage(browser);
		await editor.goto('/gestion/contenido/tramite/constancia-de-trasteo');
		await expect(editor.getByLabel('Datos específicos (YAML)')).toHaveCount(0);
		await expectAxeClean(editor);
		// Four saved requirements, then empty rows for new ones.
		await expect(editor.getByLabel('Requisito (fila 4)')).toHaveValue(/Datos del vehículo/);
		await expect(editor.getByLabel('Es opcional (fila 4)')).toBeChecked();
		await editor.getByLabel('Requisito (fila 5)').fill('Paz y salvo del impuesto predial.');
		await editor.getByLabel('Es opcional (fila 5)').check();
		const requirements = editor.getByRole('group', { name: 'Requisitos' });
		await requirements.getByLabel('Quitar (fila 3)').check();
		await editor.getByRole('button', { name: 'Guardar borrador' }).click();
		await expect(editor.getByText(/^Borrador guardado/)).toBeVisible();
		await expect(editor.getByLabel('Requisito (fila 3)')).toHaveValue(/Datos del vehículo/);
		await expect(editor.getByLabel('Requisito (fila 4)')).toHaveValue(
			'Paz y salvo del impuesto predial.'
		);
		await expect(editor.getByLabel('Es opcional (fila 4)')).toBeChecked();
		await expect(editor.getByLabel('Requisito (fila 5)')).toHaveValue('');
		await editor.context().close();
	});

	for (const path of [
		'/gestion/contenido',
		'/gestion/contenido/noticia/nuevo',
		'/gestion/contenido/noticia/temporada-de-lluvias-recomendaciones',
		'/gestion/contenido/revision',
		'/gestion/vencimientos'
	]) {
		test(`${path} has no serious or critical WCAG 2.1 AA violations`, async ({ browser }) => {
			const editor = await checkPage(browser, EDITOR);
			await editor.goto(path);
			await expect(editor.getByRole('heading', { level: 1 })).toBeVisible();
			await expectAxeClean(editor);
		});
	}
});
