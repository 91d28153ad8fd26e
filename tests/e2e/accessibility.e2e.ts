import { expect, test } from '@playwright/test';
import { checkPage, expectAxeClean } from './helpers';

const pages = [
	'/',
	'/tramites',
	'/tramites/certificado-de-residencia',
	'/transparencia',
	'/transparencia/1-1-mision-vision-funciones',
	'/directorio',
	'/noticias',
	'/buscar?q=certificado',
	'/buscar?q=xqzwvkt',
	'/guardado',
	'/informacion/plan-de-accion-gel-t',
	'/pqrsd',
	'/formularios/queja',
	'/formularios/certificado-de-residencia',
	'/mis-solicitudes',
	'/seguimiento',
	'/seguimiento/desistir'
];

for (const path of pages) {
	test(`${path} has no serious or critical WCAG 2.1 AA violations`, async ({ browser }) => {
		const page = await checkPage(browser);
		await page.goto(path);
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
		await expectAxeClean(page);
	});
}
