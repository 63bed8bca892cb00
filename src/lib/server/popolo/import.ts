import { sql } from 'kysely';
import { m } from '$lib/paraglide/messages';
import type { Db } from '../db';
import type { Identifier } from '../db/types';
import type { AuditContext } from '../audit/log';
import { createRecord, updateRecord, type Row } from '../records/changes';
import { personColumns } from '../people/actions';
import { personSchema, type PersonInput } from '../people/schema';
import {
	birthYear,
	fullDate,
	kindOfClassification,
	normalisedName,
	parsePopolo,
	type PopoloInput,
	type PopoloMembershipInput,
	type PopoloOrganizationInput,
	type PopoloPersonInput,
	type PopoloProblem
} from './schema';

// Reads a Popolo document (e.g. EveryPolitician's ep-popolo-v1.0.json) into people, organizations
// and memberships, in the caller's transaction, each change audited against one import job.
//
// Matching, so that importing the same file twice creates nothing the second time:
//   - a person by any identifier she shares with the document's person; the document's own id is
//     kept as the identifier { scheme: 'popolo', identifier: id } (an EveryPolitician uuid, or
//     "person/123" from another tracker's export). People are never matched by name alone;
//   - an organization by identifier, then by its name with case, spaces and punctuation ignored;
//   - a membership by person, organization, role and start date.
// What the tracker already holds wins: a match gains identifiers, other names and the fields it
// lacks (an end date, a birth year), and nothing it has is overwritten.
//
// Not imported: posts, events and areas (read only to date memberships and place organizations),
// candidacies (memberships with role 'candidate'), the councils that only hold posts (the tracker
// keeps those as contests), and a party called "unknown" (no party membership is made for it).

export interface KindCounts {
	created: number;
	updated: number;
	skipped: number;
}

export interface PopoloImportResult {
	jobId: number;
	persons: KindCounts;
	organizations: KindCounts;
	memberships: KindCounts;
	/** Rows that could not be taken as they are (a membership of a person the file does not have). */
	problems: PopoloProblem[];
}

/** The document is not Popolo as the importer reads it; nothing was written. */
export class PopoloDocumentError extends Error {
	constructor(readonly problems: PopoloProblem[]) {
		super(problems.map((p) => `${p.path}: ${p.message}`).join('; '));
	}
}

export const POPOLO_SCHEME = 'popolo';

const isCandidacy = (membership: PopoloMembershipInput) => membership.role?.toLowerCase() === 'candidate';
const sameIdentifier = (a: Identifier, b: Identifier) => a.scheme === b.scheme && a.identifier === b.identifier;

/** `known` plus those of `more` it lacks (undefined when there are none: nothing to change). */
function addIdentifiers(known: Identifier[], more: Identifier[]): Identifier[] | undefined {
	const added = more.filter((id, i) => !known.some((k) => sameIdentifier(k, id)) && more.findIndex((o) => sameIdentifier(o, id)) === i);
	return added.length ? [...known, ...added] : undefined;
}

function identifiersOf(record: { id: string; identifiers: Identifier[] }): Identifier[] {
	return addIdentifiers([], [...record.identifiers.map(({ scheme, identifier }) => ({ scheme, identifier })), { scheme: POPOLO_SCHEME, identifier: record.id }])!;
}

/** The fields of `wanted` the record has no value for (the tracker's own values win). */
function blanks(current: Row, wanted: Row, empty: (key: string, value: unknown) => boolean = (_, v) => v === null): Row {
	const given = (value: unknown) => value !== null && value !== undefined && !(Array.isArray(value) && value.length === 0);
	return Object.fromEntries(Object.entries(wanted).filter(([key, value]) => given(value) && empty(key, current[key])));
}

interface KnownOrganization {
	id: number;
	version: number;
	identifiers: Identifier[];
	names: Set<string>;
	row: Row;
}

/** Where a field of the person form comes from in a Popolo person, for problems. */
const PERSON_PATHS: Record<string, string> = {
	full_name: 'name',
	name_latin: 'other_names',
	patronymic: 'patronymic_name',
	birth_year: 'birth_date',
	phone: 'contact_details',
	email: 'contact_details',
	messenger: 'contact_details'
};

