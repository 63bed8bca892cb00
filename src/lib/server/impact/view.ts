import type { Actor } from '../auth/permissions';

/** Funders and share links see suppressed small cells; staff see exact numbers. */
export function isFunderView(actor: Actor): boolean {
	return actor.role === 'funder' || actor.kind === 'share';
}
