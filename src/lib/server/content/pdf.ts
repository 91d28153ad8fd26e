/**
 * PDFs of normativa (decretos, acuerdos, resoluciones). Checked by their first bytes, not by
 * the name or the type the browser claims, so an HTML or script file cannot be published as
 * "the decree" and then served from the portal's origin.
 */
import type { FormIssue } from '$lib/forms/form-result';

/** Largest PDF accepted: 5 MB (scanned decrees are usually far smaller). */
export const MAX_PDF_BYTES = 5 * 1024 * 1024;

/** Name of the attachment on the published norma document. */
export const PDF_ATTACHMENT = 'documento.pdf';

/** Public URL of a norma's PDF. */
export const pdfUrl = (slug: string) => `/normativa/${slug}/documento.pdf`;

export type PdfCheck = { ok: true; bytes: Buffer } | { ok: false; issue: FormIssue } | null;

/** The uploaded file as a PDF, the form issue with it, or null when nothing was uploaded. */
export async function readPdfUpload(value: FormDataEntryValue | null): Promise<PdfCheck> {
	if (!(value instanceof File) || value.size === 0) return null;
	if (value.size > MAX_PDF_BYTES) {
		return { ok: false, issue: { path: 'documento', code: 'pdf_muy_grande' } };
	}
	const bytes = Buffer.from(await value.arrayBuffer());
	if (bytes.subarray(0, 5).toString('latin1') !== '%PDF-') {
		return { ok: false, issue: { path: 'documento', code: 'no_es_pdf' } };
	}
	return { ok: true, bytes };
}
