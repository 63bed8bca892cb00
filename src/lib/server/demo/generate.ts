// The demo dataset: the real March 2012 Training of Trainers (TOT) in Bishkek with fictional women,
// the step-down cascade it started, their networks, and their candidacies in the 25 November 2012
// local kenesh elections. Pure: no database. Rows refer to each other by local keys ('p17', 't3') and
// to reference data by stable codes (region code, party name, contest name + election date), which
// load.ts resolves to ids. The same seed always gives the same dataset.

import type { Selectable } from 'kysely';
import type { ActivityKind, Background, CandidacyStatus, ExitStage, ParticipantRole, RelationshipKind, TrainingEventKind } from '../../domain/enums';
import type {
	CampaignActivitiesTable,
	CandidaciesTable,
	ContestsTable,
	ContestTotalsTable,
	MembershipsTable,
	OrganizationNamesTable,
	OrganizationsTable,
	PartyListEntriesTable,
	PartyResultsTable,
	PeopleTable,
	RelationshipsTable,
	TrainingEventsTable,
	TrainingParticipantsTable,
	TrainingsTable
} from '../db/types';
import { searchKey, sortKey, transliterate } from '../../domain/names';
import {
	ACTIVITY_DESCRIPTIONS,
	AREAS,
	CONSENT_RECORDERS,
	DEMO_ORGANIZATIONS,
	FACILITATORS,
	FAMILY_NAMES,
	GIVEN_NAMES,
	KYRGYZ_FATHERS,
	RUSSIAN_PATRONYMICS,
	UZBEK_PATRONYMICS,
	type DemoArea,
	type NameStyle
} from './names';
import { createRandom, type Random } from './random';

export const DEFAULT_DEMO_SEED = 2012;

/** A reference organization by its short name or name (e.g. 'SDPK', 'Respublika', 'WLP'), or a demo one by key. */
export type OrganizationRef = { reference: string } | { demo: string };
/** A reference contest by its English name and election date, or a demo one by key. */
export type ContestRef = { reference: { name_en: string; election_date: string } } | { demo: string };

/**
 * A demo row has the table's own columns (types from db/types.ts, so they follow the schema), minus
 * the generated ones; foreign keys are replaced by local keys and reference codes.
 */
type Columns<Table, ForeignKeys extends keyof Selectable<Table>> = Omit<
	Selectable<Table>,
	ForeignKeys | 'id' | 'version' | 'is_demo' | 'created_at' | 'updated_at' | 'deleted_at'
> & { is_demo: true };

export interface DemoPerson extends Columns<PeopleTable, 'region_id' | 'merged_into_id' | 'identifiers'> {
	key: string;
	/** Region code: a raion ('KG-N-KOC'), an oblast standing for its main town ('KG-N'), a city or a country. */
	region: string;
	given_name: string;
	family_name: string;
	birth_year: number;
	background: Background;
	notes: string;
	consent_stored_at: string;
	consent_recorded_by: string;
}

export interface DemoOrganization extends Columns<OrganizationsTable, 'region_id' | 'identifiers'> {
	key: string;
	region: string | null;
	notes: string;
}

export interface DemoOrganizationName extends Columns<OrganizationNamesTable, 'organization_id'> {
	/** Key of a demo organization. */
	organization: string;
}

export interface DemoMembership extends Columns<MembershipsTable, 'person_id' | 'organization_id'> {
	person: string;
	organization: OrganizationRef;
	role: string;
	source: string;
}

export interface DemoTraining extends Columns<TrainingsTable, 'region_id' | 'organizer_id' | 'parent_training_id'> {
	key: string;
	region: string;
	organizer: OrganizationRef | null;
	/** Key of the training the lead facilitator completed (the cascade's parent). */
	parent: string | null;
	location: string;
	curriculum: string;
	language: string;
	notes: string;
	source: string;
}

export interface DemoTrainingEvent extends Columns<TrainingEventsTable, 'training_id'> {
	training: string;
}

export interface DemoParticipation extends Columns<TrainingParticipantsTable, 'training_id' | 'person_id'> {
	training: string;
	person: string;
}

export interface DemoRelationship extends Columns<RelationshipsTable, 'person_id' | 'other_person_id'> {
	/** For 'mentor', the mentor; the other kinds are symmetric and stored once. */
	person: string;
	other_person: string;
	source: string;
}

export interface DemoContest extends Columns<ContestsTable, 'election_id' | 'region_id'> {
	key: string;
	/** The reference election of that date. */
	election_date: string;
	region: string;
	seats: number;
	source: string;
}

export interface DemoContestTotals extends Columns<ContestTotalsTable, 'contest_id'> {
	contest: ContestRef;
	candidates: number;
	women_candidates: number;
	women_elected: number;
	women_seats_before: number;
	source: string;
}

export interface DemoPartyResult extends Columns<PartyResultsTable, 'contest_id' | 'party_id'> {
	contest: ContestRef;
	party: OrganizationRef;
	seats_won: number;
	source: string;
}

/** One position of a demo city-kenesh party list, for the quota check. */
export interface DemoPartyListEntry extends Columns<PartyListEntriesTable, 'contest_id' | 'party_id' | 'person_id'> {
	contest: ContestRef;
	party: OrganizationRef;
	/** Key of the tracked candidate at this position, if any. */
	person: string | null;
}

export interface DemoCandidacy extends Columns<CandidaciesTable, 'person_id' | 'contest_id' | 'party_id'> {
	key: string;
	person: string;
	contest: ContestRef;
	party: OrganizationRef | null;
	source: string;
}

export interface DemoCampaignActivity extends Columns<CampaignActivitiesTable, 'candidacy_id'> {
	candidacy: string;
	date: string;
	description: string;
	source: string;
}

/** Rows per table, in an order that inserts parents before children. */
export interface DemoDataset {
	seed: number;
	organizations: DemoOrganization[];
	organization_names: DemoOrganizationName[];
	people: DemoPerson[];
	memberships: DemoMembership[];
	trainings: DemoTraining[];
	training_events: DemoTrainingEvent[];
	training_participants: DemoParticipation[];
	relationships: DemoRelationship[];
	contests: DemoContest[];
	party_results: DemoPartyResult[];
	contest_totals: DemoContestTotals[];
	candidacies: DemoCandidacy[];
	campaign_activities: DemoCampaignActivity[];
	party_list_entries: DemoPartyListEntry[];
}

/** Every table with an is_demo column. The generator fills some; removal clears them all. */
export const DEMO_TABLES = [
	'organizations', 'organization_names', 'people', 'memberships', 'trainings', 'training_events',
	'training_participants', 'relationships', 'elections', 'contests', 'party_results', 'party_list_entries',
	'contest_totals', 'candidacies', 'campaign_activities', 'users', 'regions'
] as const;
export type DemoTable = (typeof DEMO_TABLES)[number];
export type DemoCounts = Record<DemoTable, number>;

