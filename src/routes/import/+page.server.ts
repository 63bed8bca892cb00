import { fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { audit } from '$lib/server/audit/log';
import { auditContext } from '$lib/server/auth/guard';
import { authorizeImport } from '$lib/server/import/guard';
import { createImportJob, recentImports } from '$lib/server/import/jobs';
import { MAX_IMPORT_BYTES, readSpreadsheet, SpreadsheetError } from '$lib/server/import/read';
import { spreadsheetProblem } from '$lib/server/import/messages';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	await authorizeImport(event);
	return { jobs: await recentImports(getDb()), maxMegabytes: Math.round(MAX_IMPORT_BYTES / 1024 / 1024) };
};

export const actions: Actions = {
	default: async (event) => {
		const actor = await authorizeImport(event);
		const form = await event.request.formData();
		const file = form.get('file');
		if (!(file instanceof File) || file.size === 0 || !file.name) return fail(400, { errors: { file: m.import_choose_file() } });
		if (file.size > MAX_IMPORT_BYTES) return fail(413, { errors: { file: spreadsheetProblem(new SpreadsheetError('too_large', 'too large')) } });
		let sheet;
		try {
			sheet = await readSpreadsheet(new Uint8Array(await file.arrayBuffer()), file.name);
		} catch (e) {
			if (e instanceof SpreadsheetError) return fail(e.code === 'too_large' ? 413 : e.code === 'too_many_rows' ? 413 : 415, { errors: { file: spreadsheetProblem(e) } });
			throw e;
		}
		const db = getDb();
		const id = await createImportJob(db, actor.userId ?? null, file.name.slice(0, 200), sheet);
		await audit(db, auditContext(event), { action: 'import_upload', entity: 'import_jobs', entityId: id, importJobId: id, details: { file: file.name, rows: sheet.rows.length, format: sheet.format, encoding: sheet.encoding, separator: sheet.separator } });
		redirect(303, `/import/${id}`);
	}
};
