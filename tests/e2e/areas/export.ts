import { impactReaders, writers, type MatrixEntry, type MatrixIds } from '../permission-matrix';

/** Pages of this area an admin sees, for the every-page checks (languages, accessibility, phone width). */
export function exportPages(ids: MatrixIds): string[] {
	// The exports are files, not pages; the links to them sit on the list pages of the other areas.
	void ids;
	return [];
}

/**
 * The export endpoints: a list's rows for admins and organizers only (the people export is in the people
 * area), the impact tables for every impact reader, a funder and a share link too.
 */
export function exportEntries(ids: MatrixIds): MatrixEntry[] {
	return [
		{ key: 'GET /people/export.xlsx', url: `/people/export.xlsx?region=${ids.bishkek}`, expect: writers },
		{ key: 'GET /organizations/export.csv', url: '/organizations/export.csv?kind=party', expect: writers },
		{ key: 'GET /organizations/export.xlsx', url: '/organizations/export.xlsx?kind=party', expect: writers },
		{ key: 'GET /trainings/export.csv', url: `/trainings/export.csv?region=${ids.bishkek}`, expect: writers },
		{ key: 'GET /trainings/export.xlsx', url: `/trainings/export.xlsx?region=${ids.bishkek}`, expect: writers },
		{ key: 'GET /elections/export.csv', url: '/elections/export.csv', expect: writers },
		{ key: 'GET /elections/export.xlsx', url: '/elections/export.xlsx', expect: writers },
		{ key: 'GET /network/connectors.xlsx', url: `/network/connectors.xlsx?region=${ids.bishkek}`, expect: writers },
		{ key: 'GET /impact/export.csv', url: `/impact/export.csv?table=funnel&region=${ids.bishkek}`, expect: impactReaders },
		{ key: 'GET /impact/export.xlsx', url: `/impact/export.xlsx?region=${ids.bishkek}`, expect: impactReaders }
	];
}
