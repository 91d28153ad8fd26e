// @ts-check
/**
 * Ventanilla's policy: the names and rules that more than one process must agree on. The Node
 * server (`server/*.js`), the SvelteKit server (`hooks.server.ts`), the service worker, the
 * kiosk reset and the build scripts all import this one module, so a private path, a cookie or
 * a storage key is declared once. Plain JavaScript with JSDoc (checked by `tsc`): `node
 * server/index.js` imports it without a build step, and Vite bundles it like any other module.
 *
 * Nothing here reads the environment or touches I/O.
 */

/** Cookies the app sets. */
export const COOKIES = /** @type {const} */ ({
	/** An official's session (HttpOnly): the random token whose hash is a `sesion:` doc. */
	session: 'ventanilla_sesion',
	/** A kiosk's enrolment (HttpOnly). */
	kiosk: 'ventanilla_kiosco',
	/** The language chosen with the switch (read by Paraglide, also in the browser). */
	locale: 'ventanilla_idioma',
	/** The device key of a consulta answered without JavaScript (HttpOnly). */
	device: 'ventanilla_dispositivo',
	/**
	 * The browser's receipt key (HttpOnly), set with a request form's page: a form re-sent
	 * without JavaScript shows its PIN again only to the browser that first sent it.
	 */
	receipt: 'ventanilla_recibo',
	/**
	 * An official's known device (HttpOnly, sent to the sign-in page only): exempts this browser
	 * from the per-account lock others can trigger (see `src/lib/server/auth/login.ts`).
	 */
	knownDevice: 'ventanilla_equipo'
});

/**
 * Requests carrying any of these cookies get pages rendered for that person or device: never
 * shared with other visitors by the page micro-cache.
 */
export const PERSONAL_COOKIES = /** @type {const} */ ([COOKIES.session, COOKIES.kiosk]);

/** Names of what the app keeps on a device. */
export const STORAGE = /** @type {const} */ ({
	/** Dexie database: drafts, outbox, filed requests, search index, settings. */
	appDb: 'ventanilla',
	/** PouchDB replica of the public content (IndexedDB name: `_pouch_` + this). */
	contentDb: 'ventanilla-contenido',
	/** Prefix of an official's PouchDB replica (one per account). */
	staffDbPrefix: 'ventanilla-trabajo-',
	/** localStorage: the offline pack is complete (its time and size). */
	packFlag: 'ventanilla.paquete',
	/** localStorage: the essentials of the offline pack are on the device (since when). */
	essentialsFlag: 'ventanilla.paquete.esencial',
	/** localStorage: this device has queued requests (start the outbox on load). */
	requestsFlag: 'ventanilla.solicitudes',
	/** localStorage: this device has queued consulta answers. */
	answersFlag: 'ventanilla.respuestas',
	/**
	 * localStorage: contrast and text size chosen with the accessibility bar on this device (a
	 * kiosk forgets it with the rest at the end of each session).
	 */
	displayPrefs: 'ventanilla.visualizacion',
	/** localStorage: when the invitation to install the portal was last declined here. */
	installDeclined: 'ventanilla.instalar.no',
	/** localStorage: this device is a kiosk. */
	kioskFlag: 'ventanilla.kiosco',
	/**
	 * localStorage: a kiosk session ended offline; the server must still remove its HttpOnly
	 * cookies (`/api/kiosco/terminar`) at the next start with a connection.
	 */
	kioskCookiesPending: 'ventanilla.kiosco.cookies',
	/** sessionStorage: the receipt a kiosk shows after filing (never outlives the session). */
	kioskReceipt: 'ventanilla.kiosco.recibo',
	/**
	 * sessionStorage: this browser session of a kiosk started clean. sessionStorage dies with the
	 * browser, so a kiosk that finds none was restarted (or crashed) mid-session, and whatever
	 * the last person left is wiped before anyone sees it.
	 */
	kioskBrowserSession: 'ventanilla.kiosco.sesion'
});

