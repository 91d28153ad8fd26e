import AxeBuilder from '@axe-core/playwright';
import { expect, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import { onlineOnlyContext } from './online-only';
import { laterCodeCached } from '../helpers/later-code.js';

/** The origin the page is on, for HTTP helpers that run beside the browser. */
export const baseUrl = (page: Page) => new URL(page.url()).origin;

/**
 * Files a petición through the API (the form itself is proven in pqrsd.e2e.ts): anonymous, or
 * identified by `applicant` (a cédula, the data policy accepted). Returns its radicado.
 */
export async function fileByApi(
	request: APIRequestContext,
	{
		applicant,
		values = { asunto: 'Vía en mal estado', descripcion: 'La vía a la vereda está cerrada.' },
		pin = '551903'
	}: { applicant?: Record<string, string>; values?: Record<string, string>; pin?: string } = {}
): Promise<string> {
	const who = applicant
		? {
				anonymous: false,
				applicant: { documentType: 'CC', ...applicant },
				consent: { accepted: true, policyVersion: '2026-12', acceptedAt: new Date().toISOString() }
			}
		: { anonymous: true };
	const filed = await request.post('/api/solicitudes', {
		data: {
			id: crypto.randomUUID(),
			form: 'peticion-general',
			capturedAt: new Date().toISOString(),
			...who,
			values,
			pin
		}
	});
	expect(filed.status()).toBe(201);
	return ((await filed.json()) as { radicado: string }).radicado;
}

/** Waits until the service worker controls the page and the offline pack is stored. */
export async function waitForOfflineReady(page: Page) {
	// 60 s: on a busy two-core CI machine the worker's install took over 30 s once (kiosk run).
	await page
		.waitForFunction(() => navigator.serviceWorker?.controller != null, null, { timeout: 60_000 })
		.catch(async (e: unknown) => {
			// Which step the worker stopped at says where to look (a hung or a failed install).
			const workers = await page.evaluate(async () => {
				const r = await navigator.serviceWorker.getRegistration();
				return `installing ${r?.installing?.state}, waiting ${r?.waiting?.state}, active ${r?.active?.state}`;
			});
			throw new Error(`service worker not in control of ${page.url()}: ${workers}`, { cause: e });
		});
	await page.waitForFunction(() => localStorage.getItem('ventanilla.paquete') !== null, null, {
		timeout: 30_000
	});
	// Attached, not visible: a kiosk hides the line (it speaks of a personal device's copy).
	await expect(page.getByText(/Guardado el /)).toBeAttached();
	expect(await laterCodeCached(page), 'code of the pages cached after the install').toBe(true);
}

/**
 * Waits until the page's scripts have started (`<html data-iniciada>`, set by the root layout):
 * before that, a file chosen in a form is not yet checked by the page (see #14).
 */
export async function waitForAppStart(page: Page) {
	// The root layout marks it on mount, after the page's own components (children mount first).
	// (Not the service worker's registration: an async predicate's promise is truthy at once, and
	// online-only devices never register.)
	await page.locator('html[data-iniciada]').waitFor({ state: 'attached' });
}

/**
 * A slow link: the page's HTML arrives but its scripts are held back until `release()`, which
 * then waits until the page has started.
 */
export async function holdScripts(page: Page): Promise<{ release(): Promise<void> }> {
	let open!: () => void;
	const mayLoad = new Promise<void>((r) => (open = r));
	await page.route('**/_app/immutable/**', async (route) => {
		await mayLoad;
		await route.continue();
	});
	return {
		async release() {
			open();
			await waitForAppStart(page);
		}
	};
}

/**
 * A new device opening `path` on that slow link: the HTML is shown, the scripts held back. A
 * new context, because a page the service worker already controls gets its scripts at once; an
 * online-only one, as what is checked is the page's own start (a full device would install the
 * service worker and pull the offline copy meanwhile, for nothing).
 */
export async function openBeforeScripts(
	browser: Browser,
	path: string
): Promise<{ page: Page; release(): Promise<void> }> {
	const page = await (await onlineOnlyContext(browser)).newPage();
	const scripts = await holdScripts(page);
	await page.goto(path, { waitUntil: 'domcontentloaded' });
	return { page, release: scripts.release };
}

/** Console errors, minus the 404s PouchDB logs while looking for its checkpoints. */
export function collectErrors(page: Page): string[] {
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(e.message));
	page.on('console', (msg) => {
		if (msg.type() !== 'error') return;
		const text = msg.text();
		if (/404|_local|Failed to load resource|ERR_INTERNET_DISCONNECTED/.test(text)) return;
		errors.push(text);
	});
	return errors;
}

