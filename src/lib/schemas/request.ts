/**
 * Requests (PQRSD and trámites): what a device submits, what the server stores, and the event
 * documents officials add later. A filed request is immutable; everything that happens to it
 * afterwards is a new `evento` document, so replicas can never conflict over it.
 */
import { REQUEST_STATUSES, type RequestStatus } from './vocab';
import { z } from 'zod';
import { PQRSD_TYPES, PRIORITY_CLAIMS } from '$lib/schemas/vocab';
import { coded, isoDateSchema, isoDateTimeSchema, lineSchema, slugSchema } from './common';
import { isCleanText } from './text';
import { ATTACHMENT_TYPES, MAX_ATTACHMENT_BYTES } from './content';
import { HAND_IN_REASONS } from '$lib/domain/hand-in';

/** An official's username, as events and captures refer to it (see usuario.ts). */
const usernameRef = z.string().regex(/^[a-z][a-z0-9._-]{2,39}$/, 'usuario inválido');

/**
 * A request a field official captured on a citizen's behalf: who captured it (from their
 * session, never from the device's word) and that the data-processing consent was read aloud
 * and accepted by the citizen.
 */
export const fieldCaptureSchema = z
	.object({
		by: usernameRef,
		byName: lineSchema(160),
		consentReadAloud: z.literal(true)
	})
	.strict();
export type FieldCapture = z.infer<typeof fieldCaptureSchema>;

/** Colombian identity documents accepted for a natural or legal person. */
export const DOCUMENT_TYPES = ['CC', 'TI', 'CE', 'PA', 'PPT', 'RC', 'NIT'] as const;

/** Documents of minors: their requests may name a legal representative, and go first. */
export const MINOR_DOCUMENT_TYPES = ['TI', 'RC'] as const;
/** Documents a legal representative can hold. */
export const ADULT_DOCUMENT_TYPES = ['CC', 'CE', 'PA', 'PPT'] as const;
export const isMinorDocument = (type: string | undefined) =>
	(MINOR_DOCUMENT_TYPES as readonly string[]).includes(type ?? '');
const REPRESENTATIVE_KEYS = [
	'representativeName',
	'representativeDocumentType',
	'representativeDocumentNumber'
] as const;

export const applicantSchema = z
	.object({
		name: lineSchema(160),
		documentType: z.enum(DOCUMENT_TYPES),
		documentNumber: z.string().regex(/^[A-Za-z0-9-]{3,20}$/, 'número de documento inválido'),
		email: z.email().max(200).optional(),
		phone: z
			.string()
			.regex(/^[0-9 +()-]{7,20}$/, 'teléfono inválido')
			.optional(),
		address: z.string().trim().max(300).optional(),
		vereda: lineSchema(120).optional(),
		/**
		 * The legal representative of a minor (tarjeta de identidad, registro civil), who then
		 * consents for them (Ley 1581 art. 7, Decreto 1377 art. 12). Optional: a minor may
		 * petition on their own (legal review 4.4); given at all, it is given whole.
		 */
		representativeName: lineSchema(160).optional(),
		representativeDocumentType: z.enum(ADULT_DOCUMENT_TYPES).optional(),
		representativeDocumentNumber: z
			.string()
			.regex(/^[A-Za-z0-9-]{3,20}$/, 'número de documento inválido')
			.optional(),
		/** Priority the applicant asks for (`$lib/domain/priority`); optional, may be sensitive. */
		priority: z.enum(PRIORITY_CLAIMS).optional()
	})
	.strict()
	.superRefine((a, ctx) => {
		const given = REPRESENTATIVE_KEYS.filter((key) => a[key] !== undefined);
		if (!given.length) return;
		if (!isMinorDocument(a.documentType)) {
			ctx.addIssue({
				code: 'custom',
				path: [given[0]!],
				message: 'solo una tarjeta de identidad o un registro civil lleva representante legal'
			});
			return;
		}
		for (const key of REPRESENTATIVE_KEYS) {
			if (a[key] === undefined) {
				ctx.addIssue({
					code: 'custom',
					path: [key],
					message: 'faltan datos del representante legal del menor',
					params: { code: 'requerido' }
				});
			}
		}
	});
