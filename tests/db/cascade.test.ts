import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import type { Db } from '../../src/lib/server/db';
import { cascadeCycles, cascadeFromPerson, cascadeFromTraining, reachOfPeople, reachOfPerson, trainedByChain } from '../../src/lib/server/network/cascade';
import { cascadeTreeOfTraining, type TreeNode } from '../../src/lib/server/network/tree';
import { suppressTotReach, totReach } from '../../src/lib/server/impact/cascade';
import { describeEachDatabase } from '../helpers/databases';
import { addLayeredCascade, addPeople as people, addTraining as training, reachByWalk, type LayeredCascade } from '../helpers/cascade-graph';

/**
 * Hand-built cascades whose answers are known. Notation: "A ⇒ B" = A facilitated a training that B
 * completed. Each graph uses its own people, so the graphs do not touch one another.
 */
const names = (chain: { fullName: string }[][]) => chain.map((level) => level.map((p) => p.fullName));

describeEachDatabase('cascade: reach, levels, multiplier, chain upward and cycles', (t) => {
	it('follows a chain of three levels, from a training and from a person, and back up', async () => {
		const p = await people(t.db, ['Chain A', 'Chain B', 'Chain C', 'Chain D']);
		const top = await training(t.db, [p['Chain A']], [p['Chain B']], { kind: 'tot' });
		await training(t.db, [p['Chain B']], [p['Chain C']]);
		await training(t.db, [p['Chain C']], [p['Chain D']]);

		const fromTraining = await cascadeFromTraining(t.db, top);
		expect(fromTraining.reach).toEqual({ direct: 1, total: 3, levels: 3, multiplier: 3, perLevel: [1, 1, 1] });
		expect(fromTraining.nodes).toEqual([
			{ personId: p['Chain B'], level: 1, parentId: null },
			{ personId: p['Chain C'], level: 2, parentId: p['Chain B'] },
			{ personId: p['Chain D'], level: 3, parentId: p['Chain C'] }
		]);
		expect((await cascadeFromPerson(t.db, p['Chain A'])).reach).toEqual({ direct: 1, total: 3, levels: 3, multiplier: 3, perLevel: [1, 1, 1] });
		expect((await cascadeFromPerson(t.db, p['Chain C'])).reach).toEqual({ direct: 1, total: 1, levels: 1, multiplier: 1, perLevel: [1] });
		expect(names(await trainedByChain(t.db, p['Chain D']))).toEqual([['Chain C'], ['Chain B'], ['Chain A']]);
		expect((await trainedByChain(t.db, p['Chain D']))[2][0]).toMatchObject({ trainingId: top });

		const reach = await reachOfPeople(t.db, [p['Chain A'], p['Chain B'], p['Chain D']]);
		expect(reach.get(p['Chain A'])).toMatchObject({ direct: 1, total: 3, levels: 3 });
		expect(reach.get(p['Chain B'])).toMatchObject({ direct: 1, total: 2, levels: 2 });
		expect(reach.has(p['Chain D'])).toBe(false);
	});

	it('arranges a training\'s cascade as a tree, withholding names outside the user\'s regions', async () => {
		const naryn = (await t.db.selectFrom('regions').select('id').where('code', '=', 'KG-N').executeTakeFirstOrThrow()).id;
		const p = await people(t.db, ['Tree Lead', 'Tree A', 'Tree B', 'Tree A1', 'Tree A2', 'Tree A1x']);
		await t.db.updateTable('people').set({ region_id: naryn }).where('id', 'in', [p['Tree A'], p['Tree A1'], p['Tree A1x']]).execute();
		const top = await training(t.db, [p['Tree Lead']], [p['Tree A'], p['Tree B']]);
		await training(t.db, [p['Tree A']], [p['Tree A1'], p['Tree A2']]);
		await training(t.db, [p['Tree A1']], [p['Tree A1x']]);

		const tree = await cascadeTreeOfTraining(t.db, top, null);
		expect(tree.reach).toMatchObject({ direct: 2, total: 5, levels: 3, perLevel: [2, 2, 1] });
		const outline = (nodes: TreeNode[]): unknown[] => nodes.map((n) => [n.name, n.below, ...(n.children.length ? [outline(n.children)] : [])]);
		expect(outline(tree.roots)).toEqual([
			['Tree A', 3, [['Tree A1', 1, [['Tree A1x', 0]]], ['Tree A2', 0]]],
			['Tree B', 0]
		]);
		expect(tree).toMatchObject({ more: 0, shown: 5 });

		// An organizer of Naryn sees the names of Naryn's women only; a budget of 3 lists two levels' first three.
		const narynOnly = await cascadeTreeOfTraining(t.db, top, [naryn], 3);
		expect(outline(narynOnly.roots)).toEqual([['Tree A', 3, [['Tree A1', 1]]], [null, 0]]);
		expect(narynOnly).toMatchObject({ shown: 3, more: 0 });
		expect(narynOnly.roots[0]).toMatchObject({ more: 1 });
		expect(narynOnly.roots[0].children[0]).toMatchObject({ more: 1, children: [] });
	});

	it('sums up a TOT\'s reach by oblast for the impact pages, and suppresses small cells for funders', async () => {
		const region = async (name: string) => (await t.db.selectFrom('regions').select('id').where('name_en', '=', name).executeTakeFirstOrThrow()).id;
		const p = await people(t.db, ['Tot Lead', ...Array.from({ length: 9 }, (_, i) => `Tot ${i + 1}`)]);
		const women = Array.from({ length: 9 }, (_, i) => p[`Tot ${i + 1}`]);
		// Six live in Kochkor (a raion of Naryn), two in Naryn itself (the oblast), one nowhere recorded.
		await t.db.updateTable('people').set({ region_id: await region('Kochkor District') }).where('id', 'in', women.slice(0, 6)).execute();
		await t.db.updateTable('people').set({ region_id: await region('Naryn Region') }).where('id', 'in', women.slice(6, 8)).execute();
		const tot = await training(t.db, [p['Tot Lead']], women.slice(0, 3), { kind: 'tot', title: 'Tot of this test' });
		await training(t.db, [women[0]], women.slice(3, 9));

		const reach = (await totReach(t.db, 'ru')).find((r) => r.trainingId === tot)!;
		expect(reach).toMatchObject({ title: 'Tot of this test', direct: 3, total: 9, levels: 2, multiplier: 3, perLevel: [3, 6] });
		expect(reach.byRegion).toEqual([
			{ regionId: await region('Naryn Region'), region: 'Нарынская область', count: 8 },
			{ regionId: null, region: null, count: 1 }
		]);
		expect(suppressTotReach(reach)).toMatchObject({ direct: '<5', total: 9, multiplier: null, perLevel: ['<5', 6], byRegion: [{ count: 8 }, { count: '<5' }] });
	});

	it('counts a wide fan once per woman, and leaves out those who did not complete', async () => {
		const fan = await people(t.db, ['Fan F', ...Array.from({ length: 60 }, (_, i) => `Fan ${i + 1}`)]);
		const completed = Array.from({ length: 50 }, (_, i) => fan[`Fan ${i + 1}`]);
		const dropped = Array.from({ length: 10 }, (_, i) => fan[`Fan ${i + 51}`]);
		const id = await training(t.db, [fan['Fan F']], completed, { dropped });
		expect((await cascadeFromTraining(t.db, id)).reach).toEqual({ direct: 50, total: 50, levels: 1, multiplier: 1, perLevel: [50] });
		expect((await cascadeFromPerson(t.db, fan['Fan F'])).reach).toMatchObject({ direct: 50, total: 50, levels: 1 });
		expect(await trainedByChain(t.db, fan['Fan 51'])).toEqual([]);
	});

	it('does not count twice the women two trainers share', async () => {
		const p = await people(t.db, ['Share G', 'Share H', 'Share P1', 'Share P2', 'Share P3', 'Share P4', 'Share Root']);
		const root = await training(t.db, [p['Share Root']], [p['Share G'], p['Share H']]);
		// G and H co-lead one training of P1–P3; H alone trains P1 (again) and P4.
		await training(t.db, [p['Share G'], p['Share H']], [p['Share P1'], p['Share P2'], p['Share P3']]);
		await training(t.db, [p['Share H']], [p['Share P1'], p['Share P4']]);

		expect((await cascadeFromTraining(t.db, root)).reach).toEqual({ direct: 2, total: 6, levels: 2, multiplier: 3, perLevel: [2, 4] });
		expect((await cascadeFromPerson(t.db, p['Share H'])).reach).toEqual({ direct: 4, total: 4, levels: 1, multiplier: 1, perLevel: [4] });
		expect((await cascadeFromPerson(t.db, p['Share Root'])).reach).toMatchObject({ direct: 2, total: 6 });
		// The person page's reach alone is the same walk's counts, for someone who trained and someone who did not.
		for (const who of ['Share H', 'Share Root', 'Share P4']) expect(await reachOfPerson(t.db, p[who])).toEqual((await cascadeFromPerson(t.db, p[who])).reach);
		expect(await reachOfPerson(t.db, p['Share P4'])).toEqual({ direct: 0, total: 0, levels: 0, multiplier: null, perLevel: [] });
		// Up from P1: both G and H trained her (one level), and Root trained them.
		expect(names(await trainedByChain(t.db, p['Share P1']))).toEqual([['Share G', 'Share H'], ['Share Root']]);
		const tree = (await cascadeFromTraining(t.db, root)).nodes;
		expect(tree.find((n) => n.personId === p['Share P1'])).toEqual({ personId: p['Share P1'], level: 2, parentId: Math.min(p['Share G'], p['Share H']) });
		expect(tree.find((n) => n.personId === p['Share P4'])).toEqual({ personId: p['Share P4'], level: 2, parentId: p['Share H'] });
	});

	it('detects a cycle and still answers, counting each woman once', async () => {
		const p = await people(t.db, ['Cycle X', 'Cycle Y', 'Cycle Z', 'Cycle W', 'Cycle Src']);
		const src = await training(t.db, [p['Cycle Src']], [p['Cycle X']]);
		// X ⇒ Y ⇒ Z ⇒ X (a loop of three), and Z ⇒ W off the loop.
		const xy = await training(t.db, [p['Cycle X']], [p['Cycle Y']]);
		await training(t.db, [p['Cycle Y']], [p['Cycle Z']]);
		const zx = await training(t.db, [p['Cycle Z']], [p['Cycle X'], p['Cycle W']]);

		expect((await cascadeFromTraining(t.db, src)).reach).toEqual({ direct: 1, total: 4, levels: 4, multiplier: 4, perLevel: [1, 1, 1, 1] });
		expect((await cascadeFromPerson(t.db, p['Cycle X'])).reach).toEqual({ direct: 1, total: 3, levels: 3, multiplier: 3, perLevel: [1, 1, 1] });
		expect(names(await trainedByChain(t.db, p['Cycle Y']))).toEqual([['Cycle X'], ['Cycle Src', 'Cycle Z']]);
		expect((await reachOfPeople(t.db, [p['Cycle Y']])).get(p['Cycle Y'])).toMatchObject({ direct: 1, total: 3, levels: 2 });

		const cycles = await cascadeCycles(t.db);
		expect(cycles).toHaveLength(1);
		expect(cycles[0].people.map((x) => x.fullName)).toEqual(['Cycle X', 'Cycle Y', 'Cycle Z']);
		expect(cycles[0].links.map((l) => [l.trainerId, l.traineeId, l.trainingId])).toEqual([
			[p['Cycle X'], p['Cycle Y'], xy],
			[p['Cycle Y'], p['Cycle Z'], xy + 1],
			[p['Cycle Z'], p['Cycle X'], zx]
		]);

		// Deleting the training that closes the loop ends the cycle.
		await t.db.updateTable('trainings').set({ deleted_at: new Date() }).where('id', '=', zx).execute();
		expect(await cascadeCycles(t.db)).toEqual([]);
		expect((await cascadeFromPerson(t.db, p['Cycle X'])).reach).toMatchObject({ direct: 1, total: 2, levels: 2 });
	});

	it('gives an isolated person no reach and no chain', async () => {
		const p = await people(t.db, ['Alone']);
		expect(await cascadeFromPerson(t.db, p.Alone)).toEqual({ reach: { direct: 0, total: 0, levels: 0, multiplier: null, perLevel: [] }, nodes: [] });
		expect(await trainedByChain(t.db, p.Alone)).toEqual([]);
		expect((await reachOfPeople(t.db, [p.Alone])).size).toBe(0);
		expect((await reachOfPeople(t.db, [])).size).toBe(0);
	});

	it('leaves deleted people out of the cascade', async () => {
		const p = await people(t.db, ['Gone T', 'Gone A', 'Gone B']);
		await training(t.db, [p['Gone T']], [p['Gone A']]);
		await training(t.db, [p['Gone A']], [p['Gone B']]);
		await t.db.updateTable('people').set({ deleted_at: new Date() }).where('id', '=', p['Gone B']).execute();
		expect((await cascadeFromPerson(t.db, p['Gone T'])).reach).toMatchObject({ direct: 1, total: 1, levels: 1 });
	});

	describeTenThousand(t);
});


