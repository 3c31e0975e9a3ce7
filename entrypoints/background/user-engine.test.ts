import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import detectorJson from '@/generated/detector.json?raw';
import detectorBuild from '@/generated/detector-build.json';
import gateJson from '@/generated/detector-gate.json?raw';
import { gateFromPacked, type PackedGate } from '@/lib/detect/gate';
import { engineFromPrecompiled, type PrecompiledDetector } from '@/lib/detect/precompiled';
import { scannerFor } from '@/lib/detect/scanner';
import { entitiesDigest } from '@/lib/knowledge/engine';
import {
  EMPTY_KNOWLEDGE,
  type KnowledgeState,
  parseUserEntity,
  type UserEntity,
} from '@/lib/knowledge/schema';
import { DETECTOR_CACHE_KEY, DETECTOR_GATE_KEY, type DetectorCache } from '@/utils/detector-cache';
import { createUserEngine } from './user-engine';

// The real compiler, unless a test makes it fail.
const compiler = vi.hoisted(() => ({ fails: false, calls: 0 }));
vi.mock('@/lib/knowledge/engine', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@/lib/knowledge/engine')>();
  return {
    ...actual,
    compileCombinedWithGate: (...args: Parameters<typeof actual.compileCombinedWithGate>) => {
      compiler.calls++;
      if (compiler.fails) throw new Error('compiler broke');
      return actual.compileCombinedWithGate(...args);
    },
  };
});

const local = () => fakeBrowser.storage.local;
const stored = async () =>
  (await local().get(DETECTOR_CACHE_KEY))[DETECTOR_CACHE_KEY] as DetectorCache | undefined;
const BUILD = detectorBuild.id;
const storedGate = async () =>
  (await local().get(DETECTOR_GATE_KEY))[DETECTOR_GATE_KEY] as DetectorCache | undefined;
const seedBare = () =>
  local().set({
    [DETECTOR_CACHE_KEY]: { build: BUILD, json: detectorJson },
    [DETECTOR_GATE_KEY]: { build: BUILD, json: gateJson },
  });
const gateSays = (json: string, text: string) => gateFromPacked(JSON.parse(json) as PackedGate).test(text);

const entry = (over: Record<string, unknown> = {}): UserEntity => {
  const r = parseUserEntity(
    { id: 'norvane-labs', type: 'company', name: { en: 'Norvane Labs' }, aliases: ['Norvane'], ...over },
    1,
  );
  if (!r.ok) throw new Error(r.reason);
  return r.value;
};
const stateOf = (entities: UserEntity[], packs: KnowledgeState['packs'] = []): KnowledgeState => ({
  entities,
  notes: [],
  packs,
});

const detect = (json: string, text: string) =>
  scannerFor<number>(engineFromPrecompiled(JSON.parse(json) as PrecompiledDetector))
    .add(0, text)
    .map((m) => `${m.entity}:${m.text}`);

