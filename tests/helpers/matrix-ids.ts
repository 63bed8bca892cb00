import type { Db } from '../../src/lib/server/db';
import { createImportJob } from '../../src/lib/server/import/jobs';
import { updateRecord } from '../../src/lib/server/records/changes';
import type { MatrixIds } from '../e2e/permission-matrix';

/** Demo records for the permission matrix and the privacy crawl to request (demo data loaded). */
export async function matrixIds(db: Db, given: { user: number; shareLink: number }): Promise<MatrixIds> {
	const people = await db.selectFrom('people').select(['id', 'version']).where('is_demo', '=', true).orderBy('id').limit(2).execute();
	const training = await db.selectFrom('trainings').select('id').where('kind', '=', 'step_down').orderBy('id').executeTakeFirstOrThrow();
	const organization = await db.selectFrom('organizations').select('id').where('is_demo', '=', true).orderBy('id').executeTakeFirstOrThrow();
	const contest = await db.selectFrom('contests').select(['id', 'election_id']).where('name_en', '=', 'Bishkek City Kenesh').executeTakeFirstOrThrow();
	const candidacy = await db.selectFrom('candidacies').select('id').orderBy('id').executeTakeFirstOrThrow();
	const party = await db.selectFrom('organizations').select('id').where('short_name', '=', 'SDPK').executeTakeFirstOrThrow();
	const inContest = (system: 'party_list' | 'majoritarian') =>
		db
			.selectFrom('candidacies as c')
			.innerJoin('contests as ct', 'ct.id', 'c.contest_id')
			.select(['c.id', 'ct.id as contest'])
			.where('ct.is_demo', '=', true)
			.where('ct.electoral_system', '=', system)
			.orderBy('ct.id')
			.orderBy('c.id')
			.executeTakeFirstOrThrow();
	const list = await inContest('party_list');
	const aiyl = await inContest('majoritarian');
	const bishkek = await db.selectFrom('regions').select('id').where('code', '=', 'KG-GB').executeTakeFirstOrThrow();
	// A recorded change to the first person, for the history and revert entries.
	await db.transaction().execute((trx) => updateRecord(trx, {}, 'people', people[0].id, people[0].version, { messenger: '@matrix-test' }));
	const change = await db.selectFrom('audit_log').select('id').where('entity', '=', 'people').where('entity_id', '=', people[0].id).orderBy('id', 'desc').executeTakeFirstOrThrow();
	// A people import whose columns are still to confirm: every step the matrix posts to it is refused (400/409).
	const importJob = await createImportJob(db, null, 'matrix.csv', { format: 'csv', encoding: 'utf-8', separator: ';', headers: ['ФИО', 'Год рождения'], rows: [['Матрицева Анна', '1980']] });
	return {
		...given,
		person: people[0].id,
		otherPerson: people[1].id,
		training: training.id,
		organization: organization.id,
		election: contest.election_id,
		contest: contest.id,
		candidacy: candidacy.id,
		party: party.id,
		personChange: change.id,
		listContest: list.contest,
		aiylContest: aiyl.contest,
		aiylCandidacy: aiyl.id,
		bishkek: bishkek.id,
		importJob
	};
}
