import { expect, test } from '@playwright/test';
import { ADMIN_TOKEN } from './helpers';

// Runs last (its own project, which depends on all the others): after every filing test, the server
// holds each request once: no id and no radicado twice, radicados consecutive from 1.
test('after the whole run every filed request is on the server exactly once', async ({
	request
}) => {
	const res = await request.get('/api/admin/solicitudes', {
		headers: { authorization: `Bearer ${ADMIN_TOKEN}` }
	});
	const { total, items } = (await res.json()) as {
		total: number;
		items: Array<{ id: string; radicado: string }>;
	};
	console.info(`requests on the server after the e2e run: ${total}`);
	expect(new Set(items.map((i) => i.id)).size).toBe(total);
	const numbers = items.map((i) => Number(i.radicado.slice(-6))).sort((a, b) => a - b);
	expect(numbers).toEqual(numbers.map((_, i) => i + 1));
	expect(total).toBeGreaterThanOrEqual(3);
});
