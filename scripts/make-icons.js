// Renders static/icons/icon.svg to the PNG sizes the web manifest lists (Android needs PNGs to
// offer "install"). Run after changing the SVG: `node scripts/make-icons.js`.
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';

// The maskable icon (Android crops it to a circle, squircle…) fills the square and keeps its
// drawing inside the central 80 % safe zone.
const ICONS = [
	{
		svg: 'static/icons/icon.svg',
		png: (/** @type {number} */ size) => `static/icons/icon-${size}.png`,
		sizes: [192, 512]
	},
	{
		svg: 'static/icons/icon-maskable.svg',
		png: (/** @type {number} */ size) => `static/icons/icon-maskable-${size}.png`,
		sizes: [512]
	}
];
const browser = await chromium.launch({
	executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
	args: ['--no-sandbox', '--disable-gpu']
});
for (const icon of ICONS) {
	const svg = readFileSync(icon.svg, 'utf8');
	for (const size of icon.sizes) {
		const page = await browser.newPage({ viewport: { width: size, height: size } });
		await page.setContent(
			`<style>html,body{margin:0}svg{width:${size}px;height:${size}px;display:block}</style>${svg}`
		);
		await page.screenshot({ path: icon.png(size), omitBackground: true });
		await page.close();
	}
}
await browser.close();
