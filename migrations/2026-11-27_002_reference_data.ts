import type { Kysely } from 'kysely';

// Reference data present in every database, demo or not. Frozen in time like the schema: corrections
// go into a later migration. Sources are cited on the rows (see DESIGN.md §2).

type Names = [en: string, ru: string, ky: string];
type Raion = [code: string, ...Names];

const COUNTRIES: Array<[iso: string, ...Names]> = [
	['KG', 'Kyrgyzstan', 'Кыргызстан', 'Кыргызстан'],
	['KZ', 'Kazakhstan', 'Казахстан', 'Казакстан'],
	['UZ', 'Uzbekistan', 'Узбекистан', 'Өзбекстан'],
	['JO', 'Jordan', 'Иордания', 'Иордания'],
	['US', 'United States', 'США', 'АКШ']
];

// Kyrgyzstan: 7 oblasts and 2 cities of republican significance (ISO 3166-2:KG), 40 raions.
const OBLASTS: Array<{ iso: string; names: Names; raions: Raion[] }> = [
	{
		iso: 'KG-B',
		names: ['Batken Region', 'Баткенская область', 'Баткен облусу'],
		raions: [
			['BAT', 'Batken District', 'Баткенский район', 'Баткен району'],
			['KAD', 'Kadamjay District', 'Кадамжайский район', 'Кадамжай району'],
			['LEI', 'Leilek District', 'Лейлекский район', 'Лейлек району']
		]
	},
	{
		iso: 'KG-C',
		names: ['Chüy Region', 'Чуйская область', 'Чүй облусу'],
		raions: [
			['ALA', 'Alamüdün District', 'Аламудунский район', 'Аламүдүн району'],
			['CHU', 'Chüy District', 'Чуйский район', 'Чүй району'],
			['JAY', 'Jayyl District', 'Жайылский район', 'Жайыл району'],
			['KEM', 'Kemin District', 'Кеминский район', 'Кемин району'],
			['MOS', 'Moskva District', 'Московский район', 'Москва району'],
			['PAN', 'Panfilov District', 'Панфиловский район', 'Панфилов району'],
			['SOK', 'Sokuluk District', 'Сокулукский район', 'Сокулук району'],
			['YSA', 'Ysyk-Ata District', 'Ыссык-Атинский район', 'Ысык-Ата району']
		]
	},
	{
		iso: 'KG-Y',
		names: ['Issyk-Kul Region', 'Иссык-Кульская область', 'Ысык-Көл облусу'],
		raions: [
			['AKS', 'Ak-Suu District', 'Ак-Суйский район', 'Ак-Суу району'],
			['ISS', 'Issyk-Kul District', 'Иссык-Кульский район', 'Ысык-Көл району'],
			['JET', 'Jeti-Ögüz District', 'Джети-Огузский район', 'Жети-Өгүз району'],
			['TON', 'Ton District', 'Тонский район', 'Тоң району'],
			['TUP', 'Tüp District', 'Тюпский район', 'Түп району']
		]
	},
	{
		iso: 'KG-J',
		names: ['Jalal-Abad Region', 'Джалал-Абадская область', 'Жалал-Абад облусу'],
		raions: [
			['AKY', 'Aksy District', 'Аксыйский район', 'Аксы району'],
			['ALB', 'Ala-Buka District', 'Ала-Букинский район', 'Ала-Бука району'],
			['BAZ', 'Bazar-Korgon District', 'Базар-Коргонский район', 'Базар-Коргон району'],
			['CHA', 'Chatkal District', 'Чаткальский район', 'Чаткал району'],
			['NOO', 'Nooken District', 'Ноокенский район', 'Ноокен району'],
			['SUZ', 'Suzak District', 'Сузакский район', 'Сузак району'],
			['TGT', 'Toguz-Toro District', 'Тогуз-Тороуский район', 'Тогуз-Торо району'],
			['TOK', 'Toktogul District', 'Токтогульский район', 'Токтогул району']
		]
	},
	{
		iso: 'KG-N',
		names: ['Naryn Region', 'Нарынская область', 'Нарын облусу'],
		raions: [
			['AKT', 'Ak-Talaa District', 'Ак-Талинский район', 'Ак-Талаа району'],
			['ATB', 'At-Bashy District', 'Ат-Башинский район', 'Ат-Башы району'],
			['JUM', 'Jumgal District', 'Жумгальский район', 'Жумгал району'],
			['KOC', 'Kochkor District', 'Кочкорский район', 'Кочкор району'],
			['NAR', 'Naryn District', 'Нарынский район', 'Нарын району']
		]
	},
	{
		iso: 'KG-O',
		names: ['Osh Region', 'Ошская область', 'Ош облусу'],
		raions: [
			['ALY', 'Alay District', 'Алайский район', 'Алай району'],
			['ARA', 'Aravan District', 'Араванский район', 'Араван району'],
			['CAL', 'Chong-Alay District', 'Чон-Алайский район', 'Чоң-Алай району'],
			['KKU', 'Kara-Kulja District', 'Кара-Кульджинский район', 'Кара-Кулжа району'],
			['KSU', 'Kara-Suu District', 'Кара-Суйский район', 'Кара-Суу району'],
			['NOK', 'Nookat District', 'Ноокатский район', 'Ноокат району'],
			['OZG', 'Özgön District', 'Узгенский район', 'Өзгөн району']
		]
	},
	{
		iso: 'KG-T',
		names: ['Talas Region', 'Таласская область', 'Талас облусу'],
		raions: [
			['BAK', 'Bakay-Ata District', 'Бакай-Атинский район', 'Бакай-Ата району'],
			['KBU', 'Kara-Buura District', 'Кара-Бууринский район', 'Кара-Буура району'],
			['MAN', 'Manas District', 'Манасский район', 'Манас району'],
			['TAL', 'Talas District', 'Таласский район', 'Талас району']
		]
	}
];

