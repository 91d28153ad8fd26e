/**
 * Public content of the portal: every document citizens can read, online or offline.
 *
 * Each type has an *input* schema (what an editor or a seed file in `content/<type>/<slug>.md`
 * provides) and a stored *doc* schema (the input plus `_id`, `type`, the rendered and sanitised
 * `html` and the denormalised name of the responsible office), which is what the server writes,
 * replicates and validates.
 */
import { ACTIVITY_STATUSES, GEL_PHASES, QUESTION_KINDS, type QuestionKind } from './vocab';
import { z } from 'zod';
import {
	coded,
	contactSchema,
	factSchema,
	hrefSchema,
	isoDateSchema,
	lineSchema,
	linkSchema,
	markdownSchema,
	slugSchema
} from './common';
import { PQRSD_TYPES } from '$lib/schemas/vocab';

export const CONTENT_TYPES = [
	'sitio',
	'pagina',
	'dependencia',
	'institucion',
	'noticia',
	'norma',
	'tramite',
	'transparencia',
	'sesion-concejo',
	'formulario',
	'linea-gelt',
	'actividad-gelt',
	'reunion-gelt',
	'consulta',
	'proyecto-acuerdo'
] as const;
export const contentTypeSchema = z.enum(CONTENT_TYPES);
export type ContentType = z.infer<typeof contentTypeSchema>;

/** Fields every content item has, in its source file. */
const baseInput = {
	slug: slugSchema,
	title: lineSchema(200),
	summary: z.string().trim().max(600).optional(),
	body: markdownSchema.default(''),
	/** Slug of the dependencia responsible for keeping the item up to date. */
	responsible: slugSchema,
	/** Date of the last substantive update, shown as "Última actualización". */
	updatedAt: isoDateSchema,
	/**
	 * "Fecha de revisión": when the responsible office must check the item again. Optional so
	 * seed files stay valid; without it the staleness view uses `updatedAt` + 12 months.
	 */
	reviewBy: isoDateSchema.optional(),
	/** Free keywords that help search (synonyms, colloquial names). */
	keywords: z.array(lineSchema(60)).max(30).default([])
};

const sitioInput = z.object({
	...baseInput,
	entityName: lineSchema(200),
	municipality: lineSchema(100),
	department: lineSchema(100),
	postalCode: lineSchema(40),
	address: lineSchema(300),
	hours: lineSchema(300),
	phones: z.array(z.object({ label: lineSchema(80), number: lineSchema(40) })).min(1),
	emails: z.array(z.object({ label: lineSchema(80), email: z.email() })).min(1),
	social: z.array(linkSchema).default([]),
	/** Municipal closure days ("días de vacancia") that do not count as días hábiles. */
	closures: z.array(isoDateSchema).default([]),
	/**
	 * The municipality's veredas, inspecciones and centros poblados as officially named: the only
	 * names the open-data statistics publish (a name typed by an applicant that is not here
	 * counts under "Otras veredas", so no one can publish text through the statistics).
	 */
	veredas: z.array(lineSchema(120)).max(1000).default([]),
	/** Shown prominently when some facts on the portal are not yet verified. */
	notice: z.string().max(600).optional()
});

const pageSections = [
	'municipio',
	'alcaldia',
	'concejo',
	'gel-t',
	'participa',
	'atencion',
	'politicas'
] as const;
const paginaInput = z.object({
	...baseInput,
	section: z.enum(pageSections),
	order: z.number().int().min(0).max(1000).default(100),
	facts: z.array(factSchema).default([]),
	links: z.array(linkSchema).default([])
});

const officialSchema = z.object({
	/** Role title; real names only when published by the entity itself. */
	role: lineSchema(160),
	name: lineSchema(160).optional(),
	contact: contactSchema.optional()
});

const dependenciaInput = z.object({
	...baseInput,
	/** Slug of the institucion this office belongs to. */
	institution: slugSchema,
	head: lineSchema(160),
	officials: z.array(officialSchema).default([]),
	functions: z.array(lineSchema(400)).default([]),
	contact: contactSchema,
	order: z.number().int().min(0).max(1000).default(100)
});

const institucionInput = z.object({
	...baseInput,
	kind: z.enum([
		'alcaldia',
		'concejo',
		'control',
		'salud',
		'educacion',
		'seguridad',
		'registro',
		'justicia',
		'comunidad',
		'otra'
	]),
	contact: contactSchema,
	links: z.array(linkSchema).default([]),
	order: z.number().int().min(0).max(1000).default(100)
});

