// Downloads made in the browser (a chart's PNG, its numbers as CSV) and the white background that
// makes a chart's PNG readable on any page it is pasted into.

/** Saves what `href` points to (a data: or blob: URL) under `fileName`. */
export function download(href: string, fileName: string): void {
	const link = document.createElement('a');
	link.href = href;
	link.download = fileName;
	document.body.append(link);
	link.click();
	link.remove();
}

/** Saves text as a file (e.g. CSV, which carries its own byte-order mark). */
export function downloadText(text: string, fileName: string, type: string): void {
	const url = URL.createObjectURL(new Blob([text], { type }));
	download(url, fileName);
	// The download has started from the URL by the time the click returns; free it a little later.
	setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A chart.js plugin painting the canvas white before each drawing (a transparent PNG turns black in some viewers). */
// Typed by what it uses, so that it fits the plugins of any kind of chart (bars, a force-directed graph).
export const whiteBackground = {
	id: 'whiteBackground',
	beforeDraw(chart: { ctx: CanvasRenderingContext2D; width: number; height: number }) {
		const { ctx, width, height } = chart;
		ctx.save();
		ctx.fillStyle = '#ffffff';
		ctx.fillRect(0, 0, width, height);
		ctx.restore();
	}
};
