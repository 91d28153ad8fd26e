/**
 * `npm run bench` (after `npm run build`): measures the performance budgets of PRODUCT.md on
 * this machine, prints what | measured | budget | result, and writes the same rows (plus the raw
 * figures behind them) to bench/results/<ISO timestamp>.json and bench/results/latest.json.
 *
 * Usage: node bench/run.js [--runs N] [--no-save] [scenario …]   (default: every scenario, 3 runs)
 * `--no-save` prints the table without writing results (the byte gate of `npm test`).
 * Scenarios: home-weight, first-visit, inp, offline-repeat, search, offline-pack, server-load,
 * submission.
 * Exit code 1 when a budget fails or a scenario could not run.
 *
 * Every server is started here on a free loopback port with a fresh temporary data directory,
 * and stopped at the end. See bench/README.md for what each row measures.
 */
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { startApp } from './lib/app.js';
import { buildBenchBundle } from './lib/bench-bundle.js';
import { launchBrowser } from './lib/browser.js';
import { failedRows, formatTable, writeResults } from './lib/report.js';
import { firstVisit } from './scenarios/first-visit.js';
import { homeWeight } from './scenarios/home-weight.js';
import { inp } from './scenarios/inp.js';
import { offlinePack, packBytes } from './scenarios/offline-pack.js';
import { offlineRepeat } from './scenarios/offline-repeat.js';
import { search } from './scenarios/search.js';
import { searchReady } from './scenarios/search-ready.js';
import { serverLoad } from './scenarios/server-load.js';
import { officialSync } from './scenarios/official-sync.js';
import { submission } from './scenarios/submission.js';

/** In the order they run and their rows print. */
const SCENARIOS = [
	homeWeight,
	firstVisit,
	inp,
	offlineRepeat,
	search,
	searchReady,
	offlinePack,
	packBytes,
	serverLoad,
	submission,
	officialSync
];

/**
 * Whole-run guard: with `npm run build` first (~40 s), `npm run bench` must end within 10
 * minutes on 2 cores; no scenario starts or runs past this.
 */
const RUN_LIMIT_MS = 8.5 * 60_000;

const args = process.argv.slice(2);
let runs = 3;
let save = true;
/** @type {string[]} */
const only = [];
for (let i = 0; i < args.length; i++) {
	if (args[i] === '--runs') runs = Math.max(1, Number(args[++i]) || 3);
	else if (args[i] === '--no-save') save = false;
	else only.push(/** @type {string} */ (args[i]));
}
const unknown = only.filter((n) => !SCENARIOS.some((s) => s.name === n));
if (unknown.length) {
	console.error(`Unknown scenario(s): ${unknown.join(', ')}`);
	console.error(`Known: ${SCENARIOS.map((s) => s.name).join(', ')}`);
	process.exit(2);
}
// Gate-only scenarios repeat rows of a full scenario: they run only when named.
const selected = only.length
	? SCENARIOS.filter((s) => only.includes(s.name))
	: SCENARIOS.filter((s) => !s.gateOnly);

/** @param {string} message */
const log = (message) =>
	console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);

// A stray rejection inside PouchDB or a closed page after a time-out must not end the run.
process.on('unhandledRejection', (e) => log(`unhandled rejection: ${String(e)}`));

function chromiumVersion() {
	try {
		return execFileSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', ['--version'], {
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'ignore']
		}).trim();
	} catch {
		return 'unknown';
	}
}

/**
 * The seed app (again after a crash), retried for a while: the usual cause of a failure while
 * developing is `build/` being rebuilt at that moment by someone else.
 * @returns {Promise<import('./lib/app.js').BenchApp>}
 */
async function startAppRetrying() {
	const deadline = Date.now() + 90_000;
	for (;;) {
		try {
			return await startApp();
		} catch (e) {
			if (Date.now() > deadline) throw e;
			log(`starting the app failed, retrying: ${String(e).split('\n')[0]}`);
			await new Promise((r) => setTimeout(r, 5000));
		}
	}
}

const startedAt = new Date().toISOString();
const runStart = performance.now();
/**
 * For scenarios that do not read it (`usesBundle`), building it would only cost time.
 * @type {import('./lib/scenario.js').BenchContext['bundle']}
 */
const NO_BUNDLE = {
	/** @returns {string} */
	get iife() {
		throw new Error('this scenario reads ctx.bundle without setting usesBundle');
	},
	load: () => Promise.reject(new Error('this scenario reads ctx.bundle without setting usesBundle'))
};
let bundle = NO_BUNDLE;
if (selected.some((s) => s.usesBundle)) {
	log('building the bench bundle (search index + test corpus)');
	bundle = await buildBenchBundle();
}
log('starting the app with the seed content');
let app = await startAppRetrying();
/** @type {string[]} */
const appCrashes = [];
/** @type {import('playwright-core').Browser | undefined} */
let browser;

