// Zod's tree-shakable build: this is the only schema the service worker uses, and the worker's
// script is downloaded by every new device and read each time the browser starts it (before an
// offline page opens). With the full build it was 229.5 KB (60.0 KB compressed), now 170.8 KB
// (46.0 KB).
import { z } from 'zod/mini';

/**
 * The precache's scripts and stylesheets in one download (built by scripts/precache-plan.js,
 * unpacked by `$lib/pwa/precache-install`): file name under the site's root → its text.
 */
export const precacheBundleSchema = z.record(
	z.string().check(z.regex(/^_app\/immutable\/[\w./-]+\.(js|css)$/)),
	z.string()
);