/** Rows the dataset holds per table (0 for tables the demo does not fill). */
export function demoCounts(dataset: DemoDataset): DemoCounts {
	const counts = Object.fromEntries(DEMO_TABLES.map((t) => [t, 0])) as DemoCounts;
	for (const table of DEMO_TABLES) {
		if (table in dataset) counts[table] = (dataset[table as keyof DemoDataset] as unknown[]).length;
	}
	return counts;
}

export const TOT_TITLE = "Leadership and Women's Political Participation — National Training of Trainers";
export const TOT_START = '2012-03-23';
export const TOT_END = '2012-03-27';
export const NOVEMBER_ELECTION = '2012-11-25';
export const BISHKEK_CONTEST: ContestRef = { reference: { name_en: 'Bishkek City Kenesh', election_date: NOVEMBER_ELECTION } };
const BIR_DUINO: OrganizationRef = { reference: 'Bir Duino Kyrgyzstan' };
const WLP: OrganizationRef = { reference: 'WLP' };

// The reference parties, and a copy of the reference Bishkek allocation (SDPK 21, Respublika 11,
// Ata-Meken 7, Zamandash 6) so that the Bishkek list positions and `elected` agree with it.
const PARTIES = ['SDPK', 'Respublika', 'Ata-Meken', 'Zamandash', 'Ar-Namys', 'Ata-Jurt'] as const;
const BISHKEK_SEATS: ReadonlyArray<readonly [string, number]> = [['SDPK', 21], ['Respublika', 11], ['Ata-Meken', 7], ['Zamandash', 6]];
const BISHKEK_SEAT_COUNT = 45;

const CURRICULUM =
	"WLP 'Leading to Choices' leadership curriculum, adapted for the 2012 local elections: participatory leadership, " +
	'communication and negotiation, campaign planning, women’s political participation and the electoral law (gender quota).';
const STEP_DOWN_CURRICULUM = `${CURRICULUM} Step-down edition in Russian and Kyrgyz, one to three days.`;

const DAY = 86_400_000;
function addDays(date: string, days: number): string {
	return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}
function daysBetween(from: string, to: string): number {
	return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);
}
function round1(value: number): number {
	return Math.round(value * 10) / 10;
}
function repeat<T>(value: T, times: number): T[] {
	return Array.from({ length: times }, () => value);
}
/** A person's name reduced to ASCII for e-mail addresses: "Айгүл" → "aigul". */
function asciiName(text: string): string {
	return transliterate(text).toLowerCase().normalize('NFD').replace(/[^a-z0-9]/g, '');
}

interface StepDownPlan {
	level: 1 | 2;
	area: DemoArea;
	region: string;
	place: string;
	start: string;
	end: string;
	size: number;
	leader?: DemoPerson;
	coFacilitator?: DemoPerson;
	parent?: StepDownPlan;
	training?: DemoTraining;
}

interface CandidacyDraft {
	row: DemoCandidacy;
	contestKey: string;
	partyList: boolean;
	pending: boolean;
}

class DemoBuilder {
	readonly data: DemoDataset;
	private readonly usedNames = new Set<string>();
	private readonly usedEmails = new Set<string>();
	private readonly relationshipKeys = new Set<string>();
	readonly areaOf = new Map<string, DemoArea>();
	readonly membersOf = new Map<string, string[]>();
	/** Demo organization key of each person's local NGO (organizer of her step-downs). */
	readonly ngoOf = new Map<string, string>();
	private readonly orgKeys: Array<{ key: string; seed: (typeof DEMO_ORGANIZATIONS)[number] }> = [];

	constructor(readonly rng: Random, seed: number) {
		this.data = {
			seed,
			organizations: [],
			organization_names: [],
			people: [],
			memberships: [],
			trainings: [],
			training_events: [],
			training_participants: [],
			relationships: [],
			contests: [],
			party_results: [],
			contest_totals: [],
			candidacies: [],
			campaign_activities: [],
			party_list_entries: []
		};
	}

	addOrganizations(): void {
		DEMO_ORGANIZATIONS.forEach((seed, i) => {
			const key = `o${i + 1}`;
			this.orgKeys.push({ key, seed });
			this.data.organizations.push({
				key,
				name: seed.name,
				short_name: seed.short_name ?? null,
				kind: seed.kind,
				region: seed.region,
				website: null,
				notes: `Demo: fictional ${seed.youth ? 'youth group' : seed.kind === 'ngo' ? 'NGO' : seed.kind === 'media' ? 'media outlet' : 'university'}.`,
				is_demo: true
			});
			if (seed.formerName) {
				this.data.organization_names.push({ organization: key, ...seed.formerName, lang: 'ru', note: 'Demo: earlier name', is_demo: true });
			}
		});
	}

	/** A demo organization in the area (or, failing that, in Bishkek) of the kind asked. */
	private organizationFor(area: DemoArea, kind: 'ngo' | 'youth' | 'media' | 'university'): string | undefined {
		const fits = (s: (typeof DEMO_ORGANIZATIONS)[number]) =>
			kind === 'youth' ? !!s.youth : s.kind === kind && !s.youth;
		return (
			this.orgKeys.find((o) => fits(o.seed) && o.seed.region === area.code)?.key ??
			(kind === 'ngo' ? undefined : this.orgKeys.find((o) => fits(o.seed) && o.seed.region === 'KG-GB')?.key)
		);
	}

	private uniqueName(style: NameStyle): { given: string; family: string; patronymic: string } {
		const { rng } = this;
		for (;;) {
			const given = rng.pick(GIVEN_NAMES[style]);
			const family = rng.pick(FAMILY_NAMES[style]);
			const patronymic =
				style === 'kyrgyz'
					? (([father, russian]) => (rng.chance(0.4) ? `${father} кызы` : russian))(rng.pick(KYRGYZ_FATHERS))
					: rng.pick(style === 'russian' ? RUSSIAN_PATRONYMICS : UZBEK_PATRONYMICS);
			const full = `${family} ${given} ${patronymic}`;
			if (!this.usedNames.has(full)) {
				this.usedNames.add(full);
				return { given, family, patronymic };
			}
		}
	}

	private contacts(given: string, family: string, style: NameStyle) {
		const { rng } = this;
		const index = this.data.people.length + 1;
		// 000 after +996 is not an assigned operator code, so no demo number can ring a real phone.
		const digits = String(100_000 + ((index * 7919) % 900_000));
		const phone = rng.chance(0.92) ? `+996 000 ${digits.slice(0, 3)} ${digits.slice(3)}` : null;
		let email: string | null = null;
		if (rng.chance(style === 'russian' ? 0.75 : 0.6)) {
			const base = `${asciiName(given)}.${asciiName(family)}`;
			email = `${base}@example.org`;
			for (let n = 2; this.usedEmails.has(email); n++) email = `${base}${n}@example.org`;
			this.usedEmails.add(email);
		}
		const messenger = !rng.chance(0.55)
			? null
			: phone && rng.chance(0.7)
				? `WhatsApp ${phone}`
				: `Telegram @${asciiName(given)}_${asciiName(family).slice(0, 4)}${index}`;
		return { phone, email, messenger };
	}

