/**
 * Filing a request (PQRSD or trámite): the server side of the device's outbox.
 *
 * Guarantees:
 * - **Idempotent on the request id.** The same id with the same content (fingerprint of the
 *   canonical JSON, and the same PIN) is answered again with the original receipt; the same id
 *   with anything else is `409 conflicto_id`. The outbox can retry blindly.
 * - **All or nothing.** Everything that can reject a request (schema, form rules, attachment
 *   bytes, deadline) is checked before a radicado is claimed, and the request with its
 *   attachments is written as ONE document in one PUT. A request is either filed completely or
 *   not at all; the only trace a failed write can leave is its radicado claim, which the
 *   retry of the same request reuses (see radicado-allocator.ts).
 * - **The server's clock counts.** `receivedAt` is the server's time, the instant its radicado
 *   was claimed (number and time are assigned together, so numbers never go back in time): the
 *   radicado's year runs from it, and so does the legal term — except for a kiosk or field
 *   capture whose hand-in time (`capturedAt`) its kiosk or official's session attests
 *   (`hand-in.ts`): the authority had the petition then (Ley 1755 art. 15).
 */
import { z } from 'zod';
import { refusal, type Refusal } from '$lib/errors';
import { can } from '$lib/domain/permissions';
import {
	requestDocSchema,
	submissionSchema,
	type ContentDocOf,
	type FieldCapture,
	type SessionUser,
	type RequestDoc,
	type Submission
} from '$lib/schemas';
import { applicantWithVereda } from '$lib/forms/applicant';
import { validateSubmission } from '$lib/forms/validate';
import type { BusinessCalendar } from '$lib/domain/business-days';
import { filingDeadline } from '$lib/domain/filing-deadline';
import { formatRadicado } from '$lib/domain/radicado';
import { couch, DB } from '$lib/server/couch';
import { CouchError } from '$lib/server/couch/client';
import { checkAttachments, type CheckedAttachment } from './attachments';
import { config } from '$lib/server/config';
import { requestDocId } from './docs';
import { issuesOf } from '$lib/server/http/json-body';
import { KeyedLock } from '../util/keyed-lock';
import { payloadHash } from './payload-hash';
import { hashPin, verifyPin } from './pin';
import { getContent } from '$lib/server/content/repo';
import { seriesFor } from './radicado-allocator';
import { allocateNumber } from './numbering';
import { textIssues } from './text-checks';
import { attestHandIn } from './hand-in';
import { receiptInstant, type HandedIn } from '$lib/domain/hand-in';

/** What the device gets back, on first filing and on every replay. */
export interface FilingReceipt {
	id: string;
	radicado: string;
	receivedAt: string;
	/** When the citizen handed it in at a kiosk or to a field official, attested. */
	handedInAt?: string;
	deadline: RequestDoc['deadline'];
}

export type FilingOutcome =
	| {
			ok: true;
			status: 200 | 201;
			receipt: FilingReceipt;
			/** A re-send of the same content with another PIN (see `otherPin`): the PIN is not its. */
			otherPin?: true;
	  }
	| Refusal;

export interface FilingOptions {
	capturer?: SessionUser | null;
	/**
	 * The same id and content with another PIN: `conflict` (the outbox, whose PIN is part of
	 * what it sends), or `receipt` (a form re-sent without JavaScript from another browser,
	 * which may see the radicado but not the PIN; see resend.ts).
	 */
	otherPin?: 'conflict' | 'receipt';
	/** Sent by a kiosk (sealed): its hand-in time may be attested by the kiosk's signature. */
	kiosk?: boolean;
}

type Deadline = RequestDoc['deadline'];
type FormDoc = ContentDocOf<'formulario'>;

/** Two copies of one request arriving at one server at once are handled one after the other. */
const sameRequest = new KeyedLock();

const receiptOf = (doc: RequestDoc): FilingReceipt => ({
	id: doc.id,
	radicado: doc.radicado,
	receivedAt: doc.receivedAt,
	...(doc.handedIn?.attested ? { handedInAt: doc.capturedAt } : {}),
	deadline: doc.deadline
});

/**
 * Files a request from a parsed JSON body. Never throws for bad input (that is an outcome);
 * throws only when the store fails, which callers answer with a 5xx the device retries.
 */
