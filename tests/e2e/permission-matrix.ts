import type { Principal } from '../helpers/prepare';
import { coreEntries, corePages } from './areas/core';
import { peopleEntries, peoplePages } from './areas/people';
import { trainingEntries, trainingPages } from './areas/trainings';
import { electionEntries, electionPages } from './areas/elections';
import { networkEntries, networkPages } from './areas/network';
import { impactEntries, impactPages } from './areas/impact';
import { importEntries, importPages } from './areas/import';
import { exportEntries, exportPages } from './areas/export';
import { popoloEntries, popoloPages } from './areas/popolo';

/**
 * What every principal gets from every page, form action and endpoint. The permission test reads the
 * route tree and fails when a route, action or endpoint has no entry here.
 *   allow     — served (2xx, or a 4xx of validation: the request got past the permission check)
 *   forbid    — 403
 *   signin    — redirected to the sign-in page
 *   notfound  — 404 (e.g. setup once accounts exist, an unknown token)
 *   redirect:/path — sent elsewhere (a funder's home is /impact)
 */
export type Outcome = 'allow' | 'forbid' | 'signin' | 'notfound' | `redirect:${string}`;
export type Expectation = Record<Principal, Outcome>;

export interface MatrixEntry {
	/** "GET /route/[param]" for pages and endpoints, "POST /route?/action" for form actions. */
	key: string;
	/** The concrete URL to request; [id] placeholders filled by the test. */
	url: string;
	expect: Expectation;
	/** Form fields to post (most actions are posted empty: a validation error still proves access). */
	body?: Record<string, string>;
	/** Runs after everything else (signing out ends the principal's session). */
	last?: boolean;
}

export const every = (outcome: Outcome): Expectation => ({ anonymous: outcome, share: outcome, funder: outcome, viewer: outcome, organizer: outcome, admin: outcome });
export const staffOnly: Expectation = { anonymous: 'signin', share: 'forbid', funder: 'forbid', viewer: 'allow', organizer: 'allow', admin: 'allow' };
export const adminOnly: Expectation = { anonymous: 'signin', share: 'forbid', funder: 'forbid', viewer: 'forbid', organizer: 'forbid', admin: 'allow' };
export const signedInUsers: Expectation = { anonymous: 'signin', share: 'forbid', funder: 'allow', viewer: 'allow', organizer: 'allow', admin: 'allow' };
export const impactReaders: Expectation = { anonymous: 'signin', share: 'allow', funder: 'allow', viewer: 'allow', organizer: 'allow', admin: 'allow' };

/** Staff who may change records: admins and organizers. */
export const writers: Expectation = { anonymous: 'signin', share: 'forbid', funder: 'forbid', viewer: 'forbid', organizer: 'allow', admin: 'allow' };

/** Ids of demo records the matrix requests (filled by the permission test from the demo data). */
export interface MatrixIds {
	person: number;
	otherPerson: number;
	user: number;
	shareLink: number;
	training: number;
	organization: number;
	election: number;
	contest: number;
	candidacy: number;
	party: number;
	/** An audit entry id of a change to `person` (for history/revert). */
	personChange: number;
	/** A demo party-list contest, an aiyl-kenesh district and a candidacy in it, the region Bishkek. */
	listContest: number;
	aiylContest: number;
	aiylCandidacy: number;
	bishkek: number;
	/** A people import whose columns are still to confirm: every step posted to it is refused (400/409), none moves it on. */
	importJob: number;
}

export function permissionMatrix(ids: MatrixIds): MatrixEntry[] {
	return [...coreEntries(ids), ...peopleEntries(ids), ...trainingEntries(ids), ...electionEntries(ids), ...networkEntries(ids), ...impactEntries(ids), ...importEntries(ids), ...exportEntries(ids), ...popoloEntries(ids)];
}

/** Every page an admin can open, with real ids: the pages each "every page" check visits. */
export function adminPages(ids: MatrixIds): string[] {
	return [...corePages(ids), ...peoplePages(ids), ...trainingPages(ids), ...electionPages(ids), ...networkPages(ids), ...impactPages(ids), ...importPages(ids), ...exportPages(ids), ...popoloPages(ids)];
}

/**
 * One form and the bad values to try in it. Each bad value is posted (with the other fields valid) as
 * an admin; the answer must be a 4xx page naming the field (an element id="field-<name>-error"), and
 * at the end no table listed in `tables` may have changed.
 */
export interface BadInputCase {
	form: string;
	/** The page with the form; `action` is appended (e.g. "?/create"), none for a default action. */
	url: string;
	action?: string;
	valid: Record<string, string | string[]>;
	bad: Array<{ field: string; value: string | string[]; why: string; /** the field whose message appears, if not `field` */ errorField?: string }>;
	tables: string[];
}
