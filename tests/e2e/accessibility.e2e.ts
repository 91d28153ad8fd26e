import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

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

for (const path of pages) {
	test(`${path} has no serious or critical WCAG 2.1 AA violations`, async ({ page }) => {
		await page.goto(path);
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
		const results = await new AxeBuilder({ page })
			.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
			.analyze();
		const serious = results.violations.filter((v) =>
			['serious', 'critical'].includes(v.impact ?? '')
		);
		expect(
			serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
		).toEqual([]);
	});
}
