import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { collectTextNodes, isSkippedElement, unskippedBy } from './text-nodes';

const PAGE = `<!doctype html><html><head><title>Title text</title><style>.a{}</style></head><body>
  <h1>Heading</h1>
  <p>First <b>bold</b> paragraph<!-- a comment --></p>
  <script>var inScript = 1;</script><noscript>no script</noscript>
  <template><p>template text</p></template>
  <textarea>typed text</textarea><input value="input text"><select><option>option text</option></select>
  <pre>preformatted</pre><p>inline <code>code</code> after</p>
  <div hidden>hidden text</div>
  <div contenteditable="true">editable text</div>
  <div contenteditable="false">not editable text</div>
  <div style="color: red; display : none">display none text</div>
  <div style="display:block">shown text</div>
  <ul><li>item <span>one</span></li></ul>
  <p>   </p>
</body></html>`;

const visible = [
  'Heading',
  'First ',
  'bold',
  ' paragraph',
  'inline ',
  ' after',
  'not editable text',
  'shown text',
  'item ',
  'one',
];

describe('collectTextNodes', () => {
  it('walks visible text nodes in document order (linkedom)', () => {
    const { document } = parseHTML(PAGE);
    const texts = collectTextNodes(document.body as unknown as Node).map((n) =>
      n.data.replace(/\s+/g, ' ').trim(),
    );
    expect(texts).toEqual(visible.map((t) => t.trim()));
  });

  it('walks the same nodes in happy-dom, from the document root', () => {
    document.documentElement.innerHTML = PAGE.replace(/^<!doctype html><html>|<\/html>$/g, '');
    const texts = collectTextNodes(document).map((n) => n.data.replace(/\s+/g, ' ').trim());
    expect(texts).toEqual(visible.map((t) => t.trim()));
  });

  it('returns real Text nodes that the page scanner can key marks by', () => {
    const { document } = parseHTML('<p>Huawei <i>Ascend</i></p>');
    const nodes = collectTextNodes(document as unknown as Node);
    expect(nodes.map((n) => n.nodeType)).toEqual([3, 3]);
    expect(nodes[1]!.parentElement?.tagName).toBe('I');
  });

  it('skips a skipped root', () => {
    const { document } = parseHTML('<pre>code <b>here</b></pre>');
    expect(collectTextNodes(document.querySelector('pre') as unknown as Node)).toEqual([]);
  });

  it('recognises skipped elements by markup alone', () => {
    const { document } = parseHTML(
      '<div style="DISPLAY:NONE !important"></div><div style="display:nonex"></div><CODE></CODE>',
    );
    const [a, b, c] = [...document.querySelectorAll('div, code')] as unknown as Element[];
    expect(isSkippedElement(a!)).toBe(true);
    expect(isSkippedElement(b!)).toBe(false);
    expect(isSkippedElement(c!)).toBe(true);
  });

  it('tells an attribute change that took away what skipped an element', () => {
    const { document } = parseHTML(
      '<div id="a"></div><div id="b" style="color: red"></div><div id="c" hidden></div><div id="d" contenteditable="false"></div>',
    );
    const el = (id: string) => document.getElementById(id) as unknown as Element;
    // `hidden` removed, display:none undone, editing switched off: readable now.
    expect(unskippedBy(el('a'), 'hidden', '')).toBe(true);
    expect(unskippedBy(el('b'), 'style', 'display: none; color: red')).toBe(true);
    expect(unskippedBy(el('d'), 'contenteditable', 'true')).toBe(true);
    // It was not skipped for that attribute, or something else still skips it.
    expect(unskippedBy(el('b'), 'style', 'color: blue')).toBe(false);
    expect(unskippedBy(el('a'), 'hidden', null)).toBe(false);
    expect(unskippedBy(el('c'), 'style', 'display:none')).toBe(false);
    expect(unskippedBy(el('d'), 'contenteditable', 'false')).toBe(false);
  });
});
