import {
	deviceContentIds,
	deviceRows,
	expect,
	fillQueja,
	filedRequests,
	PACK_SEGMENT,
	serverContentIds,
	test,
	waitForPack
} from './fixtures';

test('reloading the page in the middle of a content pull: the pull starts again and completes', async ({
	page,
	faults,
	stack
}) => {
	const held = faults.stallNext(PACK_SEGMENT, { method: 'GET' });
	await page.goto('/');
	await held.reached;
	await page.reload();
	held.release();
	await waitForPack(page);
	expect(await deviceContentIds(page)).toEqual(await serverContentIds(stack));
});

test('reloading while a request is being sent: it is filed once and the device gets its radicado', async ({
	page,
	faults,
	stack
}) => {
	await page.goto('/formularios/queja');
	await fillQueja(page, `Recarga durante el envío ${Date.now()}`);
	// The server files it, but its answer is held until the page has gone.
	const held = faults.stallNext('/api/solicitudes', { method: 'POST', phase: 'response' });
	await page.getByRole('button', { name: 'Enviar solicitud' }).click();
	await held.reached;
	await expect(page).toHaveURL(/\/mis-solicitudes\?nueva=/);
	const id = new URL(page.url()).searchParams.get('nueva')!;
	const outbox = await deviceRows<{ id: string; state: string }>(page, 'outbox');
	expect(outbox).toEqual([expect.objectContaining({ id, state: 'enviando' })]);

	await page.reload();
	held.release();

	const filed = (await filedRequests(stack)).filter((r) => r.id === id);
	expect(filed).toHaveLength(1);
	await expect(page.getByTestId('radicado').first()).toHaveText(filed[0]!.radicado, {
		timeout: 30_000
	});
	expect(await deviceRows(page, 'outbox')).toEqual([]);
	expect((await filedRequests(stack)).filter((r) => r.id === id)).toHaveLength(1);
});
