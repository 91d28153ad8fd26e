/**
 * What every field primitive of this folder takes, and how it ties its hint and error message
 * to the control (`aria-describedby`), so assistive technology reads them with it.
 */
export interface FieldText {
	/** The control's id (the error summary links to it); the hint is `<id>-ayuda`, the error `<id>-error`. */
	id: string;
	hint?: string;
	/** The message of what is wrong, already in the page's language. */
	error?: string;
}

/** The ids that describe a control: its hint's and its error's, or none. */
export const describedBy = ({ id, hint, error }: FieldText): string | undefined =>
	[hint ? `${id}-ayuda` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
