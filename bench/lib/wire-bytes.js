/**
 * Bytes on the wire of everything a page loads, from the DevTools protocol: each request's
 * `Network.loadingFinished.encodedDataLength` (compressed body plus response headers, as
 * received), classified by the response's MIME type. Redirect responses (e.g. a 308 to drop a
 * trailing slash) never reach `loadingFinished`: they are counted from `requestWillBeSent`'s
 * `redirectResponse.encodedDataLength`, as separate requests.
 */

/**
 * @typedef {object} LoadedResource
 * @property {string} url
 * @property {string} kind  'html' | 'css' | 'js' | 'other'
 * @property {string} mimeType
 * @property {number} status
 * @property {number} bytes  encodedDataLength
 * @property {boolean} fromServiceWorker
 * @property {boolean} fromCache
 */

/**
 * @param {string} mimeType
 * @returns {'html' | 'css' | 'js' | 'other'}
 */
export function kindOf(mimeType) {
	if (/html/.test(mimeType)) return 'html';
	if (/css/.test(mimeType)) return 'css';
	if (/javascript|ecmascript/.test(mimeType)) return 'js';
	return 'other';
}

/**
 * Starts recording the page's finished requests; call before navigating.
 * @param {import('playwright-core').CDPSession} cdp
 * @returns {Promise<{ resources: LoadedResource[], failed: string[] }>}
 */
export async function recordWireBytes(cdp) {
	/** @type {Map<string, Omit<LoadedResource, 'bytes'>>} */
	const pending = new Map();
	/** @type {LoadedResource[]} */
	const resources = [];
	/** @type {string[]} */
	const failed = [];
	cdp.on('Network.requestWillBeSent', (e) => {
		const r = e.redirectResponse;
		if (!r) return;
		resources.push({
			url: r.url,
			kind: 'other',
			mimeType: r.mimeType,
			status: r.status,
			fromServiceWorker: Boolean(r.fromServiceWorker),
			fromCache: Boolean(r.fromDiskCache),
			bytes: r.encodedDataLength
		});
	});
	cdp.on('Network.responseReceived', (e) => {
		pending.set(e.requestId, {
			url: e.response.url,
			kind: kindOf(e.response.mimeType),
			mimeType: e.response.mimeType,
			status: e.response.status,
			fromServiceWorker: Boolean(e.response.fromServiceWorker),
			fromCache: Boolean(e.response.fromDiskCache || e.response.fromPrefetchCache)
		});
	});
	cdp.on('Network.loadingFinished', (e) => {
		const r = pending.get(e.requestId);
		if (!r) return;
		pending.delete(e.requestId);
		resources.push({ ...r, bytes: e.encodedDataLength });
	});
	cdp.on('Network.loadingFailed', (e) => {
		if (!e.canceled) failed.push(`${e.requestId} ${e.errorText}`);
	});
	await cdp.send('Network.enable');
	return { resources, failed };
}

/**
 * Totals by kind.
 * @param {readonly LoadedResource[]} resources
 * @returns {{ html: number, css: number, js: number, other: number, total: number, requests: number }}
 */
export function totals(resources) {
	const t = { html: 0, css: 0, js: 0, other: 0, total: 0, requests: resources.length };
	for (const r of resources) {
		t[/** @type {'html' | 'css' | 'js' | 'other'} */ (r.kind)] += r.bytes;
		t.total += r.bytes;
	}
	return t;
}
