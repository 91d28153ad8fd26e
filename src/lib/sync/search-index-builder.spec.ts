import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SearchIndexReply, SearchIndexRequest, StoredSegment } from './search-index-builder';

const onPage = vi.hoisted(() => ({ addSegment: vi.fn(), finish: vi.fn() }));
vi.mock('./incremental-search-index', () => ({
	IncrementalSearchIndex: class {
		addSegment = onPage.addSegment;
		finish = onPage.finish;
	}
}));
vi.mock('./pouch', () => ({ localContentDb: () => ({}) }));
vi.mock('$lib/db', () => ({ getAppDb: () => ({}) }));

const { COMPACT_TIMEOUT_MS, searchIndexBuilder } = await import('./search-index-builder');

/** A stand-in for the browser's Worker: records what the page sends, answers `finish`. */
class FakeWorker {
	static created: FakeWorker[] = [];
	static loads = true;
	sent: SearchIndexRequest[] = [];
	onmessage: ((e: MessageEvent<SearchIndexReply>) => void) | null = null;
	onerror: ((e: ErrorEvent) => void) | null = null;
	terminated = false;
	constructor() {
		FakeWorker.created.push(this);
		// A script that cannot load fails once, right after the worker is created.
		if (!FakeWorker.loads) {
			queueMicrotask(() => this.onerror?.({ message: 'script' } as ErrorEvent));
		}
	}
	postMessage(request: SearchIndexRequest) {
		this.sent.push(request);
		if (request.kind === 'finish' && FakeWorker.loads) {
			queueMicrotask(() =>
				this.onmessage?.({
					data: { kind: 'finished', docCount: 42 }
				} as MessageEvent<SearchIndexReply>)
			);
		}
	}
	terminate() {
		this.terminated = true;
	}
}

const segment = (name: string, essentials: boolean): StoredSegment => ({
	text: JSON.stringify({ docs: [{ _id: name, _rev: '1-a' }] }),
	docs: [{ _id: name, _rev: '1-a' }],
	essentials
});
const sentTexts = (w: FakeWorker | undefined) =>
	w?.sent.map((r) => (r.kind === 'segment' ? JSON.parse(r.text).docs[0]._id : r.kind));

beforeEach(() => {
	FakeWorker.created = [];
	FakeWorker.loads = true;
	vi.stubGlobal('Worker', FakeWorker);
	onPage.addSegment.mockReset().mockResolvedValue(undefined);
	onPage.finish.mockReset().mockResolvedValue(7);
});

afterEach(() => {
	vi.unstubAllGlobals();
});

describe('the search index builder of a pull', () => {
	it('does not start the worker while the essentials download, then hands it every segment in order', async () => {
		const builder = searchIndexBuilder();
		builder.segmentStored(segment('tramite:a', true));
		builder.segmentStored(segment('tramite:b', true));
		expect(FakeWorker.created).toHaveLength(0);

		builder.segmentStored(segment('noticia:c', false));
		expect(FakeWorker.created).toHaveLength(1);
		expect(await builder.finish('9-x')).toBe(42);
		expect(sentTexts(FakeWorker.created[0])).toEqual([
			'tramite:a',
			'tramite:b',
			'noticia:c',
			'finish'
		]);
		builder.close();
		// The worker now joins the index's parts: it is ended once it says it has.
		const worker = FakeWorker.created[0] as FakeWorker;
		expect(worker.terminated).toBe(false);
		worker.onmessage?.({ data: { kind: 'compacted' } } as MessageEvent<SearchIndexReply>);
		expect(worker.terminated).toBe(true);
	});

	it('ends a worker that takes too long to join the parts, and one whose pull failed at once', async () => {
		vi.useFakeTimers();
		try {
			const builder = searchIndexBuilder();
			await builder.finish('9-x');
			builder.close();
			const worker = FakeWorker.created[0] as FakeWorker;
			vi.advanceTimersByTime(COMPACT_TIMEOUT_MS - 1);
			expect(worker.terminated).toBe(false);
			vi.advanceTimersByTime(1);
			expect(worker.terminated).toBe(true);
		} finally {
			vi.useRealTimers();
		}

		const failed = searchIndexBuilder();
		failed.segmentStored(segment('noticia:c', false));
		failed.close();
		expect(FakeWorker.created[1]?.terminated).toBe(true);
	});

	it('ends the worker at once when it had joined the parts before the pull closed', async () => {
		const builder = searchIndexBuilder();
		await builder.finish('9-x');
		const worker = FakeWorker.created[0] as FakeWorker;
		worker.onmessage?.({ data: { kind: 'compacted' } } as MessageEvent<SearchIndexReply>);
		builder.close();
		expect(worker.terminated).toBe(true);
	});

	it('starts no worker for a pull that brings nothing new until the index must be finished', async () => {
		const builder = searchIndexBuilder();
		expect(FakeWorker.created).toHaveLength(0);
		await builder.finish('3-y');
		expect(sentTexts(FakeWorker.created[0])).toEqual(['finish']);
	});

	it('does the work on the page when the worker script cannot load, even if it failed early', async () => {
		FakeWorker.loads = false;
		const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
		const builder = searchIndexBuilder();
		builder.segmentStored(segment('noticia:c', false));
		await new Promise((r) => setTimeout(r, 0));

		expect(await builder.finish('9-x')).toBe(7);
		expect(onPage.finish).toHaveBeenCalledWith('9-x');
		expect(warn).toHaveBeenCalledOnce();
	});

	it('does the work on the page where workers do not exist', async () => {
		vi.stubGlobal('Worker', undefined);
		const builder = searchIndexBuilder();
		builder.segmentStored(segment('tramite:a', true));
		builder.segmentStored(segment('noticia:c', false));

		expect(await builder.finish('9-x')).toBe(7);
		expect(onPage.addSegment.mock.calls.map(([docs]) => docs[0]._id)).toEqual([
			'tramite:a',
			'noticia:c'
		]);
	});
});
