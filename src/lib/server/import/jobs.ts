// An import, step by step, kept in its import_jobs row so that the page can be reloaded at any point:
//   uploaded  — the file was read; a mapping is guessed (or remembered from a file with the same headers)
//   mapped    — the user confirmed the mapping; the preview is being worked out, PREVIEW_STEP rows per request
//   previewed — every row has its outcome (create, update, choose between matches, error) and the user decides
//   committed — every accepted row stored in one transaction, recorded in the audit log under the job
//   undone    — the whole import reverted in one transaction (history keeps both)
// A failed commit leaves the job as it was (previewed): nothing is half-written.

import { sql } from 'kysely';
import type { Db } from '../db';
import type { Identifier } from '../db/types';
import type { AuditContext } from '../audit/log';
import { audit } from '../audit/log';
import { searchKey } from '../../domain/names';
import { duplicateReason, personColumns, phoneDigits, type DuplicateCandidate } from '../people/actions';
import { createRecords, isEditableTable, revertChange, revertCreations, updateRecord, type EditableTable, type Row } from '../records/changes';
import type { Sheet } from './read';
import { m } from '$lib/paraglide/messages';
import { guessMapping, headerKey, IMPORT_FIELDS, type ColumnMapping, type ImportField } from './fields';
import { normalizeName, readRow, type CellProblem, type Lookups } from './rows';

/** Rows worked out per preview request: small enough that a step answers within a second or two. */
export const PREVIEW_STEP = 2000;

export const IMPORT_KIND = 'people';

export interface MatchCandidate {
	id: number;
	full_name: string;
	birth_year: number | null;
	reason: DuplicateCandidate['reason'] | 'identifier';
}

/** The outcome of one row, as the preview shows it. `row` is its line in the spreadsheet (the header is line 1). */
export interface PreviewRow {
	row: number;
	name: string;
	action: 'create' | 'update' | 'choose' | 'error';
	/** For 'update': the person matched for certain (the same identifier). */
	personId?: number;
	/** For 'choose': the people the duplicate rules point at. */
	candidates?: MatchCandidate[];
	problems?: CellProblem[];
	/** Her identifier in the file, to notice the same one twice. */
	identifier?: string;
	/** Mapped cells left empty (or an unknown party): the row is imported without them, and says so. */
	notes?: CellProblem[];
}

/** The user's choice for a row: leave it out, create a new person, or update the person with this id. */
export type Decision = 'skip' | 'create' | number;

export interface ImportJob {
	id: number;
	userId: number | null;
	fileName: string;
	format: string | null;
	status: string;
	headers: string[];
	/** The first rows, to show beside the mapping. */
	sample: string[][];
	mapping: ColumnMapping;
	totalRows: number;
	processedRows: number;
	createdCount: number;
	updatedCount: number;
	skippedCount: number;
	preview: PreviewRow[];
	decisions: Record<string, Decision>;
	createdAt: Date;
	finishedAt: Date | null;
	undoneAt: Date | null;
}

export class ImportStateError extends Error {
	constructor(readonly reason: 'wrong_status' | 'unresolved_rows' | 'not_found') {
		super(`Import cannot go on: ${reason}`);
	}
}

interface StoredSheet {
	headers: string[];
	rows: string[][];
	encoding: string | null;
	separator: string | null;
}

/** The identifier scheme of a file's id column: EveryPolitician's ids are known; any other file's are "external". */
export function identifierScheme(headers: string[]): string {
	const names = new Set(headers.map((h) => h.trim().toLowerCase()));
	return names.has('wikidata') || names.has('group_id') ? 'everypolitician' : 'external';
}