export async function fileRequest(
	input: unknown,
	opts: FilingOptions = {}
): Promise<FilingOutcome> {
	const parsed = submissionSchema.safeParse(input);
	if (!parsed.success) {
		return refusal('solicitud_invalida', {
			issues: issuesOf(parsed.error)
		});
	}
	const submission = parsed.data;
	const textProblems = textIssues(submission);
	if (textProblems.length) {
		return refusal('solicitud_invalida', {
			issues: textProblems
		});
	}
	let capture: FieldCapture | undefined;
	if (submission.fieldCapture) {
		// Who captured it comes from the session, never from the device's word.
		if (!opts.capturer) {
			return refusal('sesion_requerida');
		}
		if (!can(opts.capturer, 'solicitudes.capturar')) {
			return refusal('prohibido');
		}
		capture = { by: opts.capturer.username, byName: opts.capturer.name, consentReadAloud: true };
	}
	const hash = payloadHash(submission);
	const replay = (existing: RequestDoc) =>
		replayOrConflict(existing, submission, hash, opts.otherPin ?? 'conflict');
	const channel = capture ? 'campo' : opts.kiosk ? 'kiosco' : null;
	return sameRequest.run(submission.id, () =>
		fileOnce(submission, hash, { capture, channel, filer: opts.capturer?.username }, replay)
	);
}

/** The request filed under `id`, or null (also for a string that is no request id). */
export async function filedRequest(id: string): Promise<RequestDoc | null> {
	if (!z.uuid().safeParse(id).success) return null;
	return couch().get(DB.requests, requestDocId(id), requestDocSchema);
}

async function fileOnce(
	submission: Submission,
	hash: string,
	by: { capture?: FieldCapture; channel: 'kiosco' | 'campo' | null; filer?: string },
	replay: (existing: RequestDoc) => Promise<FilingOutcome>
): Promise<FilingOutcome> {
	const client = couch();
	const existing = await filedRequest(submission.id);
	if (existing) return replay(existing);

	const form = await getContent('formulario', submission.form);
	if (!form) {
		return refusal('formulario_no_encontrado');
	}
	const problems = validateSubmission(form, submission);
	if (problems) {
		return refusal('solicitud_invalida', problems);
	}
	const checked = checkAttachments(submission.attachments);
	if (!checked.ok) {
		return refusal('adjunto_invalido', { attachments: checked.problems });
	}

	// The time of record is the claim's (below); this one checks the document before a number is
	// claimed, and picks the series.
	const checkedAt = new Date();
	const handedIn = await attestHandIn(submission, {
		channel: by.channel,
		filer: by.filer,
		arrivedAt: checkedAt
	});
	const dependencia = await routeTo(form, submission);
	const prefix = config().RADICADO_PREFIX;
	const terms = await deadlineTerms(form);
	const pinHash = await hashPin(submission.pin);
	const doc = buildDoc({
		submission,
		form,
		hash,
		pinHash,
		receivedAt: checkedAt,
		deadline: deadlineAt(terms, checkedAt),
		checked: checked.attachments,
		capture: by.capture,
		handedIn,
		dependencia
	});
	// Validated with a placeholder number of the right series BEFORE a number is claimed: a doc
	// the schema would refuse must not cost a radicado.
	const { year } = seriesFor(prefix, checkedAt);
	const draft = requestDocSchema.safeParse({
		...doc,
		radicado: formatRadicado({ prefix, year, number: 1 })
	});
	if (!draft.success) {
		throw new Error(`Documento de solicitud inválido: ${JSON.stringify(issuesOf(draft.error))}`);
	}

	const allocation = await allocateNumber(prefix, checkedAt, submission.id);
	const filed: RequestDoc = {
		...doc,
		radicado: allocation.radicado,
		receivedAt: allocation.at
	};
	// The term runs from the attested hand-in, else from the instant of the radicado.
	filed.deadline = deadlineAt(terms, new Date(receiptInstant(filed)));
	try {
		await client.put(DB.requests, {
			...filed,
			_attachments: inlineAttachments(checked.attachments)
		});
	} catch (e) {
		if (!(e instanceof CouchError && e.status === 409)) throw e;
		// Another copy of this request (on another server) was written first.
		const winner = await filedRequest(submission.id);
		if (!winner) throw e;
		return replay(winner);
	}
	return { ok: true, status: 201, receipt: receiptOf(filed) } satisfies FilingOutcome;
}

