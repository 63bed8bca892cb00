import type { FieldMap } from './index';

// Field names of trainings, attendance, events, organizations and memberships, for history views.
export const TRAINING_FIELDS: FieldMap = {};
