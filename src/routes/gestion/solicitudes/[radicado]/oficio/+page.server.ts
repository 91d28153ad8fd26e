import { canSeeRequest } from '$lib/domain/permissions';
import { NOTIFIED_KINDS } from '$lib/schemas';
import { failWith } from '$lib/errors';
import { requirePermission } from '$lib/server/auth/guard';
import { allRequests } from '$lib/server/backoffice/requests';
import { getContent } from '$lib/server/content/repo';
import type { PageServerLoad } from './$types';

/**
 * The letter that carries an answer (or an extension, a forwarding, a request to complete) to
 * a citizen who asked to be answered in writing at their address (Ley 1755; CPACA art. 67–69):
 * the Alcaldía's letterhead from the `sitio` content, the radicado, the citizen's name and
 * address, the text as stored, and who signed it. For the official to print and send.
 */
export const load: PageServerLoad = async ({ locals, url, params }) => {
	const user = requirePermission(locals, url, 'solicitudes.bandeja');
	const stored = (await allRequests()).get(params.radicado);
	if (!stored || !canSeeRequest(user, stored.scope)) {
		failWith('no_encontrado', 'Solicitud no encontrada');
	}
	const event = stored.events.find((e) => e._id === url.searchParams.get('evento'));
	if (!event || !(NOTIFIED_KINDS as readonly string[]).includes(event.kind)) {
		failWith('no_encontrado', 'Esa actuación no se comunica al ciudadano');
	}
	const sitio = await getContent('sitio', 'sitio');
	const { doc } = stored;
	return {
		letterhead: sitio && {
			entityName: sitio.entityName,
			municipality: sitio.municipality,
			department: sitio.department,
			address: sitio.address,
			phones: sitio.phones.map((p) => p.number),
			email: sitio.emails[0]?.email
		},
		radicado: doc.radicado,
		formTitle: doc.formTitle,
		receivedAt: doc.receivedAt,
		to: doc.applicant
			? {
					name: doc.applicant.name,
					address: doc.applicant.address,
					vereda: doc.applicant.vereda
				}
			: null,
		event: {
			at: event.at,
			kind: event.kind,
			text: 'text' in event ? event.text : '',
			by: event.by,
			outgoing: event.outgoing,
			dueDate: event.kind === 'prorroga' ? event.dueDate : undefined,
			entity: event.kind === 'remision' ? event.entity : undefined
		}
	};
};
