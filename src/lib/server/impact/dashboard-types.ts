import type { Background, ElectoralSystem } from '../../domain/enums';
import type { FunnelStage } from '../../domain/funnel';
import type { Rate } from '../../domain/stats';

export type { FunnelStage } from '../../domain/funnel';
export type { Rate } from '../../domain/stats';

/**
 * The impact dashboard's figures (DESIGN.md §4), as the SQL computes them for one filter: the contract
 * between the queries (impact/figures.ts) and the pages (/impact, /impact/report). Counts are exact
 * here; funder views pass them through `suppressDashboard` (impact/figures-view.ts) before they leave
 * the server.
 *
 * Everywhere: soft-deleted rows (people, trainings, participations, elections, contests, totals,
 * candidacies, parties, party results) and merged people are left out. "Trained" = a completed
 * participation as participant in a training. The candidacies counted are those of the trained people
 * in scope, in live contests of live elections.
 */

/** Filters applied to every figure at once (all optional; from the URL). */
export interface ImpactFilter {
	/** Candidacies in this election only (who counts as trained does not change). */
	election?: number;
	/** People of this region (an oblast or city includes its raions). */
	region?: number;
	/**
	 * People who completed this training, or any training downstream of it through the cascade (a cohort):
	 * the same women as the training's cascade reach (network/cascade.ts `cascadeFromTraining`).
	 */
	training?: number;
	background?: Background;
}

export interface ImpactDashboard {
	filter: ImpactFilter;
	headline: {
		/** Distinct people with a completed participation (as participant) in scope. */
		trained: number;
		/** Trained people with a candidacy at least registered (status registered/on_ballot, or exit_stage registered/on_ballot). */
		ran: number;
		/** Candidacies of trained people with elected = true. */
		won: number;
		/** Candidacies of trained people on the ballot whose result is known (elected not null). */
		decided: number;
		/** On the ballot, result not known yet: never counted as a loss. */
		pending: number;
		/** won / decided. */
		winRate: Rate;
	};
	/**
	 * Trained people who reached at least each stage, every stage in order (a woman counts at her furthest
	 * stage over all her candidacies in scope; withdrawn/rejected count at their exit_stage; a pending
	 * result counts at on_ballot). `elected` = people elected. `trained` equals headline.trained.
	 */
	funnel: { stage: FunnelStage; people: number }[];
	/**
	 * By oblast or city of the person's region (a raion counts with its oblast; a person living abroad with
	 * her country; null = not recorded). Only groups with trained people; by code, "not recorded" last.
	 * won/decided/pending count candidacies, as in the headline.
	 */
	byRegion: { regionId: number | null; code: string | null; region: string | null; trained: number; ran: number; won: number; decided: number; pending: number }[];
	/**
	 * Win rates in the contests where trainees in scope were on the ballot, in this order: trainees (the
	 * headline win rate); other women (official women candidates minus every tracked trainee on the ballot
	 * there — also those outside the filter; won = official women elected minus trainees elected); all
	 * candidates (official candidates; won = seats). Contests without official totals (no totals row, or
	 * candidates, women candidates, women elected or seats not recorded) are left out of the two baselines
	 * and counted in `contestsWithoutTotals`. Per contest, a difference below 0 counts as 0 and won is at
	 * most the candidates it is out of (inconsistent records never give a rate above 1).
	 */
	comparison: { group: 'trainees' | 'other_women' | 'all_candidates'; rate: Rate }[];
	contestsWithoutTotals: number;
	/**
	 * Women's share of seats in the contests (councils, or districts of one) where trainees in scope were
	 * on the ballot and seats, women_seats_before and women elected are all recorded: before
	 * (women_seats_before / seats) and after (women elected / seats; each at most the seats).
	 */
	seatShare: {
		/** Contests counted (a council, or one district of an aiyl kenesh). */
		councils: number;
		seats: number;
		before: Rate;
		after: Rate;
		/** The national series (context_indicators, code 'women_local_council_share', Kyrgyzstan; value is a percentage), by year; not filtered. */
		national: { year: number; share: number; source: string; sourceUrl: string | null }[];
	};
	/**
	 * Trained people in scope reached by the cascade from the TOTs, by the month they first completed a
	 * training (its end_date; 'YYYY-MM') and cascade level (1 = completed a TOT, 2 = trained by a level-1
	 * woman, …; each woman at her nearest level), cumulative. Every month from the first to the last, for
	 * every level present, by month then level. Women not reached from any TOT are not in it.
	 */
	cascadeGrowth: { month: string; level: number; cumulative: number }[];
	/** Each TOT's reach, oldest first (as network/cascade.ts `cascadeFromTraining`; the whole cascade, not filtered). */
	reachPerTot: { trainingId: number; title: string; startDate: string; direct: number; total: number; levels: number; multiplier: number | null }[];
	/**
	 * Who the trainees are and how each group fared: background (BACKGROUNDS order, then 'unknown'),
	 * age_band (AGE_BANDS of domain/funnel.ts, then 'unknown'; age in the year of the chosen election, or
	 * 2012), region (code of the oblast or city as in byRegion, then 'unknown'). Only groups with trained
	 * people. ran = people; won/decided = candidacies.
	 */
	profile: { dimension: 'background' | 'age_band' | 'region'; key: string; trained: number; ran: number; won: number; decided: number }[];
	/** Candidacies in scope by party (short name, else name; null = none or a deleted party), most candidacies first, then by id. */
	byParty: { partyId: number | null; party: string | null; candidacies: number; won: number; decided: number }[];
	/** Candidacies in scope by the contest's electoral system (party_list, then majoritarian). */
	bySystem: { system: ElectoralSystem; candidacies: number; won: number; decided: number }[];
	/**
	 * Party-list trainees on the ballot with a list position and a party: their position against the seats
	 * their party won in that contest (party_results; null when not recorded). By contest, party, position.
	 */
	listPositions: { contest: string; party: string; position: number; seatsWon: number | null; elected: boolean | null }[];
}
