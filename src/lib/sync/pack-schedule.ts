/**
 * When the offline pack refreshes by itself: shortly after the page is idle on the first visit
 * (unless the phone asks to save data), whenever the connection comes back (after the queued
 * requests people are waiting for: `$lib/utils/link-priority`), and every 30 minutes while the
 * portal stays open.
 */
import { afterUrgentWork, listenForUrgentWork } from '$lib/utils/link-priority';

interface Refreshable {
	stale: boolean;
	syncedAt: string | null;
	/** Set when the last pull failed (link cut, server restarting). */
	error: string | null;
	refresh(): Promise<void>;
}

const PERIOD_MS = 30 * 60 * 1000;
/** Wait after load before pulling, so the page itself gets the link first (ms). */
const FIRST_DELAY_MS = 2500;
/** After a failed pull, try again in 5 s, then ×3 each time, at most every 5 minutes. */
const RETRY_FIRST_MS = 5000;
const RETRY_MAX_MS = 5 * 60 * 1000;

export function startPackSchedule(pack: Refreshable): () => void {
	const saveData =
		(navigator as Navigator & { connection?: { saveData?: boolean } }).connection?.saveData ===
		true;
	let failures = 0;
	let retry: ReturnType<typeof setTimeout> | undefined;
	// A pull cut halfway resumes by itself from its checkpoint: no need to wait for the next
	// period or for the browser to notice the link came back.
	const refresh = async () => {
		if (!navigator.onLine || !(pack.syncedAt || !saveData)) return;
		clearTimeout(retry);
		await pack.refresh();
		if (!pack.error) {
			failures = 0;
			return;
		}
		failures += 1;
		retry = setTimeout(
			() => void refresh(),
			Math.min(RETRY_MAX_MS, RETRY_FIRST_MS * 3 ** (failures - 1))
		);
	};
	const onOnline = () => void afterUrgentWork().then(refresh);
	const first = setTimeout(() => {
		if (pack.stale) void refresh();
	}, FIRST_DELAY_MS);
	const periodic = setInterval(() => void refresh(), PERIOD_MS);
	addEventListener('online', onOnline);
	const stopListening = listenForUrgentWork();
	return () => {
		stopListening();
		clearTimeout(first);
		clearTimeout(retry);
		clearInterval(periodic);
		removeEventListener('online', onOnline);
	};
}
