// The schema modules of `src/lib/schemas` only define schemas: loading one changes nothing
// else. But a Zod schema is built by calls (`z.object(…)`), which a bundler must assume do
// something, so every module re-exported by `$lib/schemas` was kept in every page that imports
// one name from it: the back office's user, open-data and proposal schemas were in every
// citizen's install. Marked free of side effects, a module no page uses is left out.
//
// `common.ts` is not marked: it configures Zod for the browser (`z.config({ jitless: true })`,
// see there), which must run before any schema is used.

const SCHEMA_MODULE = /\/src\/lib\/schemas\/(?!common\.)[\w-]+\.ts$/;

/** @returns {import('vite').Plugin} */
export function schemaSideEffects() {
	return {
		name: 'ventanilla-schema-side-effects',
		transform(code, id) {
			if (!SCHEMA_MODULE.test(id.replaceAll('\\', '/').split('?')[0] ?? '')) return null;
			return { code, map: null, moduleSideEffects: false };
		}
	};
}
