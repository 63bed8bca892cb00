import { fail, type RequestEvent } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { auditContext, authorize } from '$lib/server/auth/guard';
import { importPopolo, PopoloDocumentError } from '$lib/server/popolo/import';
import type { PopoloProblem } from '$lib/server/popolo/schema';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

/** The largest file taken (EveryPolitician's biggest legislatures are a few megabytes). */
const MAX_BYTES = 25 * 1024 * 1024;

// An import creates organizations, which are shared by every region: only users without a region
// limit run it.
const SHARED = { regionId: null };

async function authorizeImport(event: RequestEvent) {
	await authorize(event, 'import:run');
	await authorize(event, 'records:write', SHARED);
}

export const load: PageServerLoad = async (event) => {
	await authorizeImport(event);
	return { maxMegabytes: MAX_BYTES / 1024 / 1024 };
};

/** A refused file: the message at the file field, and where the document is wrong when it is JSON. */
const refused = (message: string, problems: PopoloProblem[] = []) => fail(400, { errors: { file: message }, problems });

export const actions: Actions = {
	default: async (event) => {
		await authorizeImport(event);
		const file = (await event.request.formData()).get('file');
		if (!(file instanceof File) || file.size === 0) return refused(m.popolo_file_required());
		if (file.size > MAX_BYTES) return refused(m.popolo_file_too_large({ max: MAX_BYTES / 1024 / 1024 }));
		let document: unknown;
		try {
			document = JSON.parse(await file.text());
		} catch {
			return refused(m.popolo_file_not_json());
		}
		try {
			const result = await getDb()
				.transaction()
				.execute((trx) => importPopolo(trx, auditContext(event), document, file.name.slice(0, 200)));
			return { result };
		} catch (e) {
			if (!(e instanceof PopoloDocumentError)) throw e;
			return refused(m.popolo_file_not_popolo({ count: e.problems.length }), e.problems);
		}
	}
};
