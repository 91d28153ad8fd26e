/**
 * A proxy in front of a CouchDB-compatible store that answers like a partitioned CouchDB 3
 * cluster for radicado claims: a create-only PUT of a claim that already exists, or such a claim
 * in a `_bulk_docs` write, is "accepted" without write quorum (202) instead of refused as a
 * conflict, and a later `?conflicts=true` read of that claim lists the phantom conflicting
 * revision. Everything else is forwarded untouched.
 * The radicado tests point app servers at it to prove a claim accepted this way is never used
 * for a second request.
 *
 *   const proxy = await startClusterConflictProxy(storeUrl); // proxy.url keeps the credentials
 */
import http from 'node:http';

const CLAIM_PATH = /^\/solicitudes\/radicado%3A[A-Z]{2,6}-\d{4}-\d{6}$/;
const CLAIM_ID = /^radicado:[A-Z]{2,6}-\d{4}-\d{6}$/;
const BULK_PATH = '/solicitudes/_bulk_docs';

/** @param {string} storeUrl */
export async function startClusterConflictProxy(storeUrl) {
	const target = new URL(storeUrl);
	/** Claim paths this proxy pretended to create: their reads get a phantom conflict. */
	const phantoms = new Set();
	let simulated = 0;
	const phantomRev = () => `1-${'0'.repeat(31)}${simulated}`;

	const server = http.createServer((req, res) => {
		const chunks = /** @type {Buffer[]} */ ([]);
		req.on('data', (c) => chunks.push(c));
		req.on('end', async () => {
			const body = Buffer.concat(chunks);
			const url = new URL(req.url ?? '/', 'http://proxy');
			const headers = /** @type {Record<string, string>} */ ({});
			for (const [k, v] of Object.entries(req.headers)) {
				if (typeof v === 'string' && k !== 'host' && k !== 'content-length') headers[k] = v;
			}
			try {
				const upstream = await fetch(`${target.origin}${req.url}`, {
					method: req.method,
					headers,
					body: req.method === 'GET' || req.method === 'HEAD' ? undefined : body
				});
				let text = await upstream.text();
				let status = upstream.status;
				if (req.method === 'PUT' && CLAIM_PATH.test(url.pathname) && status === 409) {
					const doc = JSON.parse(body.toString('utf8'));
					if (!doc._rev) {
						simulated++;
						phantoms.add(url.pathname);
						status = 202;
						text = JSON.stringify({ ok: true, id: doc._id, rev: phantomRev() });
					}
				} else if (req.method === 'POST' && url.pathname === BULK_PATH && status === 201) {
					const docs = /** @type {{ docs: Array<{ _id: string, _rev?: string }> }} */ (
						JSON.parse(body.toString('utf8'))
					).docs;
					const results = /** @type {Array<Record<string, unknown>>} */ (JSON.parse(text));
					// By id: the embedded store does not always answer in the order sent.
					const sent = new Map(docs.map((d) => [d._id, d]));
					const answered = results.map((r) => {
						const doc = sent.get(String(r.id));
						if (r.error !== 'conflict' || !doc || doc._rev || !CLAIM_ID.test(doc._id)) return r;
						simulated++;
						phantoms.add(`/solicitudes/${encodeURIComponent(doc._id)}`);
						return { ok: true, id: doc._id, rev: phantomRev() };
					});
					if (answered.some((r, i) => r !== results[i])) status = 202;
					text = JSON.stringify(answered);
				} else if (
					req.method === 'GET' &&
					phantoms.has(url.pathname) &&
					url.searchParams.get('conflicts') === 'true' &&
					status === 200
				) {
					const doc = JSON.parse(text);
					doc._conflicts = [...(doc._conflicts ?? []), `1-${'f'.repeat(32)}`];
					text = JSON.stringify(doc);
				}
				res.writeHead(status, { 'content-type': 'application/json' });
				res.end(text);
			} catch {
				res.destroy();
			}
		});
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
	const address = /** @type {import('node:net').AddressInfo} */ (server.address());
	const url = new URL(storeUrl);
	url.host = `127.0.0.1:${address.port}`;
	return {
		url: url.toString().replace(/\/$/, ''),
		/** How many 409s were turned into accepted conflicting creates. */
		simulated: () => simulated,
		close: () => new Promise((resolve) => server.close(() => resolve(undefined)))
	};
}
