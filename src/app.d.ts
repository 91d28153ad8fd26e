// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
	namespace App {
		interface Error {
			message: string;
			/** Stable machine code (`no_encontrado`, `sin_conexion`…); the UI text comes from messages/. */
			code?: string;
		}
	}
}

export {};
