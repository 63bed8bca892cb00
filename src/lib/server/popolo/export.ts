import type { Db } from '../db';
import { can, regionFilter, type Actor } from '../auth/permissions';
import type { PopoloArea, PopoloDocument, PopoloMembership, PopoloOrganization, PopoloPerson, PopoloPost } from './schema';

// The tracker's records as one Popolo document, for staff. People are the ones the actor may read
// (a region-limited organizer gets her regions' people and what hangs off them); organizations,
// elections and contests are shared and come whole. Contacts only for those who may see contacts;
// notes and consent records never. Deleted rows never.
//
// What Popolo has no word for is carried as near to the standard as it goes:
//   - a contest is a post (role 'councillor') in its council, an organization with classification
//     'legislature' whose id starts with 'council/'; seats, district and election under `x_contest`;
//   - an election is an event with classification 'election';
//   - a candidacy is a membership with role 'candidate' in the council, its post, on behalf of the
//     party (as YourNextRepresentative exports candidates); status, list place and result under
//     `x_candidacy`.

/** Stable ids, one prefix per kind of record: "person/123". */
export const popoloId = {
	person: (id: number) => `person/${id}`,
	organization: (id: number) => `organization/${id}`,
	membership: (id: number) => `membership/${id}`,
	candidacy: (id: number) => `candidacy/${id}`,
	post: (contestId: number) => `post/${contestId}`,
	election: (id: number) => `election/${id}`,
	area: (code: string) => `area/${code}`
};

/** The language tag of a person's Latin transliteration (the language of the original is not recorded). */
export const LATIN_NAME_LANG = 'und-Latn';

/** Drops empty values, so that the document says nothing rather than `null` where nothing is known. */
function present<T extends object>(value: T): { [K in keyof T]: Exclude<T[K], null> } {
	const kept = Object.entries(value).filter(([, v]) => v !== null && v !== undefined && !(Array.isArray(v) && v.length === 0));
	return Object.fromEntries(kept) as { [K in keyof T]: Exclude<T[K], null> };
}

async function exportPeople(db: Db, actor: Actor) {
	const scope = regionFilter(actor, 'records:read');
	const contacts = can(actor, 'people:contacts');
	const rows = await db
		.selectFrom('people')
		.select(['id', 'full_name', 'name_latin', 'given_name', 'family_name', 'patronymic', 'gender', 'birth_year', 'identifiers', 'phone', 'email', 'messenger'])
		.where('deleted_at', 'is', null)
		.where('merged_into_id', 'is', null)
		.$if(scope !== null, (q) => q.where('region_id', 'in', scope!.length ? scope! : [-1]))
		.orderBy('id')
		.execute();
	return rows.map(
		(p): PopoloPerson =>
			present({
				id: popoloId.person(p.id),
				name: p.full_name,
				other_names: p.name_latin !== p.full_name ? [{ name: p.name_latin, lang: LATIN_NAME_LANG, note: 'transliteration' }] : [],
				given_name: p.given_name,
				family_name: p.family_name,
				patronymic_name: p.patronymic,
				gender: p.gender === 'unknown' ? undefined : p.gender,
				// Popolo dates may be a year alone, which is all the tracker keeps.
				birth_date: p.birth_year === null ? undefined : String(p.birth_year),
				identifiers: p.identifiers,
				contact_details: contacts
					? [
							{ type: 'email', value: p.email },
							{ type: 'voice', value: p.phone },
							{ type: 'messenger', value: p.messenger }
						].filter((c): c is { type: string; value: string } => Boolean(c.value))
					: undefined
			})
	);
}

async function exportOrganizations(db: Db, regionCodes: Map<number, string>) {
	const rows = await db
		.selectFrom('organizations')
		.select(['id', 'name', 'short_name', 'kind', 'region_id', 'website', 'identifiers'])
		.where('deleted_at', 'is', null)
		.orderBy('id')
		.execute();
	const names = await db
		.selectFrom('organization_names')
		.select(['organization_id', 'name', 'lang', 'start_date', 'end_date', 'note'])
		.where('deleted_at', 'is', null)
		.orderBy('id')
		.execute();
	return rows.map(
		(o): PopoloOrganization =>
			present({
				id: popoloId.organization(o.id),
				name: o.name,
				classification: o.kind,
				other_names: [
					...(o.short_name ? [{ name: o.short_name, note: 'abbreviation' }] : []),
					...names.filter((n) => n.organization_id === o.id).map(({ organization_id: _, ...n }) => present(n))
				],
				identifiers: o.identifiers,
				links: o.website ? [{ url: o.website, note: 'website' }] : [],
				area_id: o.region_id === null ? undefined : popoloId.area(regionCodes.get(o.region_id)!)
			})
	);
}

async function exportMemberships(db: Db, people: Set<number>) {
	const rows = await db
		.selectFrom('memberships as ms')
		.innerJoin('organizations as o', 'o.id', 'ms.organization_id')
		.select(['ms.id', 'ms.person_id', 'ms.organization_id', 'ms.role', 'ms.start_date', 'ms.end_date'])
		.where('ms.deleted_at', 'is', null)
		.where('o.deleted_at', 'is', null)
		.orderBy('ms.id')
		.execute();
	return rows
		.filter((r) => people.has(r.person_id))
		.map(
			(r): PopoloMembership =>
				present({
					id: popoloId.membership(r.id),
					person_id: popoloId.person(r.person_id),
					organization_id: popoloId.organization(r.organization_id),
					role: r.role,
					start_date: r.start_date,
					end_date: r.end_date
				})
		);
}