	private languagesFor(style: NameStyle, background: Background): string[] {
		const { rng } = this;
		const base =
			style === 'kyrgyz'
				? rng.weighted<string[]>([[['ky', 'ru'], 0.65], [['ky'], 0.2], [['ky', 'ru', 'en'], 0.15]])
				: style === 'russian'
					? rng.weighted<string[]>([[['ru'], 0.6], [['ru', 'en'], 0.25], [['ru', 'ky'], 0.15]])
					: rng.weighted<string[]>([[['uz', 'ru', 'ky'], 0.4], [['uz', 'ky'], 0.35], [['uz', 'ru'], 0.25]]);
		const wantsEnglish = (background === 'youth_activist' || background === 'university' || background === 'expert') && rng.chance(0.4);
		return wantsEnglish && !base.includes('en') ? [...base, 'en'] : base;
	}

	private birthYear(background: Background): number {
		const { rng } = this;
		if (background === 'youth_activist') return rng.int(1985, 1994);
		if (background === 'university' && rng.chance(0.5)) return rng.int(1988, 1994);
		return rng.int(1955, 1987);
	}

	private pushPerson(fields: Omit<DemoPerson, 'key' | 'name_latin' | 'search_key' | 'sort_key' | 'is_demo'>): DemoPerson {
		const key = `p${this.data.people.length + 1}`;
		const name_latin = transliterate(fields.full_name);
		const person: DemoPerson = {
			key,
			...fields,
			name_latin,
			search_key: searchKey(`${fields.full_name} ${name_latin}`),
			sort_key: sortKey(fields.full_name),
			is_demo: true
		};
		this.data.people.push(person);
		return person;
	}

	addFacilitators(): DemoPerson[] {
		return FACILITATORS.map((f) => {
			const full_name = [f.family, f.given, f.patronymic].filter(Boolean).join(' ');
			this.usedNames.add(full_name);
			const person = this.pushPerson({
				full_name,
				given_name: f.given,
				family_name: f.family,
				patronymic: f.patronymic,
				gender: 'female',
				birth_year: this.rng.int(1960, 1978),
				region: f.region,
				background: 'expert',
				languages: [...f.languages],
				...this.contacts(f.given, f.family, 'russian'),
				notes: `Demo: fictional facilitator from ${f.from}, a WLP partner trainer at the March 2012 TOT.`,
				consent_stored_at: TOT_START,
				consent_recorded_by: this.rng.pick(CONSENT_RECORDERS),
				consent_public_name: this.rng.chance(0.4)
			});
			if (f.from === 'Kyrgyzstan') this.addMembership(person.key, BIR_DUINO, 'trainer', '2008-09-01');
			else this.addMembership(person.key, WLP, 'WLP partner trainer', '2009-01-15');
			return person;
		});
	}

	/** A woman of the area, living in the given region, who first came to a training on consentDate. */
	addWoman(area: DemoArea, region: string, background: Background, consentDate: string, role: string): DemoPerson {
		const { rng } = this;
		const style = rng.weighted(Object.entries(area.styles) as Array<[NameStyle, number]>);
		const { given, family, patronymic } = this.uniqueName(style);
		const place = area.raions.find((r) => r.code === region)?.village ?? area.town;
		const person = this.pushPerson({
			full_name: `${family} ${given} ${patronymic}`,
			given_name: given,
			family_name: family,
			patronymic,
			gender: 'female',
			birth_year: this.birthYear(background),
			region,
			background,
			languages: this.languagesFor(style, background),
			...this.contacts(given, family, style),
			notes: `Demo: fictional ${role} (${background.replace('_', ' ')}) from ${transliterate(place)}.`,
			consent_stored_at: consentDate,
			consent_recorded_by: rng.pick(CONSENT_RECORDERS),
			consent_public_name: rng.chance(0.4)
		});
		this.areaOf.set(person.key, area);
		return person;
	}

	addMembership(person: string, organization: OrganizationRef, role: string, start: string, end: string | null = null): void {
		this.data.memberships.push({
			person,
			organization,
			role,
			start_date: start,
			end_date: end,
			source: 'Demo: organizer’s notes',
			is_demo: true
		});
		if ('demo' in organization) {
			const members = this.membersOf.get(organization.demo) ?? [];
			members.push(person);
			this.membersOf.set(organization.demo, members);
		}
	}

	/** NGO, media, university or youth-group ties that fit her background; graduates have more. */
	giveMemberships(person: DemoPerson, graduate: boolean): void {
		const { rng } = this;
		const area = this.areaOf.get(person.key)!;
		const since = () => addDays('2004-01-01', rng.int(0, daysBetween('2004-01-01', graduate ? '2012-02-28' : '2012-03-31')));
		const join = (kind: 'ngo' | 'youth' | 'media' | 'university', role: string) => {
			const org = this.organizationFor(area, kind);
			if (!org) return;
			const start = kind === 'youth' || (kind === 'university' && role === 'student') ? addDays('2008-09-01', rng.int(0, 1200)) : since();
			const end = rng.chance(0.08) ? addDays(start, rng.int(200, 1500)) : null;
			this.addMembership(person.key, { demo: org }, role, start, end && end < '2012-12-31' ? end : null);
			if (kind === 'ngo' && !this.ngoOf.has(person.key)) this.ngoOf.set(person.key, org);
		};
		const odds = graduate ? 1 : 0.5;
		switch (person.background) {
			case 'ngo':
			case 'expert':
				if (rng.chance(0.9 * odds + 0.1)) join('ngo', rng.pick(graduate ? ['director', 'coordinator', 'trainer', 'board member'] : ['member', 'volunteer', 'coordinator']));
				break;
			case 'youth_activist':
				if (rng.chance(0.8 * odds)) join(this.organizationFor(area, 'youth') ? 'youth' : 'ngo', rng.pick(['member', 'volunteer', 'coordinator']));
				break;
			case 'media':
				if (rng.chance(0.9 * odds)) join('media', rng.pick(['journalist', 'editor', 'radio host']));
				break;
			case 'university':
				if (rng.chance(0.8 * odds)) join('university', rng.pick(['lecturer', 'student', 'student']));
				break;
			default:
				break;
		}
		if (person.background !== 'ngo' && person.background !== 'expert' && rng.chance(graduate ? 0.45 : 0.15)) {
			join('ngo', rng.pick(['member', 'volunteer']));
		}
		if (graduate && person.region === 'KG-GB' && rng.chance(0.3)) {
			this.addMembership(person.key, BIR_DUINO, 'volunteer', since());
		}
	}

