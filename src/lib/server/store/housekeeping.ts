/**
 * Periodic clean-up every app server runs (each on its own timer; the work is idempotent, so
 * several servers doing it at once only cost a few conflicts): rate-limit uses older than
 * their windows, officials' sessions past their expiry, the ends of sessions no field
 * capture can be judged by any more, and pieces of attachments whose request never came. None grows without bound, and none needs a scheduler
 * outside the app.
 */
import { removeExpiredSessions, removeStaleSessionEnds } from '$lib/server/auth/sessions';
import { sweepSharedLimits } from '$lib/server/limits/shared-limit';
import { sweepStagedUploads } from '$lib/server/requests/staged-uploads';

const EVERY_MS = 5 * 60_000;
let timer: ReturnType<typeof setInterval> | undefined;

/** One round; failures (a store outage) are logged and the next round tries again. */
export async function houseKeep(
	now = Date.now()
): Promise<{ uses: number; sessions: number; sessionEnds: number; pieces: number }> {
	const [uses, sessions, sessionEnds, pieces] = await Promise.all([
		sweepSharedLimits(now).catch((e: unknown) => {
			console.warn(`Limpieza de límites fallida: ${String(e)}`);
			return 0;
		}),
		removeExpiredSessions(now).catch((e: unknown) => {
			console.warn(`Limpieza de sesiones vencidas fallida: ${String(e)}`);
			return 0;
		}),
		removeStaleSessionEnds(now).catch((e: unknown) => {
			console.warn(`Limpieza de fines de sesión fallida: ${String(e)}`);
			return 0;
		}),
		sweepStagedUploads(now).catch((e: unknown) => {
			console.warn(`Limpieza de adjuntos sin solicitud fallida: ${String(e)}`);
			return 0;
		})
	]);
	return { uses, sessions, sessionEnds, pieces };
}

/** Starts the timer once per process; it never keeps the process alive. */
export function startHousekeeping(): void {
	if (timer) return;
	timer = setInterval(() => void houseKeep(), EVERY_MS);
	timer.unref();
}