export type Applicant = z.infer<typeof applicantSchema>;

/** Ley 1581: prior, express, informed consent, kept with the policy version it accepted. */
export const consentSchema = z
	.object({
		accepted: z.literal(true),
		policyVersion: lineSchema(40),
		acceptedAt: isoDateTimeSchema
	})
	.strict();

/** Most attachments one request may carry. */
export const MAX_ATTACHMENTS = 5;

/** Largest base64 text of one attachment: 4/3 of the byte limit, plus padding. */
const MAX_BASE64 = Math.ceil(MAX_ATTACHMENT_BYTES / 3) * 4 + 4;

export const attachmentSchema = z
	.object({
		id: z.uuid(),
		name: lineSchema(200).refine((n) => !/[\\/]/.test(n), 'nombre de archivo inválido'),
		type: z.enum(ATTACHMENT_TYPES),
		size: z.number().int().min(1).max(MAX_ATTACHMENT_BYTES),
		data: z
			.string()
			.max(MAX_BASE64)
			.regex(/^[A-Za-z0-9+/]+={0,2}$/, 'adjunto no es base64')
	})
	.strict();
export type Attachment = z.infer<typeof attachmentSchema>;

/** Field values of a form: text or a checkbox. Validated against the form by the form engine. */
export const formValuesSchema = z
	.record(
		z.string().regex(/^[a-z][a-z0-9_]{0,39}$/),
		z.union([z.string().max(10_000), z.boolean()])
	)
	.refine((v) => Object.keys(v).length <= 30, 'demasiados campos');

const macSchema = z.string().regex(/^[A-Za-z0-9+/]{43}=$/, 'firma inválida');

/**
 * A kiosk's or field official's signature on `capturedAt`, the moment the citizen handed the
 * request in (see `$lib/server/requests/hand-in`): the kiosk names itself, a field capture
 * carries the capture pass of the session it was made under.
 */
export const handInAttestationSchema = z.discriminatedUnion('channel', [
	z.object({ channel: z.literal('kiosco'), kiosk: z.uuid(), mac: macSchema }).strict(),
	z
		.object({
			channel: z.literal('campo'),
			pass: z
				.string()
				.max(400)
				.regex(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/, 'pase inválido'),
			mac: macSchema
		})
		.strict()
]);
export type HandInAttestation = z.infer<typeof handInAttestationSchema>;

/**
 * What a device sends. `id` is generated on the device and makes the submission idempotent; the
 * PIN is generated on the device too, so a retry after a lost response still knows it.
 */
export const submissionSchema = z
	.object({
		id: z.uuid(),
		form: slugSchema,
		capturedAt: isoDateTimeSchema,
		anonymous: z.boolean(),
		applicant: applicantSchema.optional(),
		values: formValuesSchema,
		consent: consentSchema.optional(),
		attachments: z.array(attachmentSchema).max(MAX_ATTACHMENTS).default([]),
		pin: z.string().regex(/^\d{6}$/, 'el PIN debe tener 6 dígitos'),
		/** Captured by a field official on the citizen's behalf (their session says who). */
		fieldCapture: z
			.object({ consentReadAloud: z.literal(true) })
			.strict()
			.optional(),
		/** When a kiosk or a field official attests `capturedAt` as the hand-in. */
		attestation: handInAttestationSchema.optional()
	})
	.strict()
	.superRefine((s, ctx) => {
		if (s.attestation && (s.attestation.channel === 'campo') !== !!s.fieldCapture) {
			ctx.addIssue({
				code: 'custom',
				path: ['attestation'],
				message: 'la firma de entrega no corresponde al canal'
			});
		}
		if (s.anonymous && s.applicant) {
			ctx.addIssue({
				code: 'custom',
				path: ['applicant'],
				message: 'una solicitud anónima no lleva datos personales'
			});
		}
		if (!s.anonymous && !s.applicant) {
			ctx.addIssue({
				code: 'custom',
				path: ['applicant'],
				message: 'faltan los datos de quien solicita'
			});
		}
		if (s.fieldCapture && s.anonymous) {
			ctx.addIssue({
				code: 'custom',
				path: ['anonymous'],
				message: 'una captura en campo identifica al ciudadano'
			});
		}
		if (!s.anonymous && !s.consent) {
			ctx.addIssue({
				code: 'custom',
				path: ['consent'],
				message: 'falta la autorización de tratamiento de datos'
			});
		}
	});
