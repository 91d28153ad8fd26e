/**
 * The invitation to install the portal on the home screen. Browsers that can install a web app
 * (Chromium on Android) announce it with `beforeinstallprompt`; the event is kept here and the
 * invitation shown at a sensible moment, never on arrival: once the portal is saved for use
 * without signal, when "install" means "open it from the home screen with no signal". Declined,
 * it is not offered again on this device for 30 days; never on a kiosk.
 */
import { STORAGE } from '$lib/policy';

/** Days an invitation stays away after it was declined. */
export const DECLINE_DAYS = 30;

/** The parts of Chromium's `BeforeInstallPromptEvent` used here (no standard type exists). */
interface InstallPromptEvent extends Event {
	prompt(): Promise<unknown>;
	userChoice: Promise<{ outcome: 'accepted' | 'dismissed' }>;
}

/** Whether an invitation declined at `declinedAt` (ISO, or null) may be shown again at `now`. */
export function mayInviteAgain(declinedAt: string | null, now: Date): boolean {
	if (!declinedAt) return true;
	const at = Date.parse(declinedAt);
	if (Number.isNaN(at)) return true;
	return now.getTime() - at >= DECLINE_DAYS * 24 * 60 * 60 * 1000;
}

class InstallInvite {
	/** The browser offers installing, and this device has not declined recently. */
	available = $state(false);
	#event: InstallPromptEvent | null = null;

	/** Starts listening for the browser's offer; returns the way to stop. */
	listen(): () => void {
		const offered = (event: Event) => {
			// Keeps the browser from showing its own banner on arrival; the portal asks later.
			event.preventDefault();
			this.#event = event as InstallPromptEvent;
			this.available = mayInviteAgain(readDeclined(), new Date());
		};
		const installed = () => this.#clear();
		addEventListener('beforeinstallprompt', offered);
		addEventListener('appinstalled', installed);
		return () => {
			removeEventListener('beforeinstallprompt', offered);
			removeEventListener('appinstalled', installed);
		};
	}

	/** Shows the browser's install dialog; a "no" there counts as declining. */
	async accept(): Promise<void> {
		const event = this.#event;
		if (!event) return;
		this.#clear();
		await event.prompt();
		const { outcome } = await event.userChoice;
		if (outcome === 'dismissed') this.decline();
	}

	/** "Ahora no": not offered again here for `DECLINE_DAYS`. */
	decline(): void {
		this.#clear();
		try {
			localStorage.setItem(STORAGE.installDeclined, new Date().toISOString());
		} catch {
			// Storage blocked: the invitation is gone for this visit at least.
		}
	}

	#clear() {
		this.#event = null;
		this.available = false;
	}
}

function readDeclined(): string | null {
	try {
		return localStorage.getItem(STORAGE.installDeclined);
	} catch {
		return null;
	}
}

export const installInvite = new InstallInvite();
