import { failWith, statusOf } from '$lib/errors';
import { fail } from '@sveltejs/kit';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { can, canActOnRequest, canSeeRequest, REQUEST_ACTIONS } from '$lib/domain/permissions';
import { bogotaDate, compareDates, type IsoDate } from '$lib/domain/calendar-date';
import type { BusinessCalendar } from '$lib/domain/business-days';
import { semaforo } from '$lib/domain/semaforo';
import { checkExtension } from '$lib/domain/prorroga';
import { extensionBasis, remissionDueDate, remissionRulesFor } from '$lib/domain/deadlines';
import { isSettled, type RequestState } from '$lib/domain/request-state';
import { DENIABLE_TYPES, eventInputSchema, type EventInput, type RequestDoc } from '$lib/schemas';
import { requirePermission } from '$lib/server/auth/guard';
import { listUsers } from '$lib/server/auth/users';
import { getContent, listContent } from '$lib/server/content/repo';
import {
	actOnRequest,
	refusalOf,
	type ActionRefusal
} from '$lib/server/backoffice/request-actions';
import { allRequests, municipalCalendar } from '$lib/server/backoffice/requests';
import { isCleanText } from '$lib/schemas/text';
import { readAnswerDocument } from '$lib/server/requests/answer-document';
import { previewAnswer } from '$lib/server/backoffice/answer-preview';
import { postedForm, text } from '$lib/server/forms/form-data';
import type { FormIssue } from '$lib/forms/form-result';
import { formIssues } from '$lib/forms/zod-issues';
import {
	completionRequestDeadline,
	completionRulesFor,
	mayDeclareTacitWithdrawal
} from '$lib/domain/completion';
import { receiptInstant } from '$lib/domain/hand-in';
import { emailChannelOf, letterChannelOf, notificationsOf } from '$lib/server/notify/notifications';
import { recordLetter } from '$lib/server/notify/letters';
import { mailConfigured } from '$lib/server/notify/mailer';
import {
	letterRecordInputSchema,
	NOTIFICATION_VIEW_KEYS,
	type NotificationView
} from '$lib/schemas';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = requirePermission(locals, url, 'solicitudes.bandeja');
	const stored = (await allRequests()).get(params.radicado);
	if (!stored || !canSeeRequest(user, stored.scope)) {
		failWith('no_encontrado', 'Solicitud no encontrada');
	}
	const { doc, events, state } = stored;
	const [form, calendar, dependencias, users, notifications] = await Promise.all([
		getContent('formulario', doc.form),
		municipalCalendar(),
		listContent('dependencia'),
		listUsers(),
		notificationsOf(doc.id)
	]);
	const today = bogotaDate(new Date());
	const allowed = Object.fromEntries(
		REQUEST_ACTIONS.map((a) => [a, canActOnRequest(user, stored.scope, a)])
	) as Record<(typeof REQUEST_ACTIONS)[number], boolean>;
	const extension = checkExtension({
		deadline: doc.deadline,
		extended: state.extended,
		settled: isSettled(state.status),
		today,
		// Any later date: only whether an extension is possible at all, and its limit.
		newDueDate: '9999-12-31',
		calendar
	});
	const { pinHash: _p, payloadHash: _h, _rev, ...shown } = doc;
	return {
		request: shown,
		fields: (form?.fields ?? []).map(({ name, label, options }) => ({ name, label, options })),
		events,
		state,
		light: semaforo(state, today, calendar),
		allowed,
		canExtendNow: extension.refusal === 'excede_maximo',
		maxDueDate: extension.maxDueDate,
		extensionBasis: extensionBasis(doc.pqrsdType),
		canDeny: (DENIABLE_TYPES as readonly string[]).includes(doc.pqrsdType ?? ''),
		remission: remissionOf(doc, state, today, calendar),
		completion: completionOf(doc, state, today, calendar),
		notifyBy: {
			email: emailChannelOf(doc),
			mailConfigured: mailConfigured(),
			address: letterChannelOf(doc)
		},
		notifications: Object.fromEntries(
			[...notifications].map(([event, n]) => [
				event,
				Object.fromEntries(
					NOTIFICATION_VIEW_KEYS.flatMap((k) => (n[k] === undefined ? [] : [[k, n[k]]]))
				) as NotificationView
			])
		),
		dependencias: dependencias.map((d) => ({ slug: d.slug, title: d.title })),
		colleagues: users
			.filter((u) => u.active && can(u, 'solicitudes.bandeja'))
			.map((u) => ({ username: u.username, name: u.name, dependencia: u.dependencia })),
		// One id per rendering: submitting the same form twice records the action once.
		clientId: randomUUID()
	};
};

