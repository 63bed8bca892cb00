import { staffOnly, type BadInputCase, type MatrixEntry, type MatrixIds } from '../permission-matrix';

/** Pages of this area an admin sees, for the every-page checks (languages, accessibility, phone width). */
export function peoplePages(ids: MatrixIds): string[] {
	return ['/people', `/people/${ids.person}`];
}

/** People, their ties and merging. */
export function peopleEntries(ids: MatrixIds): MatrixEntry[] {
	return [
		{ key: 'GET /people', url: '/people', expect: staffOnly },
		{ key: 'GET /people/[id]', url: `/people/${ids.person}`, expect: staffOnly }
	];
}

/** Bad input for every form of this area: each must be refused with a field message, 4xx, nothing stored. */
export function peopleBadInput(_ids: MatrixIds): BadInputCase[] {
	return [];
}
