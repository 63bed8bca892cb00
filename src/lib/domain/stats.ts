// Rates with their uncertainty, for the impact figures (DESIGN.md §4: every rate shows its 95% Wilson
// interval and its n). Pure: shared by server and browser.

/** A rate k/n with its 95% Wilson score interval (rate, low and high are null when n = 0). */
export interface Rate {
	k: number;
	n: number;
	rate: number | null;
	low: number | null;
	high: number | null;
}

/** The normal quantile for a two-sided 95% interval. */
export const Z_95 = 1.959964;

/**
 * The Wilson score interval (Wilson 1927) of k successes in n trials. Unlike the textbook k/n ± z·se
 * it stays inside [0, 1] and is usable for small n and for k = 0 or k = n, which small step-down
 * cohorts give often. The bounds at k = 0 and k = n are exactly 0 and 1 (the formula gives them up to
 * rounding).
 */
export function wilson(k: number, n: number, z: number = Z_95): Rate {
	if (!Number.isInteger(k) || !Number.isInteger(n) || k < 0 || n < 0 || k > n) {
		throw new RangeError(`wilson: need whole numbers 0 ≤ k ≤ n, got k=${k}, n=${n}`);
	}
	if (n === 0) return { k, n, rate: null, low: null, high: null };
	const p = k / n;
	const z2 = z * z;
	const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
	const half = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
	return {
		k,
		n,
		rate: p,
		low: k === 0 ? 0 : Math.max(0, centre - half),
		high: k === n ? 1 : Math.min(1, centre + half)
	};
}
