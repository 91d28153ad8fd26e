/**
 * What an official does to a request (assign, forward, extend, send to the competent entity,
 * note, answer, change status),
 * checked against their role and the request's scope and the law's rules, then stored as a new
 * event. The same checks apply whether the action comes from the inbox page or from an
 * official's device syncing actions taken offline.
 */
import type { ErrorCode } from '$lib/errors';
import { can, canActOnRequest, canSeeRequest } from '$lib/domain/permissions';
import { checkExtension, type ExtensionRefusal } from '$lib/domain/prorroga';
import {
	checkCompletionRequest,
	citizenReplyBy,
	completionRulesFor,
	mayDeclareTacitWithdrawal,
	type CompletionRequestRefusal
} from '$lib/domain/completion';
import { receiptInstant } from '$lib/domain/hand-in';
import { bogotaDate } from '$lib/domain/calendar-date';
import { isSettled } from '$lib/domain/request-state';
import {
	DENIABLE_TYPES,
	NOTIFIED_KINDS,
	type EventDoc,
	type EventInput,
	type SessionUser
} from '$lib/schemas';
import { getContent } from '$lib/server/content/repo';
import { getUser } from '$lib/server/auth/users';
import { appendEvent, EventConflict } from '$lib/server/requests/events';
import { queueNotification } from '$lib/server/notify/notifications';
import { allocateNumber } from '$lib/server/requests/numbering';
import { outgoingPrefix } from '$lib/domain/radicado';
import { config } from '$lib/server/config';
import { randomUUID } from 'node:crypto';
import { allRequests, municipalCalendar, type StoredRequest } from './requests';

/** Why an action is refused: codes of the catalogue (`$lib/errors`), so their status is too. */
export type ActionRefusal = Extract<
	ErrorCode,
	| 'no_encontrado'
	| 'prohibido'
	| 'conflicto_id'
	| 'usuario_destino_invalido'
	| 'dependencia_invalida'
	| 'misma_dependencia'
	| 'documento_no_encontrado'
	| 'estado_invalido'
	| 'plazo_no_cumplido'
	| CompletionRequestRefusal
	| ExtensionRefusal
>;

export type ActionResult =
	| { ok: true; event: EventDoc; created: boolean }
	| { ok: false; refusal: ActionRefusal; maxDueDate?: string };

/** A device's clock may run this far ahead of the server's and still be believed (skew). */
const MAX_FUTURE_MS = 5 * 60_000;

export async function actOnRequest(
	actor: SessionUser,
	radicado: string,
	input: EventInput,
	opts: { clientId?: string; deviceAt?: Date; now?: Date; documentData?: string } = {}
): Promise<ActionResult> {
	// An answer names its document only with the document's bytes: the citizen must never be
	// shown a document that cannot be downloaded.
	if (input.kind === 'respuesta' && input.document && !opts.documentData) {
		return { ok: false, refusal: 'documento_no_encontrado' };
	}
	// The legal time is the server's; rules (extensions) are judged on it.
	const now = opts.now ?? new Date();
	const found = await actionableRequest(actor, radicado, input.kind);
	if ('refusal' in found) return { ok: false, refusal: found.refusal };
	const { stored } = found;
	// The device's time is kept as "recorded offline at" only when it can be true: after the
	// request arrived, and not in the future beyond clock skew.
	const deviceAt =
		opts.deviceAt &&
		opts.deviceAt.getTime() <= now.getTime() + MAX_FUTURE_MS &&
		opts.deviceAt.toISOString() >= stored.doc.receivedAt
			? opts.deviceAt
			: undefined;
	// The same action sent again (double click, retried sync) is answered with the stored one.
	const earlier = opts.clientId && stored.events.find((e) => e.clientId === opts.clientId);
	if (earlier) {
		return earlier.kind === input.kind
			? { ok: true, event: earlier, created: false }
			: { ok: false, refusal: 'conflicto_id' };
	}
	const refusal = await checkRules(input, stored, now);
	if (refusal) return { ok: false, ...refusal };
	try {
		// What the citizen is told goes out under an outgoing number, claimed with its instant
		// for this action's id: the same action again keeps its number.
		const clientId = opts.clientId ?? randomUUID();
		const outgoing = (NOTIFIED_KINDS as readonly string[]).includes(input.kind)
			? await allocateNumber(outgoingPrefix(config().RADICADO_PREFIX), now, clientId)
			: null;
		const { doc, created } = await appendEvent(
			stored.doc,
			input,
			{ by: actor.name, byUser: actor.username },
			{
				clientId,
				deviceAt,
				now: outgoing ? new Date(outgoing.at) : now,
				documentData: opts.documentData,
				...(outgoing ? { outgoing: outgoing.radicado } : {}),
				...(input.kind === 'requerimiento'
					? {
							respondBy: citizenReplyBy(
								bogotaDate(outgoing ? new Date(outgoing.at) : now),
								completionRulesFor(stored.doc.pqrsdType).replyMonths
							)
						}
					: {})
			}
		);
		// The citizen who chose e-mail is told; the action stands even if queueing fails (the
		// official sees the notification missing on the request page).
		if (created) {
			await queueNotification(stored.doc, doc).catch((e: unknown) =>
				console.warn(`No se pudo programar la notificación de ${radicado}: ${String(e)}`)
			);
		}
		return { ok: true, event: doc, created };
	} catch (e) {
		if (e instanceof EventConflict) return { ok: false, refusal: 'conflicto_id' };
		throw e;
	}
}

