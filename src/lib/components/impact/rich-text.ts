/**
 * Interface text with data in it (a party's or a training's name as written): the pieces of data are
 * kept apart so that the page can mark them translate="no" — the text around them is translated, they
 * are not.
 */
export type RichText = (string | { data: string })[];

const MARK = '\u0001';

/** A message with some of its parameters marked as data. */
export function richText<P extends Record<string, string>>(message: (params: P) => string, params: P, data: (keyof P)[]): RichText {
	const marked: Record<string, string> = { ...params };
	data.forEach((key, i) => (marked[key as string] = `${MARK}${i}${MARK}`));
	return message(marked as P)
		.split(MARK)
		.map((piece, i) => (i % 2 === 1 ? { data: params[data[Number(piece)]] } : piece))
		.filter((piece) => piece !== '');
}

/** The same text as one plain string. */
export function plainText(text: RichText | string): string {
	return typeof text === 'string' ? text : text.map((piece) => (typeof piece === 'string' ? piece : piece.data)).join('');
}