export type Submission = z.infer<typeof submissionSchema>;

/** Yearly consecutive filing number, e.g. `PG-2026-000123`. */
export const radicadoSchema = z.string().regex(/^[A-Z]{2,6}-\d{4}-\d{6}$/, 'radicado inválido');

export const deadlineSchema = z.object({
	receivedDate: isoDateSchema,
	dueDate: isoDateSchema,
	businessDays: z.number().int().min(0),
	legalBasis: z.string().max(1000),
	/** Most días hábiles one extension may add (absent: Ley 1755's double term). */
	extensionBusinessDays: z.number().int().min(0).optional()
});

export const requestStatusSchema = z.enum(REQUEST_STATUSES);

/** A filed request as stored by the server (attachments live as CouchDB attachments). */
export const requestDocSchema = z.object({
	_id: z.string().regex(/^solicitud:[0-9a-f-]{36}$/),
	_rev: z.string().optional(),
	type: z.literal('solicitud'),
	id: z.uuid(),
	radicado: radicadoSchema,
	form: slugSchema,
	formTitle: lineSchema(200),
	purpose: z.enum(['pqrsd', 'tramite']),
	pqrsdType: z.enum(PQRSD_TYPES).optional(),
	tramite: slugSchema.optional(),
	/** When the device sent it; for an attested kiosk or field capture, the hand-in. */
	capturedAt: isoDateTimeSchema,
	/** When the server numbered it ("radicada el"). */
	receivedAt: isoDateTimeSchema,
	/**
	 * Kiosk and field captures: whether `capturedAt` is attested as the moment the citizen handed
	 * it in ("recibida el", the term's start) and, if not, why (then the term runs from
	 * `receivedAt`). Absent for a citizen's own device.
	 */
	handedIn: z
		.object({
			channel: z.enum(['kiosco', 'campo']),
			attested: z.boolean(),
			reason: z.enum(HAND_IN_REASONS).optional()
		})
		.strict()
		.optional(),
	deadline: deadlineSchema.nullable(),
	anonymous: z.boolean(),
	applicant: applicantSchema.optional(),
	values: formValuesSchema,
	consent: consentSchema.optional(),
	attachments: z.array(
		z.object({ id: z.uuid(), name: z.string(), type: z.enum(ATTACHMENT_TYPES), size: z.number() })
	),
	/** scrypt hash of the PIN; the PIN itself is never stored. */
	pinHash: z.string(),
	/** Present when a field official captured it on the citizen's behalf. */
	capture: fieldCaptureSchema.optional(),
	/** Dependencia the request was routed to when filed: the form's responsible office. */
	dependencia: slugSchema.optional(),
	/** SHA-256 of the canonical submission: same id + same hash = the same request again. */
	payloadHash: z.string().regex(/^[0-9a-f]{64}$/)
});
export type RequestDoc = z.infer<typeof requestDocSchema>;

const eventTextSchema = z.string().trim().min(1, 'escriba el texto').max(20_000);

/** A status change, with a note the citizen reads. */
const estadoEvent = z
	.object({ kind: z.literal('estado'), status: requestStatusSchema, text: eventTextSchema })
	.strict();
/** Largest document an official attaches to an answer (a scanned, signed letter): 5 MB. */
export const MAX_ANSWER_DOCUMENT_BYTES = 5_000_000;

/** A document attached to an answer, stored as a CouchDB attachment of the event. */
export const answerDocumentSchema = z
	.object({
		id: z.uuid(),
		name: lineSchema(200).refine((n) => !/[\\/]/.test(n), 'nombre de archivo inválido'),
		type: z.enum(ATTACHMENT_TYPES),
		size: z.number().int().min(1).max(MAX_ANSWER_DOCUMENT_BYTES)
	})
	.strict();
export type AnswerDocument = z.infer<typeof answerDocumentSchema>;

