/**
 * The seed content shipped with the repository, bundled into the server build so the seed does
 * not depend on the working directory the server is started from.
 */
const files = import.meta.glob('/content/**/*.md', {
	query: '?raw',
	import: 'default',
	eager: true
}) as Record<string, string>;

export function seedContentFiles(): Array<{ path: string; source: string }> {
	return Object.entries(files)
		.map(([path, source]) => ({ path, source }))
		.sort((a, b) => a.path.localeCompare(b.path));
}
