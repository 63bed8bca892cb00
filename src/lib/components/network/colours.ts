import type { NetworkOutcome } from '$lib/domain/ties';

// Colours of the network drawings, told apart also by people with red–green colour blindness
// (Okabe–Ito palette); the legend and the tables carry the same facts in words.
export const OUTCOME_COLOURS: Record<NetworkOutcome, string> = {
	elected: '#009e73',
	pending: '#0072b2',
	not_elected: '#d55e00',
	did_not_run: '#8a8f96'
};

/** A group of people (a region, a community) in an aggregated drawing. */
export const GROUP_COLOUR = '#5b2a86';

/** Node radius in pixels for a count (people reached, people in a group): grows with its square root. */
export function radiusFor(count: number, smallest = 5, largest = 22): number {
	return Math.min(largest, smallest + 2 * Math.sqrt(Math.max(0, count)));
}
