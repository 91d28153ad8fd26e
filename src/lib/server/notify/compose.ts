/**
 * The e-mail that tells a citizen what the Alcaldía did to their request: plain text in
 * Spanish, the radicado in the subject, the event's own words, and what to do next (the new
 * term, the entity it went to, the day to complete it by). Never the PIN or personal data
 * beyond the radicado: a mailbox is not a safe place.
 */
import { m } from '$lib/paraglide/messages';
import { eventKindLabel } from '$lib/content/labels';
import { bogotaDate } from '$lib/domain/calendar-date';
import { citizenReplyBy } from '$lib/domain/completion';
import type { EventDoc, RequestDoc } from '$lib/schemas';
import { formatDate, formatDateTime } from '$lib/utils/format';

const es = { locale: 'es' as const };

export interface Notice {
	subject: string;
	text: string;
}

/** `origin`: the portal's public address (`ORIGIN`), for the links; absent, its name. */
export function composeNotice(
	request: Pick<RequestDoc, 'radicado' | 'formTitle'>,
	event: EventDoc,
	origin: string | undefined
): Notice {
	const what = eventKindLabel(event.kind, 'es');
	const portal = origin ?? 'Ventanilla (portal de la Alcaldía)';
	const lines = [
		m.mail_greeting({}, es),
		'',
		m.mail_intro(
			{
				radicado: request.radicado,
				form: request.formTitle,
				what: what.toLowerCase(),
				date: formatDateTime(event.at, 'es')
			},
			es
		),
		...(event.outgoing ? [m.mail_outgoing({ number: event.outgoing }, es)] : []),
		'',
		'text' in event ? event.text : ''
	];
	if (event.kind === 'prorroga')
		lines.push('', m.mail_new_due({ date: formatDate(event.dueDate, 'es') }, es));
	if (event.kind === 'remision') lines.push('', m.mail_remitted({ name: event.entity }, es));
	if (event.kind === 'requerimiento') {
		const respondBy = event.respondBy ?? citizenReplyBy(bogotaDate(new Date(event.at)));
		const link = origin ? `${origin}/seguimiento/completar?radicado=${request.radicado}` : portal;
		lines.push('', m.mail_respond_by({ date: formatDate(respondBy, 'es'), link }, es));
	}
	lines.push(
		'',
		m.mail_track({ link: origin ? `${origin}/seguimiento` : portal }, es),
		'',
		m.mail_why({}, es)
	);
	return {
		subject: m.mail_subject({ radicado: request.radicado, what }, es),
		text: lines.join('\n')
	};
}