class PopoloImport {
	readonly counts = { persons: zero(), organizations: zero(), memberships: zero() };
	readonly problems: PopoloProblem[] = [];
	/** Document id → the tracker's id; null for an organization deliberately not imported. */
	readonly people = new Map<string, number>();
	readonly organizations = new Map<string, number | null>();
	private known: KnownOrganization[] = [];
	private regions = new Map<string, number>();

	constructor(
		private readonly trx: Db,
		private readonly context: AuditContext,
		private readonly options: { importJobId: number; source: string },
		private readonly doc: PopoloInput
	) {}

	problem(path: string, message: string) {
		this.problems.push({ path, message });
	}

	async run() {
		await this.loadOrganizations();
		await this.loadAreas();
		for (const [i, organization] of this.doc.organizations.entries()) await this.organization(i, organization);
		for (const [i, person] of this.doc.persons.entries()) await this.person(i, person);
		for (const [i, membership] of this.doc.memberships.entries()) await this.membership(i, membership);
	}

	private async loadOrganizations() {
		const rows = await this.trx.selectFrom('organizations').selectAll().where('deleted_at', 'is', null).orderBy('id').execute();
		const names = await this.trx.selectFrom('organization_names').select(['organization_id', 'name']).where('deleted_at', 'is', null).execute();
		this.known = rows.map((o) => ({
			id: o.id,
			version: o.version,
			identifiers: o.identifiers,
			names: new Set([o.name, o.short_name, ...names.filter((n) => n.organization_id === o.id).map((n) => n.name)].flatMap((n) => (n ? [normalisedName(n)] : []))),
			row: o as unknown as Row
		}));
	}

	/** Document area id → region, by the region's code or ISO code among the area's identifiers. */
	private async loadAreas() {
		const regions = await this.trx.selectFrom('regions').select(['id', 'code', 'iso_code']).execute();
		for (const area of this.doc.areas) {
			const region = regions.find((r) => area.identifiers.some((i) => i.identifier === r.code || (r.iso_code !== null && i.identifier === r.iso_code)));
			if (region) this.regions.set(area.id, region.id);
		}
	}

	/** Councils that only hold posts and candidacies: the tracker keeps them as contests, not organizations. */
	private onlyHoldsPosts(id: string): boolean {
		const holdsPost = this.doc.posts.some((p) => p.organization_id === id);
		return holdsPost && !this.doc.memberships.some((ms) => !isCandidacy(ms) && (ms.organization_id === id || ms.on_behalf_of_id === id));
	}

