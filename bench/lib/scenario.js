/**
 * What a bench scenario is, and running one within its time limit.
 */

/**
 * @typedef {import('./report.js').Row} Row
 *
 * @typedef {object} BenchContext
 * @property {string} appUrl  a running app with the seed content (shared by the browser rows)
 * @property {() => Promise<import('playwright-core').Browser>} browser  launched on first use
 * @property {{ iife: string, load: () => Promise<import('./bench-bundle.js').BenchModule> }} bundle
 * @property {number} runs  repetitions for noisy rows (median reported)
 * @property {AbortSignal} signal  aborted when the scenario's time is up
 * @property {(fn: () => unknown) => void} defer  cleanup to run when the scenario ends, even
 *   after a time-out (close contexts, stop servers)
 * @property {(message: string) => void} log  progress on stderr
 *
 * @typedef {object} Scenario
 * @property {string} name
 * @property {number} timeoutMs
 * @property {boolean} [usesBundle]  reads `ctx.bundle` (built only when a scenario run needs it)
 * @property {boolean} [gateOnly]  part of the CI byte gate only (`npm run test:bytes`): its rows
 *   repeat a full scenario's, so a run without names leaves it out
 * @property {ReadonlyArray<{ id: string, what: string, budget?: string }>} rows  the rows it
 *   produces, in order (used to report an error row for each if it cannot finish)
 * @property {(ctx: BenchContext) => Promise<{ rows: Row[], details?: unknown }>} run
 */

/**
 * Throws if the scenario's time is up; call between steps.
 * @param {AbortSignal} signal
 */
export function checkAborted(signal) {
	if (signal.aborted) throw new Error('time limit reached');
}
