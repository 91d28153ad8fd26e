// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
	namespace App {
		interface Error {
			message: string;
			/** Stable machine code (`no_encontrado`, `sin_conexion`…); the UI text comes from messages/. */
			code?: string;
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
