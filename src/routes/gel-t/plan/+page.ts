import { loadPlan } from '$lib/data/plan';
import type { PageLoad } from './$types';

export const load: PageLoad = ({ fetch }) => loadPlan(fetch);
