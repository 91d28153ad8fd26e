/**
 * Settings of the requests module, read from the environment at call time (like `couchUrl()`):
 * tests and deployments change them per process, and `$env/dynamic/private` would snapshot them.
 */
import { DEFAULT_RADICADO_PREFIX, isRadicadoPrefix } from '$lib/domain/radicado';

/**
 * The radicado prefix (`RADICADO_PREFIX`, default `PG`). A malformed value stops filing with an
 * error rather than silently numbering under the default: two prefixes in one year would split
 * the consecutive.
 * @throws {Error} when `RADICADO_PREFIX` is set but is not 2–6 capital letters.
 */
export function radicadoPrefix(): string {
	const value = process.env.RADICADO_PREFIX?.trim();
	if (!value) return DEFAULT_RADICADO_PREFIX;
	if (!isRadicadoPrefix(value)) {
		throw new Error(
			`RADICADO_PREFIX debe tener de 2 a 6 letras mayúsculas, no ${JSON.stringify(value)}`
		);
	}
	return value;
}

/** Shortest admin token accepted: 16 characters, so it cannot be guessed over HTTP. */
export const MIN_ADMIN_TOKEN_LENGTH = 16;

/**
 * The bearer token of the interim admin API (`ADMIN_TOKEN`), or `null` when the admin API is
 * disabled (unset, or too short to be a secret).
 */
export function adminToken(): string | null {
	const value = process.env.ADMIN_TOKEN?.trim();
	return value && value.length >= MIN_ADMIN_TOKEN_LENGTH ? value : null;
}

/** Tracking lookups allowed per client address and minute (`TRACKING_LOOKUPS_PER_MINUTE`). */
export function trackingLookupsPerMinute(): number {
	const n = Number(process.env.TRACKING_LOOKUPS_PER_MINUTE ?? 30);
	return Number.isFinite(n) && n >= 1 ? Math.floor(n) : 30;
}
