import { describe, expect, it } from 'vitest';
import { PHOTO_TARGET, compressPhoto, type OpenPhoto } from './photo';

/**
 * A camera photo of `width` × `height` whose JPEG weighs `bytesPerPixel(quality)` per pixel (the
 * noisy cédula of attachments.e2e.ts: about 0.065 bytes per pixel at quality 0.75). Records
 * every encoding tried; the encodings are sizes only.
 */
function fakePhoto(width: number, height: number, bytesPerPixel = (q: number) => q * 0.087) {
	const tries: Array<{ width: number; height: number; quality: number }> = [];
	let closed = false;
	const open: OpenPhoto = async (_file, maxSide) => {
		const scale = Math.min(1, maxSide / Math.max(width, height));
		return {
			width: Math.round(width * scale),
			height: Math.round(height * scale),
			encode: async (w, h, quality) => {
				tries.push({ width: w, height: h, quality });
				return { size: Math.round(w * h * bytesPerPixel(quality)) } as Blob;
			},
			close: () => {
				closed = true;
			}
		};
	};
	return { open, tries, closed: () => closed };
}

const camera = new Blob(['jpeg']);

describe('compressPhoto', () => {
	it('draws a camera photo at most 1,600 px long and fits it in 100 KB, keeping its shape', async () => {
		const photo = fakePhoto(4000, 3000);
		const blob = await compressPhoto(camera, PHOTO_TARGET, photo.open);
		expect(blob.size).toBeLessThanOrEqual(100 * 1024);
		expect(photo.tries[0]).toEqual({ width: 1600, height: 1200, quality: 0.75 });
		const last = photo.tries.at(-1)!;
		expect(Math.max(last.width, last.height)).toBeGreaterThanOrEqual(PHOTO_TARGET.minSide);
		expect(last.width / last.height).toBeCloseTo(4 / 3, 2);
		expect(photo.tries.length).toBeLessThanOrEqual(3);
		expect(photo.closed()).toBe(true);
	});

	it('keeps a small photo at its size, encoded once', async () => {
		const photo = fakePhoto(800, 600);
		await compressPhoto(camera, PHOTO_TARGET, photo.open);
		expect(photo.tries).toEqual([{ width: 800, height: 600, quality: 0.75 }]);
	});

	it('lowers the quality before going below the legible size', async () => {
		// Heavy at any quality above 0.5: it fits only at 1,024 px and quality 0.55 or less.
		const photo = fakePhoto(4000, 3000, (q) => (q > 0.56 ? 1 : 0.12));
		const blob = await compressPhoto(camera, PHOTO_TARGET, photo.open);
		expect(blob.size).toBeLessThanOrEqual(100 * 1024);
		const last = photo.tries.at(-1)!;
		expect(last.width).toBe(1024);
		expect(last.quality).toBeCloseTo(0.55, 2);
		expect(photo.tries.every((t) => Math.max(t.width, t.height) >= 1024)).toBe(true);
	});

	it('goes below the legible size only when no quality makes it fit', async () => {
		const photo = fakePhoto(4000, 3000, () => 0.6);
		const blob = await compressPhoto(camera, PHOTO_TARGET, photo.open);
		expect(blob.size).toBeLessThanOrEqual(100 * 1024);
		expect(photo.tries.at(-1)!.width).toBeLessThan(1024);
		expect(photo.tries.at(-1)!.quality).toBe(PHOTO_TARGET.minQuality);
	});

	it('gives the smallest try when none fits, after a bounded number of them', async () => {
		const photo = fakePhoto(4000, 3000, (q) => 1e6 + q);
		const blob = await compressPhoto(camera, PHOTO_TARGET, photo.open);
		expect(photo.tries.length).toBe(8);
		const sizes = photo.tries.map((t) => Math.round(t.width * t.height * (1e6 + t.quality)));
		expect(blob.size).toBe(Math.min(...sizes));
		expect(photo.closed()).toBe(true);
	});

	it('fails on a file that is not an image, and frees what it opened on a failed encoding', async () => {
		const unreadable: OpenPhoto = () => Promise.reject(new Error('not an image'));
		await expect(compressPhoto(camera, PHOTO_TARGET, unreadable)).rejects.toThrow();
		const photo = fakePhoto(100, 100);
		const broken: OpenPhoto = async (file, side) => ({
			...(await photo.open(file, side)),
			encode: () => Promise.reject(new Error('no canvas'))
		});
		await expect(compressPhoto(camera, PHOTO_TARGET, broken)).rejects.toThrow('no canvas');
	});
});
