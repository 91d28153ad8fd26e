/**
 * Filings handled at once by this process, in arrival order (`LIMITS.filingsInFlight`). A filing
 * with a 150 KB photo costs 28–32 ms of the app's main thread (decoding and parsing ~200 KB, Zod,
 * the photo's checks, ten store requests) in many small steps, plus ~49 ms of PIN hashing and
 * ~51 ms of the store's process: a hundred handled at once interleave those steps with every page
 * and pull, so pages wait, and every filing gets its radicado only when all of them are done. In
 * line, the first in line get theirs first and pages are answered between them (bench
 * server-load, 100 filings among 500 devices: the fastest 1.2–1.5 s, the p95 5–7 s, the reads'
 * p95 under 0.7 s). A filing waits for its turn only once its body has arrived (a phone on 2G
 * never holds a turn while it uploads), and it is safe in the phone's outbox meanwhile.
 */
import { LIMITS } from '$lib/policy';
import { Turns } from '$lib/server/limits/turns';

export const filingTurns = new Turns(LIMITS.filingsInFlight, LIMITS.filingsWaiting);
