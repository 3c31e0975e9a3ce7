import { afterEach, describe, expect, it, vi } from 'vitest';
import packed from '@/generated/detector-gate.json';
import { gateFromPacked, type PackedGate } from '@/lib/detect/gate';
import { createFurnitureCheck } from './furniture-check';
import { type GateWatch, MARKED_MARK, type WatchHandoff, watchThroughGate } from './gate-watch';
import { LONG_TEXT } from './long-text';

const gate = gateFromPacked(packed as PackedGate);
const QUIET = '<p>A page about the garden: tomatoes, basil and a little rain.</p><p>Notes on the soil.</p>';

let watch: GateWatch | null = null;
afterEach(() => {
  watch?.stop();
  watch = null;
  document.body.replaceChildren();
  performance.clearMarks(MARKED_MARK);
});

function start(html: string) {
  document.body.innerHTML = html;
  const onWake = vi.fn();
  watch = watchThroughGate({ doc: document, gate, onWake });
  return onWake;
}

/** Waits until the first pass has ended, quietly (the mark) or with a wake. */
const settled = (onWake: ReturnType<typeof vi.fn>) =>
  vi.waitFor(() => {
    if (onWake.mock.calls.length === 0 && performance.getEntriesByName(MARKED_MARK).length === 0)
      throw new Error('still walking');
  });

