import { readFile } from 'node:fs/promises';
import { expect, test } from './online-only';
import { E2E_ADMIN, expectAxeClean, signIn } from './helpers';

test('the transparency menu leads to the open data page, whose downloads work', async ({
	page
}) => {
	await page.goto('/transparencia');
	await page.getByRole('link', { name: /7\.2 Sección de datos abiertos/ }).click();
	await page
		.getByRole('link', { name: 'Datos abiertos de la Alcaldía (descargas CSV y JSON)' })
		.click();
	await expect(page.getByRole('heading', { level: 1, name: 'Datos abiertos' })).toBeVisible();
	await expectAxeClean(page);

	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('link', { name: /Catálogo de trámites y servicios en CSV/ }).click()
	]);
	expect(download.suggestedFilename()).toBe('tramites.csv');
	const csv = await readFile((await download.path())!, 'utf8');
	expect(csv.split('\r\n')[0]).toContain('"tramite","nombre","tipo"');

	const [json] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('link', { name: /Plan de acción GEL-T en JSON/ }).click()
	]);
	expect(json.suggestedFilename()).toBe('plan-gelt.json');
	const body = JSON.parse(await readFile((await json.path())!, 'utf8')) as {
		metadata: { license: string };
	};
	expect(body.metadata.license).toBe('CC BY 4.0');

	await page.getByRole('link', { name: 'Ver las estadísticas de PQRSD en tablas' }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: 'Estadísticas de PQRSD' })
	).toBeVisible();
	await expectAxeClean(page);
});

test('an official proposes a trámite and the committee approves it into a draft', async ({
	page
}) => {
	await signIn(page, E2E_ADMIN.username, E2E_ADMIN.password);
	await page
		.getByRole('navigation', { name: /gestión/i })
		.getByRole('link', {
			name: 'Propuestas de trámites'
		})
		.click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Propuestas de nuevos trámites');
	await expectAxeClean(page);

	await page.getByRole('link', { name: 'Proponer un trámite' }).click();
	await expectAxeClean(page);
	const name = `Permiso de quema controlada ${Date.now()}`;
	await page.getByLabel('Nombre del trámite o servicio').fill(name);
	await page.getByLabel('Para qué sirve').fill('Autorizar quemas agrícolas controladas.');
	await page.getByLabel('Fundamento legal').fill('Decreto 1076 de 2015');
	await page.getByLabel('Requisitos').fill('Copia del documento de identidad\nCroquis del predio');
	await page.getByLabel('Cantidad (para horas o días)').fill('10');
	await page
		.getByLabel('Dependencia responsable')
		.selectOption('secretaria-de-desarrollo-agropecuario');
	// No channel chosen: the server answers with a Spanish error that links to the field.
	await page.getByRole('button', { name: 'Enviar al comité' }).click();
	const summary = page.getByRole('alert');
	await expect(
		summary.getByRole('link', { name: 'Elija al menos un canal de atención.' })
	).toBeVisible();
	await expectAxeClean(page);

	await page.getByLabel('Presencial').check();
	await page.getByRole('button', { name: 'Enviar al comité' }).click();
	await expect(page.getByText('Propuesta enviada al comité GEL-T.')).toBeVisible();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
	await expectAxeClean(page);

	await page.getByRole('button', { name: 'Aprobar y crear el borrador del trámite' }).click();
	await expect(
		page.getByText('Propuesta aprobada: se creó el borrador del trámite.')
	).toBeVisible();
	await page.getByRole('link', { name }).click();
	await expect(page.locator('[data-estado="borrador"]')).toBeVisible();
});
