/**
 * @module The claim context: each sentence as a template where every mention and date is a slot
 * (`«P3»` person, `«W5»` work, `«C»` character, `«O»` organisation, `«L»` place, `«A»` award,
 * `«E»` event, `«D»` date; a quoted title's slot swallows its quote marks), so patterns read like
 * the sentences they match ("{W} stars {P} as {C}"). Template offsets map back to the text, which
 * gives every claim a real span inside its sentence.
 */
import type { Document } from '../../doc/document.js';
import type { ClaimArg, DateMention, DocClaim, Literal, Mention, Modality, Qualifiers, Sentence } from '../../model/types.js';
import { findQuotations } from '../quotes/find.js';
import { workText } from '../text.js';

export const EXTRACTOR = 'claims.patterns.v1';

export interface Slot {
  readonly kind: string;
  readonly start: number;
  readonly end: number;
  readonly mention?: Mention;
  readonly date?: DateMention;
  /** Template offsets of the slot. */
  readonly tplStart: number;
  readonly tplEnd: number;
}

export interface SentenceView {
  readonly sentence: Sentence;
  /** Working text of the sentence. */
  readonly text: string;
  readonly tpl: string;
  readonly slots: Slot[];
}

const KIND: Record<string, string> = { person: 'P', work: 'W', character: 'C', organization: 'O', place: 'L', award: 'A', event: 'E' };

/** Map a template offset to a document offset (`end` picks the end of a slot it falls inside). */
export function tplToDoc(v: SentenceView, o: number, end: boolean): number {
  let docPos = v.sentence.start;
  let tplPos = 0;
  for (const s of v.slots) {
    if (o < s.tplStart) return docPos + (o - tplPos);
    if (o <= s.tplEnd) {
      if (o === s.tplStart) return s.start;
      return end ? s.end : s.start;
    }
    docPos = s.end;
    tplPos = s.tplEnd;
  }
  return docPos + (o - tplPos);
}

/** First index in a start-sorted list whose start is >= `offset`. */
function lowerBound(xs: readonly { start: number }[], offset: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid].start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function buildView(text: string, sentence: Sentence, allMentions: readonly Mention[], allDates: readonly DateMention[], outer: Map<number, [number, number]>): SentenceView {
  const items: { start: number; end: number; kind: string; mention?: Mention; date?: DateMention }[] = [];
  const mentions = allMentions.slice(lowerBound(allMentions, sentence.start), lowerBound(allMentions, sentence.end));
  const dates = allDates.slice(lowerBound(allDates, sentence.start), lowerBound(allDates, sentence.end));
  for (const m of mentions) {
    if (m.start < sentence.start || m.end > sentence.end) continue;
    const o = outer.get(m.start);
    const [start, end] = o && o[0] >= sentence.start && o[1] <= sentence.end ? o : [m.start, m.end];
    items.push({ start, end, kind: KIND[m.type] ?? 'X', mention: m });
  }
  for (const d of dates) {
    if (d.start < sentence.start || d.end > sentence.end) continue;
    if (items.some((i) => d.start < i.end && d.end > i.start)) continue;
    items.push({ start: d.start, end: d.end, kind: 'D', date: d });
  }
  items.sort((a, b) => a.start - b.start);
  let tpl = '';
  let pos = sentence.start;
  const slots: Slot[] = [];
  for (const it of items) {
    if (it.start < pos) continue;
    tpl += text.slice(pos, it.start);
    const label = `«${it.kind}${slots.length}»`;
    slots.push({ kind: it.kind, start: it.start, end: it.end, mention: it.mention, date: it.date, tplStart: tpl.length, tplEnd: tpl.length + label.length });
    tpl += label;
    pos = it.end;
  }
  tpl += text.slice(pos, sentence.end);
  return { sentence, text: text.slice(sentence.start, sentence.end), tpl, slots };
}

/** Everything a claim pattern module sees. */
export class ClaimContext {
  readonly text: string;
  readonly views: SentenceView[];
  readonly mentions: readonly Mention[];
  readonly claims: DocClaim[] = [];
  /** The work the article is about (most-mentioned film or series), if any. */
  readonly mainWork?: Mention;
  private readonly seen = new Set<string>();
  /** Mentions this context read as works although the mention layer typed them otherwise. */
  private readonly retyped = new Set<string>();