/**
 * An attachment larger than this many base64 characters (72 KB of photo) is sent ahead of
 * its request in pieces of this size (its own export: device code reads it without the
 * server's limits), each its own HTTP request (`/api/solicitudes/adjuntos`):
 * a link that drops during the upload costs the piece in flight, not the whole photo. On 3G
 * (~400 kbps up) a piece takes ~2 s; smaller pieces would lose less to a cut but add a
 * round trip each to every filing (a photo compressed to its 150 KB budget is 2 pieces).
 */
export const UPLOAD_PIECE_CHARS = 96 * 1024;

/** Size limits that the Node server and the app must agree on. */
export const LIMITS = /** @type {const} */ ({
	/**
	 * Largest body the Node server reads (adapter-node's `BODY_SIZE_LIMIT`): requests carry up to
	 * five compressed photos as base64.
	 */
	bodyBytes: 12 * 1024 * 1024,
	/**
	 * Largest request body for filing: five attachments of 1.5 MB are 10 MB of base64, plus the
	 * form's text. Under `bodyBytes`, so this check, with its JSON error code, is the one
	 * clients see.
	 */
	submissionBytes: 11 * 1024 * 1024,
	/**
	 * Request bytes one server lets all large bodies in flight hold at once: four bodies of the
	 * largest size. Measured before the cap: ten 9.5 MB filings at once raised memory by ~320 MB
	 * (each is read, decoded, parsed and re-encoded). Past it a new large body is answered 503
	 * with Retry-After before it is read; devices retry, a browser without JavaScript goes back.
	 */
	uploadBytesInFlight: 48 * 1024 * 1024,
	/** Bodies smaller than this never count against `uploadBytesInFlight` (sign-in, events). */
	uploadTrackedFrom: 256 * 1024,
	/** Seconds a client is asked to wait when the upload budget is full. */
	uploadRetryAfterS: 10,
	/** Hours the server keeps pieces of an attachment whose request never arrived. */
	stagedUploadHours: 72,
	/** Radicado + PIN pairs one tracking request may carry (a device checking all its own). */
	trackingItems: 50,
	/**
	 * Tracking lookups in flight per server process: requests at the JSON API's door
	 * (`server/lookup-gate.js`), items inside the app (`$lib/server/requests/tracking`). Beyond
	 * it, 429 `muchas_consultas` at once: a flood never queues in front of officials' work.
	 */
	trackingInFlight: 8,
	/**
	 * Filings (`POST /api/solicitudes`) handled at once per server process, in arrival order,
	 * once their bodies have arrived (`$lib/server/requests/filing-turns`). Two keep both cores
	 * busy (a filing is ~130 ms of CPU between the app, the PIN's hash and the store) while pages
	 * are answered between them.
	 */
	filingsInFlight: 2,
	/**
	 * Filings that may wait for their turn per process, with their bodies read (up to
	 * `uploadTrackedFrom` each when the upload budget does not count them: ~50 MB); past it,
	 * 503 `servidor_ocupado` with Retry-After and the device's outbox sends it again.
	 */
	filingsWaiting: 200
});

/**
 * How far a kiosk's or field official's word on when a citizen handed a request in is believed
 * (Ley 1755 art. 15: the authority received it then; legal review 2.4). The device's clock may
 * run a little ahead of the server's; a capture older than `maxAgeDays` when it arrives is dated
 * by its arrival (a device that long without signal, or a claim nobody can check any more).
 */
export const HAND_IN = /** @type {const} */ ({
	skewMs: 5 * 60_000,
	maxAgeDays: 30
});

/** The longest an official's session may be set to last (`SESSION_HOURS`): 30 days. */
export const MAX_SESSION_HOURS = 24 * 30;

/**
 * The Content Security Policy of every page (SvelteKit's `kit.csp`, mode `auto`: a fresh nonce
 * on each server-rendered page, hashes on the prerendered offline shell). Scripts only from this
 * portal and SvelteKit's own nonced bootstrap; nothing loaded from another site (images in
 * published Markdown are turned into links, see render-markdown.ts); no page may be framed.
 * Styles allow inline: Svelte writes style attributes and the stylesheet is inlined (see
 * `inlineStyleThreshold`), and a style cannot run code.
 */
