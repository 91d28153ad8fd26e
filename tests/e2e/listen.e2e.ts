import { type Page } from '@playwright/test';
import { expect, test } from './online-only';
import { expectAxeClean, waitForAppStart } from './helpers';

/**
 * A stand-in for the Web Speech API (headless Chromium has no voices): records what is spoken
 * and with which language, and lets the test finish each utterance as a voice would.
 */
function stubSpeech(page: Page, voices: Array<{ lang: string; name: string }>) {
	return page.addInitScript((list) => {
		type Utterance = { text: string; lang: string; onend?: () => void; onerror?: () => void };
		const w = window as unknown as Record<string, unknown>;
		const spoken: Array<{ text: string; lang: string }> = [];
		const calls: string[] = [];
		let current: Utterance | null = null;
		w.__spoken = spoken;
		w.__calls = calls;
		w.__finishAll = () => {
			while (current) {
				const u = current;
				current = null;
				u.onend?.();
			}
		};
		w.SpeechSynthesisUtterance = class {
			constructor(public text: string) {}
		};
		Object.defineProperty(window, 'speechSynthesis', {
			configurable: true,
			value: {
				getVoices: () => list.map((v) => ({ ...v, localService: true, default: false })),
				speak(u: Utterance) {
					spoken.push({ text: u.text, lang: u.lang });
					current = u;
				},
				pause: () => calls.push('pause'),
				resume: () => calls.push('resume'),
				cancel() {
					calls.push('cancel');
					const u = current;
					current = null;
					u?.onerror?.();
				},
				addEventListener() {},
				removeEventListener() {}
			}
		});
	}, voices);
}

const spoken = (page: Page) =>
	page.evaluate(
		() => (window as unknown as { __spoken: Array<{ text: string; lang: string }> }).__spoken
	);
const calls = (page: Page) =>
	page.evaluate(() => (window as unknown as { __calls: string[] }).__calls);

test('"Escuchar" reads a trámite aloud in Spanish, pauses, continues and stops, never by itself', async ({
	page
}) => {
	await stubSpeech(page, [
		{ lang: 'en-US', name: 'English' },
		{ lang: 'es-CO', name: 'Colombia' }
	]);
	await page.goto('/tramites/certificado-de-residencia');
	const listen = page.getByRole('button', { name: 'Escuchar' });
	await expect(listen).toBeVisible();
	await expectAxeClean(page);
	expect(await spoken(page)).toEqual([]);

	await listen.click();
	const [first] = await spoken(page);
	expect(first?.lang).toBe('es-CO');
	expect(first?.text).toMatch(/^Certificado de residencia\. Trámite\./);
	await page.getByRole('button', { name: 'Pausar' }).click();
	await page.getByRole('button', { name: 'Continuar' }).click();
	expect(await calls(page)).toEqual(expect.arrayContaining(['pause', 'resume']));
	await page.getByRole('button', { name: 'Detener' }).click();
	await expect(listen).toBeVisible();
	expect(await calls(page)).toContain('cancel');

	// A whole reading: every piece in turn, then the control is ready again.
	await listen.click();
	await page.evaluate(() => (window as unknown as { __finishAll: () => void }).__finishAll());
	await expect(listen).toBeVisible();
	const text = (await spoken(page)).map((s) => s.text).join(' ');
	expect(text).toContain('Requisitos.');
	expect(text).not.toContain('Escuchar');
	expect(text).not.toContain('Menú');
});

test('"Escuchar" reads a form\'s labels and help too', async ({ page }) => {
	await stubSpeech(page, [{ lang: 'es-MX', name: 'México' }]);
	await page.goto('/formularios/queja');
	await page.getByRole('button', { name: 'Escuchar' }).click();
	await page.evaluate(() => (window as unknown as { __finishAll: () => void }).__finishAll());
	const text = (await spoken(page)).map((s) => s.text).join(' ');
	expect(text).toMatch(/^Presentar una queja\./);
	expect(text).toMatch(/Correo electrónico/);

	// And a transparency item, like every content page.
	await page.goto('/transparencia/1-1-mision-vision-funciones');
	await page.getByRole('button', { name: 'Escuchar' }).click();
	const [first] = (await spoken(page)).slice(-1);
	expect(first?.text).toMatch(/Misión, visión, funciones y deberes\./);
});

test('"Escuchar" is not offered where the device has no Spanish voice', async ({ page }) => {
	await stubSpeech(page, [{ lang: 'en-GB', name: 'English' }]);
	await page.goto('/tramites/certificado-de-residencia');
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	await waitForAppStart(page);
	await expect(page.getByRole('button', { name: 'Escuchar' })).toHaveCount(0);
});
