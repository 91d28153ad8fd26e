/**
 * The kiosk's rules for the page itself, applied to whatever is rendered (layout, content
 * HTML from editors, forms): nothing may lead out of the portal or to the back office, new tabs
 * are not opened, and forms suit an on-screen keyboard and a shared screen.
 */

/** Whether a link leaves the portal (another site, mail, phone) or goes to the back office. */
export function linkRule(href: string, origin: string): 'keep' | 'external' | 'hidden' {
	let url: URL;
	try {
		url = new URL(href, origin);
	} catch {
		return 'external';
	}
	if (url.origin !== origin) return 'external';
	if (/^\/(gestion|trabajo)(\/|$)/.test(url.pathname)) return 'hidden';
	return 'keep';
}

/** The address as a person would read it aloud or type it elsewhere. */
export function readableAddress(href: string, origin: string): string {
	try {
		const url = new URL(href, origin);
		if (url.protocol === 'mailto:' || url.protocol === 'tel:') return url.pathname;
		return `${url.host}${url.pathname === '/' ? '' : url.pathname}${url.search}`;
	} catch {
		return href;
	}
}

/**
 * Applies the rules under `root`. Links are changed in place (never replaced) so Svelte's
 * own nodes stay where it left them: an external link loses its `href` (it becomes text) and
 * shows its address after it unless its text already is the address; a back-office link is
 * hidden.
 */
export function applyKioskRules(root: ParentNode, origin: string): void {
	for (const a of root.querySelectorAll<HTMLAnchorElement>('a[href]')) {
		const href = a.getAttribute('href') ?? '';
		const rule = linkRule(href, origin);
		a.removeAttribute('target');
		if (rule === 'keep') continue;
		a.removeAttribute('href');
		if (rule === 'hidden') {
			a.hidden = true;
			continue;
		}
		a.dataset.externo = '';
		const address = readableAddress(href, origin);
		// "contacto@…" linked as itself needs no repetition.
		if (!a.textContent?.includes(address)) a.dataset.direccion = address;
	}
	for (const input of root.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>(
		'input:not([type=hidden]):not([type=checkbox]):not([type=radio]):not([type=file]), textarea'
	)) {
		// The browser must not offer this citizen's answers to the next one.
		if (input.getAttribute('autocomplete') !== 'off') input.setAttribute('autocomplete', 'off');
		if (!input.hasAttribute('enterkeyhint')) {
			input.setAttribute('enterkeyhint', input.tagName === 'TEXTAREA' ? 'enter' : 'next');
		}
	}
}
