/**
 * Under a burst, the app's answers to people come before the embedded store's work: the store's
 * process runs at a lower CPU priority than the app's (server/store-child.js). Linux only, as is
 * the server.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';

/** The nice value of a process or thread (`/proc/<id>/stat`, field 19). */
const niceOf = (id: string | number) => {
	const stat = readFileSync(`/proc/${id}/stat`, 'utf8');
	return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
};

describe('CPU priorities of the default start', () => {
	it('runs the embedded store below the app', () => {
		const app = inject('serverPid');
		const children = readFileSync(`/proc/${app}/task/${app}/children`, 'utf8')
			.trim()
			.split(/\s+/)
			.filter(Boolean);
		const store = children.find((pid) =>
			readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('store-process.js')
		);
		expect(store, 'el proceso del almacén').toBeDefined();
		expect(niceOf(store!)).toBe(Math.min(19, niceOf(app) + 10));
	});
});
