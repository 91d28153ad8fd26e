import { describe, expect, it } from 'vitest';
import { allowedActions, transition } from './contenido-flujo';
import type { Actor } from './permisos';

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
