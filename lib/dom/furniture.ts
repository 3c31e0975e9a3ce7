// Page furniture: the parts of a page that are not what the reader came to read — share and
// follow controls, navigation menus, breadcrumbs, tag lists, footers, forms, consent and ad
// boxes. Mentions there are not marked. Decided from what the page's markup says (elements, ARIA
// roles, link targets, link-dense lists, landmarks, class and id words), never from which site
// it is. Works with any DOM (browser, linkedom): it reads names, attributes, children and text,
// and runs only for text nodes that hold a mention, each element judged once per page.
import type { Engine } from '@/lib/detect/engine';
import type { Mention } from '@/lib/detect/types';
import { blockAround, INLINE_TAGS } from './inline-flow';

/** Roles of controls and of regions that are navigation or site chrome. */
const FURNITURE_ROLES = new Set([
  'navigation',
  'menu',
  'menubar',
  'menuitem',
  'menuitemcheckbox',
  'menuitemradio',
  'toolbar',
  'tablist',
  'tab',
  'search',
  'button',
  'checkbox',
  'radio',
  'switch',
  'option',
  'listbox',
  'combobox',
  'slider',
  'spinbutton',
  'tooltip',
  'alertdialog',
  'contentinfo',
]);

/** Elements that are controls or navigation whatever their size. */
const FURNITURE_TAGS = new Set(['nav', 'button', 'label', 'select', 'option', 'menu', 'dialog']);

/**
 * Words of class names and ids that name furniture: share bars, social links, menus, footers,
 * consent banners, newsletter boxes, ads, tag lists. Only small elements are judged by them, so a
 * page-wide wrapper called "has-nav" or "brand-ad-free" does not swallow the article.
 */
const FURNITURE_WORDS = new Set(
  (
    'share shares sharing sharebar sharetools social socials sociaux sns follow ' +
    'nav navbar navbox navigation mainnav subnav topnav menu menus dropdown breadcrumb breadcrumbs ' +
    'toolbar footer colophon masthead cookie cookies consent gdpr newsletter subscribe subscription ' +
    'signup login ad ads advert adverts advertisement adsense sponsor sponsored promo branding ' +
    'tag tags topic topics labels pagination pager'
  ).split(' '),
);
/** Elements above this much text are layout wrappers, not one piece of furniture. */
const MAX_WORDED_TEXT = 6000;
/** Never judged by their class words: the page's and the article's own wrappers. */
const WRAPPERS = new Set(['html', 'body', 'main', 'article']);
/** Forms above this much text wrap a whole page (ASP.NET pages do), not a search or sign-up box. */
const MAX_FORM_TEXT = 2000;

/** Inline-level elements: a link's "block" is its nearest ancestor that is none of these. */
const SECTIONING = new Set(['article', 'aside', 'main', 'nav', 'section']);
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/** A link list is this many links, mostly link text, with short links. */
const LIST_MIN_LINKS = 3;
const LIST_LINK_SHARE = 0.7;
const LIST_MAX_MEAN_LINK = 30;
/** Prose around a link: this much text that is not link text, and this share of the block's. */
const PROSE_MIN_OWN_TEXT = 20;
const PROSE_MIN_OWN_SHARE = 0.4;
/** A standalone link to the entity's own site longer than this is a headline, not a control. */
const MAX_SELF_LINK = 60;

const isHanCode = (c: number) =>
  (c >= 0x3400 && c <= 0x9fff) ||
  (c >= 0xf900 && c <= 0xfaff) ||
  (c >= 0x3040 && c <= 0x30ff) ||
  (c >= 0xac00 && c <= 0xd7af);
const isWordCode = (c: number) =>
  (c >= 0x30 && c <= 0x39) ||
  (c >= 0x41 && c <= 0x5a) ||
  (c >= 0x61 && c <= 0x7a) ||
  (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) ||
  (c >= 0x370 && c <= 0x52f) ||
  (c >= 0xff10 && c <= 0xff5a);

