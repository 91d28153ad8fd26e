/**
 * Signing in: a username and password checked against the scrypt hash. Every failure gives the
 * same answer after the same work, so the form says nothing about which part was wrong or
 * whether the account exists.
 *
 * Limits (shared by every server through the store, `$lib/server/limits/rates`):
 * - attempts per client address, a minute;
 * - failures per account, escalating (5 in 15 minutes, 10 an hour, 20 a day), for devices the
 *   account never signed in from;
 * - failures per account and known device, 10 in 15 minutes.
 *
 * Why the known device: a per-account lock is a weapon, since anyone who knows an official's
 * username could keep them locked out with one wrong password now and then. A successful
 * sign-in leaves a **known-device cookie** (HttpOnly, scoped to the sign-in page, a year long):
 * the username and a random device id, signed with the store's server secret. A browser that
 * shows it for the account it names is held to its own failure limit only, so an attacker
 * elsewhere can slow down sign-ins from new devices but never from the official's usual
 * computer. Forging the cookie needs the server secret; a copied cookie still gives only 10
 * guesses in 15 minutes.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { verifyAgainstNothing, verifySecret } from '$lib/server/crypto/scrypt-hash';
import { derive } from '$lib/server/crypto/server-secret';
import { rates } from '$lib/server/limits/rates';
import { usernameSchema, type SessionUser } from '$lib/schemas';
import { getUser, toSessionUser } from './users';

export type LoginResult =
	| { ok: true; user: SessionUser; knownDevice: string }
	| { ok: false; code: 'credenciales_invalidas' }
	| { ok: false; code: 'demasiados_intentos'; retryAfter: number };

const DEVICE_ID = /^[A-Za-z0-9_-]{16}$/;

async function deviceMac(username: string, deviceId: string): Promise<string> {
	return (await derive('equipo-conocido', `${username}\u0000${deviceId}`)).toString('base64url');
}

/** A known-device cookie value for `username`: `<username>.<device id>.<mac>`. */
async function knownDeviceCookie(username: string, deviceId?: string): Promise<string> {
	const id = deviceId ?? randomBytes(12).toString('base64url');
	return `${username}.${id}.${await deviceMac(username, id)}`;
}

/** The device id of a known-device cookie that is genuine and names `username`, or null. */
async function knownDeviceOf(cookie: string | undefined, username: string): Promise<string | null> {
	// Usernames may hold dots; the id and the MAC never do.
	const parts = (cookie ?? '').split('.');
	const mac = parts.pop();
	const id = parts.pop();
	const name = parts.join('.');
	if (name !== username || !id || !mac || !DEVICE_ID.test(id)) return null;
	const expected = Buffer.from(await deviceMac(username, id));
	const given = Buffer.from(mac);
	return given.length === expected.length && timingSafeEqual(given, expected) ? id : null;
}

/**
 * An official confirming their own password (before changing it): a wrong one counts like a
 * failed sign-in, so a session left open on a shared screen cannot be used to guess the
 * password.
 */
export async function confirmPassword(username: string, password: string): Promise<LoginResult> {
	// Its own count, with the sign-in's figures: guesses through an open session do not lock
	// the account's sign-in, and sign-in guesses do not stop its official changing a password.
	const use = await rates().signInFailuresByAccount.take(`sesion\u0000${username}`);
	if (use.wait) return { ok: false, code: 'demasiados_intentos', retryAfter: use.wait };
	const user = await getUser(username);
	if (!user?.active || !(await verifySecret(password.slice(0, 200), user.passwordHash, 'staff'))) {
		return { ok: false, code: 'credenciales_invalidas' };
	}
	await rates().signInFailuresByAccount.refund(use);
	return { ok: true, user: toSessionUser(user), knownDevice: '' };
}

/**
 * Checks a sign-in. `knownDevice` is the browser's known-device cookie, if any; a successful
 * result carries the cookie value to set (the same device id again, or a new one).
 */
export async function login(
	usernameRaw: string,
	password: string,
	clientAddress: string,
	knownDevice?: string
): Promise<LoginResult> {
	const username = usernameRaw.trim().toLowerCase().slice(0, 60);
	const valid = usernameSchema.safeParse(username).success;
	const deviceId = valid ? await knownDeviceOf(knownDevice, username) : null;
	const accountLimit = deviceId
		? rates().signInFailuresByKnownDevice
		: rates().signInFailuresByAccount;
	// Side by side, not one after the other: an official's sign-in costs one store round trip
	// here even while a flood keeps the store busy. The attempt counts as a failure until the
	// password proves right (then it is given back), so concurrent guesses on several servers
	// are all counted while they are being checked.
	const [byAddress, failure, user] = await Promise.all([
		rates().signInByAddress.take(clientAddress),
		accountLimit.take(deviceId ? `${username}\u0000${deviceId}` : username),
		valid ? getUser(username) : null
	]);
	const wait = Math.max(byAddress.wait, failure.wait);
	if (wait) {
		// Refused by the address alone: this attempt checked no password, so it is no failure.
		if (!failure.wait) await accountLimit.refund(failure);
		return { ok: false, code: 'demasiados_intentos', retryAfter: wait };
	}
	const secret = password.slice(0, 200);
	const ok = user?.active
		? await verifySecret(secret, user.passwordHash, 'staff')
		: await verifyAgainstNothing(secret, 'staff');
	if (!ok || !user) return { ok: false, code: 'credenciales_invalidas' };
	await accountLimit.refund(failure);
	return {
		ok: true,
		user: toSessionUser(user),
		knownDevice: await knownDeviceCookie(user.username, deviceId ?? undefined)
	};
}
