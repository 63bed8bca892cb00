import { suppressCount, type SuppressedCount } from '$lib/domain/privacy';
import { wilson, type Rate } from '$lib/domain/stats';
import type { Background, ElectoralSystem } from '$lib/domain/enums';
import type { FunnelStage } from '$lib/domain/funnel';
import { formatCount, formatDate, formatMonth, formatNumber, formatPercent } from '$lib/i18n/format';
import { BACKGROUND_LABELS } from '$lib/i18n/labels';
import { ELECTORAL_SYSTEM_LABELS } from '$lib/i18n/labels-elections';
import { m } from '$lib/paraglide/messages';
import type { ShownDashboard, ShownRate } from '$lib/server/impact/figures-view';
import type { ImpactPageData } from '$lib/server/impact/page';
import type { ChartPlot, Interval, Series } from './chart-config';
import { percentCell, type Cell, type ChartTable } from './chart-table';
import { electionYear } from './filters';
import { richText, type RichText } from './rich-text';
import { COLOURS, LEVEL_COLOURS } from './palette';

// Every chart of the impact pages, built from the dashboard as the server sent it (suppressed for
// funders: a count of 1–4 is "<5", drawn as nothing, and a rate resting on one is not shown). /impact
// and /impact/report show the same charts, from here.

export interface ChartSpec {
	id: string;
	title: string;
	summary: RichText | string;
	note: string;
	plot: ChartPlot;
	table: ChartTable;
	sources?: { text: string; url: string | null }[];
	/** Nothing to draw for these filters (the table and the note still say what would be shown). */
	empty: boolean;
}

export interface ChartSection {
	id: string;
	heading: string;
	charts: ChartSpec[];
}

type Count = SuppressedCount | null | undefined;

/** A count as a bar: a suppressed one ("<5") is not drawn. */
const bar = (c: Count): number | null => (typeof c === 'number' ? c : null);
const cell = (c: Count): Cell => c ?? null;
const isZero = (c: Count) => c === 0 || c === null || c === undefined;

/** k of n with its 95% Wilson interval, when both are exact (staff, or funders' counts of 5 and more). */
function rateOf(k: Count, n: Count): Rate | null {
	return typeof k === 'number' && typeof n === 'number' && n > 0 && k <= n ? wilson(k, n) : null;
}
const share = (k: Count, n: Count): number | null => rateOf(k, n)?.rate ?? null;
const intervalOf = (r: ShownRate | Rate | null): Interval | null => (r && r.low !== null && r.high !== null ? [r.low, r.high] : null);
const rateCells = (r: ShownRate | Rate | null): Cell[] => [percentCell(r?.rate), percentCell(r?.low), percentCell(r?.high)];
const rateText = (r: ShownRate | Rate | null) => (r?.rate === null || r?.rate === undefined ? m.dash_not_enough_data() : formatPercent(r.rate));
const RATE_COLUMNS = () => [m.dash_col_win_rate(), m.dash_col_low(), m.dash_col_high()];

const STAGE_LABELS: Record<FunnelStage, () => string> = {
	trained: m.dash_stage_trained,
	intending: m.dash_stage_intending,
	nominated: m.dash_stage_nominated,
	registered: m.dash_stage_registered,
	on_ballot: m.dash_stage_on_ballot,
	elected: m.dash_stage_elected
};

const GROUP_LABELS: Record<ShownDashboard['comparison'][number]['group'], () => string> = {
	trainees: m.dash_group_trainees,
	other_women: m.dash_group_other_women,
	all_candidates: m.dash_group_all_candidates
};

function funnelChart(d: ShownDashboard): ChartSpec {
	const people = d.funnel.map((s) => s.people);
	const at = (stage: FunnelStage) => d.funnel.find((s) => s.stage === stage)?.people ?? 0;
	return {
		id: 'funnel',
		title: m.dash_funnel_title(),
		summary: m.dash_funnel_summary({ trained: formatCount(at('trained')), registered: formatCount(at('registered')), ballot: formatCount(at('on_ballot')), elected: formatCount(at('elected')) }),
		note: m.dash_funnel_note(),
		empty: isZero(at('trained')),
		plot: {
			kind: 'bar',
			horizontal: true,
			labels: d.funnel.map((s) => STAGE_LABELS[s.stage]()),
			series: [{ label: m.dash_series_people(), colour: COLOURS.trained, values: people.map(bar) }],
			categoryTitle: m.dash_axis_stage(),
			valueTitle: m.dash_axis_people()
		},
		table: {
			columns: [m.dash_axis_stage(), m.dash_col_people(), m.dash_col_of_previous(), m.dash_col_of_trained()],
			rows: d.funnel.map((s, i) => ({
				key: s.stage,
				cells: [STAGE_LABELS[s.stage](), cell(s.people), i === 0 ? null : percentCell(share(s.people, people[i - 1])), percentCell(share(s.people, people[0]))]
			}))
		}
	};
}