	addTraining(fields: Omit<DemoTraining, 'key' | 'is_demo'>): DemoTraining {
		const training: DemoTraining = { key: `t${this.data.trainings.length + 1}`, ...fields, is_demo: true };
		this.data.trainings.push(training);
		return training;
	}

	addParticipation(training: DemoTraining, person: DemoPerson, role: ParticipantRole, completed: boolean): void {
		this.data.training_participants.push({ training: training.key, person: person.key, role, completed, is_demo: true });
	}

	addEvent(training: DemoTraining, kind: TrainingEventKind, date: string, title: string, description: string | null): void {
		this.data.training_events.push({ training: training.key, kind, date, title, description, is_demo: true });
	}

	/** Adds the tie unless it (or, for symmetric kinds, its mirror) is already there. */
	relate(person: string, other: string, kind: RelationshipKind, start: string | null, note: string | null): void {
		if (person === other) return;
		const pair = kind === 'mentor' ? `${person}>${other}` : [person, other].sort().join('~');
		const id = `${kind}:${pair}`;
		if (this.relationshipKeys.has(id)) return;
		this.relationshipKeys.add(id);
		this.data.relationships.push({
			person,
			other_person: other,
			kind,
			start_date: start,
			note,
			source: 'Demo: organizer’s notes',
			is_demo: true
		});
	}
}

const GRADUATE_REGIONS: ReadonlyArray<readonly [string, number]> = [
	['KG-GB', 5], ['KG-GO', 3], ['KG-C', 3], ['KG-Y', 3], ['KG-J', 3], ['KG-O', 3], ['KG-N', 2], ['KG-T', 2], ['KG-B', 2]
];
const GRADUATE_BACKGROUNDS: ReadonlyArray<readonly [Background, number]> = [
	['youth_activist', 0.22], ['ngo', 0.3], ['government', 0.14], ['media', 0.1], ['expert', 0.1], ['university', 0.07], ['party', 0.07]
];
const TRAINEE_BACKGROUNDS: ReadonlyArray<readonly [Background, number]> = [
	['youth_activist', 0.25], ['ngo', 0.18], ['government', 0.12], ['media', 0.05], ['expert', 0.05], ['university', 0.12], ['party', 0.08], ['other', 0.15]
];
const VENUES = ['дом культуры', 'районная библиотека', 'средняя школа', 'офис НПО', 'зал айыл өкмөтү', 'гостиница'];

function areaByCode(code: string): DemoArea {
	const area = AREAS.find((a) => a.code === code);
	if (!area) throw new Error(`No demo area ${code}`);
	return area;
}

function homeRegion(rng: Random, area: DemoArea): string {
	return area.raions.length && rng.chance(0.5) ? rng.pick(area.raions).code : area.code;
}

function placeOf(area: DemoArea, region: string): string {
	return area.raions.find((r) => r.code === region)?.village ?? area.town;
}

function languageOf(area: DemoArea, region: string): string {
	return region === area.code ? area.language : area.code === 'KG-C' ? 'ru' : 'ky';
}

/** The TOT, its events, facilitators and graduates. Returns the graduates (completed participants). */
function addTot(b: DemoBuilder): { tot: DemoTraining; graduates: DemoPerson[]; facilitators: DemoPerson[] } {
	const { rng } = b;
	const tot = b.addTraining({
		title: TOT_TITLE,
		kind: 'tot',
		start_date: TOT_START,
		end_date: TOT_END,
		region: 'KG-GB',
		location: 'Bishkek',
		organizer: BIR_DUINO,
		curriculum: CURRICULUM,
		language: 'ru',
		parent: null,
		notes:
			"Organized by WLP's Kyrgyz partner, then called Citizens Against Corruption (now Bir Duino Kyrgyzstan). " +
			'Youth activists, government staff, NGO workers, media people and experts from every oblast, who planned to ' +
			'promote women candidates in the local kenesh elections then expected in October 2012. ' +
			'The event is real; the participants recorded here are fictional demo people.',
		source: "Women's Learning Partnership (learningpartnership.org), report on the Kyrgyzstan national Training of Trainers, March 2012"
	});
	b.addEvent(tot, 'session', TOT_START, 'Opening session', 'Welcome by WLP and Citizens Against Corruption; introduction of the trainers from Jordan, Kazakhstan, Uzbekistan and Kyrgyzstan.');
	b.addEvent(tot, 'visit', '2012-03-26', 'Visit to the Jogorku Kenesh', 'Meeting with members of parliament R. Aknazarova and R. Zheenbekov on women’s participation in the coming local elections. (Demo: date approximate.)');
	b.addEvent(tot, 'press_conference', TOT_END, 'Closing press conference', 'Participants presented their plans for step-down trainings and for supporting women candidates in the local kenesh elections.');

	const facilitators = b.addFacilitators();
	for (const f of facilitators) b.addParticipation(tot, f, 'facilitator', true);

	// Every background the TOT recruited from is among the graduates; the rest are drawn by weight.
	const places = GRADUATE_REGIONS.reduce((sum, [, n]) => sum + n, 0);
	const backgrounds = rng.shuffle([
		...GRADUATE_BACKGROUNDS.map(([background]) => background),
		...Array.from({ length: places - 1 - GRADUATE_BACKGROUNDS.length }, () => rng.weighted(GRADUATE_BACKGROUNDS))
	]);
	const graduates: DemoPerson[] = [];
	let dropout: DemoPerson | undefined;
	for (const [code, count] of GRADUATE_REGIONS) {
		const area = areaByCode(code);
		for (let i = 0; i < count; i++) {
			// One Bishkek participant left after the second day: a participation not completed.
			const completed = !(code === 'KG-GB' && i === count - 1);
			// In each oblast one graduate lives in a village and one in the town, so both kinds of council see trainees run.
			const region = !area.raions.length ? area.code : i === 0 ? rng.pick(area.raions).code : i === 1 ? area.code : homeRegion(rng, area);
			const background = completed ? backgrounds.pop()! : rng.weighted(GRADUATE_BACKGROUNDS);
			const person = b.addWoman(area, region, background, TOT_START, 'TOT participant');
			b.giveMemberships(person, true);
			b.addParticipation(tot, person, 'participant', completed);
			if (completed) graduates.push(person);
			else dropout = person;
		}
	}
	if (dropout) dropout.notes += ' Left the TOT after the second day (family reasons).';
	return { tot, graduates, facilitators };
}

