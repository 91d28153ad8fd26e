/**
 * A phone photo of a cédula, made in the page (3000 × 2000, a JPEG of a few MB as a phone's
 * camera saves it): a card on a table, its number in dark digits, and sensor noise on every
 * pixel (what makes photos heavy). The attachments journey and the bench's submission row send
 * the same photo. Plain JavaScript so the bench can use it.
 *
 * The page keeps it as `globalThis.documentPhoto` (a Blob), so a test can compare with it
 * without sending megabytes back into the page.
 */

/** The band of the photo (top, height in its pixels) that holds the cédula's number. */
export const NUMBER_BAND = { top: 860, height: 200 };

/**
 * The photo as base64 JPEG.
 * @param {{ evaluate: import('playwright-core').Page['evaluate'] }} page
 * @returns {Promise<string>}
 */
export function makeDocumentPhoto(page) {
	return page.evaluate(async (band) => {
		const canvas = new OffscreenCanvas(3000, 2000);
		const ctx = /** @type {OffscreenCanvasRenderingContext2D} */ (canvas.getContext('2d'));
		ctx.fillStyle = '#6b5a48';
		ctx.fillRect(0, 0, 3000, 2000);
		ctx.fillStyle = '#e9e4d8';
		ctx.fillRect(300, 250, 2400, 1500);
		ctx.fillStyle = '#1d1d1d';
		ctx.font = 'bold 90px sans-serif';
		ctx.fillText('REPÚBLICA DE COLOMBIA', 420, 420);
		ctx.font = 'bold 170px sans-serif';
		ctx.fillText('1.122.334.455', 420, band.top + 170);
		const img = ctx.getImageData(0, 0, 3000, 2000);
		let seed = 7;
		for (let i = 0; i < img.data.length; i += 4) {
			seed = (seed * 1103515245 + 12345) & 0x7fffffff;
			const noise = (seed % 25) - 12;
			for (let c = 0; c < 3; c++) {
				img.data[i + c] = Math.max(0, Math.min(255, (img.data[i + c] ?? 0) + noise));
			}
		}
		ctx.putImageData(img, 0, 0);
		const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.92 });
		/** @type {any} */ (globalThis).documentPhoto = blob;
		const bytes = new Uint8Array(await blob.arrayBuffer());
		let binary = '';
		for (let i = 0; i < bytes.length; i += 0x8000) {
			binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
		}
		return btoa(binary);
	}, NUMBER_BAND);
}
