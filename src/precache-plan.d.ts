/**
 * `.svelte-kit/precache-plan.json`, written by every Vite run (scripts/precache-plan.js); this
 * declaration types it before the first one.
 */
declare module '$precache-plan' {
	const plan: { onDemand: string[] };
	export default plan;
}
