/**
 * Failures of filing turned into responses: a radicado that cannot be allocated now is as
 * temporary as a store outage (503), so the device's outbox keeps the request and retries.
 */
import { apiError } from '$lib/server/http/api-error';
import { storeFailure } from '$lib/server/http/responses';
import {
	RadicadoContentionError,
	RadicadoSeriesFullError,
	RadicadoTimeoutError
} from './radicado-allocator';

export function filingFailure(e: unknown): Response {
	if (
		e instanceof RadicadoSeriesFullError ||
		e instanceof RadicadoContentionError ||
		e instanceof RadicadoTimeoutError
	) {
		console.error(e);
		return apiError('radicado_no_disponible', { headers: { 'retry-after': '30' } });
	}
	return storeFailure(e);
}
