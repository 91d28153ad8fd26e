/**
 * Kiosks in the back-office database (`gestion`):
 *
 * | id                        | what                                                        |
 * | ------------------------- | ----------------------------------------------------------- |
 * | `kiosco:<uuid>`           | the kiosk: name, place, timeouts, code and device hashes     |
 * | `kiosco-codigo:<sha256>`  | index: an enrollment code's hash → its kiosk                  |
 * | `kiosco-token:<sha256>`   | index: a device cookie's hash → its kiosk                     |
 * | `kiosco-clave:1`          | the sealing key pair (keys.ts)                                |
 *
 * Neither a code nor a token is ever stored, only their SHA-256 (both are long random values,
 * so a plain hash is enough; a store leak yields neither). The kiosk document says which code
 * and which device are valid: activating with a code clears the code hash in the same write
 * that records the device, so a code works once even when two devices race (the loser's write
 * conflicts), and enrolling a new device for the kiosk ends the old device's cookie.
 */
import { COOKIES } from '$lib/policy';
import { config } from '$lib/server/config';
import { createHash, randomBytes, randomInt } from 'node:crypto';
import {
	ENROLLMENT_ALPHABET,
	ENROLLMENT_CODE_LENGTH,
	kioskDocSchema,
	kioskRefDocSchema,
	normalizeEnrollmentCode,
	type KioskDoc,
	type KioskInput,
	type KioskInfo
} from '$lib/schemas';
import { couch, DB } from '$lib/server/couch';
import { CouchError } from '$lib/server/couch/client';

export const KIOSK_COOKIE = COOKIES.kiosk;
/** The device cookie lasts a year; revoking ends it at once. */
export const KIOSK_COOKIE_DAYS = 365;
/** How long an enrollment code is valid after it is issued (`KIOSK_CODE_HOURS`). */
const codeTtlMs = () => config().KIOSK_CODE_HOURS * 3_600_000;

const TOKEN = /^[A-Za-z0-9_-]{43}$/;
const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');
const kioskDocId = (id: string) => `kiosco:${id}`;
const codeDocId = (hash: string) => `kiosco-codigo:${hash}`;
const tokenDocId = (hash: string) => `kiosco-token:${hash}`;

/** How a kiosk looks to the back office (no hashes). */
export interface KioskSummary {
	id: string;
	name: string;
	place: string;
	idleSeconds: number;
	countdownSeconds: number;
	createdAt: string;
	createdBy: string;
	state: 'pendiente' | 'activo' | 'revocado';
	activatedAt?: string;
	codeExpiresAt?: string;
	revokedAt?: string;
	revokedBy?: string;
}

const summary = (k: KioskDoc, now = Date.now()): KioskSummary => ({
	id: k.id,
	name: k.name,
	place: k.place,
	idleSeconds: k.idleSeconds,
	countdownSeconds: k.countdownSeconds,
	createdAt: k.createdAt,
	createdBy: k.createdBy,
	state: k.revokedAt ? 'revocado' : k.tokenHash ? 'activo' : 'pendiente',
	...(k.activatedAt ? { activatedAt: k.activatedAt } : {}),
	...(k.codeExpiresAt && k.codeHash && Date.parse(k.codeExpiresAt) > now
		? { codeExpiresAt: k.codeExpiresAt }
		: {}),
	...(k.revokedAt ? { revokedAt: k.revokedAt, revokedBy: k.revokedBy } : {})
});

export const kioskInfo = (k: KioskDoc): KioskInfo => ({
	kioskId: k.id,
	name: k.name,
	idleSeconds: k.idleSeconds,
	countdownSeconds: k.countdownSeconds
});

export async function getKiosk(id: string): Promise<KioskDoc | null> {
	return couch().getIfValid(DB.staff, kioskDocId(id), kioskDocSchema);
}

export async function listKiosks(): Promise<KioskSummary[]> {
	const docs = await couch().range(DB.staff, 'kiosco:', 'kiosco:\ufff0', kioskDocSchema);
	const now = Date.now();
	return docs.map((d) => summary(d, now)).sort((a, b) => a.name.localeCompare(b.name, 'es'));
}

/** A fresh enrollment code from the platform's cryptographic random source. */
export function generateEnrollmentCode(): string {
	let code = '';
	for (let i = 0; i < ENROLLMENT_CODE_LENGTH; i++) {
		code += ENROLLMENT_ALPHABET[randomInt(ENROLLMENT_ALPHABET.length)];
	}
	return code;
}

export interface IssuedCode {
	kiosk: KioskSummary;
	/** Shown once to the administrator; only its hash is stored. */
	code: string;
	expiresAt: string;
}

