import { describe, expect, it } from 'vitest';
import {
	can,
	canActOnRequest,
	canProposeContent,
	canSeeRequest,
	PERMISSIONS,
	type Actor,
	type Permission
} from './permissions';
import { ROLES, type Role } from '../schemas/vocab';

const actor = (roles: Role[], dependencia?: string, username = 'ana.perez'): Actor => ({
	username,
	roles,
	dependencia
});

/** The whole matrix, written out so a change to a grant must change this table too. */
const EXPECTED: Record<Role, Permission[]> = {
	administrador: [...PERMISSIONS],
	editor: ['contenido.proponer', 'contenido.publicar', 'contenido.vencimientos'],
	funcionario: [
		'solicitudes.bandeja',
		'solicitudes.gestionar',
		'contenido.proponer',
		'contenido.vencimientos'
	],
	'funcionario-campo': ['solicitudes.bandeja', 'solicitudes.capturar'],
	'comite-gelt': ['contenido.vencimientos', 'plan.gestionar']
};

describe('permission matrix', () => {
	for (const role of ROLES) {
		for (const permission of PERMISSIONS) {
			const allowed = EXPECTED[role].includes(permission);
			it(`${role} ${allowed ? 'may' : 'may not'} ${permission}`, () => {
				expect(can(actor([role], 'hacienda'), permission)).toBe(allowed);
			});
		}
	}
	it('grants nothing without a session', () => {
		for (const p of PERMISSIONS) expect(can(null, p)).toBe(false);
	});
	it('adds up the grants of several roles', () => {
		const both = actor(['editor', 'funcionario-campo']);
		expect(can(both, 'contenido.publicar')).toBe(true);
		expect(can(both, 'solicitudes.capturar')).toBe(true);
		expect(can(both, 'usuarios.gestionar')).toBe(false);
	});
});

describe('request scope', () => {
	const inHacienda = { dependencia: 'hacienda' };
	it('shows a funcionario the requests of their dependencia only', () => {
		expect(canSeeRequest(actor(['funcionario'], 'hacienda'), inHacienda)).toBe(true);
		expect(canSeeRequest(actor(['funcionario'], 'gobierno'), inHacienda)).toBe(false);
	});
	it('shows a request to the colleague it was assigned to in another dependencia', () => {
		expect(
			canSeeRequest(actor(['funcionario'], 'gobierno'), { ...inHacienda, assignee: 'ana.perez' })
		).toBe(true);
	});
	it('shows a field official only what they captured or were assigned', () => {
		const campo = actor(['funcionario-campo'], 'hacienda');
		expect(canSeeRequest(campo, inHacienda)).toBe(false);
		expect(canSeeRequest(campo, { ...inHacienda, capturedBy: 'ana.perez' })).toBe(true);
		expect(canSeeRequest(campo, { ...inHacienda, capturedBy: 'otro.usuario' })).toBe(false);
	});
	it('shows every request to an administrator and none to editors or the committee', () => {
		expect(canSeeRequest(actor(['administrador']), inHacienda)).toBe(true);
		expect(canSeeRequest(actor(['editor'], 'hacienda'), inHacienda)).toBe(false);
		expect(canSeeRequest(actor(['comite-gelt'], 'hacienda'), inHacienda)).toBe(false);
		expect(canSeeRequest(null, inHacienda)).toBe(false);
	});
	it('lets a field official add notes but not answer', () => {
		const campo = actor(['funcionario-campo']);
		const own = { ...inHacienda, capturedBy: 'ana.perez' };
		expect(canActOnRequest(campo, own, 'nota')).toBe(true);
		expect(canActOnRequest(campo, own, 'respuesta')).toBe(false);
		expect(canActOnRequest(actor(['funcionario'], 'hacienda'), inHacienda, 'respuesta')).toBe(true);
		expect(canActOnRequest(actor(['funcionario'], 'gobierno'), inHacienda, 'nota')).toBe(false);
	});
});

describe('content scope', () => {
	it('lets a funcionario propose changes only to their dependencia’s items', () => {
		expect(canProposeContent(actor(['funcionario'], 'hacienda'), { responsible: 'hacienda' })).toBe(
			true
		);
		expect(canProposeContent(actor(['funcionario'], 'hacienda'), { responsible: 'gobierno' })).toBe(
			false
		);
	});
	it('lets editors propose changes to any item and field officials to none', () => {
		expect(canProposeContent(actor(['editor']), { responsible: 'gobierno' })).toBe(true);
		expect(
			canProposeContent(actor(['funcionario-campo'], 'gobierno'), { responsible: 'gobierno' })
		).toBe(false);
	});
});
