import { sql } from 'kysely';
import type { Locale } from '../../domain/enums';
import type { Db } from '../db';
import type { EditableTable } from './changes';

export interface RecordLabel {
	/** What the record is called, as written in the data (a name, a title, "person — council"). */
	title: string;
	/** The page that shows it. */
	href: string;
}

/** A record's title and page, for history, the recently-deleted list and the audit log. */
export async function describeRecord(db: Db, table: EditableTable, id: number, locale: Locale): Promise<RecordLabel | undefined> {
	const name = (alias: string) => sql.ref(`${alias}.name_${locale}`);
	const one = async (query: ReturnType<typeof sql<RecordLabel>>) => (await query.execute(db)).rows[0];
	switch (table) {
		case 'people':
			return one(sql`select full_name as title, '/people/' || id as href from people where id = ${id}`);
		case 'trainings':
			return one(sql`select title, '/trainings/' || id as href from trainings where id = ${id}`);
		case 'organizations':
			return one(sql`select name as title, '/organizations/' || id as href from organizations where id = ${id}`);
		case 'elections':
			return one(sql`select ${name('e')} as title, '/elections/' || e.id as href from elections e where e.id = ${id}`);
		case 'contests':
			return one(sql`select ${name('c')} || coalesce(', ' || c.district, '') as title, '/elections/' || c.election_id || '/contests/' || c.id as href from contests c where c.id = ${id}`);
		case 'candidacies':
			return one(sql`select p.full_name || ' — ' || ${name('c')} || coalesce(', ' || c.district, '') as title, '/candidacies/' || x.id as href
				from candidacies x join people p on p.id = x.person_id join contests c on c.id = x.contest_id where x.id = ${id}`);
		case 'campaign_activities':
			return one(sql`select p.full_name || ' — ' || a.kind || coalesce(' ' || a.date::text, '') as title, '/candidacies/' || x.id as href
				from campaign_activities a join candidacies x on x.id = a.candidacy_id join people p on p.id = x.person_id where a.id = ${id}`);
		case 'training_participants':
			return one(sql`select p.full_name || ' — ' || t.title as title, '/trainings/' || t.id as href
				from training_participants x join people p on p.id = x.person_id join trainings t on t.id = x.training_id where x.id = ${id}`);
		case 'training_events':
			return one(sql`select t.title || ' — ' || x.title as title, '/trainings/' || t.id as href from training_events x join trainings t on t.id = x.training_id where x.id = ${id}`);
		case 'memberships':
			return one(sql`select p.full_name || ' — ' || o.name as title, '/people/' || p.id as href
				from memberships x join people p on p.id = x.person_id join organizations o on o.id = x.organization_id where x.id = ${id}`);
		case 'relationships':
			return one(sql`select p.full_name || ' — ' || q.full_name as title, '/people/' || p.id as href
				from relationships x join people p on p.id = x.person_id join people q on q.id = x.other_person_id where x.id = ${id}`);
		case 'organization_names':
			return one(sql`select o.name || ' — ' || x.name as title, '/organizations/' || o.id as href from organization_names x join organizations o on o.id = x.organization_id where x.id = ${id}`);
		case 'contest_totals':
		case 'party_results':
		case 'party_list_entries':
			return one(sql`select ${name('c')} || coalesce(', ' || c.district, '') as title, '/elections/' || c.election_id || '/contests/' || c.id as href
				from ${sql.table(table)} x join contests c on c.id = x.contest_id where x.id = ${id}`);
	}
}
