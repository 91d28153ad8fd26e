import { expect, test } from './online-only';
import { E2E_ADMIN, baseUrl, holdScripts } from './helpers';
import { filedRequests } from '../helpers/as-official';
import { makeDocumentPhoto, NUMBER_BAND } from '../helpers/document-photo.js';

/**
 * Contrast of the cédula number in an image of the photo at any size: the spread between the
 * 5th and 95th percentile of luminance inside the number's band, 0–255.
 */
const BAND_CONTRAST = `async (bytes, band) => {
	const bitmap = await createImageBitmap(new Blob([bytes]));
	const scale = bitmap.width / 3000;
	const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
	const ctx = canvas.getContext('2d');
	ctx.drawImage(bitmap, 0, 0);
	const top = Math.round(band.top * scale);
	const height = Math.max(1, Math.round(band.height * scale));
	const { data } = ctx.getImageData(0, top, bitmap.width, height);
	const lum = [];
	for (let i = 0; i < data.length; i += 4) lum.push(0.299 * data[i] + 0.587 * data[i + 1] + 0.114 * data[i + 2]);
	lum.sort((a, b) => a - b);
	const at = (p) => lum[Math.floor(p * (lum.length - 1))];
	return { width: bitmap.width, height: bitmap.height, contrast: at(0.95) - at(0.05) };
}`;

test('a photo of a document is compressed on the phone to at most 150 KB sent, its number still legible', async ({
	page
}) => {
	await page.goto('/formularios/certificado-de-residencia');
	const original = Buffer.from(await makeDocumentPhoto(page), 'base64');
	await page.locator('#adjuntos').setInputFiles({
		name: 'cedula.jpg',
		mimeType: 'image/jpeg',
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
	const body = request.postDataBuffer()!;
	const photo = (JSON.parse(body.toString('utf8')) as { attachments: Array<{ data: string }> })
		.attachments[0]!.data;
	// Legible, by pixel size and contrast: the photo keeps at least 1,024 px on its long side (a
	// cédula filling most of the frame then has its 3 mm digits about 25 px tall) and the number
	// keeps at least 60 % of the contrast it has in the original shrunk to the same size.
	const sentImage = await page.evaluate(
		`(${BAND_CONTRAST})(Uint8Array.from(atob(${JSON.stringify(photo)}), (c) => c.charCodeAt(0)), ${JSON.stringify(NUMBER_BAND)})`
	);
	const { width, height, contrast } = sentImage as {
		width: number;
		height: number;
		contrast: number;
	};
	const shrunk = (await page.evaluate(
		`(async () => {
			const bitmap = await createImageBitmap(globalThis.documentPhoto, { resizeWidth: ${width}, resizeHeight: ${height}, resizeQuality: 'high' });
			const canvas = new OffscreenCanvas(${width}, ${height});
			canvas.getContext('2d').drawImage(bitmap, 0, 0);
			const blob = await canvas.convertToBlob({ type: 'image/png' });
			return (${BAND_CONTRAST})(new Uint8Array(await blob.arrayBuffer()), ${JSON.stringify(NUMBER_BAND)});
		})()`
	)) as { contrast: number };
	console.info(
		`photo: original ${(original.length / 1024).toFixed(0)} KB → request body ${(body.length / 1024).toFixed(0)} KB; ` +
			`${width} × ${height} px, number contrast ${contrast.toFixed(0)} of ${shrunk.contrast.toFixed(0)}`
	);
	expect(body.length).toBeLessThanOrEqual(150 * 1024);
	expect(Math.max(width, height)).toBeGreaterThanOrEqual(1024);
	expect(contrast).toBeGreaterThanOrEqual(0.6 * shrunk.contrast);

	await expect(page.getByTestId('radicado').first()).toHaveText(/^PG-\d{4}-\d{6}$/);
	const radicado = (await page.getByTestId('radicado').first().textContent())!;
	const filed = await filedRequests(baseUrl(page), E2E_ADMIN);
	expect(filed.some((i) => i.radicado === radicado)).toBe(true);
});

test('a file that is neither a photo nor a PDF is refused with a clear message, even when chosen before the scripts start', async ({
	page
}) => {
	const scripts = await holdScripts(page);
	await page.goto('/formularios/queja', { waitUntil: 'domcontentloaded' });
	await page.locator('#adjuntos').setInputFiles({
		name: 'virus.exe',
		mimeType: 'application/x-msdownload',
		buffer: Buffer.from('MZ not a photo')
	});
	await scripts.release();
	await expect(page.getByText('«virus.exe» no es una foto ni un PDF')).toBeVisible({
		timeout: 15_000
	});
});