/** Request types whose answer may deny access to information (Ley 1712 art. 18–19, Ley 1755 art. 24–25). */
export const DENIABLE_TYPES = ['solicitud-informacion', 'peticion-documentos'] as const;

/**
 * An answer that denies the information, in whole or in part: the norm that allows it (the
 * citizen may then insist, Ley 1755 art. 26). Counted as "negadas" in the 4.10 report.
 */
export const denialSchema = z
	.object({ scope: z.enum(['total', 'parcial']), basis: lineSchema(1000) })
	.strict();

/** The official answer the citizen receives, optionally with a document. */
const respuestaEvent = z
	.object({
		kind: z.literal('respuesta'),
		status: z.enum(['respondida', 'cerrada']).default('respondida'),
		text: eventTextSchema,
		document: answerDocumentSchema.optional(),
		denial: denialSchema.optional()
	})
	.strict();
/** Assigned to a colleague (internal). */
const asignacionEvent = z
	.object({
		kind: z.literal('asignacion'),
		assignee: usernameRef,
		text: z.string().trim().max(2000).default('')
	})
	.strict();
/** Forwarded to another dependencia of the Alcaldía (an internal move); the citizen is told. */
const trasladoEvent = z
	.object({ kind: z.literal('traslado'), dependencia: slugSchema, text: eventTextSchema })
	.strict();
/** Extension of the term (Ley 1755 art. 14 par.): reasons and the new date, told to the citizen. */
const prorrogaEvent = z
	.object({ kind: z.literal('prorroga'), dueDate: isoDateSchema, text: eventTextSchema })
	.strict();
/**
 * Sent to the entity that is competent (Ley 1755 art. 21, "remisión por competencia"): the
 * Alcaldía's handling and its term end; the citizen reads the entity and the reasons (a copy of
 * the oficio remisorio).
 */
const remisionEvent = z
	.object({ kind: z.literal('remision'), entity: lineSchema(200), text: eventTextSchema })
	.strict();
/**
 * The citizen withdraws the request ("desistimiento expreso", Ley 1755 art. 18), from the
 * tracking page with radicado + PIN: the Alcaldía stops handling it. The reason is optional.
 * Not an official's action: it never comes through {@link eventInputSchema}.
 */
export const withdrawalSchema = z
	.object({
		kind: z.literal('desistimiento'),
		text: z.string().trim().max(2000, 'muy_largo').default('')
	})
	.strict();
export type WithdrawalInput = z.infer<typeof withdrawalSchema>;
/**
 * Ley 1755 art. 17: the official asks the citizen to complete the request (what is missing and
 * why); the term stops and the citizen has one month to answer (`$lib/domain/completion`).
 */
const requerimientoEvent = z
	.object({ kind: z.literal('requerimiento'), text: eventTextSchema })
	.strict();
/**
 * The citizen completes the request from the tracking page with radicado + PIN: the term runs
 * again until `dueDate`, computed by the server (absent for a request without a term). Not an
 * official's action: it never comes through {@link eventInputSchema}.
 */
export const completionSchema = z
	.object({
		kind: z.literal('complemento'),
		text: z.string().trim().min(1, 'requerido').max(20_000, 'muy_largo'),
		dueDate: isoDateSchema.optional()
	})
	.strict();
export type CompletionInput = z.infer<typeof completionSchema>;
/**
 * Desistimiento tácito (Ley 1755 art. 17): the month passed without the citizen's answer; the
 * reasoned act that closes the request, which the citizen reads.
 */
const desistimientoTacitoEvent = z
	.object({ kind: z.literal('desistimiento-tacito'), text: eventTextSchema })
	.strict();
/** Internal note: never shown to the citizen. */
const notaEvent = z.object({ kind: z.literal('nota'), text: eventTextSchema }).strict();

/**
 * Something that happened to a request, as an official submits it.
 * Each is its own immutable document; the request's current state is the fold of them all
 * (`$lib/domain/solicitud-estado`).
 */
