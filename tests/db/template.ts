import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// A migrated PGlite data folder, dumped once per test run: loading it takes ~1 s where initdb plus
// migrations take ~6 s, and every suite gets its own fresh copy.
export function pgliteTemplatePath(): string {
	const hash = createHash('sha256');
	for (const file of readdirSync('migrations').sort()) hash.update(file).update(readFileSync(join('migrations', file)));
	return join(tmpdir(), `candidate-tracker-pglite-template-${hash.digest('hex').slice(0, 16)}.tgz`);
}
