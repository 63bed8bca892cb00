import { formatCount, formatPercent } from '$lib/i18n/format';
import { m } from '$lib/paraglide/messages';
import type { ShownDashboard } from '$lib/server/impact/figures-view';
import type { HeadlineFigure } from './HeadlineFigures.svelte';

/** The key numbers above the charts: trained, ran, won, the win rate with its interval, results pending. */
export function headlineFigures(d: ShownDashboard): HeadlineFigure[] {
	const h = d.headline;
	const rate = h.winRate;
	return [
		{ key: 'trained', label: m.dash_head_trained(), value: h.trained, note: m.dash_head_trained_note() },
		{ key: 'ran', label: m.dash_head_ran(), value: h.ran, note: m.dash_head_ran_note() },
		{ key: 'won', label: m.dash_head_won(), value: h.won, note: m.dash_head_won_note() },
		{
			key: 'win-rate',
			label: m.dash_head_win_rate(),
			value: rate.rate === null ? '—' : formatPercent(rate.rate),
			note:
				rate.rate === null || rate.low === null || rate.high === null
					? m.dash_head_win_rate_hidden({ decided: formatCount(h.decided) })
					: m.dash_head_win_rate_note({ won: formatCount(h.won), decided: formatCount(h.decided), low: formatPercent(rate.low), high: formatPercent(rate.high) })
		},
		{ key: 'pending', label: m.dash_head_pending(), value: h.pending, note: m.dash_head_pending_note() }
	];
}
