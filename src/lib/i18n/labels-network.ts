import { m } from '$lib/paraglide/messages';
import type { NetworkOutcome, TieKind } from '$lib/domain/ties';
import { RELATIONSHIP_LABELS } from './labels';

// Labels of the network's codes. Every message is referenced by name (no computed keys), so the
// catalogue test can see which messages the code uses.

export const TIE_KIND_LABELS: Record<TieKind, () => string> = {
	...RELATIONSHIP_LABELS,
	trained: m.network_tie_trained
};

export const NETWORK_OUTCOME_LABELS: Record<NetworkOutcome, () => string> = {
	elected: m.outcome_elected,
	pending: m.outcome_pending,
	not_elected: m.outcome_not_elected,
	did_not_run: m.network_outcome_did_not_run
};