beforeEach(() => {
  fakeBrowser.reset();
  compiler.fails = false;
  compiler.calls = 0;
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('createUserEngine().sync', () => {
  it('writes nothing when the stored copy is already this build’s bare one', async () => {
    await seedBare();
    const set = vi.spyOn(local(), 'set');
    await createUserEngine().sync(EMPTY_KNOWLEDGE);
    expect(set).not.toHaveBeenCalled();
  });

  it('writes both again when the gate is missing or of other entries than the engine', async () => {
    await local().set({ [DETECTOR_CACHE_KEY]: { build: BUILD, json: detectorJson } });
    const engine = createUserEngine();
    await engine.sync(EMPTY_KNOWLEDGE);
    expect(await storedGate()).toEqual({ build: BUILD, json: gateJson });
    await local().set({ [DETECTOR_GATE_KEY]: { build: BUILD, json: gateJson, user: '1-x' } });
    await engine.sync(EMPTY_KNOWLEDGE);
    expect(await storedGate()).toEqual({ build: BUILD, json: gateJson });
    expect(await stored()).toEqual({ build: BUILD, json: detectorJson });
  });

  it('writes the bare engine when there is no copy, or one of another build', async () => {
    const engine = createUserEngine();
    await engine.sync(EMPTY_KNOWLEDGE);
    expect(await stored()).toEqual({ build: BUILD, json: detectorJson });
    await local().set({ [DETECTOR_CACHE_KEY]: { build: 'older-build', json: '{}', user: '1-x' } });
    await engine.sync(EMPTY_KNOWLEDGE);
    expect(await stored()).toEqual({ build: BUILD, json: detectorJson });
  });

  it('writes the combined engine with the digest of the entries, once', async () => {
    await seedBare();
    const engine = createUserEngine();
    const state = stateOf([entry()]);
    const set = vi.spyOn(local(), 'set');
    await engine.sync(state);
    expect(set).toHaveBeenCalledTimes(1);
    const copy = await stored();
    expect(Object.keys(copy ?? {}).sort()).toEqual(['build', 'json', 'user']);
    expect(copy).toMatchObject({ build: BUILD, user: entitiesDigest([entry()]) });
    const parsed = JSON.parse(copy!.json) as PrecompiledDetector;
    expect(parsed.entities.map(([id]) => id)).toContain('norvane-labs');
    expect(parsed.entities.map(([id]) => id)).toContain('qwen');
    expect(parsed.unmarked).toBeUndefined();
    expect(detect(copy!.json, 'Norvane Labs and Qwen')).toEqual(['norvane-labs:Norvane Labs', 'qwen:Qwen']);

    // Its gate, written in the same call, is of the same entries and lets them through.
    const gate = await storedGate();
    expect(gate).toMatchObject({ build: BUILD, user: entitiesDigest([entry()]) });
    expect(gateSays(gate!.json, 'a note on Norvane')).toBe(true);
    expect(gateSays(gateJson, 'a note on Norvane')).toBe(false);

    await engine.sync(state);
    await engine.sync(stateOf([entry()]));
    expect(set).toHaveBeenCalledTimes(1);
    // A new engine (the background restarted) finds the stored copy current too.
    await createUserEngine().sync(state);
    expect(set).toHaveBeenCalledTimes(1);
  });

  it('does not rewrite for a change the engine does not depend on, and does for one it does', async () => {
    const engine = createUserEngine();
    await engine.sync(stateOf([entry()]));
    const set = vi.spyOn(local(), 'set');
    await engine.sync(stateOf([entry({ summary: { en: 'Edited description.' } })]));
    expect(set).not.toHaveBeenCalled();
    await engine.sync(stateOf([entry({ aliases: ['Norvane', 'NVL'] })]));
    expect(set).toHaveBeenCalledTimes(1);
    expect(detect((await stored())!.json, 'NVL')).toEqual(['norvane-labs:NVL']);
  });

  it('goes back to the bare engine when the last entry is removed or its pack disabled', async () => {
    const engine = createUserEngine();
    const packEntry = entry({ pack: 'pack-chips' });
    const on = { id: 'pack-chips', name: 'Chips', author: '', revision: 1, enabled: true, importedAt: 0 };
    await engine.sync(stateOf([packEntry], [on]));
    expect((await stored())?.user).toBe(entitiesDigest([packEntry]));
    await engine.sync(stateOf([packEntry], [{ ...on, enabled: false }]));
    expect(await stored()).toEqual({ build: BUILD, json: detectorJson });
    await engine.sync(stateOf([entry()]));
    await engine.sync(EMPTY_KNOWLEDGE);
    expect(await stored()).toEqual({ build: BUILD, json: detectorJson });
  });

  it('lists lookup-only entries as unmarked', async () => {
    const engine = createUserEngine();
    const quiet = entry({ id: 'quiet-lab', name: { en: 'Quiet Lab' }, aliases: [], lookupOnly: true });
    await engine.sync(stateOf([entry(), quiet]));
    const parsed = JSON.parse((await stored())!.json) as PrecompiledDetector;
    expect(parsed.unmarked).toEqual(['quiet-lab']);
    // Still found (for hover and tap), only not painted.
    expect(detect((await stored())!.json, 'Quiet Lab')).toEqual(['quiet-lab:Quiet Lab']);
  });

  it('runs syncs one after the other: the last state wins', async () => {
    const engine = createUserEngine();
    await Promise.all([
      engine.sync(stateOf([entry()])),
      engine.sync(stateOf([entry({ aliases: ['NVL'] })])),
      engine.sync(stateOf([entry({ aliases: ['Norvane X'] })])),
    ]);
    expect((await stored())?.user).toBe(entitiesDigest([entry({ aliases: ['Norvane X'] })]));
  });

  it('compiles once per change of the entries, and not at all when the stored copy is current', async () => {
    const engine = createUserEngine();
    await engine.sync(stateOf([entry()]));
    await engine.sync(stateOf([entry()]));
    engine.jsonFor(stateOf([entry()]));
    expect(compiler.calls).toBe(1);
    await createUserEngine().sync(stateOf([entry()]));
    expect(compiler.calls).toBe(1);
  });

  it('keeps the built-in engine when the entries cannot be compiled, written once', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    compiler.fails = true;
    const engine = createUserEngine();
    await engine.sync(stateOf([entry()]));
    expect(await stored()).toEqual({ build: BUILD, json: detectorJson });
    expect(warn).toHaveBeenCalledTimes(1);
    const set = vi.spyOn(local(), 'set');
    await engine.sync(stateOf([entry()]));
    expect(engine.jsonFor(stateOf([entry()]))).toBe(detectorJson);
    expect(set).not.toHaveBeenCalled();
    expect(compiler.calls).toBe(1);
    expect(warn).toHaveBeenCalledTimes(1);
    // Entries that compile again take over.
    compiler.fails = false;
    await engine.sync(stateOf([entry({ aliases: ['NVL'] })]));
    expect((await stored())?.user).toBe(entitiesDigest([entry({ aliases: ['NVL'] })]));
  });

  it('removes the stale pair when the new one cannot be stored, so pages ask the background', async () => {
    await seedBare();
    vi.spyOn(local(), 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    const engine = createUserEngine();
    await engine.sync(stateOf([entry()]));
    expect(await stored()).toBeUndefined();
    expect(await storedGate()).toBeUndefined();
    // What the background answers pages with instead: the engine of the current entries.
    expect(detect(engine.jsonFor(stateOf([entry()])), 'Norvane')).toEqual(['norvane-labs:Norvane']);
  });

  it('never throws when storage fails', async () => {
    vi.spyOn(local(), 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    await expect(createUserEngine().sync(stateOf([entry()]))).resolves.toBeUndefined();
    vi.spyOn(local(), 'get').mockRejectedValue(new Error('broken'));
    await expect(createUserEngine().sync(stateOf([entry()]))).resolves.toBeUndefined();
  });
});

describe('createUserEngine().jsonFor', () => {
  it('is the shipped engine without entries, and the combined one with them', () => {
    const engine = createUserEngine();
    expect(engine.jsonFor(EMPTY_KNOWLEDGE)).toBe(detectorJson);
    const json = engine.jsonFor(stateOf([entry()]));
    expect(json).not.toBe(detectorJson);
    expect(detect(json, 'Norvane')).toEqual(['norvane-labs:Norvane']);
    expect(engine.jsonFor(stateOf([entry({ summary: { en: 'only the description' } })]))).toBe(json);
    expect(engine.jsonFor(EMPTY_KNOWLEDGE)).toBe(detectorJson);
  });
});