/** The group with the largest count (suppressed counts are not compared), or null. */
function largestOf<T>(groups: T[], count: (g: T) => Count): T | null {
	return groups.reduce<T | null>((top, g) => ((bar(count(g)) ?? -1) > (top === null ? -1 : (bar(count(top)) ?? -1)) ? g : top), null);
}

/** "N groups. The largest: X (n); the most seats won: Y (k)." */
function groupSummary(groups: number, largest: { label: string } | null, size: Count, mostWon: { label: string; won: Count } | null): RichText {
	const won = mostWon && !isZero(mostWon.won);
	const params = { groups: formatNumber(groups), top: largest?.label ?? '—', count: formatCount(size ?? 0), topwon: won ? mostWon.label : '—', won: formatCount(won ? (mostWon.won ?? 0) : 0) };
	return richText(m.dash_group_summary, params, ['top', 'topwon']);
}

interface GroupRow {
	key: string;
	label: string;
	won: Count;
	decided: Count;
	pending?: Count;
}

interface Bar<G> {
	label: string;
	colour: string;
	count: (group: G) => Count;
}

/**
 * Counts by a grouping (region, background, age band of the trainees; party, electoral system of their
 * candidacies) as bars side by side, the first bar saying how large a group is; the table adds the races
 * decided (and pending) and the win rate with its interval.
 */
function groupChart<G extends GroupRow>(id: string, groups: G[], bars: Bar<G>[], text: { title: string; axis: string; valueTitle: string; note: string; data?: boolean }): ChartSpec {
	const withPending = groups.some((g) => g.pending !== undefined);
	const size = bars[0].count;
	const largest = largestOf(groups, size);
	return {
		id,
		title: text.title,
		summary: groupSummary(groups.length, largest, largest ? size(largest) : 0, largestOf(groups, (g) => g.won)),
		note: text.note,
		empty: groups.every((g) => isZero(size(g))),
		plot: {
			kind: 'bar',
			horizontal: true,
			labels: groups.map((g) => g.label),
			series: bars.map((b) => ({ label: b.label, colour: b.colour, values: groups.map((g) => bar(b.count(g))) })),
			categoryTitle: text.axis,
			valueTitle: text.valueTitle
		},
		table: {
			columns: [text.axis, ...bars.map((b) => b.label), m.dash_col_decided(), ...(withPending ? [m.dash_col_pending()] : []), ...RATE_COLUMNS()],
			dataColumns: text.data ? [0] : [],
			rows: groups.map((g) => ({
				key: g.key,
				cells: [g.label, ...bars.map((b) => cell(b.count(g))), cell(g.decided), ...(withPending ? [cell(g.pending)] : []), ...rateCells(rateOf(g.won, g.decided))]
			}))
		}
	};
}

/** Trained, ran and won: how each group of trainees fared. */
const peopleBars = <G extends { trained: Count; ran: Count; won: Count }>(): Bar<G>[] => [
	{ label: m.dash_series_trained(), colour: COLOURS.trained, count: (g) => g.trained },
	{ label: m.dash_series_ran(), colour: COLOURS.ran, count: (g) => g.ran },
	{ label: m.dash_series_won(), colour: COLOURS.won, count: (g) => g.won }
];

/** Candidacies and seats won. */
const candidacyBars = <G extends { candidacies: Count; won: Count }>(): Bar<G>[] => [
	{ label: m.dash_series_candidacies(), colour: COLOURS.ran, count: (g) => g.candidacies },
	{ label: m.dash_series_won(), colour: COLOURS.won, count: (g) => g.won }
];

