// The benchmark's fictional network, generated in memory as columns (one array per column) so that
// scripts/bench/data.ts can insert each table in a few big statements. Deterministic: the same size
// and seed give the same rows. Scaled from the size in people: at 300,000 people about 30,000
// trainings (the cascade), 645,000 participations, 355,000 relationships and 100,000 candidacies.
//
// Shape of the cascade: one programme per ~3,000 people, each opened by a TOT whose facilitators are
// master trainers; its step-down trainings descend from a random earlier training of the programme
// and are led by women who completed that parent training; participants come from the programme's
// own pool of people (a few from anywhere, which links programmes as real cascades are linked).
// Workshops stand alone, led by master trainers.

import { BACKGROUNDS } from '../../src/lib/domain/enums';
import { personColumns } from '../../src/lib/server/people/actions';
import type { PersonInput } from '../../src/lib/server/people/schema';
import { createRandom, type Random } from '../../src/lib/server/demo/random';
import { FAMILY_NAMES, GIVEN_NAMES, KYRGYZ_FATHERS, RUSSIAN_PATRONYMICS, type NameStyle } from '../../src/lib/server/demo/names';

/** A table's rows as columns: column name → [SQL element type, values]. */
export type Columns = Record<string, [type: string, values: unknown[]]>;

/** Regions the people live in, by country (id of the country → ids of its oblasts/cities and raions). */
export interface CountryRegions {
	countryId: number;
	/** Oblasts and cities: where city keneshes sit and trainings are held. */
	tops: number[];
	/** Raions: where aiyl keneshes sit. */
	raions: number[];
	/** Whether it is Kyrgyzstan (real parties, names in its three languages). */
	kyrgyzstan: boolean;
}

export interface BenchNetwork {
	people: Columns;
	organizations: Columns;
	memberships: Columns;
	trainings: Columns;
	participants: Columns;
	relationships: Columns;
	elections: Columns;
	contests: Columns;
	candidacies: Columns;
}

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const START = Date.UTC(2008, 0, 1);

/** Collects rows column by column. */
class Table {
	readonly columns: Columns = {};
	length = 0;
	constructor(types: Record<string, string>) {
		for (const [name, type] of Object.entries(types)) this.columns[name] = [type, []];
	}
	add(row: Record<string, unknown>) {
		for (const [name, [, values]] of Object.entries(this.columns)) values.push(row[name] ?? null);
		return ++this.length; // rows get ids 1, 2, 3, … in the order they are added
	}
}

/** A woman's name in one of the naming traditions, with the keys the app derives from it. */
function personName(random: Random) {
	const style = random.weighted<NameStyle>([['kyrgyz', 6], ['russian', 2], ['uzbek', 1]]);
	const given = random.pick(GIVEN_NAMES[style]);
	const family = random.pick(FAMILY_NAMES[style]);
	const patronymic = style === 'russian' ? random.pick(RUSSIAN_PATRONYMICS) : random.pick(KYRGYZ_FATHERS)[random.chance(0.5) ? 0 : 1];
	const kyzy = style !== 'russian' && !patronymic.endsWith('вна');
	const fullName = kyzy ? `${family} ${given} ${patronymic} кызы` : `${family} ${given} ${patronymic}`;
	return { fullName, given, family, patronymic: kyzy ? `${patronymic} кызы` : patronymic };
}

const KYRGYZ_PARTIES = ['СДПК', 'Ата Мекен', 'Республика', 'Ата-Журт', 'Бир Бол', 'Мекеним Кыргызстан'];
const ORGANIZATION_KINDS = ['ngo', 'ngo', 'ngo', 'university', 'media', 'government', 'donor', 'international'];

