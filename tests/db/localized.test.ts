import { expect, it } from 'vitest';
import { loadDemo } from '../../src/lib/server/demo/load';
import { listPeople, peopleQuerySchema } from '../../src/lib/server/people/queries';
import { loadPersonPage } from '../../src/lib/server/people/page';
import { describeEachDatabase } from '../helpers/databases';

describeEachDatabase('names of regions and councils in the interface language', (t) => {
	it('people list and person page give the region and the council in English, Russian or Kyrgyz', async () => {
		await loadDemo(t.db, { password: 'localized test password' });
		const person = await t.db
			.selectFrom('people as p')
			.innerJoin('regions as r', 'r.id', 'p.region_id')
			.innerJoin('candidacies as c', 'c.person_id', 'p.id')
			.innerJoin('contests as ct', 'ct.id', 'c.contest_id')
			.select(['p.id', 'p.full_name', 'r.name_en', 'r.name_ru', 'r.name_ky', 'ct.name_en as contest_en', 'ct.name_ru as contest_ru', 'ct.name_ky as contest_ky'])
			.executeTakeFirstOrThrow();
		const query = peopleQuerySchema.parse({ q: person.full_name });
		for (const [locale, region, contest] of [
			['en', person.name_en, person.contest_en],
			['ru', person.name_ru, person.contest_ru],
			['ky', person.name_ky, person.contest_ky]
		] as const) {
			const list = await listPeople(t.db, query, null, locale);
			expect(list.rows.find((r) => r.id === person.id)?.region).toBe(region);
			const page = await loadPersonPage(t.db, person.id, locale, false);
			expect(page.person.region).toBe(region);
			expect(page.candidacies.map((c) => c.contest)).toContain(contest);
		}
		expect(new Set([person.name_en, person.name_ru, person.name_ky]).size).toBe(3);
	});

	it('search finds a Cyrillic name from its Latin spelling and the reverse', async () => {
		const person = await t.db.selectFrom('people').select(['id', 'full_name', 'name_latin']).where('is_demo', '=', true).orderBy('id').executeTakeFirstOrThrow();
		const given = person.name_latin.split(' ')[1] ?? person.name_latin;
		const byLatin = await listPeople(t.db, peopleQuerySchema.parse({ q: given.toUpperCase() }), null, 'en');
		expect(byLatin.rows.map((r) => r.id)).toContain(person.id);
		const byCyrillic = await listPeople(t.db, peopleQuerySchema.parse({ q: person.full_name.split(' ')[1] ?? person.full_name }), null, 'en');
		expect(byCyrillic.rows.map((r) => r.id)).toContain(person.id);
	});
});
