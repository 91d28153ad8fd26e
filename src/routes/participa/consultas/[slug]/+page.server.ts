import { statusOf } from '$lib/errors';
import { COOKIES } from '$lib/policy';
import { fail } from '@sveltejs/kit';
import { randomBytes } from 'node:crypto';
import { answersFromForm } from '$lib/domain/consulta-answers';
import { participationErrorText } from '$lib/participation/labels';
import { deviceKeySchema, slugSchema } from '$lib/schemas';
import { getContent } from '$lib/server/content/repo';
import { postedForm } from '$lib/server/forms/form-data';
import { submitAnswer } from '$lib/server/participation/answers';
import type { Actions } from './$types';

/** Without JavaScript the device's key is this cookie (HttpOnly: no script ever reads it). */
const DEVICE_COOKIE = COOKIES.device;
/** Two years, in seconds: a consulta's "one per device" should outlive any consulta. */
const DEVICE_COOKIE_AGE = 2 * 365 * 24 * 3600;

/**
 * Answering without JavaScript: the same rules and store as the device's queue. There is no
 * server `load`, so the page stays readable offline from the content pack.
 */
export const actions: Actions = {
	default: async ({ request, params, cookies, url, getClientAddress }) => {
		const slug = slugSchema.safeParse(params.slug);
		const consulta = slug.success ? await getContent('consulta', slug.data) : null;
		if (!consulta) return fail(404, { general: participationErrorText('no_encontrado') });
		const form = await postedForm(request);
		const all = (name: string) =>
			form.getAll(name).filter((v): v is string => typeof v === 'string');
		const raw = answersFromForm(consulta.questions, all);

		let deviceKey = cookies.get(DEVICE_COOKIE) ?? '';
		if (!deviceKeySchema.safeParse(deviceKey).success) {
			deviceKey = randomBytes(32).toString('base64url');
		}
		cookies.set(DEVICE_COOKIE, deviceKey, {
			path: '/',
			httpOnly: true,
			sameSite: 'lax',
			secure: url.protocol === 'https:',
			maxAge: DEVICE_COOKIE_AGE
		});
		const posted = all('id')[0] ?? '';
		const id = /^[0-9a-f-]{36}$/.test(posted) ? posted : crypto.randomUUID();

		const outcome = await submitAnswer(
			consulta.slug,
			{ id, deviceKey, answers: raw },
			{ address: getClientAddress() }
		);
		if (outcome.ok) return { answered: true };
		const detail = outcome.detail as { questions?: Record<string, string> } | undefined;
		const errors = Object.fromEntries(
			Object.entries(detail?.questions ?? {}).map(([q, code]) => [q, participationErrorText(code)])
		);
		return fail(statusOf(outcome.code), {
			general: Object.keys(errors).length ? null : participationErrorText(outcome.code),
			errors,
			values: raw
		});
	}
};
