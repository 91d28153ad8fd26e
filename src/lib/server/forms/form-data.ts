/**
 * Reading plain HTML form posts (they work without JavaScript): the one reader of text fields,
 * tick boxes and numbered row groups for every form of the portal, and the citizen's request
 * posted without JavaScript, turned into the same submission object the outbox sends, so one
 * filing path validates both.
 */
import { APPLICANT_FIELDS, sentApplicant } from '$lib/forms/applicant';
import { DATA_POLICY_VERSION } from '$lib/forms/consent';
import type { Applicant, ContentDocOf } from '$lib/schemas';
import { attachmentId } from '$lib/server/requests/resend';

export interface PostedRequest {
	/** The object to file (validated by the filing module, not here). */
	submission: Record<string, unknown>;
	/** What to put back into the form if it has errors. */
	echo: {
		values: Record<string, string | boolean>;
		applicant: Partial<Applicant>;
		anonymous: boolean;
	};
}

/**
 * The posted form fields. A body that is not readable form data (multipart without its
 * boundary, or with a boundary the body does not use) reads as an empty form, which every
 * action refuses with 400 and its usual message, instead of a 500. Too large stays a 413.
 */
export async function postedForm(request: Request): Promise<FormData> {
	try {
		return await request.formData();
	} catch (e) {
		if ((e as { status?: unknown }).status === 413) throw e;
		return new FormData();
	}
}

export interface TextOptions {
	/** Remove white space at both ends (default `true`). */
	trim?: boolean;
	/**
	 * Turn CRLF and lone CR into LF (default `false`). Browsers send a textarea's line breaks as
	 * CRLF; stored text uses LF.
	 */
	multiline?: boolean;
}

/**
 * A text field of the form: `''` when it is missing or is a file (a hand-made post can send
 * one where a text was expected).
 */
export function text(
	data: FormData,
	name: string,
	{ trim = true, multiline = false }: TextOptions = {}
): string {
	const value = data.get(name);
	if (typeof value !== 'string') return '';
	const lines = multiline ? value.replace(/\r\n?/g, '\n') : value;
	return trim ? lines.trim() : lines;
}

/** Whether a tick box was ticked: browsers send a ticked one, whatever its value, and no other. */
export const checked = (data: FormData, name: string): boolean => data.get(name) !== null;

/** Most rows a numbered row group is read for (`prefix-0-*` … `prefix-59-*`). */
export const MAX_ROWS = 60;

/**
 * The numbered rows `prefix-N-field` of a row group (evidence links, attendees, commitments),
 * in order, each with its number `n` (0-based, as in the field names): a form adds rows by
 * offering empty numbered ones and removes them with a "Quitar" box, so it needs no script.
 * A row counts when any field of it was sent; `read(n)` reads its fields.
 */
export function rows<T>(
	data: FormData,
	prefix: string,
	read: (n: number) => T
): Array<{ n: number; row: T }> {
	const keys = [...data.keys()];
	const out: Array<{ n: number; row: T }> = [];
	for (let n = 0; n < MAX_ROWS; n++) {
		if (keys.some((k) => k.startsWith(`${prefix}-${n}-`))) out.push({ n, row: read(n) });
	}
	return out;
}

export async function readPostedRequest(
	data: FormData,
	form: Pick<ContentDocOf<'formulario'>, 'slug' | 'fields' | 'anonymousAllowed'>,
	filing: { now: Date; pin: string }
): Promise<PostedRequest> {
	const { now, pin } = filing;
	const id = text(data, 'id');
	const anonymous = form.anonymousAllowed && data.get('anonimo') === 'si';
	const values: Record<string, string | boolean> = {};
	for (const field of form.fields) {
		if (field.kind === 'casilla') {
			if (data.get(`campo_${field.name}`) === 'si') values[field.name] = true;
		} else {
			const v = text(data, `campo_${field.name}`);
			if (v) values[field.name] = v;
		}
	}
	const applicant: Partial<Applicant> = {};
	for (const [key, name] of Object.entries(APPLICANT_FIELDS) as Array<[keyof Applicant, string]>) {
		const v = text(data, name);
		if (v) (applicant as Record<string, string>)[key] = v;
	}
	const files = data.getAll('adjuntos').filter((f): f is File => f instanceof File && f.size > 0);
	const attachments = await Promise.all(
		files.map(async (file, index) => {
			const bytes = Buffer.from(await file.arrayBuffer());
			return {
				// Derived, not drawn: a re-sent form must carry the same attachments (see resend.ts).
				id: attachmentId(id, index, bytes),
				name: file.name.replace(/[\\/]/g, '_').slice(-200) || 'documento',
				type: file.type,
				size: file.size,
				data: bytes.toString('base64')
			};
		})
	);
	const consent = data.get('consentimiento') === 'si';
	const submission: Record<string, unknown> = {
		id,
		form: form.slug,
		capturedAt: now.toISOString(),
		anonymous,
		values,
		attachments,
		// Without JavaScript the server gives the PIN (see resend.ts); the receipt page shows it.
		pin
	};
	if (!anonymous) {
		submission.applicant = sentApplicant(applicant);
		if (consent) {
			submission.consent = {
				accepted: true,
				policyVersion: DATA_POLICY_VERSION,
				acceptedAt: now.toISOString()
			};
		}
	}
	return { submission, echo: { values, applicant, anonymous } };
}
