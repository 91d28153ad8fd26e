import { OPEN_DATASETS } from '$lib/schemas';
import { getLocale } from '$lib/paraglide/runtime';
import { describeDataset, LICENSE_URL } from '$lib/server/open-data/datasets';
import { openDataFile, OPEN_DATA_FORMATS } from '$lib/server/open-data/files';
import type { PageServerLoad } from './$types';

/** Sizes and dates are read from the files themselves, so the page never disagrees with them. */
export const load: PageServerLoad = async ({ url }) => {
	const locale = getLocale() === 'en' ? 'en' : 'es';
	const datasets = await Promise.all(
		OPEN_DATASETS.map(async (id) => {
			const files = await Promise.all(
				OPEN_DATA_FORMATS.map((format) => openDataFile(id, format, url.origin))
			);
			return {
				...describeDataset(id, locale),
				rows: files[0]?.rows ?? 0,
				updatedAt: (files[0]?.dataUpdatedAt ?? files[0]?.generatedAt)?.toISOString() ?? null,
				files: files.map((f) => ({
					format: f.format,
					href: `/datos-abiertos/${f.dataset}.${f.format}`,
					kb: Math.max(0.1, Math.round(f.bytes / 102.4) / 10)
				}))
			};
		})
	);
	return { datasets, licenseUrl: LICENSE_URL };
};
