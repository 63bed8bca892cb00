import { staffOnly, writers, type MatrixEntry, type MatrixIds } from '../permission-matrix';

/** Pages of this area an admin sees, for the every-page checks (languages, accessibility, phone width). */
export function networkPages(ids: MatrixIds): string[] {
	return [
		// The demo's 400-odd people drawn as regions; Bishkek's people one by one; a filter value that is refused.
		'/network',
		`/network?region=${ids.bishkek}&kind=colleague&kind=trained&outcome=elected`,
		`/network?training=${ids.training}&region=Bishkek`
	];
}

/** The network page and its export (a person's ego network is on her page, in the people area). */
export function networkEntries(ids: MatrixIds): MatrixEntry[] {
	return [
		{ key: 'GET /network', url: `/network?region=${ids.bishkek}`, expect: staffOnly },
		{ key: 'GET /network/connectors.csv', url: `/network/connectors.csv?region=${ids.bishkek}`, expect: writers }
	];
}