/**
 * Reading weight of a text: its letters and digits, a space between words, a Han character
 * counting as three (a Chinese headline is a third as long as the same English one). Emoji,
 * bullets and punctuation weigh nothing: "🤗 Hugging Face • 🤖 ModelScope" is a link bar, not prose.
 */
export function textWeight(text: string): number {
  let weight = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isHanCode(c)) {
      weight += 3;
      inWord = false;
    } else if (isWordCode(c)) {
      // A space's worth between words, counted at the start of each word after the first.
      weight += inWord || weight === 0 ? 1 : 2;
      inWord = true;
    } else {
      inWord = false;
    }
  }
  return weight;
}

/** The words of class names and ids: "social-share-box__dropdown", "mbArticleShareBtn". */
export function markupWords(value: string): string[] {
  return value
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

const hasFurnitureWord = (value: string | null) =>
  value !== null && value !== '' && markupWords(value).some((w) => FURNITURE_WORDS.has(w));

/** The host of a link's target, or null for page anchors, scripts and relative links. */
export function linkHost(href: string): string | null {
  const m = /^\s*(?:https?:)?\/\/([^/?#:\s]+)/i.exec(href);
  return m ? m[1]!.toLowerCase().replace(/^www\./, '') : null;
}

/** Whether `host` is `site` or one of its subdomains (plus.google.com is google.com's). */
export function hostIsSite(host: string, site: string): boolean {
  return host === site || host.endsWith(`.${site}`);
}

/** Share endpoints: twitter.com/intent/tweet, facebook.com/sharer, blogger's share-post. */
const SHARE_HREF = /(?:^|[/?.&_=-])(?:share|sharer|sharing|shareArticle|intent\/tweet)(?:$|[/?.&_=-])/i;

/** The last path segment of a link, folded: /tags/microsoft/ → "microsoft", /topic/silicon_valley → "siliconvalley". */
function lastSegment(href: string): string | null {
  const path = href.replace(/^\s*(?:https?:)?\/\/[^/]*/i, '').replace(/[?#].*$/, '');
  const segments = path.split('/').filter(Boolean);
  const last = segments[segments.length - 1];
  if (!last) return null;
  let decoded = last;
  try {
    decoded = decodeURIComponent(last);
  } catch {
    // A malformed escape: compare the raw segment.
  }
  return foldName(decoded.replace(/\.(?:s?html?|php|aspx?)$/i, ''));
}

const foldName = (s: string) => s.toLowerCase().replace(/[\s\-_+.·]+/g, '');

/** The own sites of each entity of an engine, as the rules want them. */
export function entitySites(engine: Engine): (entity: string) => readonly string[] | undefined {
  const sites = new Map(engine.entities.map((e) => [e.id, e.sites]));
  return (entity) => sites.get(entity);
}

type Region = 0 | 1 | 2;
const CONTENT: Region = 0;
const FURNITURE: Region = 1;
/** A page-level header (banner): furniture, except its headings. */
const BANNER: Region = 2;

export interface FurnitureRules {
  /** The mentions of a text node that sit in the page's content; the rest are furniture. */
  keep(node: Text, mentions: readonly Mention[]): readonly Mention[];
  /**
   * Whether `keep` drops every mention of this node, whatever they are (it sits in a menu, a share
   * bar, a footer): a page can then skip the node before it has a detector at all.
   */
  dropsAll(node: Text): boolean;
}

/**
 * Rules for one page. `sitesOf` gives an entity's own sites (twitter.com for Twitter): a
 * standalone link there ("Twitter", "Follow us on Twitter") is a control, not a mention.
 */
export function createFurnitureRules(
  sitesOf: (entity: string) => readonly string[] | undefined,
  /** The page's own host, when known: its links are site navigation. Asked only when needed. */
  pageHostOf: () => string | null = () => null,
): FurnitureRules {
  let knownHost: string | null | undefined;
  /** A relative link, or one to the page's own host. */
  const isOwnSite = (host: string | null) => {
    if (host === null) return true;
    if (knownHost === undefined) knownHost = pageHostOf();
    return knownHost !== null && hostIsSite(host, knownHost);
  };
  // Weak: a long-lived page drops elements; the caller makes new rules when the page changes.
  const regions = new WeakMap<Element, Region>();
  const lengths = new WeakMap<Element, number>();
  const linkLists = new WeakMap<Element, boolean>();

  const textLength = (el: Element): number => {
    let n = lengths.get(el);
    if (n === undefined) {
      n = (el.textContent ?? '').length;
      lengths.set(el, n);
    }
    return n;
  };

  /** What an element makes of the text inside it, on its own (ancestors aside). */
  const regionOf = (el: Element): Region => {
    let region = regions.get(el);
    if (region !== undefined) return region;
    region = judgeElement(el);
    regions.set(el, region);
    return region;
  };

  const judgeElement = (el: Element): Region => {
    const tag = el.localName;
    if (FURNITURE_TAGS.has(tag)) return FURNITURE;
    const role = el.getAttribute('role')?.trim().toLowerCase();
    if (role && FURNITURE_ROLES.has(role)) return FURNITURE;
    if (role === 'banner') return BANNER;
    if (el.getAttribute('aria-hidden') === 'true') return FURNITURE;
    if (tag === 'footer' && !inSection(el)) return FURNITURE;
    if (tag === 'header' && !inSection(el)) return BANNER;
    if (tag === 'form' && textLength(el) <= MAX_FORM_TEXT) return FURNITURE;
    if (
      !WRAPPERS.has(tag) &&
      (hasFurnitureWord(el.getAttribute('class')) || hasFurnitureWord(el.getAttribute('id'))) &&
      textLength(el) <= MAX_WORDED_TEXT
    ) {
      return FURNITURE;
    }
    return CONTENT;
  };

  /** Whether the text under `node` sits in a furniture region (a heading of a banner is content). */
  const inFurnitureRegion = (node: Text): boolean => {
    let heading = false;
    for (let el = node.parentElement; el; el = el.parentElement) {
      if (HEADINGS.has(el.localName)) heading = true;
      const region = regionOf(el);
      if (region === FURNITURE) return true;
      if (region === BANNER && !heading) return true;
    }
    return false;
  };

  /**
   * A link list: several links, mostly link text, all of them short — menus, tag lists, link
   * lists of sidebars and footers. Inside the article only one that navigates this site or this
   * page counts: a README's list of model repositories elsewhere is content.
   */
  const isLinkList = (el: Element): boolean => {
    let known = linkLists.get(el);
    if (known !== undefined) return known;
    const links = el.querySelectorAll('a[href]');
    known = false;
    if (links.length >= LIST_MIN_LINKS) {
      let linkWeight = 0;
      let internal = 0;
      for (const link of links) {
        linkWeight += textWeight(link.textContent ?? '');
        const host = linkHost(link.getAttribute('href') ?? '');
        if (isOwnSite(host)) internal++;
      }
      const total = textWeight(el.textContent ?? '');
      known =
        total > 0 &&
        linkWeight / total >= LIST_LINK_SHARE &&
        linkWeight / links.length <= LIST_MAX_MEAN_LINK &&
        (internal * 2 >= links.length || !inArticle(el));
    }
    linkLists.set(el, known);
    return known;
  };

  /**
   * Whether a link stands in running text: the inline content of its block (nested blocks
   * aside, so a link loose in a page-wide div is not "in prose") has text of its own around it.
   */
  const inProse = (link: Element): boolean => {
    const block = blockAround(link);
    if (!block) return false;
    const weights = { own: 0, linked: 0 };
    inlineWeights(block, false, weights);
    const total = weights.own + weights.linked;
    return weights.own >= PROSE_MIN_OWN_TEXT && weights.own >= total * PROSE_MIN_OWN_SHARE;
  };

  /** A link list around the link, within a few levels of its block. */
  const inLinkList = (link: Element): boolean => {
    let el = link.parentElement;
    for (let depth = 0; el && depth < 4; depth++, el = el.parentElement) {
      if (el.localName === 'body' || el.localName === 'article' || el.localName === 'main') return false;
      if (el.querySelectorAll('a[href]').length >= LIST_MIN_LINKS) return isLinkList(el);
    }
    return false;
  };

  /** A link whose mentions all go: not in prose, and in a link list or to a share endpoint. */
  const isControlLink = (link: Element): boolean =>
    !inProse(link) && (inLinkList(link) || SHARE_HREF.test(link.getAttribute('href') ?? ''));

  return {
    dropsAll(node) {
      if (inFurnitureRegion(node)) return true;
      const link = linkAround(node);
      return link !== null && isControlLink(link);
    },
    keep(node, mentions) {
      if (mentions.length === 0 || inFurnitureRegion(node)) return [];
      const link = linkAround(node);
      if (!link || inProse(link)) return mentions;
      if (inLinkList(link)) return [];
      const href = link.getAttribute('href') ?? '';
      if (SHARE_HREF.test(href)) return [];
      const host = linkHost(href);
      const linkText = link.textContent ?? '';
      // Only this site's own pages: elsewhere (huggingface.co/…/Baichuan2-7B-Chat) the link is the thing itself.
      const segment = isOwnSite(host) ? lastSegment(href) : null;
      return mentions.filter((m) => {
        const sites = host ? sitesOf(m.entity) : undefined;
        if (sites?.some((site) => hostIsSite(host!, site)) && textWeight(linkText) <= MAX_SELF_LINK)
          return false;
        // A link that is only the name, to the site's page about it: a tag or topic link.
        const name = foldName(m.text);
        return !(segment === name && foldName(linkText).length <= name.length + 4);
      });
    },
  };
}

/**
 * The page's own host, as the page states it (its canonical address) or else as it was loaded:
 * links there navigate the site. Saved and proxied copies keep their canonical address.
 */
export function pageHostOf(doc: Document, loadedFrom?: string): string | null {
  const canonical =
    doc.querySelector('link[rel~="canonical"][href]')?.getAttribute('href') ??
    doc.querySelector('meta[property="og:url"][content]')?.getAttribute('content');
  return (canonical && linkHost(canonical)) || (loadedFrom ? linkHost(loadedFrom) : null);
}

/** Whether a header or footer belongs to a section of the page rather than to the page itself. */
function inSection(el: Element): boolean {
  for (let p = el.parentElement; p; p = p.parentElement) {
    if (SECTIONING.has(p.localName)) return true;
    const role = p.getAttribute('role');
    if (role === 'main' || role === 'article') return true;
  }
  return false;
}

/** Whether an element sits in the page's main content: an article or the main landmark. */
function inArticle(el: Element): boolean {
  for (let p: Element | null = el; p; p = p.parentElement) {
    if (p.localName === 'article' || p.localName === 'main') return true;
    const role = p.getAttribute('role');
    if (role === 'main' || role === 'article') return true;
  }
  return false;
}

/** The link a text node is part of, if any (a few inline levels up). */
function linkAround(node: Text): Element | null {
  let el = node.parentElement;
  for (let depth = 0; el && depth < 6; depth++, el = el.parentElement) {
    if ((el.localName === 'a' && el.hasAttribute('href')) || el.getAttribute('role') === 'link') return el;
    if (!INLINE_TAGS.has(el.localName)) return null;
  }
  return null;
}

/** Adds up the text of a block's inline content, in links and outside them. */
function inlineWeights(el: Element, inLink: boolean, weights: { own: number; linked: number }): void {
  for (let child = el.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 3) {
      const w = textWeight((child as Text).data);
      if (inLink) weights.linked += w;
      else weights.own += w;
    } else if (child.nodeType === 1 && INLINE_TAGS.has((child as Element).localName)) {
      const e = child as Element;
      inlineWeights(e, inLink || (e.localName === 'a' && e.hasAttribute('href')), weights);
    }
  }
}
