// Word lists for the demo data. People are fictional: full names are drawn at random from common
// given names, family names and patronymics (combinations that belong to well-known public figures
// are avoided by leaving their rarer parts out of the lists). Places are real; councils and contests
// built from them are demo rows.

/** Which naming tradition a woman's name follows; it also shapes her languages. */
export type NameStyle = 'kyrgyz' | 'russian' | 'uzbek';

export const GIVEN_NAMES: Record<NameStyle, readonly string[]> = {
	kyrgyz: [
		'Айгүл', 'Жылдыз', 'Гүлнара', 'Нургүл', 'Чолпон', 'Бермет', 'Айзада', 'Назгүл', 'Мээрим', 'Динара',
		'Алтынай', 'Каныкей', 'Айпери', 'Асель', 'Гүлзат', 'Жаркын', 'Бактыгүл', 'Нуриза', 'Салтанат', 'Толгонай',
		'Бурул', 'Кымбат', 'Айжамал', 'Гүлмира', 'Анара', 'Жазгүл', 'Замира', 'Сезим', 'Айнура', 'Чынара',
		'Гүлайым', 'Таттыгүл', 'Нурзат', 'Акылай', 'Бегимай', 'Элнура', 'Жамиля', 'Курманжан', 'Самара', 'Урмат'
	],
	russian: [
		'Елена', 'Ольга', 'Татьяна', 'Наталья', 'Ирина', 'Светлана', 'Марина', 'Анна', 'Людмила', 'Екатерина',
		'Галина', 'Юлия', 'Валентина', 'Оксана', 'Вера'
	],
	uzbek: ['Дилноза', 'Гулнора', 'Мухаббат', 'Нилуфар', 'Зарина', 'Шахноза', 'Феруза', 'Малика', 'Дилфуза', 'Юлдуз', 'Мохира', 'Барно']
};

/** Women's family names, already in the feminine form. */
export const FAMILY_NAMES: Record<NameStyle, readonly string[]> = {
	kyrgyz: [
		'Осмонова', 'Токтогулова', 'Асанова', 'Жумабаева', 'Абдылдаева', 'Садыкова', 'Иманалиева', 'Бекмаматова',
		'Турсунбаева', 'Мамытова', 'Сатыбалдиева', 'Эсенова', 'Касымова', 'Калыбекова', 'Орозбекова', 'Абдыкадырова',
		'Мамбетова', 'Алымкулова', 'Токтосунова', 'Сыдыкова', 'Кадырова', 'Бейшеналиева', 'Үсөнова', 'Шаршеева',
		'Молдокматова', 'Дүйшөнбаева', 'Кенжебаева', 'Арзыбаева', 'Темирбекова', 'Жолдошева', 'Болотбекова', 'Муратбекова'
	],
	russian: [
		'Иванова', 'Петрова', 'Смирнова', 'Кузнецова', 'Попова', 'Васильева', 'Соколова', 'Морозова', 'Волкова',
		'Павлова', 'Никитина', 'Фёдорова', 'Белова', 'Ковалёва'
	],
	uzbek: ['Рахимова', 'Юсупова', 'Каримова', 'Исмаилова', 'Турсунова', 'Абдуллаева', 'Мирзаева', 'Хасанова', 'Ахмедова', 'Нурматова']
};

/** Fathers' names: [as in "Асан кызы", as in "Асановна"]. */
export const KYRGYZ_FATHERS: ReadonlyArray<readonly [string, string]> = [
	['Асан', 'Асановна'], ['Марат', 'Маратовна'], ['Бакыт', 'Бакытовна'], ['Токтосун', 'Токтосуновна'],
	['Нурлан', 'Нурлановна'], ['Кубат', 'Кубатовна'], ['Эркин', 'Эркиновна'], ['Жаныбек', 'Жаныбековна'],
	['Алмаз', 'Алмазовна'], ['Самат', 'Саматовна'], ['Талант', 'Талантовна'], ['Болот', 'Болотовна'],
	['Мирлан', 'Мирлановна'], ['Бекболот', 'Бекболотовна'], ['Тилек', 'Тилековна'], ['Бектур', 'Бектуровна'],
	['Кайрат', 'Кайратовна'], ['Үсөн', 'Усеновна'], ['Мукан', 'Мукановна'], ['Орозбек', 'Орозбековна']
];
export const RUSSIAN_PATRONYMICS = [
	'Петровна', 'Ивановна', 'Николаевна', 'Сергеевна', 'Александровна', 'Викторовна', 'Владимировна',
	'Анатольевна', 'Михайловна', 'Юрьевна', 'Геннадьевна', 'Борисовна'
] as const;
export const UZBEK_PATRONYMICS = ['Алишеровна', 'Рустамовна', 'Бахтияровна', 'Фарходовна', 'Шухратовна', 'Улугбековна', 'Тахировна'] as const;

