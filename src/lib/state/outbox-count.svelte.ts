/**
 * How many requests wait on this device, for the status bar. Kept apart from the outbox module
 * so showing the count does not put IndexedDB code in every page's first download.
 */
class OutboxCount {
	pending = $state(0);
}

export const outboxCount = new OutboxCount();
