// Loads the demo dataset into the database and removes exactly it again (rows with is_demo = true).
// PGlite has one connection: inside a transaction pass trx, never the global db, or it deadlocks.

import { sql, type Insertable } from 'kysely';
import type { Db } from '../db/index';
import type { Database } from '../db/types';
import {
	DEFAULT_DEMO_SEED,
	DEMO_TABLES,
	generateDemo,
	type ContestRef,
	type DemoCounts,
	type DemoDataset,
	type DemoTable,
	type OrganizationRef
} from './generate';

import { createDemoAccounts, type DemoAccount } from './accounts';
import { bumpDataVersion } from '../db/data-version';

export type { DemoCounts, DemoDataset } from './generate';

export interface DemoLoadResult {
	counts: DemoCounts;
	/** The demo accounts with their passwords, to be shown once. */
	accounts: Array<DemoAccount & { password: string }>;
}

// Any constant works; it only has to be the same for every process loading demo data.
const DEMO_LOCK_ID = 20120323;

function zeroCounts(): DemoCounts {
	return Object.fromEntries(DEMO_TABLES.map((t) => [t, 0])) as DemoCounts;
}

/** Whether any table holds a demo row (soft-deleted ones included). */
export async function hasDemo(db: Db): Promise<boolean> {
	const checks = DEMO_TABLES.map((table) => sql`exists (select 1 from ${sql.table(table)} where is_demo)`);
	const { rows } = await sql<{ found: boolean }>`select (${sql.join(checks, sql` or `)}) as found`.execute(db);
	return rows[0].found;
}

/**
 * Loads the demo data for the seed, and one account per role, in one transaction. Refuses when demo
 * rows already exist. `within` runs in the same transaction after the insert (e.g. to record that the
 * first start happened), so a failure anywhere leaves no demo row behind.
 */
export async function loadDemo(
	db: Db,
	options: { seed?: number; password?: string; within?: (trx: Db) => Promise<void> } = {}
): Promise<DemoLoadResult> {
	const dataset = generateDemo(options.seed ?? DEFAULT_DEMO_SEED);
	return db.transaction().execute(async (trx) => {
		// Two processes loading at once would otherwise both see "no demo data" on PostgreSQL.
		await sql`select pg_advisory_xact_lock(${DEMO_LOCK_ID})`.execute(trx);
		if (await hasDemo(trx)) {
			throw new Error('Demo data is already loaded. Remove it first (npm run db:demo -- --remove), then load it again.');
		}
		const counts = await insertDemo(trx, dataset);
		// No audit rows are written for demo rows: tell the caches of derived figures instead.
		await bumpDataVersion(trx);
		const accounts = await createDemoAccounts(trx, options.password);
		counts.users += accounts.length;
		if (options.within) await options.within(trx);
		return { counts, accounts };
	});
}