/** @type {NonNullable<import('@sveltejs/kit').KitConfig['csp']>['directives']} */
export const CONTENT_SECURITY_POLICY = {
	'default-src': ['self'],
	'script-src': ['self'],
	'style-src': ['self', 'unsafe-inline'],
	'img-src': ['self', 'data:', 'blob:'],
	'font-src': ['self'],
	'connect-src': ['self'],
	'worker-src': ['self'],
	'manifest-src': ['self'],
	'media-src': ['self'],
	'frame-src': ['none'],
	'object-src': ['none'],
	'base-uri': ['self'],
	'form-action': ['self'],
	'frame-ancestors': ['none']
};

/** IndexedDB name of a PouchDB database (the `idb` adapter's prefix, see $lib/sync/pouchdb). */
export const pouchIdbName = (/** @type {string} */ name) => `_pouch_${name}`;

/** Cache Storage names used by the service worker. */
export const CACHES = /** @type {const} */ ({
	/** Pages visited (network first), the offline copy of what a citizen read. */
	pages: 'paginas',
	/** Public content API answers (network first). */
	content: 'api-contenido',
	/** The code of the pages cached after install (`PAGES_CACHED_AFTER_INSTALL`), cache first. */
	laterCode: 'codigo-despues'
});

/**
 * Top-level page folders whose code the service worker downloads right after it has installed,
 * instead of during its install: what a citizen needs with no signal first (every trámite and
 * its form, PQRSD, attention, the offices and the transparency menu, their own requests and
 * search), as the offline pack brings its essentials first (`$lib/content/essentials`), so a
 * phone on 3G is ready offline sooner. The rest follows in one more download (news, normas,
 * the Concejo, the GEL-T plan, participation, open data, tracking a radicado) together with the
 * modes of a device an official sets up online (field work, kiosk). See
 * scripts/precache-plan.js.
 */
export const PAGES_CACHED_AFTER_INSTALL = Object.freeze([
	'concejo',
	'datos-abiertos',
	'gel-t',
	'kiosco',
	'normativa',
	'noticias',
	'participa',
	// Tracking asks the server: with no signal the page can only say so (own requests are in
	// `mis-solicitudes`, installed first).
	'seguimiento',
	'trabajo'
]);

/**
 * Files the service worker downloads at once while it fills its precache (a browser opens 6
 * connections per host over HTTP/1.1); see `$lib/pwa/precache-install`. The bench models the
 * install on 3G with it.
 */
export const PRECACHE_CONCURRENCY = 6;

/**
 * The longest one precached file may take (ms): on 2G a stalled connection can hang a fetch for
 * minutes, and an install that hangs never fails, so it is never tried again. 90 s lets six
 * files share a 2G link (~6 KB/s) and still fetch the largest chunk (~60 KB).
 */
export const PRECACHE_FILE_TIMEOUT_MS = 90_000;

/**
 * The longest a precache bundle, the build's code in one file (~195 KB compressed at install,
 * ~70 KB right after), may take (ms): on 2G (~6 KB/s) the larger needs ~35 s. Past this, its
 * files are fetched one by one instead.
 */
export const PRECACHE_BUNDLE_TIMEOUT_MS = 180_000;

/** How long the language chosen with the switch is remembered (s): a year. */
export const LOCALE_COOKIE_MAX_AGE_S = 60 * 60 * 24 * 365;

/**
 * Pauses before the page asks again for a first install that failed (ms; the last repeats).
 * The connection coming back asks at once. See `$lib/pwa/install-retry`.
 */
export const SW_INSTALL_RETRY_MS = [10_000, 30_000, 120_000, 600_000];

/**
 * The name under which the SvelteKit server bundle leaves the Node middleware that the app's
 * server (`server/app.js`) mounts in front of it: `globalThis[Symbol.for(NODE_MIDDLEWARE_KEY)]`
 * (see `$lib/server/http/node-middleware`). The two are built apart, so a module cannot be
 * shared between them.
 */
