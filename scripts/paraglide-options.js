import { COOKIES } from '../src/lib/policy.js';

/**
 * Paraglide compiler options, shared by the Vite plugin (dev, build, tests) and
 * `scripts/compile-messages.js` (type-checking and linting on a clean checkout).
 * @type {{ project: string, outdir: string, strategy: Array<'cookie' | 'baseLocale'>, cookieName: string, outputStructure: 'message-modules' }}
 */
export const paraglideOptions = {
	project: './project.inlang',
	outdir: './src/lib/paraglide',
	// Cookie first so a language chosen with the switch sticks; Spanish otherwise.
	strategy: ['cookie', 'baseLocale'],
	cookieName: COOKIES.locale,
	// One module per message, so the build can keep back-office strings out of citizens' pages
	// (see scripts/message-chunks.js).
	outputStructure: 'message-modules'
};