export const eventInputSchema = z.discriminatedUnion('kind', [
	estadoEvent,
	respuestaEvent,
	asignacionEvent,
	trasladoEvent,
	prorrogaEvent,
	remisionEvent,
	requerimientoEvent,
	desistimientoTacitoEvent,
	notaEvent
]);
export type EventInput = z.infer<typeof eventInputSchema>;
export type EventKind = EventInput['kind'];

/** Kinds the citizen sees when tracking their request; the rest are internal. */
export const PUBLIC_EVENT_KINDS = [
	'estado',
	'respuesta',
	'traslado',
	'prorroga',
	'remision',
	'desistimiento',
	'requerimiento',
	'complemento',
	'desistimiento-tacito'
] as const;

const eventDocFields = {
	_id: z.string().regex(/^evento:[0-9a-f-]{36}:[0-9A-Za-z:.-]+$/),
	_rev: z.string().optional(),
	type: z.literal('evento'),
	solicitud: z.uuid(),
	radicado: radicadoSchema,
	/**
	 * The legal time of the action: when the server received it (the server is the clock of
	 * record; an official cannot date an answer or an extension).
	 */
	at: isoDateTimeSchema,
	/** When the official's device recorded it, if it was queued offline ("registrada sin conexión"). */
	deviceAt: isoDateTimeSchema.optional(),
	/** Name shown in the history. */
	by: lineSchema(160),
	/** Username of the official, for attribution (absent only on events of the removed interim admin API). */
	byUser: usernameRef.optional(),
	/** Device-generated id: the same action sent twice is stored once. */
	clientId: z.uuid().optional(),
	/** When the server stored it (the same as `at` since the server became the clock of record). */
	recordedAt: isoDateTimeSchema.optional(),
	/**
	 * The outgoing number of what the citizen is told (an answer, an extension, a forwarding…):
	 * the companion of the radicado of entry, in its own yearly series (`PGS-2026-000045`).
	 */
	outgoing: radicadoSchema.optional(),
	/** CouchDB's stubs of the answer's document, when read back from the store. */
	_attachments: z.record(z.string(), z.unknown()).optional()
};

/**
 * Events stored before the server became the clock of record carry the device's time in `at`
 * and the server's in `recordedAt`: read, they are the same shape as new ones (legal time
 * `at` = the server's, the device's kept as `deviceAt`), so every fold, statistic and scope
 * check orders events by when the server received them.
 */
const serverTimeFirst = (raw: unknown) => {
	const e = raw as { at?: unknown; recordedAt?: unknown; deviceAt?: unknown } | null;
	if (
		!e ||
		typeof e !== 'object' ||
		typeof e.recordedAt !== 'string' ||
		e.deviceAt !== undefined ||
		e.at === e.recordedAt
	) {
		return raw;
	}
	return { ...e, at: e.recordedAt, deviceAt: e.at };
};

const eventDocUnion = z.discriminatedUnion('kind', [
	estadoEvent.extend(eventDocFields),
	respuestaEvent.extend(eventDocFields),
	asignacionEvent.extend(eventDocFields),
	trasladoEvent.extend(eventDocFields),
	prorrogaEvent.extend(eventDocFields),
	remisionEvent.extend(eventDocFields),
	withdrawalSchema.extend(eventDocFields),
	requerimientoEvent.extend({
		...eventDocFields,
		/** Last day to complete it, set by the server by the request type's rules. */
		respondBy: isoDateSchema.optional()
	}),
	completionSchema.extend(eventDocFields),
	desistimientoTacitoEvent.extend(eventDocFields),
	notaEvent.extend(eventDocFields)
]);
export const eventDocSchema = z.preprocess(serverTimeFirst, eventDocUnion);
export type EventDoc = z.infer<typeof eventDocSchema>;

/** One entry of the history the citizen sees. */
export interface PublicEventView {
	at: string;
	kind: (typeof PUBLIC_EVENT_KINDS)[number];
	/** Status of the request after this event. */
	status: RequestStatus;
	text: string;
	/** New due date, for an extension or a completed request. */
	dueDate?: string;
	/** Last day to complete the request, for a requerimiento. */
	respondBy?: string;
	/**
	 * When the citizen was notified of it through the channel they chose: an e-mail's instant,
	 * or the day a letter was handed over (YYYY-MM-DD).
	 */
	notifiedAt?: string;
	notifiedBy?: 'correo' | 'fisico';
	/** Its outgoing number. */
	outgoing?: string;
	/** The competent entity, for a remisión. */
	entity?: string;
	/** What an answer denied and why. */
	denial?: z.infer<typeof denialSchema>;
	/** The answer's document, downloadable with radicado + PIN. */
	document?: AnswerDocument;
}

