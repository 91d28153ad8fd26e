import { AppDb } from './app-db';

export {
	AppDb,
	APP_DB_NAME,
	type DraftAttachment,
	type ActionRow,
	type AnswerRow,
	type AnswerState,
	type DraftRow,
	type MetaRow,
	type OutboxRow,
	type PlainOutboxRow,
	type SealedOutboxRow,
	type OutboxState,
	type RequestRow,
	type SearchPartRow,
	type SearchRow
} from './app-db';

let instance: AppDb | undefined;

/**
 * The device's database, created on first use: importing this module opens nothing, so it is
 * safe in code that is also evaluated during server-side rendering, where IndexedDB does not
 * exist. Dexie opens the connection lazily on the first query.
 */
export function getAppDb(): AppDb {
	if (!instance) {
		instance = new AppDb();
		// A newer version of the app opened the database with a newer schema (another tab, the
		// service worker): this page's code is older than its data. Let the upgrade go through
		// and start again on the new code; drafts are saved as they are typed, so nothing is lost.
		instance.on('versionchange', () => {
			instance?.close();
			if (typeof document !== 'undefined') location.reload();
			return false;
		});
	}
	return instance;
}
