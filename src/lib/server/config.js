// @ts-check
/**
 * Every setting Ventanilla reads from the environment, parsed with one Zod schema. This is the
 * only module that reads `process.env`: the SvelteKit server (bundled) and the Node entry point
 * (`server/index.js`, which imports this file directly) both go through it, and a bad value
 * stops start-up with a Spanish message that names the variable.
 *
 * Plain JavaScript with JSDoc (checked by `tsc`) so `node server/index.js` can import it without
 * a build. Read at call time, not snapshotted: `server/index.js` sets `COUCHDB_URL` for the
 * embedded store before the app starts (see `useEmbeddedStore`), and each test server is its own
 * process with its own environment.
 */
import { availableParallelism } from 'node:os';
import { z } from 'zod';
import { LIMITS, MAX_SESSION_HOURS } from '../policy.js';

/** Unset and empty are the same: `VAR=` in a unit file or a compose file means "not set". */
const optional = (/** @type {z.ZodType} */ schema) =>
	z.preprocess((v) => (v === '' ? undefined : v), schema.optional());
const withDefault = (/** @type {z.ZodType} */ schema, /** @type {unknown} */ value) =>
	z.preprocess((v) => (v === '' || v === undefined ? value : v), schema);

const number = z.coerce.number().refine(Number.isFinite);
const positiveInt = number.pipe(z.number().int().min(1));
const httpUrl = z.url({ protocol: /^https?$/ });

/**
 * More app processes than this only adds memory: they share one store. Also a ceiling on a typo
 * (`WORKERS=200` for 20) forking until the machine swaps.
 */
export const MAX_WORKERS = 64;

/** The range of scrypt's work factor, 2^10 to 2^17 (see SCRYPT_N below). */
export const MIN_SCRYPT_N = 1 << 10;
export const MAX_SCRYPT_N = 1 << 17;

/** `12M`, `512K`, `1048576`: bytes, as adapter-node's `BODY_SIZE_LIMIT` reads them. */
function parseBytes(/** @type {string} */ value) {
	const m = /^(\d+)([KMG]?)$/i.exec(value.trim());
	if (!m) return NaN;
	const unit = { '': 1, K: 1024, M: 1024 ** 2, G: 1024 ** 3 }[(m[2] ?? '').toUpperCase()] ?? NaN;
	return Number(m[1]) * unit;
}

export const envSchema = z.object({
	PORT: withDefault(positiveInt.pipe(z.number().max(65535)), 3000),
	// Unset: see defaultWorkers.
	WORKERS: optional(positiveInt.pipe(z.number().max(MAX_WORKERS))),
	HOST: withDefault(z.string().min(1), '0.0.0.0'),
	DATA_DIR: withDefault(z.string().min(1), './data'),
	COUCHDB_URL: optional(httpUrl),
	ORIGIN: optional(httpUrl),
	PROTOCOL_HEADER: optional(z.string().regex(/^[a-z0-9-]+$/i)),
	ADDRESS_HEADER: optional(z.string().regex(/^[a-z0-9-]+$/i)),
	XFF_DEPTH: optional(positiveInt),
	BODY_SIZE_LIMIT: withDefault(
		z.string().refine((v) => parseBytes(v) >= LIMITS.submissionBytes),
		'12M'
	),
	// Six letters ending in S would number what is sent in the same series as what is received
	// (the outgoing series adds an S: PG → PGS).
	RADICADO_PREFIX: withDefault(z.string().regex(/^(?![A-Z]{5}S$)[A-Z]{2,6}$/), 'PG'),
	TRACKING_LOOKUPS_PER_MINUTE: withDefault(positiveInt, 30),
	SESSION_HOURS: withDefault(number.pipe(z.number().gt(0).max(MAX_SESSION_HOURS)), 12),
	LOGIN_ATTEMPTS_PER_MINUTE: withDefault(positiveInt, 10),
	RATE_LIMIT_FACTOR: withDefault(number.pipe(z.number().gt(0).max(10_000)), 1),
	/**
	 * scrypt's work factor for new PIN and password hashes (see scrypt-hash.ts): a power of two.
	 * Stored hashes keep the figure they were made with. Test servers set the lowest, which makes
	 * each hash 16 times cheaper (CI files and signs in thousands of times); the tests of the
	 * hashing queue itself keep the default.
	 */
	SCRYPT_N: withDefault(
		positiveInt.pipe(
			z
				.number()
				.min(MIN_SCRYPT_N)
				.max(MAX_SCRYPT_N)
				.refine((n) => (n & (n - 1)) === 0)
		),
		16_384
	),
	ADMIN_USUARIO: optional(z.string().trim().min(1)),
	ADMIN_CLAVE: optional(z.string().min(1)),
	ADMIN_NOMBRE: withDefault(z.string().trim().min(1).max(160), 'Administrador'),
	KIOSK_CODE_HOURS: withDefault(
		number.pipe(
			z
				.number()
				.gt(0)
				.max(24 * 7)
		),
		24
	),
	/**
	 * The SMTP server that sends citizens their answers by e-mail (Ley 1755, CPACA art. 56).
	 * Unset: no e-mail is sent, and the request page tells the official to notify otherwise.
	 */
	SMTP_URL: optional(z.url({ protocol: /^smtps?$/ })),
	/**
	 * Shortest pause between two rebuilds of the offline pack after content changes (seconds):
	 * each rebuild compresses the changed segments with Brotli 11 (~4 s of one core per 1,000
	 * documents); devices replicate what changed since the last one.
	 */
	PACK_REFRESH_SECONDS: withDefault(number.pipe(z.number().min(0).max(86_400)), 30),
	/**
	 * Most attachment pieces the store keeps waiting for their request, from every device at once
	 * (each up to 96 KB of base64: 4,000 are ~375 MB). The per-address allowance stops one device;
	 * this stops many addresses from filling the disk. Past it, devices send their requests with
	 * the attachments inline (no resuming after a cut, nothing lost).
	 */
	STAGED_PIECES_MAX: withDefault(positiveInt, 4000),
	MAIL_FROM: withDefault(z.email(), 'ventanilla@puertoguzman-putumayo.gov.co')
});