/**
 * Ley 1755 art. 17: until when the official may ask to complete the request, or, while the
 * citizen has been asked, until when they may answer and whether the tacit withdrawal is due.
 */
function completionOf(
	doc: RequestDoc,
	state: RequestState,
	today: IsoDate,
	calendar: BusinessCalendar
) {
	if (isSettled(state.status)) return null;
	const waiting = state.awaitingCitizen;
	if (waiting) {
		return {
			awaiting: { respondBy: waiting.respondBy },
			mayDeclare: mayDeclareTacitWithdrawal(waiting.respondBy, today)
		};
	}
	const received = doc.deadline?.receivedDate ?? bogotaDate(new Date(receiptInstant(doc)));
	const rules = completionRulesFor(doc.pqrsdType);
	const askBy = completionRequestDeadline(received, calendar, rules);
	return compareDates(today, askBy) > 0
		? null
		: { askBy, basis: rules.basis, replyMonths: rules.replyMonths };
}

/** Ley 1755 art. 21: by when to send it on, while the Alcaldía still holds the request. */
function remissionOf(
	doc: RequestDoc,
	state: RequestState,
	today: IsoDate,
	calendar: BusinessCalendar
) {
	if (isSettled(state.status)) return null;
	const received = doc.deadline?.receivedDate ?? bogotaDate(new Date(doc.receivedAt));
	const dueDate = remissionDueDate(received, calendar, doc.pqrsdType);
	const { basis } = remissionRulesFor(doc.pqrsdType);
	return { dueDate, late: compareDates(today, dueDate) > 0, basis };
}

const formSchemas = {
	responder: (d: FormData) => ({
		kind: 'respuesta',
		status: d.get('status') === 'cerrada' ? 'cerrada' : 'respondida',
		text: d.get('text'),
		...(d.get('denial') === 'total' || d.get('denial') === 'parcial'
			? { denial: { scope: d.get('denial'), basis: d.get('denialBasis') } }
			: {})
	}),
	asignar: (d: FormData) => ({
		kind: 'asignacion',
		assignee: d.get('assignee'),
		text: d.get('text') ?? ''
	}),
	trasladar: (d: FormData) => ({
		kind: 'traslado',
		dependencia: d.get('dependencia'),
		text: d.get('text')
	}),
	prorrogar: (d: FormData) => ({
		kind: 'prorroga',
		dueDate: d.get('dueDate'),
		text: d.get('text')
	}),
	remitir: (d: FormData) => ({ kind: 'remision', entity: d.get('entity'), text: d.get('text') }),
	requerir: (d: FormData) => ({ kind: 'requerimiento', text: d.get('text') }),
	declarar: (d: FormData) => ({ kind: 'desistimiento-tacito', text: d.get('text') }),
	nota: (d: FormData) => ({ kind: 'nota', text: d.get('text') }),
	estado: (d: FormData) => ({ kind: 'estado', status: d.get('status'), text: d.get('text') })
} as const;

type FormAction = keyof typeof formSchemas;

const formIssue: FormIssue = { path: '', code: 'tipo_invalido' };
const textIssue: FormIssue = { path: 'text', code: 'caracteres_no_permitidos' };

