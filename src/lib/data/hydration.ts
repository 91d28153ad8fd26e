/**
 * True once the first page has hydrated. Before that, universal loads must use `fetch` so the
 * data SvelteKit inlined in the server-rendered HTML is reused instead of read again.
 */
let hydrated = false;

export const isHydrated = () => hydrated;
export const markHydrated = () => {
	hydrated = true;
};
