/**
 * The seed content's documents, built when the server is bundled (scripts/seed-docs.js).
 */
declare module 'virtual:seed-docs' {
	const docs: import('$lib/schemas').ContentDoc[];
	export default docs;
}
