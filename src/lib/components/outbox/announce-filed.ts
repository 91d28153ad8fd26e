import { mount, unmount } from 'svelte';
import FiledNotice from './FiledNotice.svelte';

let shown: { component: ReturnType<typeof mount>; radicados: string[] } | undefined;

/**
 * Tells the citizen, on the page they are on, that requests sent in the background got their
 * radicados. "Mis solicitudes" says it in place (its "recibido" panel and list), so nothing is
 * added there. A notice still open gains the new numbers instead of stacking a second one.
 */
export function announceFiled(radicados: readonly string[]): void {
	if (!radicados.length || location.pathname.startsWith('/mis-solicitudes')) return;
	const all = [...(shown?.radicados ?? []), ...radicados];
	close();
	const component = mount(FiledNotice, {
		target: document.body,
		props: { radicados: all, onclose: close }
	});
	shown = { component, radicados: all };
}

function close(): void {
	if (!shown) return;
	void unmount(shown.component);
	shown = undefined;
}
