/**
 * @module Line-level boilerplate removal for plain text and extracted HTML alike: cookie banners,
 * search/close widgets, comment widgets, subscribe prompts, "Related:" lines, gallery prompts,
 * syndication disclaimers, share bars, keyword tag lines. Each rule is named so the trace says
 * which one dropped a line. Rules only ever drop whole lines (or, for the comment call-to-action,
 * a whole trailing sentence); they never rewrite words.
 */

/** Lines longer than this are never dropped by the "short widget" rules: real prose is long. */
export const MAX_WIDGET_LINE_CHARS = 240;
/** A cookie notice rarely exceeds this; longer lines mentioning cookies are articles about them. */
export const MAX_COOKIE_LINE_CHARS = 400;
/** Keyword tag lines ("sofia carson, purple hearts") have few words; prose runs longer. */
export const MAX_TAG_LINE_WORDS = 16;

interface LineRule {
  name: string;
  test: (line: string) => boolean;
}

const short = (l: string, max = MAX_WIDGET_LINE_CHARS): boolean => l.length <= max;
const re = (r: RegExp, max = MAX_WIDGET_LINE_CHARS) => (l: string) => short(l, max) && r.test(l);

/** Exact widget labels (compared lowercased, trailing punctuation and counts stripped). */
const WIDGET_LABELS = new Set([
  'close this search box', 'search for', 'search', 'skip to content', 'skip to main content', 'toggle navigation',
  'menu', 'close', 'close menu', 'open menu', 'main menu', 'back to top', 'scroll to top', 'loading',
  'leave a reply', 'leave a comment', 'be the first to comment', 'notify of', 'inline feedbacks',
  'view all comments', 'comments', 'comment', 'post comment', 'add a comment', 'join the discussion',
  'load more comments', 'show comments', 'cancel reply', 'reply', 'oldest', 'newest', 'most voted',
  'advertisement', 'advertising', 'sponsored', 'sponsored content', 'story continues below advertisement',
  'article continues below advertisement', 'continue reading below', 'ad', 'share', 'share this',
  'share this article', 'share this story', 'share on facebook', 'share on twitter', 'tweet', 'email',
  'print', 'copy link', 'link copied', 'facebook', 'twitter', 'pinterest', 'whatsapp', 'linkedin',
  'reddit', 'flipboard', 'messenger', 'sign up', 'subscribe', 'log in', 'login', 'sign in', 'register',
  'learn more', 'accept', 'accept all', 'reject all', 'manage preferences', 'got it', 'ok', 'dismiss',
  'read more', 'see more', 'show more', 'more', 'related', 'related articles', 'related stories',
  'related posts', 'you may also like', 'you might also like', 'recommended', 'recommended for you',
  'most popular', 'trending', 'trending now', 'popular', 'latest', 'latest news', 'more stories',
  'more from this author', 'tags', 'topics', 'filed under', 'image', 'photo', 'video', 'gallery',
  'watch', 'listen', 'play', 'save my name, email, and website in this browser for the next time i comment',
  'name', 'email address', 'website', 'required', 'your email address will not be published',
  'required fields are marked', 'text size', 'font size', 'listen to this article', 'print this article',
  'email this article', 'share this page', 'follow', 'follow us', 'jump to', 'table of contents', 'contents',
  'show caption', 'hide caption', 'toggle caption', 'expand', 'collapse', 'enlarge', 'zoom',
  "don't miss", 'don’t miss', 'see more', 'want more stories like this', 'more on this story', 'more on this',
  'read the full story', 'continue reading', 'view gallery', 'view comments', 'tl;dr', 'advert',
  'this slideshow requires javascript', 'tell us what you think', 'what do you think', 'have your say',
  'open in app', 'view in app', 'click here', 'click to expand', 'image source', 'media caption', 'x',
  'share on x', 'share on bluesky', 'share on threads', 'share on linkedin', 'share on whatsapp', 'share on reddit',
  'share via email', 'share by email', 'email this', 'bluesky', 'threads', 'tiktok', 'instagram', 'youtube',
]);

