/**
 * Settings of officials' sign-in, read from the environment at call time (tests and deployments
 * change them per process).
 */

/** Hours a session lasts from sign-in (`SESSION_HOURS`, default 12: one working day). */
export function sessionHours(): number {
	const n = Number(process.env.SESSION_HOURS ?? 12);
	return Number.isFinite(n) && n > 0 && n <= 24 * 30 ? n : 12;
}

/** Failed sign-ins allowed per client address and minute (`LOGIN_ATTEMPTS_PER_MINUTE`). */
export function loginAttemptsPerMinute(): number {
	const n = Number(process.env.LOGIN_ATTEMPTS_PER_MINUTE ?? 10);
	return Number.isFinite(n) && n >= 1 ? Math.floor(n) : 10;
}

/**
 * The first administrator, created at start when no account has the role yet:
 * `ADMIN_USUARIO` and `ADMIN_CLAVE` (and optionally `ADMIN_NOMBRE`).
 */
export function firstAdmin(): { username: string; password: string; name: string } | null {
	const username = process.env.ADMIN_USUARIO?.trim();
	const password = process.env.ADMIN_CLAVE;
	if (!username || !password) return null;
	return { username, password, name: process.env.ADMIN_NOMBRE?.trim() || 'Administrador' };
}
