/**
 * Test only: lets a test move a server process's clock forward, as the days a field official
 * spends without signal pass (tests/faults/hand-in.fault.ts). Loaded with `node --import`
 * before the server; the offset in milliseconds is read from SERVER_CLOCK_FILE whenever it
 * changes (polled every 100 ms), so a test moves time without restarting the server. Only
 * `Date` moves: timers and `performance.now()` keep real time.
 */
import fs from 'node:fs';

const file = process.env.SERVER_CLOCK_FILE ?? '';
let offset = 0;
const read = () => {
	try {
		offset = Number(fs.readFileSync(file, 'utf8')) || 0;
	} catch {
		offset = 0;
	}
};
if (file) {
	read();
	setInterval(read, 100).unref();
	const RealDate = Date;
	// A function, not a subclass: `Date()` called without `new` must still return a string.
	/** @param {unknown[]} args */
	function ShiftedDate(...args) {
		if (!new.target) return new RealDate(RealDate.now() + offset).toString();
		return args.length ? Reflect.construct(RealDate, args) : new RealDate(RealDate.now() + offset);
	}
	ShiftedDate.prototype = RealDate.prototype;
	ShiftedDate.now = () => RealDate.now() + offset;
	ShiftedDate.parse = RealDate.parse;
	ShiftedDate.UTC = RealDate.UTC;
	globalThis.Date = /** @type {DateConstructor} */ (/** @type {unknown} */ (ShiftedDate));
}
