import { RELATIONSHIP_KINDS } from './enums';

// The codes of the network views, shared by server and browser (the graph algorithms themselves are in
// network.ts, which only the server loads).

/** Kinds of tie between two people: the recorded relationships, and "trained" from the cascade. */
export const TIE_KINDS = [...RELATIONSHIP_KINDS, 'trained'] as const;
export type TieKind = (typeof TIE_KINDS)[number];

/**
 * What became of a woman in the elections, one value per person: elected in any candidacy; else
 * awaiting a result; else not elected; else she did not run (or withdrew, or was rejected).
 */
export const NETWORK_OUTCOMES = ['elected', 'pending', 'not_elected', 'did_not_run'] as const;
export type NetworkOutcome = (typeof NETWORK_OUTCOMES)[number];