/** Social networks and share actions, for share bars written as one line ("Facebook | X | Email"). */
const SHARE_WORDS = /^(share|share this( story| article| post| page)?|facebook|x|twitter|email|e-mail|whatsapp|linkedin|pinterest|reddit|bluesky|threads|tumblr|telegram|messenger|flipboard|copy link|print|sms|tiktok|instagram|youtube)$/i;

/** A share bar on one line: "Share: Facebook · X · Email", "Facebook | Twitter | Email". */
function isShareBar(l: string): boolean {
  if (l.length > 160) return false;
  const parts = l.split(/\s*[|·•,/:]\s*|\s{2,}/).map((p) => p.trim()).filter(Boolean);
  return parts.length >= 2 && parts.every((p) => SHARE_WORDS.test(p));
}

const normLabel = (l: string): string =>
  l.toLowerCase().replace(/^[\s\d()[\]|•·*-]+/, '').replace(/[\s.:!?*()[\]|•·\d-]+$/, '').replace(/\s+/g, ' ').trim();

/** Share of lowercase-initial words above which a comma-separated keyword list is a tag line. */
export const TAG_LINE_LOWERCASE_SHARE = 0.6;
/** Longer keyword lists may mix in names ("stock car Velo Città"); they need this many items. */
const MIN_MIXED_TAG_ITEMS = 4;

/**
 * Tag line: comma-separated keywords, no sentence punctuation; all lowercase ("sofia carson,
 * purple hearts"), or a longer list whose words are mostly lowercase.
 */