function planStepDowns(b: DemoBuilder, graduates: DemoPerson[]): StepDownPlan[] {
	const { rng } = b;
	const firstLevel: StepDownPlan[] = [];
	const counts = new Map(graduates.map((g) => [g.key, rng.weighted<number>([[0, 0.12], [1, 0.73], [2, 0.15]])]));
	// Every oblast and both cities get at least one step-down.
	for (const area of AREAS) {
		const local = graduates.filter((g) => b.areaOf.get(g.key) === area);
		if (local.length && local.every((g) => counts.get(g.key) === 0)) counts.set(local[0].key, 1);
	}
	for (const leader of graduates) {
		const area = b.areaOf.get(leader.key)!;
		const n = counts.get(leader.key)!;
		const windows: Array<[string, string]> = n === 2 ? [['2012-04-05', '2012-05-25'], ['2012-06-10', '2012-08-24']] : n === 1 ? [['2012-04-05', '2012-08-24']] : [];
		for (const [from, to] of windows) {
			const start = addDays(from, rng.int(0, daysBetween(from, to)));
			const local = graduates.filter((g) => g !== leader && b.areaOf.get(g.key) === area);
			firstLevel.push({
				level: 1,
				area,
				region: leader.region,
				place: placeOf(area, leader.region),
				start,
				end: addDays(start, rng.int(0, 2)),
				size: rng.int(8, 18),
				leader,
				coFacilitator: local.length && rng.chance(0.25) ? rng.pick(local) : undefined
			});
		}
	}
	firstLevel.sort((x, y) => x.start.localeCompare(y.start) || x.region.localeCompare(y.region));

	// Second-level step-downs (July–October), each led by a trainee of an earlier step-down.
	const secondLevel = rng.sample(firstLevel, rng.int(9, 12)).map((parent): StepDownPlan => {
		const earliest = parent.end > '2012-06-16' ? addDays(parent.end, 15) : '2012-07-01';
		const start = addDays(earliest, rng.int(0, Math.max(0, daysBetween(earliest, '2012-10-20'))));
		return { level: 2, area: parent.area, region: parent.region, place: parent.place, start, end: addDays(start, rng.int(0, 1)), size: rng.int(8, 16), parent };
	});
	secondLevel.sort((x, y) => x.start.localeCompare(y.start) || x.region.localeCompare(y.region));

	// About 400 women reached in all: nudge the group sizes (kept within 8–18) towards the target.
	const plans = [...firstLevel, ...secondLevel];
	const target = rng.int(385, 415);
	let total = plans.reduce((sum, p) => sum + p.size, 0);
	while (total !== target) {
		const grow = total < target;
		const candidates = plans.filter((p) => (grow ? p.size < 18 : p.size > 8));
		if (!candidates.length) break;
		rng.pick(candidates).size += grow ? 1 : -1;
		total += grow ? 1 : -1;
	}
	return plans;
}

function runStepDown(b: DemoBuilder, plan: StepDownPlan, parentTraining: DemoTraining, completedIn: Map<string, DemoPerson[]>): void {
	const { rng } = b;
	const leader = plan.leader!;
	const ngo = b.ngoOf.get(leader.key);
	const language = languageOf(plan.area, plan.region);
	const title =
		language === 'ky'
			? `Лидерлик жана аялдардын саясатка катышуусу: каскаддык тренинг (${plan.place})`
			: `Лидерство и политическое участие женщин: каскадный тренинг (${plan.place})`;
	const training = b.addTraining({
		title,
		kind: 'step_down',
		start_date: plan.start,
		end_date: plan.end,
		region: plan.region,
		location: `${plan.place}, ${rng.pick(VENUES)}`,
		organizer: ngo ? { demo: ngo } : BIR_DUINO,
		curriculum: STEP_DOWN_CURRICULUM,
		language,
		parent: parentTraining.key,
		notes:
			plan.level === 1
				? 'Demo: step-down training led by a graduate of the March 2012 TOT in her own region.'
				: 'Demo: second-level step-down, led by a woman trained at an earlier step-down.',
		source: 'Demo: facilitator’s report and attendance sheet'
	});
	plan.training = training;
	b.addParticipation(training, leader, 'facilitator', true);
	if (plan.coFacilitator) b.addParticipation(training, plan.coFacilitator, 'facilitator', true);
	if (rng.chance(0.2)) {
		b.addEvent(training, 'meeting', plan.end, language === 'ky' ? 'Айыл өкмөтүнүн башчысы менен жолугушуу' : 'Встреча с главой местной администрации', 'Demo: participants presented their plans for the local elections.');
	}
	const completed: DemoPerson[] = [];
	for (let i = 0; i < plan.size; i++) {
		const person = b.addWoman(plan.area, plan.region, rng.weighted(TRAINEE_BACKGROUNDS), plan.start, 'step-down trainee');
		b.giveMemberships(person, false);
		const done = rng.chance(0.95);
		b.addParticipation(training, person, 'participant', done);
		if (done) completed.push(person);
		else person.notes += ' Attended the first day only.';
	}
	completedIn.set(training.key, completed);
}

function addCascade(b: DemoBuilder, tot: DemoTraining, graduates: DemoPerson[]): Map<string, DemoPerson[]> {
	const { rng } = b;
	const completedIn = new Map<string, DemoPerson[]>();
	const plans = planStepDowns(b, graduates);
	for (const plan of plans.filter((p) => p.level === 1)) runStepDown(b, plan, tot, completedIn);
	for (const plan of plans.filter((p) => p.level === 2)) {
		const parent = plan.parent!.training!;
		const pool = completedIn.get(parent.key)!;
		// Prefer a trainee who is not yet leading another second-level step-down.
		const free = pool.filter((p) => !plans.some((q) => q.leader === p));
		plan.leader = rng.pick(free.length ? free : pool);
		runStepDown(b, plan, parent, completedIn);
	}
	return completedIn;
}

interface ContestInfo {
	ref: ContestRef;
	key: string;
	seats: number;
	partyList: boolean;
	/** Seats won per party, for party-list contests. */
	partySeats: Map<string, number>;
	district: string | null;
}

