import Dexie, { type EntityTable } from 'dexie';
import { STORAGE } from '$lib/policy';
import type { SerializedSearchIndex } from '$lib/search/search-index';
import type { SealedSubmission } from '$lib/crypto/seal';
import type { Applicant, EventInput, Submission, TrackingView } from '$lib/schemas';
import type { RequestStatus } from '$lib/schemas/vocab';

/** Name of the device-local database. */
export const APP_DB_NAME: string = STORAGE.appDb;

/** Small device-local settings and bookkeeping, one value per key. */
export interface MetaRow {
	key: string;
	value: unknown;
}

/** A persisted search index, so it is not rebuilt at every start. */
export interface SearchRow {
	/** Which index: see `CONTENT_SEARCH_KEY`. */
	key: string;
	/**
	 * The index's stored form in rows written by versions before 6: JSON text (earlier, the
	 * object itself). Newer versions keep it in `parts`, so this row stays small.
	 */
	index?: string | SerializedSearchIndex;
	/**
	 * Keys in `searchParts` of the parts the index is made of: one for a whole index; one per
	 * pack segment after a first pull, which indexes and stores each segment as it arrives
	 * (searchable as soon as the last one is stored; joined into one afterwards).
	 */
	parts?: string[];
	/** `SEARCH_INDEX_FORMAT` of `index` or `parts`, readable without parsing them. */
	format?: number;
	/** ISO timestamp of the build. */
	builtAt: string;
	/** Replication checkpoint (PouchDB `update_seq`) the index reflects; stale when it moves on. */
	sourceSeq: string | number;
	/**
	 * The device replica's own `update_seq` the index reflects: the next pull reads the
	 * replica's changes since it and re-indexes only those documents. Absent in indexes saved by
	 * earlier versions, which are then rebuilt once.
	 */
	localSeq?: number | string;
	docCount: number;
}

/** One part of a search index stored in parts (see `SearchRow.parts`). */
export interface SearchPartRow {
	/** `<index key>/<pull>/<n>`: the parts of one index share its key as a prefix. */
	key: string;
	/**
	 * The part's stored form (`SearchIndex.toJSON`) as JSON text: one string is written and read
	 * back in a fraction of the time tens of thousands of small ones take (measured on a
	 * 5,000-document index at 4× CPU).
	 */
	index: string;
}

/** A photo or PDF attached to a draft, kept as a Blob (already compressed on the device). */
export interface DraftAttachment {
	id: string;
	name: string;
	type: string;
	size: number;
	blob: Blob;
}

/** A form being filled: saved on every change so nothing typed is lost. */
export interface DraftRow {
	/** Also the id the request will be filed with: submitting twice files it once. */
	id: string;
	form: string;
	formTitle: string;
	/** ms since epoch, for ordering. */
	updatedAt: number;
	anonymous: boolean;
	applicant: Partial<Applicant>;
	values: Record<string, string | boolean>;
	consent: boolean;
	attachments: DraftAttachment[];
	/** Captured by a field official on the citizen's behalf (consent read aloud). */
	fieldCapture?: boolean;
}

export type OutboxState = 'pendiente' | 'enviando' | 'rechazada';

/** An official's action taken on this device, waiting to reach the server. */
export interface ActionRow {
	clientId: string;
	radicado: string;
	/** When the official acted (ISO instant): the event keeps this time. */
	at: string;
	event: EventInput;
	state: OutboxState;
	attempts: number;
	/** ms since epoch when the next attempt is due (since v5). */
	nextAttemptAt: number;
	/** ms since epoch, the official's order (since v5: the action's `at`). */
	queuedAt: number;
	/** Code of the server's refusal (`$lib/errors`) or of the last failure. */
	lastError?: string;
}

interface OutboxRowBase {
	id: string;
	/** Shown at once, before the radicado exists: "PEND-3F2A9C1B". */
	provisionalCode: string;
	state: OutboxState;
	attempts: number;
	/** ms since epoch when the next attempt is due. */
	nextAttemptAt: number;
	queuedAt: number;
	/** Error code of the last attempt (`sin_conexion`, or the server's code). */
	lastError?: string;
}

/** A request waiting to reach the server; removed only once the server confirms it. */
export interface PlainOutboxRow extends OutboxRowBase {
	submission: Submission;
	formTitle: string;
	sealed?: undefined;
	/**
	 * Pieces of each large attachment the server has confirmed, by attachment id
	 * (`$lib/outbox/attachment-pieces`): the next attempt goes on from there.
	 */
	piecesSent?: Record<string, number>;
}

