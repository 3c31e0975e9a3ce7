// Accessible tabs (WAI-ARIA tabs pattern): arrow keys move between tabs, one tab stop.
import tabsCss from './tabs.css?inline';
export interface TabsProps<T extends string> {
  label: string;
  value: T;
  tabs: { id: T; label: string; badge?: number }[];
  onChange(id: T): void;
}

export function Tabs<T extends string>({ label, value, tabs, onChange }: TabsProps<T>) {
  const onKey = (e: KeyboardEvent) => {
    const i = tabs.findIndex((tab) => tab.id === value);
    const next =
      e.key === 'ArrowRight'
        ? (i + 1) % tabs.length
        : e.key === 'ArrowLeft'
          ? (i - 1 + tabs.length) % tabs.length
          : -1;
    if (next < 0) return;
    e.preventDefault();
    onChange(tabs[next]!.id);
    (e.currentTarget as HTMLElement).querySelector<HTMLElement>(`#tab-${tabs[next]!.id}`)?.focus();
  };
  return (
    <div class="fl-tabs" role="tablist" aria-label={label} onKeyDown={onKey}>
      {tabs.map((tab) => (
        <button
          key={tab.id}
          type="button"
          role="tab"
          id={`tab-${tab.id}`}
          aria-selected={tab.id === value ? 'true' : 'false'}
          aria-controls={`panel-${tab.id}`}
          tabIndex={tab.id === value ? 0 : -1}
          class="fl-tab"
          onClick={() => onChange(tab.id)}
        >
          {tab.label}
          {tab.badge !== undefined && tab.badge > 0 && <span class="fl-tab-badge">{tab.badge}</span>}
        </button>
      ))}
    </div>
  );
}

export { tabsCss };
