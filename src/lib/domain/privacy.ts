// Small-cell suppression for funder and public views (DESIGN.md §4): a count of 1–4 could identify a
// woman in a small place, so it shows as "<5"; a rate whose numerator or denominator is such a count
// is hidden.

export const SMALL_CELL_LIMIT = 5;

export type SuppressedCount = number | '<5';

export function isSmallCell(n: number): boolean {
	return n > 0 && n < SMALL_CELL_LIMIT;
}

export function suppressCount(n: number): SuppressedCount {
	return isSmallCell(n) ? '<5' : n;
}

/** A rate is shown only when neither its numerator nor its denominator is a small cell. */
export function suppressRate(numerator: number, denominator: number): number | null {
	if (denominator === 0 || isSmallCell(numerator) || isSmallCell(denominator)) return null;
	return numerator / denominator;
}
