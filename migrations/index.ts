import type { Migration } from 'kysely';
import * as m001 from './2026-11-27_001_data_model';
import * as m002 from './2026-11-27_002_reference_data';
import * as m003 from './2026-11-27_003_tracking';
import * as m004 from './2026-11-27_004_import';
import * as m005 from './2026-11-27_005_performance';

// Every migration, by name, in order. A test checks that each file in this folder is listed here;
// a static list works alike under Vite (app, tests) and tsx (command-line scripts).
export const migrations: Record<string, Migration> = {
	'2026-11-27_001_data_model': m001,
	'2026-11-27_002_reference_data': m002,
	'2026-11-27_003_tracking': m003,
	'2026-11-27_004_import': m004,
	'2026-11-27_005_performance': m005
};
