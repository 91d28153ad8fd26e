/**
 * What a back-office form action answered, as its page uses it: the issues to show next to the
 * fields, the refusal code of a workflow that said no (`refusal`) and the values to put back in
 * the form: the action's (as typed), or `loaded`, those the page loaded.
 */
import type { FormIssue } from './form-result';

export interface ActionState<V> {
	issues: FormIssue[];
	refusal: string | null;
	values: V;
}

export function actionState<V>(form: object | null | undefined, loaded: V): ActionState<V> {
	const answer = (form ?? {}) as { issues?: FormIssue[]; refusal?: unknown; values?: V };
	return {
		issues: answer.issues ?? [],
		refusal: typeof answer.refusal === 'string' ? answer.refusal : null,
		values: answer.values ?? loaded
	};
}
