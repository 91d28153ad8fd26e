import { slugSchema } from '$lib/schemas';
import { apiError } from '$lib/server/http/api-error';
import { couch, DB } from '$lib/server/couch';
import { encodeDocId } from '$lib/server/couch/client';
import { PDF_ATTACHMENT } from '$lib/server/content/pdf';
import type { RequestHandler } from './$types';

/**
 * The published PDF of a norma. Streamed from the store; never part of the offline pack (the
 * sync gate strips attachments), so it is fetched only by whoever opens it.
 */
export const GET: RequestHandler = async ({ params, request }) => {
	const slug = slugSchema.safeParse(params.slug);
	if (!slug.success) return apiError('id_invalido');
	const headers: Record<string, string> = { accept: 'application/pdf' };
	const ifNoneMatch = request.headers.get('if-none-match');
	if (ifNoneMatch) headers['if-none-match'] = ifNoneMatch;
	const res = await couch().fetch(
		`${DB.content}/${encodeDocId(`norma:${slug.data}`)}/${PDF_ATTACHMENT}`,
		{ headers }
	);
	if (res.status === 304) return new Response(null, { status: 304 });
	if (!res.ok) {
		await res.body?.cancel();
		return apiError('no_encontrado');
	}
	const out = new Headers({
		'content-type': 'application/pdf',
		'content-disposition': `inline; filename="${slug.data}.pdf"`,
		'cache-control': 'public, max-age=300',
		// A PDF viewer runs no page scripts here; the header keeps it that way if one tried.
		'content-security-policy': "default-src 'none'; sandbox"
	});
	// The store's ETag is the attachment's digest: a new PDF gets a new one.
	for (const name of ['content-length', 'etag']) {
		const value = res.headers.get(name);
		if (value) out.set(name, value);
	}
	return new Response(res.body, { headers: out });
};