/** @typedef {Omit<z.infer<typeof envSchema>, 'WORKERS'> & { WORKERS: number }} Config */

/**
 * App processes when `WORKERS` is unset: one per core the system lets Node use (containers' CPU
 * quotas included), less the core the embedded store's own process needs. On 2 cores with the
 * embedded store that is one app process beside the store: more app processes only queued more
 * work on the one store process and made every answer slower (bench/README.md).
 * @param {string | undefined} couchdbUrl
 */
export function defaultWorkers(couchdbUrl) {
	const cores = Math.min(availableParallelism(), MAX_WORKERS);
	return couchdbUrl ? cores : Math.max(1, cores - 1);
}

/** What each variable must be, for the operator's error message. */
const EXPECTED = /** @type {const} */ ({
	PORT: 'un número de puerto entre 1 y 65535',
	WORKERS: `un número entero de procesos de la aplicación entre 1 y ${MAX_WORKERS}`,
	HOST: 'una interfaz de red, p. ej. 0.0.0.0',
	DATA_DIR: 'una carpeta',
	COUCHDB_URL: 'una URL http(s) de Apache CouchDB, p. ej. https://usuario:clave@couch:5984',
	ORIGIN: 'una URL http(s), p. ej. https://ventanilla.puertoguzman-putumayo.gov.co',
	PROTOCOL_HEADER: 'el nombre de una cabecera HTTP, p. ej. x-forwarded-proto',
	ADDRESS_HEADER: 'el nombre de una cabecera HTTP, p. ej. x-forwarded-for',
	XFF_DEPTH: 'un número entero de 1 en adelante',
	BODY_SIZE_LIMIT: `un tamaño de al menos ${LIMITS.submissionBytes / 1024 / 1024} MB, p. ej. 12M`,
	RADICADO_PREFIX: 'de 2 a 6 letras mayúsculas (con 6, la última no puede ser S), p. ej. PG',
	TRACKING_LOOKUPS_PER_MINUTE: 'un número entero de 1 en adelante',
	SESSION_HOURS: 'un número de horas mayor que 0 y hasta 720',
	LOGIN_ATTEMPTS_PER_MINUTE: 'un número entero de 1 en adelante',
	RATE_LIMIT_FACTOR: 'un número mayor que 0 y hasta 10000, p. ej. 2',
	SCRYPT_N: 'una potencia de 2 de 1024 a 131072, p. ej. 16384',
	ADMIN_USUARIO: 'un nombre de usuario',
	ADMIN_CLAVE: 'una contraseña',
	ADMIN_NOMBRE: 'un nombre de hasta 160 caracteres',
	KIOSK_CODE_HOURS: 'un número de horas mayor que 0 y hasta 168',
	SMTP_URL: 'una URL smtp(s), p. ej. smtps://usuario:clave@correo.puertoguzman-putumayo.gov.co:465',
	MAIL_FROM: 'una dirección de correo, p. ej. ventanilla@puertoguzman-putumayo.gov.co',
	PACK_REFRESH_SECONDS: 'un número de segundos de 0 a 86400, p. ej. 30',
	STAGED_PIECES_MAX: 'un número entero de 1 en adelante, p. ej. 4000'
});

