import { expect, test } from '@playwright/test';
import { E2E_ADMIN, baseUrl, waitForAppStart } from './helpers';
import { filedRequests } from '../helpers/as-official';

test('a photo of a document is compressed on the phone before it is queued and sent', async ({
	page
}) => {
	await page.goto('/formularios/certificado-de-residencia');
	// A 3000×2000 noisy photo, as a phone camera would produce (several MB as PNG).
	const png = await page.evaluate(async () => {
		const canvas = new OffscreenCanvas(3000, 2000);
		const ctx = canvas.getContext('2d')!;
		const img = ctx.createImageData(3000, 2000);
		let seed = 7;
		for (let i = 0; i < img.data.length; i += 4) {
			seed = (seed * 1103515245 + 12345) & 0x7fffffff;
			img.data[i] = img.data[i + 1] = img.data[i + 2] = 120 + (seed % 60);
			img.data[i + 3] = 255;
		}
		ctx.putImageData(img, 0, 0);
		const blob = await canvas.convertToBlob({ type: 'image/png' });
		const bytes = new Uint8Array(await blob.arrayBuffer());
		let binary = '';
		for (let i = 0; i < bytes.length; i += 0x8000) {
			binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
		}
		return btoa(binary);
	});
	const original = Buffer.from(png, 'base64');
	await page.locator('#adjuntos').setInputFiles({
		name: 'cedula.png',
		mimeType: 'image/png',
		buffer: original
	});
	const item = page.getByRole('button', { name: /Quitar cedula\.jpg/ });
	await expect(item).toBeVisible({ timeout: 30_000 });

	await page.locator('#campo_barrio_o_vereda').fill('Vereda La Patria');
	await page.locator('#campo_tiempo_de_residencia').selectOption({ index: 3 });
	await page.locator('#campo_finalidad').selectOption({ index: 1 });
	await page.getByLabel('Nombre completo').fill('Persona con Foto');
	await page.getByLabel('Número de documento').fill('55443322');
	await page.getByLabel(/Autorizo el tratamiento/).check();

	const sent = page.waitForRequest(
		(r) => r.url().endsWith('/api/solicitudes') && r.method() === 'POST'
	);
	await page.getByRole('button', { name: 'Enviar solicitud' }).click();
	const request = await sent;
	const bytesSent = request.postDataBuffer()?.length ?? 0;
	console.info(
		`photo: original ${(original.length / 1024).toFixed(0)} KB → request body ${(bytesSent / 1024).toFixed(0)} KB`
	);
	expect(bytesSent).toBeLessThan(600 * 1024);
	expect(bytesSent).toBeLessThan(original.length / 4);

	await expect(page.getByTestId('radicado').first()).toHaveText(/^PG-\d{4}-\d{6}$/);
	const radicado = (await page.getByTestId('radicado').first().textContent())!;
	const filed = await filedRequests(baseUrl(page), E2E_ADMIN);
	expect(filed.some((i) => i.radicado === radicado)).toBe(true);
});

test('a file that is neither a photo nor a PDF is refused with a clear message', async ({
	page
}) => {
	await page.goto('/formularios/queja');
	await waitForAppStart(page);
	await page.locator('#adjuntos').setInputFiles({
		name: 'virus.exe',
		mimeType: 'application/x-msdownload',
		buffer: Buffer.from('MZ not a photo')
	});
	// The check reads the file's first bytes after the page's scripts start; on a busy two-core
	// CI machine that took over 5 s once.
	await expect(page.getByText('«virus.exe» no es una foto ni un PDF')).toBeVisible({
		timeout: 15_000
	});
});
