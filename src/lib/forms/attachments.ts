/**
 * Turning a picked file into a draft attachment: photos are made smaller on the device (fewer
 * bytes on a prepaid 3G plan, see ./photo).
 */
import { safeFileName } from '$lib/schemas/text';
import { ATTACHMENT_TYPES, MAX_ATTACHMENT_BYTES } from '$lib/schemas';
import type { DraftAttachment } from '$lib/db';
import { compressPhoto } from './photo';

/** `ilegible`: a file named as a photo that the browser cannot open as one. */
export type AttachmentProblem = 'tipo' | 'tamano' | 'ilegible';

export async function prepareAttachment(
	file: File
): Promise<{ ok: true; attachment: DraftAttachment } | { ok: false; problem: AttachmentProblem }> {
	if (!(ATTACHMENT_TYPES as readonly string[]).includes(file.type)) {
		return { ok: false, problem: 'tipo' };
	}
	let blob: Blob = file;
	let type = file.type;
	if (file.type.startsWith('image/')) {
		try {
			blob = await compressPhoto(file);
		} catch {
			return { ok: false, problem: 'ilegible' };
		}
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
