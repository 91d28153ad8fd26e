import {
	expect,
	fillQueja,
	filedRequests,
	PACK_SEGMENT,
	serverContentIds,
	deviceContentIds,
	test,
	waitForPack
} from './fixtures';

test('a server killed during a sync and started again: pull and outbox resume by themselves', async ({
	page,
	faults,
	stack
}) => {
	// The pull's first segment is held at the proxy; meanwhile the server dies.
	const held = faults.stallNext(PACK_SEGMENT, { method: 'GET' });
	await page.goto('/formularios/queja');
	await held.reached;
	await stack.killServer();
	held.release();

	// With the server down, a request is queued: its first attempt fails.
	await fillQueja(page, `Servidor reiniciado ${Date.now()}`);
	await page.getByRole('button', { name: 'Enviar solicitud' }).click();
	await expect(page).toHaveURL(/\/mis-solicitudes\?nueva=/);
	const id = new URL(page.url()).searchParams.get('nueva')!;
	await expect(page.getByTestId('codigo-provisional')).toBeVisible();
	await expect
		.poll(
			() => faults.log.filter((e) => e.path === '/api/solicitudes' && e.status === 'reset').length
		)
		.toBeGreaterThan(0);

	await stack.startServer();

	// Nothing is clicked and the browser never went offline: both resume on their own.
	await expect(page.getByTestId('radicado').first()).toHaveText(/^PG-\d{4}-\d{6}$/, {
		timeout: 40_000
	});
	await waitForPack(page, 40_000);
	expect((await filedRequests(stack)).filter((r) => r.id === id)).toHaveLength(1);
	expect(await deviceContentIds(page)).toEqual(await serverContentIds(stack));
});