/** What the citizen sees when tracking with radicado + PIN: status and answers, no personal data. */
export interface TrackingView {
	radicado: string;
	formTitle: string;
	capturedAt: string;
	receivedAt: string;
	/** When the citizen handed it in at a kiosk or to a field official, attested. */
	handedInAt?: string;
	deadline: z.infer<typeof deadlineSchema> | null;
	/** Asked to complete it (Ley 1755 art. 17): the term stands still until this day's answer. */
	awaitingCitizen?: { respondBy: string };
	status: RequestStatus;
	events: PublicEventView[];
}

/**
 * A radicado claimed for a request (`radicado:PG-2026-000124`): created once with a create-only
 * PUT, never changed (see `$lib/server/requests/radicado-allocator`).
 */
export const claimDocSchema = z.object({
	_id: z.string().regex(/^radicado:[A-Z]{2,6}-\d{4}-\d{6}$/),
	_rev: z.string().optional(),
	type: z.literal('radicado'),
	radicado: radicadoSchema,
	series: z.string().regex(/^[A-Z]{2,6}-\d{4}$/),
	number: z.number().int().min(1),
	/** Id of the request the number was given to. */
	solicitud: z.uuid(),
	/** When the number was claimed (ISO instant). */
	at: isoDateTimeSchema
});
export type ClaimDoc = z.infer<typeof claimDocSchema>;

/**
 * The first attempt to number a request (`intento:<id>`), created once before any claim for it:
 * a request without one never claimed a number, so only a request that has one (a retry, a
 * copy) needs to look for an earlier claim. Never changed.
 */
export const attemptDocSchema = z.object({
	_id: z.string().regex(/^intento:[0-9a-f-]{36}$/),
	_rev: z.string().optional(),
	type: z.literal('intento'),
	solicitud: z.uuid(),
	/** When the first attempt reached the allocator (ISO instant). */
	at: isoDateTimeSchema
});
export type AttemptDoc = z.infer<typeof attemptDocSchema>;

/**
 * Why a radicado number was claimed and never used (`justificacion:PG-2026-000222`), signed by
 * the official who wrote it at the server's time: the written justification AGN Acuerdo 060 de
 * 2001 (art. 5, parágrafo) asks for each annulled or unused number of the consecutive. Created
 * once, never changed.
 */
export const unusedNumberNoteSchema = z.object({
	_id: z.string().regex(/^justificacion:[A-Z]{2,6}-\d{4}-\d{6}$/),
	_rev: z.string().optional(),
	type: z.literal('justificacion'),
	radicado: radicadoSchema,
	reason: z.string().trim().min(20).max(2000),
	/** Username and name of the official who signs it. */
	by: usernameRef,
	byName: lineSchema(160),
	at: isoDateTimeSchema
});
export type UnusedNumberNote = z.infer<typeof unusedNumberNoteSchema>;

/** What an official posts to justify an unused number. */
export const unusedNumberInputSchema = z
	.object({
		radicado: radicadoSchema,
		reason: z
			.string()
			.trim()
			.min(20, 'muy_corto')
			.max(2000, 'muy_largo')
			.refine(isCleanText, coded('caracteres_no_permitidos', 'texto con caracteres de control'))
	})
	.strict();
export type UnusedNumberInput = z.infer<typeof unusedNumberInputSchema>;

/** Best-effort hint of the last number claimed in a series (`contador:PG-2026`); mutable. */
export const counterDocSchema = z.object({
	_id: z.string().regex(/^contador:[A-Z]{2,6}-\d{4}$/),
	_rev: z.string().optional(),
	type: z.literal('contador'),
	series: z.string(),
	last: z.number().int().min(0),
	updatedAt: isoDateTimeSchema
});
export type CounterDoc = z.infer<typeof counterDocSchema>;
