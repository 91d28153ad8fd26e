/**
 * The official's device workspace (`/trabajo`): who is signed in on this device, the requests
 * replicated to it, the actions and captures still queued, and syncing them all when there is a
 * connection. Browser only; loaded by the /trabajo pages alone.
 */
import { getAppDb, type ActionRow, type PlainOutboxRow, type RequestRow } from '$lib/db';
import { replicaDocSchema, type EventInput } from '$lib/schemas';
import { bogotaDate } from '$lib/domain/calendar-date';
import { getLocalContent } from '$lib/sync/content-local';
import {
	destroyStaffDb,
	pullStaffReplica,
	SessionExpired,
	staffDb,
	type PullStats
} from '$lib/sync/staff-replica';
import { actionsQueue, flushActions, queueAction } from '$lib/field-work/actions-queue';
import { buildWorkItems, type WorkItem } from '$lib/field-work/work-items';
import { OFFICIAL_META, rememberedOfficial, type Official } from '$lib/field-work/official';
import { makeAllDue as makeOutboxDue } from '$lib/outbox/outbox';
import { outbox } from './outbox.svelte';
import { storage } from './storage.svelte';
import { QueueRunner } from './queue-runner.svelte';

class FieldWork {
	official = $state<Official | null>(null);
	/** Set when the server says the session is over: queued work waits for a new sign-in. */
	needsSignIn = $state(false);
	loaded = $state(false);
	lastSync = $state<string | null>(null);
	lastStats = $state<PullStats | null>(null);
	syncError = $state<string | null>(null);
	items = $state.raw<WorkItem[]>([]);
	actions = $state.raw<ActionRow[]>([]);
	captures = $state.raw<PlainOutboxRow[]>([]);
	filed = $state.raw<RequestRow[]>([]);

	get pendingCount(): number {
		return this.actions.filter((a) => a.state === 'pendiente').length + this.captures.length;
	}

	/** Reads who is signed in (server when online, else the device's memory) and the local data. */
	async start(): Promise<void> {
		const db = getAppDb();
		this.official = await rememberedOfficial(db);
		let signedIn = false;
		if (navigator.onLine) {
			try {
				const res = await fetch('/api/gestion/yo', { cache: 'no-store' });
				if (res.ok) {
					this.official = (await res.json()) as Official;
					this.needsSignIn = false;
					signedIn = true;
					await db.meta.put({ key: OFFICIAL_META, value: $state.snapshot(this.official) });
				} else if (res.status === 401) {
					this.needsSignIn = true;
				}
			} catch {
				// Offline after all: the remembered official goes on working.
			}
		}
		outbox.start();
		await this.refresh();
		this.loaded = true;
		void storage.refresh();
		// A first run (when someone is signed in), then on every return of the connection and
		// when a refused-for-now action is due again. With the session confirmed just now,
		// everything waiting goes at once: captures held for a sign-in must not wait out a backoff.
		this.#runner.start({ allDue: signedIn });
	}

	async refresh(): Promise<void> {
		const db = getAppDb();
		const [actions, captures, filed] = await Promise.all([
			db.actions.toArray(),
			db.outbox.toArray(),
			db.requests.toArray()
		]);
		this.actions = actions;
		this.captures = captures.filter((c): c is PlainOutboxRow => !!c.submission?.fieldCapture);
		this.filed = filed.sort((a, b) => b.receivedAt.localeCompare(a.receivedAt));
		this.lastSync = ((await db.meta.get('trabajo-ultima-sync'))?.value as string) ?? this.lastSync;
		if (!this.official) return;
		const all = await staffDb(this.official.username).allDocs({ include_docs: true });
		const docs = all.rows.flatMap((r) => {
			const parsed = replicaDocSchema.safeParse(r.doc);
			return parsed.success ? [parsed.data] : [];
		});
		const sitio = await getLocalContent('sitio', 'sitio').catch(() => null);
		this.items = buildWorkItems({
			docs,
			actions,
			today: bogotaDate(new Date()),
			calendar: { closures: sitio?.closures ?? [] },
			me: this.official.name
		});
	}

	/**
	 * The actions queue on the one scheduler; a run also sends captures and pulls the replica.
	 * "Sincronizar" and the connection's return make the captures due too: an official who taps it
	 * expects every capture sent now, not the ones whose retry happens to be due.
	 */
	readonly #runner = new QueueRunner({
		run: () => this.#syncOnce(),
		makeAllDue: async () => {
			const db = getAppDb();
			await Promise.all([actionsQueue(db).makeAllDue(), makeOutboxDue(db)]);
		},
		nextDue: () => actionsQueue(getAppDb()).nextDue()
	});

	get syncing(): boolean {
		return this.#runner.running;
	}

	/** "Sincronizar": sends every queued action and capture now, then pulls what changed. */
	sync(): Promise<void> {
		return this.#runner.sendNow();
	}

	async #syncOnce(): Promise<void> {
		if (!this.official) return;
		this.syncError = null;
		try {
			const db = getAppDb();
			const sent = await flushActions(db);
			await outbox.flush();
			if (sent.needsSignIn) {
				this.needsSignIn = true;
				this.syncError = 'sesion_requerida';
				return;
			}
			if (sent.offline) {
				this.syncError = 'sin_conexion';
				return;
			}
			this.lastStats = await pullStaffReplica(staffDb(this.official.username));
			this.lastSync = new Date().toISOString();
			await db.meta.put({ key: 'trabajo-ultima-sync', value: this.lastSync });
			this.needsSignIn = false;
		} catch (e) {
			if (e instanceof SessionExpired) this.needsSignIn = true;
			this.syncError = e instanceof SessionExpired ? 'sesion_requerida' : 'sin_conexion';
		} finally {
			await this.refresh();
			void storage.refresh();
		}
	}

	/** Records an action on the device at once; it reaches the server with the next sync. */
	async act(radicado: string, event: EventInput): Promise<void> {
		await queueAction(getAppDb(), radicado, event);
		await this.refresh();
		if (navigator.onLine) void this.sync();
	}

	/** Drops an action the server refused, once the official has read why. */
	async dismiss(clientId: string): Promise<void> {
		await getAppDb().actions.delete(clientId);
		await this.refresh();
	}

	/**
	 * Leaves the device clean for the next person: refused while anything is unsynced (it would
	 * be lost or sent under nobody's session), then removes the replica and the identity.
	 * @returns false when refused.
	 */
	async signOut(): Promise<boolean> {
		await this.refresh();
		if (this.pendingCount > 0) return false;
		if (this.official) await destroyStaffDb(this.official.username);
		await getAppDb().meta.delete(OFFICIAL_META);
		this.official = null;
		this.items = [];
		return true;
	}
}

export const fieldWork = new FieldWork();