export function generateNetwork(size: number, seed: number, countries: CountryRegions[]): BenchNetwork {
	const random = createRandom(seed);
	const programmes = Math.max(2, Math.round(size / 3000));
	const trainingCount = Math.max(programmes * 3, Math.round(size / 10));
	const stepDownsPerProgramme = Math.floor(((trainingCount - programmes) * 0.8) / programmes);
	const workshops = trainingCount - programmes * (1 + stepDownsPerProgramme);
	const masters = programmes * 2;

	// Programme p's home country: the first 40% in Kyrgyzstan, the others spread over the rest.
	const kg = countries.find((c) => c.kyrgyzstan)!;
	const abroad = countries.filter((c) => !c.kyrgyzstan);
	const countryOf = (p: number) => (p < Math.ceil(programmes * 0.4) || !abroad.length ? kg : abroad[p % abroad.length]);

	// People: id i (from 1) belongs to programme (i - 1) % programmes and lives in its country.
	const people = new Table({
		full_name: 'text', name_latin: 'text', given_name: 'text', family_name: 'text', patronymic: 'text', gender: 'text',
		birth_year: 'int4', region_id: 'int4', background: 'text', languages: 'text', phone: 'text', email: 'text',
		consent_stored_at: 'date', consent_recorded_by: 'text', consent_public_name: 'bool', search_key: 'text', sort_key: 'text'
	});
	const keys = new Map<string, { name_latin: unknown; search_key: unknown; sort_key: unknown }>();
	const byCountry = new Map<number, number[]>();
	for (let i = 1; i <= size; i++) {
		const name = personName(random);
		let derived = keys.get(name.fullName);
		if (!derived) {
			const columns = personColumns({ full_name: name.fullName, source: null } as unknown as PersonInput);
			derived = { name_latin: columns.name_latin, search_key: columns.search_key, sort_key: columns.sort_key };
			keys.set(name.fullName, derived);
		}
		const country = countryOf((i - 1) % programmes);
		const region = random.chance(0.7) ? random.pick(country.raions) : random.pick(country.tops);
		if (i > masters) (byCountry.get(country.countryId) ?? byCountry.set(country.countryId, []).get(country.countryId)!).push(i);
		const consent = random.chance(0.8);
		people.add({
			full_name: name.fullName, given_name: name.given, family_name: name.family, patronymic: name.patronymic, ...derived,
			gender: 'female', birth_year: random.int(1950, 2004), region_id: region, background: random.pick(BACKGROUNDS),
			languages: random.chance(0.6) ? 'ky,ru' : 'ru',
			phone: random.chance(0.6) ? `+996 ${random.int(500, 799)} ${String(random.int(0, 999_999)).padStart(6, '0')}` : null,
			email: random.chance(0.3) ? `person${i}@example.org` : null,
			consent_stored_at: consent ? iso(START + random.int(0, 6000) * DAY) : null,
			consent_recorded_by: consent ? 'bench' : null,
			consent_public_name: consent && random.chance(0.5)
		});
	}

	// Organizations: six parties per country, and NGOs, universities, media … (organizers of trainings).
	const organizations = new Table({ name: 'text', short_name: 'text', kind: 'text', region_id: 'int4' });
	const parties = new Map<number, number[]>();
	for (const country of countries) {
		const names = country.kyrgyzstan ? KYRGYZ_PARTIES : Array.from({ length: 6 }, (_, k) => `Партия ${country.countryId}-${k + 1}`);
		parties.set(country.countryId, names.map((name) => organizations.add({ name, kind: 'party', region_id: country.countryId })));
	}
	const organizers: number[] = [];
	for (let k = 1; k <= Math.max(10, Math.round(size / 150)); k++) {
		const kind = random.pick(ORGANIZATION_KINDS);
		const id = organizations.add({ name: `Организация ${k}`, kind, region_id: random.pick(countries).countryId });
		if (kind === 'ngo') organizers.push(id);
	}

	// Trainings and who took part: the cascade.
	const trainings = new Table({
		title: 'text', kind: 'text', start_date: 'date', end_date: 'date', region_id: 'int4', organizer_id: 'int4',
		curriculum: 'text', language: 'text', parent_training_id: 'int4'
	});
	const participants = new Table({ training_id: 'int4', person_id: 'int4', role: 'text', completed: 'bool' });
	const relationships = new Table({ person_id: 'int4', other_person_id: 'int4', kind: 'text' });
	const tieKeys = new Set<string>();
	const tie = (a: number, b: number, kind: string) => {
		const key = `${a},${b},${kind}`;
		if (a === b || tieKeys.has(key)) return;
		tieKeys.add(key);
		relationships.add({ person_id: a, other_person_id: b, kind });
	};
	const anyone = () => random.int(masters + 1, size);
	// Each woman's cascade level: that of the first cascade training she took part in (a TOT is level 1).
	// She joins another cascade training only if it is no deeper than her level, and facilitates only
	// after a training at her own level: every "trained" tie runs from a lower level to a higher one,
	// so the cascade has no cycles (real data has few).
	const levelOf = new Uint8Array(size + 1);
	const addTraining = (row: Record<string, unknown>, facilitators: number[], pick: () => number, count: number, level: number | null) => {
		const id = trainings.add(row);
		const taken = new Set(facilitators);
		for (const f of facilitators) participants.add({ training_id: id, person_id: f, role: 'facilitator', completed: true });
		const completed: number[] = [];
		for (let k = 0; k < count; k++) {
			let person = pick();
			for (let tries = 0; level !== null && levelOf[person] && levelOf[person] < level && tries < 5; tries++) person = pick();
			if (taken.has(person) || (level !== null && levelOf[person] && levelOf[person] < level)) continue;
			taken.add(person);
			if (level !== null && !levelOf[person]) levelOf[person] = level;
			const done = random.chance(0.9);
			if (done) completed.push(person);
			participants.add({ training_id: id, person_id: person, role: 'participant', completed: done });
		}
		return { id, completed };
	};
	const blockSize = Math.ceil((size - masters) / programmes);
	for (let p = 0; p < programmes; p++) {
		const country = countryOf(p);
		// The programme's people (its own pool), visited in a shuffled order, round and round.
		const pool: number[] = [];
		for (let i = p + 1; i <= size; i += programmes) if (i > masters) pool.push(i);
		const order = random.shuffle(pool.length ? pool : [anyone()]);
		let next = 0;
		const pick = () => (random.chance(0.03) ? anyone() : order[next++ % order.length]);
		const opened = START + Math.floor((p * 16 * 365 * DAY) / programmes);
		const where = () => ({ region_id: random.pick(country.tops), organizer_id: random.pick(organizers), language: random.chance(0.6) ? 'ky' : 'ru' });
		const levels: { id: number; level: number; completed: number[] }[] = [];
		const tot = addTraining(
			{ title: `ТОТ ${p + 1}: лидерство женщин`, kind: 'tot', start_date: iso(opened), end_date: iso(opened + 4 * DAY), curriculum: 'ТОТ', ...where() },
			[1 + ((2 * p) % masters), 1 + ((2 * p + 1) % masters)],
			pick,
			25,
			1
		);
		levels.push({ ...tot, level: 1 });
		for (let k = 1; k <= stepDownsPerProgramme; k++) {
			const parent = random.pick(levels);
			const eligible = parent.completed.filter((id) => levelOf[id] === parent.level);
			const facilitators = eligible.length ? random.sample(eligible, random.int(1, 2)) : [1 + ((2 * p) % masters)];
			const start = opened + 30 * DAY + Math.floor((k * 3 * 365 * DAY) / stepDownsPerProgramme);
			const training = addTraining(
				{ title: `Каскад ${p + 1}.${k}`, kind: 'step_down', start_date: iso(start), end_date: iso(start + random.int(0, 2) * DAY), curriculum: 'Каскад', parent_training_id: parent.id, ...where() },
				facilitators,
				pick,
				random.int(15, 25),
				parent.level + 1
			);
			levels.push({ ...training, level: parent.level + 1 });
			// A facilitator mentors some of the women she trained.
			for (const mentee of random.sample(training.completed, 2)) tie(facilitators[0], mentee, 'mentor');
		}
		// Colleagues and collaborators within the programme's pool.
		for (let k = 0; k < blockSize * 0.85; k++) tie(random.pick(order), random.pick(order), random.chance(0.6) ? 'colleague' : 'collaborator');
	}
	for (let w = 1; w <= workshops; w++) {
		const country = random.pick(countries);
		const start = START + random.int(0, 17 * 365) * DAY;
		addTraining(
			{ title: `Семинар ${w}`, kind: 'workshop', start_date: iso(start), end_date: iso(start + DAY), region_id: random.pick(country.tops), organizer_id: random.pick(organizers), curriculum: 'Семинар', language: 'ru' },
			[random.int(1, masters)],
			anyone,
			random.int(15, 25),
			null
		);
	}
	for (let k = 0; k < size * 0.07; k++) tie(anyone(), anyone(), 'media_contact');

	// Elections: local ones in every country, the last of each still being counted.
	const elections = new Table({ name_en: 'text', name_ru: 'text', name_ky: 'text', date: 'date', level: 'text', kind: 'text', country_id: 'int4' });
	const contests = new Table({ election_id: 'int4', region_id: 'int4', council_kind: 'text', name_en: 'text', name_ru: 'text', name_ky: 'text', seats: 'int4', electoral_system: 'text' });
	const contestInfo: { country: number; partyList: boolean; pending: boolean; seats: number }[] = [];
	for (const country of countries) {
		const years = country.kyrgyzstan ? [2008, 2012, 2016, 2021, 2026] : random.sample([2010, 2014, 2018, 2022], 3).concat(2026).sort();
		for (const year of years) {
			const date = `${year}-${year === 2026 ? '11-15' : '10-01'}`;
			const election = elections.add({
				name_en: `Local elections ${year} (${country.countryId})`, name_ru: `Местные выборы ${year} (${country.countryId})`, name_ky: `Жергиликтүү шайлоо ${year} (${country.countryId})`,
				date, level: 'local', kind: 'regular', country_id: country.countryId
			});
			for (const [regions, partyList] of [[country.tops, true], [country.raions, false]] as const) {
				for (const region of regions) {
					const seats = partyList ? random.int(21, 45) : random.int(7, 21);
					contests.add({
						election_id: election, region_id: region, council_kind: partyList ? 'city_kenesh' : 'aiyl_kenesh',
						name_en: `Council ${region}`, name_ru: `Кенеш ${region}`, name_ky: `Кеңеш ${region}`, seats, electoral_system: partyList ? 'party_list' : 'majoritarian'
					});
					contestInfo.push({ country: country.countryId, partyList, pending: year === 2026, seats });
				}
			}
		}
	}

	// Candidacies: ~15 tracked women per contest, from the contest's country.
	const candidacies = new Table({
		person_id: 'int4', contest_id: 'int4', party_id: 'int4', list_position: 'int4', status: 'text', exit_stage: 'text',
		votes: 'int4', vote_share: 'numeric', rank: 'int4', elected: 'bool', took_seat: 'bool'
	});
	const memberships = new Table({ person_id: 'int4', organization_id: 'int4', role: 'text' });
	const memberKeys = new Set<string>();
	const member = (person: number, organization: number, role: string) => {
		if (memberKeys.has(`${person},${organization}`)) return;
		memberKeys.add(`${person},${organization}`);
		memberships.add({ person_id: person, organization_id: organization, role });
	};
	const perContest = Math.max(1, Math.round(size / 3 / contestInfo.length));
	contestInfo.forEach((contest, index) => {
		const pool = byCountry.get(contest.country);
		if (!pool) return; // a small network lives in fewer countries than there are
		const team: number[] = [];
		for (const person of new Set(Array.from({ length: random.int(perContest - 5 > 0 ? perContest - 5 : 1, perContest + 5) }, () => random.pick(pool)))) {
			const status = random.weighted([['on_ballot', 60], ['registered', 10], ['nominated', 5], ['intending', 5], ['withdrawn', 10], ['rejected', 10]] as const);
			const onBallot = status === 'on_ballot';
			const decided = onBallot && !(contest.pending && random.chance(0.7)) && !random.chance(0.03);
			const elected = decided ? random.chance(0.35) : null;
			const party = contest.partyList || random.chance(0.3) ? random.pick(parties.get(contest.country)!) : null;
			candidacies.add({
				person_id: person, contest_id: index + 1, party_id: party, list_position: contest.partyList && party ? random.int(1, 50) : null,
				status, exit_stage: status === 'withdrawn' || status === 'rejected' ? random.pick(['intending', 'nominated', 'registered', 'on_ballot']) : null,
				votes: decided ? random.int(50, 5000) : null, vote_share: decided ? Math.round(random.next() * 6000) / 100 : null,
				rank: decided ? random.int(1, 40) : null, elected, took_seat: elected ? random.chance(0.95) : null
			});
			if (party) member(person, party, 'member');
			team.push(person);
		}
		for (let k = 0; k + 1 < team.length; k += 4) tie(team[k], team[k + 1], 'campaign_team');
	});
	for (let k = 0; k < size / 10; k++) member(anyone(), random.pick(organizers), 'volunteer');

	return {
		people: people.columns,
		organizations: organizations.columns,
		memberships: memberships.columns,
		trainings: trainings.columns,
		participants: participants.columns,
		relationships: relationships.columns,
		elections: elections.columns,
		contests: contests.columns,
		candidacies: candidacies.columns
	};
}
