/**
 * A request posted as a plain HTML form (no JavaScript): turns the form fields into the same
 * submission object the outbox sends, so one filing path validates both.
 */
import { randomInt } from 'node:crypto';
import { APPLICANT_FIELDS } from '$lib/forms/applicant';
import { DATA_POLICY_VERSION } from '$lib/forms/consent';
import type { Applicant, ContentDocOf } from '$lib/schemas';

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

const text = (data: FormData, name: string) => {
	const v = data.get(name);
	return typeof v === 'string' ? v.trim() : '';
};

export async function readPostedRequest(
	data: FormData,
	form: Pick<ContentDocOf<'formulario'>, 'slug' | 'fields' | 'anonymousAllowed'>,
	now: Date
): Promise<PostedRequest> {
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
		files.map(async (file) => ({
			id: crypto.randomUUID(),
			name: file.name.replace(/[\\/]/g, '_').slice(-200) || 'documento',
			type: file.type,
			size: file.size,
			data: Buffer.from(await file.arrayBuffer()).toString('base64')
		}))
	);
	const consent = data.get('consentimiento') === 'si';
	const submission: Record<string, unknown> = {
		id: text(data, 'id'),
		form: form.slug,
		capturedAt: now.toISOString(),
		anonymous,
		values,
		attachments,
		// Without JavaScript the server draws the PIN; it is shown once on the receipt page.
		pin: String(randomInt(0, 1_000_000)).padStart(6, '0')
	};
	if (!anonymous) {
		submission.applicant = applicant;
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
