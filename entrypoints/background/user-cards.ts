// Cards for the reader's own knowledge: a user entry's card (its public part: name, type, related
// entries) and, for any entry, what only the reader knows (description, notes), which the content
// script renders out of the page's reach.
import type { CardData, EntityRef } from '@/lib/kb/card';
import type { CompiledKb } from '@/lib/kb/compiled';
import { type KnowledgeState, nameIn, OWN_PACK, type UserEntity } from '@/lib/knowledge/schema';
import type { OwnCard } from '@/lib/messages/background';

const CARD_NOTES = 50;

function refOf(e: UserEntity): EntityRef {
  return { id: e.id, type: e.type, name: { en: nameIn(e.name, 'en'), zh: nameIn(e.name, 'zh') } };
}

/** The public part of a user entry's card; the description travels in `own` only. */
export function userCardData(
  id: string,
  state: KnowledgeState,
  builtIn: { entity(id: string): EntityRef | undefined; source: CompiledKb['source'] },
): CardData | null {
  const entity = state.entities.find((e) => e.id === id);
  if (!entity) return null;
  const related = entity.related.flatMap((r): EntityRef[] => {
    const b = builtIn.entity(r);
    if (b) return [b];
    const u = state.entities.find((e) => e.id === r);
    return u ? [refOf(u)] : [];
  });
  const ref = refOf(entity);
  return {
    entity: {
      id: entity.id,
      type: entity.type,
      name: ref.name,
      aliases: entity.aliases.map((a) => a.text),
      summary: { en: '', zh: '' },
      related: entity.related,
    },
    facts: [],
    related,
    names: {},
    source: builtIn.source,
  };
}

export function ownCard(id: string, state: KnowledgeState): OwnCard {
  const entity = state.entities.find((e) => e.id === id);
  const notes = state.notes.filter((n) => n.entity === id).slice(0, CARD_NOTES);
  if (!entity) return { notes };
  const pack = state.packs.find((p) => p.id === entity.pack);
  return {
    entry: {
      pack: entity.pack,
      packName: entity.pack === OWN_PACK ? '' : (pack?.name ?? entity.pack),
      summary: entity.summary,
      lookupOnly: entity.lookupOnly,
    },
    notes,
  };
}
