import type { Gender } from './enums';

// The gender quota of city-kenesh party lists in the 2012 local elections: no more than 70% of one
// sex on a list (IDEA Gender Quotas Database). The verdict needs every position of the list: a list
// with a position not yet recorded, or recorded as "not known", gives no verdict, never a guess.

/** At most this share of a list's positions may be held by one sex: 7 tenths, kept in integers. */
const QUOTA_MAX_TENTHS = 7;
export const QUOTA_MAX_SHARE = QUOTA_MAX_TENTHS / 10;

export interface ListPosition {
	position: number;
	gender: Gender;
}

export type QuotaCheck =
	| {
			complete: false;
			listSize: number | null;
			/** Positions 1..listSize with a known gender. */
			recorded: number;
			/** Positions 1..listSize still without a known gender (all of them when the size is unknown). */
			missing: number[];
	  }
	| {
			complete: true;
			listSize: number;
			recorded: number;
			missing: [];
			women: number;
			men: number;
			/** Women's share of the list, 0..1. */
			womenShare: number;
			/** The larger of the two sexes' shares, 0..1. */
			largestShare: number;
			meets: boolean;
	  };

/** Whether one sex's count stays within the quota: count / size ≤ 70%, in integers (7/10 passes exactly). */
export function withinQuota(count: number, listSize: number): boolean {
	return count * 10 <= listSize * QUOTA_MAX_TENTHS;
}

/**
 * The quota verdict of a list of `listSize` positions from its recorded positions. Positions outside
 * 1..listSize are ignored; when a position is recorded twice, the first one counts.
 */
export function quotaCheck(listSize: number | null, entries: readonly ListPosition[]): QuotaCheck {
	if (listSize === null || !Number.isInteger(listSize) || listSize < 1) {
		return { complete: false, listSize: null, recorded: 0, missing: [] };
	}
	const byPosition = new Map<number, Gender>();
	for (const entry of entries) {
		if (Number.isInteger(entry.position) && entry.position >= 1 && entry.position <= listSize && !byPosition.has(entry.position)) {
			byPosition.set(entry.position, entry.gender);
		}
	}
	const missing: number[] = [];
	for (let position = 1; position <= listSize; position++) {
		const gender = byPosition.get(position);
		if (gender === undefined || gender === 'unknown') missing.push(position);
	}
	const recorded = listSize - missing.length;
	if (missing.length) return { complete: false, listSize, recorded, missing };
	const genders = [...byPosition.values()];
	const women = genders.filter((g) => g === 'female').length;
	const men = genders.filter((g) => g === 'male').length;
	return {
		complete: true,
		listSize,
		recorded,
		missing: [],
		women,
		men,
		womenShare: women / listSize,
		largestShare: Math.max(women, men) / listSize,
		meets: withinQuota(women, listSize) && withinQuota(men, listSize)
	};
}
