import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, TEST_CHROMIUM_PATH } from '../helpers/chromium.js';

/**
 * The fault suite: the app driven in Chromium through a proxy that cuts, stalls and rewrites
 * the link (tests/helpers/fault-proxy.js). Each worker starts its own server and proxy on the
 * ports below (see fixtures.ts), so this suite needs no webServer and can run beside the e2e one.
 */
export default defineConfig({
	testDir: '.',
	testMatch: '**/*.fault.ts',
	fullyParallel: false,
	// Two, each with its own server and ports: much of a fault test is waiting for a link or a
	// clock (1.4 min instead of 2.2). `npm test` runs this suite alone: beside the static checks
	// two workers were slower and a restart test ran out of time.
	workers: 2,
	// CI (`.ci/run` sets CI): a stray `test.only` fails the run instead of skipping the rest.
	forbidOnly: !!process.env.CI,
	retries: 0,
	timeout: 60_000,
	reporter: [['list']],
	outputDir: '../../test-results/faults',
	use: {
		browserName: 'chromium',
		locale: 'es-CO',
		timezoneId: 'America/Bogota',
		trace: 'retain-on-failure',
		launchOptions: { executablePath: TEST_CHROMIUM_PATH, args: CHROMIUM_ARGS }
	}
});