/** People who take the consent of the women recorded; fictional, like everyone in the demo. */
export const CONSENT_RECORDERS = [
	'Асель Бекмуратова (demo organizer)',
	'Гүлзат Сооронбаева (demo organizer)',
	'Наталья Ким (demo organizer)'
] as const;

export type Names3 = readonly [en: string, ru: string, ky: string];

/**
 * Where the demo women live. An oblast code stands for its main town (whose city kenesh the
 * 25 November 2012 election also elected); raion codes are those of the reference data, each with an
 * aiyl kenesh (the reference data has no villages, so the aiyl kenesh is named after its centre).
 */
export interface DemoArea {
	/** Region code of the oblast or city (reference data). */
	code: string;
	/** Where it is, as people there would write it. */
	town: string;
	language: 'ky' | 'ru';
	/** Main town's city kenesh elected on 25 November 2012, with its seats; none for Osh city (elected in March). */
	cityKenesh?: { names: Names3; seats: number };
	raions: ReadonlyArray<{ code: string; village: string; aiylKenesh: Names3 }>;
	/** How likely a woman here has a Russian or an Uzbek name. */
	styles: Readonly<Record<NameStyle, number>>;
}

export const AREAS: readonly DemoArea[] = [
	{
		code: 'KG-GB',
		town: 'Бишкек',
		language: 'ru',
		raions: [],
		styles: { kyrgyz: 0.65, russian: 0.33, uzbek: 0.02 }
	},
	{
		code: 'KG-GO',
		town: 'Ош',
		language: 'ky',
		raions: [],
		styles: { kyrgyz: 0.55, russian: 0.1, uzbek: 0.35 }
	},
	{
		code: 'KG-C',
		town: 'Кара-Балта',
		language: 'ru',
		cityKenesh: { names: ['Kara-Balta City Kenesh', 'Кара-Балтинский городской кенеш', 'Кара-Балта шаардык кеңеши'], seats: 31 },
		raions: [
			{ code: 'KG-C-ALA', village: 'Лебединовка', aiylKenesh: ['Lebedinovka Aiyl Kenesh', 'Лебединовский айыльный кенеш', 'Лебединовка айыл кеңеши'] },
			{ code: 'KG-C-SOK', village: 'Сокулук', aiylKenesh: ['Sokuluk Aiyl Kenesh', 'Сокулукский айыльный кенеш', 'Сокулук айыл кеңеши'] },
			{ code: 'KG-C-YSA', village: 'Ивановка', aiylKenesh: ['Ivanovka Aiyl Kenesh', 'Ивановский айыльный кенеш', 'Ивановка айыл кеңеши'] }
		],
		styles: { kyrgyz: 0.6, russian: 0.4, uzbek: 0 }
	},
	{
		code: 'KG-Y',
		town: 'Балыкчы',
		language: 'ky',
		cityKenesh: { names: ['Balykchy City Kenesh', 'Балыкчинский городской кенеш', 'Балыкчы шаардык кеңеши'], seats: 25 },
		raions: [
			{ code: 'KG-Y-TON', village: 'Боконбаево', aiylKenesh: ['Bokonbaev Aiyl Kenesh', 'Боконбаевский айыльный кенеш', 'Боконбаев айыл кеңеши'] },
			{ code: 'KG-Y-TUP', village: 'Түп', aiylKenesh: ['Tüp Aiyl Kenesh', 'Тюпский айыльный кенеш', 'Түп айыл кеңеши'] },
			{ code: 'KG-Y-JET', village: 'Кызыл-Суу', aiylKenesh: ['Kyzyl-Suu Aiyl Kenesh', 'Кызыл-Суйский айыльный кенеш', 'Кызыл-Суу айыл кеңеши'] }
		],
		styles: { kyrgyz: 0.8, russian: 0.2, uzbek: 0 }
	},
	{
		code: 'KG-J',
		town: 'Жалал-Абад',
		language: 'ky',
		cityKenesh: { names: ['Jalal-Abad City Kenesh', 'Джалал-Абадский городской кенеш', 'Жалал-Абад шаардык кеңеши'], seats: 35 },
		raions: [
			{ code: 'KG-J-SUZ', village: 'Сузак', aiylKenesh: ['Suzak Aiyl Kenesh', 'Сузакский айыльный кенеш', 'Сузак айыл кеңеши'] },
			{ code: 'KG-J-BAZ', village: 'Базар-Коргон', aiylKenesh: ['Bazar-Korgon Aiyl Kenesh', 'Базар-Коргонский айыльный кенеш', 'Базар-Коргон айыл кеңеши'] },
			{ code: 'KG-J-NOO', village: 'Массы', aiylKenesh: ['Massy Aiyl Kenesh', 'Массийский айыльный кенеш', 'Массы айыл кеңеши'] }
		],
		styles: { kyrgyz: 0.75, russian: 0.05, uzbek: 0.2 }
	},
	{
		code: 'KG-N',
		town: 'Нарын',
		language: 'ky',
		cityKenesh: { names: ['Naryn City Kenesh', 'Нарынский городской кенеш', 'Нарын шаардык кеңеши'], seats: 25 },
		raions: [
			{ code: 'KG-N-KOC', village: 'Кочкор', aiylKenesh: ['Kochkor Aiyl Kenesh', 'Кочкорский айыльный кенеш', 'Кочкор айыл кеңеши'] },
			{ code: 'KG-N-ATB', village: 'Ат-Башы', aiylKenesh: ['At-Bashy Aiyl Kenesh', 'Ат-Башинский айыльный кенеш', 'Ат-Башы айыл кеңеши'] },
			{ code: 'KG-N-JUM', village: 'Чаек', aiylKenesh: ['Chaek Aiyl Kenesh', 'Чаекский айыльный кенеш', 'Чаек айыл кеңеши'] }
		],
		styles: { kyrgyz: 0.97, russian: 0.03, uzbek: 0 }
	},
	{
		code: 'KG-O',
		town: 'Өзгөн',
		language: 'ky',
		cityKenesh: { names: ['Özgön City Kenesh', 'Узгенский городской кенеш', 'Өзгөн шаардык кеңеши'], seats: 25 },
		raions: [
			{ code: 'KG-O-ARA', village: 'Араван', aiylKenesh: ['Aravan Aiyl Kenesh', 'Араванский айыльный кенеш', 'Араван айыл кеңеши'] },
			{ code: 'KG-O-ALY', village: 'Гүлчө', aiylKenesh: ['Gülchö Aiyl Kenesh', 'Гульчинский айыльный кенеш', 'Гүлчө айыл кеңеши'] },
			{ code: 'KG-O-KKU', village: 'Кара-Кулжа', aiylKenesh: ['Kara-Kulja Aiyl Kenesh', 'Кара-Кульджинский айыльный кенеш', 'Кара-Кулжа айыл кеңеши'] }
		],
		styles: { kyrgyz: 0.7, russian: 0.03, uzbek: 0.27 }
	},
	{
		code: 'KG-T',
		town: 'Талас',
		language: 'ky',
		cityKenesh: { names: ['Talas City Kenesh', 'Таласский городской кенеш', 'Талас шаардык кеңеши'], seats: 25 },
		raions: [
			{ code: 'KG-T-KBU', village: 'Кызыл-Адыр', aiylKenesh: ['Kyzyl-Adyr Aiyl Kenesh', 'Кызыл-Адырский айыльный кенеш', 'Кызыл-Адыр айыл кеңеши'] },
			{ code: 'KG-T-BAK', village: 'Бакай-Ата', aiylKenesh: ['Bakay-Ata Aiyl Kenesh', 'Бакай-Атинский айыльный кенеш', 'Бакай-Ата айыл кеңеши'] },
			{ code: 'KG-T-TAL', village: 'Көк-Ой', aiylKenesh: ['Kök-Oy Aiyl Kenesh', 'Кок-Ойский айыльный кенеш', 'Көк-Ой айыл кеңеши'] }
		],
		styles: { kyrgyz: 0.95, russian: 0.05, uzbek: 0 }
	},
	{
		code: 'KG-B',
		town: 'Баткен',
		language: 'ky',
		cityKenesh: { names: ['Batken City Kenesh', 'Баткенский городской кенеш', 'Баткен шаардык кеңеши'], seats: 21 },
		raions: [
			{ code: 'KG-B-KAD', village: 'Уч-Коргон', aiylKenesh: ['Uch-Korgon Aiyl Kenesh', 'Уч-Коргонский айыльный кенеш', 'Уч-Коргон айыл кеңеши'] },
			{ code: 'KG-B-LEI', village: 'Катран', aiylKenesh: ['Katran Aiyl Kenesh', 'Катранский айыльный кенеш', 'Катран айыл кеңеши'] },
			{ code: 'KG-B-BAT', village: 'Самаркандек', aiylKenesh: ['Samarkandek Aiyl Kenesh', 'Самаркандекский айыльный кенеш', 'Самаркандек айыл кеңеши'] }
		],
		styles: { kyrgyz: 0.7, russian: 0.02, uzbek: 0.28 }
	}
];