	private async organization(i: number, org: PopoloOrganizationInput) {
		if (this.organizations.has(org.id)) {
			this.problem(`organizations[${i}].id`, m.popolo_duplicate_id());
			this.counts.organizations.skipped++;
			return;
		}
		if (this.onlyHoldsPosts(org.id) || normalisedName(org.name) === 'unknown') {
			this.organizations.set(org.id, null);
			this.counts.organizations.skipped++;
			return;
		}
		const identifiers = identifiersOf(org);
		const otherNames = org.other_names.filter((n) => n.note !== 'abbreviation');
		const website = org.links.find((l) => /^https?:\/\//i.test(l.url) && l.url.length <= 300)?.url ?? null;
		const wanted: Row = {
			short_name: org.other_names.find((n) => n.note === 'abbreviation')?.name.slice(0, 50) ?? null,
			kind: kindOfClassification(org.classification),
			region_id: (org.area_id && this.regions.get(org.area_id)) ?? null,
			website
		};
		const names = [org.name, ...org.other_names.map((n) => n.name)].map(normalisedName);
		const match =
			this.known.find((k) => k.identifiers.some((id) => identifiers.some((o) => sameIdentifier(id, o)))) ??
			this.known.find((k) => names.some((n) => k.names.has(n)));
		if (!match) {
			const row = await createRecord(this.trx, this.context, 'organizations', { name: org.name, ...wanted, identifiers }, this.options);
			const known: KnownOrganization = { id: row.id as number, version: row.version as number, identifiers, names: new Set(), row };
			this.known.push(known);
			known.names.add(normalisedName(org.name));
			if (wanted.short_name) known.names.add(normalisedName(wanted.short_name as string));
			await this.addOtherNames(known, otherNames);
			this.organizations.set(org.id, known.id);
			this.counts.organizations.created++;
			return;
		}
		this.organizations.set(org.id, match.id);
		const changes = blanks(match.row, wanted, (key, value) => value === null || (key === 'kind' && value === 'other'));
		const more = addIdentifiers(match.identifiers, identifiers);
		if (more) changes.identifiers = more;
		const { row, changed } = await updateRecord(this.trx, this.context, 'organizations', match.id, match.version, changes, this.options);
		Object.assign(match, { version: row.version as number, row, identifiers: more ?? match.identifiers });
		const added = await this.addOtherNames(match, otherNames);
		this.counts.organizations[changed.length || added ? 'updated' : 'skipped']++;
	}

	/** Other names the organization is not yet known by; returns how many were added. */
	private async addOtherNames(org: KnownOrganization, names: PopoloOrganizationInput['other_names']) {
		let added = 0;
		for (const n of names) {
			if (org.names.has(normalisedName(n.name))) continue;
			const values = { organization_id: org.id, name: n.name, lang: n.lang ?? null, start_date: fullDate(n.start_date), end_date: fullDate(n.end_date), note: n.note ?? null };
			await createRecord(this.trx, this.context, 'organization_names', values, { ...this.options, details: { organization_id: org.id } });
			org.names.add(normalisedName(n.name));
			added++;
		}
		return added;
	}

	/** The person form's fields from a Popolo person, checked by the form's own rules (a wrong phone is dropped and reported). */
	private personInput(i: number, person: PopoloPersonInput): PersonInput {
		const contact = (...types: string[]) => person.contact_details.find((c) => types.includes(c.type.toLowerCase()))?.value ?? null;
		const input = {
			full_name: person.name,
			name_latin: person.other_names.find((n) => n.lang?.toLowerCase().endsWith('-latn'))?.name ?? null,
			given_name: person.given_name,
			family_name: person.family_name,
			patronymic: person.patronymic_name,
			gender: person.gender ?? 'unknown',
			birth_year: birthYear(person.birth_date),
			region_id: null,
			background: null,
			languages: [],
			phone: contact('voice', 'phone', 'cell', 'mobile'),
			email: person.email ?? contact('email'),
			messenger: contact('messenger', 'telegram', 'whatsapp', 'signal'),
			notes: null,
			consent_stored_at: null,
			consent_recorded_by: null,
			consent_public_name: false,
			source: this.options.source
		};
		const schema = personSchema();
		let parsed = schema.safeParse(input);
		if (!parsed.success) {
			for (const issue of parsed.error.issues) {
				const field = String(issue.path[0]);
				this.problem(`persons[${i}].${PERSON_PATHS[field] ?? field}`, issue.message);
				(input as Record<string, unknown>)[field] = null;
			}
			parsed = schema.safeParse(input);
		}
		return parsed.data!;
	}

	private async person(i: number, person: PopoloPersonInput) {
		if (this.people.has(person.id)) {
			this.problem(`persons[${i}].id`, m.popolo_duplicate_id());
			this.counts.persons.skipped++;
			return;
		}
		const identifiers = identifiersOf(person);
		const input = this.personInput(i, person);
		const matches = await this.trx
			.selectFrom('people')
			.selectAll()
			.where('deleted_at', 'is', null)
			.where((eb) => eb.or(identifiers.map((id) => sql<boolean>`identifiers @> ${JSON.stringify([id])}::jsonb`)))
			.orderBy('id')
			.execute();
		if (matches.length > 1) this.problem(`persons[${i}].identifiers`, m.popolo_several_people({ ids: matches.map((p) => p.id).join(', ') }));
		const match = matches[0];
		if (!match) {
			const row = await createRecord(this.trx, this.context, 'people', { ...personColumns(input), identifiers }, this.options);
			this.people.set(person.id, row.id as number);
			this.counts.persons.created++;
			return;
		}
		this.people.set(person.id, match.id);
		const { full_name: _name, name_latin: _latin, search_key: _search, sort_key: _sort, consent_public_name: _consent, ...fields } = personColumns(input);
		const changes = blanks(match as unknown as Row, fields, (key, value) => value === null || (key === 'gender' && value === 'unknown') || (Array.isArray(value) && value.length === 0));
		const more = addIdentifiers(match.identifiers, identifiers);
		if (more) changes.identifiers = more;
		const { changed } = await updateRecord(this.trx, this.context, 'people', match.id, match.version, changes, this.options);
		this.counts.persons[changed.length ? 'updated' : 'skipped']++;
	}

	private async membership(i: number, membership: PopoloMembershipInput) {
		const at = `memberships[${i}]`;
		if (isCandidacy(membership)) {
			this.counts.memberships.skipped++;
			return;
		}
		const personId = this.people.get(membership.person_id);
		const organizationId = this.organizations.get(membership.organization_id);
		if (personId === undefined) this.problem(`${at}.person_id`, m.popolo_unknown_person());
		if (organizationId === undefined) this.problem(`${at}.organization_id`, m.popolo_unknown_organization());
		if (personId === undefined || !organizationId) {
			this.counts.memberships.skipped++;
			return;
		}
		// EveryPolitician leaves a member's dates out when they are those of the legislative period.
		const period = this.doc.events.find((e) => e.id === membership.legislative_period_id);
		const dates = { start_date: fullDate(membership.start_date ?? period?.start_date), end_date: fullDate(membership.end_date ?? period?.end_date) };
		await this.ensureMembership(personId, organizationId, membership.role ?? null, dates);
		if (!membership.on_behalf_of_id) return;
		const partyId = this.organizations.get(membership.on_behalf_of_id);
		if (partyId === undefined) this.problem(`${at}.on_behalf_of_id`, m.popolo_unknown_organization());
		// A member elected on behalf of a party is its member for that time (not of a party called "unknown").
		else if (partyId !== null) await this.ensureMembership(personId, partyId, 'member', dates);
	}

	private async ensureMembership(personId: number, organizationId: number, role: string | null, dates: { start_date: string | null; end_date: string | null }) {
		const existing = await this.trx
			.selectFrom('memberships')
			.selectAll()
			.where('deleted_at', 'is', null)
			.where('person_id', '=', personId)
			.where('organization_id', '=', organizationId)
			.where((eb) => (role === null ? eb('role', 'is', null) : eb('role', '=', role)))
			.where((eb) => (dates.start_date === null ? eb('start_date', 'is', null) : eb('start_date', '=', dates.start_date)))
			.executeTakeFirst();
		const options = { ...this.options, details: { person_id: personId, organization_id: organizationId } };
		if (!existing) {
			await createRecord(this.trx, this.context, 'memberships', { person_id: personId, organization_id: organizationId, role, ...dates, source: this.options.source }, options);
			this.counts.memberships.created++;
		} else if (existing.end_date === null && dates.end_date !== null) {
			await updateRecord(this.trx, this.context, 'memberships', existing.id, existing.version, { end_date: dates.end_date }, options);
			this.counts.memberships.updated++;
		} else {
			this.counts.memberships.skipped++;
		}
	}
}

function zero(): KindCounts {
	return { created: 0, updated: 0, skipped: 0 };
}

/**
 * Imports a parsed JSON value as Popolo. An invalid document throws PopoloDocumentError before
 * anything is written; otherwise an import job is recorded (kind 'popolo') and every change is
 * audited against it. The caller opens the transaction.
 */
export async function importPopolo(trx: Db, context: AuditContext, document: unknown, fileName: string): Promise<PopoloImportResult> {
	const parsed = parsePopolo(document);
	if (!parsed.ok) throw new PopoloDocumentError(parsed.problems);
	const doc = parsed.data;
	const total = doc.persons.length + doc.organizations.length + doc.memberships.length;
	const job = await trx
		.insertInto('import_jobs')
		.values({ user_id: context.actor?.userId ?? null, kind: 'popolo', format: 'json', file_name: fileName, status: 'committed', total_rows: total })
		.returning('id')
		.executeTakeFirstOrThrow();
	const run = new PopoloImport(trx, context, { importJobId: job.id, source: `Popolo: ${fileName}`.slice(0, 500) }, doc);
	await run.run();
	const { persons, organizations, memberships } = run.counts;
	const sum = (key: keyof KindCounts) => persons[key] + organizations[key] + memberships[key];
	await trx
		.updateTable('import_jobs')
		.set({
			processed_rows: total,
			created_count: sum('created'),
			updated_count: sum('updated'),
			skipped_count: sum('skipped'),
			errors: run.problems.length ? JSON.stringify(run.problems) : null,
			finished_at: new Date(),
			updated_at: new Date()
		})
		.where('id', '=', job.id)
		.execute();
	return { jobId: job.id, persons, organizations, memberships, problems: run.problems };
}