const noticiaInput = z.object({
	...baseInput,
	kind: z.enum(['noticia', 'evento', 'aviso']),
	/** Publication date; lists are in reverse chronological order (Ley 1712 art. 11). */
	date: isoDateSchema,
	eventDate: isoDateSchema.optional(),
	place: lineSchema(200).optional()
});

const normaInput = z.object({
	...baseInput,
	kind: z.enum(['acuerdo', 'decreto', 'resolucion', 'ley', 'circular', 'otro']),
	number: lineSchema(40),
	issuedAt: isoDateSchema,
	issuer: lineSchema(200),
	topic: lineSchema(200),
	/**
	 * Whether it is in force; `por-confirmar` when no one has checked (a norm known only from
	 * another document's mention): never shown as in force on a guess.
	 */
	inForce: z.union([z.boolean(), z.literal('por-confirmar')]).default(true),
	documentUrl: hrefSchema.optional()
});

const tramiteCategories = [
	'hacienda',
	'planeacion',
	'gobierno',
	'sisben',
	'desarrollo-social',
	'agropecuario',
	'salud',
	'inspeccion'
] as const;
const tramiteInput = z.object({
	...baseInput,
	/** SUIT distinguishes trámites (citizen must do it) from OPAs (voluntary). */
	kind: z.enum(['tramite', 'opa']),
	category: z.enum(tramiteCategories),
	purpose: lineSchema(1000),
	/** "Nombre del resultado": what the citizen obtains. */
	result: lineSchema(300),
	alsoKnownAs: z.array(lineSchema(120)).default([]),
	audience: z.array(z.enum(['persona-natural', 'persona-juridica'])).min(1),
	lifeEvents: z.array(lineSchema(160)).default([]),
	requirements: z
		.array(
			z.object({
				text: lineSchema(600),
				legalBasis: lineSchema(300).optional(),
				optional: z.boolean().default(false)
			})
		)
		.min(1),
	/** "Momentos": the steps in order. */
	steps: z.array(lineSchema(600)).min(1),
	cost: z.object({
		free: z.boolean(),
		description: lineSchema(600),
		legalBasis: lineSchema(300).optional()
	}),
	time: z.object({
		kind: z.enum(['inmediato', 'horas', 'dias-habiles', 'dias-calendario']),
		value: z.number().int().min(1).max(365).optional(),
		notes: lineSchema(400).optional()
	}),
	legalBasis: z.array(lineSchema(300)).min(1),
	channels: z.array(z.enum(['presencial', 'en-linea', 'telefonico'])).min(1),
	pointsOfAttention: z
		.array(
			z.object({
				name: lineSchema(200),
				address: lineSchema(300),
				hours: lineSchema(300),
				lat: z.number().min(-90).max(90).optional(),
				lng: z.number().min(-180).max(180).optional()
			})
		)
		.min(1),
	whenAvailable: lineSchema(300).optional(),
	/** "Medio de seguimiento". */
	tracking: lineSchema(600),
	/** Whether the municipality's SUIT inventory has been checked for this entry. */
	suitVerified: z.boolean().default(false)
});

const transparenciaInput = z
	.object({
		...baseInput,
		/**
		 * Numbering of Res. MinTIC 1519/2020 Anexo 2 §2.4.2: "1" (category), "1.4" (item) or
		 * "6.2.1" (a sub-item, as the ITA matrix numbers Participa's sections).
		 */
		code: z.string().regex(/^\d{1,2}(\.\d{1,2}){0,2}$/, 'código de transparencia inválido'),
		/**
		 * `sin-informacion` says honestly that the entity has not published this yet; `no-aplica`
		 * that the law does not ask it of a municipality, with the norm that says so in `basis`.
		 */
		status: z.enum(['publicado', 'parcial', 'sin-informacion', 'no-aplica']),
		/** Why the item does not apply: the norm and its reading (required with `no-aplica`). */
		basis: lineSchema(600).optional(),
		links: z.array(linkSchema).default([])
	})
	.refine(
		(t) => t.status !== 'no-aplica' || !!t.basis,
		coded('requerido', 'un ítem que no aplica dice por qué (basis)', ['basis'])
	);

const sesionConcejoInput = z.object({
	...baseInput,
	date: isoDateSchema,
	kind: z.enum(['ordinaria', 'extraordinaria', 'instalacion']),
	status: z.enum(['programada', 'realizada', 'aplazada']),
	place: lineSchema(200),
	agenda: z.array(lineSchema(400)).min(1),
	/**
	 * The acta, once the plenary approved it: its points as plain paragraphs (shown escaped, no
	 * Markdown, so a pasted acta cannot carry markup) and, when there is one, the signed document.
	 */
	minutes: z
		.object({
			approvedAt: isoDateSchema.optional(),
			points: z.array(lineSchema(2000)).min(1).max(80),
			documentUrl: hrefSchema.optional()
		})
		.optional()
});

