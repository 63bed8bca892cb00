import { sql, type RawBuilder } from 'kysely';
import { BACKGROUNDS, ELECTORAL_SYSTEMS, type Locale } from '../../domain/enums';
import { AGE_BANDS, DEFAULT_ELECTION_YEAR, FUNNEL_STAGES, UNKNOWN_AGE, funnelFromStages, type FunnelStage } from '../../domain/funnel';
import { wilson } from '../../domain/stats';
import type { Db } from '../db';
import { localizedName } from '../db/localized';
import { cascadeStepFrom, MAX_LEVELS } from '../network/cascade';
import { regionAndBelow } from '../regions';
import { derivedCache } from '../db/derived-cache';
import type { ImpactDashboard, ImpactFilter } from './dashboard-types';

type Tallies = { trained: number; ran: number; won: number; decided: number; pending: number };

/** The statement's one row: every figure as JSON, so that the page costs one round trip. */
interface FiguresRow {
	headline: Tallies;
	furthest: { stage: FunnelStage; people: number }[];
	by_region: ImpactDashboard['byRegion'];
	contests: {
		otherWomenWon: number;
		otherWomen: number;
		seatsOfAll: number;
		candidates: number;
		withoutTotals: number;
		councils: number;
		seats: number;
		womenBefore: number;
		womenAfter: number;
	};
	national: ImpactDashboard['seatShare']['national'];
	cascade_growth: ImpactDashboard['cascadeGrowth'];
	reach_per_tot: ImpactDashboard['reachPerTot'];
	profile: ImpactDashboard['profile'];
	by_party: ImpactDashboard['byParty'];
	by_system: ImpactDashboard['bySystem'];
	list_positions: ImpactDashboard['listPositions'];
}

const RAN = FUNNEL_STAGES.indexOf('registered');

/** Per group of `person` rows: people trained and who ran; candidacies won, decided and pending. */
const tallies = sql`count(*) as trained, count(*) filter (where stage >= ${RAN}) as ran,
	coalesce(sum(won), 0) as won, coalesce(sum(decided), 0) as decided, coalesce(sum(pending), 0) as pending`;

/** JSON array of a subquery's rows, [] when it has none. */
function jsonRows(row: RawBuilder<unknown>, from: RawBuilder<unknown>, orderBy: RawBuilder<unknown>) {
	return sql`(select coalesce(json_agg(${row} order by ${orderBy}), '[]'::json) from ${from})`;
}

const dashboardCache = derivedCache<ImpactDashboard>(32);

/**
 * impactDashboard, computed once per filter and language and kept until any record changes (the last
 * 32 kept). On WLP's whole network (300,000 people) one computation takes seconds — the cascades below
 * every TOT are walked — so the page waits for it only after a change (README, "Performance").
 */
export function cachedImpactDashboard(db: Db, filter: ImpactFilter, locale: Locale): Promise<ImpactDashboard> {
	const key = JSON.stringify([filter.election ?? null, filter.region ?? null, filter.training ?? null, filter.background ?? null, locale]);
	return dashboardCache(db, key, () => impactDashboard(db, filter, locale));
}

/**
 * Every figure of the impact dashboard (DESIGN.md §4; definitions in dashboard-types.ts) for one filter,
 * in a single SQL statement. The cascade walks reuse network/cascade.ts's edges; rates get their Wilson
 * intervals from the counts the statement returns.
 */
