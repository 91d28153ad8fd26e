import { expect, test } from './online-only';
import { expectAxeClean, fileByApi } from './helpers';
import { expectReflow, firstScreen } from './layout';
import { PUBLIC_ROUTES } from './public-routes';

/**
 * Every kind of public page, each loaded once (a navigation and the app's start cost more than
 * a re-layout): its first screen on a phone and on a kiosk, axe's WCAG 2.1 AA rules, and reflow
 * (layout.ts). Failures name the page.
 */
test('every public page opens with its h1 and first field on the first screen of a phone and of a kiosk, has no serious WCAG 2.1 AA violations, and reflows at 320 px and with text at 200 %', async ({
	page
}) => {
	// ~45 pages × 6 layouts and an axe scan: about a minute on a quiet machine.
	test.setTimeout(240_000);
	// The open-data page lays out its figures only once something has been filed.
	await fileByApi(page.request);
	for (const path of PUBLIC_ROUTES) {
		await expectReflow(page, path, async () => {
			await page.setViewportSize({ width: 360, height: 740 });
			const phone = await firstScreen(page);
			expect(phone.h1, `${path}: h1 top on a phone`).not.toBeNull();
			expect(phone.h1 as number, `${path}: h1 top on a phone`).toBeLessThanOrEqual(200);
			// A field or result whose top is 48 px above the fold's edge can be seen and tapped.
			if (phone.field !== null) {
				expect(phone.field, `${path}: first field top on a phone`).toBeLessThanOrEqual(740 - 48);
			}

			await page.setViewportSize({ width: 1080, height: 1920 });
			const kiosk = await firstScreen(page);
			expect(kiosk.h1 as number, `${path}: h1 top on a kiosk`).toBeLessThanOrEqual(1920 / 5);
			if (kiosk.field !== null) {
				expect(kiosk.field, `${path}: first field top on a kiosk`).toBeLessThanOrEqual(1920 - 96);
			}

			await page.setViewportSize({ width: 1280, height: 720 });
			await expect(page.getByRole('heading', { level: 1 }), path).toBeVisible();
			await expectAxeClean(page);
		});
	}
});