/** A line of action of the GEL-T plan (the seed's "Marco de acción" list). */
const lineaGeltInput = z.object({
	...baseInput,
	order: z.number().int().min(0).max(1000).default(100)
});

/** An activity of the GEL-T plan: what is done, by whom, when, and the proof that it was. */
const actividadGeltInput = z
	.object({
		...baseInput,
		/** Slug of the `linea-gelt` it serves. */
		line: slugSchema,
		phase: z.enum(GEL_PHASES),
		/** Official in charge (role, optionally name); `responsible` is their dependencia. */
		owner: lineSchema(160),
		start: isoDateSchema,
		due: isoDateSchema,
		status: z.enum(ACTIVITY_STATUSES),
		/** Percentage done, 0–100, as the committee assessed it. */
		progress: z.number().int().min(0).max(100),
		/** Links to documents, pages or photos that show the work was done. */
		evidence: z.array(linkSchema).max(30).default([])
	})
	.refine(
		(a) => a.start <= a.due,
		coded('antes_del_inicio', 'la fecha de inicio es posterior a la de entrega', ['due'])
	)
	.refine(
		(a) => a.status !== 'completada' || a.progress === 100,
		coded('avance_incompleto', 'una actividad completada tiene avance 100 %', ['progress'])
	);

/** A commitment made in a committee meeting; it feeds the plan through `activity`. */
export const commitmentSchema = z.object({
	/** Stable key within the meeting, so edits keep its identity. */
	id: slugSchema,
	text: lineSchema(600),
	owner: lineSchema(160),
	due: isoDateSchema,
	/** Slug of the `actividad-gelt` the commitment advances, if any. */
	activity: slugSchema.optional(),
	done: z.boolean().default(false)
});
export type Commitment = z.infer<typeof commitmentSchema>;

/** A periodic follow-up meeting of the GEL-T committee ("reuniones periódicas"). */
const reunionGeltInput = z
	.object({
		...baseInput,
		date: isoDateSchema,
		place: lineSchema(200),
		attendees: z
			// The role is what the plan needs; a name only where the entity publishes it itself.
			.array(z.object({ role: lineSchema(160), name: lineSchema(160).optional() }))
			.min(1)
			.max(60),
		agenda: z.array(lineSchema(400)).min(1).max(40),
		decisions: z.array(lineSchema(600)).max(40).default([]),
		commitments: z.array(commitmentSchema).max(60).default([])
	})
	.refine(
		(r) => new Set(r.commitments.map((c) => c.id)).size === r.commitments.length,
		coded('identificador_repetido', 'compromisos con el mismo identificador', ['commitments'])
	);

/** Longest free-text answer a question may allow (characters). */
export const MAX_TEXT_ANSWER = 2000;

const needsOptions = (kind: QuestionKind) => kind === 'unica' || kind === 'multiple';

export const consultaQuestionSchema = z
	.object({
		/** Stable key of the answer: lower-case words with hyphens, unique in the consulta. */
		id: slugSchema.max(40),
		kind: z.enum(QUESTION_KINDS),
		label: lineSchema(300),
		help: z.string().trim().max(600).optional(),
		/** The choices of `unica` and `multiple`; empty for the other kinds. */
		options: z
			.array(z.object({ value: slugSchema.max(40), label: lineSchema(200) }))
			.max(20)
			.default([]),
		required: z.boolean().default(false),
		/** Longest answer of a `texto` question (default 500). */
		maxLength: z.number().int().min(1).max(MAX_TEXT_ANSWER).optional()
	})
	.refine(
		(q) => !needsOptions(q.kind) || q.options.length >= 2,
		coded('faltan_opciones', 'las preguntas de selección necesitan al menos dos opciones', [
			'options'
		])
	)
	.refine(
		(q) => needsOptions(q.kind) || q.options.length === 0,
		coded('opciones_no_admitidas', 'solo las preguntas de selección llevan opciones', ['options'])
	)
	.refine(
		(q) => new Set(q.options.map((o) => o.value)).size === q.options.length,
		coded('identificador_repetido', 'opciones con el mismo valor', ['options'])
	)
	.refine(
		(q) => q.kind === 'texto' || q.maxLength === undefined,
		coded('largo_no_admitido', 'maxLength solo aplica a preguntas de texto', ['maxLength'])
	);