const CITIES: Array<{ iso: string; names: Names }> = [
	{ iso: 'KG-GB', names: ['Bishkek', 'город Бишкек', 'Бишкек шаары'] },
	{ iso: 'KG-GO', names: ['Osh', 'город Ош', 'Ош шаары'] }
];

const ORGANIZATIONS: Array<{ key: string; name: string; short?: string; kind: string; website?: string; notes?: string }> = [
	{ key: 'wlp', name: "Women's Learning Partnership", short: 'WLP', kind: 'international', website: 'https://learningpartnership.org', notes: 'Reports 300,000+ women trained in 50 countries.' },
	{ key: 'bir-duino', name: 'Bir Duino Kyrgyzstan', kind: 'ngo', notes: "WLP's partner in Kyrgyzstan; co-organizer of the March 2012 Training of Trainers under its earlier name." },
	{ key: 'sdpk', name: 'Social Democratic Party of Kyrgyzstan', short: 'SDPK', kind: 'party' },
	{ key: 'respublika', name: 'Respublika', kind: 'party' },
	{ key: 'ata-meken', name: 'Ata-Meken', kind: 'party' },
	{ key: 'zamandash', name: 'Zamandash', kind: 'party' },
	{ key: 'ar-namys', name: 'Ar-Namys', kind: 'party' },
	{ key: 'ata-jurt', name: 'Ata-Jurt', kind: 'party' },
	{ key: 'jogorku-kenesh', name: 'Jogorku Kenesh of the Kyrgyz Republic', short: 'Jogorku Kenesh', kind: 'government' }
];

const PARTNER_OTHER_NAMES = ['Citizens Against Corruption', 'WLP Kyrgyzstan'];

const SOURCE_BISHKEK_2012 = 'Azattyk; kginform; RFE/RL (final allocation of the 45 seats, November–December 2012)';
const BISHKEK_2012_SEATS: Array<[party: string, seats: number]> = [
	['sdpk', 21],
	['respublika', 11],
	['ata-meken', 7],
	['zamandash', 6]
];

const SOURCE_UN_WOMEN = 'UN Women Europe and Central Asia, 2017';
const SOURCE_CEC = 'Central Election Commission of the Kyrgyz Republic, via 24.kg';
const WOMEN_LOCAL_SEATS: Array<[year: number, percent: number, source: string, note?: string]> = [
	[2004, 19, SOURCE_UN_WOMEN],
	[2008, 17, SOURCE_UN_WOMEN],
	[2012, 12, SOURCE_UN_WOMEN],
	[2017, 10, SOURCE_UN_WOMEN, 'Early 2017'],
	[2019, 9, SOURCE_CEC],
	[2021, 38, SOURCE_CEC],
	[2024, 42, SOURCE_CEC]
];

