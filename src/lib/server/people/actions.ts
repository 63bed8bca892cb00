import { sql } from 'kysely';
import { searchKey, sortKey, transliterate } from '../../domain/names';
import type { Db } from '../db';
import type { AuditContext } from '../audit/log';
import { createRecord, deleteRecord, updateRecord, type ChangeOptions, type Row } from '../records/changes';
import type { PersonInput } from './schema';

/** The columns stored for a person: the form's fields plus what is derived from the name. */
export function personColumns(input: PersonInput): Row {
	const { source: _source, ...fields } = input;
	const latin = input.name_latin ?? transliterate(input.full_name);
	return {
		...fields,
		name_latin: latin,
		// The key holds every written form, so "Aigul" finds "Айгүл" and a Latin spelling typed by
		// hand finds her as well as the derived one.
		search_key: [...new Set([searchKey(input.full_name), searchKey(latin)])].join(' '),
		sort_key: sortKey(input.full_name)
	};
}

export function createPerson(trx: Db, context: AuditContext, input: PersonInput) {
	return createRecord(trx, context, 'people', personColumns(input), { source: input.source });
}

export function updatePerson(trx: Db, context: AuditContext, id: number, version: number, input: PersonInput) {
	return updateRecord(trx, context, 'people', id, version, personColumns(input), { source: input.source });
}

export function deletePerson(trx: Db, context: AuditContext, id: number, version: number, options: ChangeOptions = {}) {
	return deleteRecord(trx, context, 'people', id, version, options);
}

export interface DuplicateCandidate {
	id: number;
	full_name: string;
	name_latin: string;
	birth_year: number | null;
	reason: 'name_and_birth_year' | 'name_and_phone' | 'phone';
}

const digits = (phone: string | null) => (phone ?? '').replace(/\D/g, '');

/**
 * Likely duplicates of a person about to be created: the same name in any script (the same search
 * key) with the same birth year or phone, or the same phone number alone.
 */
export async function findDuplicates(db: Db, input: Pick<PersonInput, 'full_name' | 'name_latin' | 'birth_year' | 'phone'>, excludeId?: number) {
	const key = searchKey(input.full_name);
	const phone = digits(input.phone);
	const rows = await db
		.selectFrom('people')
		.select(['id', 'full_name', 'name_latin', 'birth_year', 'phone', 'search_key'])
		.where('deleted_at', 'is', null)
		.where((eb) =>
			eb.or([
				eb('search_key', 'like', `${key.replace(/[\\%_]/g, '\\$&')}%`),
				...(phone.length >= 6 ? [eb(sql`regexp_replace(coalesce(phone, ''), '[^0-9]', '', 'g')`, '=', phone)] : [])
			])
		)
		.$if(excludeId !== undefined, (q) => q.where('id', '<>', excludeId!))
		.limit(20)
		.execute();
	const candidates: DuplicateCandidate[] = [];
	for (const row of rows) {
		const reason = duplicateReason(row, { key, birth_year: input.birth_year, phone });
		if (reason) candidates.push({ id: row.id, full_name: row.full_name, name_latin: row.name_latin, birth_year: row.birth_year, reason });
	}
	return candidates;
}

/**
 * Why `existing` is likely the person described (the duplicate rules, shared by the person form and
 * imports), or null: the same name in any script with the same birth year or phone, or the same phone.
 * `key` is searchKey(full name); `phone` is digits only.
 */
export function duplicateReason(
	existing: { search_key: string; birth_year: number | null; phone: string | null },
	input: { key: string; birth_year: number | null; phone: string }
): DuplicateCandidate['reason'] | null {
	const sameName = existing.search_key === input.key || existing.search_key.startsWith(`${input.key} `);
	const samePhone = input.phone.length >= 6 && digits(existing.phone) === input.phone;
	if (sameName && input.birth_year !== null && existing.birth_year === input.birth_year) return 'name_and_birth_year';
	if (sameName && samePhone) return 'name_and_phone';
	return samePhone ? 'phone' : null;
}

export const phoneDigits = digits;