/** The first back-office administrator of the e2e server (playwright.config.ts). */
export const E2E_ADMIN = { username: 'admin.e2e', password: 'clave-e2e-admin-0001' };

/** Signs in on the back office through its form. */
export async function signIn(page: Page, username: string, password: string) {
	await page.goto('/gestion/ingresar');
	await page.getByLabel('Usuario').fill(username);
	await page.getByLabel('Contraseña').fill(password);
	await page.getByRole('button', { name: 'Ingresar' }).click();
	// Checking the password (scrypt) takes a while when the machine is busy.
	await expect(page.getByRole('button', { name: 'Cerrar sesión' })).toBeVisible({
		timeout: 15_000
	});
}

const checkPages = new Map<string, Promise<Page>>();

/**
 * One page per worker (and per account) for checks of what pages show (axe): the app starts once,
 * not once per page checked. An online-only device (`online-only.ts`), so
 * the app's install and offline copy do not compete with the checks; the journeys check those.
 */
export function checkPage(
	browser: Browser,
	account?: { username: string; password: string }
): Promise<Page> {
	const key = account?.username ?? '';
	let page = checkPages.get(key);
	if (!page) {
		page = (async () => {
			const context = await onlineOnlyContext(browser);
			const opened = await context.newPage();
			if (account) await signIn(opened, account.username, account.password);
			return opened;
		})();
		checkPages.set(key, page);
	}
	return page;
}

/** Creates an official's account through the users page, signed in as the e2e administrator. */
export async function createOfficial(
	page: Page,
	account: { username: string; name: string; role: string; dependencia?: string; password: string }
) {
	await signIn(page, E2E_ADMIN.username, E2E_ADMIN.password);
	await page.goto('/gestion/usuarios');
	await page.getByLabel('Usuario', { exact: true }).fill(account.username);
	await page.getByLabel('Nombre completo').fill(account.name);
	await page.getByLabel(account.role, { exact: true }).check();
	if (account.dependencia) await page.getByLabel('Dependencia').selectOption(account.dependencia);
	await page.getByLabel('Contraseña inicial').fill(account.password);
	await page.getByRole('button', { name: 'Crear cuenta' }).click();
	await expect(page.getByText(`Cuenta ${account.username} creada.`)).toBeVisible();
}

/** Fails with the rule and the elements when axe finds serious or critical WCAG 2.1 AA issues. */
export async function expectAxeClean(page: Page) {
	const results = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
		// axe.run in the page itself, instead of a run per frame finished in a second, blank
		// page: 0.6–0.9 s a scan instead of 1.4–2.3 s (same rules; ~45 scans per e2e run). The
		// portal has no cross-origin frames, the one case the default mode exists for.
		.setLegacyMode(true)
		.analyze();
	const serious = results.violations.filter((v) =>
		['serious', 'critical'].includes(v.impact ?? '')
	);
	expect(
		serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
	).toEqual([]);
}

/**
 * Waits until the device's saved draft of the form holds `subject` and the consent: the
 * "Borrador guardado" line appears at the first save, which may be before the last keystroke.
 */
export async function waitForSavedDraft(page: Page, subject: string) {
	const saved = () =>
		page.evaluate(
			(wanted) =>
				new Promise<boolean>((resolve) => {
					const open = indexedDB.open('ventanilla');
					open.onerror = () => resolve(false);
					open.onsuccess = () => {
						const db = open.result;
						if (!db.objectStoreNames.contains('drafts')) return resolve(false);
						const all = db.transaction('drafts').objectStore('drafts').getAll();
						all.onsuccess = () =>
							resolve(
								(all.result as Array<{ values: { asunto?: string }; consent: boolean }>).some(
									(d) => d.values.asunto === wanted && d.consent
								)
							);
						all.onerror = () => resolve(false);
					};
				}),
			subject
		);
	await expect.poll(saved, { timeout: 10_000, intervals: [200] }).toBe(true);
}

export { fillQueja } from '../helpers/queja-form';