export const NODE_MIDDLEWARE_KEY = 'ventanilla.nodeMiddleware';

/** Background Sync tags and Web Locks shared by pages and the service worker. */
export const SYNC = /** @type {const} */ ({
	/** Background Sync tag and lock of the requests outbox. */
	outbox: 'ventanilla-outbox',
	/** Lock of the consulta answers queue. */
	answers: 'ventanilla-respuestas',
	/** Lock of an official's queued actions. */
	actions: 'ventanilla-acciones',
	/**
	 * Window event whose `detail` is a promise of work a person waits for (a queue sending on
	 * the returning link); background pulls wait for it (`$lib/utils/link-priority`).
	 */
	urgentEvent: 'ventanilla:urgente'
});

/**
 * What a path may hold, which decides who may store it:
 * - `public`: the same for every visitor. Kept by the service worker, shared by the page
 *   micro-cache, kept on a kiosk after a session (when it has no query).
 * - `personal`: a page a citizen or an official uses with their own data on the device
 *   (tracking, own requests, a receipt, the offline workspace, search queries). The service
 *   worker keeps the page so it works offline; never shared between visitors by the server;
 *   removed when a kiosk session ends.
 * - `private`: officials' data rendered by the server. `Cache-Control: private, no-store`;
 *   never stored by the service worker or any cache.
 * - `action`: a redirect or a state change (language switch, health): never cached.
 * - `asset`: hashed build files and static files.
 * @typedef {'public' | 'personal' | 'private' | 'action' | 'asset'} PathFamily
 */

/**
 * Top-level page folders of `src/routes` (a unit test fails when a folder is missing here).
 * @type {Readonly<Record<string, PathFamily>>}
 */
export const PAGE_FAMILIES = Object.freeze({
	'': 'public',
	'app-shell': 'public',
	atencion: 'public',
	buscar: 'personal',
	concejo: 'public',
	'datos-abiertos': 'public',
	directorio: 'public',
	entidades: 'public',
	formularios: 'personal',
	'gel-t': 'public',
	gestion: 'private',
	guardado: 'public',
	idioma: 'action',
	informacion: 'public',
	kiosco: 'personal',
	'mapa-del-sitio': 'public',
	'mis-solicitudes': 'personal',
	normativa: 'public',
	noticias: 'public',
	participa: 'public',
	pqrsd: 'public',
	seguimiento: 'personal',
	trabajo: 'personal',
	tramites: 'public',
	transparencia: 'public'
});

/**
 * Folders of `src/routes/api`. Unknown API paths count as private: a new endpoint is never
 * stored by accident.
 * @type {Readonly<Record<string, PathFamily>>}
 */
export const API_FAMILIES = Object.freeze({
	buscar: 'personal',
	concejo: 'public',
	consultas: 'public',
	contenido: 'public',
	gestion: 'private',
	kiosco: 'private',
	salud: 'action',
	seguimiento: 'private',
	solicitudes: 'private',
	sync: 'action'
});

/** Static and build files served from the site root (see `static/` and `_app/`). */
const ASSET =
	/^(_app|icons|favicon\.(ico|png|svg)|robots\.txt|manifest\.webmanifest|sw\.js|workbox-[\w-]+\.js)$/;

/**
 * The path as the router understands it, whatever its spelling: percent-decoded (repeatedly, so
 * `%2567` is `g` too), backslashes as slashes, empty and `.` segments dropped, `..` resolved,
 * trailing dots and spaces of a segment dropped, lower case. `/%67estion//Solicitudes/./x.`
 * and `/gestion/solicitudes/x` are the same path. Used only to classify, never to route.
 * @param {string} pathname
 * @returns {string}
 */
