// An on/off switch: a real checkbox with role="switch", so keyboards and screen readers get it free.
export interface SwitchProps {
  checked: boolean;
  label: string;
  disabled?: boolean;
  onChange(checked: boolean): void;
}

export function Switch({ checked, label, disabled, onChange }: SwitchProps) {
  return (
    <label class={`fl-switch${disabled ? ' fl-switch-disabled' : ''}`}>
      <span>{label}</span>
      <input
        type="checkbox"
        role="switch"
        checked={checked}
        disabled={disabled}
        aria-checked={checked ? 'true' : 'false'}
        onChange={(e) => onChange(e.currentTarget.checked)}
      />
      <span class="fl-switch-track" aria-hidden="true" />
    </label>
  );
}

export const switchCss = `
.fl-switch { display: flex; align-items: center; justify-content: space-between; gap: 12px; cursor: pointer; position: relative; }
.fl-switch input { position: absolute; opacity: 0; width: 36px; height: 20px; right: 0; margin: 0; cursor: pointer; }
.fl-switch-track { flex-shrink: 0; width: 36px; height: 20px; border-radius: 999px; background: var(--fl-border); position: relative; transition: background 120ms; }
.fl-switch-track::after { content: ''; position: absolute; top: 2px; left: 2px; width: 16px; height: 16px; border-radius: 50%; background: #fff; transition: transform 120ms; box-shadow: 0 1px 2px rgba(0,0,0,.3); }
.fl-switch input:checked + .fl-switch-track { background: var(--fl-accent); }
.fl-switch input:checked + .fl-switch-track::after { transform: translateX(16px); }
.fl-switch input:focus-visible + .fl-switch-track { outline: 2px solid var(--fl-focus); outline-offset: 2px; }
.fl-switch-disabled { opacity: 0.55; cursor: not-allowed; }
`;
