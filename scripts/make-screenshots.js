// Takes the web manifest's screenshots (Android shows them in its richer install sheet) from a
// running portal with the seed content: `node scripts/make-screenshots.js http://127.0.0.1:3000`.
// Re-run when the look of the home or a trámite page changes. PNG on purpose: the service
// worker does not precache PNGs other than icons, so they cost a phone nothing until installed.
import { chromium } from 'playwright-core';

const base = process.argv[2] ?? 'http://127.0.0.1:3000';
const SHOTS = [
	{ path: '/', file: 'inicio-celular', width: 540, height: 1170, scale: 1 },
	{
		path: '/tramites/certificado-de-residencia',
		file: 'tramite-celular',
		width: 540,
		height: 1170,
		scale: 1
	},
	{ path: '/', file: 'inicio-escritorio', width: 1280, height: 800, scale: 1 }
];

const browser = await chromium.launch({
	executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
	args: ['--no-sandbox', '--disable-gpu']
});
for (const shot of SHOTS) {
	const context = await browser.newContext({
		viewport: { width: shot.width, height: shot.height },
		deviceScaleFactor: shot.scale,
		locale: 'es-CO'
	});
	const page = await context.newPage();
	await page.goto(`${base}${shot.path}`, { waitUntil: 'networkidle' });
	// The status line as a returning citizen sees it: the portal saved on the device.
	await page
		.getByText(/Guardado el /)
		.first()
		.waitFor({ timeout: 120_000 });
	await page.screenshot({ path: `static/screenshots/${shot.file}.png` });
	await context.close();
}
await browser.close();
