// Compiles messages/*.json into src/lib/paraglide (git-ignored) without starting Vite, so
// `npm run check` and `npm run lint` work on a clean checkout.
import { compile } from '@inlang/paraglide-js';
import { paraglideOptions } from './paraglide-options.js';

await compile(paraglideOptions);
