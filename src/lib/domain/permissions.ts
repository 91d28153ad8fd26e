import { ROLES, type Role } from '$lib/schemas/vocab';
/**
 * Who may do what in the back office: one table of roles × permissions, and the rules that
 * scope requests by dependencia, assignment and capture. The server checks these on every route
 * and sync request; the client only uses them to hide what the server would refuse anyway.
 */

export const PERMISSIONS = [
	/** Create, change and deactivate accounts; manage dependencias. */
	'usuarios.gestionar',
	/** Open the request inbox (scoped by {@link canSeeRequest}). */
	'solicitudes.bandeja',
	/** Act on requests: assign, forward, extend, note, answer, close. */
	'solicitudes.gestionar',
	/** Capture requests on a citizen's behalf in the field. */
	'solicitudes.capturar',
	/** Propose changes to content (drafts, sent to review). */
	'contenido.proponer',
	/** Review and publish content, restore revisions. */
	'contenido.publicar',
	/** See the staleness view of every dependencia. */
	'contenido.vencimientos',
	/** Edit the GEL-T action plan, meetings and the new-trámite pipeline. */
	'plan.gestionar',
	/** Sign the justification of a radicado number that was never used (AGN Acuerdo 060). */
	'radicados.justificar'
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const GRANTS: Readonly<Record<Role, readonly Permission[]>> = {
	administrador: PERMISSIONS,
	editor: ['contenido.proponer', 'contenido.publicar', 'contenido.vencimientos'],
	funcionario: [
		'solicitudes.bandeja',
		'solicitudes.gestionar',
		'contenido.proponer',
		'contenido.vencimientos'
	],
	'funcionario-campo': ['solicitudes.bandeja', 'solicitudes.capturar'],
	'comite-gelt': ['plan.gestionar', 'contenido.vencimientos']
};

export interface Actor {
	username: string;
	roles: readonly Role[];
	dependencia?: string;
}

export function isRole(value: unknown): value is Role {
	return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** True if any of the actor's roles grants `permission`. */
export function can(actor: Actor | null | undefined, permission: Permission): boolean {
	return !!actor && actor.roles.some((r) => GRANTS[r]?.includes(permission));
}

/** The permissions of a set of roles, for the UI and the documentation. */
export function permissionsOf(roles: readonly Role[]): Permission[] {
	return PERMISSIONS.filter((p) => roles.some((r) => GRANTS[r].includes(p)));
}

/** What decides who may see a request: where it is now, who has it, who captured it. */
export interface RequestScope {
	/** Dependencia that holds the request now (after any forwarding). */
	dependencia: string | undefined;
	/** Official it is assigned to, if any. */
	assignee?: string;
	/** Field official who captured it on the citizen's behalf, if any. */
	capturedBy?: string;
}

/**
 * Administrators see every request; a funcionario those of their dependencia and those assigned
 * to them; a field official those they captured and those assigned to them. Nobody else.
 */
export function canSeeRequest(actor: Actor | null | undefined, scope: RequestScope): boolean {
	if (!actor) return false;
	if (actor.roles.includes('administrador')) return true;
	if (!can(actor, 'solicitudes.bandeja')) return false;
	if (scope.assignee && scope.assignee === actor.username) return true;
	if (actor.roles.includes('funcionario') && actor.dependencia) {
		if (scope.dependencia === actor.dependencia) return true;
	}
	if (actor.roles.includes('funcionario-campo') && scope.capturedBy === actor.username) return true;
	return false;
}

export const REQUEST_ACTIONS = [
	'asignacion',
	'traslado',
	'prorroga',
	'remision',
	'requerimiento',
	'desistimiento-tacito',
	'nota',
	'respuesta',
	'estado'
] as const;
export type RequestAction = (typeof REQUEST_ACTIONS)[number];

/**
 * Actions on a visible request: funcionarios and administrators may do everything; a field
 * official may only add notes (they collect, the dependencia answers).
 */
export function canActOnRequest(
	actor: Actor | null | undefined,
	scope: RequestScope,
	action: RequestAction
): boolean {
	if (!canSeeRequest(actor, scope) || !actor) return false;
	if (can(actor, 'solicitudes.gestionar')) return true;
	return action === 'nota';
}

/**
 * Content a person may propose changes to: editors and administrators any item; a funcionario
 * the items their own dependencia is responsible for ("designated officials keep it updated").
 */
export function canProposeContent(
	actor: Actor | null | undefined,
	item: { responsible: string }
): boolean {
	if (!can(actor, 'contenido.proponer') || !actor) return false;
	if (can(actor, 'contenido.publicar')) return true;
	return !!actor.dependencia && actor.dependencia === item.responsible;
}
