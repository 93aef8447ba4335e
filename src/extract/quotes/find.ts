/**
 * @module Finding quotations in text: “curly”, "straight" and ‘single curly’ pairs, each classified
 * as a title (“Come Back Home,”) or speech (“There are conversations. That’s all I’ll say,”).
 * Shared by the mentions stage (titles; no pronoun resolution inside speech) and the quotes stage.
 */

export interface Quotation {
  /** Span of the inner text (without the marks; trailing title punctuation removed for titles). */
  readonly start: number;
  readonly end: number;
  /** Span including the quote marks. */
  readonly outerStart: number;
  readonly outerEnd: number;
  readonly text: string;
  readonly kind: 'title' | 'speech' | 'phrase';
}

/** A title has at most this many words ("Pretty Little Liars: The Perfectionists" has 5). */
const MAX_TITLE_WORDS = 9;
/** Speech quotes are at least this many words; shorter lowercase quotes are scare quotes (“pivotal”). */
const MIN_SPEECH_WORDS = 4;

const SMALL_WORDS = new Set(['a', 'an', 'the', 'of', 'to', 'in', 'on', 'at', 'for', 'from', 'and', 'or', 'but', 'with', 'by', 'is', 'my', 'me', 'it', 'we', 'you', 'your', 'our', 'de', 'la', 'le', 'vs', 'as', 'up', 'out', 'all']);

// Precompiled once: the three kinds of quotation pairs.
const CURLY = /“([^“”\n]{1,2000})”/g;
const STRAIGHT = /"([^"\n]{1,2000})"/g;
const SINGLE = /(?<![\p{L}\p{N}])‘([^‘’\n]{1,120}?)’(?![\p{L}\p{N}])/gu;

/** Whether an inner quotation reads as a title: short, title case, no sentence inside. */
export function looksLikeTitle(inner: string): boolean {
  const t = inner.replace(/[,.?!;:]+$/u, '').trim();
  if (t.length === 0 || !/^[\p{Lu}\p{N}]/u.test(t)) return false;
  const words = t.split(/\s+/);
  if (words.length > MAX_TITLE_WORDS) return false;
  if (/[.!?]\s/.test(t)) return false;
  let caps = 0;
  let content = 0;
  for (const w of words) {
    const bare = w.replace(/^[^\p{L}\p{N}]+/u, '');
    if (bare === '') continue;
    if (SMALL_WORDS.has(bare.toLowerCase()) && caps > 0) continue;
    content++;
    if (/^[\p{Lu}\p{N}]/u.test(bare)) caps++;
  }
  return content > 0 && caps / content >= 0.75;
}

/**
 * Every quotation in `text`, in order, without overlaps (curly quotes win over straight ones).
 * @param text - the document text.
 */
export function findQuotations(text: string): Quotation[] {
  const out: Quotation[] = [];
  const taken: [number, number][] = [];
  const titles: [number, number][] = [];
  const overlaps = (a: number, b: number) => taken.some(([s, e]) => a < e && b > s);
  for (const re of [CURLY, STRAIGHT, SINGLE]) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) {
      const outerStart = m.index;
      const outerEnd = m.index + m[0].length;
      // single curly quotes mark titles, also inside a speech quotation (“... performing ‘Come Back Home’ ...”)
      if (re === SINGLE ? titles.some(([s, e]) => outerStart < e && outerEnd > s) : overlaps(outerStart, outerEnd)) continue;
      const inner = m[1];
      let start = outerStart + 1;
      let end = outerEnd - 1;
      let kind: Quotation['kind'];
      if (looksLikeTitle(inner)) {
        kind = 'title';
        const trimmed = inner.replace(/[,.?!;:\s]+$/u, '');
        const lead = inner.length - inner.trimStart().length;
        start += lead;
        end = outerStart + 1 + trimmed.length;
      } else {
        const words = inner.trim().split(/\s+/).length;
        kind = words >= MIN_SPEECH_WORDS ? 'speech' : 'phrase';
        const lead = inner.length - inner.trimStart().length;
        start += lead;
        // a trailing comma belongs to the sentence around the quote (“…, ” she said), not to the words
        end = outerStart + 1 + inner.trimEnd().replace(/,$/, '').length;
      }
      if (end <= start) continue;
      if (re === SINGLE && kind !== 'title') continue;
      taken.push([outerStart, outerEnd]);
      if (kind === 'title') titles.push([outerStart, outerEnd]);
      out.push({ start, end, outerStart, outerEnd, text: text.slice(start, end), kind });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
