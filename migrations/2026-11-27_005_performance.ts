import { sql, type Kysely } from 'kysely';

// Performance at scale (issue 9; measured with scripts/bench on 300,000 people). The cascade walks
// (network/cascade.ts) step from a woman to the trainings she facilitated, and from a training to its
// facilitators: a small index of the facilitations alone answers both without touching participants'
// rows. The election list counts each election's contests: an index on contests(election_id) (320 ms → a few
// ms for 205 elections and 6,645 contests). Deleting people for good (undoing an import, removing demo
// data) checks every reference to them: the referencing columns without an index of all rows (partial
// ones skip deleted rows) made undoing a 10,000-person import take over ten minutes. The audit log is
// looked up by import job when an import is undone. Frozen in time.

export async function up(db: Kysely<any>): Promise<void> {
	await sql`create index training_participants_facilitator_idx on training_participants (person_id, training_id) where role = 'facilitator' and deleted_at is null`.execute(db);
	await sql`create index training_participants_training_facilitator_idx on training_participants (training_id, person_id) where role = 'facilitator' and deleted_at is null`.execute(db);
	await sql`create index contests_election_idx on contests (election_id)`.execute(db);
	await sql`create index people_merged_into_idx on people (merged_into_id) where merged_into_id is not null`.execute(db);
	await sql`create index relationships_person_idx on relationships (person_id)`.execute(db);
	await sql`create index candidacies_person_all_idx on candidacies (person_id)`.execute(db);
	await sql`create index party_list_entries_person_idx on party_list_entries (person_id) where person_id is not null`.execute(db);
	await sql`create index audit_log_import_job_idx on audit_log (import_job_id) where import_job_id is not null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
	for (const index of ['audit_log_import_job_idx', 'party_list_entries_person_idx', 'candidacies_person_all_idx', 'relationships_person_idx', 'people_merged_into_idx', 'contests_election_idx']) {
		await sql`drop index if exists ${sql.id(index)}`.execute(db);
	}
	await sql`drop index if exists training_participants_training_facilitator_idx`.execute(db);
	await sql`drop index if exists training_participants_facilitator_idx`.execute(db);
}