export async function up(db: Kysely<any>): Promise<void> {
	const regionIds = new Map<string, number>();
	const insertRegion = async (row: { code: string; iso_code: string | null; level: string; parent_id: number | null; names: Names }) => {
		const [name_en, name_ru, name_ky] = row.names;
		const { id } = await db
			.insertInto('regions')
			.values({ code: row.code, iso_code: row.iso_code, level: row.level, parent_id: row.parent_id, name_en, name_ru, name_ky })
			.returning('id')
			.executeTakeFirstOrThrow();
		regionIds.set(row.code, id);
		return id as number;
	};

	for (const [iso, ...names] of COUNTRIES) {
		await insertRegion({ code: iso, iso_code: iso, level: 'country', parent_id: null, names });
	}
	const kg = regionIds.get('KG')!;
	for (const city of CITIES) {
		await insertRegion({ code: city.iso, iso_code: city.iso, level: 'city', parent_id: kg, names: city.names });
	}
	for (const oblast of OBLASTS) {
		const oblastId = await insertRegion({ code: oblast.iso, iso_code: oblast.iso, level: 'oblast', parent_id: kg, names: oblast.names });
		for (const [suffix, ...names] of oblast.raions) {
			await insertRegion({ code: `${oblast.iso}-${suffix}`, iso_code: null, level: 'raion', parent_id: oblastId, names });
		}
	}

	const orgIds = new Map<string, number>();
	for (const org of ORGANIZATIONS) {
		const { id } = await db
			.insertInto('organizations')
			.values({
				name: org.name,
				short_name: org.short ?? null,
				kind: org.kind,
				website: org.website ?? null,
				notes: org.notes ?? null,
				region_id: org.kind === 'international' ? null : kg
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		orgIds.set(org.key, id);
	}
	await db
		.insertInto('organization_names')
		.values(PARTNER_OTHER_NAMES.map((name) => ({ organization_id: orgIds.get('bir-duino'), name, lang: 'en', note: 'Earlier name' })))
		.execute();

	const march = await db
		.insertInto('elections')
		.values({
			name_en: 'Local kenesh elections, 4 March 2012',
			name_ru: 'Выборы в местные кенеши 4 марта 2012 года',
			name_ky: '2012-жылдын 4-мартындагы жергиликтүү кеңештердин шайлоосу',
			date: '2012-03-04',
			level: 'local',
			kind: 'other',
			country_id: kg,
			notes: '16 local keneshes, including the city keneshes of Osh, Karakol and Tokmok.',
			source: 'Azattyk; kginform'
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	const november = await db
		.insertInto('elections')
		.values({
			name_en: 'Local kenesh elections, 25 November 2012',
			name_ru: 'Выборы в местные кенеши 25 ноября 2012 года',
			name_ky: '2012-жылдын 25-ноябрындагы жергиликтүү кеңештердин шайлоосу',
			date: '2012-11-25',
			called_on: '2012-09-24',
			level: 'local',
			kind: 'regular',
			country_id: kg,
			notes: 'Regular elections to 25 city keneshes and 416 aiyl keneshes. City keneshes by party list (7% threshold, no more than 70% of one sex on a list); aiyl keneshes majoritarian in multi-member districts. The March 2012 Training of Trainers had planned for October.',
			source: 'Azattyk; kginform; RFE/RL; IDEA Gender Quotas Database'
		})
		.returning('id')
		.executeTakeFirstOrThrow();

	const cityContest = (electionId: number, regionCode: string, names: Names, seats: number | null, source: string) => {
		const [name_en, name_ru, name_ky] = names;
		return db
			.insertInto('contests')
			.values({ election_id: electionId, region_id: regionIds.get(regionCode), council_kind: 'city_kenesh', electoral_system: 'party_list', name_en, name_ru, name_ky, seats, source })
			.returning('id')
			.executeTakeFirstOrThrow();
	};
	await cityContest(march.id, 'KG-GO', ['Osh City Kenesh', 'Ошский городской кенеш', 'Ош шаардык кеңеши'], 45, 'Azattyk; kginform');
	await cityContest(march.id, 'KG-Y', ['Karakol City Kenesh', 'Каракольский городской кенеш', 'Каракол шаардык кеңеши'], null, 'Azattyk; kginform');
	await cityContest(march.id, 'KG-C', ['Tokmok City Kenesh', 'Токмокский городской кенеш', 'Токмок шаардык кеңеши'], null, 'Azattyk; kginform');
	const bishkek = await cityContest(november.id, 'KG-GB', ['Bishkek City Kenesh', 'Бишкекский городской кенеш', 'Бишкек шаардык кеңеши'], 45, SOURCE_BISHKEK_2012);
	await db
		.insertInto('party_results')
		.values(BISHKEK_2012_SEATS.map(([party, seats]) => ({ contest_id: bishkek.id, party_id: orgIds.get(party), seats_won: seats, source: SOURCE_BISHKEK_2012 })))
		.execute();

	await db
		.insertInto('context_indicators')
		.values(
			WOMEN_LOCAL_SEATS.map(([year, value, source, note]) => ({
				code: 'women_local_council_share',
				region_id: kg,
				year,
				value,
				unit: 'percent',
				label_en: "Women's share of local council seats",
				label_ru: 'Доля женщин в местных кенешах',
				label_ky: 'Жергиликтүү кеңештердеги аялдардын үлүшү',
				source,
				note: note ?? 'SDG indicator 5.5.1(b)'
			}))
		)
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.deleteFrom('context_indicators').execute();
	await db.deleteFrom('party_results').execute();
	await db.deleteFrom('contests').execute();
	await db.deleteFrom('elections').execute();
	await db.deleteFrom('organization_names').execute();
	await db.deleteFrom('organizations').execute();
	await db.deleteFrom('regions').execute();
}
