import { error, fail, isActionFailure, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { getDb, type Db } from '$lib/server/db';
import type { AuditContext } from '$lib/server/audit/log';
import { auditContext } from '$lib/server/auth/guard';
import { authorizeImport } from '$lib/server/import/guard';
import { IMPORT_FIELDS, type ColumnMapping } from '$lib/server/import/fields';
import {
	commitImport,
	ImportStateError,
	loadImportJob,
	mappingProblems,
	outcome,
	previewStep,
	saveDecisions,
	saveMapping,
	undoImport,
	type Decision,
	type PreviewRow
} from '$lib/server/import/jobs';
import { RevertConflictError } from '$lib/server/records/changes';
import { validateQuery } from '$lib/server/forms';
import { idRef } from '$lib/server/fields';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

const PREVIEW_PAGE_SIZE = 100;
const SHOWN = ['problems', 'all', 'create', 'update'] as const;
const previewQuerySchema = z.object({
	show: z.enum(SHOWN).default('problems'),
	page: z.coerce.number().int().min(1).max(100_000).default(1)
});

async function jobOf(event: RequestEvent) {
	const id = idRef.safeParse(event.params.id);
	if (!id.success) error(404, m.record_not_found());
	const job = await loadImportJob(getDb(), id.data);
	if (!job) error(404, m.record_not_found());
	return job;
}

export const load: PageServerLoad = async (event) => {
	await authorizeImport(event);
	const job = await jobOf(event);
	const { data: query, errors } = validateQuery(previewQuerySchema, event.url.searchParams);
	const counts = outcome(job.preview, job.decisions);
	const wanted = job.preview.filter((row) =>
		query.show === 'all' ? true : query.show === 'problems' ? row.action === 'error' || row.action === 'choose' : row.action === query.show
	);
	const start = (query.page - 1) * PREVIEW_PAGE_SIZE;
	return {
		job: { ...job, preview: undefined, decisions: undefined },
		fields: IMPORT_FIELDS,
		counts,
		query,
		errors,
		rows: wanted.slice(start, start + PREVIEW_PAGE_SIZE).map((row) => ({ ...row, decision: job.decisions[row.row] ?? null })),
		shownTotal: wanted.length,
		pageSize: PREVIEW_PAGE_SIZE
	};
};

/** An action that moves the job on; a job no longer at the right step answers 409 with a clear message. */
async function step<T>(run: () => Promise<T>) {
	try {
		return await run();
	} catch (e) {
		if (e instanceof ImportStateError) {
			const message = e.reason === 'unresolved_rows' ? m.import_unresolved_rows() : m.import_wrong_step();
			return fail(409, { errors: { _form: message } });
		}
		if (e instanceof RevertConflictError) return fail(409, { errors: { _form: m.import_undo_conflict() } });
		throw e;
	}
}

/** Stores the user's choices for some rows (merged with earlier ones; null takes one back). */
const saveAll = (id: number, decisions: Record<string, Decision | null>) =>
	step(async () => {
		await saveDecisions(getDb(), id, decisions);
		return { decided: Object.keys(decisions).length };
	});

/** One button for many rows: `decision` for every row of the preview that `pick` chooses. */
async function decideEvery(event: RequestEvent, decision: Decision, pick: (row: PreviewRow, decided: boolean) => boolean) {
	await authorizeImport(event);
	const job = await jobOf(event);
	const rows = job.preview.filter((row) => pick(row, job.decisions[row.row] !== undefined));
	return saveAll(job.id, Object.fromEntries(rows.map((row) => [String(row.row), decision])));
}

/** Commit and undo: the whole job in one transaction, then back to its page. */
async function wholeJob(event: RequestEvent, run: (db: Db, context: AuditContext, id: number) => Promise<unknown>) {
	await authorizeImport(event);
	const job = await jobOf(event);
	const result = await step(() => run(getDb(), auditContext(event), job.id));
	if (isActionFailure(result)) return result;
	redirect(303, `/import/${job.id}`);
}

const decisionValue = z.union([z.literal('skip'), z.literal('create'), z.coerce.number().int().positive()]);

export const actions: Actions = {
	map: async (event) => {
		await authorizeImport(event);
		const job = await jobOf(event);
		const form = await event.request.formData();
		const mapping: ColumnMapping = {};
		const errors: Record<string, string> = {};
		job.headers.forEach((_, index) => {
			const value = form.get(`column-${index}`);
			if (value === null || value === '') return;
			const field = z.enum(IMPORT_FIELDS).safeParse(value);
			if (field.success) mapping[String(index)] = field.data;
			else errors[`column-${index}`] = m.invalid_choice();
		});
		const problems = mappingProblems(mapping);
		for (const [index, field] of Object.entries(mapping)) if (field && problems.twice.includes(field)) errors[`column-${index}`] ??= m.import_field_twice();
		if (problems.missingName) errors._form = m.import_name_needed();
		if (Object.keys(errors).length) return fail(400, { errors, mapping });
		return step(async () => {
			await saveMapping(getDb(), job.id, mapping);
			return { mapped: true };
		});
	},
	step: async (event) => {
		await authorizeImport(event);
		const job = await jobOf(event);
		return step(() => previewStep(getDb(), job.id));
	},
	decide: async (event) => {
		await authorizeImport(event);
		const job = await jobOf(event);
		const form = await event.request.formData();
		const decisions: Record<string, Decision | null> = {};
		const errors: Record<string, string> = {};
		for (const [key, value] of form) {
			const row = /^row-(\d+)$/.exec(key)?.[1];
			if (!row) continue;
			// The form posts every row shown; the empty choice is the row's default (undecided, or as previewed),
			// which also takes back an earlier choice.
			if (value === '') {
				decisions[row] = null;
				continue;
			}
			const parsed = decisionValue.safeParse(value);
			if (parsed.success) decisions[row] = parsed.data;
			else errors[key] = m.invalid_choice();
		}
		if (Object.keys(errors).length) return fail(400, { errors });
		return saveAll(job.id, decisions);
	},
	skipErrors: (event) => decideEvery(event, 'skip', (row) => row.action === 'error'),
	createUnmatched: (event) => decideEvery(event, 'create', (row, decided) => row.action === 'choose' && !decided),
	commit: (event) => wholeJob(event, commitImport),
	undo: (event) => wholeJob(event, undoImport)
};
