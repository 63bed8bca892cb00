#!/usr/bin/env node
// `npm start`: build the app if the sources changed since the last build, then serve it.
// Serving happens in this process (import of build/index.js) so signals reach the server directly.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildIfNeeded, root } from './lib/build-if-needed.js';

try {
	buildIfNeeded();
} catch (e) {
	console.error(e instanceof Error ? e.message : e);
	process.exit(1);
}

process.env.PORT ??= '3000';
// Spreadsheets for import may be up to 25 MB (src/lib/server/import/read.ts); adapter-node refuses
// request bodies over 512 KB unless told otherwise.
process.env.BODY_SIZE_LIMIT ??= '30M';
// adapter-node assumes https when it cannot tell; a local start is plain http on localhost.
process.env.ORIGIN ??= `http://localhost:${process.env.PORT}`;
console.log(`Starting on ${process.env.ORIGIN} …`);
try {
	await import(pathToFileURL(join(root, 'build', 'index.js')).href);
} catch (e) {
	// Start-up failures (data folder in use, database unreachable, failed migration) are the user's to
	// fix: print the message, not a stack trace.
	console.error(`Candidate Tracker could not start: ${e instanceof Error ? e.message : e}`);
	if (process.env.DEBUG) console.error(e);
	process.exit(1);
}