/** @type {import('./lib/report.js').Row[]} */
const rows = [];
/** @type {Record<string, unknown>} */
const details = {};

/** A new seed app if the current one has stopped (its output is logged and kept). */
async function ensureApp() {
	if (app.alive()) return;
	log(`the app server stopped:\n${app.output()}`);
	appCrashes.push(app.output());
	await app.stop().catch(() => {});
	app = await startAppRetrying();
}

/**
 * Runs one scenario within `limit` ms, then its cleanups.
 * @param {import('./lib/scenario.js').Scenario} scenario
 * @param {number} limit
 */
async function runScenario(scenario, limit) {
	const controller = new AbortController();
	/** @type {Array<() => unknown>} */
	const cleanups = [];
	/** @type {ReturnType<typeof setTimeout> | undefined} */
	let timer;
	try {
		const timeout = new Promise((_, reject) => {
			timer = setTimeout(() => {
				controller.abort();
				reject(new Error(`time limit of ${Math.round(limit / 1000)} s reached`));
			}, limit);
		});
		return await Promise.race([
			scenario.run({
				appUrl: app.url,
				browser: async () => (browser ??= await launchBrowser()),
				bundle,
				runs,
				signal: controller.signal,
				defer: (fn) => cleanups.push(fn),
				log
			}),
			timeout
		]);
	} finally {
		clearTimeout(timer);
		controller.abort();
		for (const fn of cleanups.reverse()) {
			try {
				await fn();
			} catch (e) {
				log(`${scenario.name} cleanup: ${String(e)}`);
			}
		}
	}
}

try {
	for (const scenario of selected) {
		const started = performance.now();
		// A scenario during which the shared app stopped is run once more on a new one.
		for (let attempt = 1; ; attempt++) {
			const left = RUN_LIMIT_MS - (performance.now() - runStart);
			const limit = Math.max(5_000, Math.min(scenario.timeoutMs, left));
			try {
				await ensureApp();
				log(`${scenario.name} (limit ${Math.round(limit / 1000)} s)`);
				const result = await runScenario(scenario, limit);
				rows.push(...result.rows);
				details[scenario.name] = {
					ms: Math.round(performance.now() - started),
					attempts: attempt,
					...(result.details ? { data: result.details } : {})
				};
				break;
			} catch (e) {
				log(`${scenario.name} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
				const appDied = !app.alive();
				if (appDied && attempt === 1 && left - (performance.now() - started) > 60_000) {
					log(`${scenario.name}: the app server had stopped; running it again on a new one`);
					continue;
				}
				rows.push(...failedRows(scenario.rows, e));
				details[scenario.name] = {
					ms: Math.round(performance.now() - started),
					attempts: attempt,
					error: String(e)
				};
				break;
			}
		}
	}
} finally {
	await browser?.close().catch(() => {});
	await app.stop();
}

const report = {
	startedAt,
	finishedAt: new Date().toISOString(),
	durationMs: Math.round(performance.now() - runStart),
	machine: {
		cpus: os.cpus().length,
		cpuModel: os.cpus()[0]?.model ?? 'unknown',
		memoryMb: Math.round(os.totalmem() / 1024 / 1024),
		node: process.version,
		chromium: chromiumVersion()
	},
	runs,
	scenarios: selected.map((s) => s.name),
	appCrashes,
	rows,
	details
};
const file = save ? writeResults(path.join(import.meta.dirname, 'results'), report) : null;

console.log('');
console.log(formatTable(rows));
console.log('');
for (const r of rows.filter((r) => r.note)) console.log(`- ${r.what}: ${r.note}`);
console.log('');
console.log(
	`${rows.filter((r) => r.status === 'pass').length} pass, ` +
		`${rows.filter((r) => r.status === 'fail').length} fail, ` +
		`${rows.filter((r) => r.status === 'error').length} error, ` +
		`${rows.filter((r) => r.status === 'info').length} info, ` +
		`${rows.filter((r) => r.status === 'n/a').length} n/a — ` +
		`${(report.durationMs / 1000).toFixed(0)} s` +
		(file ? `; written to ${path.relative(process.cwd(), file)} and latest.json` : '')
);
// Exit explicitly: keep-alive sockets and PouchDB timers may hold the event loop open.
process.exit(rows.some((r) => r.status === 'fail' || r.status === 'error') ? 1 : 0);
