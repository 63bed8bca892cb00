// A small seeded pseudo-random generator for the demo data: the same seed gives the same dataset on
// every machine and every run, so tests and screenshots can rely on it. Never Math.random here.

export interface Random {
	/** A float in [0, 1). */
	next(): number;
	/** An integer in [min, max], both included. */
	int(min: number, max: number): number;
	/** True with probability p. */
	chance(p: number): boolean;
	pick<T>(items: readonly T[]): T;
	/** Picks by weight: entries are [value, weight] with weights ≥ 0, at least one > 0. */
	weighted<T>(entries: ReadonlyArray<readonly [T, number]>): T;
	/** A shuffled copy (Fisher–Yates); the input is left as it was. */
	shuffle<T>(items: readonly T[]): T[];
	/** n distinct items (all of them when there are fewer), in random order. */
	sample<T>(items: readonly T[], n: number): T[];
}

/** mulberry32: 32 bits of state, good enough statistically for fictional data, and tiny. */
export function createRandom(seed: number): Random {
	let state = seed >>> 0;
	const next = () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	const int = (min: number, max: number) => {
		if (!Number.isInteger(min) || !Number.isInteger(max) || max < min) throw new RangeError(`int(${min}, ${max})`);
		return min + Math.floor(next() * (max - min + 1));
	};
	const pick = <T>(items: readonly T[]): T => {
		if (items.length === 0) throw new RangeError('pick from an empty list');
		return items[Math.floor(next() * items.length)];
	};
	const shuffle = <T>(items: readonly T[]): T[] => {
		const copy = [...items];
		for (let i = copy.length - 1; i > 0; i--) {
			const j = Math.floor(next() * (i + 1));
			[copy[i], copy[j]] = [copy[j], copy[i]];
		}
		return copy;
	};
	return {
		next,
		int,
		chance: (p) => next() < p,
		pick,
		weighted<T>(entries: ReadonlyArray<readonly [T, number]>): T {
			const total = entries.reduce((sum, [, w]) => sum + Math.max(0, w), 0);
			if (!(total > 0)) throw new RangeError('weighted pick needs a positive weight');
			let r = next() * total;
			for (const [value, w] of entries) {
				r -= Math.max(0, w);
				if (r < 0) return value;
			}
			// Rounding can leave r a hair above 0: fall back to the last entry that can be picked.
			for (let i = entries.length - 1; ; i--) if (entries[i][1] > 0) return entries[i][0];
		},
		shuffle,
		sample: (items, n) => shuffle(items).slice(0, Math.max(0, n))
	};
}
