import { loadContent } from '$lib/data/content';
import type { PageLoad } from './$types';

export const load: PageLoad = ({ fetch, params }) => loadContent(fetch, 'dependencia', params.slug);
