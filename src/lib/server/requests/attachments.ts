/**
 * Checks that each attachment is what it says it is before anything is stored: the base64 text
 * decodes exactly (no stray padding or trailing garbage), to exactly the declared number of
 * bytes, and the bytes start with the signature of the declared type. Phones send what the
 * camera or the file picker produced; anything else is rejected, not "fixed".
 */
import type { Attachment } from '$lib/schemas';

export type AttachmentProblem =
	'base64_invalido' | 'tamano_no_coincide' | 'tipo_no_coincide' | 'id_repetido';

/** File signatures ("magic bytes") of the accepted types. */
export function sniffType(bytes: Uint8Array): Attachment['type'] | null {
	const at = (i: number, ...expected: number[]) => expected.every((b, k) => bytes[i + k] === b);
	const ascii = (i: number, text: string) => at(i, ...Array.from(text, (c) => c.charCodeAt(0)));
	if (at(0, 0xff, 0xd8, 0xff)) return 'image/jpeg';
	if (at(0, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
	if (ascii(0, 'RIFF') && ascii(8, 'WEBP')) return 'image/webp';
	if (ascii(0, '%PDF-')) return 'application/pdf';
	return null;
}

/** Decodes strict, canonical base64; `null` if the text is not exactly that. */
export function decodeBase64Strict(text: string): Uint8Array | null {
	if (text.length % 4 !== 0) return null;
	const bytes = Buffer.from(text, 'base64');
	// Node's decoder is lenient (it skips what it cannot read, takes base64url too): re-encoding
	// gives the input back only when the input is canonical base64 (no character test needed,
	// which cost as much as the decoding on a photo).
	return bytes.toString('base64') === text
		? new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length)
		: null;
}

export interface CheckedAttachment {
	readonly meta: Pick<Attachment, 'id' | 'name' | 'type' | 'size'>;
	/** The canonical base64 text, as CouchDB wants inline attachments. */
	readonly data: string;
}

/**
 * Verifies every attachment; returns the problems by index (empty when all are fine). Each
 * attachment's id names its CouchDB attachment, so ids must be unique within the request.
 */
export function checkAttachments(
	attachments: readonly Attachment[]
):
	| { ok: true; attachments: CheckedAttachment[] }
	| { ok: false; problems: Array<{ index: number; code: AttachmentProblem }> } {
	const problems: Array<{ index: number; code: AttachmentProblem }> = [];
	const seen = new Set<string>();
	const checked: CheckedAttachment[] = [];
	attachments.forEach((a, index) => {
		if (seen.has(a.id)) {
			problems.push({ index, code: 'id_repetido' });
			return;
		}
		seen.add(a.id);
		const bytes = decodeBase64Strict(a.data);
		if (!bytes) problems.push({ index, code: 'base64_invalido' });
		else if (bytes.length !== a.size) problems.push({ index, code: 'tamano_no_coincide' });
		else if (sniffType(bytes) !== a.type) problems.push({ index, code: 'tipo_no_coincide' });
		else
			checked.push({ meta: { id: a.id, name: a.name, type: a.type, size: a.size }, data: a.data });
	});
	return problems.length ? { ok: false, problems } : { ok: true, attachments: checked };
}
