/**
 * Turning a picked file into a draft attachment: photos are compressed on the device (fewer
 * bytes on a prepaid 3G plan) with browser-image-compression, loaded only when needed.
 */
import { safeFileName } from '$lib/schemas/text';
import { ATTACHMENT_TYPES, MAX_ATTACHMENT_BYTES } from '$lib/schemas';
import type { DraftAttachment } from '$lib/db';

/**
 * A compressed photo's size (MB) and longest side (px). 0.1 MB sends in about 3 s on 3G (the
 * request carries it as base64: at most ~140 KB). A document photographed with a phone stays
 * legible at that size: attachments.e2e.ts holds a cédula's number to at least 1,024 px on the
 * long side and 60 % of its contrast.
 */
const PHOTO_MAX_MB = 0.1;
const PHOTO_MAX_SIDE = 1600;

export type AttachmentProblem = 'tipo' | 'tamano';

export async function prepareAttachment(
	file: File
): Promise<{ ok: true; attachment: DraftAttachment } | { ok: false; problem: AttachmentProblem }> {
	if (!(ATTACHMENT_TYPES as readonly string[]).includes(file.type)) {
		return { ok: false, problem: 'tipo' };
	}
	let blob: Blob = file;
	let type = file.type;
	if (file.type.startsWith('image/')) {
		const { default: compress } = await import('browser-image-compression');
		// useWebWorker: false — its worker mode loads the library from a CDN, which a phone in a
		// vereda cannot reach; one photo at a time on the main thread is fine.
		blob = await compress(file, {
			maxSizeMB: PHOTO_MAX_MB,
			maxWidthOrHeight: PHOTO_MAX_SIDE,
			useWebWorker: false,
			fileType: 'image/jpeg',
			initialQuality: 0.75
		});
		type = 'image/jpeg';
	}
	if (blob.size > MAX_ATTACHMENT_BYTES) return { ok: false, problem: 'tamano' };
	return {
		ok: true,
		attachment: {
			id: crypto.randomUUID(),
			name: safeName(file.name, type),
			type,
			size: blob.size,
			blob
		}
	};
}

/** A file name the server accepts: no path separators or control characters, right extension. */
export function safeName(original: string, type: string): string {
	const base = safeFileName(original) || 'documento';
	const name = type === 'image/jpeg' ? base.replace(/\.[^.]+$/, '') + '.jpg' : base;
	return name.slice(-200);
}
