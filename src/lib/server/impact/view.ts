import { suppressCount, type SuppressedCount } from '../../domain/privacy';
import type { Actor } from '../auth/permissions';
import type { HeadlineTotals } from './queries';

/** Funders and share links see suppressed small cells; staff see exact numbers. */
export function isFunderView(actor: Actor): boolean {
	return actor.role === 'funder' || actor.kind === 'share';
}

export type ShownTotals = { [K in keyof HeadlineTotals]: SuppressedCount };

export function totalsFor(actor: Actor, totals: HeadlineTotals): ShownTotals {
	if (!isFunderView(actor)) return totals;
	return Object.fromEntries(Object.entries(totals).map(([k, v]) => [k, suppressCount(v)])) as ShownTotals;
}