  constructor(readonly doc: Document) {
    this.text = workText(doc);
    const boxOffice = /\bbox[- ]office\b/i.test(`${doc.meta.title ?? ''} ${this.text.slice(0, 400)}`);
    this.mentions = retypeWorks(this.text, doc.get('mentions'), this.retyped, boxOffice);
    const dates = doc.get('dates');
    const outer = new Map<number, [number, number]>();
    for (const q of findQuotations(this.text)) if (q.kind === 'title') outer.set(q.start, [q.outerStart, q.outerEnd]);
    this.views = doc.get('sentences').map((s) => buildView(this.text, s, this.mentions, dates, outer));
    const counts = new Map<string, { n: number; m: Mention }>();
    for (const m of this.mentions) {
      if (m.type !== 'work' || (m.subtype !== 'film' && m.subtype !== 'series')) continue;
      const e = counts.get(m.canonical) ?? { n: 0, m };
      e.n++;
      counts.set(m.canonical, e);
    }
    this.mainWork = [...counts.values()].sort((a, b) => b.n - a.n || a.m.start - b.m.start)[0]?.m;
  }

  /** The slot with template index `i` (from a `«K<i>»` capture). */
  slot(v: SentenceView, i: string | number): Slot {
    return v.slots[Number(i)];
  }

  /** The most recent work mention before sentence `index` (within `back` sentences) matching `pred`. */
  recentWork(index: number, pred: (m: Mention) => boolean, back = 3): Mention | undefined {
    for (let k = index; k >= Math.max(0, index - back); k--) {
      const ws = this.views[k].slots.filter((s) => s.mention?.type === 'work' && pred(s.mention));
      if (ws.length > 0) return (k === index ? ws[0] : ws[ws.length - 1]).mention;
    }
    return undefined;
  }

  /** A mention as a claim argument. */
  arg(m: Mention): ClaimArg {
    // a retyped mention resolves by name and type, not through the mention's own (person) group
    if (this.retyped.has(m.id)) return { name: m.canonical, type: m.type, ...(m.subtype ? { subtype: m.subtype } : {}) };
    return { mention: m.id, name: m.canonical, type: m.type, ...(m.subtype ? { subtype: m.subtype } : {}) };
  }

