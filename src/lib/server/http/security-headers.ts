/**
 * Headers every answer carries, whichever path answers it: SvelteKit's hook (`hooks.server.ts`)
 * and the Node middleware in front of it (`node-middleware.ts`).
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
	'x-content-type-options': 'nosniff',
	'referrer-policy': 'strict-origin-when-cross-origin',
	'x-frame-options': 'DENY',
	'permissions-policy': 'camera=(self), geolocation=(), microphone=()'
});
