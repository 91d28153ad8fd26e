import { existsSync } from 'node:fs';

/**
 * How every tool here starts Debian's Chromium (Playwright's own browser downloads are not
 * reachable): e2e tests, the bench and scripts. The flags keep it from calling out to Google's
 * services, which this machine's closed network refuses, many at a time.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Debian's old headless shell (`apt-get install chromium-headless-shell`). */
const HEADLESS_SHELL_PATH = '/usr/bin/chromium-headless-shell';

/**
 * The browser the e2e and fault suites drive: the headless shell, the same Blink engine without
 * the full browser around it (what Playwright itself runs headless tests in). On CI's two cores
 * the e2e suite took 4.7 min in it against 7.0–8.1 min in the full browser, the fault suite 1.2
 * against 1.5 min, with the same tests passing. Where only the full browser is installed, that.
 * The bench keeps the full browser (`CHROMIUM_PATH`): its timings stand for a citizen's browser.
 */
export const TEST_CHROMIUM_PATH =
	process.env.CHROMIUM_PATH ??
	(existsSync(HEADLESS_SHELL_PATH) ? HEADLESS_SHELL_PATH : CHROMIUM_PATH);

export const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync'
];
