/**
 * Who is signed in: the official a session cookie belongs to. Read from the store on every
 * request, never from a cache: a sign-out, a password change or a deactivation on any server
 * is refused on every other one at once. Two small reads by id (the session, the account) per
 * official's request; citizens send no session cookie.
 */
import type { SessionUser } from '$lib/schemas';
import { sessionOf } from './sessions';
import { getUser, toSessionUser } from './users';

/** The official, or null (no cookie, forged, ended, expired, inactive account). */
export async function readSession(
	token: string | undefined,
	now = Date.now()
): Promise<SessionUser | null> {
	const session = await sessionOf(token, now);
	if (!session) return null;
	const user = await getUser(session.username);
	return user?.active ? toSessionUser(user) : null;
}
