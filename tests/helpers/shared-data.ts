import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

// Real public data for import tests lives outside the repository (it may not be committed): in
// ../shared/data beside the checkout, or wherever CT_SHARED_DATA points (a clone elsewhere, e.g. CI's).
const CANDIDATES = [process.env.CT_SHARED_DATA, fileURLToPath(new URL('../../../shared/data', import.meta.url)), '/work/shared/data'].filter((d): d is string => !!d);

/** The path of a file of the shared data; fails, naming where it looked, when it is nowhere. */
export function sharedDataFile(name: string): string {
	for (const dir of CANDIDATES) if (existsSync(join(dir, name))) return join(dir, name);
	throw new Error(`${name} not found in ${CANDIDATES.join(', ')} (set CT_SHARED_DATA to the shared data folder)`);
}
