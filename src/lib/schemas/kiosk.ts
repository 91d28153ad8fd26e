/**
 * Kiosks: shared touch screens at the alcaldía, enrolled by an administrator. Everything here
 * lives in the back-office database (`gestion`), never replicated. A kiosk device holds a long
 * random token in an HttpOnly cookie; the store keeps only its SHA-256, like officials' sessions.
 */
import { z } from 'zod';
import { isoDateTimeSchema, lineSchema } from './common';

/** Seconds without a touch before the countdown starts (default 90: long enough to read). */
export const KIOSK_IDLE_DEFAULT_S = 90;
/** Seconds the "La sesión terminará" countdown lasts (default 30). */
export const KIOSK_COUNTDOWN_DEFAULT_S = 30;

export const kioskIdleSchema = z.coerce.number().int().min(10).max(3600);
export const kioskCountdownSchema = z.coerce.number().int().min(5).max(120);

/** What an administrator submits to register a kiosk. */
export const kioskInputSchema = z
	.object({
		name: lineSchema(80),
		place: lineSchema(160),
		idleSeconds: kioskIdleSchema.default(KIOSK_IDLE_DEFAULT_S),
		countdownSeconds: kioskCountdownSchema.default(KIOSK_COUNTDOWN_DEFAULT_S)
	})
	.strict();
export type KioskInput = z.infer<typeof kioskInputSchema>;

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);

export const kioskDocSchema = z
	.object({
		_id: z.string().regex(/^kiosco:[0-9a-f-]{36}$/),
		_rev: z.string().optional(),
		type: z.literal('kiosco'),
		id: z.uuid(),
		name: lineSchema(80),
		place: lineSchema(160),
		idleSeconds: kioskIdleSchema,
		countdownSeconds: kioskCountdownSchema,
		createdAt: isoDateTimeSchema,
		createdBy: z.string().max(40),
		/** SHA-256 of the only enrollment code that may still be used, until `codeExpiresAt`. */
		codeHash: sha256Hex.optional(),
		codeExpiresAt: isoDateTimeSchema.optional(),
		/** SHA-256 of the enrolled device's cookie token: one device per kiosk. */
		tokenHash: sha256Hex.optional(),
		activatedAt: isoDateTimeSchema.optional(),
		revokedAt: isoDateTimeSchema.optional(),
		revokedBy: z.string().max(40).optional()
	})
	.strict();
export type KioskDoc = z.infer<typeof kioskDocSchema>;

/** Index documents: from a code's or a token's hash to the kiosk (`kiosco-codigo:<sha256>`). */
export const kioskRefDocSchema = z
	.object({
		_id: z.string().regex(/^kiosco-(codigo|token):[0-9a-f]{64}$/),
		_rev: z.string().optional(),
		type: z.enum(['kiosco-codigo', 'kiosco-token']),
		kiosco: z.uuid(),
		createdAt: isoDateTimeSchema
	})
	.strict();
export type KioskRefDoc = z.infer<typeof kioskRefDocSchema>;

/** What a kiosk device knows about itself (also kept in the device's Dexie `meta`). */
export const kioskInfoSchema = z.object({
	kioskId: z.uuid(),
	name: lineSchema(80),
	idleSeconds: kioskIdleSchema,
	countdownSeconds: kioskCountdownSchema,
	/** The key of this enrolment that signs when each citizen handed a request in (base64). */
	handInKey: z.string().max(100).optional()
});
export type KioskInfo = z.infer<typeof kioskInfoSchema>;

/**
 * Enrollment codes: 8 characters of an alphabet without look-alikes (no 0/O, 1/I/L, 5/S, 2/Z),
 * shown as `ABCD-EFGH`: typed on a touch screen in a few seconds, 27^8 ≈ 2.8 × 10^11 values.
 */
export const ENROLLMENT_ALPHABET = '346789ABCDEFGHJKMNPQRTUVWXY';
export const ENROLLMENT_CODE_LENGTH = 8;

/** The code as typed (any case, spaces or dashes) to its canonical form, or null. */
export function normalizeEnrollmentCode(input: string): string | null {
	const raw = input.toUpperCase().replace(/[\s-]/g, '');
	if (raw.length !== ENROLLMENT_CODE_LENGTH) return null;
	for (const c of raw) if (!ENROLLMENT_ALPHABET.includes(c)) return null;
	return raw;
}

/** `ABCDEFGH` → `ABCD-EFGH`. */
export const formatEnrollmentCode = (code: string) => `${code.slice(0, 4)}-${code.slice(4)}`;
