/** Placeholder for an entry the contract names whose rules have not landed yet (see BOARD.md). */
export function notYet(entry: string): never {
	throw new Error(`source/local/asl: ${entry} has not landed yet`);
}
