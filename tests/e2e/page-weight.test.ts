import { beforeAll, expect, it } from 'vitest';
import { describeWithBrowser } from '../helpers/browser';
import { BUDGETS, KB, budgetProblems, measureDemoPageWeights, pageWeightTable, type PageWeight } from '../helpers/page-weight';

// Every page an admin can open, and the funder's dashboard and report, opened in Chromium with the
// cache off: the gzipped size (level 9) of every script each loads, against its budget.
describeWithBrowser(`page weight: ≤ ${BUDGETS.chart / KB} KB of gzipped JavaScript on chart pages, ≤ ${BUDGETS.other / KB} KB elsewhere`, () => {
	let weights: PageWeight[];

	beforeAll(async () => {
		weights = await measureDemoPageWeights();
		console.log(`JavaScript per page, gzipped (1 KB = 1000 bytes):\n${pageWeightTable(weights)}`);
	}, 900_000);

	it('the measurement sees chart.js where the impact pages draw their charts, and nowhere on the pages without one', () => {
		const impact = weights.filter((w) => w.path === '/impact' || w.path === '/impact/report');
		expect(impact.map((w) => [w.path, w.as, w.drawsChart, w.chartJs])).toEqual([
			['/impact', 'admin', true, true],
			['/impact/report', 'admin', true, true],
			['/impact', 'funder', true, true],
			['/impact/report', 'funder', true, true]
		]);
		expect(weights.filter((w) => w.path === '/people' || w.path === '/').map((w) => w.chartJs)).toEqual([false, false]);
	});

	it('every page is within its budget, and only chart pages load chart.js', () => {
		expect(budgetProblems(weights)).toEqual([]);
	});
});