function comparisonChart(d: ShownDashboard): ChartSpec {
	const rates = d.comparison.map((c) => ({ label: GROUP_LABELS[c.group](), rate: c.rate, group: c.group }));
	const of = (group: string) => rates.find((r) => r.group === group)?.rate ?? null;
	const colours = { trainees: COLOURS.trainees, other_women: COLOURS.otherWomen, all_candidates: COLOURS.allCandidates };
	return {
		id: 'comparison',
		title: m.dash_comparison_title(),
		summary: m.dash_comparison_summary({ trainees: rateText(of('trainees')), others: rateText(of('other_women')), all: rateText(of('all_candidates')) }),
		note: m.dash_comparison_note({ contests: formatNumber(d.contestsWithoutTotals) }),
		empty: rates.every((r) => r.rate.rate === null),
		plot: {
			kind: 'bar',
			labels: rates.map((r) => r.label),
			series: [{ label: m.dash_col_win_rate(), colour: rates.map((r) => colours[r.group]), values: rates.map((r) => r.rate.rate), intervals: rates.map((r) => intervalOf(r.rate)) }],
			categoryTitle: m.dash_axis_group(),
			valueTitle: m.dash_axis_win_rate(),
			percent: true
		},
		table: {
			columns: [m.dash_axis_group(), m.dash_series_won(), m.dash_col_decided(), ...RATE_COLUMNS()],
			rows: rates.map((r) => ({ key: r.group, cells: [r.label, cell(r.rate.k), cell(r.rate.n), ...rateCells(r.rate)] }))
		}
	};
}

function seatShareChart(d: ShownDashboard, year: number): ChartSpec {
	const s = d.seatShare;
	const national = s.national;
	const atElection = national.find((n) => n.year === year) ?? national.filter((n) => n.year <= year).at(-1) ?? null;
	const councils = [
		{ key: 'before', label: m.dash_seats_before(), rate: s.before },
		{ key: 'after', label: m.dash_seats_after(), rate: s.after }
	];
	const labels = [...councils.map((c) => c.label), ...national.map((n) => m.dash_seats_national_year({ year: String(n.year) }))];
	const gap = national.map(() => null);
	const sources = [...new Map(national.map((n) => [n.source, { text: n.source, url: n.sourceUrl }])).values()];
	return {
		id: 'seat-share',
		title: m.dash_seats_title(),
		summary: m.dash_seats_summary({
			councils: formatCount(s.councils),
			seats: formatCount(s.seats),
			before: rateText(s.before),
			after: rateText(s.after),
			year: String(atElection?.year ?? year),
			national: atElection ? formatPercent(atElection.share / 100) : m.dash_not_enough_data()
		}),
		note: m.dash_seats_note(),
		empty: councils.every((c) => c.rate.rate === null) && national.length === 0,
		sources,
		plot: {
			kind: 'bar',
			labels,
			series: [
				{ label: m.dash_series_trainee_councils(), colour: COLOURS.trainees, values: [...councils.map((c) => c.rate.rate), ...gap], intervals: [...councils.map((c) => intervalOf(c.rate)), ...gap] },
				{ label: m.dash_series_national(), colour: COLOURS.national, values: [null, null, ...national.map((n) => n.share / 100)] }
			],
			categoryTitle: m.dash_axis_councils(),
			valueTitle: m.dash_axis_women_share(),
			percent: true
		},
		table: {
			columns: [m.dash_axis_councils(), m.dash_col_women_seats(), m.dash_col_seats(), m.dash_col_share(), m.dash_col_low(), m.dash_col_high()],
			rows: [
				...councils.map((c) => ({ key: c.key, cells: [c.label, cell(c.rate.k), cell(c.rate.n), ...rateCells(c.rate)] })),
				...national.map((n) => ({ key: `national-${n.year}`, cells: [m.dash_seats_national_year({ year: String(n.year) }), null, null, percentCell(n.share / 100), null, null] }))
			]
		}
	};
}

