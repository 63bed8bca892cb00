import { error, type RequestEvent } from '@sveltejs/kit';
import { authorize } from '../auth/guard';
import type { Actor } from '../auth/permissions';
import { m } from '$lib/paraglide/messages';

/** Imports write people of any region: an organizer limited to some regions cannot run them. */
export async function authorizeImport(event: RequestEvent): Promise<Actor> {
	const actor = await authorize(event, 'import:run');
	if (actor.regionScope) error(403, m.import_needs_all_regions());
	return actor;
}
