import { beforeAll, expect, it } from 'vitest';
import type { Db } from '../../src/lib/server/db';
import { bumpDataVersion, dataFingerprint } from '../../src/lib/server/db/data-version';
import { loadDemo, removeDemo } from '../../src/lib/server/demo/load';
import { DRAW_LIMIT, loadNetwork, networkStatistics, networkView, type NetworkFilter } from '../../src/lib/server/network/graph';
import { egoNetworkOf } from '../../src/lib/server/network/ego';
import { organizationLinks } from '../../src/lib/server/network/organizations';
import { mergePeople } from '../../src/lib/server/people/merge';
import { addTie, removeTie } from '../../src/lib/server/people/ties';
import { deleteRecord } from '../../src/lib/server/records/changes';
import { describeEachDatabase } from '../helpers/databases';
import { addPeople, addTraining } from '../helpers/cascade-graph';

/**
 * A small network whose answers are known by hand. Ties (— undirected, ⇒ trained):
 *
 *   Aigul — Bermet — Cholpon — Dinara — Elmira        Fatima (no tie)
 *   Aigul ⇒ Bermet (and colleagues), Bermet ⇒ Cholpon (and her mentor),
 *   Cholpon — Dinara collaborators, Dinara — Elmira campaign team.
 *
 * Left out: a deleted relationship (Aigul — Cholpon), a tie to a deleted person (Aigul — Gulnara), a
 * participation not completed (Cholpon at Aigul's training), a deleted training (Dinara ⇒ Fatima).
 * Regions: Aigul in a raion of Naryn, Bermet and Cholpon in Naryn Region, Dinara and Elmira in Osh
 * Region, Fatima in Bishkek.
 */
const NAMES = ['Net Aigul', 'Net Bermet', 'Net Cholpon', 'Net Dinara', 'Net Elmira', 'Net Fatima', 'Net Gulnara'];

