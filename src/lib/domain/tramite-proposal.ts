/**
 * Rules of the new-trámite pipeline, without storage: who may do what to a proposal in which
 * state, and how an approved proposal becomes a draft trámite for the editors.
 */
import type { ContentInput } from '$lib/schemas';
import type { ProposalAction, ProposalInput, ProposalStatus } from '$lib/schemas/tramite-proposal';
import { can, type Actor } from './permissions';

export type ProposalRefusal = 'prohibido' | 'estado_invalido';

/** Committee decisions: what they need and the status they leave. */
const DECISIONS: Partial<Record<ProposalAction, ProposalStatus>> = {
	aprobacion: 'aprobada',
	rechazo: 'rechazada',
	devolucion: 'devuelta'
};

/**
 * The status after `action`, or why it is refused. The committee (`plan.gestionar`) decides on
 * proposals under review; only the proposer sends a returned one again.
 */
export function proposalTransition(
	actor: Actor,
	proposal: { status: ProposalStatus; proposedBy: string },
	action: Exclude<ProposalAction, 'propuesta'>
): { ok: true; next: ProposalStatus } | { ok: false; refusal: ProposalRefusal } {
	if (action === 'reenvio') {
		if (actor.username !== proposal.proposedBy) return { ok: false, refusal: 'prohibido' };
		return proposal.status === 'devuelta'
			? { ok: true, next: 'en-revision' }
			: { ok: false, refusal: 'estado_invalido' };
	}
	if (!can(actor, 'plan.gestionar')) return { ok: false, refusal: 'prohibido' };
	const next = DECISIONS[action];
	return next && proposal.status === 'en-revision'
		? { ok: true, next }
		: { ok: false, refusal: 'estado_invalido' };
}

/** May `actor` read the proposal? Its author and the committee. */
export const maySeeProposal = (actor: Actor, proposal: { proposedBy: string }) =>
	actor.username === proposal.proposedBy || can(actor, 'plan.gestionar');

/** A slug from a name: lower case ASCII words joined by hyphens, at most 80 characters. */
export function slugify(name: string): string {
	const slug = name
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/ñ/g, 'n')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 80)
		.replace(/-+$/, '');
	return slug || 'tramite';
}

/** `base`, or `base-2`, `base-3`… whichever is not `taken`. */
export function uniqueSlug(base: string, taken: (slug: string) => boolean): string {
	if (!taken(base)) return base;
	for (let n = 2; ; n += 1) {
		const candidate = `${base}-${n}`;
		if (!taken(candidate)) return candidate;
	}
}

/** SUIT category guessed from the responsible office's slug; editors can change it. */
export function categoryFor(dependencia: string): ContentInput<'tramite'>['category'] {
	const rules: Array<[RegExp, ContentInput<'tramite'>['category']]> = [
		[/hacienda|tesoreria|rentas/, 'hacienda'],
		[/planeacion|obras|infraestructura/, 'planeacion'],
		[/sisben/, 'sisben'],
		[/salud/, 'salud'],
		[/agr|umata|rural|ambiente/, 'agropecuario'],
		[/social|educacion|cultura|deporte|mujer|juventud/, 'desarrollo-social'],
		[/inspeccion|policia|comisaria/, 'inspeccion']
	];
	return rules.find(([re]) => re.test(dependencia))?.[1] ?? 'gobierno';
}

/** What the draft needs besides the proposal: its slug, the day, and where people are served. */
export interface DraftContext {
	slug: string;
	today: string;
	office: { name: string; address: string; hours: string };
}

/**
 * The draft trámite an approved proposal becomes. Fields the proposal does not ask for get a
 * sensible start that editors complete before publishing: the category from the office, the
 * result named after the trámite, general steps, the office as point of attention, tracking by
 * radicado. `suitVerified: false` says nobody has checked it against the SUIT inventory yet.
 */
export function proposalToTramite(p: ProposalInput, ctx: DraftContext): ContentInput<'tramite'> {
	return {
		slug: ctx.slug,
		title: p.name,
		summary: p.purpose.slice(0, 600),
		body: '',
		responsible: p.responsible,
		updatedAt: ctx.today,
		keywords: [],
		kind: 'tramite',
		category: categoryFor(p.responsible),
		purpose: p.purpose,
		result: p.name,
		alsoKnownAs: [],
		audience: ['persona-natural'],
		lifeEvents: [],
		requirements: p.requirements.map((text) => ({ text, optional: false })),
		steps: [
			'Reúna los requisitos.',
			`Presente la solicitud en ${ctx.office.name}.`,
			'Reciba la respuesta en el tiempo indicado.'
		],
		cost: {
			free: p.cost.free,
			description: p.cost.free ? p.cost.description || 'Gratuito' : p.cost.description
		},
		time: p.time.kind === 'inmediato' ? { kind: 'inmediato' } : { ...p.time },
		legalBasis: [...p.legalBasis],
		channels: [...p.channels],
		pointsOfAttention: [{ ...ctx.office }],
		tracking:
			'Con el número de radicado, en la página de seguimiento del portal o en la dependencia.',
		suitVerified: false
	};
}
