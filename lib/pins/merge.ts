// How two versions of the same pin (same id) become one, for imports, undo and duplicate entries.
// The rule that matters: nothing the existing pin holds is ever lost.
import { normalizeTags, PIN_LIMITS, type Pin } from './schema';

export interface MergedPin {
  pin: Pin;
  changed: boolean;
  /** Set when part of the incoming pin could not be kept within the limits. */
  notice?: string;
}

/**
 * Keeps the existing pin's time, id, page and quote (an empty title or quote is filled from the
 * incoming pin); keeps its note, adding a different incoming note
 * after a blank line (a note that already contains the other is kept as is); unions the tags.
 */
export function mergePin(existing: Pin, incoming: Pin): MergedPin {
  const notices: string[] = [];
  const note = mergeNotes(existing.note, incoming.note);
  if (note === null) {
    notices.push(
      `its note was not added: joined with the existing note it would exceed ${PIN_LIMITS.note} characters`,
    );
  }
  const union = normalizeTags([...existing.tags, ...incoming.tags]);
  const tags = union.slice(0, PIN_LIMITS.tags);
  if (union.length > tags.length) {
    notices.push(
      `tags not added (a pin keeps at most ${PIN_LIMITS.tags}): ${union.slice(tags.length).join(', ')}`,
    );
  }
  const pin: Pin = {
    ...existing,
    title: existing.title || incoming.title,
    quote: existing.quote || incoming.quote,
    note: note ?? existing.note,
    tags,
  };
  const changed =
    pin.title !== existing.title ||
    pin.quote !== existing.quote ||
    pin.note !== existing.note ||
    pin.tags.length !== existing.tags.length ||
    pin.tags.some((t, i) => t !== existing.tags[i]);
  return notices.length ? { pin, changed, notice: notices.join('; ') } : { pin, changed };
}

/** The merged note, or null when joining would break the length limit (the existing note stays). */
export function mergeNotes(existing: string, incoming: string): string | null {
  const a = existing.trim();
  const b = incoming.trim();
  if (!b || a === b || a.includes(b)) return existing;
  if (!a) return incoming;
  // A later edit of the same note (it contains the existing text) replaces it without loss.
  if (b.includes(a)) return incoming.length <= PIN_LIMITS.note ? incoming : null;
  const joined = `${existing.trimEnd()}\n\n${incoming.trimStart()}`;
  return joined.length <= PIN_LIMITS.note ? joined : null;
}

export interface MergeReport {
  pins: Pin[];
  /** Incoming pins whose id was new. */
  added: Pin[];
  /** Incoming pins folded into a pin with the same id (already stored or earlier in the batch). */
  merged: number;
  notices: { id: string; notice: string }[];
  changed: boolean;
}

/** Adds `incoming` to `existing`, merging by id; existing pins keep their order, new ones follow. */
export function mergeAll(existing: readonly Pin[], incoming: readonly Pin[]): MergeReport {
  const byId = new Map<string, Pin>();
  for (const pin of existing) {
    const earlier = byId.get(pin.id);
    byId.set(pin.id, earlier ? mergePin(earlier, pin).pin : pin);
  }
  const addedIds = new Set<string>();
  const notices: { id: string; notice: string }[] = [];
  let merged = 0;
  let changed = byId.size !== existing.length;
  for (const pin of incoming) {
    const current = byId.get(pin.id);
    if (!current) {
      byId.set(pin.id, pin);
      addedIds.add(pin.id);
      changed = true;
      continue;
    }
    const result = mergePin(current, pin);
    merged++;
    if (result.changed) {
      byId.set(pin.id, result.pin);
      changed = true;
    }
    if (result.notice) notices.push({ id: pin.id, notice: result.notice });
  }
  const pins = [...byId.values()];
  return { pins, added: pins.filter((p) => addedIds.has(p.id)), merged, notices, changed };
}