/** Contests as posts in their councils (one council for every contest with the same name in the same place). */
async function exportContests(db: Db, regionCodes: Map<number, string>) {
	const contests = await db
		.selectFrom('contests as c')
		.innerJoin('elections as e', 'e.id', 'c.election_id')
		.select(['c.id', 'c.election_id', 'c.region_id', 'c.council_kind', 'c.name_en', 'c.name_ru', 'c.name_ky', 'c.seats', 'c.electoral_system', 'c.district'])
		.where('c.deleted_at', 'is', null)
		.where('e.deleted_at', 'is', null)
		.orderBy('c.id')
		.execute();
	const councils = new Map<string, PopoloOrganization>();
	/** Each contest's council and election, for its candidacies. */
	const contestPlaces = new Map<number, { council: string; election: string }>();
	const posts = contests.map((c): PopoloPost => {
		const key = `${c.region_id}/${c.council_kind}/${c.name_en}`;
		if (!councils.has(key)) {
			councils.set(key, {
				id: `council/${c.id}`,
				name: c.name_en,
				classification: 'legislature',
				other_names: [{ name: c.name_ru, lang: 'ru' }, { name: c.name_ky, lang: 'ky' }],
				area_id: popoloId.area(regionCodes.get(c.region_id)!)
			});
		}
		contestPlaces.set(c.id, { council: councils.get(key)!.id, election: popoloId.election(c.election_id) });
		return {
			id: popoloId.post(c.id),
			label: c.district ? `${c.name_en}, ${c.district}` : c.name_en,
			role: 'councillor',
			organization_id: councils.get(key)!.id,
			area_id: popoloId.area(regionCodes.get(c.region_id)!),
			x_contest: present({ election_id: popoloId.election(c.election_id), seats: c.seats, electoral_system: c.electoral_system, district: c.district })
		};
	});
	return { councils: [...councils.values()], posts, contestPlaces };
}

async function exportCandidacies(db: Db, people: Set<number>, contestPlaces: Map<number, { council: string; election: string }>) {
	const rows = await db
		.selectFrom('candidacies as c')
		.leftJoin('organizations as party', (join) => join.onRef('party.id', '=', 'c.party_id').on('party.deleted_at', 'is', null))
		.select(['c.id', 'c.person_id', 'c.contest_id', 'c.status', 'c.list_position', 'c.elected', 'party.id as party_id'])
		.where('c.deleted_at', 'is', null)
		.orderBy('c.id')
		.execute();
	return rows
		.filter((r) => people.has(r.person_id) && contestPlaces.has(r.contest_id))
		.map(
			(r): PopoloMembership =>
				present({
					id: popoloId.candidacy(r.id),
					person_id: popoloId.person(r.person_id),
					organization_id: contestPlaces.get(r.contest_id)!.council,
					post_id: popoloId.post(r.contest_id),
					on_behalf_of_id: r.party_id === null ? undefined : popoloId.organization(r.party_id),
					role: 'candidate',
					x_candidacy: present({ election_id: contestPlaces.get(r.contest_id)!.election, status: r.status, list_position: r.list_position, elected: r.elected })
				})
		);
}

async function exportElections(db: Db) {
	const rows = await db.selectFrom('elections').select(['id', 'name_en', 'date']).where('deleted_at', 'is', null).orderBy('id').execute();
	return rows.map((e) => ({ id: popoloId.election(e.id), name: e.name_en, classification: 'election', start_date: e.date }));
}

/** The regions that posts and organizations name, with the regions above them. */
function exportAreas(regions: Array<{ id: number; parent_id: number | null; code: string; iso_code: string | null; level: string; name_en: string }>, named: Set<string>) {
	const byId = new Map(regions.map((r) => [r.id, r]));
	const wanted = new Set<number>();
	for (const region of regions.filter((r) => named.has(popoloId.area(r.code)))) {
		for (let r: typeof region | undefined = region; r && !wanted.has(r.id); r = r.parent_id === null ? undefined : byId.get(r.parent_id)) wanted.add(r.id);
	}
	return regions
		.filter((r) => wanted.has(r.id))
		.map(
			(r): PopoloArea =>
				present({
					id: popoloId.area(r.code),
					name: r.name_en,
					classification: r.level,
					identifiers: [{ scheme: 'region_code', identifier: r.code }, ...(r.iso_code ? [{ scheme: 'iso_3166', identifier: r.iso_code }] : [])],
					parent_id: r.parent_id === null ? undefined : popoloId.area(byId.get(r.parent_id)!.code)
				})
		);
}

/** Everything the actor may see, as a Popolo document. The caller checks 'export:run' and records the export. */
export async function exportPopolo(db: Db, actor: Actor): Promise<PopoloDocument> {
	const regions = await db.selectFrom('regions').select(['id', 'parent_id', 'code', 'iso_code', 'level', 'name_en']).orderBy('id').execute();
	const regionCodes = new Map(regions.map((r) => [r.id, r.code]));
	const persons = await exportPeople(db, actor);
	const people = new Set(persons.map((p) => Number(p.id.slice('person/'.length))));
	const { councils, posts, contestPlaces } = await exportContests(db, regionCodes);
	const candidacies = await exportCandidacies(db, people, contestPlaces);
	const organizations = [...(await exportOrganizations(db, regionCodes)), ...councils];
	const named = new Set([...organizations, ...posts].flatMap((o) => (o.area_id ? [o.area_id] : [])));
	return {
		persons,
		organizations,
		memberships: [...(await exportMemberships(db, people)), ...candidacies],
		posts,
		events: await exportElections(db),
		areas: exportAreas(regions, named)
	};
}
