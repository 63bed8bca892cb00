import type { Db } from './index';
import { dataFingerprint } from './data-version';

/**
 * An in-memory cache of figures derived from many records (the network, the impact dashboard): each
 * value is computed once per key and kept until any record changes (data-version.ts), the last `size`
 * keys kept. Callers asking for the same key while it is computed share one computation; a failed
 * computation is not kept.
 */
export function derivedCache<T>(size: number): (db: Db, key: string, compute: () => Promise<T>) => Promise<T> {
	const caches = new WeakMap<Db, Map<string, { fingerprint: string; value: Promise<T> }>>();
	return async (db, key, compute) => {
		const fingerprint = await dataFingerprint(db);
		let cache = caches.get(db);
		if (!cache) caches.set(db, (cache = new Map()));
		const hit = cache.get(key);
		cache.delete(key);
		if (hit && hit.fingerprint === fingerprint) {
			cache.set(key, hit);
			return hit.value;
		}
		const entry = { fingerprint, value: compute() };
		cache.set(key, entry);
		if (cache.size > size) cache.delete(cache.keys().next().value!);
		entry.value.catch(() => {
			if (cache.get(key) === entry) cache.delete(key);
		});
		return entry.value;
	};
}
