import {
	deviceContentIds,
	expect,
	fillQueja,
	filedRequests,
	PACK_SEGMENT,
	serverContentIds,
	test,
	waitForPack
} from './fixtures';

test('a content pull cut halfway resumes by itself and stores every document once', async ({
	page,
	faults,
	stack
}) => {
	// The pack's first segment (the essentials) is cut after 4 KB of its compressed answer.
	const cut = faults.cutNextResponse(PACK_SEGMENT, { method: 'GET', afterBytes: 4096 });
	await page.goto('/');
	await cut;
	// No reload, no "online" event: the app retries on its own.
	await waitForPack(page);
	expect(faults.log).toContainEqual({
		method: 'GET',
		path: expect.stringMatching(PACK_SEGMENT),
		status: 'cut'
	});

	const device = await deviceContentIds(page);
	expect(new Set(device).size).toBe(device.length);
	expect(device).toEqual(await serverContentIds(stack));
	await page.goto('/guardado');
	await expect(page.getByTestId('pack-count')).toHaveText(String(device.length));
});

test('a request whose answer is lost is sent again and filed once, with the same radicado', async ({
	page,
	faults,
	stack
}) => {
	await page.goto('/formularios/queja');
	await fillQueja(page, `Respuesta perdida ${Date.now()}`);
	// The server receives and files the request; the device never hears back.
	const lost = faults.cutNextResponse('/api/solicitudes', { method: 'POST', afterBytes: 0 });
	await page.getByRole('button', { name: 'Enviar solicitud' }).click();
	await expect(page).toHaveURL(/\/mis-solicitudes\?nueva=/);
	const id = new URL(page.url()).searchParams.get('nueva')!;
	await lost;
	const onServer = (await filedRequests(stack)).filter((r) => r.id === id);
	expect(onServer).toHaveLength(1);

	// The outbox retries by itself and gets the receipt of the request already filed.
	await expect(page.getByTestId('radicado').first()).toHaveText(onServer[0]!.radicado, {
		timeout: 30_000
	});
	expect(faults.log.filter((e) => e.method === 'POST' && e.path === '/api/solicitudes')).toEqual([
		{ method: 'POST', path: '/api/solicitudes', status: 'cut' },
		{ method: 'POST', path: '/api/solicitudes', status: 200 }
	]);
	expect((await filedRequests(stack)).filter((r) => r.id === id)).toHaveLength(1);
	await expect(page.getByTestId('codigo-provisional')).toHaveCount(0);
});