export async function impactDashboard(db: Db, filter: ImpactFilter, locale: Locale): Promise<ImpactDashboard> {
	const cohort = filter.training ?? null;
	const inScope = sql.join(
		[
			sql`true`,
			...(filter.region !== undefined ? [sql`p.region_id in ${regionAndBelow(db, filter.region)}`] : []),
			...(filter.background !== undefined ? [sql`p.background = ${filter.background}`] : []),
			...(cohort !== null ? [sql`p.id in (select person_id from reach where root_id = ${cohort})`] : [])
		],
		sql` and `
	);
	const inElection = filter.election !== undefined ? sql`and k.election_id = ${filter.election}` : sql``;
	const stages = sql`${[...FUNNEL_STAGES]}::text[]`;
	// Oldest band first in the CASE: she falls in the first band whose lower bound her age reaches.
	const ageBand = sql`case when p.birth_year is null then ${UNKNOWN_AGE}
		${sql.join(
			AGE_BANDS.filter(([, from]) => from !== null).reverse().map(([band, from]) => sql`when (select year from election_year) - p.birth_year >= ${from} then ${band}`),
			sql` `
		)}
		else ${AGE_BANDS[0][0]} end`;

	const { rows } = await sql<FiguresRow>`
		with recursive
		-- The cascades below every TOT (and below the filter's training): (root training, person, level).
		roots as (select id from trainings where deleted_at is null and (kind = 'tot' or id = ${cohort}::int)),
		walk(root_id, person_id, level) as (
			select r.id, tp.person_id, 1 from roots r
			join training_participants tp on tp.training_id = r.id and tp.role = 'participant' and tp.completed and tp.deleted_at is null
			join people x on x.id = tp.person_id and x.deleted_at is null
			union
			select w.root_id, p.person_id, w.level + 1 from walk w ${cascadeStepFrom('w.person_id')} where w.level < ${MAX_LEVELS}
		),
		-- As cascadeFromTraining: each woman at her nearest level, the root's own facilitators left out.
		reach as materialized (
			select w.root_id, w.person_id, min(w.level) as level from walk w
			where not exists (
				select 1 from training_participants f
				where f.training_id = w.root_id and f.person_id = w.person_id and f.role = 'facilitator' and f.deleted_at is null
			)
			group by w.root_id, w.person_id
		),
		-- Cascade level from the TOTs taken together (1 = completed a TOT).
		cascade_level as materialized (
			select w.person_id, min(w.level) as level from walk w join trainings t on t.id = w.root_id and t.kind = 'tot'
			group by w.person_id
		),
		election_year as (
			select coalesce(
				(select extract(year from date)::int from elections where id = ${filter.election ?? null}::int and deleted_at is null),
				${DEFAULT_ELECTION_YEAR}::int
			) as year
		),
		-- Every trained woman, whatever the filter (the baselines take all trainees out of the official totals).
		all_trained as materialized (
			select tp.person_id, min(t.end_date) as first_trained
			from training_participants tp
			join trainings t on t.id = tp.training_id and t.deleted_at is null
			join people p on p.id = tp.person_id and p.deleted_at is null and p.merged_into_id is null
			where tp.role = 'participant' and tp.completed and tp.deleted_at is null
			group by tp.person_id
		),
		trained as materialized (
			select p.id as person_id, p.background, ${ageBand} as age_band, a.first_trained,
				top.id as top_id, top.code as top_code, ${localizedName('top', locale)} as top_name
			from all_trained a
			join people p on p.id = a.person_id
			left join regions r on r.id = p.region_id
			-- A raion counts with its oblast; an oblast, a city or a country counts as itself.
			left join regions top on top.id = case when r.level = 'raion' then r.parent_id else r.id end
			where ${inScope}
		),
		candidacy as materialized (
			select c.id, c.person_id, c.contest_id, c.list_position, c.status, c.elected, k.electoral_system,
				o.id as party_id, coalesce(o.short_name, o.name) as party,
				array_position(${stages},
					case when c.elected then 'elected' when c.status in ('withdrawn', 'rejected') then c.exit_stage else c.status end
				) - 1 as stage
			from candidacies c
			join trained tr on tr.person_id = c.person_id
			join contests k on k.id = c.contest_id and k.deleted_at is null
			join elections e on e.id = k.election_id and e.deleted_at is null
			left join organizations o on o.id = c.party_id and o.deleted_at is null
			where c.deleted_at is null ${inElection}
		),
		person as materialized (
			select tr.*, coalesce(s.stage, 0) as stage, coalesce(s.won, 0) as won, coalesce(s.decided, 0) as decided, coalesce(s.pending, 0) as pending
			from trained tr
			left join (
				select person_id, max(stage) as stage, count(*) filter (where elected) as won,
					count(*) filter (where elected is not null) as decided,
					count(*) filter (where status = 'on_ballot' and elected is null) as pending
				from candidacy group by person_id
			) s on s.person_id = tr.person_id
		),
		-- Every tracked trainee on a ballot, counted per contest in one pass (not per contest: that rescans all_trained each time).
		trained_on_ballot as materialized (
			select c.contest_id, count(*) as on_ballot, count(*) filter (where c.elected) as elected
			from candidacies c join all_trained a on a.person_id = c.person_id
			where c.deleted_at is null and c.status = 'on_ballot'
			group by c.contest_id
		),
		-- The contests where trainees in scope were on the ballot, with their official totals and every tracked trainee there.
		contest_figures as materialized (
			select k.seats, ct.candidates, ct.women_candidates, ct.women_elected, ct.women_seats_before,
				coalesce(t.on_ballot, 0) as on_ballot, coalesce(t.elected, 0) as elected,
				ct.candidates is not null and ct.women_candidates is not null and ct.women_elected is not null and k.seats is not null as has_totals,
				k.seats is not null and ct.women_seats_before is not null and ct.women_elected is not null as has_seat_share
			from (select distinct contest_id from candidacy where status = 'on_ballot') b
			join contests k on k.id = b.contest_id
			left join contest_totals ct on ct.contest_id = k.id and ct.deleted_at is null
			left join trained_on_ballot t on t.contest_id = k.id
		),
		growth as materialized (
			select tr.first_trained - (extract(day from tr.first_trained)::int - 1) as month, l.level
			from trained tr join cascade_level l on l.person_id = tr.person_id
		),
		growth_cells as (
			select to_char(months.month, 'YYYY-MM') as month, months.month as month_start, l.level,
				sum(count(g.level)) over (partition by l.level order by months.month) as cumulative
			from generate_series((select min(month) from growth)::timestamp, (select max(month) from growth)::timestamp, interval '1 month') months(month)
			cross join (select distinct level from growth) l
			left join growth g on g.month = months.month::date and g.level = l.level
			group by months.month, l.level
		),
		profile_groups as (
			select 1 as dimension_order, 'background' as dimension, coalesce(background, 'unknown') as key,
				coalesce(array_position(${[...BACKGROUNDS]}::text[], background), ${BACKGROUNDS.length + 1}) as key_order, null as key_text, ${tallies}
			from person group by background
			union all
			select 2, 'age_band', age_band, coalesce(array_position(${AGE_BANDS.map(([band]) => band)}::text[], age_band), ${AGE_BANDS.length + 1}), null, ${tallies}
			from person group by age_band
			union all
			select 3, 'region', coalesce(top_code, 'unknown'), case when top_code is null then 1 else 0 end, top_code, ${tallies}
			from person group by top_code
		)
		select
			(select json_build_object('trained', trained, 'ran', ran, 'won', won, 'decided', decided, 'pending', pending)
				from (select ${tallies} from person) h) as headline,
			${jsonRows(sql`json_build_object('stage', (${stages})[stage + 1], 'people', people)`, sql`(select stage, count(*) as people from person group by stage) s`, sql`stage`)} as furthest,
			${jsonRows(
				sql`json_build_object('regionId', top_id, 'code', top_code, 'region', top_name, 'trained', trained, 'ran', ran, 'won', won, 'decided', decided, 'pending', pending)`,
				sql`(select top_id, top_code, top_name, ${tallies} from person group by top_id, top_code, top_name) g`,
				sql`top_code collate "C" nulls last`
			)} as by_region,
			(select json_build_object(
				'otherWomen', coalesce(sum(greatest(0, women_candidates - on_ballot)) filter (where has_totals), 0),
				'otherWomenWon', coalesce(sum(least(greatest(0, women_candidates - on_ballot), greatest(0, women_elected - elected))) filter (where has_totals), 0),
				'candidates', coalesce(sum(candidates) filter (where has_totals), 0),
				'seatsOfAll', coalesce(sum(least(seats, candidates)) filter (where has_totals), 0),
				'withoutTotals', count(*) filter (where not has_totals),
				'councils', count(*) filter (where has_seat_share),
				'seats', coalesce(sum(seats) filter (where has_seat_share), 0),
				'womenBefore', coalesce(sum(least(women_seats_before, seats)) filter (where has_seat_share), 0),
				'womenAfter', coalesce(sum(least(women_elected, seats)) filter (where has_seat_share), 0)
			) from contest_figures) as contests,
			${jsonRows(
				sql`json_build_object('year', ci.year, 'share', ci.value, 'source', ci.source, 'sourceUrl', ci.source_url)`,
				sql`context_indicators ci join regions r on r.id = ci.region_id and r.code = 'KG' where ci.code = 'women_local_council_share'`,
				sql`ci.year`
			)} as national,
			${jsonRows(sql`json_build_object('month', month, 'level', level, 'cumulative', cumulative)`, sql`growth_cells`, sql`month_start, level`)} as cascade_growth,
			${jsonRows(
				sql`json_build_object('trainingId', t.id, 'title', t.title, 'startDate', t.start_date, 'direct', coalesce(r.direct, 0),
					'total', coalesce(r.total, 0), 'levels', coalesce(r.levels, 0), 'multiplier', case when r.direct > 0 then r.total::float8 / r.direct end)`,
				sql`trainings t
					left join (select root_id, count(*) filter (where level = 1) as direct, count(*) as total, max(level) as levels from reach group by root_id) r
						on r.root_id = t.id
					where t.kind = 'tot' and t.deleted_at is null`,
				sql`t.start_date, t.id`
			)} as reach_per_tot,
			${jsonRows(
				sql`json_build_object('dimension', dimension, 'key', key, 'trained', trained, 'ran', ran, 'won', won, 'decided', decided)`,
				sql`profile_groups`,
				sql`dimension_order, key_order, key_text collate "C"`
			)} as profile,
			${jsonRows(
				sql`json_build_object('partyId', party_id, 'party', party, 'candidacies', candidacies, 'won', won, 'decided', decided)`,
				sql`(select party_id, party, count(*) as candidacies, count(*) filter (where elected) as won,
					count(*) filter (where elected is not null) as decided from candidacy group by party_id, party) g`,
				sql`candidacies desc, party_id nulls last`
			)} as by_party,
			${jsonRows(
				sql`json_build_object('system', electoral_system, 'candidacies', candidacies, 'won', won, 'decided', decided)`,
				sql`(select electoral_system, count(*) as candidacies, count(*) filter (where elected) as won,
					count(*) filter (where elected is not null) as decided from candidacy group by electoral_system) g`,
				sql`array_position(${[...ELECTORAL_SYSTEMS]}::text[], electoral_system)`
			)} as by_system,
			${jsonRows(
				sql`json_build_object('contest', ${localizedName('k', locale)}, 'party', c.party, 'position', c.list_position, 'seatsWon', pr.seats_won, 'elected', c.elected)`,
				sql`candidacy c
					join contests k on k.id = c.contest_id
					left join party_results pr on pr.contest_id = c.contest_id and pr.party_id = c.party_id and pr.deleted_at is null
					where c.electoral_system = 'party_list' and c.status = 'on_ballot' and c.list_position is not null and c.party_id is not null`,
				sql`c.contest_id, c.party_id, c.list_position, c.id`
			)} as list_positions
	`.execute(db);

	const row = rows[0];
	const figures = row.contests;
	const winRate = wilson(row.headline.won, row.headline.decided);
	return {
		filter,
		headline: { ...row.headline, winRate },
		funnel: funnelFromStages(row.furthest),
		byRegion: row.by_region,
		comparison: [
			{ group: 'trainees', rate: winRate },
			{ group: 'other_women', rate: wilson(figures.otherWomenWon, figures.otherWomen) },
			{ group: 'all_candidates', rate: wilson(figures.seatsOfAll, figures.candidates) }
		],
		contestsWithoutTotals: figures.withoutTotals,
		seatShare: {
			councils: figures.councils,
			seats: figures.seats,
			before: wilson(figures.womenBefore, figures.seats),
			after: wilson(figures.womenAfter, figures.seats),
			national: row.national
		},
		cascadeGrowth: row.cascade_growth,
		reachPerTot: row.reach_per_tot,
		profile: row.profile,
		byParty: row.by_party,
		bySystem: row.by_system,
		listPositions: row.list_positions
	};
}
