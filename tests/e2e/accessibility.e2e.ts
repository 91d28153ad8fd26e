import { expect, test } from '@playwright/test';
import { expectAxeClean } from './helpers';

const pages = [
	'/',
	'/tramites',
	'/tramites/certificado-de-residencia',
	'/transparencia',
	'/transparencia/1-1-mision-vision-funciones',
	'/directorio',
	'/noticias',
	'/buscar?q=certificado',
	'/guardado',
	'/informacion/plan-de-accion-gel-t',
	'/pqrsd',
	'/formularios/queja',
	'/formularios/certificado-de-residencia',
	'/mis-solicitudes',
	'/seguimiento'
];

// The page as a first visit renders it. Without the service worker installing the app and
// pulling the offline pack in the background, axe gets the machine to itself; the offline
// banners are checked where the journeys wait for them.
test.use({ serviceWorkers: 'block' });

for (const path of pages) {
	test(`${path} has no serious or critical WCAG 2.1 AA violations`, async ({ page }) => {
		await page.goto(path);
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
		await expectAxeClean(page);
	});
}
