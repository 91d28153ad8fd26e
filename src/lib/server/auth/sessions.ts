/**
 * Officials' sessions: a random token in an HttpOnly cookie; the store keeps only its SHA-256
 * (`sesion:<hash>`), so any server behind the load balancer can check it and signing out on one
 * ends it everywhere. A replayed cookie of an ended, expired or forged session grants nothing.
 */
import { COOKIES, HAND_IN, MAX_SESSION_HOURS } from '$lib/policy';
import { createHash, randomBytes } from 'node:crypto';
import { sessionDocSchema, sessionEndDocSchema, type SessionDoc } from '$lib/schemas';
import { couch, DB } from '$lib/server/couch';
import { CouchError } from '$lib/server/couch/client';
import { config } from '$lib/server/config';

export const SESSION_COOKIE = COOKIES.session;

/** 32 random bytes, base64url: what the cookie carries. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

const sessionDocId = (token: string) =>
	`sesion:${createHash('sha256').update(token, 'utf8').digest('hex')}`;

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

/** The open session a cookie names, or null (no cookie, forged, ended, expired). */
export async function sessionOf(
	token: string | undefined,
	now = Date.now()
): Promise<SessionDoc | null> {
	if (!token || !TOKEN.test(token)) return null;
	// A session document that does not parse is no session (never an error page for the visitor).
	const doc = await couch().getIfValid(DB.staff, sessionDocId(token), sessionDocSchema);
	return doc && Date.parse(doc.expiresAt) > now ? doc : null;
}

/** Ends the session of `token` (sign-out). Ending an unknown session is not an error. */
export async function endSession(token: string | undefined): Promise<void> {
	if (!token || !TOKEN.test(token)) return;
	const doc = await couch().getIfValid(DB.staff, sessionDocId(token), sessionDocSchema);
	if (doc) await deleteSessions([doc]);
}

/** The sessions of every account (expired ones included, until they are cleared). */
const allSessions = () => couch().range(DB.staff, 'sesion:', 'sesion:\ufff0', sessionDocSchema);

/** The open sessions of `username` now. */
export async function openSessions(username: string, now = Date.now()): Promise<number> {
	return (await allSessions()).filter(
		(s) => s.username === username && Date.parse(s.expiresAt) > now
	).length;
}

/**
 * Ends every session of `username` on every server (they read the store on each request),
 * except the one of `keep` (the token of the official asking, to stay signed in here). Expired
 * sessions of any account found on the way are removed too. Returns how many were ended.
 */
export async function endSessionsOf(
	username: string,
	opts: { keep?: string; now?: number } = {}
): Promise<number> {
	const now = opts.now ?? Date.now();
	const kept = opts.keep && TOKEN.test(opts.keep) ? sessionDocId(opts.keep) : null;
	const sessions = await allSessions();
	const ended = sessions.filter((s) => s.username === username && s._id !== kept);
	const expired = sessions.filter((s) => s.username !== username && Date.parse(s.expiresAt) <= now);
	await deleteSessions([...ended, ...expired], now);
	return ended.length;
}

/** Removes sessions that expired (on every server's housekeeping). Returns how many. */
export async function removeExpiredSessions(now = Date.now()): Promise<number> {
	const expired = (await allSessions()).filter((s) => Date.parse(s.expiresAt) <= now);
	await deleteSessions(expired, now);
	return expired.length;
}

const HOUR_MS = 3_600_000;

/**
 * Removes the ends of sessions no capture can be judged by any more (on every server's
 * housekeeping): a field capture made under a session is believed only up to
 * `HAND_IN.maxAgeDays` after it was made, and never after the session's own expiry, so an end
 * matters until that long after the session would have expired. Returns how many.
 */
export async function removeStaleSessionEnds(now = Date.now()): Promise<number> {
	const ends = await couch().range(
		DB.staff,
		'sesion-fin:',
		'sesion-fin:\ufff0',
		sessionEndDocSchema
	);
	const kept = HAND_IN.maxAgeDays * 24 * HOUR_MS + HAND_IN.skewMs;
	const stale = ends.filter((e) => {
		const expires = e.expiresAt
			? Date.parse(e.expiresAt)
			: Date.parse(e.endedAt) + MAX_SESSION_HOURS * HOUR_MS;
		return expires + kept < now;
	});
	const gone = stale.flatMap((e) => (e._rev ? [{ _id: e._id, _rev: e._rev, _deleted: true }] : []));
	if (gone.length) await couch().bulkDocs(DB.staff, gone);
	return gone.length;
}

/** When the session with document id `sesion:<hash>` ended before expiring, or null. */
export async function sessionEnd(hash: string): Promise<string | null> {
	const doc = await couch().getIfValid(DB.staff, `sesion-fin:${hash}`, sessionEndDocSchema);
	return doc?.endedAt ?? null;
}

async function deleteSessions(docs: SessionDoc[], now = Date.now()): Promise<void> {
	const gone = docs.flatMap((d) => (d._rev ? [{ _id: d._id, _rev: d._rev, _deleted: true }] : []));
	if (!gone.length) return;
	// A session cut short leaves its end behind: captures made under it are judged by it.
	const endedAt = new Date(now).toISOString();
	const ends = docs
		.filter((d) => Date.parse(d.expiresAt) > now)
		.map((d) => ({
			_id: `sesion-fin:${d._id.slice('sesion:'.length)}`,
			type: 'sesion-fin' as const,
			endedAt,
			expiresAt: d.expiresAt
		}));
	// A session already ended elsewhere answers a conflict: it is ended either way.
	const results = await couch().bulkDocs(DB.staff, [...ends, ...gone]);
	const failed = results.filter(
		(r) => r.error && r.error !== 'conflict' && r.error !== 'not_found'
	);
	if (failed.length)
		throw new CouchError(500, failed[0]?.error ?? 'error', failed[0]?.reason ?? '');
}
