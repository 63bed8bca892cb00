import type { ChartConfiguration, ChartDataset, Plugin } from 'chart.js';
import { formatNumber, formatPercent } from '$lib/i18n/format';
import type { Locale } from '$lib/i18n/locale';
import { whiteBackground } from './download';
import { COLOURS } from './palette';

/** A 95% interval [low, high] around a value, drawn as an error bar. */
export type Interval = readonly [number, number];

/** One set of bars, one line or one set of points. */
export interface Series {
	label: string;
	/** One colour, or one per value (bars of one series told apart). */
	colour: string | string[];
	/** One value per category (null: nothing drawn there, e.g. a count suppressed as "<5"). */
	values?: (number | null)[];
	/** Points of a scatter chart. */
	points?: { x: number; y: number }[];
	/** The 95% interval of each value, drawn as error bars. */
	intervals?: (Interval | null)[];
	/** Drawn as a line (in a bar or scatter chart too). */
	line?: boolean;
	dashed?: boolean;
}

/** What a chart draws: the data and the axes, free of chart.js so that pages can build it on the server. */
export interface ChartPlot {
	kind: 'bar' | 'line' | 'scatter';
	/** The categories (bar and line charts). */
	labels?: string[];
	series: Series[];
	/** The axis of the categories (or x of a scatter chart), and the axis of the values. */
	categoryTitle: string;
	valueTitle: string;
	/** The values are shares (0–1), shown as percentages. */
	percent?: boolean;
	/** Bars run sideways: long category names stay readable on a phone. */
	horizontal?: boolean;
	/** Series stack (areas of a line chart, segments of bars). */
	stacked?: boolean;
}

type IntervalDataset = ChartDataset<'bar' | 'line' | 'scatter'> & { intervals?: (Interval | null)[] };

/** Draws each dataset's `intervals` as error bars with caps over its bars or points. */
const errorBars: Plugin = {
	id: 'errorBars',
	afterDatasetsDraw(chart) {
		const { ctx } = chart;
		chart.data.datasets.forEach((dataset, i) => {
			const intervals = (dataset as IntervalDataset).intervals;
			const meta = chart.getDatasetMeta(i);
			if (!intervals || meta.hidden || !meta.vScale) return;
			const sideways = meta.vScale.axis === 'x';
			ctx.save();
			ctx.strokeStyle = COLOURS.outline;
			ctx.lineWidth = 1.5;
			meta.data.forEach((element, j) => {
				const interval = intervals[j];
				if (!interval || (element as unknown as { skip?: boolean }).skip) return;
				const [from, to] = interval.map((v) => meta.vScale!.getPixelForValue(v));
				const at = sideways ? element.y : element.x;
				const cap = 6;
				ctx.beginPath();
				if (sideways) {
					ctx.moveTo(from, at);
					ctx.lineTo(to, at);
					for (const end of [from, to]) {
						ctx.moveTo(end, at - cap);
						ctx.lineTo(end, at + cap);
					}
				} else {
					ctx.moveTo(at, from);
					ctx.lineTo(at, to);
					for (const end of [from, to]) {
						ctx.moveTo(at - cap, end);
						ctx.lineTo(at + cap, end);
					}
				}
				ctx.stroke();
			});
			ctx.restore();
		});
	}
};


/** A long category name in lines of about `width` characters (chart.js draws an array as lines), so that it is not cut off. */
export function wrapLabel(label: string, width = 24): string | string[] {
	if (label.length <= width) return label;
	const lines: string[] = [];
	for (const word of label.split(' ')) {
		const last = lines.at(-1);
		if (last !== undefined && last.length + 1 + word.length <= width) lines[lines.length - 1] = `${last} ${word}`;
		else lines.push(word);
	}
	return lines;
}

function formatValue(value: number, percent: boolean, locale: Locale): string {
	return percent ? formatPercent(value, locale) : formatNumber(value, locale);
}

/** The largest value or interval end, so that the axis leaves room for the error bars. */
function largest(plot: ChartPlot): number {
	let max = 0;
	for (const s of plot.series) {
		for (const v of s.values ?? []) if (v !== null) max = Math.max(max, v);
		for (const p of s.points ?? []) max = Math.max(max, p.y);
		for (const iv of s.intervals ?? []) if (iv) max = Math.max(max, iv[1]);
	}
	return max;
}

