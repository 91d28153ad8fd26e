import { describe, expect, it } from 'vitest';
import { foldRequest, type RequestEventLike } from './request-state';

const base = {
	dependencia: 'secretaria-de-gobierno',
	dueDate: '2026-12-04',
	receivedAt: '2026-11-20T15:00:00.000Z'
};

describe('foldRequest', () => {
	it('starts as radicada in the dependencia it was routed to', () => {
		expect(foldRequest(base, [])).toMatchObject({
			status: 'radicada',
			dependencia: 'secretaria-de-gobierno',
			assignee: undefined,
			dueDate: '2026-12-04',
			extended: false
		});
	});
	it('applies events in time order whatever order they arrive in', () => {
		const events: RequestEventLike[] = [
			{ at: '2026-11-23T10:00:00.000Z', kind: 'respuesta', status: 'respondida' },
			{ at: '2026-11-21T10:00:00.000Z', kind: 'asignacion', assignee: 'ana.perez' },
			{ at: '2026-11-22T10:00:00.000Z', kind: 'prorroga', dueDate: '2026-12-18' }
		];
		expect(foldRequest(base, events)).toMatchObject({
			status: 'respondida',
			assignee: 'ana.perez',
			dueDate: '2026-12-18',
			originalDueDate: '2026-12-04',
			extended: true,
			answeredAt: '2026-11-23T10:00:00.000Z',
			lastActivityAt: '2026-11-23T10:00:00.000Z'
		});
	});
	it('closes a request sent to the competent entity and keeps where and when it went (Ley 1755 art. 21)', () => {
		const state = foldRequest(base, [
			{ at: '2026-11-21T10:00:00.000Z', kind: 'asignacion', assignee: 'ana.perez' },
			{ at: '2026-11-24T10:00:00.000Z', kind: 'remision', entity: 'ICBF Regional Putumayo' }
		]);
		expect(state).toMatchObject({
			status: 'cerrada',
			remittedTo: { entity: 'ICBF Regional Putumayo', at: '2026-11-24T10:00:00.000Z' },
			lastActivityAt: '2026-11-24T10:00:00.000Z'
		});
	});
	it('closes a request the citizen withdrew and keeps when (Ley 1755 art. 18)', () => {
		const state = foldRequest(base, [
			{ at: '2026-11-21T10:00:00.000Z', kind: 'asignacion', assignee: 'ana.perez' },
			{ at: '2026-11-22T10:00:00.000Z', kind: 'desistimiento' }
		]);
		expect(state).toMatchObject({ status: 'cerrada', withdrawnAt: '2026-11-22T10:00:00.000Z' });
	});
	it('moves a forwarded request to the new dependencia and clears the assignee', () => {
		const state = foldRequest(base, [
			{ at: '2026-11-21T10:00:00.000Z', kind: 'asignacion', assignee: 'ana.perez' },
			{ at: '2026-11-22T10:00:00.000Z', kind: 'traslado', dependencia: 'secretaria-de-hacienda' }
		]);
		expect(state).toMatchObject({
			dependencia: 'secretaria-de-hacienda',
			assignee: undefined,
			status: 'en-tramite'
		});
	});
	it('lets two officials act offline on the same request without losing either action', () => {
		const a: RequestEventLike = {
			_id: 'evento:x:1:a',
			at: '2026-11-21T10:00:00.000Z',
			kind: 'nota'
		};
		const b: RequestEventLike = {
			_id: 'evento:x:1:b',
			at: '2026-11-21T10:00:00.000Z',
			kind: 'asignacion',
			assignee: 'luis.rojas'
		};
		expect(foldRequest(base, [a, b])).toEqual(foldRequest(base, [b, a]));
		expect(foldRequest(base, [b, a]).assignee).toBe('luis.rojas');
	});
});
