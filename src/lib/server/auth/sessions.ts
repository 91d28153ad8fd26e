/**
 * Officials' sessions: a random token in an HttpOnly cookie; the store keeps only its SHA-256
 * (`sesion:<hash>`), so any server behind the load balancer can check it and signing out on one
 * ends it everywhere. A replayed cookie of an ended, expired or forged session grants nothing.
 */
import { COOKIES } from '$lib/policy';
import { createHash, randomBytes } from 'node:crypto';
import { sessionDocSchema, type SessionUser, type SessionDoc } from '$lib/schemas';
import { couch, DB } from '$lib/server/couch';
import { CouchError, InvalidStoredDocument } from '$lib/server/couch/client';
import { config } from '$lib/server/config';
import { getUser, toSessionUser } from './users';

export const SESSION_COOKIE = COOKIES.session;

/** 32 random bytes, base64url: what the cookie carries. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

const sessionDocId = (token: string) =>
	`sesion:${createHash('sha256').update(token, 'utf8').digest('hex')}`;

/**
 * Sessions checked in the last few seconds, so a page and its data requests do not read the
 * store twice each. A deactivated account or a sign-out on another server takes effect within
 * this time.
 */
const CACHE_MS = 10_000;
const MAX_CACHED = 5_000;
const cache = new Map<string, { user: SessionUser | null; until: number }>();

export async function createSession(
	username: string,
	now = new Date()
): Promise<{ token: string; expires: Date }> {
	const token = randomBytes(32).toString('base64url');
	const expires = new Date(now.getTime() + config().SESSION_HOURS * 3_600_000);
	const doc: SessionDoc = sessionDocSchema.parse({
		_id: sessionDocId(token),
		type: 'sesion',
		username,
		createdAt: now.toISOString(),
		expiresAt: expires.toISOString()
	});
	await couch().put(DB.staff, doc);
	return { token, expires };
}

/** The official a cookie belongs to, or null (no cookie, forged, ended, expired, inactive). */
export async function readSession(
	token: string | undefined,
	now = Date.now()
): Promise<SessionUser | null> {
	if (!token || !TOKEN.test(token)) return null;
	const id = sessionDocId(token);
	const hit = cache.get(id);
	if (hit && hit.until > now) return hit.user;
	const { user, expiresAt } = await lookUp(id, now);
	if (cache.size >= MAX_CACHED) cache.clear();
	// Never remembered past the session's own end: an expired cookie grants nothing at once.
	cache.set(id, { user, until: Math.min(now + CACHE_MS, expiresAt) });
	return user;
}

async function lookUp(
	id: string,
	now: number
): Promise<{ user: SessionUser | null; expiresAt: number }> {
	// A session document that does not parse is no session (never an error page for the visitor).
	const doc = await couch()
		.get(DB.staff, id, sessionDocSchema)
		.catch((e: unknown) => {
			if (e instanceof InvalidStoredDocument) return null;
			throw e;
		});
	const expiresAt = doc ? Date.parse(doc.expiresAt) : Infinity;
	if (!doc || expiresAt <= now) return { user: null, expiresAt };
	const user = await getUser(doc.username);
	return { user: user?.active ? toSessionUser(user) : null, expiresAt };
}

/** Ends the session of `token` (sign-out). Ending an unknown session is not an error. */
export async function endSession(token: string | undefined): Promise<void> {
	if (!token || !TOKEN.test(token)) return;
	const id = sessionDocId(token);
	cache.delete(id);
	const doc = await couch()
		.get(DB.staff, id, sessionDocSchema)
		.catch(() => null);
	if (!doc?._rev) return;
	await couch()
		.json(`${DB.staff}/${encodeURIComponent(id)}?rev=${encodeURIComponent(doc._rev)}`, {
			method: 'DELETE'
		})
		.catch((e: unknown) => {
			if (!(e instanceof CouchError && (e.status === 404 || e.status === 409))) throw e;
		});
}

/** Forgets cached sessions, after an account change (so it applies at once on this server). */
export function forgetCachedSessions(): void {
	cache.clear();
}
