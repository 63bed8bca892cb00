// Names are stored as written (usually Cyrillic, Kyrgyz letters ң ө ү included). For display in Latin
// script and for search and sorting across scripts we derive three forms here, in one place.

const CYRILLIC_TO_LATIN: Record<string, string> = {
	а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'yo', ж: 'zh', з: 'z', и: 'i', й: 'i', к: 'k',
	л: 'l', м: 'm', н: 'n', ң: 'ng', о: 'o', ө: 'ö', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ү: 'ü',
	ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
	// "й" as "i", the usual spelling in passports: Айгүл → Aigül, Алексей → Aleksei.
	// Kazakh and Uzbek letters that turn up in the region's names
	ә: 'a', ғ: 'gh', қ: 'q', ұ: 'u', һ: 'h', і: 'i', ў: 'o', ҳ: 'h'
};

/** A readable Latin form, e.g. "Айгүл Осмонова" → "Aigül Osmonova". Latin input is returned as is. */
export function transliterate(text: string): string {
	let out = '';
	const chars = [...text];
	chars.forEach((ch, i) => {
		const lower = ch.toLowerCase();
		let latin = CYRILLIC_TO_LATIN[lower];
		if (latin === undefined) {
			out += ch;
			return;
		}
		if (latin && ch !== lower) {
			const next = chars[i + 1];
			const nextIsUpper = next !== undefined && next !== next.toLowerCase();
			latin = nextIsUpper || latin.length === 1 ? latin.toUpperCase() : latin[0].toUpperCase() + latin.slice(1);
		}
		out += latin;
	});
	return out;
}

function stripMarks(text: string): string {
	return text.normalize('NFD').replace(/\p{M}/gu, '');
}

/**
 * A spelling-tolerant key: the same for "Айгүл", "Айгуль", "Aigul", "Aygul" and "AIGÜL". Used with a
 * trigram index for "contains" search. Not for display.
 */
export function searchKey(text: string): string {
	let s = stripMarks(transliterate(text.toLowerCase()).toLowerCase());
	s = s
		.replace(/shch|sch/g, 'sh')
		.replace(/dzh|dj|zh/g, 'j')
		.replace(/kh|x/g, 'h')
		.replace(/ts|tz/g, 'c')
		.replace(/ng/g, 'n')
		.replace(/w/g, 'v')
		.replace(/q/g, 'k')
		.replace(/y/g, 'i')
		.replace(/['’`ʼ]/g, '')
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.replace(/(\p{L})\1+/gu, '$1');
	return s.trim();
}

// Alphabetical order within each script: the Kyrgyz alphabet (Russian letters with ң, ө, ү in their
// places; Kazakh and Uzbek letters beside their nearest ones), and the Latin alphabet. Each letter
// becomes one character whose code point gives its rank, so comparing keys byte by byte (COLLATE "C",
// the same in PGlite and PostgreSQL) sorts names as a reader of that script expects.
const CYRILLIC_ORDER = 'аәбвгғдеёжзиійкқлмнңоөпрстуұүўфхһҳцчшщъыьэюя';
const LATIN_ORDER = 'abcdefghijklmnopqrstuvwxyz';
const LATIN_BASE = 0x100;
const CYRILLIC_BASE = 0x200;

/**
 * The key lists sort by: Latin names in Latin order, then Cyrillic names in Kyrgyz alphabetical
 * order (Осмонова before Өмүрбекова before Пак). Case and diacritics of Latin letters are ignored.
 */
export function sortKey(text: string): string {
	let key = '';
	let space = false;
	for (const ch of text.toLowerCase()) {
		const cyrillic = CYRILLIC_ORDER.indexOf(ch);
		if (cyrillic >= 0) {
			key += String.fromCharCode(CYRILLIC_BASE + cyrillic);
			space = false;
			continue;
		}
		const base = stripMarks(ch);
		const latin = base.length === 1 ? LATIN_ORDER.indexOf(base) : -1;
		if (latin >= 0) key += String.fromCharCode(LATIN_BASE + latin);
		else if (/\d/.test(ch)) key += ch;
		else if (/\s|-/.test(ch) && key && !space) {
			key += ' ';
			space = true;
			continue;
		} else continue;
		space = false;
	}
	return key.trim();
}
