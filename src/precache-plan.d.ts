/**
 * `.svelte-kit/precache-plan.json`, written by every Vite run (scripts/precache-plan.js); this
 * declaration types it before the first one.
 */
declare module '$precache-plan' {
	const plan: {
		onDemand: string[];
		/** The install's scripts and stylesheets in one file, and the files inside it. */
		bundle: { file: string; files: string[] } | null;
		/** The scripts and stylesheets downloaded right after the install, in one file. */
		later: { file: string; files: string[] } | null;
	};
	export default plan;
}