async function issueCode(kiosk: KioskDoc, now: Date): Promise<IssuedCode> {
	const code = generateEnrollmentCode();
	const hash = sha256(code);
	const expiresAt = new Date(now.getTime() + codeTtlMs()).toISOString();
	await couch().put(
		DB.staff,
		kioskRefDocSchema.parse({
			_id: codeDocId(hash),
			type: 'kiosco-codigo',
			kiosco: kiosk.id,
			createdAt: now.toISOString()
		})
	);
	const updated = kioskDocSchema.parse({ ...kiosk, codeHash: hash, codeExpiresAt: expiresAt });
	const { rev } = await couch().put(DB.staff, updated);
	return { kiosk: summary({ ...updated, _rev: rev }, now.getTime()), code, expiresAt };
}

/** Registers a kiosk and issues its first enrollment code. */
export async function registerKiosk(
	input: KioskInput,
	by: string,
	now = new Date()
): Promise<IssuedCode> {
	const id = crypto.randomUUID();
	const doc = kioskDocSchema.parse({
		_id: kioskDocId(id),
		type: 'kiosco',
		id,
		...input,
		createdAt: now.toISOString(),
		createdBy: by
	});
	const { rev } = await couch().put(DB.staff, doc);
	return issueCode({ ...doc, _rev: rev }, now);
}

export class KioskChangeRefused extends Error {
	constructor(readonly code: 'kiosco_no_encontrado' | 'kiosco_revocado') {
		super(code);
	}
}

/** A new code for a kiosk (its device was reset or replaced); earlier codes stop working. */
export async function newEnrollmentCode(id: string, now = new Date()): Promise<IssuedCode> {
	const kiosk = await getKiosk(id);
	if (!kiosk) throw new KioskChangeRefused('kiosco_no_encontrado');
	if (kiosk.revokedAt) throw new KioskChangeRefused('kiosco_revocado');
	return issueCode(kiosk, now);
}

/** Revokes a kiosk: its device cookie and any pending code stop working. */
export async function revokeKiosk(id: string, by: string, now = new Date()): Promise<void> {
	const kiosk = await getKiosk(id);
	if (!kiosk) throw new KioskChangeRefused('kiosco_no_encontrado');
	if (kiosk.revokedAt) return;
	const { codeHash: _c, codeExpiresAt: _e, tokenHash: _t, ...rest } = kiosk;
	await couch().put(
		DB.staff,
		kioskDocSchema.parse({ ...rest, revokedAt: now.toISOString(), revokedBy: by })
	);
}

export type Activation =
	{ ok: true; token: string; kiosk: KioskInfo } | { ok: false; code: 'codigo_invalido' };

/**
 * Enrolls the device that presents `input` as the kiosk's one device. Unknown, malformed,
 * expired, already used and revoked codes all give the same answer.
 */
export async function activateKiosk(input: string, now = new Date()): Promise<Activation> {
	const refused = { ok: false, code: 'codigo_invalido' } as const;
	const code = normalizeEnrollmentCode(input);
	if (!code) return refused;
	const hash = sha256(code);
	const ref = await couch().getIfValid(DB.staff, codeDocId(hash), kioskRefDocSchema);
	const kiosk = ref && (await getKiosk(ref.kiosco));
	if (
		!kiosk ||
		kiosk.revokedAt ||
		kiosk.codeHash !== hash ||
		!kiosk.codeExpiresAt ||
		Date.parse(kiosk.codeExpiresAt) <= now.getTime()
	) {
		return refused;
	}
	const token = randomBytes(32).toString('base64url');
	const tokenHash = sha256(token);
	const { codeHash: _c, codeExpiresAt: _e, ...rest } = kiosk;
	try {
		// Conditional on the revision read above: of two devices racing with one code, one wins.
		await couch().put(
			DB.staff,
			kioskDocSchema.parse({ ...rest, tokenHash, activatedAt: now.toISOString() })
		);
	} catch (e) {
		if (e instanceof CouchError && e.status === 409) return refused;
		throw e;
	}
	await couch().put(
		DB.staff,
		kioskRefDocSchema.parse({
			_id: tokenDocId(tokenHash),
			type: 'kiosco-token',
			kiosco: kiosk.id,
			createdAt: now.toISOString()
		})
	);
	return { ok: true, token, kiosk: kioskInfo(kiosk) };
}

/**
 * The kiosk a device cookie belongs to, or null (none, forged, replaced, revoked). Read from the
 * store on every request (two reads by id; a municipality has a handful of kiosks), never from
 * a cache: a revocation on any server or worker holds on every other one at once.
 */
export async function readKiosk(token: string | undefined): Promise<KioskInfo | null> {
	if (!token || !TOKEN.test(token)) return null;
	const hash = sha256(token);
	const ref = await couch().getIfValid(DB.staff, tokenDocId(hash), kioskRefDocSchema);
	const kiosk = ref && (await getKiosk(ref.kiosco));
	return kiosk && !kiosk.revokedAt && kiosk.tokenHash === hash ? kioskInfo(kiosk) : null;
}
