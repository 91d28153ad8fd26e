import { getLocale } from '$lib/paraglide/runtime';

type Locale = 'es' | 'en';
/** The reader's locale, or the one given (a server job with no reader, e.g. an e-mail). */
const tag = (locale?: Locale) => ((locale ?? getLocale()) === 'en' ? 'en-GB' : 'es-CO');

/** Intl formatters are costly to build (measured under load): one per locale and style. */
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();
function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => T): T {
	let f = formatters.get(key) as T | undefined;
	if (!f) {
		f = make();
		formatters.set(key, f);
	}
	return f;
}

/** `2026-11-20` → "20 de noviembre de 2026" (date-only strings are calendar dates, no zone). */
export function formatDate(isoDate: string, locale?: Locale): string {
	const d = new Date(`${isoDate.slice(0, 10)}T12:00:00Z`);
	if (Number.isNaN(d.getTime())) return isoDate;
	const t = tag(locale);
	return cached(
		`date:${t}`,
		() => new Intl.DateTimeFormat(t, { dateStyle: 'long', timeZone: 'UTC' })
	).format(d);
}

/** A full timestamp in Colombian time: "20 de noviembre de 2026, 3:04 p. m.". */
export function formatDateTime(iso: string, locale?: Locale): string {
	const d = new Date(iso);
	if (Number.isNaN(d.getTime())) return iso;
	const t = tag(locale);
	return cached(
		`datetime:${t}`,
		() =>
			new Intl.DateTimeFormat(t, {
				dateStyle: 'long',
				timeStyle: 'short',
				timeZone: 'America/Bogota'
			})
	).format(d);
}

/**
 * A timestamp for one short status line, in Colombian time: "20 nov, 3:04 p. m." (es-CO's own
 * "20 de nov" loses its "de" to fit a 360-px line).
 */
export function formatShortDateTime(iso: string): string {
	const d = new Date(iso);
	if (Number.isNaN(d.getTime())) return iso;
	const t = tag();
	return cached(
		`short-datetime:${t}`,
		() =>
			new Intl.DateTimeFormat(t, {
				day: 'numeric',
				month: 'short',
				hour: 'numeric',
				minute: '2-digit',
				timeZone: 'America/Bogota'
			})
	)
		.format(d)
		.replace(' de ', ' ');
}

/** Bytes as "1,2 MB". */
export function formatBytes(bytes: number): string {
	const units = ['B', 'KB', 'MB', 'GB'];
	let v = bytes;
	let i = 0;
	while (v >= 1024 && i < units.length - 1) {
		v /= 1024;
		i++;
	}
	return `${new Intl.NumberFormat(tag(), { maximumFractionDigits: i ? 1 : 0 }).format(v)} ${units[i]}`;
}
