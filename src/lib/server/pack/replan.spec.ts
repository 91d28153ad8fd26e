import { describe, expect, it } from 'vitest';
import { replan } from './replan';

const essential = (id: string) => id.startsWith('tramite:');

describe('replan', () => {
	it('cuts a first plan into segments of at most maxDocs, essentials first', () => {
		const changes = ['noticia:a', 'tramite:a', 'noticia:b', 'noticia:c', 'tramite:b'].map((id) => ({
			id
		}));
		expect(replan([], changes, essential, 2)).toEqual([
			{ essentials: true, ids: ['tramite:a', 'tramite:b'] },
			{ essentials: false, ids: ['noticia:a', 'noticia:b'] },
			{ essentials: false, ids: ['noticia:c'] }
		]);
	});

	it('leaves out documents deleted before they were ever packed', () => {
		expect(
			replan([], [{ id: 'noticia:a' }, { id: 'noticia:b', deleted: true }], essential, 5)
		).toEqual([{ essentials: false, ids: ['noticia:a'] }]);
	});

	it('keeps the file of a segment nothing changed in, and rebuilds the one that changed', () => {
		const current = [
			{ hash: 'h1', essentials: false, ids: ['noticia:a', 'noticia:b'] },
			{ hash: 'h2', essentials: false, ids: ['noticia:c'] }
		];
		expect(replan(current, [{ id: 'noticia:c' }], essential, 2)).toEqual([
			{ essentials: false, ids: ['noticia:a', 'noticia:b'], keep: 'h1' },
			{ essentials: false, ids: ['noticia:c'] }
		]);
	});

	it('takes a deleted document out of its segment, and drops a segment left empty', () => {
		const current = [
			{ hash: 'h1', essentials: false, ids: ['noticia:a', 'noticia:b'] },
			{ hash: 'h2', essentials: true, ids: ['tramite:a'] }
		];
		const changes = [
			{ id: 'noticia:a', deleted: true },
			{ id: 'tramite:a', deleted: true }
		];
		expect(replan(current, changes, essential, 2)).toEqual([
			{ essentials: false, ids: ['noticia:b'] }
		]);
	});

	it('adds a new document to the last segment of its group with room, or opens one', () => {
		const current = [
			{ hash: 'h1', essentials: true, ids: ['tramite:a'] },
			{ hash: 'h2', essentials: false, ids: ['noticia:a', 'noticia:b'] }
		];
		expect(replan(current, [{ id: 'tramite:b' }, { id: 'noticia:c' }], essential, 2)).toEqual([
			{ essentials: true, ids: ['tramite:a', 'tramite:b'] },
			{ essentials: false, ids: ['noticia:a', 'noticia:b'], keep: 'h2' },
			{ essentials: false, ids: ['noticia:c'] }
		]);
	});

	it('counts a document changed twice once, at its last change', () => {
		const changes = [{ id: 'noticia:a' }, { id: 'noticia:a', deleted: true }];
		expect(replan([], changes, essential, 5)).toEqual([]);
		const current = [{ hash: 'h1', essentials: false, ids: ['noticia:a'] }];
		expect(
			replan(current, [{ id: 'noticia:a', deleted: true }, { id: 'noticia:a' }], essential, 5)
		).toEqual([{ essentials: false, ids: ['noticia:a'] }]);
	});
});
