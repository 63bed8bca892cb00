import { error, fail, type RequestEvent } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { auditContext, authorize, authorizeRecord } from '$lib/server/auth/guard';
import { can, regionFilter } from '$lib/server/auth/permissions';
import { validateForm } from '$lib/server/forms';
import { getContest, partyOptions } from '$lib/server/elections/queries';
import { contestQuotas } from '$lib/server/elections/quota';
import { idParam, refusedChange } from '$lib/server/elections/refusal';
import { contestCandidacies, ResultsConflictError, saveResults, validateResults } from '$lib/server/elections/results';
import { totalsSchema } from '$lib/server/elections/schema';
import { contestTotals, partyResults, savePartyResults, saveTotals, validatePartyResults } from '$lib/server/elections/totals';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

/** The contest of the URL after `permission` on it (404 when it is not this election's). */
async function contestOf(event: RequestEvent<{ id: string; cid: string }>, permission: 'records:read' | 'records:write') {
	const contestId = idParam(event.params.cid);
	const { actor } = await authorizeRecord(event, permission, 'contests', contestId);
	const contest = await getContest(getDb(), idParam(event.params.id), contestId, event.locals.locale);
	if (!contest) error(404, m.record_not_found());
	return { actor, contest };
}

export const load: PageServerLoad = async (event) => {
	const { actor, contest } = await contestOf(event, 'records:read');
	const db = getDb();
	const partyList = contest.electoral_system === 'party_list';
	const [candidacies, totals, parties, results, quotas] = await Promise.all([
		contestCandidacies(db, contest.id, regionFilter(actor, 'records:read')),
		contestTotals(db, contest.id),
		partyOptions(db),
		partyList ? partyResults(db, contest.id) : [],
		partyList ? contestQuotas(db, contest.id) : new Map()
	]);
	return {
		contest,
		candidacies,
		totals: totals ?? null,
		parties,
		partyResults: results.map((r) => ({ ...r, quota: quotas.get(r.party_id) ?? null })),
		// Parties of tracked candidates whose list has no result row yet: a way to record their list.
		listsWithoutResult: parties.filter((p) => !results.some((r) => r.party_id === p.value) && candidacies.some((c) => c.party_id === p.value)),
		canWriteResults: can(actor, 'records:write'),
		canWriteShared: can(actor, 'records:write', { regionId: null })
	};
};

export const actions: Actions = {
	// Candidacies are regional records: any writer may save, and each row is checked for her regions.
	results: async (event) => {
		const { actor, contest } = await contestOf(event, 'records:read');
		await authorize(event, 'records:write');
		const formData = await event.request.formData();
		const parsed = validateResults(formData, contest.electoral_system);
		if (!parsed.ok) return fail(400, { grid: 'results', values: parsed.values, errors: parsed.errors });
		const values: Record<string, unknown> = Object.fromEntries(formData);
		try {
			const changed = await getDb().transaction().execute((trx) => saveResults(trx, auditContext(event), actor, contest.id, parsed.rows, parsed.source));
			return { grid: 'results', message: m.results_saved({ count: changed }) };
		} catch (e) {
			if (!(e instanceof ResultsConflictError)) return refusedChange(e, values, { grid: 'results', versionField: (row) => `version-${row.id}` });
			// Every stale row now carries its current version: saving again applies what was typed.
			for (const row of e.rows) values[`version-${row.key}`] = String(row.version);
			return fail(409, { grid: 'results', values, errors: {}, conflicts: e.rows });
		}
	},

	totals: async (event) => {
		const { contest } = await contestOf(event, 'records:write');
		const parsed = validateForm(totalsSchema(contest.seats), await event.request.formData());
		if (!parsed.ok) return fail(400, { grid: 'totals', values: parsed.values, errors: parsed.errors });
		try {
			await getDb().transaction().execute((trx) => saveTotals(trx, auditContext(event), contest.id, parsed.data));
		} catch (e) {
			return refusedChange(e, { ...parsed.data, totals_source: parsed.data.source }, { grid: 'totals' });
		}
		return { grid: 'totals', message: m.saved() };
	},

	partyResults: async (event) => {
		const { contest } = await contestOf(event, 'records:write');
		const formData = await event.request.formData();
		const parsed = validatePartyResults(formData, contest.seats);
		if (!parsed.ok) return fail(400, { grid: 'parties', values: parsed.values, errors: parsed.errors });
		try {
			await getDb().transaction().execute((trx) => savePartyResults(trx, auditContext(event), contest.id, parsed.rows, parsed.source));
		} catch (e) {
			return refusedChange(e, Object.fromEntries(formData), { grid: 'parties', versionField: (row) => `version-${row.id}` });
		}
		return { grid: 'parties', message: m.saved() };
	}
};
