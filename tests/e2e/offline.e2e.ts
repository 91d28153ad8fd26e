import { expect, test, type Page, type Route } from '@playwright/test';
import { collectErrors, waitForAppStart, waitForOfflineReady } from './helpers';
import { setOffline } from '../helpers/network-state';

/**
 * Sends the segments of the offline pack that are not essentials through `handle` (a link that
 * dies half way, or a slow one).
 */
async function routePackRest(page: Page, handle: (route: Route) => Promise<void>) {
	const rest = new Set<string>();
	await page.route('**/api/sync/paquete', async (route) => {
		const response = await route.fetch();
		const manifest = (await response.json()) as {
			segments: Array<{ href: string; essentials: boolean }>;
		};
		for (const s of manifest.segments) if (!s.essentials) rest.add(s.href);
		await route.fulfill({ response, json: manifest });
	});
	await page.route((url) => rest.has(url.pathname), handle);
}

test.describe('reading the portal offline', () => {
	test('after the first visit, pages never visited open offline, search works, reload works', async ({
		page,
		context
	}) => {
		const errors = collectErrors(page);
		const workerFetches: string[] = [];
		context.on('request', (r) => {
			if (r.serviceWorker()) workerFetches.push(new URL(r.url()).pathname);
		});
		await page.goto('/');
		await waitForOfflineReady(page);
		// The app's code came in two downloads, not file by file: the precache bundle at install,
		// then the code of the pages cached after it (news, normas: /normativa below).
		expect(
			workerFetches.filter((p) => /^\/_app\/immutable\/precache\.\w+\.json$/.test(p))
		).toHaveLength(1);
		expect(
			workerFetches.filter((p) => /^\/_app\/immutable\/precache-despues\.\w+\.json$/.test(p))
		).toHaveLength(1);
		expect(
			workerFetches.filter((p) => /^\/_app\/immutable\/(chunks|nodes|entry|assets)\//.test(p))
		).toEqual([]);

		await setOffline(context, true);
		await expect(page.getByText('Sin conexión. Está viendo lo que guardó')).toBeVisible();

		// A page never visited, reached by a link: rendered from the device's copy.
		await page
			.getByRole('navigation', { name: 'Menú principal' })
			.getByRole('link', { name: 'Transparencia' })
			.click();
		await expect(page.getByRole('heading', { level: 1 })).toContainText('Transparencia');
		await page.getByRole('link', { name: /4\.3 Plan de acción/ }).click();
		await expect(page.getByRole('heading', { level: 1 })).toContainText('Plan de acción');

		// Search over the device's index, forgiving spelling as the server's does.
		await page
			.getByRole('searchbox', { name: 'Buscar en el portal' })
			.fill('sertificado recidencia');
		await page.getByRole('button', { name: 'Buscar' }).first().click();
		await expect(
			page.getByRole('link', { name: /^Certificado de residencia/i }).first()
		).toBeVisible();
		await expect(page.getByText(/Búsqueda en este dispositivo/)).toBeVisible();

		// A deep link typed or opened from elsewhere, never visited: the offline shell renders it.
		await page.goto('/normativa');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Normativa');
		await page.goto('/tramites/licencia-de-construccion');
		await expect(page.getByRole('heading', { name: 'Requisitos' })).toBeVisible();
		await expect(page.getByText('Leído desde este dispositivo')).toBeVisible();

		// Reload while offline.
		await page.reload();
		await expect(page.getByRole('heading', { name: 'Requisitos' })).toBeVisible();

		expect(errors).toEqual([]);
	});

	test('the language switch works with no signal, on pages stored in the other language', async ({
		page,
		context
	}) => {
		const errors = collectErrors(page);
		await page.goto('/tramites');
		await waitForOfflineReady(page);
		await page.reload();
		// The switch's script, not its plain link: offline, the link's server route cannot answer
		// (a tap before the scripts start gets the browser's own offline page).
		await waitForAppStart(page);
		await setOffline(context, true);

		await page.getByRole('link', { name: 'Read this portal in English' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Procedures and services');
		await expect(page.locator('html')).toHaveAttribute('lang', 'en');
		await expect(page.getByRole('searchbox', { name: 'Search the portal' })).toBeVisible();
		await expect(page.getByRole('link', { name: 'Lee este portal en español' })).toBeVisible();
		await page.goto('/tramites/certificado-de-residencia');
		await expect(page.getByRole('heading', { name: 'Requirements' })).toBeVisible();
		await expect(page.locator('html')).toHaveAttribute('lang', 'en');

		await page.getByRole('link', { name: 'Lee este portal en español' }).click();
		await expect(page.getByRole('heading', { name: 'Requisitos' })).toBeVisible();
		await page.goto('/tramites');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Trámites y servicios');

		// The link itself, as a tap before the scripts start follows it: the worker switches.
		await page.goto('/idioma/en?volver=%2Ftramites');
		await expect(page).toHaveURL(/\/tramites$/);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Procedures and services');
		await expect(page.locator('html')).toHaveAttribute('lang', 'en');
		expect(errors).toEqual([]);
	});

	test('with nothing saved yet, the status line does not claim the page comes from the device', async ({
		page,
		context
	}) => {
		await page.route('**/api/sync/contenido**', (route) => route.abort());
		await page.goto('/tramites');
		await expect(page.getByText('Aún no disponible sin señal')).toBeVisible();
		await setOffline(context, true);
		await expect(page.getByRole('status').filter({ hasText: 'Sin conexión' })).toBeVisible();
		await expect(page.getByText('Está viendo lo que guardó')).toHaveCount(0);
		await expect(page.getByText('Aún no disponible sin señal')).toBeVisible();
	});

	test('on a first visit the essentials are offline before the rest of the portal has arrived', async ({
		page,
		context
	}) => {
		// The rest of the pack is held back (a link that dies half way): only the essentials'
		// segments get through (or, while the server still builds its pack, their feed).
		await routePackRest(page, (route) => route.abort());
		await page.route(
			(url) => url.pathname === '/api/sync/contenido/_changes' && !url.searchParams.has('filter'),
			(route) => route.abort()
		);
		await page.goto('/');
		await expect(page.getByRole('link', { name: 'Lo esencial está guardado' })).toBeVisible({
			timeout: 60_000
		});
		await page.waitForFunction(() => navigator.serviceWorker?.controller != null, null, {
			timeout: 60_000
		});

		await setOffline(context, true);
		await expect(page.getByText('Sin conexión. Está viendo lo que guardó')).toBeVisible();
		await page.goto('/tramites/certificado-de-residencia');
		await expect(page.getByRole('heading', { name: 'Requisitos' })).toBeVisible();
		await expect(page.getByText('Leído desde este dispositivo')).toBeVisible();
		await page.goto('/informacion/canales-de-atencion');
		await expect(page.getByRole('heading', { level: 1 })).toContainText(
			'Canales y horarios de atención'
		);
		// The news had not arrived: said plainly.
		await page.goto('/noticias/nuevo-portal-ventanilla');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(
			/no está guardada en su dispositivo/
		);

		await page.goto('/guardado');
		await expect(page.getByTestId('pack-essentials')).toHaveText(/\d{4}/);
		await expect(page.getByTestId('pack-count')).toHaveText('0');
	});

	test('on a first visit the status line says what it saves and how much, never 100 % before the end', async ({
		page
	}) => {
		// A slow link: each segment after the essentials takes a second more.
		await routePackRest(page, async (route) => {
			const response = await route.fetch();
			await new Promise((resolve) => setTimeout(resolve, 1_000));
			await route.fulfill({ response });
		});
		await page.addInitScript(() => {
			const seen: string[] = ((window as unknown as { seen: string[] }).seen = []);
			new MutationObserver(() => {
				const text = document.querySelector('.status .pack')?.textContent?.trim();
				if (text && text !== seen.at(-1)) seen.push(text);
			}).observe(document, { subtree: true, childList: true, characterData: true });
		});
		await page.goto('/');
		await expect(page.getByRole('link', { name: /^Guardado el / })).toBeVisible({
			timeout: 60_000
		});
		const seen = await page.evaluate(() => (window as unknown as { seen: string[] }).seen);
		const percents = seen
			.map((text) => /^Lo esencial está guardado; todo el portal: (\d+) %$/.exec(text)?.[1])
			.filter((p) => p !== undefined)
			.map(Number);
		expect(seen, 'the line said what it was doing').toContain('Guardando lo esencial…');
		expect(percents.length, `percentages shown: ${seen.join(' → ')}`).toBeGreaterThan(0);
		expect(percents).toEqual([...percents].sort((a, b) => a - b));
		expect(Math.max(...percents)).toBeLessThan(100);
	});

	test.describe('with the signal lost before the app is stored on the phone', () => {
		// No service worker yet: it had not finished installing when the signal went.
		test.use({ serviceWorkers: 'block' });

		test('a page not yet saved says so in Spanish, not "something went wrong"', async ({
			page,
			context
		}) => {
			await page.route('**/api/sync/**', (route) => route.abort());
			await page.goto('/');
			await page.locator('html[data-iniciada]').waitFor({ state: 'attached' });
			await setOffline(context, true);
			await page
				.getByRole('navigation', { name: 'Menú principal' })
				.getByRole('link', { name: 'Transparencia' })
				.click();
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(
				'Esta página no está guardada en su dispositivo'
			);
			await expect(
				page.getByText('No hay conexión y esta página aún no se ha guardado.')
			).toBeVisible();
		});
	});

	test('a page that is not saved says so in Spanish instead of failing', async ({
		page,
		context
	}) => {
		await page.goto('/');
		await waitForOfflineReady(page);
		await setOffline(context, true);
		await page.goto('/tramites/no-existe-este-tramite');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(
			/no está guardada en su dispositivo|No encontramos esta página/
		);
	});

	test('the saved-content page shows what is stored, its size and storage persistence', async ({
		page
	}) => {
		await page.goto('/guardado');
		await waitForOfflineReady(page);
		const count = Number(await page.getByTestId('pack-count').textContent());
		expect(count).toBeGreaterThan(50);
		await expect(page.getByTestId('persistence')).not.toBeEmpty();
		// Nothing changed on the server: the search index stays as it is (no worker rebuilds it).
		const rebuilds: string[] = [];
		page.on('request', (r) => {
			if (r.url().includes('search-index.worker')) rebuilds.push(r.url());
		});
		await page.getByRole('button', { name: 'Actualizar ahora' }).click();
		await expect(page.getByText(/Listo: \d+ contenidos guardados/)).toBeVisible();
		await expect(page.getByText(`Listo: ${count} contenidos guardados`)).toBeVisible();
		expect(rebuilds).toEqual([]);
	});
});