export type ConsultaQuestion = z.infer<typeof consultaQuestionSchema>;

/**
 * A consulta (a question put to citizens on a decision) or an encuesta (a survey). Open from
 * the start of `opensAt` to the end of `closesAt`, Bogotá time; results are published at close.
 */
const consultaInput = z
	.object({
		...baseInput,
		kind: z.enum(['consulta', 'encuesta']),
		opensAt: isoDateSchema,
		closesAt: isoDateSchema,
		/** Whether one device may answer more than once (e.g. a survey filled at a kiosk). */
		allowMultiple: z.boolean().default(false),
		questions: z.array(consultaQuestionSchema).min(1).max(30)
	})
	.refine(
		(c) => c.opensAt <= c.closesAt,
		coded('antes_del_inicio', 'la fecha de apertura es posterior a la de cierre', ['closesAt'])
	)
	.refine(
		(c) => new Set(c.questions.map((q) => q.id)).size === c.questions.length,
		coded('identificador_repetido', 'preguntas con el mismo identificador', ['questions'])
	);

export const PROYECTO_STATUSES = ['en-estudio', 'aprobado', 'archivado', 'retirado'] as const;

/** A proyecto de acuerdo filed with the Concejo, open to citizens' comments while in study. */
const proyectoAcuerdoInput = z.object({
	...baseInput,
	/** As the Concejo numbers it, e.g. "012 de 2026". */
	number: lineSchema(40),
	filedAt: isoDateSchema,
	/** Who filed it: the Alcalde, a councillor, citizens (iniciativa popular). */
	author: lineSchema(200),
	status: z.enum(PROYECTO_STATUSES),
	/** Last day (Bogotá) citizens may comment; without it the proposal takes no comments. */
	commentsUntil: isoDateSchema.optional(),
	/** Slugs of the `sesion-concejo` where it was debated. */
	sessions: z.array(slugSchema).max(30).default([])
});

/** Accepted attachment types: photos of documents and PDFs. */
export const ATTACHMENT_TYPES = [
	'image/jpeg',
	'image/png',
	'image/webp',
	'application/pdf'
] as const;
/** Largest attachment accepted after on-device compression (bytes): 1.5 MB. */
export const MAX_ATTACHMENT_BYTES = 1_500_000;

const formFieldSchema = z
	.object({
		/** Key of the value in the submission: lower-case ASCII with underscores. */
		name: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'nombre de campo inválido'),
		label: lineSchema(200),
		help: z.string().trim().max(600).optional(),
		kind: z.enum([
			'texto',
			'parrafo',
			'correo',
			'telefono',
			'numero',
			'fecha',
			'seleccion',
			'opciones',
			'casilla'
		]),
		required: z.boolean().default(false),
		options: z.array(z.object({ value: slugSchema, label: lineSchema(200) })).default([]),
		maxLength: z.number().int().min(1).max(10_000).optional(),
		/** Ley 1581 "dato sensible": never required, marked as optional in the form. */
		sensitive: z.boolean().default(false),
		autocomplete: z.string().max(60).optional(),
		/**
		 * The field asks what the applicant block would ask too (`vereda`): the block leaves that
		 * question out, so it is asked once, and the answer is stored as the applicant's.
		 */
		fills: z.enum(['vereda']).optional()
	})
	.refine(
		(f) => !(f.sensitive && f.required),
		coded('sensible_obligatorio', 'un dato sensible no puede ser obligatorio (Ley 1581)', [
			'required'
		])
	)
	.refine(
		(f) => !['seleccion', 'opciones'].includes(f.kind) || f.options.length >= 2,
		coded('faltan_opciones', 'las listas necesitan al menos dos opciones', ['options'])
	);
export type FormField = z.infer<typeof formFieldSchema>;

/**
 * A form as data: adding a trámite or PQRSD form is adding one of these, not code. Identity,
 * consent and attachments are handled the same way for every form by the form engine.
 */