  /** Record a claim; `tplStart`/`tplEnd` delimit its evidence in the sentence template. */
  emit(v: SentenceView, c: { predicate: string; subject: ClaimArg; object: ClaimArg | Literal; qualifiers?: Qualifiers; modality?: Modality; confidence: number; tplStart?: number; tplEnd?: number; start?: number; end?: number }): void {
    if (!c.subject.name.trim()) return;
    if ('name' in c.object && !c.object.name.trim()) return;
    if ('value' in c.object && !c.object.value.trim()) return;
    if ('name' in c.object && c.object.name === c.subject.name && c.object.type === c.subject.type && c.object.subtype === c.subject.subtype) return;
    let start = c.start ?? (c.tplStart === undefined ? v.sentence.start : tplToDoc(v, c.tplStart, false));
    let end = c.end ?? (c.tplEnd === undefined ? v.sentence.end : tplToDoc(v, c.tplEnd, true));
    start = Math.max(v.sentence.start, Math.min(start, v.sentence.end));
    end = Math.max(start, Math.min(end, v.sentence.end));
    while (start < end && /[\s,;:—–-]/.test(this.text[start])) start++;
    while (end > start && /[\s,;:—–-]/.test(this.text[end - 1])) end--;
    if (end <= start) {
      start = v.sentence.start;
      end = v.sentence.end;
    }
    const obj = 'name' in c.object ? `${c.object.type}:${c.object.name}:${c.object.subtype ?? ''}` : c.object.value;
    const key = `${c.predicate}|${c.subject.name}|${c.subject.subtype ?? ''}|${obj}|${JSON.stringify(c.qualifiers ?? {})}|${start}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.claims.push({
      predicate: c.predicate,
      subject: c.subject,
      object: c.object,
      qualifiers: c.qualifiers ?? {},
      modality: c.modality ?? modalityAround(this.text, v.sentence.start, start, end),
      confidence: c.confidence,
      span: { start, end },
      sentence: { start: v.sentence.start, end: v.sentence.end },
      extractor: EXTRACTOR,
    });
  }
}

/**
 * A name followed by an appositive that calls it a film ("Stone Country, the neo-western directed
 * by ...", "X, the Oscar-winning drama, ...") is a film, whatever the mention layer guessed: the
 * head noun must end the noun phrase, so "Tom Hanks, the film star" stays a person.
 */
const FILM_APPOSITIVE = /^,\s+(?:the|a|an)\s+(?:[\p{L}-]+\s+){0,3}?(?:film|movie|western|neo-western|drama|thriller|comedy|romcom|musical|documentary|blockbuster|sequel|prequel|biopic|horror|animation|sitcom|miniseries)(?=\s*(?:[,.;:—–]|\s(?:directed|produced|written|starring|that|which|about|from|by|based|in\s+which|co-starring)\b))/u;

/** What a film does in a box-office report: takes money, moves between chart places. */
const CHART_VERB = /^,?\s+(?:also\s+|has\s+|had\s+)?(?:took|taken|taking|grossed|earned|made|led|opened|fell|slipped|dropped|rose|climbed|moved|came|entered|debuted|remained|stayed|was)\s+(?:[\w-]+\s+){0,4}?(?:[$£€]\s?\d|number\s+\w+|No\.\s?\d|(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\s+(?:place|position)|(?:to|at|in)\s+(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\b)/;
/** What may stand before a film that opens its clause: a sentence start, "while", a genre noun ("road-trip comedy"), an owner ("Eastwood's"). */
const CLAUSE_OPENING = /(?:^|[.!?]["'’”]?\s+|\n|;\s*|\bwhile\s+|\bwhereas\s+|\bbut\s+|\b(?:film|movie|comedy|drama|thriller|hit|blockbuster|sequel|adventure|biopic|remake|horror|animation|western|epic|musical)\s+|[\p{Lu}][\p{L}.-]*['’]s\s+)$/u;
/** "X, author Ian Fleming's first James Bond book": the name is the book. */
const BOOK_APPOSITIVE = /^,\s+(?:author|novelist|writer)\s+[\p{Lu}][\p{L}.'’-]*(?:\s+[\p{Lu}][\p{L}.'’-]*){0,3}['’]s\s+(?:[\p{L}-]+\s+){0,4}?(novel|book|memoir)\b/u;
/** "after his song, Like Toy Soldiers, stormed ...", "her new single X": a kind noun right before the name. */
const KIND_BEFORE = /\b(?:his|her|their|its|the|a|new|latest|debut|hit|current)\s+(?:new\s+|latest\s+|debut\s+|hit\s+|current\s+)?(?:(song|single|track|album)\s*,?\s*|(novel|book|film|movie)\s+)$/;
const KIND_SUBTYPE: Record<string, string> = { song: 'song', single: 'song', track: 'song', album: 'album', novel: 'novel', book: 'novel', film: 'film', movie: 'film' };

/**
 * Names the mention layer typed as people that the sentence itself calls a work: a film appositive
 * ("Stone Country, the neo-western directed by ..."), a book appositive ("Casino Royale, author
 * Ian Fleming's first James Bond book"), or a kind noun just before ("his song, Like Toy Soldiers,").
 * Every mention of that name in the document is re-read as the work; names also introduced by a
 * role noun ("actor X") stay people.
 */
function retypeWorks(text: string, mentions: readonly Mention[], retyped: Set<string>, boxOffice = false): readonly Mention[] {
  const kinds = new Map<string, string>();
  for (const m of mentions) {
    if (m.type !== 'person' || m.detector === 'coref-pronoun' || m.detector === 'names-role' || m.detector === 'coref-descriptor') continue;
    const after = text.slice(m.end, m.end + 100);
    if (FILM_APPOSITIVE.test(after)) kinds.set(m.canonical, 'film');
    // in a box-office report, a "name" that opens its clause and takes money or a chart place is a
    // film ("... while Coach Carter fell two places to number four"); so is a name possessed by a name
    // ("Clint Eastwood's Million Dollar Baby led ... with $11.8m"). A name after "starring", "with",
    // "and" or a comma list is a cast member, never the film.
    else if (boxOffice && /\s/.test(m.canonical) && CHART_VERB.test(after) && CLAUSE_OPENING.test(text.slice(Math.max(0, m.start - 40), m.start))) kinds.set(m.canonical, 'film');
    else {
      const book = BOOK_APPOSITIVE.exec(after);
      const before = KIND_BEFORE.exec(text.slice(Math.max(0, m.start - 40), m.start));
      if (book) kinds.set(m.canonical, 'novel');
      // a one-word "name" after "his song" is too thin to retype a person ("her husband, Tom")
      // "after his song, X, stormed": an appositive is closed by a comma too; "After releasing her
      // debut album, Sofia Carson releases" is a subject after an opening clause, not an appositive
      else if (before && /\s/.test(m.canonical) && (!/,\s*$/.test(before[0]) || /^\s*,/.test(after))) kinds.set(m.canonical, KIND_SUBTYPE[before[1] ?? before[2]]);
    }
  }
  if (kinds.size === 0) return mentions;
  // a name that is also introduced by a role noun ("actor X") is a person after all
  for (const m of mentions) if (m.type === 'person' && m.detector === 'names-role' && kinds.has(m.canonical)) kinds.delete(m.canonical);
  return mentions.map((m) => {
    const kind = kinds.get(m.canonical);
    if (m.type !== 'person' || !kind || m.detector === 'coref-pronoun' || m.detector === 'coref-descriptor') return m;
    retyped.add(m.id);
    return { ...m, type: 'work', subtype: kind, detector: `${m.detector}+${kind}-cue` };
  });
}

/** A pattern module: reads the context, emits claims through `ctx.emit`. */
export type PatternModule = (ctx: ClaimContext) => void;

/** Turn a readable pattern into a RegExp: `{P}` `{W}` `{C}` `{O}` `{L}` `{A}` `{D}` `{X}` capture slot indexes. */
export function pattern(src: string, flags = 'gu'): RegExp {
  const body = src
    .replace(/(?<!\\p)\{([PWCOLAEDX])\+\}/g, (_, k: string) => `((?:«${k}\\d+»)(?:(?:\\s*,\\s*(?:and\\s+)?|,?\\s+and\\s+|\\s+)«${k}\\d+»)*)`)
    .replace(/(?<!\\p)\{([PWCOLAED])\}/g, (_, k: string) => `«${k}(\\d+)»`)
    .replace(/(?<!\\p)\{X\}/g, '«[A-Z](\\d+)»');
  return new RegExp(body, flags);
}

/** Slot indexes listed in a `{K+}` capture. */
export function listSlots(capture: string): number[] {
  return [...capture.matchAll(/«[A-Z](\d+)»/g)].map((m) => Number(m[1]));
}

/** How far before the evidence a hedge or source cue still governs it ("According to Tudum, it was ..."). */
const MODALITY_WINDOW_CHARS = 40;

/** Modality of the evidence [start, end) with the few words before it in its sentence. */
export function modalityAround(text: string, sentenceStart: number, start: number, end: number): Modality {
  const evidence = text.slice(start, end);
  const window = text.slice(Math.max(sentenceStart, start - MODALITY_WINDOW_CHARS), end);
  if (/\b(?:not|n't|never|no longer|denied|denies|failed to)\b/i.test(evidence)) return 'negated';
  if (SPECULATIVE.test(window)) return 'speculative';
  if (REPORTED.test(window) || REPORTED.test(text.slice(sentenceStart, start).split(/[,;]/)[0] ?? '')) return 'reported';
  return 'asserted';
}

// case-sensitive on purpose: "May" the month is no hedge
const SPECULATIVE = /\b(?:[Mm]ight|may(?!\s+(?:look|seem|sound|recogni[sz]e|remember|know))|[Cc]ould|[Rr]umou?r(?:s|ed)?|[Pp]otential(?:ly)?|[Pp]ossible|[Pp]ossibly|would|expected to|[Ll]ikely|linked to|tipped to|considering|in the works|in talks|talks)\b/;
const REPORTED = /\b(?:according to|reportedly|reported|is said to|are said to|sources|allegedly)\b/i;

/** Modality of a claim from its sentence and evidence text. */
export function modalityOf(sentence: string, evidence: string): Modality {
  if (/\b(?:not|n't|never|no longer|denied|denies|failed to)\b/i.test(evidence)) return 'negated';
  if (/\b(?:might|may|could|rumou?r(?:s|ed)?|potential(?:ly)?|possible|possibly|would|expected to|likely|linked to|tipped to|considering|in the works|in talks|talks)\b/i.test(sentence)) return 'speculative';
  if (/\b(?:according to|reportedly|reported|is said to|are said to|sources|allegedly)\b/i.test(sentence)) return 'reported';
  return 'asserted';
}
