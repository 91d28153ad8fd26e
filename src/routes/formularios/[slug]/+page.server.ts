import { statusOf } from '$lib/errors';
import { errorText as requestErrorText } from '$lib/i18n/error-text';
import { fail } from '@sveltejs/kit';
import { slugSchema, type Submission } from '$lib/schemas';
import { getContent } from '$lib/server/content/repo';
import { filedRequest, fileRequest } from '$lib/server/requests/file-request';
import { browserKey, pinFor } from '$lib/server/requests/resend';
import { fileWithinAllowance } from '$lib/server/requests/filing-limit';
import { postedForm, readPostedRequest, text } from '$lib/server/forms/form-data';
import { collectErrors, isClean } from '$lib/forms/collect-errors';
import { errorText } from '$lib/forms/error-text';
import type { Actions } from './$types';

/**
 * Filing without JavaScript: the browser posts the form, the server files it at once through
 * the same module as the JSON API and shows the receipt. (With JavaScript the outbox sends it.)
 * There is no server `load`, so client-side navigation to this page stays offline-capable.
 *
 * A form posted again (its first answer lost on the way) shows the same receipt: the PIN and
 * attachment ids are derived from the request id (see resend.ts), and the capture time is the
 * first post's.
 */
export const actions: Actions = {
	default: async ({ request, params, cookies, url, locals, getClientAddress }) => {
		const slug = slugSchema.safeParse(params.slug);
		const form = slug.success ? await getContent('formulario', slug.data) : null;
		if (!form) return fail(404, { notFound: true });
		const posted = await postedForm(request);
		const id = text(posted, 'id');
		const earlier = await filedRequest(id);
		const { submission, echo } = await readPostedRequest(posted, form, {
			now: earlier ? new Date(earlier.capturedAt) : new Date(),
			pin: await pinFor(id, browserKey(cookies, url.protocol === 'https:'))
		});

		const found = collectErrors(form, {
			anonymous: echo.anonymous,
			applicant: echo.applicant,
			values: echo.values,
			consent: !!submission.consent,
			attachmentCount: Array.isArray(submission.attachments) ? submission.attachments.length : 0
		});
		const errors = Object.fromEntries(
			Object.entries(found.fields).map(([field, code]) => [field, errorText(code)])
		);
		if (!isClean(found)) {
			return fail(400, { echo: { ...echo, errors, general: found.general.map(errorText) } });
		}

		const outcome = await fileWithinAllowance({ ...locals, address: getClientAddress() }, () =>
			fileRequest(submission, { otherPin: 'receipt' })
		);
		if (!outcome.ok) {
			const detail = outcome.detail as { general?: string[] } | undefined;
			const general = detail?.general?.length
				? detail.general.map(errorText)
				: [requestErrorText(outcome.code)];
			return fail(statusOf(outcome.code), { echo: { ...echo, errors, general } });
		}
		return {
			filed: {
				...outcome.receipt,
				pin: outcome.otherPin ? null : (submission as Submission).pin,
				again: outcome.status === 200
			}
		};
	}
};
