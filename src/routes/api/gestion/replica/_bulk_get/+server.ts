import { z } from 'zod';
import { apiError } from '$lib/server/http/api-error';
import { apiUser } from '$lib/server/auth/guard';
import { MAX_BULK_GET, replicaDocs } from '$lib/server/backoffice/replica';
import { issuesOf, readJsonBody } from '$lib/server/http/json-body';
import { noStoreJson, storeFailure } from '$lib/server/http/responses';
import type { RequestHandler } from './$types';

const bodySchema = z
	.object({
		docs: z
			.array(
				z.object({ id: z.string().min(1).max(200), rev: z.string().max(100).optional() }).strict()
			)
			.min(1)
			.max(MAX_BULK_GET)
	})
	.strict();

/** CouchDB-shaped `_bulk_get`, answering only documents this official may see. */
export const POST: RequestHandler = async ({ locals, request }) => {
	const { user, refusal } = apiUser(locals, 'solicitudes.bandeja');
	if (refusal) return refusal;
	const body = await readJsonBody(request, 256 * 1024);
	if (!body.ok) return body.response;
	const parsed = bodySchema.safeParse(body.value);
	if (!parsed.success) {
		return apiError('consulta_invalida', {
			detail: {
				issues: issuesOf(parsed.error)
			}
		});
	}
	try {
		const results = await replicaDocs(
			user,
			parsed.data.docs.map((d) => d.id)
		);
		return noStoreJson({ results });
	} catch (e) {
		return storeFailure(e);
	}
};
