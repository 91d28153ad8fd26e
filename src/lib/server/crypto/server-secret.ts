/**
 * The key every app server of one store shares, for values the server derives instead of
 * storing (an HMAC of a request id is the same on every server and after every restart).
 * Kept in the back-office database, which is never replicated; drawn by the first server that
 * needs it, with a create-only write so two servers starting together agree on one key.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { SERVER_SECRET_ID, serverSecretDocSchema } from '$lib/schemas';
import { couch, DB } from '$lib/server/couch';
import { CouchError } from '$lib/server/couch/client';

let known: Buffer | null = null;

/**
 * The shared key. Only a key that was read or written is remembered: a failed read while the
 * store is down is retried by the next caller, never kept.
 */
export async function serverSecret(): Promise<Buffer> {
	if (known) return known;
	const client = couch();
	let stored = await client.get(DB.staff, SERVER_SECRET_ID, serverSecretDocSchema);
	if (!stored) {
		try {
			const key = randomBytes(32).toString('hex');
			await client.put(DB.staff, {
				_id: SERVER_SECRET_ID,
				type: 'secreto',
				key,
				createdAt: new Date().toISOString()
			});
		} catch (e) {
			// Another server drew it first: its key is the one.
			if (!(e instanceof CouchError && e.status === 409)) throw e;
		}
		stored = await client.get(DB.staff, SERVER_SECRET_ID, serverSecretDocSchema);
		if (!stored) throw new Error('El secreto del servidor no quedó guardado');
	}
	known = Buffer.from(stored.key, 'hex');
	return known;
}

/** HMAC-SHA-256 of `purpose` and `value` under the shared key (purposes never share a MAC). */
export async function derive(purpose: string, value: string): Promise<Buffer> {
	return createHmac('sha256', await serverSecret())
		.update(`${purpose}\u0000${value}`, 'utf8')
		.digest();
}
