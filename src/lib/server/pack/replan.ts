/**
 * Which segments of the offline pack a refresh keeps and which it builds again (pure; see
 * `$lib/schemas/pack`). A segment whose documents did not change keeps its file, so devices and
 * caches that hold it keep using it; one that changed is built again, never patched: only the
 * current revision of a document may leave the server (an editor's correction must not stay
 * readable in an older file).
 */

export interface SegmentIds {
	essentials: boolean;
	ids: readonly string[];
}

export interface ReplannedSegment extends SegmentIds {
	/** The segment's current file when nothing in it changed; absent when it must be built. */
	keep?: string;
}

export interface Change {
	id: string;
	deleted?: boolean;
}

/**
 * The next plan's segments, essentials first, from the current ones and the changes since the
 * current plan's sequence (in feed order; with no current plan, the whole feed).
 * - a changed or deleted document marks its segment for building (deleted: it leaves it);
 * - a new document joins the last segment of its group with room, or opens a new one;
 * - a segment left empty disappears.
 */
export function replan(
	current: ReadonlyArray<SegmentIds & { hash: string }>,
	changes: readonly Change[],
	isEssential: (id: string) => boolean,
	maxDocs: number
): ReplannedSegment[] {
	const segments = current.map((s) => ({
		essentials: s.essentials,
		ids: [...s.ids],
		hash: s.hash as string | undefined,
		dirty: false
	}));
	const home = new Map<string, (typeof segments)[number]>();
	for (const s of segments) for (const id of s.ids) home.set(id, s);

	const last = new Map<string, Change>();
	for (const c of changes) {
		last.delete(c.id);
		last.set(c.id, c);
	}
	for (const { id, deleted } of last.values()) {
		const segment = home.get(id);
		if (segment) {
			segment.dirty = true;
			if (deleted) {
				segment.ids = segment.ids.filter((x) => x !== id);
				home.delete(id);
			}
			continue;
		}
		if (deleted) continue;
		const essentials = isEssential(id);
		let open = segments.findLast((s) => s.essentials === essentials);
		if (!open || open.ids.length >= maxDocs) {
			open = { essentials, ids: [], hash: undefined, dirty: true };
			segments.push(open);
		}
		open.ids.push(id);
		open.dirty = true;
		home.set(id, open);
	}
	return [...segments.filter((s) => s.essentials), ...segments.filter((s) => !s.essentials)]
		.filter((s) => s.ids.length > 0)
		.map((s) =>
			s.dirty || !s.hash
				? { essentials: s.essentials, ids: s.ids }
				: { essentials: s.essentials, ids: s.ids, keep: s.hash }
		);
}
