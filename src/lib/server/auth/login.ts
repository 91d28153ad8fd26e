/**
 * Signing in: a username and password checked against the scrypt hash, rate-limited per client
 * address and per username. Every failure gives the same answer after the same work, so the
 * form says nothing about which part was wrong or whether the account exists.
 */
import { verifyAgainstNothing, verifySecret } from '$lib/server/crypto/scrypt-hash';
import { TokenBuckets } from '$lib/server/limits/rate-limit';
import type { SessionUser } from '$lib/schemas';
import { config } from '$lib/server/config';
import { getUser, toSessionUser } from './users';

export type LoginResult =
	| { ok: true; user: SessionUser }
	| { ok: false; code: 'credenciales_invalidas' }
	| { ok: false; code: 'demasiados_intentos'; retryAfter: number };

let byAddress: TokenBuckets | undefined;
/**
 * Guessing one account's password from many addresses is slowed down too. Only failures count
 * here, so an official who signs in many times a day is never locked out by their own successes.
 */
const failuresByUsername = new TokenBuckets({ capacity: 10, perMinute: 1 });

/**
 * An official confirming their own password (before changing it): the same per-account limit
 * of failures as signing in, so a session left open on a shared screen cannot be used to guess
 * the password.
 */
export async function confirmPassword(username: string, password: string): Promise<LoginResult> {
	const wait = failuresByUsername.wait(username, 1);
	if (wait) return { ok: false, code: 'demasiados_intentos', retryAfter: wait };
	const user = await getUser(username);
	if (!user?.active || !(await verifySecret(password.slice(0, 200), user.passwordHash))) {
		failuresByUsername.take(username, 1);
		return { ok: false, code: 'credenciales_invalidas' };
	}
	return { ok: true, user: toSessionUser(user) };
}

export async function login(
	usernameRaw: string,
	password: string,
	clientAddress: string
): Promise<LoginResult> {
	const perMinute = config().LOGIN_ATTEMPTS_PER_MINUTE;
	byAddress ??= new TokenBuckets({ capacity: perMinute, perMinute });
	const username = usernameRaw.trim().toLowerCase().slice(0, 60);
	const wait = Math.max(byAddress.take(clientAddress, 1), failuresByUsername.wait(username, 1));
	if (wait) return { ok: false, code: 'demasiados_intentos', retryAfter: wait };
	const user = /^[a-z][a-z0-9._-]{2,39}$/.test(username) ? await getUser(username) : null;
	const secret = password.slice(0, 200);
	const ok = user?.active
		? await verifySecret(secret, user.passwordHash)
		: await verifyAgainstNothing(secret);
	if (!ok || !user) {
		failuresByUsername.take(username, 1);
		return { ok: false, code: 'credenciales_invalidas' };
	}
	return { ok: true, user: toSessionUser(user) };
}
