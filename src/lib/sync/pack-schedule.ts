/**
 * When the offline pack refreshes by itself: shortly after the page is idle on the first visit
 * (unless the phone asks to save data), whenever the connection comes back, and every 30
 * minutes while the portal stays open.
 */
interface Refreshable {
	stale: boolean;
	syncedAt: string | null;
	refresh(): Promise<void>;
}

const PERIOD_MS = 30 * 60 * 1000;
/** Wait after load before pulling, so the page itself gets the link first (ms). */
const FIRST_DELAY_MS = 2500;

export function startPackSchedule(pack: Refreshable): () => void {
	const saveData =
		(navigator as Navigator & { connection?: { saveData?: boolean } }).connection?.saveData ===
		true;
	const refresh = () => {
		if (navigator.onLine && (pack.syncedAt || !saveData)) void pack.refresh();
	};
	const first = setTimeout(() => {
		if (pack.stale) refresh();
	}, FIRST_DELAY_MS);
	const periodic = setInterval(refresh, PERIOD_MS);
	addEventListener('online', refresh);
	return () => {
		clearTimeout(first);
		clearInterval(periodic);
		removeEventListener('online', refresh);
	};
}
