import { storage } from '@wxt-dev/storage';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { pinsToJson } from '@/lib/pins/export';
import { testFactIds } from '@/lib/pins/fixtures/kb';
import v1Store from '@/lib/pins/fixtures/v1-store.json';
import v1Labelled from '@/lib/pins/fixtures/v1-store-labelled.json';
import v2Store from '@/lib/pins/fixtures/v2-store.json';
import v3FromV2 from '@/lib/pins/fixtures/v3-from-v2.json';
import v4Store from '@/lib/pins/fixtures/v4-store.json';
import { PIN_LIMITS, pinId } from '@/lib/pins/schema';
import {
  createPinReader,
  createPinStore,
  PIN_ERROR_CODES,
  PIN_ERROR_MESSAGES,
  type PinStoreState,
  QUARANTINE_KEY,
} from './pin-store';

const local = () => fakeBrowser.storage.local;
const dump = async () => structuredClone(await local().get()) as Record<string, unknown>;
const seed = (data: Record<string, unknown>) => local().set(structuredClone(data));

let clock = 1_700_000_000_000;
const now = () => ++clock;
const newPin = (factId: string, url = 'https://example.com/page#top') => ({
  factId,
  entity: 'gpt-4',
  url,
  title: 'Example',
});

beforeEach(() => {
  fakeBrowser.reset();
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('add', () => {
  it('stores a pin with its id, time and empty note, tags and quote, with version 3', async () => {
    const store = createPinStore({ now });
    const r = await store.add(newPin('test-event'));
    expect(r).toEqual({
      ok: true,
      duplicate: false,
      pin: {
        id: pinId('test-event', 'https://example.com/page'),
        factId: 'test-event',
        entity: 'gpt-4',
        url: 'https://example.com/page#top',
        title: 'Example',
        pinnedAt: clock,
        note: '',
        tags: [],
        quote: '',
      },
    });
    const stored = await dump();
    expect(stored.pins).toEqual([r.ok && r.pin]);
    expect(stored.pins$).toEqual({ v: 3 });
  });

  it('keeps the quote, collapsed to one line and cut to 400 characters, never refusing it', async () => {
    const store = createPinStore({ now });
    const r = await store.add({ ...newPin('test-event'), quote: '  GPT-4 was\n  released,   they said. ' });
    expect(r.ok && r.pin.quote).toBe('GPT-4 was released, they said.');
    const long = await store.add({
      ...newPin('test-opinion'),
      quote: `${'y'.repeat(399)}\n${'z'.repeat(600)}`,
    });
    expect(long.ok).toBe(true);
    expect(long.ok && long.pin.quote).toBe('y'.repeat(399)); // collapsed, cut at 400, trailing space dropped
    const cut = await store.add({ ...newPin('test-reported'), quote: 'w'.repeat(5000) });
    expect(cut.ok && cut.pin.quote).toBe('w'.repeat(PIN_LIMITS.quote));
    const odd = await store.add({ ...newPin('test-funding-figure'), quote: 42 as unknown as string });
    expect(odd.ok && odd.pin.quote).toBe('');
    const stored = (await dump()).pins as { quote: string }[];
    expect(stored.map((p) => p.quote.length).sort((a, b) => a - b)).toEqual([0, 30, 399, 400]);
  });

  it('fills in the quote of a pin kept without one when the fact is pinned again from the page', async () => {
    const store = createPinStore({ now });
    const first = await store.add(newPin('test-event'));
    const again = await store.add({
      ...newPin('test-event', 'https://example.com/page#x'),
      quote: 'Said here.',
    });
    expect(again).toMatchObject({ ok: true, duplicate: true, pin: { quote: 'Said here.' } });
    expect(again.ok && again.pin.pinnedAt).toBe(first.ok && first.pin.pinnedAt);
    const before = await dump();
    const third = await store.add({ ...newPin('test-event'), quote: 'Another sentence.' });
    expect(third.ok && third.pin.quote).toBe('Said here.');
    expect(await dump()).toEqual(before);
  });

  it('does not duplicate the same fact from the same page, whatever the fragment', async () => {
    const store = createPinStore({ now });
    const first = await store.add({ ...newPin('test-event'), note: 'kept' });
    const before = await dump();
    const again = await store.add(newPin('test-event', 'https://example.com/page#elsewhere'));
    expect(again).toEqual({ ok: true, duplicate: true, pin: first.ok && first.pin });
    expect(await dump()).toEqual(before);
    const other = await store.add(newPin('test-event', 'https://example.com/other'));
    expect(other.ok && other.duplicate).toBe(false);
    expect((await store.read()).pins).toHaveLength(2);
  });

  it('refuses invalid input with a reason, cuts an overlong page title', async () => {
    const store = createPinStore({ now });
    const bad = await store.add({ ...newPin('Bad Id') });
    expect(bad).toMatchObject({ ok: false, error: 'invalid' });
    expect(!bad.ok && bad.message).toMatch(/factId must be an id/);
    const long = await store.add({ ...newPin('test-event'), note: 'x'.repeat(5001) });
    expect(!long.ok && long.message).toMatch(/note is too long/);
    const titled = await store.add({ ...newPin('test-event'), title: 't'.repeat(3000) });
    expect(titled.ok && titled.pin.title.length).toBe(1000);
  });

  it('keeps all of 50 pins added at once from two tabs', async () => {
    const store = createPinStore({ now });
    const tabA = Array.from({ length: 25 }, (_, i) =>
      store.add(newPin(`fact-a-${i}`, 'https://a.example/x')),
    );
    const tabB = Array.from({ length: 25 }, (_, i) =>
      store.add(newPin(`fact-b-${i}`, 'https://b.example/y')),
    );
    const results = await Promise.all([...tabA, ...tabB]);
    expect(results.every((r) => r.ok && !r.duplicate)).toBe(true);
    const { pins } = await store.read();
    expect(pins).toHaveLength(50);
    expect(((await dump()).pins as unknown[]).length).toBe(50);
  });

  it('serialises mixed changes: none is lost or applied to a stale list', async () => {
    const store = createPinStore({ now });
    const a = await store.add(newPin('test-event'));
    const id = a.ok ? a.pin.id : '';
    await Promise.all([
      store.update(id, { note: 'edited' }),
      store.add(newPin('test-opinion')),
      store.update(id, { tags: ['t'] }),
      store.add(newPin('test-reported')),
    ]);
    const { pins } = await store.read();
    expect(pins.map((p) => p.factId).sort()).toEqual(['test-event', 'test-opinion', 'test-reported']);
    expect(pins.find((p) => p.id === id)).toMatchObject({ note: 'edited', tags: ['t'] });
  });
});

describe('update, remove, restore, clear', () => {
  it('updates the note and normalised tags, refusing invalid ones', async () => {
    const store = createPinStore({ now });
    const a = await store.add(newPin('test-event'));
    const id = a.ok ? a.pin.id : '';
    const r = await store.update(id, { note: 'my note', tags: [' AI ', 'ai', 'chips'] });
    expect(r).toMatchObject({
      ok: true,
      pin: { note: 'my note', tags: ['AI', 'chips'], pinnedAt: a.ok && a.pin.pinnedAt },
    });
    const before = await dump();
    const tooMany = await store.update(id, { tags: Array.from({ length: 21 }, (_, i) => `t${i}`) });
    expect(tooMany).toMatchObject({ ok: false, error: 'invalid' });
    expect(await store.update('nope', { note: 'x' })).toMatchObject({ ok: false, error: 'not-found' });
    expect(await dump()).toEqual(before);
  });

  it('removes pins, returns them, and restores them as they were', async () => {
    const store = createPinStore({ now });
    await store.add(newPin('test-event'));
    const b = await store.add({ ...newPin('test-opinion'), note: 'keep me', tags: ['x'] });
    const removed = await store.remove([b.ok ? b.pin.id : '', 'unknown-id']);
    expect(removed.ok && removed.removed).toEqual([b.ok && b.pin]);
    expect((await store.read()).pins.map((p) => p.factId)).toEqual(['test-event']);

    const restored = await store.restore(removed.ok ? removed.removed : []);
    expect(restored).toEqual({ ok: true, added: 1, merged: 0, rejected: [], notices: [] });
    expect((await store.read()).pins.find((p) => p.factId === 'test-opinion')).toEqual(b.ok && b.pin);
  });

  it('merges a restored pin with one pinned again since', async () => {
    const store = createPinStore({ now });
    const old = await store.add({ ...newPin('test-event'), note: 'old note', tags: ['a'] });
    const removed = await store.remove([old.ok ? old.pin.id : '']);
    await store.add({ ...newPin('test-event'), tags: ['b'] });
    const r = await store.restore([...(removed.ok ? removed.removed : []), { junk: true }]);
    expect(r).toMatchObject({
      ok: true,
      added: 0,
      merged: 1,
      rejected: [{ index: 1, reason: 'missing field "factId"' }],
    });
    const [pin] = (await store.read()).pins;
    expect(pin).toMatchObject({ note: 'old note', tags: ['b', 'a'] });
  });

  it('clears everything and returns what was removed', async () => {
    const store = createPinStore({ now });
    await store.add(newPin('test-event'));
    await store.add(newPin('test-opinion'));
    const r = await store.clear();
    expect(r.ok && r.removed.map((p) => p.factId).sort()).toEqual(['test-event', 'test-opinion']);
    expect((await dump()).pins).toEqual([]);
    expect(await store.clear()).toEqual({ ok: true, removed: [] });
  });
});

describe('import', () => {
  it('merges a file into the store and reports what it did', async () => {
    const store = createPinStore({ now });
    const mine = await store.add({ ...newPin('test-event'), note: 'mine', tags: ['a'] });
    const text = JSON.stringify({
      format: 'factlens-pins',
      version: 2,
      exportedAt: new Date().toISOString(),
      pins: [
        { ...newPin('test-event'), pinnedAt: 1, note: 'theirs', tags: ['b'] },
        { ...newPin('test-opinion'), pinnedAt: 2 },
        { ...newPin('unknown-fact'), pinnedAt: 3 },
      ],
    });
    const r = await store.importPins(text, testFactIds);
    expect(r).toEqual({
      ok: true,
      added: 1,
      merged: 1,
      rejected: [{ index: 2, reason: 'unknown fact id "unknown-fact"' }],
      notices: [],
    });
    const merged = (await store.read()).pins.find((p) => p.factId === 'test-event');
    expect(merged).toMatchObject({
      pinnedAt: mine.ok && mine.pin.pinnedAt,
      note: 'mine\n\ntheirs',
      tags: ['a', 'b'],
    });
  });

  it('round-trips an export into an empty store exactly', async () => {
    const store = createPinStore({ now });
    await store.add({ ...newPin('test-event'), note: 'n1\nline', tags: ['x', 'y'] });
    await store.add(newPin('test-opinion', 'https://zh.example/文章'));
    const { pins } = await store.read();
    const text = pinsToJson(pins);
    await store.clear();
    expect(await store.importPins(text, testFactIds)).toMatchObject({ ok: true, added: 2, merged: 0 });
    expect((await store.read()).pins).toEqual(pins);
  });

  it('changes nothing for a malformed file', async () => {
    const store = createPinStore({ now });
    await store.add(newPin('test-event'));
    const before = await dump();
    const r = await store.importPins('{"format": "something-else"}', testFactIds);
    expect(r).toMatchObject({ ok: false, error: 'invalid' });
    expect(!r.ok && r.message).toMatch(/not a Factlens pins export/);
    expect(await dump()).toEqual(before);
  });
});

describe('corrupt data', () => {
  const good = {
    id: 'whatever',
    factId: 'test-event',
    entity: 'gpt-4',
    url: 'https://example.com/a',
    title: 'A',
    pinnedAt: 5,
    note: '',
    tags: [],
    quote: '',
  };

  it('moves invalid entries to the quarantine, keeps valid pins and reports each problem', async () => {
    const junk = { hello: 'world' };
    await seed({
      pins: [good, junk, 'text', { ...good, url: 'https://example.com/b', note: 'n'.repeat(6000) }],
      pins$: { v: 3 },
    });
    const store = createPinStore({ now });
    const state = await store.read();
    expect(state.pins.map((p) => p.url)).toEqual(['https://example.com/a']);
    expect(state.pins[0]?.id).toBe(pinId('test-event', 'https://example.com/a'));
    expect(state.problems).toEqual([
      'Stored pin at index 1 was set aside: missing field "factId".',
      'Stored pin at index 2 was set aside: must be an object with the fields of a pin, found text.',
      'Stored pin at index 3 was set aside: note is too long (6000 characters; at most 5000).',
    ]);
    const stored = await dump();
    expect(stored.pins).toEqual(state.pins);
    const quarantine = stored['pins-quarantine'] as { entry: unknown; index: number }[];
    expect(quarantine.map((q) => [q.index, q.entry])).toEqual([
      [1, junk],
      [2, 'text'],
      [3, { ...good, url: 'https://example.com/b', note: 'n'.repeat(6000) }],
    ]);
    // Kept and still reported on later reads; a later change never drops the quarantine.
    await store.add(newPin('test-opinion'));
    expect((await store.read()).problems).toHaveLength(3);
    expect(((await dump())['pins-quarantine'] as unknown[]).length).toBe(3);
  });

  it('sets aside a stored value that is not a list, and a damaged quarantine too', async () => {
    await seed({ pins: { not: 'a list' }, pins$: { v: 3 }, 'pins-quarantine': 'odd' });
    const store = createPinStore({ now });
    const state = await store.read();
    expect(state.pins).toEqual([]);
    expect(state.problems).toEqual([
      'The stored pins were set aside as a whole: the quarantine itself was not a list (found text).',
      'The stored pins were set aside as a whole: they were not a list (found an object).',
    ]);
    const q = (await dump())['pins-quarantine'] as { entry: unknown }[];
    expect(q.map((r) => r.entry)).toEqual(['odd', { not: 'a list' }]);
    expect((await store.add(newPin('test-event'))).ok).toBe(true);
  });

  it('a reader reports problems without writing anything', async () => {
    await seed({ pins: [good, 42], pins$: { v: 3 } });
    const before = await dump();
    const state = await createPinReader().read();
    expect(state.pins).toHaveLength(1);
    expect(state.problems).toEqual([
      'Stored pin at index 1 was set aside: must be an object with the fields of a pin, found a number.',
    ]);
    expect(await dump()).toEqual(before);
  });
});

describe('migration from v1', () => {
  it('migrates a stored v1 snapshot through @wxt-dev/storage, setting broken entries aside', async () => {
    await seed(v1Store);
    const store = createPinStore({ now });
    const state = await store.read();
    expect(state.readOnly).toBe(false);
    expect(state.pins.map((p) => p.factId)).toEqual(['test-reported', 'test-opinion', 'test-funding-figure']);
    expect(state.problems).toEqual([
      'Pin at index 4 of the version 1 store was set aside: missing field "fact".',
      'Pin at index 5 of the version 1 store was set aside: time "sometime last week" is not a date.',
      'Pin at index 6 of the version 1 store was set aside: expected a pin object, found null.',
    ]);
    const stored = await dump();
    expect(stored.pins$).toEqual({ v: 3 });
    expect(stored.pins).toEqual(state.pins);
    const q = stored['pins-quarantine'] as { entry: unknown; fromVersion: number }[];
    expect(q.map((r) => r.entry)).toEqual([v1Store.pins[4], v1Store.pins[5], null]);
    expect(q.every((r) => r.fromVersion === 1)).toBe(true);
  });

  it('the library runs migrations 2 and 3 as soon as the writer is created', async () => {
    await seed(v1Store);
    createPinStore({ now });
    await vi.waitFor(async () => expect((await dump()).pins$).toEqual({ v: 3 }));
    const written = (await dump()).pins as Record<string, unknown>[];
    // Migration output as the library wrote it: v3 pins, then the entries kept aside in place.
    expect(written.filter((e) => 'factId' in e)).toHaveLength(3);
    expect(written.filter((e) => 'factId' in e).every((e) => e.quote === '')).toBe(true);
    expect(written.filter((e) => 'keptAside' in e)).toHaveLength(3);
  });

  it('migrates a snapshot labelled v1', async () => {
    await seed(v1Labelled);
    const state = await createPinStore({ now }).read();
    expect(state.pins.map((p) => p.note)).toEqual(['Labelled v1 explicitly.']);
    expect(state.problems).toHaveLength(2);
  });

  it('shows a v1 store correctly to a reader before the writer has migrated it', async () => {
    await seed(v1Store);
    const state = await createPinReader().read();
    expect(state.pins).toHaveLength(3);
    expect(state.problems).toHaveLength(3);
    expect((await dump()).pins).toEqual(v1Store.pins);
  });
});

describe('migration from v2', () => {
  it('the library runs migration 3 on a stored v2 snapshot, as recorded in the fixture', async () => {
    await seed(v2Store);
    createPinStore({ now });
    await vi.waitFor(async () => expect((await dump()).pins$).toEqual({ v: 3 }));
    expect((await dump()).pins).toEqual(v3FromV2.pins);
  });

  it('then sets the broken entries aside and keeps every pin, each with an empty quote', async () => {
    await seed(v2Store);
    const store = createPinStore({ now });
    const state = await store.read();
    expect(state.readOnly).toBe(false);
    expect(state.pins.map((p) => [p.factId, p.quote])).toEqual([
      ['test-reported', ''],
      ['test-opinion', ''],
      ['test-funding-figure', ''],
    ]);
    expect(state.problems).toEqual([
      'Pin at index 3 of the version 2 store was set aside: pinnedAt must be a time in milliseconds since 1970.',
      'Pin at index 4 of the version 1 store was set aside: missing field "fact".',
    ]);
    const stored = await dump();
    expect(stored.pins).toEqual(state.pins);
    const q = stored['pins-quarantine'] as { entry: unknown; fromVersion: number; index: number }[];
    expect(q.map((r) => [r.fromVersion, r.index])).toEqual([
      [2, 3],
      [1, 4],
    ]);
    expect(q[0]?.entry).toEqual(v2Store.pins[3]);
    // Edits work on the migrated pins.
    const id = state.pins[0]?.id ?? '';
    expect(await store.update(id, { note: 'after the migration' })).toMatchObject({
      ok: true,
      pin: { note: 'after the migration', quote: '' },
    });
  });
});

describe('a store from a newer version', () => {
  it('is read-only: shown as far as possible, never written', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    await seed(v4Store);
    const before = await dump();
    const store = createPinStore({ now });
    const state = await store.read();
    expect(errors.mock.calls.flat().map(String).join(' ')).toMatch(
      /Version downgrade detected|Migration failed/,
    );
    expect(state.readOnly).toBe(true);
    expect(state.readOnlyReason).toMatch(
      /newer version of Factlens \(store version 4; this version reads version 3\)/,
    );
    expect(state.pins.map((p) => p.note)).toEqual(['Written by Factlens 4.']);
    expect(state.pins.map((p) => p.quote)).toEqual(['DeepSeek says the gap is narrowing.']);
    expect(state.problems).toEqual([
      'Stored pin at index 1 cannot be shown by this version (missing field "factId"); it is left unchanged.',
    ]);

    const id = state.pins[0]?.id ?? '';
    const results = [
      await store.add(newPin('test-event')),
      await store.update(id, { note: 'x' }),
      await store.remove([id]),
      await store.restore(state.pins),
      await store.clear(),
      await store.importPins(pinsToJson(state.pins), testFactIds),
    ];
    for (const r of results) {
      expect(r).toMatchObject({ ok: false, error: 'readonly' });
      expect(!r.ok && r.message).toMatch(/newer version of Factlens/);
    }
    expect(await dump()).toEqual(before);
  });

  it('treats an unrecognised version label as newer', async () => {
    await seed({ pins: [], pins$: { v: 'three' } });
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const state = await createPinStore({ now }).read();
    expect(state.readOnly).toBe(true);
    expect(state.readOnlyReason).toMatch(/unrecognised version \("three"\)/);
  });
});

describe('storage failures', () => {
  it('quota exceeded: an error value, and storage unchanged', async () => {
    const store = createPinStore({ now });
    const a = await store.add(newPin('test-event'));
    const before = await dump();
    vi.spyOn(local(), 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    const results = [
      await store.add(newPin('test-opinion')),
      await store.update(a.ok ? a.pin.id : '', { note: 'x' }),
      await store.importPins(
        pinsToJson([{ ...(a.ok ? a.pin : ({} as never)), url: 'https://other.example' }]),
        testFactIds,
      ),
      await store.clear(),
    ];
    for (const r of results) {
      expect(r).toMatchObject({ ok: false, error: 'quota' });
      expect(!r.ok && r.message).toMatch(/^Browser storage is full: /);
    }
    vi.restoreAllMocks();
    expect(await dump()).toEqual(before);
    expect((await store.read()).pins).toHaveLength(1);
  });

  it('any other failure is a storage error', async () => {
    const store = createPinStore({ now });
    vi.spyOn(local(), 'set').mockRejectedValue(new Error('IO error: disk'));
    expect(await store.add(newPin('test-event'))).toMatchObject({
      ok: false,
      error: 'storage',
      message: /disk/,
    });
  });

  it('a store that cannot be read is shown empty and read-only, not thrown', async () => {
    vi.spyOn(local(), 'get').mockRejectedValue(new Error('broken'));
    const state = await createPinReader().read();
    expect(state).toMatchObject({ pins: [], readOnly: true });
    expect(state.problems[0]).toMatch(/could not be read \(broken\)/);
  });

  it('exports every error code with an English message', () => {
    expect([...PIN_ERROR_CODES]).toEqual(['quota', 'readonly', 'invalid', 'not-found', 'storage']);
    for (const code of PIN_ERROR_CODES) expect(PIN_ERROR_MESSAGES[code]).toMatch(/^[A-Z].+\.$/);
  });
});

describe('watch', () => {
  it('tells a view about every change until it stops watching', async () => {
    const store = createPinStore({ now });
    const seen: PinStoreState[] = [];
    const stop = createPinReader().watch((s) => seen.push(s));
    await store.add(newPin('test-event'));
    await vi.waitFor(() => expect(seen.at(-1)?.pins).toHaveLength(1));
    await store.add(newPin('test-opinion'));
    await vi.waitFor(() => expect(seen.at(-1)?.pins).toHaveLength(2));
    stop();
    const count = seen.length;
    await store.clear();
    await new Promise((r) => setTimeout(r, 20));
    expect(seen).toHaveLength(count);
  });

  it('sees the quarantine change too', async () => {
    await storage.setItem(QUARANTINE_KEY, []);
    const seen: PinStoreState[] = [];
    const stop = createPinReader().watch((s) => seen.push(s));
    await seed({ pins: [1], pins$: { v: 3 } });
    await createPinStore({ now }).read();
    await vi.waitFor(() => expect(seen.at(-1)?.problems).toHaveLength(1));
    stop();
  });
});
