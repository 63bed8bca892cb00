import type { BadInputCase, MatrixEntry, MatrixIds } from '../permission-matrix';

/** Pages of this area an admin sees, for the every-page checks (languages, accessibility, phone width). */
export function trainingPages(_ids: MatrixIds): string[] {
	return [];
}

/** Trainings with attendance and events; organizations with other names and memberships. */
export function trainingEntries(_ids: MatrixIds): MatrixEntry[] {
	return [];
}

/** Bad input for every form of this area: each must be refused with a field message, 4xx, nothing stored. */
export function trainingBadInput(_ids: MatrixIds): BadInputCase[] {
	return [];
}
