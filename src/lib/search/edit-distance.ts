/**
 * Typing mistakes as a number: the optimal-string-alignment distance (insertions, deletions,
 * substitutions and swaps of two neighbouring letters each cost 1), computed only as far as a
 * bound, because search asks "within 1 or 2?" of thousands of dictionary words per query.
 */

/** Scratch rows reused across calls: search runs one query at a time. */
let rows: Int32Array[] = [new Int32Array(0), new Int32Array(0), new Int32Array(0)];

/**
 * The distance between `a` and `b` if it is at most `max`, otherwise `max + 1`. Gives up as soon
 * as a whole row exceeds the bound, so most dictionary words cost a few character comparisons.
 */
export function boundedEditDistance(a: string, b: string, max: number): number {
	const la = a.length;
	const lb = b.length;
	if (Math.abs(la - lb) > max) return max + 1;
	if (la === 0 || lb === 0) return Math.max(la, lb);
	if ((rows[0] as Int32Array).length < lb + 1) {
		rows = [new Int32Array(lb + 1), new Int32Array(lb + 1), new Int32Array(lb + 1)];
	}
	let before = rows[0] as Int32Array; // row i - 2
	let prev = rows[1] as Int32Array; // row i - 1
	let cur = rows[2] as Int32Array;
	for (let j = 0; j <= lb; j++) prev[j] = j;
	for (let i = 1; i <= la; i++) {
		cur[0] = i;
		let rowMin = i;
		const ca = a.charCodeAt(i - 1);
		for (let j = 1; j <= lb; j++) {
			const cb = b.charCodeAt(j - 1);
			let d = Math.min(
				(prev[j] as number) + 1,
				(cur[j - 1] as number) + 1,
				(prev[j - 1] as number) + (ca === cb ? 0 : 1)
			);
			if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) {
				d = Math.min(d, (before[j - 2] as number) + 1);
			}
			cur[j] = d;
			if (d < rowMin) rowMin = d;
		}
		if (rowMin > max) return max + 1;
		const spare = before;
		before = prev;
		prev = cur;
		cur = spare;
	}
	const distance = prev[lb] as number;
	return distance > max ? max + 1 : distance;
}