/** Inserts the dataset using only the given executor (a transaction, normally). */
export async function insertDemo(trx: Db, dataset: DemoDataset): Promise<DemoCounts> {
	const ref = await resolveReferences(trx, dataset);
	const counts = zeroCounts();
	const ids = {
		organizations: await allocate(trx, 'organizations', dataset.organizations.map((o) => o.key)),
		people: await allocate(trx, 'people', dataset.people.map((p) => p.key)),
		trainings: await allocate(trx, 'trainings', dataset.trainings.map((t) => t.key)),
		contests: await allocate(trx, 'contests', dataset.contests.map((c) => c.key)),
		candidacies: await allocate(trx, 'candidacies', dataset.candidacies.map((c) => c.key))
	};
	const local = (map: Map<string, number>, what: string, key: string) => {
		const id = map.get(key);
		if (id === undefined) throw new Error(`Demo data: unknown ${what} key '${key}'`);
		return id;
	};
	const person = (key: string) => local(ids.people, 'person', key);
	const organization = (r: OrganizationRef) => ('demo' in r ? local(ids.organizations, 'organization', r.demo) : ref.organization(r.reference));
	const contest = (r: ContestRef) => ('demo' in r ? local(ids.contests, 'contest', r.demo) : ref.contest(r.reference));

	const insert = async <T extends DemoTable & keyof Database>(table: T, rows: Insertable<Database[T]>[]) => {
		counts[table] += await insertRows(trx, table, rows);
	};

	// Each demo row holds its table's columns; only the references need replacing by ids.
	await insert(
		'organizations',
		dataset.organizations.map(({ key, region, ...columns }) => ({
			...columns,
			id: local(ids.organizations, 'organization', key),
			region_id: region === null ? null : ref.region(region)
		}))
	);
	await insert(
		'organization_names',
		dataset.organization_names.map(({ organization: org, ...columns }) => ({
			...columns,
			organization_id: local(ids.organizations, 'organization', org)
		}))
	);
	await insert(
		'people',
		dataset.people.map(({ key, region, ...columns }) => ({ ...columns, id: person(key), region_id: ref.region(region) }))
	);
	await insert(
		'memberships',
		dataset.memberships.map(({ person: p, organization: org, ...columns }) => ({
			...columns,
			person_id: person(p),
			organization_id: organization(org)
		}))
	);
	// Ids are allocated up front, so a step-down can name its parent in the same multi-row insert
	// (foreign keys are checked at the end of the statement).
	await insert(
		'trainings',
		dataset.trainings.map(({ key, region, organizer, parent, ...columns }) => ({
			...columns,
			id: local(ids.trainings, 'training', key),
			region_id: ref.region(region),
			organizer_id: organizer ? organization(organizer) : null,
			parent_training_id: parent === null ? null : local(ids.trainings, 'training', parent)
		}))
	);
	await insert(
		'training_events',
		dataset.training_events.map(({ training, ...columns }) => ({ ...columns, training_id: local(ids.trainings, 'training', training) }))
	);
	await insert(
		'training_participants',
		dataset.training_participants.map(({ training, person: p, ...columns }) => ({
			...columns,
			training_id: local(ids.trainings, 'training', training),
			person_id: person(p)
		}))
	);
	await insert(
		'relationships',
		dataset.relationships.map(({ person: p, other_person, ...columns }) => ({
			...columns,
			person_id: person(p),
			other_person_id: person(other_person)
		}))
	);
	await insert(
		'contests',
		dataset.contests.map(({ key, election_date, region, ...columns }) => ({
			...columns,
			id: local(ids.contests, 'contest', key),
			election_id: ref.election(election_date),
			region_id: ref.region(region)
		}))
	);
	await insert(
		'party_results',
		dataset.party_results.map(({ contest: c, party, ...columns }) => ({ ...columns, contest_id: contest(c), party_id: organization(party) }))
	);
	await insert(
		'contest_totals',
		dataset.contest_totals.map(({ contest: c, ...columns }) => ({ ...columns, contest_id: contest(c) }))
	);
	await insert(
		'candidacies',
		dataset.candidacies.map(({ key, person: p, contest: c, party, ...columns }) => ({
			...columns,
			id: local(ids.candidacies, 'candidacy', key),
			person_id: person(p),
			contest_id: contest(c),
			party_id: party ? organization(party) : null
		}))
	);
	await insert(
		'campaign_activities',
		dataset.campaign_activities.map(({ candidacy, ...columns }) => ({
			...columns,
			candidacy_id: local(ids.candidacies, 'candidacy', candidacy)
		}))
	);
	await insert(
		'party_list_entries',
		dataset.party_list_entries.map(({ contest: c, party, person: p, ...columns }) => ({
			...columns,
			contest_id: contest(c),
			party_id: organization(party),
			person_id: p === null ? null : person(p)
		}))
	);
	return counts;
}

/**
 * Takes ids from the table's identity sequence for the given local keys. Rows are then inserted with
 * these ids, so no code depends on the order in which RETURNING hands ids back.
 */
async function allocate(trx: Db, table: DemoTable, keys: string[]): Promise<Map<string, number>> {
	if (keys.length === 0) return new Map();
	const { rows } = await sql<{ id: number }>`
		select nextval(pg_get_serial_sequence(${table}, 'id'))::int as id from generate_series(1, ${keys.length})
	`.execute(trx);
	return new Map(keys.map((key, i) => [key, rows[i].id]));
}

// PostgreSQL allows 65,535 bind parameters per statement.
const MAX_PARAMETERS = 30_000;

async function insertRows<T extends keyof Database>(trx: Db, table: T, rows: Insertable<Database[T]>[]): Promise<number> {
	if (rows.length === 0) return 0;
	const perRow = Object.keys(rows[0]).length;
	const chunk = Math.max(1, Math.floor(MAX_PARAMETERS / perRow));
	let inserted = 0;
	for (let i = 0; i < rows.length; i += chunk) {
		const part = rows.slice(i, i + chunk);
		// The generic table name defeats Kysely's per-table typing; the callers' row types are checked.
		await trx.insertInto(table).values(part as never).execute();
		inserted += part.length;
	}
	return inserted;
}

/** Id by label; a label that names two rows is marked ambiguous, so that using it is an error. */
function labelIndex<Row extends { id: number }>(rows: Row[], labels: (row: Row) => Array<string | null>): Map<string, number | 'ambiguous'> {
	const index = new Map<string, number | 'ambiguous'>();
	for (const row of rows) {
		for (const label of new Set(labels(row))) {
			if (label) index.set(label, index.has(label) ? 'ambiguous' : row.id);
		}
	}
	return index;
}

interface References {
	region(code: string): number;
	organization(nameOrShortName: string): number;
	election(date: string): number;
	contest(ref: { name_en: string; election_date: string }): number;
}