function growthChart(d: ShownDashboard): ChartSpec {
	const months = [...new Set(d.cascadeGrowth.map((g) => g.month))].sort();
	const levels = [...new Set(d.cascadeGrowth.map((g) => g.level))].sort((a, b) => a - b);
	const valueAt = (month: string, level: number) => d.cascadeGrowth.find((g) => g.month === month && g.level === level)?.cumulative ?? 0;
	const levelLabel = (level: number) => (level === 1 ? m.dash_level_tot() : m.dash_level({ level: formatNumber(level) }));
	const totalAt = (month: string) => {
		const counts = levels.map((l) => valueAt(month, l));
		return counts.every((c) => typeof c === 'number') ? (counts as number[]).reduce((a, b) => a + b, 0) : null;
	};
	const last = months.at(-1);
	return {
		id: 'cascade-growth',
		title: m.dash_growth_title(),
		summary: last
			? m.dash_growth_summary({ first: formatMonth(months[0]), last: formatMonth(last), total: formatCount(totalAt(last) ?? '<5'), levels: formatNumber(levels.length) })
			: m.dash_no_data(),
		note: m.dash_growth_note(),
		empty: months.length === 0,
		plot: {
			kind: 'line',
			stacked: true,
			labels: months.map((mo) => formatMonth(mo)),
			series: levels.map((level, i) => ({ label: levelLabel(level), colour: LEVEL_COLOURS[i % LEVEL_COLOURS.length], values: months.map((mo) => bar(valueAt(mo, level))) })),
			categoryTitle: m.dash_axis_month(),
			valueTitle: m.dash_axis_people_cumulative()
		},
		table: {
			columns: [m.dash_axis_month(), ...levels.map(levelLabel), m.dash_col_total()],
			rows: months.map((mo) => ({ key: mo, cells: [formatMonth(mo), ...levels.map((l) => cell(valueAt(mo, l))), totalAt(mo)] }))
		}
	};
}

function reachChart(d: ShownDashboard): ChartSpec {
	const tots = d.reachPerTot;
	const first = tots[0];
	return {
		id: 'reach',
		title: m.dash_reach_title(),
		summary: first
			? richText(
					m.dash_reach_summary,
					{
						tots: formatNumber(tots.length),
						title: first.title,
						total: formatCount(first.total),
						direct: formatCount(first.direct),
						levels: formatNumber(Number(first.levels)),
						multiplier: first.multiplier === null ? m.dash_not_enough_data() : formatNumber(first.multiplier)
					},
					['title']
				)
			: m.dash_no_data(),
		note: m.dash_reach_note(),
		empty: tots.length === 0,
		plot: {
			kind: 'bar',
			horizontal: true,
			labels: tots.map((t) => `${t.title} (${formatDate(t.startDate)})`),
			series: [
				{ label: m.dash_series_direct(), colour: COLOURS.trained, values: tots.map((t) => bar(t.direct)) },
				{ label: m.dash_series_reach(), colour: COLOURS.ran, values: tots.map((t) => bar(t.total)) }
			],
			categoryTitle: m.dash_axis_tot(),
			valueTitle: m.dash_axis_people()
		},
		table: {
			columns: [m.dash_axis_tot(), m.dash_col_date(), m.dash_series_direct(), m.dash_series_reach(), m.dash_col_levels(), m.dash_col_multiplier()],
			labelColumns: 2,
			dataColumns: [0],
			rows: tots.map((t) => ({
				key: String(t.trainingId),
				cells: [t.title, formatDate(t.startDate), cell(t.direct), cell(t.total), cell(t.levels), t.multiplier === null ? null : Math.round(t.multiplier * 10) / 10]
			}))
		}
	};
}

function listPositionsChart(d: ShownDashboard, funderView: boolean): ChartSpec {
	const rows = d.listPositions;
	const placed = rows.filter((r): r is typeof r & { seatsWon: number } => r.seatsWon !== null);
	const points = (elected: boolean | null) => placed.filter((r) => r.elected === elected).map((r) => ({ x: r.position, y: r.seatsWon }));
	const reach = Math.max(1, ...placed.map((r) => Math.max(r.position, r.seatsWon)));
	const outcomes = [
		{ elected: true, label: m.dash_outcome_elected(), colour: COLOURS.won },
		{ elected: false, label: m.dash_outcome_not_elected(), colour: COLOURS.lost },
		{ elected: null, label: m.dash_outcome_pending(), colour: COLOURS.pending }
	];
	// The table counts the points by where they stand against the seats won; new counts of women, so
	// suppressed for funders like every other.
	const shown = (n: number): Cell => (funderView ? suppressCount(n) : n);
	const places = [
		{ key: 'within', label: m.dash_lists_within(), of: rows.filter((r) => r.seatsWon !== null && r.position <= r.seatsWon) },
		{ key: 'beyond', label: m.dash_lists_beyond(), of: rows.filter((r) => r.seatsWon !== null && r.position > r.seatsWon) },
		{ key: 'unknown', label: m.dash_lists_seats_unknown(), of: rows.filter((r) => r.seatsWon === null) }
	];
	return {
		id: 'list-positions',
		title: m.dash_lists_title(),
		summary: m.dash_lists_summary({
			candidates: formatCount(shown(rows.length) as SuppressedCount),
			within: formatCount(shown(places[0].of.length) as SuppressedCount),
			elected: formatCount(shown(rows.filter((r) => r.elected === true).length) as SuppressedCount)
		}),
		note: m.dash_lists_note(),
		empty: placed.length === 0,
		plot: {
			kind: 'scatter',
			series: [
				...outcomes.map((o): Series => ({ label: o.label, colour: o.colour, points: points(o.elected) })),
				{ label: m.dash_series_position_line(), colour: COLOURS.national, points: [{ x: 0, y: 0 }, { x: reach, y: reach }], line: true, dashed: true }
			],
			categoryTitle: m.dash_axis_position(),
			valueTitle: m.dash_axis_seats_won()
		},
		table: {
			columns: [m.dash_axis_position(), ...outcomes.map((o) => o.label), m.dash_col_total()],
			rows: places.map((p) => ({ key: p.key, cells: [p.label, ...outcomes.map((o) => shown(p.of.filter((r) => r.elected === o.elected).length)), shown(p.of.length)] }))
		}
	};
}

