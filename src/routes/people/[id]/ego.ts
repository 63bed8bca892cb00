import type { NetworkOutcome, TieKind } from '$lib/domain/ties';

/** Her ego network as the person page receives it (EgoNetwork lists it, EgoDrawing draws it). */
export interface Ego {
	people: { id: number; fullName: string; distance: number; outcome: NetworkOutcome; reach: number | null; via: { id: number; kinds: TieKind[] }[] }[];
	more: number;
	total: number;
	/** null when there are too many people to draw. */
	ties: Tie[] | null;
}

export interface Tie {
	source: number;
	target: number;
	kinds: TieKind[];
}
