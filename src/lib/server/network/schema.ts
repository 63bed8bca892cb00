import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { NETWORK_OUTCOMES, TIE_KINDS } from '../../domain/ties';
import type { NetworkFilter } from './graph';

const emptyToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const invalid = { error: () => m.invalid_choice() };
const pickedId = z.preprocess(emptyToUndefined, z.coerce.number(invalid).int(invalid).positive(invalid).max(2_147_483_647, invalid).optional());

/**
 * The network page's filters, all in the URL. `kind` repeats (one checkbox per kind of tie); none
 * chosen means every kind.
 */
export const networkQuerySchema = z.object({
	region: pickedId,
	training: pickedId,
	kind: z.array(z.enum(TIE_KINDS, invalid)).max(TIE_KINDS.length, invalid).default([]),
	outcome: z.preprocess(emptyToUndefined, z.enum(NETWORK_OUTCOMES, invalid).optional())
});
export type NetworkQuery = z.output<typeof networkQuerySchema>;

/** Query parameters that repeat (for validateQuery). */
export const NETWORK_QUERY_ARRAYS = ['kind'];

export function networkFilter(query: NetworkQuery): NetworkFilter {
	return { region: query.region, training: query.training, kinds: query.kind, outcome: query.outcome };
}