/** The dashboard's charts, section by section, in the order both pages show them. */
export function impactCharts(data: Pick<ImpactPageData, 'dashboard' | 'query' | 'choices' | 'funderView'>): ChartSection[] {
	const d = data.dashboard;
	const year = electionYear(data.query, data.choices);
	const profile = (dimension: 'background' | 'age_band') => d.profile.filter((p) => p.dimension === dimension);
	const regionName = (r: { region: string | null }) => r.region ?? m.dash_region_unknown();
	return [
		{ id: 'candidacies', heading: m.dash_section_candidacies(), charts: [funnelChart(d)] },
		{
			id: 'regions',
			heading: m.dash_section_regions(),
			charts: [
				groupChart('regions', d.byRegion.map((r) => ({ ...r, key: r.code ?? 'unknown', label: regionName(r) })), peopleBars(), {
					title: m.dash_regions_title(),
					axis: m.dash_axis_region(),
					valueTitle: m.dash_axis_people(),
					note: m.dash_regions_note(),
					data: true
				})
			]
		},
		{ id: 'comparison', heading: m.dash_section_comparison(), charts: [comparisonChart(d), seatShareChart(d, year)] },
		{ id: 'cascade', heading: m.dash_section_cascade(), charts: [growthChart(d), reachChart(d)] },
		{
			id: 'profile',
			heading: m.dash_section_profile(),
			charts: [
				groupChart(
					'background',
					profile('background').map((p) => ({ ...p, label: p.key in BACKGROUND_LABELS ? BACKGROUND_LABELS[p.key as Background]() : m.dash_unknown() })),
					peopleBars(),
					{ title: m.dash_background_title(), axis: m.dash_axis_background(), valueTitle: m.dash_axis_people(), note: m.dash_profile_note() }
				),
				groupChart(
					'age',
					profile('age_band').map((p) => ({ ...p, label: p.key === 'unknown' ? m.dash_unknown() : p.key })),
					peopleBars(),
					{ title: m.dash_age_title(), axis: m.dash_axis_age(), valueTitle: m.dash_axis_people(), note: m.dash_age_note({ year: String(year) }) }
				)
			]
		},
		{
			id: 'parties',
			heading: m.dash_section_parties(),
			charts: [
				groupChart('parties', d.byParty.map((p) => ({ ...p, key: String(p.partyId ?? 'none'), label: p.party ?? m.dash_no_party() })), candidacyBars(), {
					title: m.dash_parties_title(),
					axis: m.dash_axis_party(),
					valueTitle: m.dash_axis_candidacies(),
					note: m.dash_parties_note(),
					data: true
				}),
				groupChart('systems', d.bySystem.map((s) => ({ ...s, key: s.system, label: ELECTORAL_SYSTEM_LABELS[s.system as ElectoralSystem]() })), candidacyBars(), {
					title: m.dash_systems_title(),
					axis: m.dash_axis_system(),
					valueTitle: m.dash_axis_candidacies(),
					note: m.dash_systems_note()
				}),
				listPositionsChart(d, data.funderView)
			]
		}
	];
}