/**
 * A kiosk's request waiting to reach the server, sealed to the server's key
 * (`$lib/crypto/seal.ts`): nothing in it is readable on the device, not even the form's title.
 * No new index, so no new schema version: the row shape is Dexie's business only.
 */
export interface SealedOutboxRow extends OutboxRowBase {
	sealed: SealedSubmission;
	submission?: undefined;
	formTitle?: undefined;
}

export type OutboxRow = PlainOutboxRow | SealedOutboxRow;

/** A request the server filed: the citizen's own radicado and PIN, and what happened to it. */
export interface RequestRow {
	radicado: string;
	id: string;
	pin: string;
	formTitle: string;
	capturedAt: string;
	receivedAt: string;
	/** When the citizen handed it in at a kiosk or to a field official, attested. */
	handedInAt?: string;
	deadline: TrackingView['deadline'];
	status: RequestStatus;
	events: TrackingView['events'];
	/** ISO time the status was last fetched from the server. */
	checkedAt: string | null;
	/**
	 * Filed in the background (by a page's queue or the service worker's Background Sync) and
	 * not yet told to the citizen: the next page they open says so, then clears it.
	 */
	unannounced?: true;
}

export type AnswerState = 'pendiente' | 'enviando' | 'rechazada' | 'confirmada';

/**
 * An answer to a consulta given on this device. Queued answers (`pendiente`, `enviando`,
 * `rechazada`) keep what the citizen chose until the server confirms; a `confirmada` row keeps
 * only that this device answered (its answers are dropped), so the page can say so offline.
 */
export interface AnswerRow {
	/** Client-generated id the server stores the answer under: sending twice counts once. */
	id: string;
	consulta: string;
	consultaTitle: string;
	answers: Record<string, string | string[] | number | boolean>;
	state: AnswerState;
	attempts: number;
	/** ms since epoch. */
	nextAttemptAt: number;
	queuedAt: number;
	/** Error code of the last attempt or the server's refusal. */
	lastError?: string;
	/** ISO instant the server received it. */
	confirmedAt?: string;
	/**
	 * The device key at the moment of answering. Kept with the answer so one that waits through
	 * a kiosk reset is still counted for the person who gave it, not for the next one.
	 */
	deviceKey?: string;
}

/**
 * The device-local Dexie (IndexedDB) database: data that belongs to this device, as opposed to
 * the replicated content in PouchDB.
 *
 * Schema history: never edit a published version, add a new `this.version(n)` below with a
 * comment saying what it changes (and an `.upgrade()` if existing rows must be migrated).
 */
export class AppDb extends Dexie {
	declare readonly meta: EntityTable<MetaRow, 'key'>;
	declare readonly search: EntityTable<SearchRow, 'key'>;
	declare readonly searchParts: EntityTable<SearchPartRow, 'key'>;
	declare readonly drafts: EntityTable<DraftRow, 'id'>;
	declare readonly outbox: EntityTable<OutboxRow, 'id'>;
	declare readonly requests: EntityTable<RequestRow, 'radicado'>;
	declare readonly actions: EntityTable<ActionRow, 'clientId'>;
	declare readonly respuestas: EntityTable<AnswerRow, 'id'>;

	constructor(name: string = APP_DB_NAME) {
		super(name);
		// v1: key/value metadata and the persisted search index.
		this.version(1).stores({ meta: 'key', search: 'key' });
		// v2: the citizen's drafts, the outbox of requests to send, and their filed requests.
		this.version(2).stores({
			drafts: 'id, form, updatedAt',
			outbox: 'id, state, nextAttemptAt',
			requests: 'radicado, &id, receivedAt'
		});
		// v3: an official's actions on requests, queued on the device until the server has them.
		this.version(3).stores({ actions: 'clientId, radicado, state' });
		// v4: answers to consultas, queued on the device until the server has them.
		this.version(4).stores({ respuestas: 'id, consulta, state, nextAttemptAt' });
		// v5: officials' actions join the one queue engine (retry time and queue order, like
		// the other queues); actions queued before it are due at once, in the official's order.
		this.version(5)
			.stores({ actions: 'clientId, radicado, state, nextAttemptAt' })
			.upgrade((tx) =>
				tx
					.table('actions')
					.toCollection()
					.modify((row: Partial<ActionRow> & { at: string }) => {
						row.nextAttemptAt ??= 0;
						row.queuedAt ??= Date.parse(row.at) || 0;
					})
			);
		// v6: search indexes stored in parts while a first pull downloads (#16).
		this.version(6).stores({ searchParts: 'key' });
	}
}
