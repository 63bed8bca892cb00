import type { BadInputCase, MatrixEntry, MatrixIds } from '../permission-matrix';

/** Pages of this area an admin sees, for the every-page checks (languages, accessibility, phone width). */
export function electionPages(_ids: MatrixIds): string[] {
	return [];
}

/** Elections, contests with results, totals and party lists, candidacies and campaign activities. */
export function electionEntries(_ids: MatrixIds): MatrixEntry[] {
	return [];
}

/** Bad input for every form of this area: each must be refused with a field message, 4xx, nothing stored. */
export function electionBadInput(_ids: MatrixIds): BadInputCase[] {
	return [];
}
