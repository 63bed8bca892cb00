import { writers, type MatrixEntry, type MatrixIds } from '../permission-matrix';

/**
 * The people import the matrix requests: a job whose columns are still to confirm, so that every action
 * posted to it answers with a validation error or "this import has moved on" (409) and none moves it on.
 */
const importJob = (ids: MatrixIds) => ids.importJob;

/** The steps of a people import, each a form action of its page. */
const JOB_ACTIONS = ['map', 'step', 'decide', 'skipErrors', 'createUnmatched', 'commit', 'undo'];

/** Pages of this area an admin sees, for the every-page checks (languages, accessibility, phone width). */
export function importPages(ids: MatrixIds): string[] {
	return [
		'/import',
		`/import/${importJob(ids)}`,
		// Every row of the preview, and refused filter values.
		`/import/${importJob(ids)}?show=all`,
		`/import/${importJob(ids)}?show=everything&page=0`
	];
}

/**
 * The people import's routes (the Popolo import has its own area): staff who may change records, and
 * of them not an organizer limited to some regions (403 from the import's guard; no demo principal is one).
 */
export function importEntries(ids: MatrixIds): MatrixEntry[] {
	const job = `/import/${importJob(ids)}`;
	return [
		{ key: 'GET /import', url: '/import', expect: writers },
		// The upload posted without a file: refused at the file field, after the permission check.
		{ key: 'POST /import?/default', url: '/import', expect: writers },
		{ key: 'GET /import/[id]', url: job, expect: writers },
		...JOB_ACTIONS.map((action) => ({ key: `POST /import/[id]?/${action}`, url: job, expect: writers })),
		{ key: 'POST /import/[id]/step', url: `${job}/step`, expect: writers }
	];
}
