import { failWith } from '$lib/errors';
import { OPEN_DATASETS, type OpenDataset } from '$lib/schemas';
import {
	fileResponse,
	openDataFile,
	OPEN_DATA_FORMATS,
	type OpenDataFormat
} from '$lib/server/open-data/files';
import type { RequestHandler } from './$types';

/** `/datos-abiertos/<dataset>.<csv|json>`: generated from the live store on request. */
export const GET: RequestHandler = async ({ params, request, url }) => {
	const match = /^([a-z-]+)\.([a-z]+)$/.exec(params.archivo);
	const dataset = match?.[1] as OpenDataset | undefined;
	const format = match?.[2] as OpenDataFormat | undefined;
	if (
		!dataset ||
		!format ||
		!OPEN_DATASETS.includes(dataset) ||
		!OPEN_DATA_FORMATS.includes(format)
	) {
		failWith('no_encontrado', 'No existe ese archivo de datos abiertos');
	}
	return fileResponse(request, await openDataFile(dataset, format, url.origin));
};
