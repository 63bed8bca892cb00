// The part of autocannon 8 that scripts/load.ts uses (the package ships no types).
declare module 'autocannon' {
	namespace autocannon {
		interface Request {
			method?: string;
			path?: string;
			headers?: Record<string, string>;
			body?: string;
			/** Called before each send with the connection's context (reset at each pass over `requests`); null skips the rest of the pass. */
			setupRequest?: (request: Request, context: Record<string, unknown>) => Request | null;
			onResponse?: (status: number, body: string, context: Record<string, unknown>) => void;
		}
		interface Options {
			url: string;
			connections?: number;
			duration?: number;
			timeout?: number;
			requests?: Request[];
		}
		interface Histogram {
			average: number;
			p50: number;
			p99: number;
			total: number;
		}
		interface Result {
			requests: Histogram;
			latency: Histogram;
			duration: number;
			errors: number;
			timeouts: number;
			'1xx': number;
			'2xx': number;
			'3xx': number;
			'4xx': number;
			'5xx': number;
		}
	}
	function autocannon(options: autocannon.Options): Promise<autocannon.Result>;
	export default autocannon;
}