/** 10 TOT graduates → 90 → 900 → 9,000: a four-level cascade of 10,000 women, with shared trainers. */
function describeTenThousand(t: { db: Db }) {
	let cascade: LayeredCascade;
	beforeAll(async () => {
		cascade = await addLayeredCascade(t.db, [10, 90, 900, 9000], 'Big');
		// As the server does at start (PGlite has no autovacuum): the planner needs table statistics.
		await sql`analyze`.execute(t.db);
	}, 600_000);

	it('reaches all 10,000 women of a four-level cascade, each once', async () => {
		const { reach, nodes } = await cascadeFromTraining(t.db, cascade.tot);
		expect(reach).toEqual({ direct: 10, total: 10_000, levels: 4, multiplier: 1000, perLevel: [10, 90, 900, 9000] });
		expect(new Set(nodes.map((n) => n.personId)).size).toBe(10_000);
		// A graduate who led one step-down and co-led another: her reach as a breadth-first walk finds it.
		const graduate = cascade.levels[0][0];
		const perLevel = reachByWalk(cascade.trainedBy, graduate);
		expect(perLevel[0]).toBe(18);
		expect((await cascadeFromPerson(t.db, graduate)).reach).toMatchObject({ direct: 18, total: perLevel.reduce((a, b) => a + b), levels: 3, perLevel });
		expect((await reachOfPeople(t.db, [graduate])).get(graduate)).toMatchObject({ perLevel });
		expect(await cascadeCycles(t.db)).toEqual([]);
	}, 120_000);
}
