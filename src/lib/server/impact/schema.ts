import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { BACKGROUNDS } from '../../domain/enums';
import { idRef, optionalChoice } from '../fields';
import type { ImpactFilter } from './dashboard-types';

const emptyToNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v);
// Ids beyond Postgres's integer range would fail in the query rather than find nothing.
const pickedId = z.preprocess(emptyToNull, idRef.max(2_147_483_647, { error: () => m.invalid_choice() }).nullable()).default(null);

/** The impact pages' filters, all in the URL (a GET form), applied to every figure at once. */
export const impactQuerySchema = z.object({
	election: pickedId,
	region: pickedId,
	training: pickedId,
	background: optionalChoice(BACKGROUNDS)
});
export type ImpactQuery = z.output<typeof impactQuerySchema>;

export function impactFilter(query: ImpactQuery): ImpactFilter {
	return {
		election: query.election ?? undefined,
		region: query.region ?? undefined,
		training: query.training ?? undefined,
		background: query.background ?? undefined
	};
}
