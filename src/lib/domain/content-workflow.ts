/**
 * The content workflow as rules, without storage: borrador → en revisión → publicado. Anyone
 * who may propose changes to an item edits its draft and sends it to review; only publishers
 * (editor, administrador) publish, send back with a comment or restore an earlier version. The
 * server applies these to every form action; the pages use them to show only what is allowed.
 *
 * The GEL-T action plan is the exception: its lines, activities and meetings belong to the
 * committee (`plan.gestionar`), who edit and publish them directly (each publication is still a
 * revision), and nobody else changes them, editors included: the plan is the committee's own
 * account of its work, published as they recorded it.
 */
import type { DraftState } from '$lib/schemas/vocab';
import { can, canProposeContent, type Actor } from './permissions';

/** Content types owned by the GEL-T committee rather than by the editors. */
export const PLAN_CONTENT_TYPES = ['linea-gelt', 'actividad-gelt', 'reunion-gelt'] as const;
export type PlanContentType = (typeof PLAN_CONTENT_TYPES)[number];

export function isPlanType(type: string | undefined): type is PlanContentType {
	return !!type && (PLAN_CONTENT_TYPES as readonly string[]).includes(type);
}

export const WORKFLOW_ACTIONS = [
	'guardar',
	'enviar',
	'devolver',
	'publicar',
	'descartar',
	'restaurar'
] as const;
export type WorkflowAction = (typeof WORKFLOW_ACTIONS)[number];

export type WorkflowRefusal = 'prohibido' | 'estado_invalido' | 'borrador_pendiente';

export type Transition =
	| { ok: true; next: DraftState | 'publicado' | 'sin-borrador' }
	| { ok: false; refusal: WorkflowRefusal };

export interface WorkflowItem {
	/** Content type; plan types follow the committee's rule (see the module comment). */
	type?: string;
	/** Dependencia responsible for the item now (published version or draft). */
	responsible: string;
	/** Dependencia the change would make responsible, when it changes. */
	newResponsible?: string;
}

/** May the actor work on this item at all (and on where the change would move it)? */
export function mayPropose(actor: Actor | null | undefined, item: WorkflowItem): boolean {
	if (isPlanType(item.type)) return can(actor, 'plan.gestionar');
	return (
		canProposeContent(actor, { responsible: item.responsible }) &&
		(!item.newResponsible || canProposeContent(actor, { responsible: item.newResponsible }))
	);
}

/** Whether `actor` publishes `item` (and may remove a revision from its history). */
export function mayPublish(actor: Actor | null | undefined, item: WorkflowItem): boolean {
	return isPlanType(item.type)
		? can(actor, 'plan.gestionar')
		: can(actor, 'contenido.publicar') && mayPropose(actor, item);
}

/**
 * What `action` does to an item whose draft is in `state` (`null`: no draft, only the
 * published version or nothing yet).
 */
export function transition(
	actor: Actor | null | undefined,
	item: WorkflowItem,
	state: DraftState | null,
	action: WorkflowAction
): Transition {
	const publisher = mayPublish(actor, item);
	const refuse = (refusal: WorkflowRefusal): Transition => ({ ok: false, refusal });
	switch (action) {
		case 'guardar':
			if (!mayPropose(actor, item)) return refuse('prohibido');
			// A publisher correcting an item under review keeps it in review; anyone else's change
			// must be sent to review again.
			return { ok: true, next: state === 'en-revision' && publisher ? 'en-revision' : 'borrador' };
		case 'enviar':
			if (!mayPropose(actor, item)) return refuse('prohibido');
			return state === 'borrador' ? { ok: true, next: 'en-revision' } : refuse('estado_invalido');
		case 'devolver':
			if (!publisher) return refuse('prohibido');
			return state === 'en-revision' ? { ok: true, next: 'borrador' } : refuse('estado_invalido');
		case 'publicar':
			if (!publisher) return refuse('prohibido');
			// Editors are the reviewers: their own draft needs no second pass.
			return state ? { ok: true, next: 'publicado' } : refuse('estado_invalido');
		case 'descartar':
			if (!mayPropose(actor, item)) return refuse('prohibido');
			return state ? { ok: true, next: 'sin-borrador' } : refuse('estado_invalido');
		case 'restaurar':
			if (!publisher) return refuse('prohibido');
			// Restoring must not silently overwrite someone's unpublished work.
			return state ? refuse('borrador_pendiente') : { ok: true, next: 'borrador' };
	}
}

/** The actions to offer on the editor page for this actor and state. */
export function allowedActions(
	actor: Actor | null | undefined,
	item: WorkflowItem,
	state: DraftState | null
): WorkflowAction[] {
	return WORKFLOW_ACTIONS.filter((a) => transition(actor, item, state, a).ok);
}
