/**
 * Every error the app answers with, as a stable code and its HTTP status: one table for the
 * JSON API, form actions, pages and the devices' queues. The server sends codes (and, in JSON,
 * a Spanish `message` rendered from the same catalogue for clients that are not our UI); the UI
 * renders each code in the reader's language from `messages/` (`error_<code>`, see
 * `$lib/i18n/error-text`). Field-level problems inside a form (`requerido`, `muy_largo`…) are
 * another, smaller vocabulary: `$lib/forms`.
 *
 * Shared by client and server: no I/O, no server imports.
 */
import { error } from '@sveltejs/kit';

export const ERRORS = {
	// Any API: framework answers, bodies, the store.
	no_encontrado: 404,
	metodo_no_permitido: 405,
	tipo_contenido: 415,
	demasiado_grande: 413,
	json_invalido: 400,
	consulta_invalida: 400,
	tipo_invalido: 400,
	id_invalido: 400,
	solo_lectura: 403,
	solicitud_invalida: 400,
	almacen_no_disponible: 503,
	error_interno: 500,
	demasiados_intentos: 429,
	servidor_ocupado: 503,
	/** The PIN/password checks waiting are at their limit (see scrypt-hash.ts): a moment later. */
	muchas_consultas: 429,
	// Only on the device: no answer at all (offline, or the connection dropped).
	sin_conexion: 503,
	error_red: 503,

	// Filing and tracking requests.
	formulario_no_encontrado: 404,
	adjunto_invalido: 400,
	/** A request names an attachment sent in pieces, and not every piece has arrived. */
	adjunto_incompleto: 409,
	/** A piece of an attachment is not base64 of the expected length. */
	trozo_invalido: 400,
	/**
	 * The store holds as many pieces waiting for their request as it may (`STAGED_PIECES_MAX`):
	 * the device sends the request with its attachments inline instead.
	 */
	adjuntos_en_espera_llenos: 503,
	conflicto_id: 409,
	radicado_no_disponible: 503,
	seguimiento_invalido: 400,
	radicado_invalido: 400,

	// Back office: sessions and roles.
	sesion_requerida: 401,
	prohibido: 403,
	credenciales_invalidas: 401,

	// An official's action on a request (`/api/gestion/eventos`, the request page).
	evento_invalido: 400,
	usuario_destino_invalido: 400,
	dependencia_invalida: 400,
	misma_dependencia: 409,
	documento_no_encontrado: 400,
	// Extensions (Ley 1755 art. 14 parágrafo): `$lib/domain/prorroga`.
	sin_plazo: 409,
	ya_prorrogada: 409,
	termino_vencido: 409,
	fecha_no_posterior: 400,
	excede_maximo: 400,
	fecha_no_habil: 400,
	solicitud_atendida: 409,
	// Incomplete requests (Ley 1755 art. 17): `$lib/domain/completion`.
	ya_en_espera: 409,
	fuera_de_plazo: 409,
	plazo_no_cumplido: 409,
	no_en_espera: 409,
	// Letters to the citizen's address: `$lib/domain/letter-delivery`.
	ya_entregada: 409,
	fecha_fuera_de_rango: 400,
	no_es_carta: 409,

	// Content workflow and trámite proposals.
	conflicto: 409,
	estado_invalido: 409,
	borrador_pendiente: 409,
	ya_existe: 409,
	referencia_invalida: 400,
	falta_comentario: 400,

	// Accounts.
	usuario_existe: 409,
	usuario_no_encontrado: 404,
	falta_clave: 400,
	falta_dependencia: 400,
	ultimo_administrador: 409,

	// Kiosks.
	sellado_invalido: 400,
	no_es_kiosco: 404,
	codigo_invalido: 400,

	// Participation: consultas and comments on proyectos de acuerdo.
	respuesta_invalida: 400,
	ya_respondio: 409,
	consulta_cerrada: 403,
	comentario_invalido: 400,
	comentarios_cerrados: 403,
	falta_consentimiento: 400,
	falta_motivo: 400,
	ya_moderado: 409
} as const satisfies Record<string, number>;

export type ErrorCode = keyof typeof ERRORS;

export const ERROR_CODES = Object.keys(ERRORS) as ErrorCode[];

/** Codes only officials meet: their text ships with the back office, never to citizens' pages. */
export const BACK_OFFICE_ERROR_CODES = [
	'sesion_requerida',
	'credenciales_invalidas',
	'evento_invalido',
	'usuario_destino_invalido',
	'dependencia_invalida',
	'misma_dependencia',
	'documento_no_encontrado',
	'sin_plazo',
	'ya_prorrogada',
	'termino_vencido',
	'fecha_no_posterior',
	'excede_maximo',
	'fecha_no_habil',
	'solicitud_atendida',
	'ya_en_espera',
	'fuera_de_plazo',
	'plazo_no_cumplido',
	'ya_entregada',
	'fecha_fuera_de_rango',
	'no_es_carta',
	'conflicto',
	'estado_invalido',
	'borrador_pendiente',
	'ya_existe',
	'referencia_invalida',
	'falta_comentario',
	'usuario_existe',
	'usuario_no_encontrado',
	'falta_clave',
	'falta_dependencia',
	'ultimo_administrador',
	'falta_motivo',
	'ya_moderado'
] as const satisfies readonly ErrorCode[];
export type BackOfficeErrorCode = (typeof BACK_OFFICE_ERROR_CODES)[number];
export type CitizenErrorCode = Exclude<ErrorCode, BackOfficeErrorCode>;

export const isErrorCode = (value: unknown): value is ErrorCode =>
	typeof value === 'string' && Object.hasOwn(ERRORS, value);

/** HTTP status of a code. */
export const statusOf = (code: ErrorCode): number => ERRORS[code];

/** A refusal a feature returns instead of throwing: its code and machine-readable detail. */
export interface Refusal<C extends ErrorCode = ErrorCode> {
	ok: false;
	code: C;
	/** Where and what (paths and codes), never the client's values. */
	detail?: unknown;
}

export const refusal = <C extends ErrorCode>(code: C, detail?: unknown): Refusal<C> =>
	detail === undefined ? { ok: false, code } : { ok: false, code, detail };

/**
 * Ends a page load or endpoint with SvelteKit's error page for `code` (status from the table).
 * The page shows the text of the code in the reader's language; `message` is for logs.
 */
export function failWith(code: ErrorCode, message: string = code): never {
	error(statusOf(code), { code, message });
}
