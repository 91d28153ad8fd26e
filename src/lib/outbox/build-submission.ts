import type { DraftRow } from '$lib/db';
import type { Applicant, Submission } from '$lib/schemas';
import { sentApplicant } from '$lib/forms/applicant';
import { DATA_POLICY_VERSION } from '$lib/forms/consent';

/** Bytes of a Blob as base64, in chunks (a photo does not fit one `String.fromCharCode` call). */
export async function blobToBase64(blob: Blob): Promise<string> {
	const bytes = new Uint8Array(await blob.arrayBuffer());
	let binary = '';
	const CHUNK = 0x8000;
	for (let i = 0; i < bytes.length; i += CHUNK) {
		binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
	}
	return btoa(binary);
}

/** The request as it will be sent, from a finished draft. `capturedAt` is the moment of sending. */
export async function buildSubmission(
	draft: DraftRow,
	pin: string,
	capturedAt: Date
): Promise<Submission> {
	const values = Object.fromEntries(
		Object.entries(draft.values)
			.map(([k, v]) => [k, typeof v === 'string' ? v.trim() : v] as const)
			.filter(([, v]) => v !== '' && v !== false)
	);
	return {
		id: draft.id,
		form: draft.form,
		capturedAt: capturedAt.toISOString(),
		anonymous: draft.anonymous,
		...(draft.anonymous ? {} : { applicant: sentApplicant(draft.applicant) as Applicant }),
		values,
		...(draft.anonymous || !draft.consent
			? {}
			: {
					consent: {
						accepted: true as const,
						policyVersion: DATA_POLICY_VERSION,
						acceptedAt: capturedAt.toISOString()
					}
				}),
		attachments: await Promise.all(
			draft.attachments.map(async (a) => ({
				id: a.id,
				name: a.name,
				type: a.type as Submission['attachments'][number]['type'],
				size: a.size,
				data: await blobToBase64(a.blob)
			}))
		),
		pin,
		...(draft.fieldCapture ? { fieldCapture: { consentReadAloud: true as const } } : {})
	};
}