/** Demo organizations: fictional names in the Russian and Kyrgyz usage of local NGOs. */
export interface DemoOrganizationSeed {
	name: string;
	short_name?: string;
	kind: 'ngo' | 'university' | 'media';
	/** A youth group (kind 'ngo'), for youth activists. */
	youth?: boolean;
	region: string;
	formerName?: { name: string; start_date: string; end_date: string };
}

export const DEMO_ORGANIZATIONS: readonly DemoOrganizationSeed[] = [
	{ name: 'Общественное объединение «Ай-Нур» — центр женского лидерства', short_name: 'ОО «Ай-Нур»', kind: 'ngo', region: 'KG-GB' },
	{ name: 'Общественный фонд «Кыздар келечеги»', short_name: 'ОФ «Кыздар келечеги»', kind: 'ngo', region: 'KG-GB', formerName: { name: 'Инициативная группа «Кыздар келечеги»', start_date: '2006-03-01', end_date: '2010-12-31' } },
	{ name: 'Ош аялдар демилгеси коомдук бирикмеси', short_name: 'КБ «Ош аялдар демилгеси»', kind: 'ngo', region: 'KG-GO' },
	{ name: 'Общественное объединение «Чүй Демилге»', short_name: 'ОО «Чүй Демилге»', kind: 'ngo', region: 'KG-C' },
	{ name: 'Ысык-Көл жарыгы коомдук бирикмеси', short_name: 'КБ «Ысык-Көл жарыгы»', kind: 'ngo', region: 'KG-Y' },
	{ name: 'Общественное объединение «Жалал-Абад аялдар кеңеши»', short_name: 'ОО «ЖААК»', kind: 'ngo', region: 'KG-J' },
	{ name: 'Нарын аялдары коомдук бирикмеси', short_name: 'КБ «Нарын аялдары»', kind: 'ngo', region: 'KG-N', formerName: { name: 'Нарынский женский ресурсный центр', start_date: '2003-05-15', end_date: '2009-06-30' } },
	{ name: 'Общественное объединение «Тең укук — Ош облусу»', short_name: 'ОО «Тең укук»', kind: 'ngo', region: 'KG-O' },
	{ name: 'Талас аял демилгеси коомдук бирикмеси', short_name: 'КБ «Талас аял демилгеси»', kind: 'ngo', region: 'KG-T' },
	{ name: 'Общественное объединение «Баткен булагы»', short_name: 'ОО «Баткен булагы»', kind: 'ngo', region: 'KG-B' },
	{ name: 'Институт общественных наук «Ала-Тоо Билим»', kind: 'university', region: 'KG-GB' },
	{ name: 'Ошский гуманитарный колледж «Нур Билим»', kind: 'university', region: 'KG-GO' },
	{ name: 'Интернет-издание «Шаар жаңылыктары»', kind: 'media', region: 'KG-GB' },
	{ name: 'Газета «Нарын таңы»', kind: 'media', region: 'KG-N' },
	{ name: 'Радио «Жалал-Абад үнү»', kind: 'media', region: 'KG-J' },
	{ name: 'Молодёжное движение «Жаш лидер»', kind: 'ngo', youth: true, region: 'KG-GB' },
	{ name: 'Ысык-Көл жаштары клубу', kind: 'ngo', youth: true, region: 'KG-Y' }
];

