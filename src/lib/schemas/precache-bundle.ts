import { z } from 'zod';

/**
 * The precache's scripts and stylesheets in one download (built by scripts/precache-plan.js,
 * unpacked by `$lib/pwa/precache-install`): file name under the site's root → its text.
 */
export const precacheBundleSchema = z.record(
	z.string().regex(/^_app\/immutable\/[\w./-]+\.(js|css)$/),
	z.string()
);
