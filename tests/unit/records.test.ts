import { describe, expect, it } from 'vitest';
import { comparable, diff, rebase } from '../../src/lib/server/records/changes';
import { describeChange } from '../../src/lib/i18n/fields';

describe('record changes', () => {
	it('compares form values with stored ones whatever their type', () => {
		expect(comparable('')).toBe(comparable(null));
		expect(comparable(undefined)).toBe(comparable(null));
		expect(comparable(new Date('2012-11-25T00:00:00Z'))).toBe(comparable('2012-11-25T00:00:00.000Z'));
		expect(comparable(['ky', 'ru'])).not.toBe(comparable(['ru', 'ky']));
		expect(comparable(3)).not.toBe(comparable('3'));
	});

	it('diffs only the fields that change, never the system columns', () => {
		const current = { id: 1, version: 4, phone: '1', email: null, languages: ['ky'] };
		expect(diff(current, { id: 9, version: 9, phone: '1', email: '', languages: ['ky', 'ru'] })).toEqual({ before: { languages: ['ky'] }, after: { languages: ['ky', 'ru'] } });
	});

	it('rebases a stale form: her edits stay, fields she did not touch take the current values', () => {
		const current = { phone: 'theirs', messenger: '@new', notes: 'n', birth_year: 1980 };
		const meanwhile = [{ auditId: 1, at: new Date(), userName: 'X', action: 'update', before: { messenger: '@old', birth_year: 1979 }, after: { messenger: '@new', birth_year: 1980 }, lines: [] }];
		const submitted = { phone: 'mine', messenger: '@old', notes: 'n', birth_year: 1981 };
		expect(rebase(submitted, current, meanwhile)).toEqual({ phone: 'mine', messenger: '@new', notes: 'n', birth_year: 1981 });
	});

	it('describes a change as labelled lines in the language, hiding internal keys and marking new values', () => {
		const lines = describeChange('people', { gender: 'female', phone: '' }, { gender: 'male', phone: '+996 555', email: 'a@b.kg', search_key: 'x' });
		expect(lines).toEqual([
			{ label: 'Gender', before: 'Woman', after: 'Man' },
			{ label: 'Phone', before: '(empty)', after: '+996 555' },
			{ label: 'E-mail', after: 'a@b.kg' }
		]);
		expect(describeChange('no_such_table', {}, { column: 3 })).toEqual([{ label: 'column', after: '3' }]);
	});
});
