import type { MatrixEntry, MatrixIds } from '../permission-matrix';

/** Pages of this area an admin sees, for the every-page checks (languages, accessibility, phone width). */
export function exportPages(ids: MatrixIds): string[] {
	void ids;
	return [];
}

/** The export routes and what each principal gets from them. */
export function exportEntries(ids: MatrixIds): MatrixEntry[] {
	void ids;
	return [];
}
