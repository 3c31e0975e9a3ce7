// Renders its children in a closed shadow root: the page's scripts can reach the card's open
// shadow root (factlens-ui.shadowRoot), but not this one (its host's shadowRoot is null), so the
// reader's notes, quotes and descriptions never enter what the page can read. Styles don't cross
// shadow boundaries, so the root carries its own sheet; theme tokens (custom properties) inherit.
import { type ComponentChildren, createElement, Fragment, render } from 'preact';
import { useEffect, useLayoutEffect, useRef } from 'preact/hooks';

export function PrivateRoot(props: { css: string; children: ComponentChildren; class?: string }) {
  const hostRef = useRef<HTMLDivElement>(null);
  const containerRef = useRef<HTMLDivElement | null>(null);

  useLayoutEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    if (!containerRef.current) {
      const root = host.attachShadow({ mode: 'closed' });
      const style = document.createElement('style');
      style.textContent = props.css;
      const container = document.createElement('div');
      root.append(style, container);
      containerRef.current = container;
    }
    render(createElement(Fragment, null, props.children), containerRef.current);
  });
  useEffect(
    () => () => {
      if (containerRef.current) render(null, containerRef.current);
    },
    [],
  );
  return <div class={props.class ?? 'fl-private'} ref={hostRef} />;
}