/**
 * Why `actor` could not do `input` to the request now, or null if they could: every check of
 * {@link actOnRequest}, without storing anything (an answer's preview says so before sending).
 */
export async function refusalOf(
	actor: SessionUser,
	radicado: string,
	input: EventInput,
	now = new Date()
): Promise<{ refusal: ActionRefusal; maxDueDate?: string } | null> {
	const found = await actionableRequest(actor, radicado, input.kind);
	return 'refusal' in found ? found : checkRules(input, found.stored, now);
}

/** The request, if `actor` may act on it this way. */
async function actionableRequest(
	actor: SessionUser,
	radicado: string,
	kind: EventInput['kind']
): Promise<{ stored: StoredRequest } | { refusal: ActionRefusal }> {
	const stored = (await allRequests()).get(radicado);
	if (stored && canActOnRequest(actor, stored.scope, kind)) return { stored };
	// Unknown and not-yours look the same: an official cannot probe other offices' radicados.
	return { refusal: stored && canSeeRequest(actor, stored.scope) ? 'prohibido' : 'no_encontrado' };
}

async function checkRules(
	input: EventInput,
	stored: StoredRequest,
	at: Date
): Promise<{ refusal: ActionRefusal; maxDueDate?: string } | null> {
	switch (input.kind) {
		case 'asignacion': {
			const target = await getUser(input.assignee);
			return target?.active && can(target, 'solicitudes.bandeja')
				? null
				: { refusal: 'usuario_destino_invalido' };
		}
		case 'traslado': {
			if (input.dependencia === stored.state.dependencia) return { refusal: 'misma_dependencia' };
			return (await getContent('dependencia', input.dependencia))
				? null
				: { refusal: 'dependencia_invalida' };
		}
		case 'prorroga': {
			const check = checkExtension({
				deadline: stored.doc.deadline,
				extended: stored.state.extended,
				settled: isSettled(stored.state.status),
				today: bogotaDate(at),
				newDueDate: input.dueDate,
				calendar: await municipalCalendar()
			});
			return check.ok
				? null
				: { refusal: check.refusal ?? 'sin_plazo', maxDueDate: check.maxDueDate };
		}
		case 'respuesta':
			// Only access to information can be denied (and must then cite the norm).
			return input.denial &&
				!(DENIABLE_TYPES as readonly string[]).includes(stored.doc.pqrsdType ?? '')
				? { refusal: 'prohibido' }
				: null;
		case 'remision':
			// An answered or closed request has nothing left to send on.
			return isSettled(stored.state.status) ? { refusal: 'solicitud_atendida' } : null;
		case 'requerimiento': {
			const refusal = checkCompletionRequest({
				settled: isSettled(stored.state.status),
				awaitingCitizen: !!stored.state.awaitingCitizen,
				receivedDate:
					stored.doc.deadline?.receivedDate ?? bogotaDate(new Date(receiptInstant(stored.doc))),
				today: bogotaDate(at),
				calendar: await municipalCalendar(),
				rules: completionRulesFor(stored.doc.pqrsdType)
			});
			return refusal ? { refusal } : null;
		}
		case 'desistimiento-tacito': {
			const waiting = stored.state.awaitingCitizen;
			if (!waiting) return { refusal: 'estado_invalido' };
			return mayDeclareTacitWithdrawal(waiting.respondBy, bogotaDate(at))
				? null
				: { refusal: 'plazo_no_cumplido' };
		}
		default:
			return null;
	}
}