export function normalizePath(pathname) {
	let p = pathname;
	for (let i = 0; i < 4; i++) {
		let decoded;
		try {
			decoded = decodeURIComponent(p);
		} catch {
			// A malformed escape: decode what can be decoded, byte by byte.
			decoded = p.replace(/%[0-9a-f]{2}/gi, (h) => {
				const c = parseInt(h.slice(1), 16);
				return c < 0x80 ? String.fromCharCode(c) : h;
			});
		}
		if (decoded === p) break;
		p = decoded;
	}
	/** @type {string[]} */
	const out = [];
	for (const raw of p.replace(/\\/g, '/').split('/')) {
		const segment = raw
			// eslint-disable-next-line no-control-regex -- control characters are what is dropped
			.replace(/[\s\u0000-\u001f\u007f]+/g, '')
			.replace(/[.\s]+$/, (dots) => (dots === raw ? dots : ''))
			.toLowerCase();
		if (segment === '' || segment === '.') continue;
		if (segment === '..') out.pop();
		else out.push(segment);
	}
	return '/' + out.join('/');
}

/**
 * The family of a path (see `PathFamily`), decided on its normalised spelling.
 * @param {string} pathname  raw `URL.pathname`, encoded or not
 * @returns {PathFamily}
 */
export function pathFamily(pathname) {
	const segments = normalizePath(pathname).split('/').slice(1);
	const [first = '', second = ''] = segments;
	if (first === 'api') return API_FAMILIES[second] ?? 'private';
	if (ASSET.test(first)) return 'asset';
	return PAGE_FAMILIES[first] ?? 'private';
}

/** Officials' data: `Cache-Control: private, no-store`, never stored by any cache. */
export const isPrivatePath = (/** @type {string} */ pathname) => pathFamily(pathname) === 'private';

/** Pages (not API answers) the service worker may keep for offline use. */
export const mayStorePage = (/** @type {string} */ pathname) => {
	if (normalizePath(pathname).startsWith('/api/')) return false;
	const family = pathFamily(pathname);
	return family === 'public' || family === 'personal';
};

/** Pages one render of which may answer every anonymous visitor (the page micro-cache). */
export const mayShareRender = (/** @type {string} */ pathname) => pathFamily(pathname) === 'public';

/**
 * Whether a cached page may stay on a kiosk after a session ends: public pages without a query
 * (a query can carry what a person typed: a radicado, a search).
 * @param {URL} url
 */
export const keptAfterKioskSession = (url) => !url.search && pathFamily(url.pathname) === 'public';

/**
 * Where a `volver` (return-to) parameter may send the browser: parsed as a URL against this
 * site, it must stay on the same origin and, once normalised, land on a page of the allowed
 * families (`public`/`personal` pages, or the back office). Anything else — another host, a
 * `//host`, a tab or a backslash that browsers strip, `..` climbing out of the back office,
 * `javascript:` or `data:` — gives `fallback`. The answer is the normalised path (with the
 * original query), never the raw input.
 * @param {string | null | undefined} raw
 * @param {{ allow: ReadonlyArray<PathFamily>, fallback: string }} rule
 * @returns {string}
 */
export function safeReturnPath(raw, { allow, fallback }) {
	if (!raw || raw.length > 2000) return fallback;
	// Browsers drop tabs and newlines inside URLs and read `\` as `/`: judge what they would see.
	// eslint-disable-next-line no-control-regex -- control characters are what is dropped
	const seen = raw.replace(/[\u0000-\u001f\u007f]/g, '').replace(/\\/g, '/');
	if (!seen.startsWith('/') || seen.startsWith('//')) return fallback;
	const base = 'https://ventanilla.invalid';
	let url;
	try {
		url = new URL(seen, base);
	} catch {
		return fallback;
	}
	if (url.origin !== base) return fallback;
	const path = normalizePath(url.pathname);
	const family = pathFamily(path);
	if (!allow.includes(family) || PAGE_FAMILIES[path.split('/')[1] ?? ''] === undefined) {
		return fallback;
	}
	return `${path}${url.search}`;
}

/**
 * Where the language switch goes back to after remembering the choice (the server's route and,
 * with no signal, the service worker): the page it was on, of any family, else the home page.
 * @param {string | null | undefined} raw  the link's `volver`
 */
export const languageReturnPath = (raw) =>
	safeReturnPath(raw, { allow: ['public', 'personal', 'private'], fallback: '/' });
