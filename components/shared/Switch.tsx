// An on/off switch: a real checkbox with role="switch", so keyboards and screen readers get it free.
import switchCss from './switch.css?inline';
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

export { switchCss };