const formularioInput = z
	.object({
		...baseInput,
		purpose: z.enum(['pqrsd', 'tramite']),
		pqrsdType: z.enum(PQRSD_TYPES).optional(),
		/** Slug of the trámite this form files, for `purpose: tramite`. */
		tramite: slugSchema.optional(),
		/** PQRSD may be filed anonymously (Ley 1755, Ley 1712); trámites need identity. */
		anonymousAllowed: z.boolean(),
		fields: z.array(formFieldSchema).min(1).max(30),
		attachments: z.object({
			max: z.number().int().min(0).max(5),
			label: lineSchema(200).optional(),
			required: z.boolean().default(false)
		}),
		/** Shown when the citizen chooses anonymity (e.g. anonymous complaints need evidence). */
		anonymousNotice: z.string().trim().max(600).optional()
	})
	.refine(
		(f) => (f.purpose === 'pqrsd' ? !!f.pqrsdType : !!f.tramite),
		coded(
			'falta_destino_formulario',
			'un formulario PQRSD necesita pqrsdType; uno de trámite, tramite',
			['purpose']
		)
	)
	.refine(
		(f) => f.purpose === 'pqrsd' || !f.anonymousAllowed,
		coded('anonimo_no_permitido', 'los trámites no admiten radicación anónima', [
			'anonymousAllowed'
		])
	)
	.refine(
		(f) => new Set(f.fields.map((x) => x.name)).size === f.fields.length,
		coded('identificador_repetido', 'nombres de campo repetidos', ['fields'])
	);

export const contentInputSchemas = {
	sitio: sitioInput,
	pagina: paginaInput,
	dependencia: dependenciaInput,
	institucion: institucionInput,
	noticia: noticiaInput,
	norma: normaInput,
	tramite: tramiteInput,
	transparencia: transparenciaInput,
	'sesion-concejo': sesionConcejoInput,
	formulario: formularioInput,
	'linea-gelt': lineaGeltInput,
	'actividad-gelt': actividadGeltInput,
	'reunion-gelt': reunionGeltInput,
	consulta: consultaInput,
	'proyecto-acuerdo': proyectoAcuerdoInput
} as const satisfies Record<ContentType, z.ZodObject>;

export type ContentInput<T extends ContentType = ContentType> = z.infer<
	(typeof contentInputSchemas)[T]
>;

/** Document id of a content item: `<type>:<slug>`; ids sort by type, so a type is an id range. */
export const contentId = (type: ContentType, slug: string) => `${type}:${slug}`;
export const contentIdSchema = z
	.string()
	.max(160)
	.regex(/^[a-z-]+:[a-z0-9]+(?:-[a-z0-9]+)*$/, 'id de contenido inválido');

const storedFields = {
	_id: contentIdSchema,
	_rev: z.string().max(100).optional(),
	/** Sanitised HTML rendered from `body` by the server at write time (no Markdown on devices). */
	html: z.string().max(400_000),
	responsibleName: lineSchema(200)
};

const stored = <T extends ContentType>(type: T) => ({ ...storedFields, type: z.literal(type) });

export const contentDocSchema = z.discriminatedUnion('type', [
	sitioInput.extend(stored('sitio')),
	paginaInput.extend(stored('pagina')),
	dependenciaInput.extend(stored('dependencia')),
	institucionInput.extend(stored('institucion')),
	noticiaInput.extend(stored('noticia')),
	normaInput.extend(stored('norma')),
	tramiteInput.extend(stored('tramite')),
	transparenciaInput.extend(stored('transparencia')),
	sesionConcejoInput.extend(stored('sesion-concejo')),
	formularioInput.extend(stored('formulario')),
	lineaGeltInput.extend(stored('linea-gelt')),
	actividadGeltInput.extend(stored('actividad-gelt')),
	reunionGeltInput.extend(stored('reunion-gelt')),
	consultaInput.extend(stored('consulta')),
	proyectoAcuerdoInput.extend(stored('proyecto-acuerdo'))
]);
export type ContentDoc = z.infer<typeof contentDocSchema>;
export type ContentDocOf<T extends ContentType> = Extract<ContentDoc, { type: T }>;

/** CouchDB's description of an attachment stored with a document (a norma's PDF). */
export const attachmentStubSchema = z.object({
	content_type: z.string(),
	digest: z.string().optional(),
	length: z.number().optional(),
	stub: z.boolean().optional()
});
export type AttachmentStub = z.infer<typeof attachmentStubSchema>;

/** A published document as the store holds it: with its revision and attachment stubs. */
export const publishedContentDocSchema = z.intersection(
	contentDocSchema,
	z.object({
		_rev: z.string(),
		_attachments: z.record(z.string(), attachmentStubSchema).optional()
	})
);
export type PublishedContentDoc = z.infer<typeof publishedContentDocSchema>;

export const TRANSPARENCIA_STATUS = transparenciaInput.shape.status.options;
export const TRAMITE_CATEGORIES = tramiteCategories;
export const PAGE_SECTIONS = pageSections;
