import { deviceRows, expect, fillQueja, filedRequests, test, waitForPack } from './fixtures';

/** Fills IndexedDB with 256 KB blobs in a scratch database until the browser refuses one. */
async function fillStorage(page: import('@playwright/test').Page) {
	return page.evaluate(async () => {
		const db = await new Promise<IDBDatabase>((resolve, reject) => {
			const open = indexedDB.open('relleno-de-pruebas', 1);
			open.onupgradeneeded = () => open.result.createObjectStore('relleno');
			open.onsuccess = () => resolve(open.result);
			open.onerror = () => reject(open.error);
		});
		const put = (key: number, size: number) =>
			new Promise<boolean>((resolve) => {
				const tx = db.transaction('relleno', 'readwrite');
				tx.objectStore('relleno').put(new Uint8Array(size).fill(key % 251), key);
				tx.oncomplete = () => resolve(true);
				tx.onabort = () => resolve(false);
			});
		let stored = 0;
		while (stored < 200 && (await put(stored, 256 * 1024))) stored++;
		db.close();
		return stored;
	});
}

// FIXME: in Debian's Chromium 156 (headless), `Storage.overrideQuotaForOrigin` did not make
// IndexedDB writes fail here, even with the quota pinned to the usage after filling: a 1 MB
// draft write still succeeded, so the app's "storage full" message (RequestForm.svelte,
// `form_draft_not_saved`) cannot be reached this way yet. Kept as the scenario to finish.
test.fixme('with storage full, a draft change says so in Spanish and nothing already saved is lost', async ({
	page,
	context,
	stack
}) => {
	await page.goto('/formularios/queja');
	await waitForPack(page);

	// One request waiting in the outbox (filled offline) and one draft of another form.
	await context.setOffline(true);
	const subject = `Con el almacenamiento lleno ${Date.now()}`;
	await fillQueja(page, subject);
	await page.getByRole('button', { name: /Guardar y enviar cuando haya conexión/ }).click();
	await expect(page).toHaveURL(/\/mis-solicitudes\?nueva=/);
	const id = new URL(page.url()).searchParams.get('nueva')!;
	await page.goto('/formularios/peticion-general');
	await page.getByLabel('Asunto').fill('Borrador anterior al lleno');
	await expect(page.getByText(/Borrador guardado en este dispositivo/)).toBeVisible();

	// The browser grants this origin only a little more than it already uses; then fill it.
	const cdp = await context.newCDPSession(page);
	const { usage } = await page.evaluate(() => navigator.storage.estimate());
	await cdp.send('Storage.overrideQuotaForOrigin', {
		origin: new URL(page.url()).origin,
		quotaSize: (usage ?? 0) + 4 * 1024 * 1024
	});
	expect(await fillStorage(page)).toBeGreaterThan(0);
	// Chromium leaves slack under the quota that small writes still fit in: pin the quota to
	// what is now used, so the storage is full for writes of any size.
	const full = await page.evaluate(() => navigator.storage.estimate());
	await cdp.send('Storage.overrideQuotaForOrigin', {
		origin: new URL(page.url()).origin,
		quotaSize: full.usage ?? 0
	});

	// The citizen attaches a 1 MB document: the draft with it no longer fits.
	await page.locator('input[type=file]').setInputFiles({
		name: 'acta.pdf',
		mimeType: 'application/pdf',
		buffer: Buffer.from(`%PDF-1.4\n${' '.repeat(1_000_000)}`)
	});
	await expect(page.getByText('acta.pdf')).toBeVisible();
	await expect(page.getByRole('alert').filter({ hasText: 'almacenamiento' })).toContainText(
		'No se pudo guardar el borrador: el almacenamiento de este dispositivo está lleno'
	);
	const drafts = await deviceRows<{ values: Record<string, string> }>(page, 'drafts');
	expect(drafts.map((d) => d.values.asunto)).toEqual(['Borrador anterior al lleno']);
	expect((await deviceRows<{ id: string }>(page, 'outbox')).map((o) => o.id)).toEqual([id]);

	// Space freed and the link back: the draft saves again and the request is filed once.
	await page.evaluate(
		() =>
			new Promise((resolve) => {
				const del = indexedDB.deleteDatabase('relleno-de-pruebas');
				del.onsuccess = del.onerror = del.onblocked = () => resolve(null);
			})
	);
	await page.getByLabel('Asunto').fill('Borrador después de liberar espacio');
	await expect(page.getByTestId('borrador-no-guardado')).toHaveCount(0);
	await expect
		.poll(async () =>
			(await deviceRows<{ attachments: unknown[] }>(page, 'drafts')).map(
				(d) => d.attachments.length
			)
		)
		.toEqual([1]);
	await context.setOffline(false);
	await page.goto('/mis-solicitudes');
	await expect(page.getByTestId('radicado').first()).toHaveText(/^PG-\d{4}-\d{6}$/, {
		timeout: 30_000
	});
	expect((await filedRequests(stack)).filter((r) => r.id === id)).toHaveLength(1);
	await cdp.send('Storage.overrideQuotaForOrigin', { origin: new URL(page.url()).origin });
});
