/**
 * Keeps `key` in `map`, dropping the oldest entries first so the map never holds more than
 * `max`: for caches keyed by something a client sends (a `Host` header, a query), whose
 * distinct values an attacker can make endless.
 */
export function setBounded<K, V>(map: Map<K, V>, key: K, value: V, max: number): void {
	map.delete(key);
	while (map.size >= max) {
		const oldest = map.keys().next();
		if (oldest.done) break;
		map.delete(oldest.value);
	}
	map.set(key, value);
}
