import { describe, expect, it, vi } from 'vitest';
import {
	BISHKEK_CONTEST,
	DEMO_TABLES,
	TOT_TITLE,
	demoCounts,
	generateDemo,
	type ContestRef,
	type DemoDataset,
	type DemoTraining
} from '../../src/lib/server/demo/generate';
import { createRandom } from '../../src/lib/server/demo/random';
import { searchKey, sortKey, transliterate } from '../../src/lib/domain/names';

const OBLASTS_AND_CITIES = ['KG-B', 'KG-C', 'KG-Y', 'KG-J', 'KG-N', 'KG-O', 'KG-T', 'KG-GB', 'KG-GO'];
// The reference allocation in migrations/2026-11-27_002_reference_data.ts.
const BISHKEK_SEATS = new Map([['SDPK', 21], ['Respublika', 11], ['Ata-Meken', 7], ['Zamandash', 6]]);

/** 'KG-N-KOC' → 'KG-N': the oblast or city a region code belongs to. */
const areaOf = (code: string) => code.split('-').slice(0, 2).join('-');
const contestId = (ref: ContestRef) => ('demo' in ref ? ref.demo : `${ref.reference.name_en}|${ref.reference.election_date}`);

/** Facts derived from a dataset the way an independent reader of it would derive them. */
function analyse(d: DemoDataset) {
	const trainings = new Map(d.trainings.map((t) => [t.key, t]));
	const tot = d.trainings.find((t) => t.kind === 'tot')!;
	const stepDowns = d.trainings.filter((t) => t.kind === 'step_down');
	const depth = (t: DemoTraining): number => (t.parent === null ? 0 : 1 + depth(trainings.get(t.parent)!));
	const completedBy = new Map<string, DemoTraining[]>();
	for (const p of d.training_participants) {
		if (p.role === 'participant' && p.completed) completedBy.set(p.person, [...(completedBy.get(p.person) ?? []), trainings.get(p.training)!]);
	}
	// Cascade level of a woman: 1 for a TOT graduate, 2 for her trainees, 3 for theirs.
	const level = new Map([...completedBy].map(([person, ts]) => [person, 1 + Math.min(...ts.map(depth))]));
	const graduates = d.training_participants.filter((p) => p.training === tot.key && p.role === 'participant' && p.completed).map((p) => p.person);
	const reached = new Set(
		d.training_participants.filter((p) => p.role === 'participant' && trainings.get(p.training)!.kind === 'step_down').map((p) => p.person)
	);
	const contests = new Map(d.contests.map((c) => [c.key, c]));
	const seatsOf = (ref: ContestRef) => ('demo' in ref ? contests.get(ref.demo)!.seats : 45);
	return { trainings, tot, stepDowns, depth, completedBy, level, graduates, reached, contests, seatsOf };
}

describe('demo generator: determinism', () => {
	it('gives a deep-equal dataset for the same seed, 2012 by default', () => {
		const a = generateDemo(2012);
		expect(generateDemo(2012)).toEqual(a);
		expect(generateDemo()).toEqual(a);
	});

	it('gives a different dataset for a different seed', () => {
		const a = generateDemo(2012);
		const b = generateDemo(2013);
		expect(b).not.toEqual(a);
		expect(b.people.map((p) => p.full_name)).not.toEqual(a.people.map((p) => p.full_name));
	});

	it('never calls Math.random', () => {
		const spy = vi.spyOn(Math, 'random');
		try {
			generateDemo(5);
			expect(spy).not.toHaveBeenCalled();
		} finally {
			spy.mockRestore();
		}
	});

	it('the seeded generator repeats itself and stays in range', () => {
		const a = createRandom(1);
		const b = createRandom(1);
		const draws = Array.from({ length: 200 }, () => a.int(3, 7));
		expect(Array.from({ length: 200 }, () => b.int(3, 7))).toEqual(draws);
		expect(new Set(draws)).toEqual(new Set([3, 4, 5, 6, 7]));
		expect(a.shuffle([1, 2, 3, 4, 5]).sort()).toEqual([1, 2, 3, 4, 5]);
		expect(new Set(a.sample([1, 2, 3, 4, 5], 3)).size).toBe(3);
		expect(Array.from({ length: 50 }, () => a.weighted([['never', 0], ['always', 1]] as const))).not.toContain('never');
	});
});

