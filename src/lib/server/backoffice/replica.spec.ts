import { describe, expect, it } from 'vitest';
import type { EventDoc, SessionUser, RequestDoc } from '$lib/schemas';
import { stateOf } from '$lib/server/requests/events';
import { changesFor } from './replica';
import { scopeOf, type StoredRequest } from './requests';

const gobierno: SessionUser = {
	username: 'ana',
	name: 'Ana',
	roles: ['funcionario'],
	dependencia: 'secretaria-de-gobierno'
} as SessionUser;

const DAY = 86_400_000;
const NOW = Date.parse('2026-11-30T15:00:00Z');
const at = (ms: number) => new Date(ms).toISOString();

function request(id: string, receivedAt: number, events: Partial<EventDoc>[] = []): StoredRequest {
	const doc = {
		_id: `solicitud:${id}`,
		_rev: '1-a',
		id,
		radicado: `PG-2026-${id}`,
		receivedAt: at(receivedAt),
		dependencia: 'secretaria-de-gobierno'
	} as unknown as RequestDoc;
	const evs = events.map(
		(e, i) =>
			({
				_id: `evento:${id}:${i}`,
				_rev: '1-b',
				solicitud: id,
				by: 'Ana',
				...e
			}) as EventDoc
	);
	const state = stateOf(doc, evs);
	return { doc, events: evs, state, scope: scopeOf(doc, state) };
}

describe('what a device does with the requests changed since its last list', () => {
	it('fetches a changed request in reach whole, with all its events', () => {
		const touched = request('tocado', NOW - 10 * DAY, [
			{ kind: 'nota', text: 'antes', at: at(NOW - 9 * DAY), recordedAt: at(NOW - 9 * DAY) },
			{ kind: 'nota', text: 'ahora', at: at(NOW - 1000), recordedAt: at(NOW - 1000) }
		]);
		expect(changesFor(gobierno, [touched, request('nuevo', NOW)])).toEqual({
			docs: [
				{ id: 'solicitud:tocado', rev: '1-a' },
				{ id: 'evento:tocado:0', rev: '1-b' },
				{ id: 'evento:tocado:1', rev: '1-b' },
				{ id: 'solicitud:nuevo', rev: '1-a' }
			],
			removed: []
		});
	});

	it('drops a request forwarded away, but never names one the official could not have had', () => {
		const forwarded = request('trasladado', NOW - 10 * DAY, [
			{
				kind: 'traslado',
				dependencia: 'secretaria-de-hacienda',
				text: 'Es de Hacienda',
				at: at(NOW - 1000),
				recordedAt: at(NOW - 1000)
			}
		]);
		const hacienda: SessionUser = { ...gobierno, dependencia: 'secretaria-de-hacienda' };
		expect(changesFor(gobierno, [forwarded])).toEqual({ docs: [], removed: ['trasladado'] });
		expect(changesFor(hacienda, [request('ajeno', NOW)])).toEqual({ docs: [], removed: [] });
		expect(changesFor(hacienda, [forwarded]).docs).toHaveLength(2);
	});
});