/** Campaign work as organizers' notes describe it (Russian, as most reports are written). */
export const ACTIVITY_DESCRIPTIONS = {
	meeting: ['Встреча с избирателями в доме культуры', 'Встреча с женским советом села', 'Встреча с аксакалами', 'Собрание жителей микрорайона'],
	media: ['Интервью местной газете', 'Выступление на районном радио', 'Участие в передаче местного телеканала'],
	social_media: ['Страница кампании в Facebook', 'Обращение к избирателям в Одноклассниках', 'Рассылка в WhatsApp-группах села'],
	door_to_door: ['Поквартирный обход с волонтёрами', 'Обход домов вместе с командой', 'Раздача листовок по домам'],
	debate: ['Дебаты кандидатов в школе', 'Публичные дебаты в айыл өкмөтү'],
	other: ['Тренинг для наблюдателей на участке', 'Подготовка наблюдателей в день голосования']
} as const;

/** The four TOT facilitators (fictional women; their countries are those of the real TOT's trainers). */
export const FACILITATORS = [
	{ region: 'JO', given: 'Лина', family: 'Хаддад', patronymic: null, languages: ['en'], from: 'Jordan' },
	{ region: 'KZ', given: 'Айгерим', family: 'Жаксылыкова', patronymic: 'Нурлановна', languages: ['ru', 'en'], from: 'Kazakhstan' },
	{ region: 'UZ', given: 'Дилноза', family: 'Рахимова', patronymic: 'Алишеровна', languages: ['uz', 'ru', 'en'], from: 'Uzbekistan' },
	{ region: 'KG-GB', given: 'Чолпон', family: 'Абдыкадырова', patronymic: 'Бакытовна', languages: ['ky', 'ru', 'en'], from: 'Kyrgyzstan' }
] as const;
