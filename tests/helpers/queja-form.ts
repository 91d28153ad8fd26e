import type { Page } from '@playwright/test';

/** Fills the complaint form (queja) with `subject` and valid personal data, consent included. */
export async function fillQueja(page: Page, subject: string) {
	await page.getByLabel('Asunto').fill(subject);
	await page.locator('#campo_descripcion').fill('El alumbrado del parque lleva un mes apagado.');
	await page.getByLabel('Nombre completo').fill('Ciudadana de Prueba');
	await page.getByLabel('Número de documento').fill('1122334455');
	await page.getByLabel(/Autorizo el tratamiento/).check();
}