async function replayOrConflict(
	existing: RequestDoc,
	submission: Submission,
	hash: string,
	otherPin: 'conflict' | 'receipt'
): Promise<FilingOutcome> {
	if (existing.payloadHash !== hash) return refusal('conflicto_id');
	const receipt = receiptOf(existing);
	if (await verifyPin(submission.pin, existing.pinHash)) return { ok: true, status: 200, receipt };
	if (otherPin === 'receipt') return { ok: true, status: 200, receipt, otherPin: true };
	return refusal('conflicto_id');
}

function buildDoc(input: {
	submission: Submission;
	form: FormDoc;
	hash: string;
	pinHash: string;
	receivedAt: Date;
	deadline: Deadline;
	checked: CheckedAttachment[];
	capture: FieldCapture | undefined;
	handedIn: HandedIn | undefined;
	dependencia: string;
}): Omit<RequestDoc, 'radicado'> {
	const { submission: s, form } = input;
	return {
		_id: requestDocId(s.id),
		type: 'solicitud',
		id: s.id,
		form: form.slug,
		formTitle: form.title,
		purpose: form.purpose,
		...(form.pqrsdType ? { pqrsdType: form.pqrsdType } : {}),
		...(form.tramite ? { tramite: form.tramite } : {}),
		capturedAt: s.capturedAt,
		receivedAt: input.receivedAt.toISOString(),
		...(input.handedIn ? { handedIn: input.handedIn } : {}),
		deadline: input.deadline,
		anonymous: s.anonymous,
		...(s.applicant ? { applicant: applicantWithVereda(s.applicant, form, s.values) } : {}),
		values: s.values,
		...(s.consent ? { consent: s.consent } : {}),
		attachments: input.checked.map((a) => a.meta),
		dependencia: input.dependencia,
		...(input.capture ? { capture: input.capture } : {}),
		pinHash: input.pinHash,
		payloadHash: input.hash
	};
}

/**
 * The dependencia that receives the request: the one the citizen chose in the `dependencia_relacionada` field
 * when it is a real office ("No sé" is not), else the form's responsible office.
 */
async function routeTo(form: FormDoc, submission: Submission): Promise<string> {
	const chosen = submission.values.dependencia_relacionada;
	if (
		typeof chosen === 'string' &&
		chosen !== form.responsible &&
		(await getContent('dependencia', chosen))
	) {
		return chosen;
	}
	return form.responsible;
}

/** CouchDB inline attachments, named by the attachment's uuid (never the citizen's file name). */
function inlineAttachments(
	attachments: CheckedAttachment[]
): Record<string, { content_type: string; data: string }> {
	return Object.fromEntries(
		attachments.map((a) => [a.meta.id, { content_type: a.meta.type, data: a.data }])
	);
}

/** What a request's term depends on besides its time of filing (read before it is numbered). */
interface DeadlineTerms {
	form: FormDoc;
	tramite: ContentDocOf<'tramite'> | null;
	calendar: BusinessCalendar;
}

/** The municipality's closure days (the `sitio` document) and the trámite's catalogue entry. */
async function deadlineTerms(form: FormDoc): Promise<DeadlineTerms> {
	const sitio = await getContent('sitio', 'sitio');
	if (!sitio) console.warn('Sin documento sitio:sitio: plazos sin días de cierre municipales');
	const tramite = form.tramite ? await getContent('tramite', form.tramite) : null;
	if (form.tramite && !tramite) {
		console.warn(`El formulario ${form.slug} apunta al trámite inexistente ${form.tramite}`);
	}
	return { form, tramite, calendar: { closures: sitio?.closures ?? [] } };
}

/** The due date of a request filed at `receivedAt` (see `filingDeadline`). */
function deadlineAt({ form, tramite, calendar }: DeadlineTerms, receivedAt: Date): Deadline {
	const d = filingDeadline({ ...form, tramite }, receivedAt, calendar);
	return (
		d && {
			receivedDate: d.receivedDate,
			dueDate: d.dueDate,
			businessDays: d.businessDays,
			legalBasis: d.legalBasis,
			...(d.extensionBusinessDays === undefined
				? {}
				: { extensionBusinessDays: d.extensionBusinessDays })
		}
	);
}
