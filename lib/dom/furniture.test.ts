import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import type { Mention } from '@/lib/detect/types';
import { createFurnitureRules, hostIsSite, linkHost, markupWords, pageHostOf, textWeight } from './furniture';
import { collectTextNodes } from './text-nodes';

const SITES: Record<string, string[]> = { twitter: ['twitter.com', 'x.com'], google: ['google.com'] };

/** Texts whose every mention the rules drop, by dropsAll, checked against keep on the way. */
function droppedWhole(body: string): string[] {
  const { document } = parseHTML(`<!doctype html><html><head></head><body>${body}</body></html>`);
  const rules = createFurnitureRules(
    (e) => SITES[e],
    () => pageHostOf(document as unknown as Document),
  );
  const out: string[] = [];
  for (const node of collectTextNodes(document as unknown as Node) as Text[]) {
    if (!rules.dropsAll(node)) continue;
    const any: Mention = { entity: 'qwen', start: 0, end: 1, text: 'Qwen' };
    // Whatever the mentions: keep must drop them all where dropsAll says so.
    expect(rules.keep(node, [any]), node.data).toEqual([]);
    out.push(node.data.trim());
  }
  return out;
}

/** Which of the page's "Twitter"/"Google"/"Qwen" mentions the rules keep, as "name@text". */
function kept(body: string, head = ''): string[] {
  const { document } = parseHTML(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`);
  const rules = createFurnitureRules(
    (e) => SITES[e],
    () => pageHostOf(document as unknown as Document),
  );
  const out: string[] = [];
  for (const node of collectTextNodes(document as unknown as Node) as Text[]) {
    const mentions: Mention[] = [];
    for (const m of node.data.matchAll(/Twitter|Google|Qwen/g)) {
      mentions.push({ entity: m[0].toLowerCase(), start: m.index, end: m.index + m[0].length, text: m[0] });
    }
    const keptHere = rules.keep(node, mentions);
    // dropsAll, asked before any detector runs, never hides a mention keep would let through.
    if (rules.dropsAll(node)) expect(keptHere, node.data).toEqual([]);
    for (const m of keptHere) out.push(`${m.text}@${node.data.trim()}`);
  }
  return out;
}

const PROSE = 'The model was trained on a large corpus and released last spring with open weights.';

describe('page furniture', () => {
  it('keeps mentions in article text, headlines, captions, quotes and comments', () => {
    const page = `<article><h1>Qwen beats Google</h1><p>${PROSE} Qwen is one.</p>
      <figure><img alt=""><figcaption>Qwen's team in Hangzhou</figcaption></figure>
      <blockquote>“Google is behind,” he said.</blockquote></article>
      <section id="comments"><p>Great piece on Qwen, thanks for writing it up so clearly.</p></section>`;
    expect(kept(page)).toEqual([
      'Qwen@Qwen beats Google',
      'Google@Qwen beats Google',
      `Qwen@${PROSE} Qwen is one.`,
      "Qwen@Qwen's team in Hangzhou",
      'Google@“Google is behind,” he said.',
      'Qwen@Great piece on Qwen, thanks for writing it up so clearly.',
    ]);
  });

  it('drops navigation, menus, buttons, labels and forms', () => {
    const page = `<nav><a href="/">Google</a></nav>
      <div role="navigation"><a href="/q">Qwen</a></div>
      <ul role="menubar"><li role="menuitem">Qwen</li></ul>
      <button>Ask Qwen</button><div role="button">Google it</div>
      <form><label>Search Google</label><p>Sign up for the Qwen newsletter</p></form>
      <p>${PROSE} Qwen.</p>`;
    expect(kept(page)).toEqual([`Qwen@${PROSE} Qwen.`]);
  });

  it('drops share and follow controls, by class words, share endpoints and the entity’s own site', () => {
    const page = `<div class="social-share-box"><span>Twitter</span></div>
      <ul class="mbArticleShareBtn"><li>Twitter</li></ul>
      <a href="https://example.com/share?u=1">Share on Google</a>
      <a href="https://twitter.com/qwen">Follow us on Twitter</a>
      <a href="https://plus.google.com/+x">Google+</a>
      <p>${PROSE} Read <a href="https://twitter.com/qwen/status/1">what Qwen said on Twitter</a> yesterday.</p>`;
    expect(kept(page)).toEqual(['Qwen@what Qwen said on Twitter', 'Twitter@what Qwen said on Twitter']);
  });

  it('drops link lists of menus, tags and sidebars but keeps lists of headlines', () => {
    const page = `<div><a href="/a">Home</a> · <a href="/google">Google</a> · <a href="/b">Apple</a></div>
      <aside><ul>
        <li><a href="/s1">Google confirms it laid off around a thousand engineers this week</a></li>
        <li><a href="/s2">Qwen tops the open leaderboard for the second month running</a></li>
        <li><a href="/s3">Why chip export rules keep changing, explained in five charts</a></li>
      </ul></aside>`;
    expect(kept(page)).toEqual([
      'Google@Google confirms it laid off around a thousand engineers this week',
      'Qwen@Qwen tops the open leaderboard for the second month running',
    ]);
  });

  it('keeps a list of links to other sites inside the article, drops one that navigates the page', () => {
    const page = `<article><ul>
        <li><a href="https://huggingface.co/a/Qwen-7B">Qwen-7B</a></li>
        <li><a href="https://huggingface.co/a/Qwen-14B">Qwen-14B</a></li>
        <li><a href="https://huggingface.co/a/Qwen-72B">Qwen-72B</a></li></ul>
      <ul><li><a href="#intro">What is Qwen?</a></li><li><a href="#use">Use it</a></li><li><a href="#faq">FAQ</a></li></ul>
      </article>`;
    expect(kept(page)).toEqual(['Qwen@Qwen-7B', 'Qwen@Qwen-14B', 'Qwen@Qwen-72B']);
  });

  it('drops tag and topic links to the site’s page about the name, not the same link in prose', () => {
    const page = `<div class="meta">Filed under <a href="/tags/google/">Google</a></div>
      <p>${PROSE} <a href="/wiki/Google">Google</a> paid for it.</p>`;
    expect(kept(page)).toEqual([`Google@Google`]);
    // The first is dropped (a topic link); the second, in prose, stays: same text, different node.
    expect(kept(page.replace('Filed under ', ''))).toEqual(['Google@Google']);
  });

  it('drops the page header and footer but not an article’s own, and keeps the banner’s headline', () => {
    const page = `<header><a href="/">Home</a> <span>Google News</span><h1>Qwen wins</h1></header>
      <article><header><p>By a reporter who covers Google</p></header><p>${PROSE}</p>
      <footer>Reporting by the Google desk</footer></article>
      <footer><p>© 2024 Google Inc.</p></footer>`;
    expect(kept(page)).toEqual([
      'Qwen@Qwen wins',
      'Google@By a reporter who covers Google',
      'Google@Reporting by the Google desk',
    ]);
  });

  it('drops consent banners, ads, tooltips and aria-hidden text', () => {
    const page = `<div id="cookie-consent">We and Google use cookies</div>
      <div class="ad-slot">Ads by Google</div>
      <span role="tooltip">Counted by Google Analytics</span>
      <span aria-hidden="true">Google</span><p>${PROSE} Google.</p>`;
    expect(kept(page)).toEqual([`Google@${PROSE} Google.`]);
  });

  it('never judges the page wrappers by their class words, nor a large element', () => {
    const long = `<p>${PROSE} Qwen.</p>`.repeat(80);
    expect(kept(`<main class="nav-open">${`<p>${PROSE} Qwen.</p>`}</main>`)).toHaveLength(1);
    expect(kept(`<div class="page has-ad-slot">${long}</div>`)).toHaveLength(80);
  });

  it('treats links to the page’s own canonical host as site navigation', () => {
    const head = '<link rel="canonical" href="https://news.example.com/a/1">';
    const list = (host: string) =>
      `<article><ul><li><a href="https://${host}/x">Qwen</a></li><li><a href="https://${host}/y">Kimi</a></li><li><a href="https://${host}/z">Yi</a></li></ul></article>`;
    expect(kept(list('news.example.com'), head)).toEqual([]);
    expect(kept(list('huggingface.co'), head)).toEqual(['Qwen@Qwen']);
  });
});

describe('whole-node furniture, known before any detector runs', () => {
  it('names menus, share bars, footers and link lists, and never a text in prose', () => {
    const page = `<nav><a href="/tech">Tech</a> <a href="/ai">Qwen news</a></nav>
      <article><h1>Qwen beats Google</h1><p>${PROSE} <a href="/qwen">Qwen</a> is one.</p>
      <div class="share-bar"><a href="https://twitter.com/intent/tweet?u=1">Twitter</a></div>
      <p><a href="https://www.facebook.com/sharer/sharer.php?u=1">Share on Facebook</a></p></article>
      <footer><p>About us · Google Play app</p></footer>`;
    const dropped = droppedWhole(page);
    expect(dropped).toEqual(
      expect.arrayContaining([
        'Tech',
        'Qwen news',
        'Twitter',
        'Share on Facebook',
        'About us · Google Play app',
      ]),
    );
    expect(dropped).not.toContain('Qwen beats Google');
    expect(dropped).not.toContain('Qwen');
    expect(dropped.some((t) => t.startsWith('The model was trained'))).toBe(false);
  });
});

describe('furniture helpers', () => {
  it('splits class names and ids into words', () => {
    expect(markupWords('social-share-box__dropdown mbArticleShareBtn js_share-post-item')).toEqual([
      'social',
      'share',
      'box',
      'dropdown',
      'mb',
      'article',
      'share',
      'btn',
      'js',
      'share',
      'post',
      'item',
    ]);
  });

  it('reads link hosts and matches subdomains', () => {
    expect(linkHost('https://www.twitter.com/intent/tweet')).toBe('twitter.com');
    expect(linkHost('//plus.google.com/x')).toBe('plus.google.com');
    expect(linkHost('/tags/google')).toBeNull();
    expect(linkHost('#top')).toBeNull();
    expect(hostIsSite('plus.google.com', 'google.com')).toBe(true);
    expect(hostIsSite('notgoogle.com', 'google.com')).toBe(false);
  });

  it('weighs words and Han characters, not emoji or punctuation', () => {
    expect(textWeight('🤗 • |')).toBe(0);
    expect(textWeight('Hugging Face')).toBe(12);
    expect(textWeight('腾讯创业')).toBe(12);
  });
});
