import { DEFAULT_ELECTION_YEAR } from '$lib/domain/funnel';
import type { Background } from '$lib/domain/enums';
import { formatDate } from '$lib/i18n/format';
import { BACKGROUND_LABELS } from '$lib/i18n/labels';
import { m } from '$lib/paraglide/messages';
import type { ImpactPageData } from '$lib/server/impact/page';

type Query = ImpactPageData['query'];
type Choices = ImpactPageData['choices'];

const dated = (c: { label: string; date: string }) => `${c.label} (${formatDate(c.date)})`;

/** The filters in force, in words (above the figures, in the report's header): [] when none. */
export function activeFilters(query: Query, choices: Choices): { label: string; value: string }[] {
	const pick = <T extends { value: number }>(list: T[], id: number | null) => (id === null ? undefined : list.find((c) => c.value === id));
	const election = pick(choices.election, query.election);
	const region = pick(choices.region, query.region);
	const training = pick(choices.training, query.training);
	return [
		...(election ? [{ label: m.col_election(), value: dated(election) }] : []),
		...(region ? [{ label: m.col_region(), value: region.label.replace(/^— /, '') }] : []),
		...(training ? [{ label: m.filter_training(), value: dated(training) }] : []),
		...(query.background ? [{ label: m.col_background(), value: BACKGROUND_LABELS[query.background as Background]() }] : [])
	];
}

/** The year ages and the national share are read at: the chosen election's, else the 2012 elections'. */
export function electionYear(query: Query, choices: Choices): number {
	const election = choices.election.find((e) => e.value === query.election);
	return election ? Number(election.date.slice(0, 4)) : DEFAULT_ELECTION_YEAR;
}

/** The filter options as the form's selects list them. */
export function filterOptions(choices: Choices) {
	return {
		election: choices.election.map((e) => ({ value: e.value, label: dated(e) })),
		region: choices.region,
		training: choices.training.map((t) => ({ value: t.value, label: dated(t) }))
	};
}
