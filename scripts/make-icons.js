// Renders static/icons/icon.svg to the PNG sizes the web manifest lists (Android needs PNGs to
// offer "install"). Run after changing the SVG: `node scripts/make-icons.js`.
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';

const svg = readFileSync('static/icons/icon.svg', 'utf8');
const browser = await chromium.launch({
	executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
	args: ['--no-sandbox', '--disable-gpu']
});
for (const size of [192, 512]) {
	const page = await browser.newPage({ viewport: { width: size, height: size } });
	await page.setContent(
		`<style>html,body{margin:0}svg{width:${size}px;height:${size}px;display:block}</style>${svg}`
	);
	await page.screenshot({ path: `static/icons/icon-${size}.png`, omitBackground: true });
	await page.close();
}
await browser.close();
