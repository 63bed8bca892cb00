import { error, json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { authorizeImport } from '$lib/server/import/guard';
import { ImportStateError, previewStep } from '$lib/server/import/jobs';
import { idRef } from '$lib/server/fields';
import { m } from '$lib/paraglide/messages';
import type { RequestHandler } from './$types';

// The next step of an import's preview, for the page's progress bar: { processed, total, done }.
export const POST: RequestHandler = async (event) => {
	await authorizeImport(event);
	const id = idRef.safeParse(event.params.id);
	if (!id.success) error(404, m.record_not_found());
	try {
		return json(await previewStep(getDb(), id.data));
	} catch (e) {
		if (e instanceof ImportStateError) error(e.reason === 'not_found' ? 404 : 409, e.reason === 'not_found' ? m.record_not_found() : m.import_wrong_step());
		throw e;
	}
};
