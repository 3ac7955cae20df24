/** Who is watching a follower (React's useSyncExternalStore subscribes here): told each time its state changes. */
export function listenerSet() {
	const listeners = new Set<() => void>();
	return {
		subscribe(listener: () => void): () => void {
			listeners.add(listener);
			return () => {
				listeners.delete(listener);
			};
		},
		notify(): void {
			for (const listener of listeners) {
				listener();
			}
		},
		clear(): void {
			listeners.clear();
		},
	};
}
