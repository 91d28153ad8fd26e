import { describe, expect, it } from 'vitest';
import { allowedActions, isPlanType, mayPropose, transition } from './content-workflow';
import type { Actor } from './permissions';

const editor: Actor = { username: 'ed', roles: ['editor'] };
const admin: Actor = { username: 'ad', roles: ['administrador'] };
const gobierno: Actor = { username: 'go', roles: ['funcionario'], dependencia: 'gobierno' };
const campo: Actor = { username: 'ca', roles: ['funcionario-campo'], dependencia: 'gobierno' };
const comite: Actor = { username: 'co', roles: ['comite-gelt'] };
const own = { responsible: 'gobierno' };
const other = { responsible: 'hacienda' };

describe('content workflow transitions', () => {
	it('lets a funcionario draft and send their own dependencia’s items, never publish', () => {
		expect(transition(gobierno, own, null, 'guardar')).toEqual({ ok: true, next: 'borrador' });
		expect(transition(gobierno, own, 'borrador', 'enviar')).toEqual({
			ok: true,
			next: 'en-revision'
		});
		expect(transition(gobierno, own, 'en-revision', 'publicar')).toEqual({
			ok: false,
			refusal: 'prohibido'
		});
		expect(transition(gobierno, own, 'en-revision', 'devolver').ok).toBe(false);
		expect(allowedActions(gobierno, own, 'borrador')).toEqual(['guardar', 'enviar', 'descartar']);
	});

	it('refuses a funcionario other dependencias’ items and moving an item away', () => {
		expect(transition(gobierno, other, null, 'guardar').ok).toBe(false);
		expect(
			transition(gobierno, { responsible: 'gobierno', newResponsible: 'hacienda' }, null, 'guardar')
				.ok
		).toBe(false);
	});

	it('refuses field officials and the GEL-T committee any editing', () => {
		for (const actor of [campo, comite, null]) {
			expect(allowedActions(actor, own, 'borrador')).toEqual([]);
			expect(allowedActions(actor, own, null)).toEqual([]);
		}
	});

	it('lets editors and administrators review, publish, send back and restore', () => {
		for (const actor of [editor, admin]) {
			expect(transition(actor, other, 'en-revision', 'publicar')).toEqual({
				ok: true,
				next: 'publicado'
			});
			expect(transition(actor, other, 'borrador', 'publicar').ok).toBe(true);
			expect(transition(actor, other, 'en-revision', 'devolver')).toEqual({
				ok: true,
				next: 'borrador'
			});
			expect(transition(actor, other, null, 'restaurar')).toEqual({ ok: true, next: 'borrador' });
		}
	});

	it('follows the states: no sending twice, nothing to publish without a draft', () => {
		expect(transition(gobierno, own, 'en-revision', 'enviar')).toEqual({
			ok: false,
			refusal: 'estado_invalido'
		});
		expect(transition(editor, own, null, 'publicar').ok).toBe(false);
		expect(transition(editor, own, 'borrador', 'devolver').ok).toBe(false);
		expect(transition(editor, own, 'borrador', 'restaurar')).toEqual({
			ok: false,
			refusal: 'borrador_pendiente'
		});
	});

	it('sends a funcionario’s change to an item in review back to draft, not a publisher’s', () => {
		expect(transition(gobierno, own, 'en-revision', 'guardar')).toEqual({
			ok: true,
			next: 'borrador'
		});
		expect(transition(editor, own, 'en-revision', 'guardar')).toEqual({
			ok: true,
			next: 'en-revision'
		});
	});
});

describe('the GEL-T plan belongs to the committee', () => {
	const activity = { type: 'actividad-gelt', responsible: 'gobierno' };
	const meeting = { type: 'reunion-gelt', responsible: 'despacho' };
	const line = { type: 'linea-gelt', responsible: 'despacho' };

	it('knows which types are the plan’s', () => {
		expect(['linea-gelt', 'actividad-gelt', 'reunion-gelt'].every((t) => isPlanType(t))).toBe(true);
		expect(isPlanType('noticia')).toBe(false);
		expect(isPlanType(undefined)).toBe(false);
	});

	it('lets a committee member edit and publish plan items directly, and restore old versions', () => {
		for (const item of [activity, meeting, line]) {
			expect(mayPropose(comite, item)).toBe(true);
			expect(transition(comite, item, null, 'guardar')).toEqual({ ok: true, next: 'borrador' });
			expect(transition(comite, item, 'borrador', 'publicar')).toEqual({
				ok: true,
				next: 'publicado'
			});
			expect(transition(comite, item, null, 'restaurar')).toEqual({ ok: true, next: 'borrador' });
			expect(transition(comite, item, 'borrador', 'descartar').ok).toBe(true);
		}
	});

	it('lets an administrator (who holds plan.gestionar) do the same', () => {
		expect(transition(admin, activity, 'borrador', 'publicar').ok).toBe(true);
		expect(allowedActions(admin, activity, null)).toEqual(['guardar', 'restaurar']);
	});

	it('refuses editors, funcionarios of the responsible office and field officials any change', () => {
		for (const actor of [editor, gobierno, campo, null]) {
			expect(mayPropose(actor, activity)).toBe(false);
			expect(allowedActions(actor, activity, null)).toEqual([]);
			expect(allowedActions(actor, activity, 'borrador')).toEqual([]);
			expect(transition(actor, activity, 'borrador', 'publicar')).toEqual({
				ok: false,
				refusal: 'prohibido'
			});
		}
	});

	it('keeps the committee out of ordinary content', () => {
		expect(mayPropose(comite, { type: 'noticia', responsible: 'gobierno' })).toBe(false);
		expect(transition(comite, { type: 'noticia', ...own }, 'borrador', 'publicar').ok).toBe(false);
	});
});
