import { describe, expect, it } from 'vitest';
import type { Gender } from '../../src/lib/domain/enums';
import { quotaCheck, withinQuota } from '../../src/lib/domain/quota';
import { candidacyRuleBreaks, outcomeOf, type CandidacyOutcome } from '../../src/lib/domain/results';

/** A list of `women` women followed by `men` men (and `other` of another sex). */
function list(women: number, men: number, other = 0): Array<{ position: number; gender: Gender }> {
	const genders: Gender[] = [...Array(women).fill('female'), ...Array(men).fill('male'), ...Array(other).fill('other')];
	return genders.map((gender, i) => ({ position: i + 1, gender }));
}

describe('party-list quota: no more than 70% of one sex', () => {
	it('passes a list with exactly 70% of one sex', () => {
		const check = quotaCheck(10, list(3, 7));
		expect(check).toMatchObject({ complete: true, listSize: 10, women: 3, men: 7, meets: true });
		expect(quotaCheck(10, list(7, 3))).toMatchObject({ complete: true, meets: true, womenShare: 0.7 });
		expect(quotaCheck(100, list(30, 70)).complete && quotaCheck(100, list(30, 70))).toMatchObject({ meets: true });
	});

	it('fails a list with 71% of one sex, whichever sex it is', () => {
		expect(quotaCheck(100, list(29, 71))).toMatchObject({ complete: true, men: 71, meets: false });
		expect(quotaCheck(100, list(71, 29))).toMatchObject({ complete: true, women: 71, meets: false });
		expect(quotaCheck(10, list(0, 10))).toMatchObject({ complete: true, womenShare: 0, largestShare: 1, meets: false });
	});

	it('counts in whole numbers, without rounding errors near the limit', () => {
		// 7 of 10 is exactly 70%; 0.7 × 10 in floating point must not turn it into a failure.
		for (const size of [10, 20, 30, 40, 50, 70, 100, 130]) {
			const atLimit = (size * 7) / 10;
			expect(quotaCheck(size, list(size - atLimit, atLimit)), `size ${size}`).toMatchObject({ meets: true });
			expect(quotaCheck(size, list(size - atLimit - 1, atLimit + 1)), `size ${size}`).toMatchObject({ meets: false });
		}
		expect(withinQuota(2, 3)).toBe(true); // 66.7%
		expect(withinQuota(3, 4)).toBe(false); // 75%
	});

	it('gives no verdict for an incomplete list, and says which positions are missing', () => {
		const entries = list(3, 4).filter((e) => e.position !== 2);
		const check = quotaCheck(10, entries);
		expect(check.complete).toBe(false);
		expect(check).not.toHaveProperty('meets');
		expect(check.missing).toEqual([2, 8, 9, 10]);
		expect(check.recorded).toBe(6);
	});

	it('treats a position recorded as "not known" as missing, never as a guess', () => {
		const entries = list(5, 5).map((e) => (e.position === 10 ? { ...e, gender: 'unknown' as const } : e));
		expect(quotaCheck(10, entries)).toMatchObject({ complete: false, missing: [10] });
	});

	it('gives no verdict without a list size, and ignores positions outside the list', () => {
		expect(quotaCheck(null, list(3, 7))).toMatchObject({ complete: false, listSize: null, recorded: 0 });
		expect(quotaCheck(0, list(3, 7))).toMatchObject({ complete: false, listSize: null });
		const check = quotaCheck(4, [...list(2, 2), { position: 5, gender: 'male' }, { position: 0, gender: 'male' }]);
		expect(check).toMatchObject({ complete: true, women: 2, men: 2, meets: true });
	});

	it('counts a person of another sex toward neither', () => {
		expect(quotaCheck(10, list(3, 6, 1))).toMatchObject({ complete: true, women: 3, men: 6, meets: true });
	});
});

describe('candidacy rules', () => {
	const onBallot: CandidacyOutcome = { status: 'on_ballot', exit_stage: null, list_position: null, district: null, votes: null, elected: null, took_seat: null };
	const fields = (c: Partial<CandidacyOutcome>, system: 'party_list' | 'majoritarian' = 'majoritarian') =>
		candidacyRuleBreaks({ ...onBallot, ...c }, system).map((b) => b.field);

	it('accepts a pending result and a decided one', () => {
		expect(fields({})).toEqual([]);
		expect(fields({ elected: true, took_seat: true, votes: 120, district: '№3' })).toEqual([]);
		expect(fields({ elected: false, list_position: 12 }, 'party_list')).toEqual([]);
	});

	it('refuses elected off the ballot, a seat without election, an exit stage in the race or none out of it', () => {
		expect(fields({ status: 'registered', elected: true })).toEqual(['elected']);
		expect(fields({ elected: false, took_seat: true })).toEqual(['took_seat']);
		expect(fields({ elected: null, took_seat: false })).toEqual(['took_seat']);
		expect(fields({ status: 'withdrawn' })).toEqual(['exit_stage']);
		expect(fields({ exit_stage: 'registered' })).toEqual(['exit_stage']);
		expect(fields({ status: 'registered', votes: 10 })).toEqual(['votes']);
		expect(fields({ status: 'withdrawn', exit_stage: 'on_ballot', votes: 10 })).toEqual([]);
	});

	it('allows list positions only in party-list races and districts only in majoritarian ones', () => {
		expect(fields({ list_position: 3 }, 'majoritarian')).toEqual(['list_position']);
		expect(fields({ district: '№2' }, 'party_list')).toEqual(['district']);
	});

	it('never counts a pending result as lost', () => {
		expect(outcomeOf({ status: 'on_ballot', elected: null })).toBe('pending');
		expect(outcomeOf({ status: 'on_ballot', elected: false })).toBe('not_elected');
		expect(outcomeOf({ status: 'on_ballot', elected: true })).toBe('elected');
		expect(outcomeOf({ status: 'withdrawn', elected: null })).toBeNull();
	});
});