describeEachDatabase('network: people, ties, figures, filters, cache', (t) => {
	let p: Record<string, number>;
	let a: number, b: number, c: number, d: number, e: number, f: number;
	let region: Record<'naryn' | 'kochkor' | 'osh' | 'bishkek' | 'talas', number>;
	let oshScope: number[];
	let aigulsTraining: number;
	const change = <T>(fn: (trx: Db) => Promise<T>) => t.db.transaction().execute(fn);
	const idsOf = (names: string[]) => names.map((n) => p[`Net ${n}`]);

	beforeAll(async () => {
		const db = t.db;
		const regions = await db.selectFrom('regions').select(['id', 'code', 'parent_id']).execute();
		const code = (c: string) => regions.find((r) => r.code === c)!.id;
		const naryn = code('KG-N');
		region = { naryn, kochkor: regions.find((r) => r.parent_id === naryn)!.id, osh: code('KG-O'), bishkek: code('KG-GB'), talas: code('KG-T') };
		oshScope = regions.filter((r) => r.id === region.osh || r.parent_id === region.osh).map((r) => r.id);

		p = await addPeople(db, NAMES);
		[a, b, c, d, e, f] = idsOf(['Aigul', 'Bermet', 'Cholpon', 'Dinara', 'Elmira', 'Fatima']);
		const place = async (ids: number[], regionId: number) => db.updateTable('people').set({ region_id: regionId }).where('id', 'in', ids).execute();
		await place([a], region.kochkor);
		await place([b, c, p['Net Gulnara']], region.naryn);
		await place([d, e], region.osh);
		await place([f], region.bishkek);
		await db.updateTable('people').set({ deleted_at: new Date() }).where('id', '=', p['Net Gulnara']).execute();

		const tie = (x: number, y: number, kind: 'mentor' | 'colleague' | 'collaborator' | 'campaign_team' | 'media_contact', deleted = false) =>
			db.insertInto('relationships').values({ person_id: x, other_person_id: y, kind, deleted_at: deleted ? new Date() : null }).execute();
		await tie(a, b, 'colleague');
		await tie(b, c, 'mentor');
		await tie(c, d, 'collaborator');
		await tie(e, d, 'campaign_team');
		await tie(a, c, 'media_contact', true);
		await tie(a, p['Net Gulnara'], 'colleague');

		aigulsTraining = await addTraining(db, [a], [b], { dropped: [c], title: 'Net: Aigul leads' });
		await addTraining(db, [b], [c], { title: 'Net: Bermet leads' });
		const gone = await addTraining(db, [d], [f], { title: 'Net: deleted' });
		await db.updateTable('trainings').set({ deleted_at: new Date() }).where('id', '=', gone).execute();

		// Outcomes: Aigul elected; Bermet lost once and awaits another result; Cholpon lost; Dinara
		// withdrew; Elmira registered, no result yet; Fatima's only (elected) candidacy is deleted.
		const contests = await db.selectFrom('contests').select('id').orderBy('id').limit(2).execute();
		const run = (person: number, contest: number, status: 'on_ballot' | 'registered' | 'withdrawn', elected: boolean | null, deleted = false) =>
			db
				.insertInto('candidacies')
				.values({ person_id: person, contest_id: contests[contest].id, status, elected, exit_stage: status === 'withdrawn' ? 'registered' : null, deleted_at: deleted ? new Date() : null })
				.execute();
		await run(a, 0, 'on_ballot', true);
		await run(b, 0, 'on_ballot', false);
		await run(b, 1, 'on_ballot', null);
		await run(c, 0, 'on_ballot', false);
		await run(d, 0, 'withdrawn', null);
		await run(e, 0, 'registered', null);
		await run(f, 0, 'on_ballot', true, true);
	});

	const tieList = (ties: { source: number; target: number; kind?: string }[]) =>
		ties.map((x) => `${NAMES.find((n) => p[n] === Math.min(x.source, x.target))!.slice(4)}-${NAMES.find((n) => p[n] === Math.max(x.source, x.target))!.slice(4)}${x.kind ? `:${x.kind}` : ''}`).sort();
	const people = async (filter: NetworkFilter, scope: number[] | null = null) => (await loadNetwork(t.db, filter, scope)).people.map((x) => x.fullName.slice(4));

	it('loads the people, each with her outcome, and the ties of every kind among them', async () => {
		const { people: nodes, ties } = await loadNetwork(t.db, {}, null);
		expect(nodes.map((x) => [x.fullName, x.outcome])).toEqual([
			['Net Aigul', 'elected'],
			['Net Bermet', 'pending'],
			['Net Cholpon', 'not_elected'],
			['Net Dinara', 'did_not_run'],
			['Net Elmira', 'pending'],
			['Net Fatima', 'did_not_run']
		]);
		expect(nodes.find((x) => x.id === a)!.regionId).toBe(region.kochkor);
		expect(tieList(ties)).toEqual(['Aigul-Bermet:colleague', 'Aigul-Bermet:trained', 'Bermet-Cholpon:mentor', 'Bermet-Cholpon:trained', 'Cholpon-Dinara:collaborator', 'Dinara-Elmira:campaign_team']);
	});

	it('computes the figures and ranks the top connectors, with each one\'s cascade reach', async () => {
		const view = await networkView(t.db, {}, null);
		expect(view.figures).toMatchObject({
			people: 6,
			ties: 4,
			tiesByKind: { colleague: 1, trained: 2, mentor: 1, collaborator: 1, campaign_team: 1, media_contact: 0 },
			components: 2,
			largestComponent: 5,
			isolated: 1,
			degreeDistribution: [
				{ degree: 0, people: 1 },
				{ degree: 1, people: 2 },
				{ degree: 2, people: 3 }
			]
		});
		// A path of five: Cholpon in the middle bridges 4 pairs, Bermet and Dinara 3 each.
		expect(view.ranking.map((x) => [x.fullName.slice(4), x.degree, x.betweenness, x.reach])).toEqual([
			['Cholpon', 2, 4, 0],
			['Bermet', 2, 3, 1],
			['Dinara', 2, 3, 0],
			['Aigul', 1, 0, 2],
			['Elmira', 1, 0, 0],
			['Fatima', 0, 0, 0]
		]);
		expect(view.ranking.find((x) => x.id === f)!.community).toBeNull();
		expect(view.drawing.kind).toBe('people');
		if (view.drawing.kind === 'people') expect(view.drawing.ties).toHaveLength(4);
		// By region: Naryn holds three people and two of the ties; Cholpon — Dinara crosses to Osh.
		const byRegion = view.byRegion.groups.map((g) => [g.regionId, g.people, g.internalTies]);
		expect(byRegion).toEqual([
			[region.naryn, 3, 2],
			[region.osh, 2, 1],
			[region.bishkek, 1, 0]
		]);
		expect(view.byRegion.links).toEqual([{ source: 0, target: 1, ties: 1 }]);
		expect(view.byRegion.groups[0].outcomes).toEqual({ elected: 1, pending: 1, not_elected: 1, did_not_run: 0 });
	});

	it('filters by region (with the raions below), training, kind of tie and outcome, and keeps to the organizer\'s regions', async () => {
		expect(await people({ region: region.naryn })).toEqual(['Aigul', 'Bermet', 'Cholpon']);
		expect(await people({ region: region.kochkor })).toEqual(['Aigul']);
		// Who attended or led it, completed or not.
		expect(await people({ training: aigulsTraining })).toEqual(['Aigul', 'Bermet', 'Cholpon']);
		expect(await people({ outcome: 'pending' })).toEqual(['Bermet', 'Elmira']);
		expect(await people({ outcome: 'did_not_run' })).toEqual(['Dinara', 'Fatima']);
		expect(await people({}, oshScope)).toEqual(['Dinara', 'Elmira']);
		expect(await people({ region: region.naryn }, oshScope)).toEqual([]);

		expect(tieList((await loadNetwork(t.db, { region: region.naryn }, null)).ties)).toEqual(['Aigul-Bermet:colleague', 'Aigul-Bermet:trained', 'Bermet-Cholpon:mentor', 'Bermet-Cholpon:trained']);
		expect(tieList((await loadNetwork(t.db, { kinds: ['mentor', 'campaign_team'] }, null)).ties)).toEqual(['Bermet-Cholpon:mentor', 'Dinara-Elmira:campaign_team']);
		expect(tieList((await loadNetwork(t.db, { kinds: ['trained'] }, null)).ties)).toEqual(['Aigul-Bermet:trained', 'Bermet-Cholpon:trained']);
		expect(tieList((await loadNetwork(t.db, {}, oshScope)).ties)).toEqual(['Dinara-Elmira:campaign_team']);

		const trainedOnly = await networkView(t.db, { kinds: ['trained'] }, null);
		expect(trainedOnly.figures).toMatchObject({ people: 6, ties: 2, components: 4 });
		expect((await networkView(t.db, { outcome: 'elected' }, null)).ranking.map((x) => x.id)).toEqual([a]);
	});

	it('gives her ego network: everyone within two steps, the ties among them, and through whom', async () => {
		const ego = await egoNetworkOf(t.db, c, null);
		expect(ego.people.map((x) => [x.fullName.slice(4), x.distance])).toEqual([
			['Cholpon', 0],
			['Bermet', 1],
			['Dinara', 1],
			['Aigul', 2],
			['Elmira', 2]
		]);
		expect(ego.people.find((x) => x.id === a)).toMatchObject({ via: [{ id: b, kinds: ['colleague', 'trained'] }], outcome: 'elected', reach: 2 });
		expect(tieList(ego.ties)).toEqual(['Aigul-Bermet', 'Bermet-Cholpon', 'Cholpon-Dinara', 'Dinara-Elmira']);
		expect((await egoNetworkOf(t.db, a, null)).people.map((x) => x.id)).toEqual([a, b, c]);
		expect((await egoNetworkOf(t.db, f, null)).people.map((x) => x.id)).toEqual([f]);
		// An organizer of Osh sees Dinara's ties within Osh only.
		expect((await egoNetworkOf(t.db, d, oshScope)).people.map((x) => x.id)).toEqual([d, e]);
		// Reach is computed only for a network small enough to draw: five people, limit 5 and limit 4.
		expect((await egoNetworkOf(t.db, c, null, { reachLimit: 5 })).people.find((x) => x.id === a)?.reach).toBe(2);
		expect((await egoNetworkOf(t.db, c, null, { reachLimit: 4 })).people.map((x) => x.reach)).toEqual([null, null, null, null, null]);
	});

	it('ranks partner organizations by the trained women among their members', async () => {
		const org = async (name: string, kind: 'ngo' | 'party', members: number[], options: { deletedMember?: number; deleted?: boolean } = {}) => {
			const { id } = await t.db.insertInto('organizations').values({ name, kind, deleted_at: options.deleted ? new Date() : null }).returning('id').executeTakeFirstOrThrow();
			for (const person of members) await t.db.insertInto('memberships').values({ organization_id: id, person_id: person }).execute();
			if (options.deletedMember) await t.db.insertInto('memberships').values({ organization_id: id, person_id: options.deletedMember, deleted_at: new Date() }).execute();
			return id;
		};
		// Bermet and Cholpon completed a training as participants; Aigul only led one; Elmira's membership is deleted.
		const first = await org('Net Women of Naryn', 'ngo', [a, b, c], { deletedMember: e });
		const second = await org('Net Osh Media', 'ngo', [d, b]);
		await org('Net Untrained', 'ngo', [d, f]);
		await org('Net Party', 'party', [b, c]);
		await org('Net Closed', 'ngo', [b, c], { deleted: true });
		await t.db.updateTable('people').set({ gender: 'male' }).where('id', '=', d).execute();

		expect(await organizationLinks(t.db)).toEqual([
			{ id: first, name: 'Net Women of Naryn', shortName: null, kind: 'ngo', trainedWomen: 2, members: 3 },
			{ id: second, name: 'Net Osh Media', shortName: null, kind: 'ngo', trainedWomen: 1, members: 2 }
		]);
		expect((await organizationLinks(t.db, { kinds: ['party'] })).map((o) => [o.name, o.trainedWomen])).toEqual([['Net Party', 2]]);
		expect((await organizationLinks(t.db, { filter: { region: region.osh } })).map((o) => o.name)).toEqual([]);
		expect((await organizationLinks(t.db, { regionScope: [region.naryn] })).map((o) => [o.name, o.trainedWomen, o.members])).toEqual([
			['Net Women of Naryn', 2, 2],
			['Net Osh Media', 1, 1]
		]);
		await t.db.updateTable('people').set({ gender: 'female' }).where('id', '=', d).execute();
	});

	it('answers from its cache until a change through the records layer, a merge, or demo data', async () => {
		const context = {};
		const first = await networkView(t.db, {}, null);
		expect(await networkView(t.db, {}, null)).toBe(first);

		const tie = await change((trx) => addTie(trx, context, a, { other_person_id: e, kind: 'colleague', start_date: null, note: null, source: null }));
		const withTie = await networkView(t.db, {}, null);
		expect(withTie).not.toBe(first);
		expect(withTie.figures.ties).toBe(5);
		expect(await networkView(t.db, {}, null)).toBe(withTie);

		await change((trx) => removeTie(trx, context, a, tie.id as number, tie.version as number));
		expect((await networkView(t.db, {}, null)).figures.ties).toBe(4);

		// Fatima's record merged into Elmira's: one person fewer.
		const versions = await t.db.selectFrom('people').select(['id', 'version']).where('id', 'in', [e, f]).execute();
		const version = (id: number) => versions.find((v) => v.id === id)!.version;
		await change((trx) => mergePeople(trx, context, { id: e, version: version(e) }, { id: f, version: version(f) }, null));
		expect((await networkView(t.db, {}, null)).figures.people).toBe(5);

		// A deleted training takes its "trained" ties with it.
		await change((trx) => deleteRecord(trx, context, 'trainings', aigulsTraining));
		expect(tieList((await loadNetwork(t.db, { kinds: ['trained'] }, null)).ties)).toEqual(['Bermet-Cholpon:trained']);
		expect((await networkView(t.db, {}, null)).figures.tiesByKind.trained).toBe(1);

		// Loading and removing the demo data write no audit rows; the data version tells the cache instead.
		const before = await dataFingerprint(t.db);
		await change((trx) => bumpDataVersion(trx));
		expect(await dataFingerprint(t.db)).not.toBe(before);
		await loadDemo(t.db, { password: 'a demo password for tests' });
		const withDemo = await networkView(t.db, {}, null);
		expect(withDemo.figures.people).toBeGreaterThan(DRAW_LIMIT);
		await removeDemo(t.db);
		expect((await networkView(t.db, {}, null)).figures.people).toBe(5);
	});

	it('draws a large network as groups: by oblast, by raion within one, by community within a raion', async () => {
		const talasRaions = await t.db.selectFrom('regions').select('id').where('parent_id', '=', region.talas).orderBy('id').limit(2).execute();
		const crowd = await addPeople(t.db, Array.from({ length: DRAW_LIMIT + 10 }, (_, i) => `Talas ${i}`));
		const ids = Object.values(crowd).sort((x, y) => x - y);
		const half = 150;
		await t.db.updateTable('people').set({ region_id: talasRaions[0].id }).where('id', 'in', ids.slice(0, half)).execute();
		await t.db.updateTable('people').set({ region_id: talasRaions[1].id }).where('id', 'in', ids.slice(half)).execute();
		// Two circles of colleagues, one per raion, and one tie across.
		const ring = (members: number[]) => members.map((x, i) => ({ person_id: x, other_person_id: members[(i + 1) % members.length], kind: 'colleague' as const }));
		await t.db.insertInto('relationships').values([...ring(ids.slice(0, half)), ...ring(ids.slice(half)), { person_id: ids[0], other_person_id: ids[half], kind: 'colleague' }]).execute();
		await change((trx) => bumpDataVersion(trx));

		const all = await networkView(t.db, {}, null);
		expect(all.drawing.kind).toBe('groups');
		if (all.drawing.kind === 'groups') {
			expect(all.drawing.by).toBe('region');
			expect(all.drawing.groups[0]).toMatchObject({ regionId: region.talas, people: ids.length, internalTies: ids.length + 1 });
		}
		const talas = await networkView(t.db, { region: region.talas }, null);
		if (talas.drawing.kind !== 'groups') throw new Error('expected groups');
		expect(talas.drawing.groups.map((g) => [g.regionId, g.people])).toEqual([
			[talasRaions[1].id, ids.length - half],
			[talasRaions[0].id, half]
		]);
		expect(talas.drawing.links).toEqual([{ source: 0, target: 1, ties: 1 }]);

		const oneRaion = await networkView(t.db, { region: talasRaions[0].id }, null);
		expect(oneRaion.drawing.kind).toBe('people');
		await t.db.updateTable('people').set({ region_id: talasRaions[0].id }).where('id', 'in', ids).execute();
		await change((trx) => bumpDataVersion(trx));
		const crowded = await networkView(t.db, { region: talasRaions[0].id }, null);
		if (crowded.drawing.kind !== 'groups') throw new Error('expected groups');
		expect(crowded.drawing.by).toBe('community');
		expect(crowded.drawing.groups.length).toBeGreaterThan(1);
		expect(crowded.drawing.groups.reduce((sum, g) => sum + g.people, 0)).toBe(ids.length);
	});

	it('gives the funder view figures and regions without any name or person id', async () => {
		const stats = await networkStatistics(t.db, 'ru');
		expect(stats.people).toBeGreaterThan(DRAW_LIMIT);
		const talas = stats.regions.find((r) => r.code === 'KG-T')!;
		expect(talas).toMatchObject({ name: 'Таласская область', internalTies: DRAW_LIMIT + 11 });
		const json = JSON.stringify(stats);
		for (const name of ['Net ', 'Talas ']) expect(json).not.toContain(name);
		expect(Object.keys(stats).sort()).toEqual(
			['communities', 'components', 'degreeDistribution', 'isolated', 'largestComponent', 'people', 'regionLinks', 'regions', 'ties', 'tiesByKind'].sort()
		);
		expect(Object.keys(stats.regions[0]).sort()).toEqual(['code', 'internalTies', 'name', 'people', 'regionId']);
	});
});