function addContests(b: DemoBuilder) {
	const { rng } = b;
	const contests = new Map<string, ContestInfo>();
	contests.set('bishkek', {
		ref: BISHKEK_CONTEST,
		key: 'bishkek',
		seats: BISHKEK_SEAT_COUNT,
		partyList: true,
		partySeats: new Map(BISHKEK_SEATS),
		district: null
	});

	const cityContest = (area: DemoArea): ContestInfo => {
		const existing = contests.get(area.code);
		if (existing) return existing;
		const { names, seats } = area.cityKenesh!;
		const key = `c${b.data.contests.length + 1}`;
		b.data.contests.push({
			key,
			election_date: NOVEMBER_ELECTION,
			region: area.code,
			council_kind: 'city_kenesh',
			name_en: names[0],
			name_ru: names[1],
			name_ky: names[2],
			seats,
			electoral_system: 'party_list',
			district: null,
			source: 'Demo: Central Election Commission, list of keneshes elected on 25 November 2012',
			is_demo: true
		});
		// Seats among the parties over the 7% threshold, largest remainder, at least 3 each.
		const winners = rng.sample(PARTIES, rng.int(3, 5));
		const weights = winners.map(() => 0.6 + rng.next());
		const weightSum = weights.reduce((a, w) => a + w, 0);
		const spare = seats - 3 * winners.length;
		const exact = weights.map((w) => (spare * w) / weightSum);
		const allocated = exact.map((x) => 3 + Math.floor(x));
		const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((p, q) => q[0] - p[0]);
		const remainder = seats - allocated.reduce((a, s) => a + s, 0);
		for (let k = 0; k < remainder; k++) allocated[order[k][1]] += 1;
		const passingShare = 65 + rng.int(0, 200) / 10;
		const partySeats = new Map<string, number>();
		winners.forEach((party, i) => {
			partySeats.set(party, allocated[i]);
			b.data.party_results.push({
				contest: { demo: key },
				party: { reference: party },
				list_size: null,
				seats_won: allocated[i],
				votes: null,
				vote_share: Math.max(7.1, round1((passingShare * allocated[i]) / seats)),
				source: 'Demo: city election commission protocol',
				is_demo: true
			});
		});
		const info: ContestInfo = { ref: { demo: key }, key, seats, partyList: true, partySeats, district: null };
		contests.set(area.code, info);
		return info;
	};

	const districtContest = (area: DemoArea, raionCode: string, districtNo: number): ContestInfo => {
		const id = `${raionCode}#${districtNo}`;
		const existing = contests.get(id);
		if (existing) return existing;
		const raion = area.raions.find((r) => r.code === raionCode)!;
		const key = `c${b.data.contests.length + 1}`;
		const seats = rng.int(3, 5);
		b.data.contests.push({
			key,
			election_date: NOVEMBER_ELECTION,
			region: raionCode,
			council_kind: 'aiyl_kenesh',
			name_en: raion.aiylKenesh[0],
			name_ru: raion.aiylKenesh[1],
			name_ky: raion.aiylKenesh[2],
			seats,
			electoral_system: 'majoritarian',
			district: `№${districtNo}`,
			source: 'Demo: territorial election commission, list of electoral districts',
			is_demo: true
		});
		const info: ContestInfo = { ref: { demo: key }, key, seats, partyList: false, partySeats: new Map(), district: `№${districtNo}` };
		contests.set(id, info);
		return info;
	};

	return { contests, cityContest, districtContest };
}

const WITHDRAWAL_NOTES = [
	'Demo: withdrew for family reasons.',
	'Demo: withdrew after pressure from relatives; organizers offered support.',
	'Demo: withdrew in favour of a party colleague.'
];

function addCandidacies(b: DemoBuilder, graduates: DemoPerson[], trained: DemoPerson[]): void {
	const { rng } = b;
	const { contests, cityContest, districtContest } = addContests(b);
	const graduateKeys = new Set(graduates.map((g) => g.key));

	// Who runs: graduates most often; only women who live where a 25 November contest was held.
	const eligible = trained.filter((p) => {
		const area = b.areaOf.get(p.key)!;
		return p.region === 'KG-GB' || (p.region === area.code ? !!area.cityKenesh : true);
	});
	const target = rng.int(112, 128);
	const weightOf = (p: DemoPerson) => (graduateKeys.has(p.key) ? 4 : p.background === 'party' || p.background === 'ngo' ? 1.4 : 1);
	// Weighted sampling without replacement (Efraimidis–Spirakis): the largest u^(1/w) first.
	const ranked = eligible
		.map((p) => ({ p, score: Math.pow(rng.next(), 1 / weightOf(p)) }))
		.sort((x, y) => y.score - x.score)
		.map((x) => x.p);
	// First the best-ranked woman of each oblast's town and of its villages, so that every oblast has
	// both a city-kenesh and an aiyl-kenesh race; then the rest in rank order.
	const first = AREAS.flatMap((area) =>
		area.raions.length
			? [ranked.find((p) => p.region === area.code), ranked.find((p) => b.areaOf.get(p.key) === area && p.region !== area.code)]
			: []
	).filter((p): p is DemoPerson => !!p);
	const runners = [...new Set([...first, ...ranked])].slice(0, target);

	const drafts: CandidacyDraft[] = runners.map((person, i) => {
		const area = b.areaOf.get(person.key)!;
		const contest =
			person.region === 'KG-GB' ? contests.get('bishkek')! : person.region === area.code ? cityContest(area) : districtContest(area, person.region, rng.int(1, 7));
		return {
			contestKey: contest.key,
			partyList: contest.partyList,
			pending: false,
			row: {
				key: `k${i + 1}`,
				person: person.key,
				contest: contest.ref,
				party: null,
				list_position: null,
				district: contest.district,
				status: 'on_ballot',
				exit_stage: null,
				votes: null,
				vote_share: null,
				rank: null,
				elected: null,
				took_seat: null,
				source: contest.partyList ? 'Demo: city election commission protocol and party list' : 'Demo: district election commission protocol',
				notes: null,
				is_demo: true
			}
		};
	});

	// Most are on the ballot; a few left the race, a few records were never updated past an early stage.
	const statuses: CandidacyStatus[] = [
		...repeat<CandidacyStatus>('withdrawn', rng.int(4, 6)),
		...repeat<CandidacyStatus>('rejected', 2),
		...repeat<CandidacyStatus>('intending', rng.int(2, 3)),
		...repeat<CandidacyStatus>('nominated', rng.int(2, 3)),
		...repeat<CandidacyStatus>('registered', rng.int(2, 4))
	];
	rng.shuffle(drafts).forEach((d, i) => {
		const status = statuses[i] ?? 'on_ballot';
		const row = d.row;
		row.status = status;
		if (status === 'withdrawn') {
			row.exit_stage = rng.weighted<ExitStage>([['registered', 0.6], ['nominated', 0.3], ['on_ballot', 0.1]]);
			row.notes = rng.pick(WITHDRAWAL_NOTES);
			row.source = 'Demo: election commission decision';
		} else if (status === 'rejected') {
			row.exit_stage = 'nominated';
			row.notes = 'Demo: registration refused over missing documents.';
			row.source = 'Demo: election commission decision';
		} else if (status !== 'on_ballot') {
			row.source = 'Demo: organizer’s follow-up call (record not updated since)';
		}
	});
	const pendingPool = rng.shuffle(drafts.filter((d) => !d.partyList && d.row.status === 'on_ballot'));
	for (const d of pendingPool.slice(0, rng.int(3, 5))) {
		d.pending = true;
		d.row.notes = 'Demo: result under appeal; recount requested.';
	}

	const totals: TotalsDraft[] = [];
	for (const info of contests.values()) {
		const inContest = drafts.filter((d) => d.contestKey === info.key);
		if (inContest.length) totals.push(info.partyList ? listResults(b, info, inContest) : districtResults(b, info, inContest));
	}
	addContestTotals(b, totals);

	drafts.sort((x, y) => Number(x.row.key.slice(1)) - Number(y.row.key.slice(1)));
	for (const d of drafts) {
		if (d.row.elected) {
			d.row.took_seat = !rng.chance(0.04);
			if (!d.row.took_seat) d.row.notes = 'Demo: elected, but declined the mandate.';
		}
		b.data.candidacies.push(d.row);
	}
	addPartyMemberships(b);
	addCampaignActivities(b);
}