/** Maps the reference codes the dataset uses to ids, with one query per kind; unknown codes throw. */
async function resolveReferences(trx: Db, dataset: DemoDataset): Promise<References> {
	const regionCodes = new Set<string>([
		...dataset.people.map((p) => p.region),
		...dataset.trainings.map((t) => t.region),
		...dataset.contests.map((c) => c.region),
		...dataset.organizations.flatMap((o) => (o.region === null ? [] : [o.region]))
	]);
	const regions = regionCodes.size
		? await trx.selectFrom('regions').select(['id', 'code']).where('code', 'in', [...regionCodes]).execute()
		: [];
	const regionIds = labelIndex(regions, (r) => [r.code]);

	// A reference organization is named by its short name or its name.
	const organizations = await trx
		.selectFrom('organizations')
		.select(['id', 'name', 'short_name'])
		.where('is_demo', '=', false)
		.where('deleted_at', 'is', null)
		.execute();
	const organizationIds = labelIndex(organizations, (o) => [o.name, o.short_name]);
	const elections = await trx
		.selectFrom('elections')
		.select(['id', 'date'])
		.where('is_demo', '=', false)
		.where('deleted_at', 'is', null)
		.execute();
	const electionIds = labelIndex(elections, (e) => [e.date]);
	const contests = await trx
		.selectFrom('contests as c')
		.innerJoin('elections as e', 'e.id', 'c.election_id')
		.select(['c.id', 'c.name_en', 'e.date'])
		.where('c.is_demo', '=', false)
		.where('c.deleted_at', 'is', null)
		.execute();
	const contestIds = labelIndex(contests, (c) => [`${c.name_en} (${c.date})`]);

	const lookup = (map: Map<string, number | 'ambiguous'>, key: string, what: string): number => {
		const id = map.get(key);
		if (id === undefined) throw new Error(`Demo data refers to ${what}, which is not in the reference data.`);
		if (id === 'ambiguous') throw new Error(`Demo data refers to ${what}, which matches more than one reference row.`);
		return id;
	};
	const references: References = {
		region: (code) => lookup(regionIds, code, `region code '${code}'`),
		organization: (label) => lookup(organizationIds, label, `organization '${label}'`),
		election: (date) => lookup(electionIds, date, `an election on ${date}`),
		contest: (r) => lookup(contestIds, `${r.name_en} (${r.election_date})`, `contest '${r.name_en}' of ${r.election_date}`)
	};
	// Fail before inserting anything when a code is unknown (the transaction would undo it anyway).
	for (const code of regionCodes) references.region(code);
	return references;
}

// Children before parents. Self-references (trainings.parent_training_id, people.merged_into_id,
// regions.parent_id) are handled in place; references from other users' rows to demo users are
// cleared, as audit_log's ON DELETE SET NULL already does for the audit trail.
const REMOVAL_ORDER: readonly DemoTable[] = [
	'campaign_activities', 'party_list_entries', 'candidacies', 'contest_totals', 'party_results', 'contests', 'elections',
	'relationships', 'training_participants', 'training_events', 'trainings', 'memberships',
	'organization_names', 'organizations', 'people', 'users', 'regions'
];

/**
 * Deletes exactly the rows with is_demo = true, in one transaction, and returns how many per table.
 * Reference data, real records and the audit log stay. A real row that refers to a demo row (say, a
 * real candidacy in a demo contest) stops the removal with a message saying so.
 */
export async function removeDemo(db: Db): Promise<DemoCounts> {
	return db.transaction().execute(async (trx) => {
		await sql`select pg_advisory_xact_lock(${DEMO_LOCK_ID})`.execute(trx);
		const counts = zeroCounts();
		const remove = async (table: DemoTable, extra = sql``) => {
			try {
				const { rows } = await sql`delete from ${sql.table(table)} where is_demo ${extra} returning 1`.execute(trx);
				counts[table] += rows.length;
				return rows.length;
			} catch (e) {
				throw explainForeignKey(e, table);
			}
		};
		for (const table of REMOVAL_ORDER) {
			if (table === 'trainings') {
				await sql`update trainings set parent_training_id = null where is_demo and parent_training_id in (select id from trainings where is_demo)`.execute(trx);
			} else if (table === 'people') {
				await sql`update people set merged_into_id = null where is_demo and merged_into_id in (select id from people where is_demo)`.execute(trx);
			} else if (table === 'users') {
				const demoUsers = sql`(select id from users where is_demo)`;
				await sql`update share_links set created_by = null where created_by in ${demoUsers}`.execute(trx);
				await sql`update share_links set revoked_by = null where revoked_by in ${demoUsers}`.execute(trx);
				await sql`update user_tokens set created_by = null where created_by in ${demoUsers}`.execute(trx);
				await sql`update import_jobs set user_id = null where user_id in ${demoUsers}`.execute(trx);
			} else if (table === 'regions') {
				// Leaves first: a demo raion before its demo oblast.
				let removed: number;
				do removed = await remove('regions', sql`and not exists (select 1 from regions child where child.parent_id = regions.id)`);
				while (removed > 0);
			}
			await remove(table);
		}
		await bumpDataVersion(trx);
		return counts;
	});
}

function explainForeignKey(error: unknown, table: string): unknown {
	const e = error as { code?: string; detail?: string; constraint?: string; message?: string };
	if (e?.code !== '23503') return error;
	return new Error(
		`Cannot remove the demo data from ${table}: a row that is not demo data still refers to it` +
			` (${e.constraint ?? 'foreign key'}${e.detail ? `: ${e.detail}` : ''}). Change or delete that row first.`,
		{ cause: error }
	);
}
