import { expect, test } from '@playwright/test';
import { E2E_ADMIN } from './helpers';
import { filedRequests } from '../helpers/as-official';

// Runs last (its own project, which depends on all the others): after every filing test, the server
// holds each request once: no id and no radicado twice, radicados consecutive from 1.
test('after the whole run every filed request is on the server exactly once', async ({
	baseURL
}) => {
	const items = await filedRequests(baseURL!, E2E_ADMIN);
	const total = items.length;
	console.info(`requests on the server after the e2e run: ${total}`);
	expect(new Set(items.map((i) => i.id)).size).toBe(total);
	const numbers = items.map((i) => Number(i.radicado.slice(-6))).sort((a, b) => a - b);
	expect(numbers).toEqual(numbers.map((_, i) => i + 1));
	expect(total).toBeGreaterThanOrEqual(3);
});