interface TotalsDraft {
	info: ContestInfo;
	candidates: number;
	womenCandidates: number;
	traineesElected: number;
	/** How many other (untracked) women could have won here without breaking the totals. */
	otherWomenCanWin: number;
	womenSeatsBefore: number;
}

/** Party lists: a party (mostly one that won seats), a position, and elected iff within its seats. */
function listResults(b: DemoBuilder, info: ContestInfo, drafts: CandidacyDraft[]): TotalsDraft {
	const { rng } = b;
	const winners = [...info.partySeats.keys()];
	const losers = PARTIES.filter((p) => !info.partySeats.has(p));
	const used = new Set<string>();
	for (const d of drafts) {
		const party = losers.length && rng.chance(0.2) ? rng.pick(losers) : rng.pick(winners);
		d.row.party = { reference: party };
		if (d.row.status === 'intending') continue;
		const seats = info.partySeats.get(party) ?? 0;
		let position: number;
		do {
			position = seats && rng.chance(0.35) ? rng.int(1, seats) : rng.int(seats + 1, seats + 30);
		} while (used.has(`${party}#${position}`));
		used.add(`${party}#${position}`);
		d.row.list_position = position;
		if (d.row.status === 'on_ballot') d.row.elected = position <= seats;
	}
	const onBallot = drafts.filter((d) => d.row.status === 'on_ballot');
	const elected = onBallot.filter((d) => d.row.elected).length;
	const candidates = info.key === 'bishkek' ? rng.int(650, 900) : info.seats * rng.int(7, 11);
	const womenCandidates = Math.max(onBallot.length, Math.round(candidates * (0.28 + rng.next() * 0.05)));
	return {
		info,
		candidates,
		womenCandidates,
		traineesElected: elected,
		otherWomenCanWin: Math.min(info.seats - elected, womenCandidates - onBallot.length),
		womenSeatsBefore: Math.round(info.seats * (0.1 + rng.next() * 0.1))
	};
}

function districtResults(b: DemoBuilder, info: ContestInfo, drafts: CandidacyDraft[]): TotalsDraft {
	const { rng } = b;
	const onBallot = drafts.filter((d) => d.row.status === 'on_ballot');
	const pending = onBallot.filter((d) => d.pending);
	const decided = onBallot.filter((d) => !d.pending);
	let seatsLeft = info.seats;
	const winners: CandidacyDraft[] = [];
	const losers: CandidacyDraft[] = [];
	for (const d of decided) {
		if (seatsLeft > 0 && rng.chance(0.42)) {
			winners.push(d);
			seatsLeft--;
		} else losers.push(d);
	}
	const candidates = info.seats + pending.length + losers.length + rng.int(2, 5);
	const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
	const ranks = new Map<CandidacyDraft, number>();
	rng.sample(range(1, info.seats), winners.length).forEach((r, i) => ranks.set(winners[i], r));
	pending.forEach((d, i) => ranks.set(d, info.seats + 1 + i));
	rng.sample(range(info.seats + pending.length + 1, candidates), losers.length).forEach((r, i) => ranks.set(losers[i], r));
	// Vote shares for the whole field, best first; each trainee takes the share of her rank.
	const weights = range(1, candidates).map(() => 0.15 + rng.next()).sort((x, y) => y - x);
	const weightSum = weights.reduce((a, w) => a + w, 0);
	const turnout = rng.int(1800, 6500);
	for (const [d, rank] of ranks) {
		const share = weights[rank - 1] / weightSum;
		d.row.rank = rank;
		d.row.votes = Math.round(turnout * share);
		d.row.vote_share = round1(share * 100);
		d.row.elected = d.pending ? null : winners.includes(d);
	}
	const otherWomen = rng.int(0, Math.min(2, candidates - onBallot.length));
	return {
		info,
		candidates,
		womenCandidates: onBallot.length + otherWomen,
		traineesElected: winners.length,
		// Seats a pending trainee may still win stay free.
		otherWomenCanWin: Math.min(otherWomen, seatsLeft - pending.length),
		womenSeatsBefore: rng.int(0, 1)
	};
}

/**
 * Official totals per contest. Other women's wins are spread over the contests so that women hold a
 * plausible share of all the seats (12% nationally in 2012), mostly in the city keneshes.
 */
function addContestTotals(b: DemoBuilder, drafts: TotalsDraft[]): void {
	const { rng } = b;
	const seats = drafts.reduce((sum, t) => sum + t.info.seats, 0);
	const traineesElected = drafts.reduce((sum, t) => sum + t.traineesElected, 0);
	const othersElected = new Map(drafts.map((t) => [t, 0]));
	for (let need = Math.round(seats * (0.13 + rng.next() * 0.04)) - traineesElected; need > 0; need--) {
		const open = drafts.filter((t) => othersElected.get(t)! < t.otherWomenCanWin);
		if (!open.length) break;
		const t = rng.weighted(open.map((t) => [t, t.info.partyList ? t.info.seats : t.info.seats * 0.3] as const));
		othersElected.set(t, othersElected.get(t)! + 1);
	}
	for (const t of drafts) {
		b.data.contest_totals.push({
			contest: t.info.ref,
			candidates: t.candidates,
			women_candidates: t.womenCandidates,
			women_elected: t.traineesElected + othersElected.get(t)!,
			women_seats_before: t.womenSeatsBefore,
			source: 'Demo: figures in the form of an election commission protocol (not official data)',
			is_demo: true
		});
	}
}

function addPartyMemberships(b: DemoBuilder): void {
	const { rng } = b;
	for (const c of b.data.candidacies) {
		if (!c.party || !('reference' in c.party) || !rng.chance(0.85)) continue;
		const start = addDays('2007-01-01', rng.int(0, daysBetween('2007-01-01', '2012-09-01')));
		b.data.memberships.push({
			person: c.person,
			organization: c.party,
			role: 'member',
			start_date: start,
			end_date: null,
			source: 'Demo: party membership list',
			is_demo: true
		});
	}
}

const ACTIVITY_WEIGHTS: ReadonlyArray<readonly [ActivityKind, number]> = [
	['meeting', 0.34], ['door_to_door', 0.24], ['social_media', 0.16], ['media', 0.16], ['debate', 0.05], ['other', 0.05]
];
const REACH: Record<ActivityKind, [number, number]> = {
	meeting: [20, 150], door_to_door: [30, 300], social_media: [100, 2000], media: [500, 5000], debate: [40, 200], other: [10, 40]
};

