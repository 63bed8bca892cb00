import { writers, type MatrixEntry, type MatrixIds } from '../permission-matrix';

/** Pages of this area an admin sees, for the every-page checks (languages, accessibility, phone width). */
export function popoloPages(ids: MatrixIds): string[] {
	void ids;
	return ['/import/popolo'];
}

/** The Popolo export and import: staff who may change records (an empty upload is refused at the file field). */
export function popoloEntries(ids: MatrixIds): MatrixEntry[] {
	void ids;
	return [
		{ key: 'GET /export/popolo.json', url: '/export/popolo.json', expect: writers },
		{ key: 'GET /import/popolo', url: '/import/popolo', expect: writers },
		{ key: 'POST /import/popolo?/default', url: '/import/popolo', expect: writers }
	];
}
