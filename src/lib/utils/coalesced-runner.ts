/**
 * Runs `task` one at a time. A call that arrives during a run is not folded into that run (it
 * may already be past what the caller needs, e.g. the item that just became due) but makes
 * exactly one more run after it, however many such calls arrive. The promise a caller gets
 * resolves once the runs that cover its call are done.
 */
export function coalescedRunner(task: () => Promise<void>): () => Promise<void> {
	let running: Promise<void> | null = null;
	let again = false;
	const loop = async () => {
		try {
			do {
				again = false;
				await task();
			} while (again);
		} finally {
			running = null;
		}
	};
	return () => {
		if (running) {
			again = true;
			return running;
		}
		running = loop();
		return running;
	};
}
