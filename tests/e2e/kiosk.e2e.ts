import { expect, test, type Page } from '@playwright/test';
import { E2E_ADMIN, expectAxeClean, signIn, waitForOfflineReady } from './helpers';
import { setOffline } from '../helpers/network-state';

/**
 * The kiosk's timeouts (seconds) as its administrator sets them. The kiosk's clock is
 * Playwright's, moved forward by the test, so nothing waits for them in real time: the idle
 * time is longer than any pause between the journey's steps on a busy machine (with 10 s real
 * seconds, the warning once opened during a traced CI retry and blocked a click), and the
 * countdown longer than an accessibility scan of it.
 */
const IDLE_S = 300;
const COUNTDOWN_S = 60;

/**
 * Everything the device stores, as text: every IndexedDB database, store and row (Blobs and
 * binary data decoded as Latin-1, so nothing escapes the scan), every Cache Storage entry's URL
 * and body, localStorage and sessionStorage. `public` holds what is public by construction (the
 * precache built before any citizen came, the content replica); the PIN, six digits, is only
 * looked for outside it, where a random number could appear by chance in code or content.
 */
async function deviceStorage(
	page: Page
): Promise<{ all: string; personal: string; dbs: string[] }> {
	return page.evaluate(async () => {
		const latin1 = (bytes: Uint8Array) => Array.from(bytes, (b) => String.fromCharCode(b)).join('');
		async function text(value: unknown, depth = 0): Promise<string> {
			if (value === null || value === undefined || depth > 30) return '';
			if (value instanceof Blob) return latin1(new Uint8Array(await value.arrayBuffer()));
			if (value instanceof ArrayBuffer) return latin1(new Uint8Array(value));
			if (ArrayBuffer.isView(value)) return latin1(new Uint8Array(value.buffer));
			if (Array.isArray(value))
				return (await Promise.all(value.map((v) => text(v, depth + 1)))).join('\n');
			if (typeof value === 'object') {
				const parts = await Promise.all(
					Object.entries(value).map(async ([k, v]) => `${k}=${await text(v, depth + 1)}`)
				);
				return parts.join('\n');
			}
			return String(value);
		}
		const req = <T>(r: IDBRequest<T>) =>
			new Promise<T>((resolve, reject) => {
				r.onsuccess = () => resolve(r.result);
				r.onerror = () => reject(r.error);
			});
		let all = '';
		let personal = '';
		const names: string[] = [];
		for (const { name } of await indexedDB.databases()) {
			if (!name) continue;
			names.push(name);
			const db = await req(indexedDB.open(name));
			let dump = `# idb ${name}\n`;
			for (const store of Array.from(db.objectStoreNames)) {
				const rows = await req(db.transaction(store).objectStore(store).getAll());
				dump += `## ${store}\n${await text(rows)}\n`;
			}
			db.close();
			all += dump;
			if (name !== '_pouch_ventanilla-contenido') personal += dump;
		}
		for (const cacheName of await caches.keys()) {
			const cache = await caches.open(cacheName);
			let dump = `# cache ${cacheName}\n`;
			for (const request of await cache.keys()) {
				const response = await cache.match(request);
				dump += `${request.url}\n${response ? await response.text() : ''}\n`;
			}
			all += dump;
			if (!cacheName.startsWith('workbox-precache')) personal += dump;
		}
		const webStorage = [localStorage, sessionStorage]
			.map((s) =>
				Array.from({ length: s.length }, (_, i) => `${s.key(i)}=${s.getItem(s.key(i)!)}`).join('\n')
			)
			.join('\n');
		return { all: all + webStorage, personal: personal + webStorage, dbs: names };
	});
}

async function fillPqrsd(page: Page, name: string, subject: string) {
	await page.getByLabel('Asunto').fill(subject);
	await page.locator('#campo_descripcion').fill('El alumbrado del parque lleva un mes apagado.');
	await page.getByLabel('Nombre completo').fill(name);
	await page.getByLabel('Número de documento').fill('1122334455');
	await page.getByLabel(/Autorizo el tratamiento/).check();
}