/** Values never printed in an error message. */
const SECRET = new Set(['COUCHDB_URL', 'ADMIN_CLAVE', 'SMTP_URL']);

/** Settings that existed once and were removed: setting them is a mistake worth stopping for. */
const REMOVED = /** @type {Record<string, string>} */ ({
	ADMIN_TOKEN:
		'ADMIN_TOKEN ya no existe: la API de administración con token se retiró. Las acciones sobre solicitudes pasan por cuentas de funcionario (/gestion o /api/gestion/eventos). Quite la variable.',
	VENTANILLA_EMBEDDED_STORE:
		'VENTANILLA_EMBEDDED_STORE no se usa: el almacén integrado se inicia cuando falta COUCHDB_URL. Quite la variable.'
});

export class ConfigError extends Error {
	/** @param {string[]} problems  one Spanish sentence per variable */
	constructor(problems) {
		super(
			`Configuración inválida; corrija y reinicie:\n${problems.map((p) => `  - ${p}`).join('\n')}`
		);
		this.name = 'ConfigError';
		this.problems = problems;
	}
}

const NAMES = /** @type {Array<keyof typeof EXPECTED>} */ (Object.keys(envSchema.shape));

/**
 * The settings, parsed from `env` (default `process.env`).
 * @param {Record<string, string | undefined>} [env]
 * @returns {Config}
 * @throws {ConfigError} naming every variable with a bad value
 */
export function parseConfig(env = process.env) {
	/** @type {string[]} */
	const problems = [];
	for (const [name, why] of Object.entries(REMOVED)) if (env[name]) problems.push(why);
	const parsed = envSchema.safeParse(Object.fromEntries(NAMES.map((n) => [n, env[n]])));
	if (!parsed.success) {
		const bad = new Set(parsed.error.issues.map((i) => String(i.path[0])));
		for (const name of NAMES) {
			if (!bad.has(name)) continue;
			const shown = SECRET.has(name) ? '' : ` (${JSON.stringify(env[name])})`;
			problems.push(`${name}${shown} debe ser ${EXPECTED[name]}.`);
		}
	}
	if (problems.length || !parsed.success) throw new ConfigError(problems);
	return {
		...parsed.data,
		WORKERS: parsed.data.WORKERS ?? defaultWorkers(parsed.data.COUCHDB_URL)
	};
}

/** @type {{ key: string, value: Config } | undefined} */
let memo;

/**
 * The current settings. Cheap to call on every request: parsed again only when one of the
 * variables changed (a test or `useEmbeddedStore` set it).
 * @returns {Config}
 */
export function config() {
	const key = NAMES.map((n) => process.env[n] ?? '').join('\u0000');
	if (memo?.key !== key) memo = { key, value: parseConfig() };
	return memo.value;
}

/**
 * The store's URL. Throws when neither `COUCHDB_URL` nor the embedded store set it.
 * @returns {string}
 */
export function couchUrl() {
	const url = config().COUCHDB_URL;
	if (!url) {
		throw new Error(
			'COUCHDB_URL no está definido: inicie con `npm start` (almacén integrado) o defina COUCHDB_URL'
		);
	}
	return url;
}

/**
 * Points this process at the embedded store it started itself (`WORKERS=1`; cluster workers get
 * the primary's store in their environment). The one write to the environment: the SvelteKit
 * handler, bundled with its own copy of this module, starts after this and reads it from there.
 * @param {string} url
 */
export function useEmbeddedStore(url) {
	process.env.COUCHDB_URL = url;
}

/**
 * What adapter-node reads from the environment itself, with Ventanilla's defaults applied: the
 * body limit that photos need and, unless the operator set `ORIGIN` or `PROTOCOL_HEADER`, the
 * protocol header this server fills in from its own socket.
 * @param {Config} settings
 * @param {string} ownProtocolHeader
 */
export function applyAdapterDefaults(settings, ownProtocolHeader) {
	process.env.BODY_SIZE_LIMIT = settings.BODY_SIZE_LIMIT;
	const ownProtocol = !settings.ORIGIN && !settings.PROTOCOL_HEADER;
	if (ownProtocol) process.env.PROTOCOL_HEADER = ownProtocolHeader;
	return { ownProtocol };
}
