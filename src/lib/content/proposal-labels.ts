import { m } from '$lib/paraglide/messages';
import type { ProposalAction, ProposalStatus } from '$lib/schemas';

export const proposalStatusLabel = (s: ProposalStatus): string =>
	({
		'en-revision': m.prop_status_en_revision,
		devuelta: m.prop_status_devuelta,
		aprobada: m.prop_status_aprobada,
		rechazada: m.prop_status_rechazada
	})[s]();

/** Tag colour classes of app.css: `ok`, `warn`, `bad`, none for neutral. */
export const proposalStatusTone = (s: ProposalStatus): string =>
	({ 'en-revision': '', devuelta: 'warn', aprobada: 'ok', rechazada: 'bad' })[s];

export const proposalActionLabel = (a: ProposalAction): string =>
	({
		propuesta: m.prop_ev_propuesta,
		reenvio: m.prop_ev_reenvio,
		aprobacion: m.prop_ev_aprobacion,
		rechazo: m.prop_ev_rechazo,
		devolucion: m.prop_ev_devolucion
	})[a]();