function isTagLine(l: string): boolean {
  if (!l.includes(',') || /[.!?;:"“”()]/.test(l)) return false;
  const parts = l.split(',').map((p) => p.trim());
  if (parts.some((p) => p === '' || p.split(/\s+/).length > 5)) return false;
  const words = l.split(/[\s,]+/).filter(Boolean);
  if (l === l.toLowerCase() && /^[\p{Ll}\p{N}\s,'’&-]+$/u.test(l)) return words.length <= MAX_TAG_LINE_WORDS;
  if (parts.length < MIN_MIXED_TAG_ITEMS) return false;
  const lower = words.filter((w) => /^[\p{Ll}\p{N}]/u.test(w)).length;
  return lower / words.length >= TAG_LINE_LOWERCASE_SHARE;
}

/** A byline is at most this long: "By Jane Doe and John Roe, Reuters - Nov 19, 2019 11:04 PM EST". */
const MAX_BYLINE_CHARS = 140;
/** Capitalised names joined by commas, "and" or "&" (particles like "de" or "van" allowed). */
const BYLINE_NAMES = /^\p{Lu}[\p{L}.'’-]*(\s+(\p{Lu}[\p{L}.'’-]*|de|van|von|da|di|del|la|le|der|bin))*(\s*(,|and|&)\s*\p{Lu}[\p{L}.'’-]*(\s+\p{Lu}[\p{L}.'’-]*)*)*/u;

/**
 * "By Jane Doe", optionally followed by a date/time after a dash, a date, or ", Outlet". A
 * sentence that merely starts with "By" ("By Friday, the film had...") does not match.
 */
function isBylineLine(l: string): boolean {
  if (l.length > MAX_BYLINE_CHARS) return false;
  const m = /^[Bb][Yy]:?\s+(.*)$/.exec(l);
  if (!m) return false;
  const nm = BYLINE_NAMES.exec(m[1]);
  if (!nm || nm[0].split(/\s+/).length > 12) return false;
  const tail = m[1].slice(nm[0].length).trim();
  if (tail === '') return true;
  if (/^[-|–—•·]/.test(tail)) return true;
  if (/^,?\s*(on\s+|updated\s+|published\s+)?(\p{Lu}\p{Ll}+\.? \d{1,2},? \d{4}|\d{1,2}[/.]\d{1,2}[/.]\d{2,4})/u.test(tail)) return true;
  return /^,\s*(\p{Lu}[\p{L}&.'’-]*\s*){1,4}$/u.test(tail);
}

/** A short line that is a publication/update timestamp, not prose. */
function isTimestampLine(l: string): boolean {
  if (l.length > 90) return false;
  if (/^\|?\s*(published|updated|posted|last updated|last modified|first published|modified|created)\b\s*(:|on|at|\d)/i.test(l)) return true;
  const words = l.split(/\s+/).length;
  return words <= 10 && /\b\d{1,2}[:.h]\d{2}\b/.test(l) && /\b(19|20)\d{2}\b/.test(l);
}

const RULES: readonly LineRule[] = [
  // A lone close button or bullet: no letter or digit at all.
  { name: 'symbol-only', test: (l) => !/[\p{L}\p{N}]/u.test(l) },
  { name: 'widget-label', test: (l) => short(l, 120) && WIDGET_LABELS.has(normLabel(l)) },
  {
    name: 'cookie-notice',
    test: (l) =>
      short(l, MAX_COOKIE_LINE_CHARS) && /\bcookies?\b/i.test(l) &&
      /\b(use|using|uses|accept|agree|consent|deliver|policy|settings|preferences|browsing|experience)\b/i.test(l) &&
      /\b(we|our|you|this (site|website))\b/i.test(l),
  },
  { name: 'comment-widget', test: re(/^(\d+\s+)?(comments?|responses?|replies)(\s*\(\d+\))?$|^your email address will not be published\b|^required fields are marked\b|^(you must be )?logged in to post a comment|^save my name, email|^this site uses akismet|^comments? (are|is) closed|^(leave|post|write) a (reply|comment)\b|^be the first to (comment|review)|^(login|log in|sign in|register) to (comment|reply)/i) },
  {
    name: 'subscribe-prompt',
    test: re(/\bnewsletters?\b|\bsubscribe to (our|the|my)\b|\bbe sure to subscribe\b|\bsign up (for|to) (our|the|my) (free )?(newsletter|mailing|email|daily|weekly)|\b(in|to) your inbox\b|\bfollow us (on|at)\b|\bdownload (our|the) app\b|^(subscribe|sign up|join us)( now| today| here)?[.!]*$/i),
  },
  { name: 'share-bar', test: isShareBar },
  // Paywall and ad furniture between paragraphs ("Scroll to continue reading", "Advertisement").
  { name: 'reading-prompt', test: re(/^(scroll (down )?to (continue|keep) reading|continue reading( below)?|story continues (below|after (this )?advertisement)|article continues (below|after (this )?advertisement)|advertisement|sponsored content|ad)[.…:]*$/i, 80) },
  { name: 'share-prompt', test: re(/^(like|liked|enjoy|enjoyed|love|loved) this (story|article|post|piece)\?|^share (this|it) with (a|your) friends?\b/i) },
  { name: 'related-line', test: re(/^also (on|at) [\w-]+(\.[\w-]+)+\s|^(related|read more|read next|see more|see also|more from [^:]{1,40}|also read|read also|recommended|more|watch|listen|most popular|trending|you may also like|you might also like|don'?t miss|more coverage|further reading|keep reading|up next|gallery|photos|pictures|in pictures|video|podcast)\s*[:|–—-]\s*\S/i) },
  { name: 'gallery-prompt', test: re(/^(scroll|click|swipe|tap|flip)\b.{0,40}\b(gallery|photos?|pictures|slideshow|images)\b|\b(gallery|slideshow)\b.{0,30}\b(below|above)\b|^(see|view|check out) (the|our|all|more)\b.{0,40}\b(gallery|photos|pictures|slideshow)\b/i) },
  { name: 'syndication-disclaimer', test: re(/^this content is (created and maintained|imported) (by|from)\b|^you may be able to find (more information|the same content)\b|^this (article|story|content) (was|is) (originally )?(published|syndicated|republished|created)\b.{0,80}\b(with permission|third party|partner|licen[cs]e)|^we may (earn|receive) (a )?(commission|compensation)|^(this (post|article|page|story)) (may )?contains? (affiliate|referral|sponsored)\b/i, 400) },
  { name: 'media-credit', test: re(/^\(?((photo|image|picture|photograph|video|credit|source)s?( credit)?|getty images|shutterstock|ap photo|reuters)\s*[:/|©-]|^\(?(photo|image) (by|via|courtesy of)\b[^.]{0,80}\)?$|^(getty images|shutterstock|ap|reuters|afp|alamy|instagram|twitter|youtube)$/i, 120) },
  { name: 'tag-line', test: isTagLine },
  { name: 'timestamp', test: isTimestampLine },
  { name: 'copyright', test: re(/^(©|\(c\)\s|copyright\b)|\ball rights reserved\b|^the contents of this site are ©/i, 200) },
  // A leftover shortcode ("[button ...]...[/button]") or a teaser link tagged "[VIDEO]" / "[INSIGHT]".
  // A lone "[Outlet]" stays: review round-ups cite their sources that way.
  { name: 'bracket-label', test: (l) => re(/^\[(\w+)\b[^\]]*\].*\[\/\1\]$|\[(video|videos|pictures|photos|insight|reaction|revealed|latest|poll|live|gallery|analysis|comment)\]\s*\|?$/i, 160)(l) || re(/\s\[[A-Z]{3,12}\]\s*\|?$/, 160)(l) },
  { name: 'byline', test: isBylineLine },
];

/** Name of the rule a whole line matches (it is boilerplate), or null when it is article text. */
export function classifyLine(line: string): string | null {
  const l = line.trim();
  if (l === '') return null;
  for (const r of RULES) if (r.test(l)) return r.name;
  return null;
}

/** A trailing call to comment ("Let us know in the comments!"): removed as a sentence. */
const COMMENT_CTA = /(^|(?<=[.!?"”’)]\s*))\s*(let us know|tell us|sound off|share your thoughts|leave your thoughts|drop your thoughts|let me know)\b[^.!?]{0,80}\b(comments?|below)\b[^.!?]{0,40}[.!?]*\s*$/i;

/** A necessary condition for COMMENT_CTA: one of its cue phrases. */
const COMMENT_CTA_CUE = /let us know|tell us|sound off|share your thoughts|leave your thoughts|drop your thoughts|let me know/i;

/** The line without a trailing comment call-to-action sentence (may become empty). */
export function stripCommentCta(line: string): string {
  // the cue phrases are literal: a cheap search rules out almost every line before the full pattern
  if (!COMMENT_CTA_CUE.test(line)) return line.trimEnd();
  return line.replace(COMMENT_CTA, '').trimEnd();
}

/** One dropped or changed line, for the trace. */
export interface LineDecision {
  rule: string;
  line: string;
}

/**
 * Normalise whitespace (spaces collapse, paragraphs separated by one blank line, lines kept) and
 * drop boilerplate lines. Returns the cleaned text and the decisions taken.
 */
export function removeBoilerplateLines(
  text: string,
  title?: string | null,
  opts: { cutTail?: boolean } = {},
): { text: string; dropped: LineDecision[] } {
  const dropped: LineDecision[] = [];
  let lines = normaliseWhitespace(text).split('\n');
  if (opts.cutTail) {
    const cut = tailCut(lines);
    if (cut >= 0) {
      dropped.push({ rule: 'tail-after-section-label', line: lines.slice(cut).join(' / ').slice(0, 300) });
      lines = lines.slice(0, cut);
    }
  }
  const out: string[] = [];
  const titleKey = title ? lineKey(title) : null;
  let seenBody = false;
  for (const raw of lines) {
    if (raw === '') {
      out.push('');
      continue;
    }
    const rule = classifyLine(raw);
    if (rule) {
      dropped.push({ rule, line: raw });
      continue;
    }
    if (!seenBody && titleKey && sameHeadline(lineKey(raw), titleKey)) {
      dropped.push({ rule: 'title-repeat', line: raw });
      continue;
    }
    const stripped = stripCommentCta(raw);
    if (stripped !== raw) {
      dropped.push({ rule: 'comment-cta', line: raw.slice(stripped.length).trim() });
      if (stripped.trim() === '') continue;
    }
    seenBody = true;
    out.push(stripped);
  }
  return { text: joinParagraphs(out), dropped };
}

/**
 * Section labels after which a web page's text is no longer the article: teaser lists, comment
 * sections. Only labels that do not also appear mid-article ("Don't miss", "Read more" do).
 */
const TAIL_LABELS = new Set([
  'related', 'related articles', 'related stories', 'related posts', 'related content', 'related coverage',
  'you may also like', 'you might also like', 'recommended', 'recommended for you', 'recommended stories',
  'more stories', 'most popular', 'most read', 'trending', 'trending now', 'want more stories like this',
  'more from this author', 'latest news', 'latest stories', 'comments', 'leave a reply', 'leave a comment',
  'join the discussion', 'popular', 'more on this story', 'around the web', 'sponsored stories', 'promoted stories',
]);
/** The label must come after this share of the text: a label early on is a mid-article box. */
export const TAIL_CUT_MIN_POSITION = 0.6;

/** Index of the line where the trailing non-article part starts, or -1. */
function tailCut(lines: readonly string[]): number {
  const total = lines.reduce((n, l) => n + l.length + 1, 0);
  let pos = 0;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (pos >= TAIL_CUT_MIN_POSITION * total && l.length <= 60 && TAIL_LABELS.has(normLabel(l))) return i;
    pos += l.length + 1;
  }
  return -1;
}

/** Share of the longer headline the shorter must cover to count as the same ("Title" vs "Title | Site"). */
export const SAME_HEADLINE_SHARE = 0.8;

const sameHeadline = (a: string, b: string): boolean => {
  if (a === b) return true;
  const [s, l] = a.length <= b.length ? [a, b] : [b, a];
  return s.length >= 20 && l.startsWith(s) && s.length >= SAME_HEADLINE_SHARE * l.length;
};

const lineKey = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/** Collapse runs of blank lines to one and trim the ends. */
function joinParagraphs(lines: string[]): string {
  return lines.join('\n').replace(/\n{3,}/g, '\n\n').trim();
}

/**
 * Whitespace normalisation that never touches words: CRLF → LF, NBSP and other spaces → space,
 * zero-width spaces and soft hyphens removed, runs of spaces collapsed, lines trimmed,
 * blank-line runs collapsed to one.
 */
export function normaliseWhitespace(text: string): string {
  let t = text;
  // most texts need few of these rewrites: one scan for the rare characters skips four of them
  if (RARE_SPACE.test(t)) {
    t = t
      .replace(/\r\n?/g, '\n')
      .replace(/[\u200B\uFEFF\u00AD]/g, '')
      .replace(/[\t\f\v\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g, ' ')
      .replace(/[\u2028\u2029]/g, '\n');
  }
  if (t.includes('  ')) t = t.replace(/ {2,}/g, ' ');
  // spaces at a line's start or end (lines end at \n only, after the rewrites above)
  if (t.includes(' \n') || t.includes('\n ') || t.startsWith(' ') || t.endsWith(' ')) t = t.replace(/^ +| +$/gm, '');
  if (t.includes('\n\n\n')) t = t.replace(/\n{3,}/g, '\n\n');
  return t.trim();
}

/** Any character the first four rewrites of normaliseWhitespace change. */
const RARE_SPACE = /[\r\u200B\uFEFF\u00AD\t\f\v\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000\u2028\u2029]/;