describe('watching a page through the mention gate', () => {
  it('never wakes on a page that names nothing we know, and says when its pass is done', async () => {
    const onWake = start(QUIET);
    await settled(onWake);
    expect(onWake).not.toHaveBeenCalled();
    expect(performance.getEntriesByName(MARKED_MARK)).toHaveLength(1);
  });

  it.each([
    ['an English name', '<p>Alibaba released Qwen this week.</p>'],
    ['a Chinese name', '<p>华为发布了新一代昇腾芯片。</p>'],
    ['a name in an open shadow root', '<div id="host"></div>'],
  ])('wakes once for %s', async (_what, html) => {
    document.body.innerHTML = QUIET + html;
    const host = document.getElementById('host');
    // A custom element's shadow root, as the walk looks for them (a hyphen in the tag name).
    if (host) {
      const el = document.createElement('quiet-box');
      el.attachShadow({ mode: 'open' }).innerHTML = '<p>DeepSeek-V3 is out.</p>';
      host.replaceWith(el);
    }
    const onWake = vi.fn();
    watch = watchThroughGate({ doc: document, gate, onWake });
    await vi.waitFor(() => expect(onWake).toHaveBeenCalledTimes(1));
    // Stopped: later mentions are the marker's.
    document.body.insertAdjacentHTML('beforeend', '<p>Baidu and Ernie.</p>');
    await new Promise((r) => setTimeout(r, 60));
    expect(onWake).toHaveBeenCalledTimes(1);
  });

  it('wakes for a mention the page adds or writes later, not for one in a script or a text box', async () => {
    const onWake = start(QUIET);
    await settled(onWake);
    document.body.insertAdjacentHTML('beforeend', '<textarea>Qwen</textarea><script>/* Qwen */</script>');
    const pre = document.createElement('pre');
    pre.textContent = 'DeepSeek';
    document.body.append(pre);
    await new Promise((r) => setTimeout(r, 60));
    expect(onWake).not.toHaveBeenCalled();

    (document.querySelector('p')!.firstChild as Text).data = 'Now about MindSpore.';
    await vi.waitFor(() => expect(onWake).toHaveBeenCalledTimes(1));
  });

  it('wakes for a paragraph appended to a quiet page', async () => {
    const onWake = start(QUIET);
    await settled(onWake);
    const p = document.createElement('p');
    p.append('On chips: ', Object.assign(document.createElement('b'), { textContent: 'NVIDIA A100' }));
    document.body.append(p);
    await vi.waitFor(() => expect(onWake).toHaveBeenCalledTimes(1));
  });

  it.each([
    [
      'its hidden attribute removed',
      '<div hidden><p>Huawei trains on Ascend chips.</p></div>',
      (el: HTMLElement) => el.removeAttribute('hidden'),
    ],
    [
      'its inline display:none undone',
      '<div style="display: none"><p>百度发布文心一言。</p></div>',
      (el: HTMLElement) => el.setAttribute('style', 'display: block'),
    ],
  ])('wakes for a mention hidden by its markup once it shows: %s', async (_what, hidden, reveal) => {
    const onWake = start(QUIET + hidden);
    await settled(onWake);
    expect(onWake).not.toHaveBeenCalled();
    const el = document.body.lastElementChild as HTMLElement;
    // Changes that still hide it, then the one that shows it. (happy-dom records no old value
    // for an attribute that came with the markup, nor an empty one: set again here, with a value.)
    el.setAttribute('data-x', '1');
    if (el.hasAttribute('style')) el.setAttribute('style', 'display:none; color: red');
    else el.setAttribute('hidden', 'hidden');
    await new Promise((r) => setTimeout(r, 60));
    expect(onWake).not.toHaveBeenCalled();
    reveal(el);
    await vi.waitFor(() => expect(onWake).toHaveBeenCalledTimes(1));
  });

  it('leaves a text node too long for one gate call to the marker', async () => {
    const onWake = start('<p></p>');
    document.querySelector('p')!.textContent = 'quiet words '.repeat(Math.ceil(LONG_TEXT / 12));
    await vi.waitFor(() => expect(onWake).toHaveBeenCalledTimes(1));
  });

  it('does nothing once stopped', async () => {
    const onWake = start(`${QUIET}<p>Qwen</p>`);
    watch!.stop();
    document.body.insertAdjacentHTML('beforeend', '<p>Baidu</p>');
    await new Promise((r) => setTimeout(r, 80));
    expect(onWake).not.toHaveBeenCalled();
    expect(performance.getEntriesByName(MARKED_MARK)).toHaveLength(0);
  });

  describe('handing the walk over to the marker', () => {
    /** Starts a watch and waits for its wake: the handoff it gave. */
    async function woken(html: string): Promise<WatchHandoff> {
      const onWake = start(html);
      await vi.waitFor(() => expect(onWake).toHaveBeenCalledTimes(1));
      return onWake.mock.calls[0]![0] as WatchHandoff;
    }

    /** What the taker would walk: the queued text first, then the rest of the walks. */
    function drain(taken: ReturnType<WatchHandoff['take']>): string[] {
      const texts = [...taken.dirty].map((n) => n.data);
      for (const walk of taken.walks)
        while (
          !walk.step(
            (n) => texts.push(n.data),
            () => false,
          )
        );
      return texts.map((t) => t.trim()).filter(Boolean);
    }

    it('gives the text that woke it first and the rest of the page, never what it already read', async () => {
      const handoff = await woken(`${QUIET}<p>Qwen is new.</p><p>After it.</p><p>And the end.</p>`);
      expect(drain(handoff.take(() => {}))).toEqual(['Qwen is new.', 'After it.', 'And the end.']);
    });

    it('keeps what the page changed before the marker took over, and what is still undelivered', async () => {
      const handoff = await woken(`${QUIET}<p>Qwen is new.</p>`);
      document.body.insertAdjacentHTML('beforeend', '<p>Added while the marker loaded.</p>');
      await new Promise((r) => setTimeout(r, 20));
      // In the same task as the take: the observer has not delivered it yet.
      (document.querySelector('p')!.firstChild as Text).data = 'Changed just before.';
      // (Added after the walk's place, the paragraph is also on the walk's way: read twice, as the
      // marker would read it, never missed.)
      expect(new Set(drain(handoff.take(() => {})))).toEqual(
        new Set(['Qwen is new.', 'Changed just before.', 'Added while the marker loaded.']),
      );
    });

    it('stops following the page once taken, and sends later shadow roots to the taker', async () => {
      const handoff = await woken(`<p>Qwen first.</p><div id="later"></div>`);
      const box = document.createElement('quiet-box');
      box.attachShadow({ mode: 'open' }).innerHTML = '<p>Inside.</p>';
      document.getElementById('later')!.append(box);
      const roots: ShadowRoot[] = [];
      const taken = handoff.take((s) => roots.push(s));
      drain(taken);
      expect(roots).toEqual([box.shadowRoot]);
      document.body.insertAdjacentHTML('beforeend', '<p>After the take.</p>');
      await new Promise((r) => setTimeout(r, 20));
      expect(
        taken.walks.every((w) =>
          w.step(
            () => {},
            () => false,
          ),
        ),
      ).toBe(true);
      expect(drain(handoff.take(() => {}))).toEqual([]);
    });

    it('hands nothing over once stopped', async () => {
      const handoff = await woken(`<p>Qwen first.</p><p>More.</p>`);
      watch!.stop();
      expect(drain(handoff.take(() => {}))).toEqual([]);
    });
  });
  it('wakes nothing for names only in page furniture, until one appears in the text', async () => {
    // A share bar and a menu name Twitter and Google; the article names nothing we know.
    document.body.innerHTML = `${QUIET}
      <div class="share-bar"><a href="https://twitter.com/intent/tweet?u=x">Share on Twitter</a></div>
      <nav><a href="/">Home</a> <a href="/google">Google</a></nav>`;
    const onWake = vi.fn();
    const checked: string[] = [];
    watch = watchThroughGate({
      doc: document,
      gate,
      onWake,
      createFurnitureCheck: () => {
        const check = createFurnitureCheck(document);
        return (node) => {
          checked.push(node.data);
          return check(node);
        };
      },
    });
    await settled(onWake);
    expect(onWake).not.toHaveBeenCalled();
    // The gate let both through; the furniture check stopped them.
    expect(checked).toEqual(['Share on Twitter', 'Google']);
    document.body.insertAdjacentHTML('beforeend', '<p>Google and Alibaba released new models.</p>');
    await vi.waitFor(() => expect(onWake).toHaveBeenCalledTimes(1));
  });
});
