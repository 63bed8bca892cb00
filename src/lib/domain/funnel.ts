// How the impact dashboard groups trainees (DESIGN.md §4): the candidacy funnel and the age bands.
// Pure: shared by server and browser.

/** The stages, in order. `elected` is on the ballot with elected = true. */
export const FUNNEL_STAGES = ['trained', 'intending', 'nominated', 'registered', 'on_ballot', 'elected'] as const;
export type FunnelStage = (typeof FUNNEL_STAGES)[number];

/**
 * Turns "people whose furthest stage is X" into "people who reached at least X", for every stage in
 * order. A woman on the ballot whose result is pending sits at `on_ballot`: she has reached it, and is
 * never counted as having lost. Stages nobody reached come out as 0.
 */
export function funnelFromStages(furthest: readonly { stage: FunnelStage; people: number }[]): { stage: FunnelStage; people: number }[] {
	const at = new Map<FunnelStage, number>();
	for (const { stage, people } of furthest) at.set(stage, (at.get(stage) ?? 0) + people);
	let atLeast = 0;
	return [...FUNNEL_STAGES]
		.reverse()
		.map((stage) => ({ stage, people: (atLeast += at.get(stage) ?? 0) }))
		.reverse();
}

/** Age bands of the trainees' profile, by age in the election year: [key, youngest age in the band]. */
export const AGE_BANDS = [
	['<25', null],
	['25–34', 25],
	['35–44', 35],
	['45–54', 45],
	['55+', 55]
] as const;
/** The age band of women whose birth year is not recorded. */
export const UNKNOWN_AGE = 'unknown';
/** The year ages are counted at when no election is chosen: the 2012 local elections. */
export const DEFAULT_ELECTION_YEAR = 2012;
