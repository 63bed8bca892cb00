import { m } from '$lib/paraglide/messages';
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS, type SpreadsheetError } from './read';

/** A refused file, in the reader's language. */
export function spreadsheetProblem(e: SpreadsheetError): string {
	switch (e.code) {
		case 'too_large':
			return m.import_file_too_large({ max: Math.round(MAX_IMPORT_BYTES / 1024 / 1024) });
		case 'too_many_rows':
			return m.import_too_many_rows({ max: MAX_IMPORT_ROWS });
		case 'empty':
			return m.import_file_empty();
		case 'old_excel':
			return m.import_old_excel();
		default:
			return m.import_not_spreadsheet();
	}
}