function action(name: FormAction) {
	return async ({ locals, url, params, request }: Parameters<Actions[string]>[0]) => {
		const user = requirePermission(locals, url, 'solicitudes.bandeja');
		const data = await postedForm(request);
		const parsed = eventInputSchema.safeParse(formSchemas[name](data), { reportInput: true });
		const clientId = z.uuid().safeParse(data.get('clientId'));
		if (!parsed.success || !clientId.success) {
			// A bad `clientId` (the form's own hidden field) is an issue of the whole form.
			const issues = parsed.error ? formIssues(parsed.error) : [];
			return fail(400, { action: name, issues: issues.length ? issues : [formIssue] });
		}
		let input: EventInput = parsed.data;
		if ('text' in input && !isCleanText(input.text)) {
			return fail(400, { action: name, issues: [textIssue] });
		}
		// An answer may carry a document (a signed letter, a certificate).
		const upload =
			input.kind === 'respuesta'
				? await readAnswerDocument(data.get('documento'), clientId.data)
				: null;
		if (upload && !upload.ok) {
			const issues: FormIssue[] = [{ path: 'documento', code: upload.problem }];
			return fail(400, { action: name, issues, problem: upload.problem });
		}
		if (upload && input.kind === 'respuesta') input = { ...input, document: upload.document };
		if (input.kind === 'respuesta') {
			const preview = previewAnswer(input, upload?.document);
			if (data.get('paso') !== 'enviar' || data.get('revisada') !== preview.key) {
				// Nothing is stored until the official confirms this very answer; an answer they
				// could not send is refused now, not after they reviewed it.
				const refused = await refusalOf(user, params.radicado ?? '', input);
				if (refused) return refusedAction(name, refused);
				return { action: name, preview, changed: data.get('paso') === 'enviar' };
			}
		}
		const result = await actOnRequest(user, params.radicado ?? '', input, {
			clientId: clientId.data,
			documentData: upload?.data
		});
		if (!result.ok) return refusedAction(name, result);
		return { action: name, done: true };
	};
}

function refusedAction(name: FormAction, r: { refusal: ActionRefusal; maxDueDate?: string }) {
	return fail(statusOf(r.refusal), { action: name, refusal: r.refusal, maxDueDate: r.maxDueDate });
}

/** Records a letter printed or handed over (`$lib/server/notify/letters`). */
const oficio: Actions[string] = async ({ locals, url, params, request }) => {
	const user = requirePermission(locals, url, 'solicitudes.bandeja');
	const data = await postedForm(request);
	const optional = (name: string) => text(data, name) || undefined;
	const parsed = letterRecordInputSchema.safeParse({
		event: data.get('event'),
		step: data.get('step'),
		deliveredOn: optional('deliveredOn'),
		deliveredVia: optional('deliveredVia'),
		deliveryNote: optional('deliveryNote')
	});
	if (!parsed.success) {
		const issues = formIssues(parsed.error);
		return fail(400, { action: 'oficio', issues: issues.length ? issues : [formIssue] });
	}
	const stored = (await allRequests()).get(params.radicado ?? '');
	const event = stored?.events.find((e) => e._id === parsed.data.event);
	// Recording a letter is part of answering: whoever may answer the request may record it.
	if (!stored || !event || !canActOnRequest(user, stored.scope, 'respuesta')) {
		return fail(404, { action: 'oficio', refusal: 'no_encontrado' as const });
	}
	const result = await recordLetter(stored.doc, event, parsed.data, user);
	if (!result.ok)
		return fail(statusOf(result.refusal), { action: 'oficio', refusal: result.refusal });
	return { action: 'oficio', done: true };
};

export const actions: Actions = {
	oficio,
	responder: action('responder'),
	asignar: action('asignar'),
	trasladar: action('trasladar'),
	prorrogar: action('prorrogar'),
	remitir: action('remitir'),
	requerir: action('requerir'),
	declarar: action('declarar'),
	nota: action('nota'),
	estado: action('estado')
};
