import type { FieldMap } from './index';

// Field names of elections, contests, totals, party results and lists, candidacies and campaign
// activities, for history views.
export const ELECTION_FIELDS: FieldMap = {};
