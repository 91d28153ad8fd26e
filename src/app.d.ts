// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
	namespace App {
		interface Error {
			message: string;
			/** A code of the catalogue (`$lib/errors`); the UI text comes from messages/. */
			code?: import('$lib/errors').ErrorCode;
		}
		interface Locals {
			/** The signed-in official (back office), or null for citizens and kiosks. */
			user: import('$lib/schemas').SessionUser | null;
			/** The enrolled kiosk this device is (its HttpOnly cookie), or null. */
			kiosk: import('$lib/schemas').KioskInfo | null;
		}
	}
}

export {};