test('a kiosk session files a PQRSD, prints its receipt, times out and leaves no trace; offline filings are sealed', async ({
	browser,
	page,
	context
}, testInfo) => {
	test.setTimeout(240_000);

	// The administrator registers the kiosk (in another browser: the kiosk never holds a session).
	const admin = await browser.newContext({ baseURL: testInfo.project.use.baseURL });
	const adminPage = await admin.newPage();
	await signIn(adminPage, E2E_ADMIN.username, E2E_ADMIN.password);
	await adminPage.goto('/gestion/kioscos');
	await adminPage.getByLabel('Nombre del kiosco').fill('Kiosco de prueba');
	await adminPage.getByLabel('Lugar').fill('Alcaldía, primer piso');
	await adminPage.getByLabel('Segundos sin uso antes del aviso').fill(String(IDLE_S));
	await adminPage.getByLabel('Segundos de cuenta regresiva del aviso').fill(String(COUNTDOWN_S));
	await adminPage.getByRole('button', { name: 'Registrar kiosco' }).click();
	const code = (await adminPage.getByTestId('codigo').textContent())!.trim();
	expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
	await expectAxeClean(adminPage);
	await admin.close();

	// The kiosk device activates itself with the code. Its clock runs as usual until moved on.
	await context.clock.install();
	await page.goto('/kiosco/activar');
	await expectAxeClean(page);
	await page.getByLabel('Código de activación').fill(code);
	await page.getByRole('button', { name: 'Activar kiosco' }).click();
	await expect(page).toHaveURL(/\/$/, { timeout: 30_000 });
	await expect(page.locator('html')).toHaveClass(/kiosco/);
	await expect(page.getByTestId('terminar')).toBeVisible();
	await waitForOfflineReady(page);

	await test.step('the kiosk layout has no way out of the portal', async () => {
		const origin = new URL(page.url()).origin;
		const hrefs = await page
			.locator('a[href]')
			.evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
		expect(hrefs.filter((h) => !h.startsWith(origin))).toEqual([]);
		expect(await page.locator('a[target=_blank]').count()).toBe(0);
		await expect(page.locator('a[href^="/gestion"]:visible')).toHaveCount(0);
		// External links stay as text, with their address shown after them (CSS `attr()`).
		const govco = page.locator('a[data-direccion="www.gov.co/home/"]').first();
		await expect(govco).toBeVisible();
		expect(await govco.getAttribute('href')).toBeNull();
		expect(await govco.evaluate((a) => getComputedStyle(a, '::after').content)).toContain(
			'www.gov.co/home/'
		);
		// What only a personal phone needs is not shown on a shared screen.
		await expect(page.getByRole('link', { name: 'Read this portal in English' })).toBeHidden();
		await expect(page.locator('a[href="/mis-solicitudes"]:visible')).toHaveCount(0);
		await expect(page.locator('a[href="/guardado"]:visible')).toHaveCount(0);
		await expect(page.getByText(/guardado en su celular/)).toBeHidden();
		const end = await page.getByTestId('terminar').boundingBox();
		expect(end!.height).toBeGreaterThanOrEqual(56);
		await expectAxeClean(page);
		// On the portrait panel: text for arm's length, and lines that use the width.
		await page.setViewportSize({ width: 1080, height: 1920 });
		const lead = page.locator('main .lead').first();
		expect(await lead.evaluate((p) => parseFloat(getComputedStyle(p).fontSize))).toBeGreaterThan(
			22
		);
		expect((await lead.boundingBox())!.width).toBeGreaterThan(1080 * 0.75);
		await page.setViewportSize({ width: 1280, height: 720 });
	});

	const citizen = `Citlali Kioscoprueba ${Date.now()}`;
	let radicado = '';
	let pin = '';
	await test.step('a citizen files a PQRSD and gets a printable receipt', async () => {
		await page.goto('/formularios/queja');
		await fillPqrsd(page, citizen, 'Alumbrado del parque');
		await page.getByRole('button', { name: /Enviar solicitud/ }).click();
		await expect(page).toHaveURL(/\/kiosco\/recibo$/);
		await expect(page.getByTestId('radicado')).toHaveText(/^PG-\d{4}-\d{6}$/, { timeout: 20_000 });
		radicado = (await page.getByTestId('radicado').textContent())!.trim();
		pin = (await page.getByTestId('pin').textContent())!.trim();
		expect(pin).toMatch(/^\d{6}$/);
		await expect(page.getByTestId('plazo')).toContainText('15 días hábiles');
		await expect(page.getByRole('img', { name: /Código QR/ })).toBeVisible();
		await expect(page.getByTestId('emisor')).toContainText('Alcaldía Municipal de Puerto Guzmán');
		await expect(page.getByTestId('emisor')).toContainText('Conmutador');
		await expect(page.getByTestId('impreso')).toContainText(/Impreso el \d/);
		await expectAxeClean(page);

		await page.emulateMedia({ media: 'print' });
		await expect(page.getByTestId('recibo')).toBeVisible();
		await expect(page.getByTestId('terminar')).toBeHidden();
		await testInfo.attach('recibo-impreso', {
			body: await page.screenshot({ fullPage: true }),
			contentType: 'image/png'
		});
		await page.emulateMedia({ media: 'screen' });
		await page.evaluate(() => {
			(window as unknown as { printed: number }).printed = 0;
			window.print = () => void (window as unknown as { printed: number }).printed++;
		});
		await page.getByTestId('imprimir').click();
		expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
		// The QR code leads to tracking with the radicado and never the PIN.
		const qr = await page.getByRole('img', { name: /Código QR/ }).innerHTML();
		expect(qr).toContain('<svg');
	});

	await test.step('inactivity shows a countdown, then the session ends by itself', async () => {
		// Cookies the page's script cannot remove (HttpOnly): the consulta and receipt keys a
		// citizen's visit leaves. The server removes them when the session ends.
		const domain = new URL(page.url()).hostname;
		await context.addCookies(
			[
				{ name: 'ventanilla_dispositivo', path: '/' },
				{ name: 'ventanilla_recibo', path: '/formularios' }
			].map((cookie) => ({
				...cookie,
				value: 'k'.repeat(43),
				domain,
				httpOnly: true,
				sameSite: 'Lax' as const
			}))
		);
		const countdown = page.getByTestId('cuenta-regresiva');
		await page.clock.fastForward((IDLE_S - 1) * 1000);
		await expect(countdown).toBeHidden();
		await page.clock.fastForward(2000);
		await expect(countdown).toBeVisible();
		await expect(countdown).toContainText(/La sesión terminará en \d+ s/);
		// Its two choices are touch targets for a finger at arm's length.
		for (const name of ['Continuar', 'Sí, terminar']) {
			const box = await page.getByRole('dialog').getByRole('button', { name }).boundingBox();
			expect(box!.height, name).toBeGreaterThanOrEqual(56);
		}
		await expectAxeClean(page);
		await page.clock.fastForward(COUNTDOWN_S * 1000);
		await page.waitForURL((url) => url.pathname === '/');
		await expect(page.getByTestId('terminar')).toBeVisible();
	});

	await test.step('a kiosk reset waits for the next person; any page load mid-session starts the idle time', async () => {
		const countdown = page.getByTestId('cuenta-regresiva');
		// Reset and untouched: nobody to protect, so no countdown however long it waits. Each jump
		// passes the idle time but not the countdown, so a timer running by mistake would show its
		// warning right after either of them (the second covers a timer started late).
		await page.waitForLoadState('networkidle');
		for (let jump = 0; jump < 2; jump++) {
			await page.clock.fastForward((IDLE_S + 1) * 1000);
			await expect(countdown).toBeHidden();
			await page.waitForTimeout(500);
		}
		await expect(page).toHaveURL((url) => url.pathname === '/');
		// Someone touches it, then a page is loaded (a reload, an address typed) and left alone.
		await page.locator('main h1').click();
		await page.reload();
		await expect(page.getByTestId('terminar')).toBeVisible();
		// The idle time starts when the kiosk has started, a moment after the page shows.
		await expect(async () => {
			if (!(await countdown.isVisible())) await page.clock.fastForward((IDLE_S + 1) * 1000);
			await expect(countdown).toBeVisible({ timeout: 2_000 });
		}).toPass({ timeout: 20_000 });
		await page.getByRole('button', { name: 'Continuar' }).click();
		await expect(countdown).toBeHidden();
	});

	await test.step('the next session finds no trace of the first citizen', async () => {
		const body = await page.locator('body').innerText();
		for (const secret of [citizen, radicado, pin]) expect(body).not.toContain(secret);
		await page.goto('/mis-solicitudes');
		const list = await page.locator('main').innerText();
		for (const secret of [citizen, radicado, pin]) expect(list).not.toContain(secret);
		const cookies = (await context.cookies()).map((c) => c.name);
		expect(cookies).toContain('ventanilla_kiosco');
		expect(cookies).not.toContain('ventanilla_dispositivo');
		expect(cookies).not.toContain('ventanilla_recibo');
		const stored = await deviceStorage(page);
		console.info(`kiosk storage after reset: databases ${stored.dbs.join(', ')}`);
		expect(stored.all).not.toContain(citizen);
		expect(stored.all).not.toContain(radicado);
		expect(stored.personal).not.toMatch(new RegExp(`(^|[^0-9A-Za-z])${pin}([^0-9A-Za-z]|$)`));
	});

	await test.step('offline, a filing is queued sealed and syncs by itself when online', async () => {
		await page.goto('/');
		await waitForOfflineReady(page);
		await setOffline(context, true);
		const offlineCitizen = `Yaku Selladoprueba ${Date.now()}`;
		await page.goto('/formularios/peticion-general');
		await fillPqrsd(page, offlineCitizen, 'Vía a la vereda');
		await page.getByRole('button', { name: /Guardar y enviar cuando haya conexión/ }).click();
		await expect(page).toHaveURL(/\/kiosco\/recibo$/);
		const provisional = (await page.getByTestId('codigo-provisional').textContent())!.trim();
		expect(provisional).toMatch(/^PEND-[0-9A-F]{8}$/);
		const offlinePin = (await page.getByTestId('pin').textContent())!.trim();
		const stored = await deviceStorage(page);
		expect(stored.all).not.toContain(offlineCitizen);
		expect(stored.all).not.toContain('Vía a la vereda');

		// The citizen leaves before it is sent: the next person finds nothing of it, not even its
		// provisional code or that something waits (#14), and it is still sent in the background.
		await page.getByTestId('terminar').click();
		await page.getByRole('button', { name: 'Sí, terminar' }).click();
		await page.waitForURL((url) => url.pathname === '/');
		await page.goto('/mis-solicitudes');
		await expect(page.getByText('No hay solicitudes pendientes de enviar.')).toBeVisible();
		const shown = await page.locator('body').innerText();
		expect(shown).not.toContain(provisional);
		expect(shown).not.toContain('Solicitud protegida en espera de envío');
		expect(shown).not.toMatch(/\d+ pendientes? de enviar/);

		await setOffline(context, false);
		await expect(async () => {
			const tracked = await page.request.post('/api/seguimiento', {
				data: { items: [{ radicado: provisional, pin: offlinePin }] }
			});
			const items = ((await tracked.json()) as { items: Array<{ radicado: string } | null> }).items;
			expect(items[0]?.radicado).toMatch(/^PG-\d{4}-\d{6}$/);
		}).toPass({ timeout: 30_000 });
		// Sent: nothing of it stays queued on the kiosk.
		await expect(async () =>
			expect((await deviceStorage(page)).personal).toMatch(/## outbox\n+## requests\n/)
		).toPass({ timeout: 10_000 });
	});

	await test.step('a browser restarted mid-session greets the next person with nothing of the last one', async () => {
		const writer = `Wayra Reiniciada ${Date.now()}`;
		await page.goto('/formularios/queja');
		await fillPqrsd(page, writer, 'Escrito antes del corte de luz');
		await expect(page.getByText(/Borrador guardado en este dispositivo/)).toBeVisible();
		// A power cut: the browser comes back with its cookies and IndexedDB, not sessionStorage.
		const kept = await context.storageState({ indexedDB: true });
		const restarted = await browser.newContext({
			baseURL: testInfo.project.use.baseURL,
			storageState: kept
		});
		const next = await restarted.newPage();
		await next.goto('/formularios/queja');
		await expect(next).toHaveURL((url) => url.pathname === '/');
		await next.goto('/formularios/queja');
		await expect(next.getByLabel('Nombre completo')).toHaveValue('');
		await expect(next.getByText('Recuperamos lo que había escrito.')).toHaveCount(0);
		await next.goto('/mis-solicitudes');
		await expect(next.getByText('No hay solicitudes pendientes de enviar.')).toBeVisible();
		expect(await next.locator('body').innerText()).not.toContain('Escrito antes del corte de luz');
		expect((await deviceStorage(next)).all).not.toContain(writer);
		await restarted.close();
	});
});