/** Stores a read file as a new job, with the mapping of the last file with the same headers or a guess. */
export async function createImportJob(db: Db, userId: number | null, fileName: string, sheet: Sheet): Promise<number> {
	const key = headerKey(sheet.headers);
	const remembered = await db
		.selectFrom('import_jobs')
		.select('mapping')
		.where('kind', '=', IMPORT_KIND)
		.where('header_key', '=', key)
		.where('status', 'in', ['mapped', 'previewed', 'committed', 'undone'])
		.orderBy('id', 'desc')
		.executeTakeFirst();
	const mapping = (remembered?.mapping as ColumnMapping | undefined) ?? guessMapping(sheet.headers);
	const stored: StoredSheet = { headers: sheet.headers, rows: sheet.rows, encoding: sheet.encoding, separator: sheet.separator };
	const job = await db
		.insertInto('import_jobs')
		.values({
			user_id: userId,
			kind: IMPORT_KIND,
			file_name: fileName,
			format: sheet.format,
			status: 'uploaded',
			total_rows: sheet.rows.length,
			header_key: key,
			mapping: JSON.stringify(mapping),
			sheet: JSON.stringify(stored)
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	return job.id;
}

export async function loadImportJob(db: Db, id: number, options: { sampleRows?: number } = {}): Promise<ImportJob | undefined> {
	// The sheet itself can be megabytes: only its headers and first rows are read here.
	const row = await db
		.selectFrom('import_jobs')
		.selectAll()
		.select([sql<string[]>`sheet->'headers'`.as('headers'), sql<string[][]>`jsonb_path_query_array(sheet->'rows', ${`$[0 to ${Math.max(0, (options.sampleRows ?? 3) - 1)}]`}::jsonpath)`.as('sample')])
		.where('id', '=', id)
		.where('kind', '=', IMPORT_KIND)
		.executeTakeFirst();
	if (!row) return undefined;
	return {
		id: row.id,
		userId: row.user_id,
		fileName: row.file_name,
		format: row.format,
		status: row.status,
		headers: row.headers ?? [],
		sample: options.sampleRows === 0 ? [] : (row.sample ?? []),
		mapping: (row.mapping ?? {}) as ColumnMapping,
		totalRows: row.total_rows,
		processedRows: row.processed_rows,
		createdCount: row.created_count,
		updatedCount: row.updated_count,
		skippedCount: row.skipped_count,
		preview: (row.preview ?? []) as PreviewRow[],
		decisions: (row.decisions ?? {}) as Record<string, Decision>,
		createdAt: row.created_at,
		finishedAt: row.finished_at,
		undoneAt: row.undone_at
	};
}

/** Problems with a mapping: a field chosen for two columns, or the name not chosen at all. */
export function mappingProblems(mapping: ColumnMapping): { missingName: boolean; twice: ImportField[] } {
	const fields = Object.values(mapping).filter((f): f is ImportField => !!f);
	const twice = IMPORT_FIELDS.filter((f) => fields.filter((g) => g === f).length > 1);
	return { missingName: !fields.includes('full_name'), twice };
}

/** Confirms the mapping and starts the preview afresh. */
export async function saveMapping(db: Db, id: number, mapping: ColumnMapping): Promise<void> {
	const updated = await db
		.updateTable('import_jobs')
		.set({ mapping: JSON.stringify(mapping), status: 'mapped', processed_rows: 0, preview: null, decisions: null, updated_at: new Date() })
		.where('id', '=', id)
		.where('status', 'in', ['uploaded', 'mapped', 'previewed'])
		.executeTakeFirst();
	if (!updated.numUpdatedRows) throw new ImportStateError('wrong_status');
}

export async function importLookups(db: Db): Promise<Lookups> {
	const regions = new Map<string, number>();
	for (const r of await db.selectFrom('regions').select(['id', 'code', 'iso_code', 'name_en', 'name_ru', 'name_ky']).execute()) {
		for (const name of [r.code, r.iso_code, r.name_en, r.name_ru, r.name_ky]) {
			if (!name) continue;
			regions.set(normalizeName(name), r.id);
			// "Naryn Region", "Нарынская область", "Нарын облусу" are also written without the word for region.
			const bare = normalizeName(name.replace(/\b(region|city)\b|област[ьи]|облусу|шаары|город/giu, ''));
			if (bare && !regions.has(bare)) regions.set(bare, r.id);
		}
	}
	const trainings = new Map<string, number>();
	for (const t of await db.selectFrom('trainings').select(['id', 'title']).where('deleted_at', 'is', null).orderBy('id').execute()) {
		trainings.set(String(t.id), t.id);
		if (!trainings.has(normalizeName(t.title))) trainings.set(normalizeName(t.title), t.id);
	}
	return { regions, trainings };
}

interface KnownPerson {
	id: number;
	full_name: string;
	birth_year: number | null;
	search_key: string;
	phone: string | null;
}

/** Everyone who could be matched, indexed by identifier, by every leading part of her search key, and by phone. */
class PeopleIndex {
	readonly byIdentifier = new Map<string, KnownPerson>();
	readonly byNameKey = new Map<string, KnownPerson[]>();
	readonly byPhone = new Map<string, KnownPerson[]>();

	static async load(db: Db): Promise<PeopleIndex> {
		const index = new PeopleIndex();
		const people = await db.selectFrom('people').select(['id', 'full_name', 'birth_year', 'search_key', 'phone', 'identifiers']).where('deleted_at', 'is', null).execute();
		for (const person of people) {
			for (const identifier of person.identifiers ?? []) index.byIdentifier.set(identifierKey(identifier), person);
			const tokens = person.search_key.split(' ');
			for (let i = 1; i <= tokens.length; i++) push(index.byNameKey, tokens.slice(0, i).join(' '), person);
			const digits = phoneDigits(person.phone);
			if (digits.length >= 6) push(index.byPhone, digits, person);
		}
		return index;
	}

	/** The people the duplicate rules point at, once each. */
	candidates(key: string, birthYear: number | null, phone: string): MatchCandidate[] {
		const found = new Map<number, MatchCandidate>();
		for (const person of [...(this.byNameKey.get(key) ?? []), ...(this.byPhone.get(phone) ?? [])]) {
			const reason = duplicateReason(person, { key, birth_year: birthYear, phone });
			if (reason && !found.has(person.id)) found.set(person.id, { id: person.id, full_name: person.full_name, birth_year: person.birth_year, reason });
		}
		return [...found.values()];
	}
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
	const list = map.get(key);
	if (list) list.push(value);
	else map.set(key, [value]);
}

/** `column = any(array)`: one parameter however many ids (an IN list of 50,000 would exceed the protocol's limit). */
const anyOf = (column: string, ids: number[]) => sql<boolean>`${sql.ref(column)} = any(${[...new Set(ids)]}::int[])`;

const identifierKey = (identifier: Identifier) => `${identifier.scheme}\u001f${identifier.identifier}`;

/**
 * Works out the next PREVIEW_STEP rows of a mapped job and stores them; when the last row is done the
 * job is previewed. Returns how far it got. Each call is short, so progress shows between calls.
 */
export async function previewStep(db: Db, id: number, now = new Date()): Promise<{ processed: number; total: number; done: boolean }> {
	const job = await db.selectFrom('import_jobs').select(['status', 'processed_rows', 'total_rows', 'mapping']).where('id', '=', id).executeTakeFirst();
	if (!job) throw new ImportStateError('not_found');
	if (job.status === 'previewed') return { processed: job.total_rows, total: job.total_rows, done: true };
	if (job.status !== 'mapped') throw new ImportStateError('wrong_status');
	const mapping = job.mapping as ColumnMapping;
	const start = job.processed_rows;
	const end = Math.min(job.total_rows, start + PREVIEW_STEP);
	// Only this step's rows of the sheet, and only the identifiers of the rows before them.
	const slice = await db
		.selectFrom('import_jobs')
		.select([
			sql<string[]>`sheet->'headers'`.as('headers'),
			sql<string[][]>`jsonb_path_query_array(sheet->'rows', ${`$[${start} to ${Math.max(start, end - 1)}]`}::jsonpath)`.as('rows'),
			sql<number[]>`jsonb_path_query_array(coalesce(preview, '[]'::jsonb), '$[*] ? (exists(@.identifier)).row')`.as('seenRows'),
			sql<string[]>`jsonb_path_query_array(coalesce(preview, '[]'::jsonb), '$[*] ? (exists(@.identifier)).identifier')`.as('seenIdentifiers')
		])
		.where('id', '=', id)
		.executeTakeFirstOrThrow();
	const sheet = { headers: slice.headers, rows: end > start ? slice.rows : [] };
	const [lookups, people] = await Promise.all([importLookups(db), PeopleIndex.load(db)]);
	const scheme = identifierScheme(sheet.headers);
	// An identifier met earlier in this file: the same person twice.
	const seen = new Map<string, number>(slice.seenIdentifiers.map((identifier, i) => [identifierKey({ scheme, identifier }), slice.seenRows[i]]));
	const rows: PreviewRow[] = sheet.rows.map((cells, i) => previewRow(sheet.headers, cells, start + i, mapping, lookups, people, scheme, seen, now));
	const finished = end >= job.total_rows;
	await db
		.updateTable('import_jobs')
		.set({
			preview: sql`coalesce(preview, '[]'::jsonb) || ${JSON.stringify(rows)}::jsonb`,
			processed_rows: end,
			status: finished ? 'previewed' : 'mapped',
			updated_at: new Date()
		})
		.where('id', '=', id)
		.where('status', '=', 'mapped')
		.where('processed_rows', '=', start)
		.execute();
	return { processed: end, total: job.total_rows, done: finished };
}

function previewRow(
	headers: string[],
	cells: string[],
	index: number,
	mapping: ColumnMapping,
	lookups: Lookups,
	people: PeopleIndex,
	scheme: string,
	seen: Map<string, number>,
	now: Date
): PreviewRow {
	const line = index + 2;
	const nameColumn = Object.entries(mapping).find(([, f]) => f === 'full_name')?.[0];
	const name = nameColumn === undefined ? '' : (cells[Number(nameColumn)] ?? '').trim();
	const read = readRow(cells, mapping, headers, lookups, now);
	if (!read.ok) return { row: line, name, action: 'error', problems: read.problems };
	const { person, extras } = read;
	const notes: CellProblem[] = [];
	for (const [index, field] of Object.entries(mapping)) {
		if (!field || field === 'full_name') continue;
		const cell = (cells[Number(index)] ?? '').trim();
		if (!cell) notes.push({ column: headers[Number(index)] ?? null, message: m.import_cell_empty() });
		else if (field === 'party' && !extras.party) notes.push({ column: headers[Number(index)] ?? null, message: m.import_party_unknown() });
	}
	const outcome = (row: PreviewRow): PreviewRow => (notes.length ? { ...row, notes } : row);
	if (extras.identifier) {
		const key = identifierKey({ scheme, identifier: extras.identifier });
		const earlier = seen.get(key);
		if (earlier !== undefined) return { row: line, name, action: 'error', problems: [{ column: null, message: m.import_same_identifier({ row: earlier }) }] };
		seen.set(key, line);
		const known = people.byIdentifier.get(key);
		if (known) return outcome({ row: line, name, action: 'update', personId: known.id, identifier: extras.identifier });
	}
	const candidates = people.candidates(searchKey(person.full_name), person.birth_year, phoneDigits(person.phone));
	const identifier = extras.identifier ?? undefined;
	return outcome(candidates.length ? { row: line, name, action: 'choose', candidates, identifier } : { row: line, name, action: 'create', identifier });
}

/** Records the user's choices (merged with earlier ones; null takes a row's choice back). */
export async function saveDecisions(db: Db, id: number, decisions: Record<string, Decision | null>): Promise<void> {
	const job = await loadImportJob(db, id, { sampleRows: 0 });
	if (!job) throw new ImportStateError('not_found');
	if (job.status !== 'previewed') throw new ImportStateError('wrong_status');
	const merged = { ...job.decisions };
	for (const [row, decision] of Object.entries(decisions)) {
		if (decision === null) delete merged[row];
		else merged[row] = decision;
	}
	await db.updateTable('import_jobs').set({ decisions: JSON.stringify(merged), updated_at: new Date() }).where('id', '=', id).execute();
}

/** What will happen to each row, decisions applied: the preview's counts, and the rows still waiting for a decision. */
export function outcome(preview: PreviewRow[], decisions: Record<string, Decision>) {
	const counts = { create: 0, update: 0, skip: 0, unresolved: 0, errors: 0, choices: 0 };
	for (const row of preview) {
		const decision = decisions[row.row];
		if (row.action === 'error') counts.errors++;
		if (row.action === 'choose') counts.choices++;
		if (decision === 'skip') counts.skip++;
		else if (row.action === 'error') counts.unresolved++;
		else if (row.action === 'choose') {
			if (decision === 'create') counts.create++;
			else if (typeof decision === 'number' && row.candidates?.some((c) => c.id === decision)) counts.update++;
			else counts.unresolved++;
		} else if (row.action === 'update') counts.update++;
		else counts.create++;
	}
	return counts;
}

/** The person columns an update may change: the mapped fields that have a value (an empty cell never erases). */
function updateColumns(mapping: ColumnMapping, columns: Row): Row {
	const mapped = new Set(Object.values(mapping));
	const changes: Row = {};
	for (const [key, value] of Object.entries(columns)) {
		// The name she is known by stays as written in the app; a file's spelling does not replace it.
		if (['full_name', 'search_key', 'sort_key'].includes(key)) continue;
		if (key === 'name_latin' && !mapped.has('name_latin')) continue;
		const field = key === 'region_id' ? 'region' : key;
		if ((mapped.has(field as ImportField) || (key === 'birth_year' && mapped.has('birth_date'))) && value !== null && value !== '' && !(Array.isArray(value) && !value.length)) {
			changes[key] = value;
		}
	}
	return changes;
}

/**
 * Stores every accepted row in one transaction: new people, updated people, parties (created once each,
 * matched by name in any spelling of spaces and case), memberships and training attendance not already
 * recorded. Every row written is audited under the job, which is what undo reverts.
 */
export async function commitImport(db: Db, context: AuditContext, id: number, now = new Date()) {
	return db.transaction().execute(async (trx) => {
		const job = await trx.selectFrom('import_jobs').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
		if (!job) throw new ImportStateError('not_found');
		if (job.status !== 'previewed') throw new ImportStateError('wrong_status');
		const preview = (job.preview ?? []) as PreviewRow[];
		const decisions = (job.decisions ?? {}) as Record<string, Decision>;
		if (outcome(preview, decisions).unresolved) throw new ImportStateError('unresolved_rows');
		const sheet = job.sheet as StoredSheet;
		const mapping = job.mapping as ColumnMapping;
		const scheme = identifierScheme(sheet.headers);
		const lookups = await importLookups(trx);
		const options = { importJobId: id, source: `import: ${job.file_name}` };

		type Accepted = { index: number; personId?: number; read: Extract<ReturnType<typeof readRow>, { ok: true }> };
		const creates: Accepted[] = [];
		const updates: Accepted[] = [];
		let skipped = 0;
		for (const row of preview) {
			const decision = decisions[row.row];
			if (decision === 'skip') {
				skipped++;
				continue;
			}
			const read = readRow(sheet.rows[row.row - 2], mapping, sheet.headers, lookups, now);
			if (!read.ok) throw new ImportStateError('unresolved_rows');
			const personId = row.action === 'update' ? row.personId : typeof decision === 'number' ? decision : undefined;
			(personId ? updates : creates).push({ index: row.row - 2, personId, read });
		}
		const identifiersOf = (a: Accepted): Identifier[] => (a.read.extras.identifier ? [{ scheme, identifier: a.read.extras.identifier }] : []);

		const created = await createRecords(
			trx,
			context,
			'people',
			creates.map((a) => ({ ...personColumns({ ...a.read.person, source: null }), identifiers: identifiersOf(a) })),
			options
		);
		creates.forEach((a, i) => (a.personId = created[i].id as number));

		if (updates.length) {
			const current = await trx
				.selectFrom('people')
				.select(['id', 'version', 'identifiers'])
				.where(anyOf('id', updates.map((a) => a.personId!)))
				.where('deleted_at', 'is', null)
				.execute();
			const byId = new Map(current.map((p) => [p.id, p]));
			for (const a of updates) {
				const person = byId.get(a.personId!);
				if (!person) throw new ImportStateError('unresolved_rows');
				const changes = updateColumns(mapping, personColumns({ ...a.read.person, source: null }));
				const identifiers = [...(person.identifiers ?? [])];
				for (const identifier of identifiersOf(a)) if (!identifiers.some((i) => identifierKey(i) === identifierKey(identifier))) identifiers.push(identifier);
				if (identifiers.length !== (person.identifiers ?? []).length) changes.identifiers = identifiers;
				const { row } = await updateRecord(trx, context, 'people', person.id, person.version, changes, options);
				person.version = row.version as number;
			}
		}

		const accepted = [...creates, ...updates];
		const memberships = await addPartyMemberships(trx, context, accepted.map((a) => ({ personId: a.personId!, party: a.read.extras.party })), options);
		const attendance = await addAttendance(
			trx,
			context,
			accepted.map((a) => ({ personId: a.personId!, ...a.read.extras })),
			options
		);

		await trx
			.updateTable('import_jobs')
			.set({ status: 'committed', created_count: creates.length, updated_count: updates.length, skipped_count: skipped, finished_at: new Date(), updated_at: new Date() })
			.where('id', '=', id)
			.execute();
		const summary = { created: creates.length, updated: updates.length, skipped, memberships, attendance };
		await audit(trx, context, { action: 'import', entity: 'import_jobs', entityId: id, importJobId: id, details: { file: job.file_name, ...summary } });
		return summary;
	});
}

/** A party per distinct name (an existing organization of that name, or a new party), and a membership where there is none. */
async function addPartyMemberships(trx: Db, context: AuditContext, rows: { personId: number; party: string | null }[], options: { importJobId: number; source: string }) {
	const wanted = rows.filter((r): r is { personId: number; party: string } => r.party !== null);
	if (!wanted.length) return 0;
	// "Ata Meken", "AtaMeken" and "Ata-Meken" are one party, and so are "AtaZHurt" and "Ata-Jurt": names
	// compare as search keys (one spelling of transliterated sounds) without spaces, punctuation or case.
	const squash = (name: string) => searchKey(name).replace(/\s+/g, '');
	const organizations = new Map<string, number>();
	const known = await trx
		.selectFrom('organizations as o')
		.leftJoin('organization_names as n', (join) => join.onRef('n.organization_id', '=', 'o.id').on('n.deleted_at', 'is', null))
		.select(['o.id', 'o.name', 'o.short_name', 'n.name as other_name'])
		.where('o.deleted_at', 'is', null)
		.orderBy('o.id')
		.execute();
	for (const o of known) for (const name of [o.name, o.short_name, o.other_name]) if (name && !organizations.has(squash(name))) organizations.set(squash(name), o.id);
	const missing = new Map<string, string>();
	for (const r of wanted) if (!organizations.has(squash(r.party)) && !missing.has(squash(r.party))) missing.set(squash(r.party), r.party.trim());
	const made = await createRecords(trx, context, 'organizations', [...missing.values()].map((name) => ({ name, kind: 'party' })), options);
	for (const o of made) organizations.set(squash(o.name as string), o.id as number);

	const pairs = new Map<string, { person_id: number; organization_id: number }>();
	for (const r of wanted) {
		const organization_id = organizations.get(squash(r.party))!;
		pairs.set(`${r.personId}:${organization_id}`, { person_id: r.personId, organization_id });
	}
	const existing = await trx
		.selectFrom('memberships')
		.select(['person_id', 'organization_id'])
		.where('deleted_at', 'is', null)
		.where(anyOf('person_id', wanted.map((r) => r.personId)))
		.execute();
	for (const e of existing) pairs.delete(`${e.person_id}:${e.organization_id}`);
	const added = await createRecords(trx, context, 'memberships', [...pairs.values()].map((p) => ({ ...p, source: options.source })), options);
	return added.length;
}

/** Attendance of a training where the row names one and she is not already on its list. */
async function addAttendance(
	trx: Db,
	context: AuditContext,
	rows: { personId: number; trainingId: number | null; trainingRole: string; trainingCompleted: boolean }[],
	options: { importJobId: number; source: string }
) {
	const wanted = new Map<string, { training_id: number; person_id: number; role: string; completed: boolean }>();
	for (const r of rows) {
		if (r.trainingId !== null) wanted.set(`${r.trainingId}:${r.personId}`, { training_id: r.trainingId, person_id: r.personId, role: r.trainingRole, completed: r.trainingCompleted });
	}
	if (!wanted.size) return 0;
	const existing = await trx
		.selectFrom('training_participants')
		.select(['training_id', 'person_id'])
		.where('deleted_at', 'is', null)
		.where(anyOf('training_id', [...wanted.values()].map((w) => w.training_id)))
		.execute();
	for (const e of existing) wanted.delete(`${e.training_id}:${e.person_id}`);
	const added = await createRecords(trx, context, 'training_participants', [...wanted.values()], options);
	return added.length;
}

/**
 * Reverts a committed import as a whole, newest change first, in one transaction: the people, parties,
 * memberships and attendance it created are deleted (restorable), the people it updated get their
 * earlier values back. Refused (nothing changes) when a later edit touched what the import wrote.
 */
export async function undoImport(db: Db, context: AuditContext, id: number) {
	return db.transaction().execute(async (trx) => {
		const job = await trx.selectFrom('import_jobs').select(['id', 'status', 'file_name']).where('id', '=', id).forUpdate().executeTakeFirst();
		if (!job) throw new ImportStateError('not_found');
		if (job.status !== 'committed') throw new ImportStateError('wrong_status');
		const entries = await trx
			.selectFrom('audit_log')
			.select(['id', 'action', 'entity', 'entity_id', sql<number>`(after->>'version')::int`.as('version')])
			.where('import_job_id', '=', id)
			.where('action', 'in', ['create', 'update'])
			.orderBy('id', 'desc')
			.execute();
		const options = { importJobId: id, reason: `undo import: ${job.file_name}` };
		// Updates one by one, newest first (each checks that no later edit touched its fields); then what the
		// import created, table by table in bulk (each row must still be as the import left it).
		for (const entry of entries) if (entry.action === 'update') await revertChange(trx, context, entry.id, options);
		const created = new Map<EditableTable, { auditId: number; id: number; version: number }[]>();
		for (const entry of entries) {
			if (entry.action !== 'create' || !entry.entity || entry.entity_id === null || !isEditableTable(entry.entity)) continue;
			const list = created.get(entry.entity) ?? [];
			list.push({ auditId: entry.id, id: entry.entity_id, version: entry.version });
			created.set(entry.entity, list);
		}
		for (const [table, rows] of created) await revertCreations(trx, context, table, rows, options);
		await trx
			.updateTable('import_jobs')
			.set({ status: 'undone', undone_at: new Date(), undone_by: context.actor?.userId ?? null, updated_at: new Date() })
			.where('id', '=', id)
			.execute();
		await audit(trx, context, { action: 'import_undo', entity: 'import_jobs', entityId: id, importJobId: id, details: { file: job.file_name, reverted: entries.length } });
		return { reverted: entries.length };
	});
}

/** The latest jobs, for the import page. */
export async function recentImports(db: Db, limit = 20) {
	return db
		.selectFrom('import_jobs as j')
		.leftJoin('users as u', 'u.id', 'j.user_id')
		.select(['j.id', 'j.file_name', 'j.status', 'j.kind', 'j.total_rows', 'j.created_count', 'j.updated_count', 'j.skipped_count', 'j.created_at', 'u.display_name as user_name'])
		.orderBy('j.id', 'desc')
		.limit(limit)
		.execute();
}
