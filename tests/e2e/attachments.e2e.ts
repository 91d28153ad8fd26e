import type { Page } from '@playwright/test';
import { expect, test } from './online-only';
import { setOffline } from '../helpers/network-state';
import { E2E_ADMIN, baseUrl, holdScripts, waitForAppStart } from './helpers';
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

/** Attaches a phone photo of a cédula to the residence form and fills the rest of it. */
async function fillWithPhoto(page: Page): Promise<Buffer> {
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
	return original;
}

/** What the page sends to file a request: its pieces of photos, then the filing. */
function recordFiling(page: Page) {
	const sent: Array<{ method: string; path: string; body: Buffer | null }> = [];
	page.on('request', (r) => {
		const path = new URL(r.url()).pathname;
		if (path.startsWith('/api/solicitudes')) {
			sent.push({ method: r.method(), path, body: r.postDataBuffer() });
		}
	});
	return sent;
}

test('a photo of a document is compressed on the phone to at most 150 KB sent, its number still legible', async ({
	page
}) => {
	const original = await fillWithPhoto(page);
	const sent = recordFiling(page);
	const filing = page.waitForRequest(
		(r) => r.url().endsWith('/api/solicitudes') && r.method() === 'POST'
	);
	await page.getByRole('button', { name: 'Enviar solicitud' }).click();
	const body = (await filing).postDataBuffer()!;
	// The photo went ahead in pieces (or inline, when it fits in one): put back together here.
	const pieces = sent.filter((r) => r.method === 'PUT');
	const attached = (JSON.parse(body.toString('utf8')) as { attachments: Array<{ data?: string }> })
		.attachments[0]!;
	const photo =
		attached.data ??
		pieces.map((p) => (JSON.parse(p.body!.toString('utf8')) as { data: string }).data).join('');
	const bytesSent = [...pieces.map((p) => p.body!.length), body.length].reduce((a, b) => a + b);
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
		`photo: original ${(original.length / 1024).toFixed(0)} KB → sent ${(bytesSent / 1024).toFixed(0)} KB in ${pieces.length} pieces + the filing; ` +
			`${width} × ${height} px, number contrast ${contrast.toFixed(0)} of ${shrunk.contrast.toFixed(0)}`
	);
	expect(bytesSent).toBeLessThanOrEqual(150 * 1024);
	expect(Math.max(width, height)).toBeGreaterThanOrEqual(1024);
	expect(contrast).toBeGreaterThanOrEqual(0.6 * shrunk.contrast);

	await expect(page.getByTestId('radicado').first()).toHaveText(/^PG-\d{4}-\d{6}$/);
	const radicado = (await page.getByTestId('radicado').first().textContent())!;
	const filed = await filedRequests(baseUrl(page), E2E_ADMIN);
	expect(filed.some((i) => i.radicado === radicado)).toBe(true);
});

test('a photo upload cut halfway is finished from where it stopped once the signal is back', async ({
	page,
	context
}) => {
	await fillWithPhoto(page);
	const sent = recordFiling(page);
	// The link drops while the photo's second piece is on its way.
	let cut = false;
	await page.route('**/api/solicitudes/adjuntos/*/1', (route) => {
		if (cut) return route.continue();
		cut = true;
		return route.abort('internetdisconnected');
	});
	await page.getByRole('button', { name: 'Enviar solicitud' }).click();
	await expect(page.getByTestId('codigo-provisional')).toHaveText(/^PEND-[0-9A-F]{8}$/);
	await expect.poll(() => cut).toBe(true);
	// The attempt has ended (the row waits for its retry) and says how far the photo got.
	await expect(page.getByTestId('envio-adjuntos')).toHaveText(
		'Adjuntos: 1 de 2 partes ya están en el servidor; el envío sigue desde ahí.'
	);
	await expect(page.getByTestId('radicado')).toHaveCount(0);
	const beforeCut = sent.length;

	await setOffline(context, true);
	await setOffline(context, false);
	await expect(page.getByTestId('radicado').first()).toHaveText(/^PG-\d{4}-\d{6}$/, {
		timeout: 20_000
	});

	const attachment = /\/api\/solicitudes\/adjuntos\/([^/]+)/.exec(sent[0]!.path)![1];
	const after = sent.slice(beforeCut).map((r) => `${r.method} ${r.path}`);
	// The phone knew the first piece had arrived: it sent only the second, then filed.
	expect(after).toEqual([`PUT /api/solicitudes/adjuntos/${attachment}/1`, 'POST /api/solicitudes']);
	expect(sent.filter((r) => r.path.endsWith(`${attachment}/0`))).toHaveLength(1);
	const radicado = (await page.getByTestId('radicado').first().textContent())!;
	const filed = await filedRequests(baseUrl(page), E2E_ADMIN);
	expect(filed.filter((i) => i.radicado === radicado)).toHaveLength(1);
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

test('a file named as a photo that is not one is refused with a clear message, nothing attached', async ({
	page
}) => {
	await page.goto('/formularios/queja');
	await waitForAppStart(page);
	await page.locator('#adjuntos').setInputFiles({
		name: 'foto.jpg',
		mimeType: 'image/jpeg',
		buffer: Buffer.from('not a jpeg at all')
	});
	await expect(page.getByText('«foto.jpg» no se pudo abrir como foto')).toBeVisible({
		timeout: 15_000
	});
	await expect(page.getByRole('button', { name: /Quitar foto\.jpg/ })).toHaveCount(0);
});
