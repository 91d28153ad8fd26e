/**
 * The downloadable files (CSV and JSON of each dataset) and their HTTP answer. A file is
 * generated once per state of the store and day (the overdue flags and open-overdue counts
 * change with the date) and remembered, so its ETag and Last-Modified stay the same between
 * downloads and a repeat download on a slow link costs a 304 with no body.
 */
import { setBounded } from '$lib/server/util/bounded-map';
import { createHash } from 'node:crypto';
import { bogotaDate } from '$lib/domain/calendar-date';
import type { OpenDataset } from '$lib/schemas';
import { couch, DB } from '$lib/server/couch';
import { contentSeq } from '$lib/server/content/repo';
import { toCsv, type CsvValue } from './csv';
import {
	COLUMNS,
	currentStatistics,
	metadataOf,
	planRows,
	statRows,
	tramiteRows
} from './datasets';

export const OPEN_DATA_FORMATS = ['csv', 'json'] as const;
export type OpenDataFormat = (typeof OPEN_DATA_FORMATS)[number];

export interface OpenDataFile {
	dataset: OpenDataset;
	format: OpenDataFormat;
	body: string;
	bytes: number;
	etag: string;
	/** When this body was generated (what Last-Modified says). */
	generatedAt: Date;
	/** Latest change of the data itself; null for an empty dataset. */
	dataUpdatedAt: Date | null;
	rows: number;
}

const CONTENT_TYPES: Record<OpenDataFormat, string> = {
	csv: 'text/csv; charset=utf-8; header=present',
	json: 'application/json; charset=utf-8'
};

async function rowsOf(dataset: OpenDataset, origin: string, now: Date) {
	const today = bogotaDate(now);
	switch (dataset) {
		case 'plan-gelt':
			return planRows(origin, today);
		case 'tramites':
			return tramiteRows(origin);
		case 'pqrsd-estadisticas': {
			const { stats, lastModified } = await currentStatistics(now);
			return { rows: statRows(stats), lastModified };
		}
	}
}

async function generate(
	dataset: OpenDataset,
	format: OpenDataFormat,
	origin: string,
	now: Date
): Promise<OpenDataFile> {
	const { rows, lastModified } = await rowsOf(dataset, origin, now);
	const body =
		format === 'csv'
			? toCsv(COLUMNS[dataset] as string[], rows as unknown as Record<string, CsvValue>[])
			: JSON.stringify({ metadata: await metadataOf(dataset, now), data: rows }, null, 1);
	const hash = createHash('sha256').update(body).digest('base64url').slice(0, 22);
	return {
		dataset,
		format,
		body,
		bytes: Buffer.byteLength(body, 'utf8'),
		etag: `"${hash}"`,
		// HTTP dates have whole seconds; a finer value would never equal If-Modified-Since.
		generatedAt: new Date(Math.floor(now.getTime() / 1000) * 1000),
		dataUpdatedAt: lastModified,
		rows: rows.length
	};
}

/**
 * Files kept per store state: every dataset in both formats for a few origins. The origin comes
 * from the request's `Host` (absolute links in the files), so it is bounded: a flood of made-up
 * hosts only makes files be generated again, never grows memory.
 */
const MAX_FILES = 32;
let memo: { state: string; files: Map<string, Promise<OpenDataFile>> } = {
	state: '',
	files: new Map()
};

/** How many files are kept now (at most {@link MAX_FILES}, whatever the hosts asked for). */
export function openDataFilesKept(): number {
	return memo.files.size;
}

/** The current file, generated again only when the store changed or the day turned. */
export async function openDataFile(
	dataset: OpenDataset,
	format: OpenDataFormat,
	origin: string,
	now = new Date()
): Promise<OpenDataFile> {
	const [content, requests] = await Promise.all([
		contentSeq(),
		couch()
			.info(DB.requests)
			.then((i) => String(i.update_seq))
	]);
	const state = `${content}|${requests}|${bogotaDate(now)}`;
	if (memo.state !== state) memo = { state, files: new Map() };
	const key = `${dataset}.${format}|${origin}`;
	let file = memo.files.get(key);
	if (!file) {
		file = generate(dataset, format, origin, now);
		setBounded(memo.files, key, file, MAX_FILES);
		const kept = file;
		file.catch(() => {
			if (memo.files.get(key) === kept) memo.files.delete(key);
		});
	}
	return file;
}

function notModified(request: Request, file: OpenDataFile): boolean {
	const inm = request.headers.get('if-none-match');
	if (inm) {
		return inm
			.split(',')
			.map((t) => t.trim().replace(/^W\//, ''))
			.some((t) => t === file.etag || t === '*');
	}
	const ims = Date.parse(request.headers.get('if-modified-since') ?? '');
	return !Number.isNaN(ims) && file.generatedAt.getTime() <= ims;
}

/** The download response, or 304 when the client already holds this version. */
export function fileResponse(request: Request, file: OpenDataFile): Response {
	const headers: Record<string, string> = {
		etag: file.etag,
		'last-modified': file.generatedAt.toUTCString(),
		// Always revalidate: the data changes whenever a request is filed or answered.
		'cache-control': 'public, max-age=0, must-revalidate'
	};
	if (notModified(request, file)) return new Response(null, { status: 304, headers });
	return new Response(file.body, {
		headers: {
			...headers,
			'content-type': CONTENT_TYPES[file.format],
			'content-disposition': `attachment; filename="${file.dataset}.${file.format}"`,
			'content-length': String(file.bytes)
		}
	});
}
