/**
 * Officials' accounts and sessions, stored in the back-office database (`gestion`), never
 * replicated to any device. The password itself is never stored: only a salted scrypt hash.
 */
import { z } from 'zod';
import { ROLES } from '$lib/schemas/vocab';
import { isoDateTimeSchema, lineSchema, slugSchema } from './common';

export const roleSchema = z.enum(ROLES);

/** Login name: lower-case ASCII, 3–40 characters, e.g. `maria.gomez`. */
export const usernameSchema = z
	.string()
	.regex(
		/^[a-z][a-z0-9._-]{2,39}$/,
		'usuario inválido: de 3 a 40 letras minúsculas, números, . _ -'
	);

/** Shortest password accepted (NIST SP 800-63B asks for at least 8). */
export const MIN_PASSWORD_LENGTH = 10;
export const passwordSchema = z
	.string()
	.min(MIN_PASSWORD_LENGTH, `la contraseña debe tener al menos ${MIN_PASSWORD_LENGTH} caracteres`)
	.max(200, 'la contraseña es demasiado larga');

export const userIdPrefix = 'usuario:';
export const userDocId = (username: string) => `${userIdPrefix}${username}`;

export const userDocSchema = z
	.object({
		_id: z.string().regex(/^usuario:[a-z][a-z0-9._-]{2,39}$/),
		_rev: z.string().optional(),
		type: z.literal('usuario'),
		username: usernameSchema,
		name: lineSchema(160),
		roles: z.array(roleSchema).min(1).max(ROLES.length),
		/** Slug of the dependencia the official works in (required for funcionarios). */
		dependencia: slugSchema.optional(),
		active: z.boolean(),
		passwordHash: z.string().min(20).max(300),
		createdAt: isoDateTimeSchema,
		updatedAt: isoDateTimeSchema,
		/** Username of whoever made the last change (or `sistema` for the first admin). */
		updatedBy: z.string().max(40)
	})
	.strict();
export type UserDoc = z.infer<typeof userDocSchema>;

/** What an administrator submits to create or change an account. */
export const userInputSchema = z
	.object({
		username: usernameSchema,
		name: lineSchema(160),
		roles: z.array(roleSchema).min(1, 'elija al menos un rol').max(ROLES.length),
		dependencia: slugSchema.optional(),
		active: z.boolean().default(true),
		password: passwordSchema.optional()
	})
	.strict();
export type UserInput = z.infer<typeof userInputSchema>;

/** The signed-in official as the app sees it (no hash). */
export const sessionUserSchema = z.object({
	username: usernameSchema,
	name: lineSchema(160),
	roles: z.array(roleSchema),
	dependencia: slugSchema.optional()
});
export type SessionUser = z.infer<typeof sessionUserSchema>;

/** A session: the id is the SHA-256 of the cookie's token, so a store leak yields no cookie. */
export const sessionDocSchema = z
	.object({
		_id: z.string().regex(/^sesion:[0-9a-f]{64}$/),
		_rev: z.string().optional(),
		type: z.literal('sesion'),
		username: usernameSchema,
		createdAt: isoDateTimeSchema,
		expiresAt: isoDateTimeSchema
	})
	.strict();
export type SessionDoc = z.infer<typeof sessionDocSchema>;

/**
 * When a session ended before it expired (sign-out, deactivation, a password change): kept so a
 * field capture made under it can be judged against its real window after the session document
 * is gone (`$lib/server/requests/hand-in`).
 */
export const sessionEndDocSchema = z
	.object({
		_id: z.string().regex(/^sesion-fin:[0-9a-f]{64}$/),
		_rev: z.string().optional(),
		type: z.literal('sesion-fin'),
		endedAt: isoDateTimeSchema,
		/** When the session would have expired (absent on ends recorded before it was kept). */
		expiresAt: isoDateTimeSchema.optional()
	})
	.strict();
export type SessionEndDoc = z.infer<typeof sessionEndDocSchema>;

/** The active administrators, one document so a change of it is one compare-and-set. */
export const ADMIN_ROSTER_ID = 'usuarios:administradores';
export const adminRosterDocSchema = z
	.object({
		_id: z.literal(ADMIN_ROSTER_ID),
		_rev: z.string().optional(),
		usernames: z.array(usernameSchema)
	})
	.strict();
export type AdminRosterDoc = z.infer<typeof adminRosterDocSchema>;

/**
 * The server secret every app server of one store shares (drawn once by the first server that
 * needs it): the key of values the server derives instead of storing, such as the PIN of a
 * request filed without JavaScript.
 */
export const SERVER_SECRET_ID = 'secreto:servidor';
export const serverSecretDocSchema = z
	.object({
		_id: z.literal(SERVER_SECRET_ID),
		_rev: z.string().optional(),
		type: z.literal('secreto'),
		key: z.string().regex(/^[0-9a-f]{64}$/),
		createdAt: isoDateTimeSchema
	})
	.strict();
export type ServerSecretDoc = z.infer<typeof serverSecretDocSchema>;
