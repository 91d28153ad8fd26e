/**
 * An official changes their own password: the current one must be right (with the sign-in
 * limit on failures); every other session of theirs ends (a stolen or forgotten session stops
 * working), the one they are using stays.
 */
import { passwordSchema, userDocSchema } from '$lib/schemas';
import { couch, DB } from '$lib/server/couch';
import { hashSecret } from '$lib/server/crypto/scrypt-hash';
import { confirmPassword } from './login';
import { endSessionsOf } from './sessions';
import { getUser } from './users';

export type OwnPasswordResult =
	| { ok: true }
	| { ok: false; problem: 'clave_actual_incorrecta' | 'clave_corta' }
	| { ok: false; problem: 'demasiados_intentos'; retryAfter: number };

export async function changeOwnPassword(
	username: string,
	current: string,
	next: string,
	keepSession: string | undefined,
	now = new Date()
): Promise<OwnPasswordResult> {
	const confirmed = await confirmPassword(username, current);
	if (!confirmed.ok) {
		return confirmed.code === 'demasiados_intentos'
			? { ok: false, problem: 'demasiados_intentos', retryAfter: confirmed.retryAfter }
			: { ok: false, problem: 'clave_actual_incorrecta' };
	}
	const parsed = passwordSchema.safeParse(next);
	if (!parsed.success) return { ok: false, problem: 'clave_corta' };
	const user = await getUser(username);
	if (!user) return { ok: false, problem: 'clave_actual_incorrecta' };
	await couch().put(
		DB.staff,
		userDocSchema.parse({
			...user,
			passwordHash: await hashSecret(parsed.data, 'staff'),
			updatedAt: now.toISOString(),
			updatedBy: username
		})
	);
	await endSessionsOf(username, { keep: keepSession });
	return { ok: true };
}
