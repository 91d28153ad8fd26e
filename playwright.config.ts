import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, TEST_CHROMIUM_PATH } from './tests/helpers/chromium.js';
import { E2E_MAIL } from './tests/e2e/mail';

// Overridable so several checkouts on one machine can run their suites side by side.
const PORT = Number(process.env.E2E_PORT ?? 4173);
const DATA_DIR = process.env.E2E_DATA_DIR ?? '/tmp/ventanilla-e2e-data';

/**
 * End-to-end tests in Debian's Chromium (`apt-get install chromium`); Playwright's own browser
 * downloads are not reachable from this project's machines.
 */
export default defineConfig({
	testDir: 'tests/e2e',
	testMatch: '**/*.e2e.ts',
	fullyParallel: false,
	// Two files at a time: most of a journey is waiting (service worker, offline pull, sync), and
	// CI must stay under 15 minutes. Each file's tests still run in order.
	workers: 2,
	projects: [
		{ name: 'journeys', testIgnore: /zz-server-ledger/ },
		// Counts every request the journeys filed, so it runs after all of them.
		{ name: 'ledger', testMatch: /zz-server-ledger\.e2e\.ts$/, dependencies: ['journeys'] }
	],
	// CI (`.ci/run` sets CI): a stray `test.only` fails the run instead of skipping the rest.
	forbidOnly: !!process.env.CI,
	// The mail server citizens' e-mails go through (tests/e2e/mail.ts).
	globalSetup: './tests/e2e/global-setup.ts',
	retries: process.env.CI ? 1 : 0,
	timeout: 60_000,
	reporter: [['list']],
	use: {
		baseURL: `http://127.0.0.1:${PORT}`,
		browserName: 'chromium',
		locale: 'es-CO',
		timezoneId: 'America/Bogota',
		// Recording a trace costs a quarter of the run's CPU (measured on the pqrsd journeys: 24 s
		// of 34 s without it); CI retries a failed test once, and that retry is traced.
		trace: 'on-first-retry',
		launchOptions: { executablePath: TEST_CHROMIUM_PATH, args: CHROMIUM_ARGS }
	},
	webServer: {
		// A fresh embedded store for every run, seeded on start.
		command: `rm -rf ${DATA_DIR} && node server/index.js`,
		env: {
			PORT: String(PORT),
			HOST: '127.0.0.1',
			DATA_DIR,
			// The back office's first administrator (tests/e2e/helpers.ts).
			ADMIN_USUARIO: 'admin.e2e',
			ADMIN_CLAVE: 'clave-e2e-admin-0001',
			// Two workers sign in from one address; the limit itself is tested in integration.
			LOGIN_ATTEMPTS_PER_MINUTE: '1000',
			RATE_LIMIT_FACTOR: '1000',
			// Cheapest PIN and password hashes (tests/helpers/app-server.js says why).
			SCRYPT_N: '1024',
			SMTP_URL: `smtp://127.0.0.1:${E2E_MAIL.port}`,
			MAIL_FROM: 'ventanilla@puertoguzman.example'
		},
		url: `http://127.0.0.1:${PORT}/api/salud`,
		reuseExistingServer: false,
		timeout: 60_000
	}
});
