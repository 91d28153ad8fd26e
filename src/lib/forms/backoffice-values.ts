/**
 * What the back office's forms show, as text the person can edit: read by the server from a
 * post and shown by the form components, which import these types instead of restating them.
 * (The GEL-T plan's are in plan-values.ts.)
 */

/** The generic content editor: common fields, and the type's own as YAML ("Datos específicos"). */
export interface EditorValues {
	slug: string;
	title: string;
	summary: string;
	responsible: string;
	reviewBy: string;
	body: string;
	datos: string;
	/** The type's own fields, for types with a form of their own (`content/own-fields.ts`). */
	own?: OwnValues;
}

/** One control's value as the person typed or ticked it. */
export type ScalarValue = string | boolean;
/** A type's own fields as its form shows them: texts, ticks, lists, rows and groups. */
export type OwnValue =
	ScalarValue | string[] | Array<Record<string, ScalarValue>> | Record<string, ScalarValue>;
export type OwnValues = Record<string, OwnValue>;

/** A proposal for a new trámite; requirements and norms one per line. */
export interface ProposalFormValues {
	id: string;
	name: string;
	purpose: string;
	legalBasis: string;
	requirements: string;
	costFree: boolean;
	costDescription: string;
	timeKind: string;
	timeValue: string;
	responsible: string;
	channels: string[];
}

/** An official's account, without its password (never shown again). */
export interface UserFormValues {
	username?: string;
	name?: string;
	roles?: string[];
	dependencia?: string;
	active?: boolean;
}
