/**
 * True once the first page has hydrated. Before that, universal loads must use `fetch` so the
 * data SvelteKit inlined in the server-rendered HTML is reused instead of read again.
 */
let hydrated = false;

export const isHydrated = () => hydrated;
/** Also marks `<html data-iniciada>`: the page and its components have started (tests wait on it). */
export const markHydrated = () => {
	hydrated = true;
	document.documentElement.dataset.iniciada = '';
};

/** The server's "loading" notice on pages drawn on the device only (see hooks.server.ts). */
export const LOADING_CLASS = 'cargando-inicial';

/** Removes that notice: the app has started and draws the page itself. */
export function removeLoadingNotice(): void {
	for (const el of document.querySelectorAll(`.${LOADING_CLASS}`)) el.remove();
}