/**
 * The chart.js configuration of a plot. The title is drawn on the canvas only when asked (for the PNG:
 * the page shows it as a heading). Animations are off: the chart is read, printed and downloaded.
 */
export function chartConfig(plot: ChartPlot, title: string, locale: Locale, options: { showTitle?: boolean; pixelRatio?: number } = {}): ChartConfiguration {
	const percent = plot.percent ?? false;
	const scatter = plot.kind === 'scatter';
	const datasets = plot.series.map((s, i): IntervalDataset => {
		const shared = { label: s.label, backgroundColor: s.colour, borderColor: s.line || plot.kind === 'line' ? s.colour : COLOURS.outline, intervals: s.intervals };
		if (s.line || plot.kind === 'line') {
			return {
				...shared,
				type: scatter ? 'scatter' : 'line',
				data: (s.points ?? s.values ?? []) as number[],
				showLine: true,
				borderWidth: 2,
				borderDash: s.dashed ? [6, 4] : undefined,
				pointRadius: s.dashed ? 0 : 3,
				fill: plot.stacked ? (i === 0 ? 'origin' : '-1') : false,
				backgroundColor: plot.stacked ? `${s.colour}99` : s.colour,
				spanGaps: false
			} as IntervalDataset;
		}
		if (scatter) return { ...shared, type: 'scatter', data: s.points ?? [], pointRadius: 5, pointHoverRadius: 7, borderWidth: 1 } as IntervalDataset;
		return { ...shared, type: 'bar', data: (s.values ?? []) as number[], borderWidth: 1, skipNull: true, maxBarThickness: 48 } as IntervalDataset;
	});
	const top = largest(plot);
	const valueScale = {
		type: 'linear' as const,
		beginAtZero: true,
		stacked: plot.stacked,
		// Shares on the whole 0–100% scale (honest about their size); counts up to a little above the largest.
		max: percent ? 1 : undefined,
		suggestedMax: percent ? undefined : top * 1.1 || 5,
		title: { display: true, text: plot.valueTitle },
		ticks: { precision: percent ? undefined : 0, callback: (value: number | string) => formatValue(Number(value), percent, locale) }
	};
	const categoryScale = scatter
		? { type: 'linear' as const, beginAtZero: true, title: { display: true, text: plot.categoryTitle }, ticks: { precision: 0, callback: (value: number | string) => formatNumber(Number(value), locale) } }
		: { type: 'category' as const, stacked: plot.stacked, title: { display: true, text: plot.categoryTitle } };
	const [categoryAxis, valueAxis] = plot.horizontal ? ['y', 'x'] : ['x', 'y'];
	return {
		type: scatter ? 'scatter' : plot.kind,
		data: { labels: plot.labels?.map((label) => wrapLabel(label)), datasets: datasets as ChartDataset[] },
		options: {
			animation: false,
			responsive: true,
			maintainAspectRatio: false,
			devicePixelRatio: options.pixelRatio,
			indexAxis: plot.horizontal ? 'y' : 'x',
			scales: { [categoryAxis]: categoryScale, [valueAxis]: valueScale },
			plugins: {
				title: { display: options.showTitle ?? false, text: title, font: { size: 15, weight: 'bold' }, padding: { top: 8, bottom: 12 } },
				legend: { display: plot.series.length > 1, labels: { boxWidth: 14 } },
				tooltip: {
					callbacks: {
						// Typed by what it reads. Checked against chart.js's own types, this configuration makes
						// TypeScript misjudge the force-directed graph's (NetworkChart.svelte): it is cast unchecked below.
						label(item: { parsed: { x: number | null; y: number | null }; datasetIndex: number; dataIndex: number; dataset: { label?: string } }) {
							const value = plot.horizontal ? item.parsed.x : item.parsed.y;
							if (value === null || value === undefined) return '';
							const interval = plot.series[item.datasetIndex]?.intervals?.[item.dataIndex];
							const shown = scatter ? `${formatNumber(item.parsed.x ?? 0, locale)}; ${formatNumber(item.parsed.y ?? 0, locale)}` : formatValue(value, percent, locale);
							return `${item.dataset.label}: ${shown}${interval ? ` (${formatValue(interval[0], percent, locale)}–${formatValue(interval[1], percent, locale)})` : ''}`;
						}
					}
				}
			}
		},
		plugins: [whiteBackground, errorBars]
	} as unknown as ChartConfiguration;
}
