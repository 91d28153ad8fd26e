import { describe, expect, it } from 'vitest';
import { KeyedLock } from './keyed-lock';

const tick = () => new Promise((r) => setTimeout(r, 1));

describe('KeyedLock', () => {
	it('runs work with the same key one at a time, in arrival order', async () => {
		const lock = new KeyedLock();
		const log: string[] = [];
		const job = (name: string) => async () => {
			log.push(`${name}:start`);
			await tick();
			log.push(`${name}:end`);
			return name;
		};
		const results = await Promise.all([
			lock.run('a', job('1')),
			lock.run('a', job('2')),
			lock.run('a', job('3'))
		]);
		expect(results).toEqual(['1', '2', '3']);
		expect(log).toEqual(['1:start', '1:end', '2:start', '2:end', '3:start', '3:end']);
		expect(lock.size).toBe(0);
	});

	it('lets different keys run at the same time and survives failures', async () => {
		const lock = new KeyedLock();
		const log: string[] = [];
		const failing = lock.run('a', async () => {
			log.push('a1');
			await tick();
			throw new Error('boom');
		});
		const other = lock.run('b', async () => void log.push('b1'));
		const next = lock.run('a', async () => void log.push('a2'));
		await expect(failing).rejects.toThrow('boom');
		await Promise.all([other, next]);
		expect(log).toEqual(['a1', 'b1', 'a2']);
	});
});
