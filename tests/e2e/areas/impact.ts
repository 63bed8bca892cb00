import { impactReaders, type MatrixEntry, type MatrixIds } from '../permission-matrix';

/** Pages of this area an admin sees, for the every-page checks (languages, accessibility, phone width). */
export function impactPages(ids: MatrixIds): string[] {
	return [
		'/impact',
		// Filtered (every chart at once), and with refused values named at their fields.
		`/impact?region=${ids.bishkek}&background=ngo&election=${ids.election}`,
		`/impact?region=Bishkek&background=astronaut&training=999999`,
		'/impact/report',
		`/impact/report?training=${ids.training}`
	];
}

/** The impact dashboard and its printable report: every impact reader, a share link too. */
export function impactEntries(ids: MatrixIds): MatrixEntry[] {
	return [
		{ key: 'GET /impact', url: `/impact?region=${ids.bishkek}`, expect: impactReaders },
		{ key: 'GET /impact/report', url: `/impact/report?election=${ids.election}`, expect: impactReaders }
	];
}