function addCampaignActivities(b: DemoBuilder): void {
	const { rng } = b;
	for (const c of b.data.candidacies) {
		if (!['on_ballot', 'registered', 'withdrawn'].includes(c.status) || !rng.chance(0.7)) continue;
		const last = c.status === 'withdrawn' ? '2012-11-10' : '2012-11-23';
		for (let i = rng.int(1, 4); i > 0; i--) {
			const kind = rng.weighted(ACTIVITY_WEIGHTS);
			const [low, high] = REACH[kind];
			b.data.campaign_activities.push({
				candidacy: c.key,
				kind,
				date: addDays('2012-10-25', rng.int(0, daysBetween('2012-10-25', last))),
				description: rng.pick(ACTIVITY_DESCRIPTIONS[kind]),
				people_reached: kind === 'media' && rng.chance(0.3) ? null : rng.int(low, high),
				source: 'Demo: candidate’s campaign report',
				is_demo: true
			});
		}
	}
}

function addRelationships(b: DemoBuilder, facilitators: DemoPerson[], graduates: DemoPerson[], completedIn: Map<string, DemoPerson[]>): void {
	const { rng, data } = b;
	// Mentors: TOT facilitators and step-down leaders keep advising some of the women they trained.
	for (const f of facilitators) {
		for (const g of rng.sample(graduates, rng.int(2, 4))) b.relate(f.key, g.key, 'mentor', TOT_START, 'Demo: kept advising her after the TOT.');
	}
	for (const t of data.trainings.filter((t) => t.kind === 'step_down')) {
		const leads = data.training_participants.filter((p) => p.training === t.key && p.role === 'facilitator').map((p) => p.person);
		for (const mentee of rng.sample(completedIn.get(t.key) ?? [], rng.int(1, 3))) b.relate(leads[0], mentee.key, 'mentor', t.start_date, null);
		if (leads.length > 1) b.relate(leads[0], leads[1], 'collaborator', t.start_date, 'Demo: co-facilitated a step-down training.');
	}
	// Collaborators: TOT graduates who kept working together across regions.
	for (let i = rng.int(18, 26); i > 0; i--) {
		const [x, y] = rng.sample(graduates, 2);
		b.relate(x.key, y.key, 'collaborator', addDays(TOT_END, rng.int(10, 150)), null);
	}
	// Colleagues: members of the same demo organization.
	for (const members of b.membersOf.values()) {
		for (const m of members) {
			if (rng.chance(0.6)) b.relate(m, rng.pick(members), 'colleague', null, null);
		}
	}
	// Campaign teams among candidates of the same contest; media contacts for candidates nearby.
	const byContest = new Map<string, string[]>();
	for (const c of data.candidacies) {
		const id = 'demo' in c.contest ? c.contest.demo : 'bishkek';
		byContest.set(id, [...(byContest.get(id) ?? []), c.person]);
	}
	for (const people of byContest.values()) {
		for (const p of people) {
			for (const other of rng.sample(people, rng.int(0, 2))) b.relate(p, other, 'campaign_team', '2012-09-24', null);
		}
	}
	const candidates = new Set(data.candidacies.map((c) => c.person));
	for (const journalist of data.people.filter((p) => p.background === 'media')) {
		const area = b.areaOf.get(journalist.key);
		const nearby = data.people.filter((p) => candidates.has(p.key) && b.areaOf.get(p.key) === area);
		for (const c of rng.sample(nearby, rng.int(1, 3))) b.relate(journalist.key, c.key, 'media_contact', '2012-10-01', null);
	}
}

const LIST_SOURCE = 'Demo: party list as registered by the city election commission';

/**
 * The registered lists of one party in each of the first two demo city keneshes with tracked list
 * candidates, for the quota check (no more than 70% of one sex): the first list recorded whole and
 * within the quota, the second only in part, so that the check says what is missing. Tracked
 * candidates sit at their own positions, as women.
 */
function addPartyLists(b: DemoBuilder): void {
	const { rng, data } = b;
	const cities = data.contests.filter((c) => c.electoral_system === 'party_list');
	let listed = 0;
	for (const contest of cities) {
		if (listed === 2) break;
		const onLists = data.candidacies.filter((c) => 'demo' in c.contest && c.contest.demo === contest.key && c.party && 'reference' in c.party && c.list_position !== null);
		const results = data.party_results.filter((r) => 'demo' in r.contest && r.contest.demo === contest.key);
		const byParty = results
			.map((r) => ({ result: r, tracked: onLists.filter((c) => 'reference' in c.party! && 'reference' in r.party && c.party.reference === r.party.reference) }))
			.filter((x) => x.tracked.length > 0)
			.sort((x, y) => y.tracked.length - x.tracked.length);
		if (!byParty.length) continue;
		const { result, tracked } = byParty[0];
		const size = Math.max(contest.seats, ...tracked.map((c) => c.list_position!));
		result.list_size = size;
		const women = new Map(tracked.map((c) => [c.list_position!, c.person]));
		const genders = Array.from({ length: size }, (_, i) => (women.has(i + 1) ? 'female' : rng.chance(0.3) ? 'female' : 'male') as 'female' | 'male');
		// Parties registered lists that kept the quota: top up women where a draw left too few.
		const free = rng.shuffle(genders.map((g, i) => (g === 'male' ? i : -1)).filter((i) => i >= 0));
		while (genders.filter((g) => g === 'female').length * 10 < size * 3) genders[free.pop()!] = 'female';
		const recorded = listed === 0 ? size : Math.ceil(size * 0.6);
		genders.forEach((gender, i) => {
			const position = i + 1;
			if (position > recorded && !women.has(position)) return;
			const person = women.get(position) ?? null;
			data.party_list_entries.push({
				contest: { demo: contest.key },
				party: result.party,
				position,
				gender,
				person,
				name: person ? data.people.find((p) => p.key === person)!.full_name : null,
				source: LIST_SOURCE,
				is_demo: true
			});
		});
		listed++;
	}
}

/** The demo dataset for a seed (default 2012). Pure and deterministic: same seed, deep-equal result. */
export function generateDemo(seed: number = DEFAULT_DEMO_SEED): DemoDataset {
	const b = new DemoBuilder(createRandom(seed), seed);
	b.addOrganizations();
	const { tot, graduates, facilitators } = addTot(b);
	const completedIn = addCascade(b, tot, graduates);
	const trained = [...graduates, ...[...completedIn.values()].flat()];
	addCandidacies(b, graduates, trained);
	addRelationships(b, facilitators, graduates, completedIn);
	// Drawn last, so that adding them left every earlier row of the dataset as it was.
	addPartyLists(b);
	return b.data;
}
