// `npm run page-weight`: builds the app if its sources changed, starts it on a fresh demo database,
// opens every page an admin can (and the funder's dashboard and report) in Chromium, and prints the
// JavaScript each page loads, gzipped, against its budget. Exits 1 when a page misses its budget or
// loads chart.js without drawing a chart. The same measurement runs in CI as tests/e2e/page-weight.test.ts.
import { buildIfNeeded } from './lib/build-if-needed.js';
import { runScript } from './lib/run';
import { CHROMIUM, hasChromium } from '../tests/helpers/browser';
import { budgetProblems, measureDemoPageWeights, pageWeightTable } from '../tests/helpers/page-weight';

await runScript(async () => {
	if (!hasChromium) throw new Error(`No Chromium at ${CHROMIUM}: install it (apt-get install chromium) or set CHROMIUM_PATH.`);
	buildIfNeeded();
	console.log('Measuring the JavaScript of every page (gzip level 9, 1 KB = 1000 bytes) …');
	const weights = await measureDemoPageWeights();
	console.log(pageWeightTable(weights));
	const problems = budgetProblems(weights);
	if (problems.length) throw new Error(`${problems.length} page(s) miss the budget:\n  ${problems.join('\n  ')}`);
	console.log(`All ${weights.length} pages within budget.`);
});