describe.each([2012, 7, 20260601])('demo generator invariants, seed %i', (seed) => {
	const d = generateDemo(seed);
	const f = analyse(d);

	it('has the real March 2012 TOT with its parliament visit and closing press conference', () => {
		expect(d.trainings.filter((t) => t.kind === 'tot')).toHaveLength(1);
		expect(f.tot).toMatchObject({
			title: TOT_TITLE,
			start_date: '2012-03-23',
			end_date: '2012-03-27',
			region: 'KG-GB',
			organizer: { reference: 'Bir Duino Kyrgyzstan' },
			language: 'ru',
			parent: null
		});
		expect(f.tot.notes).toContain('Citizens Against Corruption');
		expect(f.tot.curriculum).toContain('Leading to Choices');
		expect(f.tot.source).toContain("Women's Learning Partnership");
		const events = d.training_events.filter((e) => e.training === f.tot.key);
		const visit = events.find((e) => e.kind === 'visit')!;
		expect(visit.title).toContain('Jogorku Kenesh');
		expect(visit.description).toMatch(/Aknazarova.*Zheenbekov/);
		expect(events.find((e) => e.kind === 'press_conference')?.date).toBe('2012-03-27');
		expect(events.find((e) => e.kind === 'session')?.date).toBe('2012-03-23');
	});

	it('has 4 facilitators from Jordan, Kazakhstan, Uzbekistan and Kyrgyzstan', () => {
		const facilitators = d.training_participants.filter((p) => p.training === f.tot.key && p.role === 'facilitator');
		expect(facilitators).toHaveLength(4);
		const regions = facilitators.map((p) => d.people.find((x) => x.key === p.person)!.region);
		expect(regions.slice(0, 3).sort()).toEqual(['JO', 'KZ', 'UZ']);
		expect(regions[3]).toMatch(/^KG/);
	});

	it('has 20–30 TOT graduates from all 7 oblasts and both cities, nearly all completing', () => {
		const participants = d.training_participants.filter((p) => p.training === f.tot.key && p.role === 'participant');
		expect(f.graduates.length).toBeGreaterThanOrEqual(20);
		expect(f.graduates.length).toBeLessThanOrEqual(30);
		expect(participants.length - f.graduates.length).toBeLessThanOrEqual(2);
		const areas = new Set(f.graduates.map((k) => areaOf(d.people.find((p) => p.key === k)!.region)));
		expect([...areas].sort()).toEqual([...OBLASTS_AND_CITIES].sort());
		const backgrounds = new Set(f.graduates.map((k) => d.people.find((p) => p.key === k)!.background));
		for (const b of ['youth_activist', 'ngo', 'government']) expect(backgrounds).toContain(b);
	});

	it('reaches 350–450 women through step-downs of 8–18 participants, with some not completing', () => {
		expect(f.reached.size).toBeGreaterThanOrEqual(350);
		expect(f.reached.size).toBeLessThanOrEqual(450);
		for (const t of f.stepDowns) {
			const n = d.training_participants.filter((p) => p.training === t.key && p.role === 'participant').length;
			expect(n, t.key).toBeGreaterThanOrEqual(8);
			expect(n, t.key).toBeLessThanOrEqual(18);
		}
		const notCompleted = d.training_participants.filter((p) => f.trainings.get(p.training)!.kind === 'step_down' && !p.completed);
		expect(notCompleted.length).toBeGreaterThan(0);
		expect(notCompleted.length).toBeLessThan(f.reached.size * 0.1);
	});

	it('every step-down facilitator completed a training that ended before the step-down started', () => {
		for (const t of f.stepDowns) {
			const facilitators = d.training_participants.filter((p) => p.training === t.key && p.role === 'facilitator');
			expect(facilitators.length, t.key).toBeGreaterThan(0);
			for (const fac of facilitators) {
				const earlier = (f.completedBy.get(fac.person) ?? []).filter((c) => c.end_date < t.start_date);
				expect(earlier.length, `${fac.person} leading ${t.key}`).toBeGreaterThan(0);
			}
			// The cascade's parent is the training the lead facilitator completed.
			const lead = facilitators[0].person;
			expect(f.completedBy.get(lead)!.map((c) => c.key)).toContain(t.parent);
			expect(f.trainings.get(t.parent!)!.end_date < t.start_date).toBe(true);
		}
	});

	it('has a three-level cascade, with a step-down in every oblast and both cities', () => {
		expect([...new Set(f.level.values())].sort()).toEqual([1, 2, 3]);
		expect(Math.max(...d.trainings.map(f.depth))).toBe(2);
		for (const t of f.stepDowns) {
			const d1 = f.depth(t);
			const lead = d.training_participants.find((p) => p.training === t.key && p.role === 'facilitator')!.person;
			expect(f.level.get(lead), t.key).toBe(d1);
			if (d1 === 1) {
				expect(t.start_date >= '2012-04-01' && t.end_date <= '2012-08-31', t.start_date).toBe(true);
			} else {
				expect(t.start_date >= '2012-07-01' && t.end_date <= '2012-10-31', t.start_date).toBe(true);
			}
		}
		const areas = new Set(f.stepDowns.map((t) => areaOf(t.region)));
		expect([...areas].sort()).toEqual([...OBLASTS_AND_CITIES].sort());
	});

	it('records each person at most once per training', () => {
		const pairs = d.training_participants.map((p) => `${p.training}|${p.person}`);
		expect(new Set(pairs).size).toBe(pairs.length);
	});

	it('has 100–140 candidacies, all of women with a completed participation, once per contest', () => {
		expect(d.candidacies.length).toBeGreaterThanOrEqual(100);
		expect(d.candidacies.length).toBeLessThanOrEqual(140);
		for (const c of d.candidacies) expect(f.completedBy.has(c.person), c.person).toBe(true);
		const pairs = d.candidacies.map((c) => `${c.person}|${contestId(c.contest)}`);
		expect(new Set(pairs).size).toBe(pairs.length);
		expect(new Set(d.candidacies.map((c) => c.key)).size).toBe(d.candidacies.length);
	});

	it('has pending, decided, withdrawn, rejected and early-stage candidacies', () => {
		const count = (pred: (c: DemoDataset['candidacies'][number]) => boolean) => d.candidacies.filter(pred).length;
		expect(count((c) => c.status === 'on_ballot' && c.elected === null)).toBeGreaterThanOrEqual(2);
		expect(count((c) => c.elected === true)).toBeGreaterThan(10);
		expect(count((c) => c.elected === false)).toBeGreaterThan(10);
		expect(count((c) => c.status === 'withdrawn')).toBeGreaterThanOrEqual(2);
		expect(count((c) => c.status === 'rejected')).toBeGreaterThanOrEqual(1);
		for (const s of ['intending', 'nominated', 'registered']) expect(count((c) => c.status === s), s).toBeGreaterThan(0);
		expect(count((c) => c.status === 'on_ballot')).toBeGreaterThan(d.candidacies.length * 0.7);
	});

	it('keeps the database CHECK rules on every candidacy', () => {
		for (const c of d.candidacies) {
			if (c.elected !== null) expect(c.status, c.key).toBe('on_ballot');
			if (c.took_seat !== null) expect(c.elected, c.key).toBe(true);
			expect(c.exit_stage !== null, c.key).toBe(c.status === 'withdrawn' || c.status === 'rejected');
			expect(c.source).toMatch(/^Demo: /);
			if (c.list_position !== null) expect(c.list_position).toBeGreaterThan(0);
			if (c.vote_share !== null) expect(c.vote_share >= 0 && c.vote_share <= 100).toBe(true);
			if (c.rank !== null) expect(c.rank).toBeGreaterThan(0);
		}
	});

	it('gives party-list candidacies a party and position, district ones votes and a rank, consistent with the seats', () => {
		const partySeats = new Map<string, Map<string, number>>([[contestId(BISHKEK_CONTEST), BISHKEK_SEATS]]);
		for (const r of d.party_results) {
			const id = contestId(r.contest);
			const party = 'reference' in r.party ? r.party.reference : r.party.demo;
			partySeats.set(id, new Map([...(partySeats.get(id) ?? []), [party, r.seats_won]]));
		}
		for (const [id, seats] of partySeats) {
			const total = [...seats.values()].reduce((a, b) => a + b, 0);
			if (id !== contestId(BISHKEK_CONTEST)) expect(total, id).toBe(f.contests.get(id)!.seats);
		}
		const ranks = new Map<string, number[]>();
		for (const c of d.candidacies) {
			const contest = 'demo' in c.contest ? f.contests.get(c.contest.demo) : undefined;
			const partyList = !contest || contest.electoral_system === 'party_list';
			if (partyList) {
				expect(c.party, c.key).not.toBeNull();
				expect(c.votes).toBeNull();
				expect(c.district).toBeNull();
				if (c.status !== 'intending') expect(c.list_position, c.key).not.toBeNull();
				if (c.elected !== null) {
					const party = 'reference' in c.party! ? c.party.reference : '';
					const won = partySeats.get(contestId(c.contest))!.get(party) ?? 0;
					expect(c.elected, c.key).toBe(c.list_position! <= won);
				}
			} else {
				expect(c.district).toBe(contest!.district);
				if (c.status === 'on_ballot') {
					expect(c.votes, c.key).toBeGreaterThan(0);
					expect(c.vote_share, c.key).toBeGreaterThan(0);
					if (c.elected === true) expect(c.rank!).toBeLessThanOrEqual(contest!.seats);
					if (c.elected === false) expect(c.rank!).toBeGreaterThan(contest!.seats);
					ranks.set(contest!.key, [...(ranks.get(contest!.key) ?? []), c.rank!]);
				} else {
					expect(c.votes).toBeNull();
				}
			}
		}
		for (const [key, list] of ranks) expect(new Set(list).size, key).toBe(list.length);
	});

	it('holds its demo contests on 25 November 2012, named in three languages, none of the March ones', () => {
		expect(d.contests.length).toBeGreaterThan(10);
		const cities = d.contests.filter((c) => c.council_kind === 'city_kenesh');
		const villages = d.contests.filter((c) => c.council_kind === 'aiyl_kenesh');
		// Trainees ran for a city kenesh and for an aiyl kenesh in every oblast.
		const oblasts = OBLASTS_AND_CITIES.filter((code) => !code.startsWith('KG-G')).sort();
		expect(cities.map((c) => c.region).sort()).toEqual(oblasts);
		expect([...new Set(villages.map((c) => areaOf(c.region)))].sort()).toEqual(oblasts);
		for (const c of d.contests) {
			expect(c.election_date).toBe('2012-11-25');
			expect(['Osh City Kenesh', 'Karakol City Kenesh', 'Tokmok City Kenesh', 'Bishkek City Kenesh']).not.toContain(c.name_en);
			expect(c.name_ru).toMatch(/кенеш$/);
			expect(c.name_ky).toMatch(/кеңеши$/);
			expect(c.seats).toBeGreaterThan(0);
		}
		for (const c of cities) expect([c.electoral_system, c.district]).toEqual(['party_list', null]);
		for (const c of villages) {
			expect(c.electoral_system).toBe('majoritarian');
			expect(c.district).toMatch(/^№\d+$/);
			expect(c.name_en).toMatch(/Aiyl Kenesh$/);
		}
		const contestKeys = new Set(d.contests.map((c) => c.key));
		const used = new Set(d.candidacies.map((c) => contestId(c.contest)));
		expect(used).toContain(contestId(BISHKEK_CONTEST));
		for (const id of used) if (!id.includes('|')) expect(contestKeys).toContain(id);
	});

	it('has official totals for each contest used, consistent with the trainees in it', () => {
		const totals = new Map(d.contest_totals.map((t) => [contestId(t.contest), t]));
		expect(totals.size).toBe(d.contest_totals.length);
		let seats = 0;
		let womenElected = 0;
		let otherWomenRunning = 0;
		let traineesDecided = 0;
		let traineesWon = 0;
		for (const id of new Set(d.candidacies.map((c) => contestId(c.contest)))) {
			const t = totals.get(id)!;
			expect(t, id).toBeDefined();
			const ref = d.candidacies.find((c) => contestId(c.contest) === id)!.contest;
			const mine = d.candidacies.filter((c) => contestId(c.contest) === id);
			const onBallot = mine.filter((c) => c.status === 'on_ballot').length;
			const won = mine.filter((c) => c.elected === true).length;
			expect(t.candidates).toBeGreaterThanOrEqual(t.women_candidates);
			expect(t.women_candidates, id).toBeGreaterThanOrEqual(onBallot);
			expect(t.women_elected, id).toBeGreaterThanOrEqual(won);
			expect(t.women_elected).toBeLessThanOrEqual(Math.min(f.seatsOf(ref), t.women_candidates));
			expect(t.source).toMatch(/^Demo: /);
			seats += f.seatsOf(ref);
			womenElected += t.women_elected;
			otherWomenRunning += t.women_candidates - onBallot;
			traineesDecided += mine.filter((c) => c.elected !== null).length;
			traineesWon += won;
		}
		expect(totals.size).toBe(new Set(d.candidacies.map((c) => contestId(c.contest))).size);
		// Women's share of the seats is plausible for 2012 (12% nationally) …
		expect(womenElected / seats).toBeGreaterThanOrEqual(0.1);
		expect(womenElected / seats).toBeLessThanOrEqual(0.2);
		// … and trained women win more often than the other women in the same contests.
		expect(traineesWon / traineesDecided).toBeGreaterThan((womenElected - traineesWon) / otherWomenRunning);
	});

	it('has campaign activities for many candidacies, during the campaign', () => {
		const withActivity = new Set(d.campaign_activities.map((a) => a.candidacy));
		expect(withActivity.size).toBeGreaterThan(d.candidacies.length / 2);
		const keys = new Set(d.candidacies.map((c) => c.key));
		for (const a of d.campaign_activities) {
			expect(keys).toContain(a.candidacy);
			expect(a.date >= '2012-09-24' && a.date < '2012-11-25').toBe(true);
		}
		expect(new Set(d.campaign_activities.map((a) => a.kind))).toEqual(new Set(['meeting', 'media', 'social_media', 'door_to_door', 'debate', 'other']));
	});

	it('has 250–400 person-to-person ties of every kind, without self-ties or duplicates', () => {
		expect(d.relationships.length).toBeGreaterThanOrEqual(250);
		expect(d.relationships.length).toBeLessThanOrEqual(400);
		expect(new Set(d.relationships.map((r) => r.kind))).toEqual(new Set(['mentor', 'colleague', 'collaborator', 'campaign_team', 'media_contact']));
		const seen = new Set<string>();
		const facilitated = new Set(d.training_participants.filter((p) => p.role === 'facilitator').map((p) => `${p.training}|${p.person}`));
		for (const r of d.relationships) {
			expect(r.person).not.toBe(r.other_person);
			const key = `${r.person}|${r.other_person}|${r.kind}`;
			expect(seen.has(key), key).toBe(false);
			if (r.kind !== 'mentor') expect(seen.has(`${r.other_person}|${r.person}|${r.kind}`), key).toBe(false);
			seen.add(key);
			if (r.kind === 'mentor') {
				// A mentor facilitated a training her mentee took part in.
				const taught = d.training_participants.some((p) => p.person === r.other_person && p.role === 'participant' && facilitated.has(`${p.training}|${r.person}`));
				expect(taught, key).toBe(true);
			}
		}
		const candidates = new Set(d.candidacies.map((c) => c.person));
		for (const r of d.relationships.filter((r) => r.kind === 'campaign_team')) {
			expect(candidates.has(r.person) && candidates.has(r.other_person)).toBe(true);
		}
	});

	it('has demo NGOs, universities and media with memberships, and party memberships of list candidates', () => {
		const kinds = d.organizations.map((o) => o.kind);
		expect(kinds.filter((k) => k === 'ngo').length).toBeGreaterThanOrEqual(10);
		expect(kinds.filter((k) => k === 'university').length).toBeGreaterThanOrEqual(2);
		expect(kinds.filter((k) => k === 'media').length).toBeGreaterThanOrEqual(2);
		for (const o of d.organizations) expect(o.name).toMatch(/\p{Script=Cyrillic}/u);
		const orgKeys = new Set(d.organizations.map((o) => o.key));
		const people = new Set(d.people.map((p) => p.key));
		for (const m of d.memberships) {
			expect(people).toContain(m.person);
			if ('demo' in m.organization) expect(orgKeys).toContain(m.organization.demo);
			if (m.end_date && m.start_date) expect(m.end_date >= m.start_date).toBe(true);
		}
		const partyMembers = new Set(
			d.memberships.filter((m) => 'reference' in m.organization && ['SDPK', 'Respublika', 'Ata-Meken', 'Zamandash', 'Ar-Namys', 'Ata-Jurt'].includes(m.organization.reference)).map((m) => m.person)
		);
		const listCandidates = d.candidacies.filter((c) => c.party !== null).map((c) => c.person);
		expect(listCandidates.filter((p) => partyMembers.has(p)).length).toBeGreaterThan(listCandidates.length / 2);
		expect(d.memberships.length).toBeGreaterThan(150);
	});

	it('names fictional women in Cyrillic, with the Latin form, search and sort keys derived from it', () => {
		const cyrillic = /^[\p{Script=Cyrillic} -]+$/u;
		for (const p of d.people) {
			expect(p.full_name, p.key).toMatch(cyrillic);
			expect(p.full_name).toBe([p.family_name, p.given_name, p.patronymic].filter(Boolean).join(' '));
			expect(p.name_latin).toBe(transliterate(p.full_name));
			expect(p.name_latin).not.toMatch(/\p{Script=Cyrillic}/u);
			expect(p.search_key).toBe(searchKey(`${p.full_name} ${p.name_latin}`));
			expect(p.sort_key).toBe(sortKey(p.full_name));
			expect(p.gender).toBe('female');
			expect(p.birth_year).toBeGreaterThanOrEqual(1955);
			expect(p.birth_year).toBeLessThanOrEqual(1994);
			expect(p.languages.length).toBeGreaterThan(0);
			for (const l of p.languages) expect(['ky', 'ru', 'en', 'uz']).toContain(l);
			if (p.phone) expect(p.phone).toMatch(/^\+996 000 \d{3} \d{3}$/);
			if (p.email) expect(p.email).toMatch(/^[a-z0-9.]+@example\.org$/);
			expect(p.notes).toMatch(/^Demo:/);
			expect(p.consent_stored_at).toMatch(/^2012-\d\d-\d\d$/);
			expect(p.consent_recorded_by).toBeTruthy();
		}
		const names = d.people.map((p) => p.full_name);
		expect(new Set(names).size).toBe(names.length);
		const phones = d.people.flatMap((p) => (p.phone ? [p.phone] : []));
		expect(new Set(phones).size).toBe(phones.length);
		const emails = d.people.flatMap((p) => (p.email ? [p.email] : []));
		expect(new Set(emails).size).toBe(emails.length);
		const publicShare = d.people.filter((p) => p.consent_public_name).length / d.people.length;
		expect(publicShare).toBeGreaterThan(0.3);
		expect(publicShare).toBeLessThan(0.5);
		expect(names.some((n) => / кызы$/.test(n))).toBe(true);
		expect(names.some((n) => /вна$/.test(n))).toBe(true);
	});

	it('marks every row as demo and keeps every local key resolvable', () => {
		for (const table of DEMO_TABLES) {
			const rows = (d as unknown as Record<string, Array<{ is_demo: boolean }>>)[table] ?? [];
			for (const row of rows) expect(row.is_demo, table).toBe(true);
		}
		expect(demoCounts(d).people).toBe(d.people.length);
		expect(demoCounts(d).users).toBe(0);
		const people = new Set(d.people.map((p) => p.key));
		for (const p of d.training_participants) {
			expect(people).toContain(p.person);
			expect(f.trainings.has(p.training)).toBe(true);
		}
		for (const r of d.relationships) expect(people.has(r.person) && people.has(r.other_person)).toBe(true);
		for (const c of d.candidacies) expect(people).toContain(c.person);
		for (const t of d.trainings) {
			expect(t.end_date >= t.start_date).toBe(true);
			if (t.parent) expect(f.trainings.has(t.parent)).toBe(true);
		}
	});
});

describe('demo contact details', () => {
	it('gives every person a plausible e-mail address (name.surname@example.org)', () => {
		const dataset = generateDemo();
		for (const p of dataset.people) {
			if (p.email !== null) expect(p.email).toMatch(/^[a-z][a-z0-9]*(\.[a-z][a-z0-9]*)+\d*@example\.org$/);
		}
	});
});
