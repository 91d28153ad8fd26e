/**
 * How every tool here starts Debian's Chromium (Playwright's own browser downloads are not
 * reachable): e2e tests, the bench and scripts. The flags keep it from calling out to Google's
 * services, which this machine's closed network refuses, many at a time.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync'
];
