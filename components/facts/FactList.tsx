// A list of facts with Pin buttons, as the card and the side panel's entity page show them.
import type { EntityRef } from '@/lib/kb/card';
import type { Lang } from '@/lib/kb/format';
import type { Fact, Source } from '@/lib/kb/schema';
import { FactItem } from './FactItem';

export interface FactListProps {
  facts: readonly Fact[];
  lang: Lang;
  names: Record<string, EntityRef>;
  sections: Source['sections'];
  pinned: ReadonlySet<string>;
  onPin(factId: string): void;
}

export function FactList({ facts, lang, names, sections, pinned, onPin }: FactListProps) {
  return (
    <ul class="fl-facts">
      {facts.map((fact) => (
        <FactItem
          key={fact.id}
          fact={fact}
          lang={lang}
          names={names}
          section={sections[fact.section]}
          pinned={pinned.has(fact.id)}
          onPin={() => onPin(fact.id)}
        />
      ))}
    </ul>
  );
}
