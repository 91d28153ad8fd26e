/**
 * A photo made smaller on the device before it is attached: a phone's camera saves 2–5 MB, which
 * on a prepaid 3G plan costs minutes and money. The photo is drawn again on a canvas and saved
 * as a JPEG, first at most `maxSide` px on its long side, then smaller in pixels (not below
 * `minSide`, which keeps a document's text legible) and in quality until it fits in `maxBytes`.
 * Drawing it again also drops what the camera wrote in the file (the place it was taken, the
 * phone's model): a request's photo carries only the picture.
 *
 * The browser's own image code does the work (`createImageBitmap`, canvas): no library, so the
 * code a device stores stays small (browser-image-compression was 17 KB compressed of it).
 */

export interface PhotoTarget {
	/** Bytes the photo should fit in. */
	maxBytes: number;
	/** Longest side (px) the photo is drawn at first. */
	maxSide: number;
	/** Longest side (px) the photo keeps while the quality can still go down. */
	minSide: number;
	/** JPEG quality of the first try (0–1) and the lowest one tried. */
	quality: number;
	minQuality: number;
}

/**
 * 100 KB sends in about 3 s on 3G (the request carries it as base64: ~140 KB). A document
 * photographed with a phone stays legible at that size: attachments.e2e.ts holds a cédula's
 * number to at least 1,024 px on the long side and 60 % of its contrast.
 */
export const PHOTO_TARGET: PhotoTarget = {
	maxBytes: 100 * 1024,
	maxSide: 1600,
	minSide: 1024,
	quality: 0.75,
	minQuality: 0.45
};

/** Encodings tried at most: each costs a fraction of a second on a cheap phone. */
const MAX_TRIES = 8;

/** An image opened for drawing again, at most a given size. */
export interface OpenedPhoto {
	width: number;
	height: number;
	encode(width: number, height: number, quality: number): Promise<Blob>;
	close(): void;
}

/** How a photo is opened (replaced in unit tests). */
export type OpenPhoto = (file: Blob, maxSide: number) => Promise<OpenedPhoto>;

/**
 * The photo as a JPEG that fits `target.maxBytes`, or the smallest one tried when none did (the
 * caller checks it against the attachment limit). Throws when the file cannot be read as an
 * image.
 */
export async function compressPhoto(
	file: Blob,
	target: PhotoTarget = PHOTO_TARGET,
	open: OpenPhoto = openWithCanvas
): Promise<Blob> {
	const image = await open(file, target.maxSide);
	try {
		const long = Math.max(image.width, image.height);
		let side = long;
		let quality = target.quality;
		let smallest: Blob | undefined;
		for (let tries = 0; tries < MAX_TRIES; tries++) {
			const scale = side / long;
			const blob = await image.encode(
				Math.max(1, Math.round(image.width * scale)),
				Math.max(1, Math.round(image.height * scale)),
				quality
			);
			if (!smallest || blob.size < smallest.size) smallest = blob;
			if (blob.size <= target.maxBytes) return blob;
			// A JPEG's bytes grow about with its pixel count: aim just under the target.
			const fits = Math.floor(side * Math.sqrt(target.maxBytes / blob.size) * 0.95);
			if (side > target.minSide) {
				side = Math.max(target.minSide, fits);
			} else if (quality > target.minQuality) {
				quality = Math.max(target.minQuality, Math.round((quality - 0.1) * 100) / 100);
			} else {
				// Legible or not, a photo that cannot be sent helps no one.
				side = Math.max(1, Math.min(fits, side - 1));
			}
		}
		return smallest as Blob;
	} finally {
		image.close();
	}
}

type Drawable = ImageBitmap | HTMLImageElement;

/** Opens the photo with the browser's decoder, turned as the camera says (EXIF orientation). */
const openWithCanvas: OpenPhoto = async (file, maxSide) => {
	const full = await decode(file);
	const [fullWidth, fullHeight] =
		full instanceof HTMLImageElement
			? [full.naturalWidth, full.naturalHeight]
			: [full.width, full.height];
	if (!fullWidth || !fullHeight) throw new Error('photo: empty image');
	const scale = Math.min(1, maxSide / Math.max(fullWidth, fullHeight));
	const width = Math.max(1, Math.round(fullWidth * scale));
	const height = Math.max(1, Math.round(fullHeight * scale));
	// One high-quality reduction of a camera's 12 MP first, instead of on every try (and the
	// megabytes of the full picture freed at once).
	let image: Drawable = full;
	if (scale < 1 && typeof createImageBitmap === 'function') {
		image = await createImageBitmap(full, {
			resizeWidth: width,
			resizeHeight: height,
			resizeQuality: 'high'
		});
		if (full instanceof ImageBitmap) full.close();
	}
	return {
		width,
		height,
		encode: (w, h, quality) => encodeJpeg(image, w, h, quality),
		close: () => {
			if (image instanceof ImageBitmap) image.close();
		}
	};
};

async function decode(file: Blob): Promise<Drawable> {
	if (typeof createImageBitmap === 'function') {
		return createImageBitmap(file, { imageOrientation: 'from-image' });
	}
	const url = URL.createObjectURL(file);
	try {
		const img = new Image();
		img.src = url;
		await img.decode();
		return img;
	} finally {
		URL.revokeObjectURL(url);
	}
}

async function encodeJpeg(
	image: Drawable,
	width: number,
	height: number,
	quality: number
): Promise<Blob> {
	if (typeof OffscreenCanvas === 'function') {
		const canvas = new OffscreenCanvas(width, height);
		draw(canvas.getContext('2d'), image, width, height);
		return canvas.convertToBlob({ type: 'image/jpeg', quality });
	}
	const canvas = document.createElement('canvas');
	canvas.width = width;
	canvas.height = height;
	draw(canvas.getContext('2d'), image, width, height);
	return new Promise((resolve, reject) =>
		canvas.toBlob(
			(blob) => (blob ? resolve(blob) : reject(new Error('photo: not encoded'))),
			'image/jpeg',
			quality
		)
	);
}

function draw(
	ctx: CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D | null,
	image: Drawable,
	width: number,
	height: number
) {
	if (!ctx) throw new Error('photo: no canvas');
	// A JPEG has no transparency: a PNG's transparent parts become white, not black.
	ctx.fillStyle = '#fff';
	ctx.fillRect(0, 0, width, height);
	ctx.imageSmoothingEnabled = true;
	ctx.imageSmoothingQuality = 'high';
	ctx.drawImage(image, 0, 0, width, height);
}
