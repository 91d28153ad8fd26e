/**
 * Officials' accounts in the back-office database: `usuario:<username>` documents with a scrypt
 * password hash. Only administrators change them (checked by the routes); every change records
 * who made it.
 */
import {
	ADMIN_ROSTER_ID,
	adminRosterDocSchema,
	userDocId,
	userDocSchema,
	userIdPrefix,
	userInputSchema,
	type SessionUser,
	type UserDoc,
	type UserInput
} from '$lib/schemas';
import { couch, DB } from '$lib/server/couch';
import { CouchError, InvalidStoredDocument } from '$lib/server/couch/client';
import { hashSecret } from '$lib/server/crypto/scrypt-hash';
import { endSessionsOf } from './sessions';
import { config } from '$lib/server/config';

export type UserChangeError =
	| 'usuario_existe'
	| 'usuario_no_encontrado'
	| 'falta_clave'
	| 'falta_dependencia'
	| 'ultimo_administrador';

export class UserChangeRefused extends Error {
	constructor(readonly code: UserChangeError) {
		super(code);
	}
}

export async function getUser(username: string): Promise<UserDoc | null> {
	return couch()
		.get(DB.staff, userDocId(username), userDocSchema)
		.catch((e: unknown) => {
			// An account document that does not parse cannot sign in (logged, never a 500).
			if (e instanceof InvalidStoredDocument) return (console.error(e.message), null);
			throw e;
		});
}

export async function listUsers(): Promise<UserDoc[]> {
	return couch().range(DB.staff, userIdPrefix, `${userIdPrefix}\ufff0`, userDocSchema);
}

export const toSessionUser = (u: UserDoc): SessionUser => ({
	username: u.username,
	name: u.name,
	roles: u.roles,
	...(u.dependencia ? { dependencia: u.dependencia } : {})
});

/** Funcionarios act for a dependencia: without one their inbox would be empty. */
function needsDependencia(input: Pick<UserInput, 'roles'>) {
	return input.roles.includes('funcionario');
}

/**
 * Creates an account.
 * @throws {UserChangeRefused} `usuario_existe`, `falta_clave`, `falta_dependencia`.
 */
export async function createUser(raw: UserInput, by: string, now = new Date()) {
	const input = userInputSchema.parse(raw);
	if (!input.password) throw new UserChangeRefused('falta_clave');
	if (needsDependencia(input) && !input.dependencia) {
		throw new UserChangeRefused('falta_dependencia');
	}
	const at = now.toISOString();
	const doc = userDocSchema.parse({
		_id: userDocId(input.username),
		type: 'usuario',
		username: input.username,
		name: input.name,
		roles: [...new Set(input.roles)],
		...(input.dependencia ? { dependencia: input.dependencia } : {}),
		active: input.active,
		passwordHash: await hashSecret(input.password, 'staff'),
		createdAt: at,
		updatedAt: at,
		updatedBy: by
	});
	try {
		await couch().put(DB.staff, doc);
	} catch (e) {
		if (e instanceof CouchError && e.status === 409) throw new UserChangeRefused('usuario_existe');
		throw e;
	}
	return doc;
}

/**
 * Changes an account's name, roles, dependencia, state or password (when given). Refuses to
 * leave the portal without an active administrator.
 * @throws {UserChangeRefused} `usuario_no_encontrado`, `falta_dependencia`, `ultimo_administrador`.
 */
export async function updateUser(raw: UserInput, by: string, now = new Date()) {
	const input = userInputSchema.parse(raw);
	const current = await getUser(input.username);
	if (!current) throw new UserChangeRefused('usuario_no_encontrado');
	if (needsDependencia(input) && !input.dependencia) {
		throw new UserChangeRefused('falta_dependencia');
	}
	const staysAdmin = input.active && input.roles.includes('administrador');
	const wasAdmin = current.active && current.roles.includes('administrador');
	if (wasAdmin !== staysAdmin) await changeAdminRoster(current.username, staysAdmin);
	const { dependencia: _old, ...rest } = current;
	const doc = userDocSchema.parse({
		...rest,
		name: input.name,
		roles: [...new Set(input.roles)],
		...(input.dependencia ? { dependencia: input.dependencia } : {}),
		active: input.active,
		passwordHash: input.password ? await hashSecret(input.password, 'staff') : current.passwordHash,
		updatedAt: now.toISOString(),
		updatedBy: by
	});
	await couch().put(DB.staff, doc);
	// A new password, or a deactivated account: every open session of it ends, on every server.
	if (input.password || !input.active) await endSessionsOf(doc.username);
	return doc;
}

/**
 * The active administrators, kept in one document that every change of an administrator's
 * role or state rewrites with compare-and-set: two administrators removing each other at the
 * same moment both read it, one write wins, the other re-reads and finds it would leave none.
 * (Checking the accounts themselves would let both pass: the two writes touch different
 * documents.) Built from the accounts when missing.
 */

async function changeAdminRoster(username: string, admin: boolean): Promise<void> {
	for (;;) {
		const stored = await couch().get(DB.staff, ADMIN_ROSTER_ID, adminRosterDocSchema);
		const current =
			stored?.usernames ??
			(await listUsers())
				.filter((u) => u.active && u.roles.includes('administrador'))
				.map((u) => u.username);
		const next = admin
			? [...new Set([...current, username])]
			: current.filter((u) => u !== username);
		if (!next.length) throw new UserChangeRefused('ultimo_administrador');
		try {
			await couch().put(DB.staff, {
				_id: ADMIN_ROSTER_ID,
				...(stored?._rev ? { _rev: stored._rev } : {}),
				usernames: next.sort()
			});
			return;
		} catch (e) {
			// Another administrator changed it meanwhile: read it again and decide again.
			if (!(e instanceof CouchError && e.status === 409)) throw e;
		}
	}
}

/** ADMIN_USUARIO / ADMIN_CLAVE / ADMIN_NOMBRE do not make a valid account. */
export class FirstAdminInvalid extends Error {
	constructor(readonly problems: string[]) {
		super(`ADMIN_USUARIO/ADMIN_CLAVE no válidos: ${problems.join('; ')}`);
	}
}

/**
 * Creates the first administrator from `ADMIN_USUARIO` / `ADMIN_CLAVE` when the store has no
 * account yet. Returns the username created, or null.
 */
export async function ensureFirstAdmin(): Promise<string | null> {
	const { ADMIN_USUARIO: username, ADMIN_CLAVE: password, ADMIN_NOMBRE: name } = config();
	if (!username || !password) return null;
	const wanted = { username, password, name };
	if ((await listUsers()).length) return null;
	const input = userInputSchema.safeParse({
		username: wanted.username,
		name: wanted.name,
		roles: ['administrador'],
		active: true,
		password: wanted.password
	});
	if (!input.success) {
		// A typo in the environment must not take the public portal down: say what is wrong and
		// keep serving; the administrator fixes the variable and restarts.
		throw new FirstAdminInvalid(input.error.issues.map((i) => i.message));
	}
	try {
		await createUser(input.data, 'sistema');
	} catch (e) {
		// Another server created it at the same moment.
		if (e instanceof UserChangeRefused && e.code === 'usuario_existe') return null;
		throw e;
	}
	return wanted.username;
}
