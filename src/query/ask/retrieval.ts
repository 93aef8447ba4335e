/**
 * @module Retrieval fallback: when typed facts do not cover a question, rank sentences by FTS5
 * BM25 plus entity overlap and keyword coverage, and return the best one as support, marked
 * `support: 'retrieval'` with a low confidence. It must not bluff: every resolved entity of the
 * question must appear in the sentence, and enough of the question's content words too.
 */
import { aliasKey } from '../../resolve/normalize.js';
import type { Entity, SentenceHit, Store } from '../../store/store.js';
import type { AnswerItem } from '../../engine/types.js';
import type { Evidence } from '../../model/types.js';

/** Sentences taken from full-text search before re-ranking. */
const RETRIEVAL_CANDIDATES = 40;
/**
 * Share of the question's content words (beyond entity names) a sentence must contain. Half lets
 * "How many hours did Purple Hearts get?" find "220.61 million hours of watch time" (hours: 1 of
 * 1 content word) while "Who composed the score for Purple Hearts?" finds nothing in the seeds.
 */
export const MIN_KEYWORD_COVERAGE_RATIO = 0.5;
/** Stricter coverage when the question names no known entity (nothing anchors the sentence). */
export const MIN_KEYWORD_COVERAGE_NO_ENTITY_RATIO = 0.8;
/** At least this many content words must match when no entity anchors the sentence. */
const MIN_KEYWORDS_NO_ENTITY = 2;
/** Retrieval answers are a best sentence, not a fact: their confidence stays below this. */
export const RETRIEVAL_MAX_CONFIDENCE = 0.4;
/**
 * Entities named in at most this many documents are searched by reading those documents'
 * sentences instead of full-text search (bounded work; BM25 over 10k articles costs ~100 ms).
 */
const ENTITY_SCAN_MAX_DOCUMENTS = 40;
/**
 * When a phrase search already found this many sentences naming the phrase and none answers, a
 * second full-text query (phrase + keywords, ~50-150 ms on 10k articles) is not worth its cost.
 */
const SEED_ENOUGH_SENTENCES = 10;
/** Score factor when an entity is named only in the sentence before the hit (a reference back). */
const PREVIOUS_SENTENCE_ANCHOR_RATIO = 0.8;
/** Shortest stem left after suffix stripping (keeps "sings" → "sing", not "news" → "new"). */
const MIN_STEM_CHARS = 4;

const STOPWORDS = new Set(
  (
    'a an the of in on at to for from by with about as and or but not no is are was were be been being am do does did done ' +
    'has have had having will would can could should shall may might must it its it\'s this that these those there their ' +
    'they them he him his she her hers i me my we us our you your who whom whose what which when where why how ' +
    'much many long any some all also actually really ever still just get got gets getting make made go going come came ' +
    'than then so if into over up out like one ones tell know think say said film movie song show series novel book'
  ).split(/\s+/),
);

/** Content words of a text (lowercase, stopwords out). */
export function contentWords(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+(?:'[\p{L}]+)?/gu) ?? [])
    .map((w) => w.replace(/'s$/, ''))
    .filter((w) => w.length > 1 && !STOPWORDS.has(w));
}

/**
 * Light suffix stripping so "premiered" ~ "premiere", "singing" ~ "sings", "directed" ~
 * "director", while "official" stays apart from "office" (a fixed-length prefix stem conflated
 * them) and "player" apart from "plays" (no -er: agent nouns drift from their verbs).
 */
export function stem(word: string): string {
  let w = word.toLowerCase();
  const irregular = IRREGULAR[w];
  if (irregular) return irregular;
  for (const suffix of ['ings', 'ing', 'ors', 'ied', 'ies', 'ed', 'or', 'es', 's', 'ly']) {
    if (w.endsWith(suffix) && w.length - suffix.length >= MIN_STEM_CHARS) {
      w = w.slice(0, -suffix.length) + (suffix === 'ied' || suffix === 'ies' ? 'y' : '');
      break;
    }
  }
  if (w.endsWith('e') && w.length - 1 >= MIN_STEM_CHARS) w = w.slice(0, -1);
  // "starred" → "starr" → "star", "winning" → "winn" → "win".
  if (/([bdgmnprt])\1$/.test(w) && w !== word.toLowerCase()) w = w.slice(0, -1);
  return w;
}

/** Irregular verb forms people ask with and articles answer with: "wrote" ~ "written". */
const IRREGULAR: Record<string, string> = Object.fromEntries(
  [
    ['write', 'wrote', 'written', 'writes', 'writing'],
    ['sing', 'sang', 'sung', 'sings', 'singing'],
    ['take', 'took', 'taken', 'takes', 'taking'],
    ['win', 'won', 'wins', 'winning'],
    ['make', 'made', 'makes', 'making'],
    ['shoot', 'shot', 'shoots', 'shooting'],
    ['begin', 'began', 'begun', 'begins', 'beginning'],
    ['sell', 'sold', 'sells', 'selling'],
    ['spend', 'spent', 'spends', 'spending'],
    ['give', 'gave', 'given', 'gives'],
    ['leave', 'left', 'leaves', 'leaving'],
    ['buy', 'bought', 'buys'],
    ['pay', 'paid', 'pays'],
  ].flatMap(([base, ...forms]) => [[base, base], ...forms.map((f) => [f, base])]),
);

/** True when some name of the entity occurs in the sentence as whole words. */
function mentionsEntity(sentenceKey: string, names: readonly string[]): boolean {
  return names.some((n) => {
    const k = aliasKey(n);
    return k.length > 1 && sentenceKey.includes(` ${k} `);
  });
}

export interface RetrievalResult {
  item: AnswerItem;
  coverage: number;
  hit: SentenceHit;
}

/**
 * Best supporting sentence for a question, or null when no sentence passes the thresholds.
 * @param entities entities the question names (all must occur in the sentence)
 * @param exclude words not to count as keywords (entity names, character names)
 */
export function retrieveSentence(
  store: Store,
  question: string,
  entities: readonly Entity[],
  exclude: readonly string[] = [],
  /** Phrases that must occur verbatim (as whole words) in the sentence, e.g. the character asked about. */
  required: readonly string[] = [],
  /** Filled in: whether some candidate sentence contained every required phrase and entity. */
  stats?: { phraseSeen: boolean },
  /** Candidate sentences already fetched (by phraseHits): ranked before any new search. */
  seed: readonly SentenceHit[] & { complete?: boolean } = [],
): RetrievalResult | null {
  const names = entities.map((e) => [e.name, ...store.entityAliases(e.id)]);
  const excluded = new Set([...names.flat(), ...exclude, ...required].flatMap((n) => contentWords(n)));
  const keywords = [...new Set(contentWords(question).filter((w) => !excluded.has(w)))];
  // A required phrase anchors the sentence as an entity does.
  const anchored = entities.length > 0 || required.length > 0;
  const needCoverage = anchored ? MIN_KEYWORD_COVERAGE_RATIO : MIN_KEYWORD_COVERAGE_NO_ENTITY_RATIO;
  if (!anchored && keywords.length < MIN_KEYWORDS_NO_ENTITY) return null;
  // With no content word beyond the names ("What did X say about Y?"), any sentence naming them
  // would pass: that is co-occurrence, not an answer.
  if (keywords.length === 0) return null;

  const docs = new Map<string, string>();
  const docText = (id: string): string => {
    if (!docs.has(id)) docs.set(id, store.getDocument(id)?.text ?? '');
    return docs.get(id)!;
  };
  const sentenceCache = new Map<string, { start: number; end: number }[]>();
  const sentencesOf = (docId: string) => {
    let ss = sentenceCache.get(docId);
    if (!ss) {
      ss = store.documentSentences(docId);
      sentenceCache.set(docId, ss);
    }
    return ss;
  };
  const hits = new Map<string, SentenceHit>();
  const add = (h: SentenceHit) => {
    const k = `${h.docId}:${h.start}`;
    if (!hits.has(k)) hits.set(k, h);
  };
  // Candidates: every sentence of the documents of the rarest named entity when it has few of
  // them (entity overlap, no full-text scan: fast on large knowledge bases and immune to common
  // words); otherwise one BM25 query over names and keywords.
  const rarest = [...entities].sort((a, b) => a.documentCount - b.documentCount)[0];
  // Entities sharing its name (the film and the franchise "Harry Potter") may hold the sentence.
  const namesakes = rarest ? [rarest, ...store.findEntitiesByAlias(aliasKey(rarest.name)).filter((e) => e.id !== rarest.id)] : [];
  const scanned = namesakes.reduce((n, e) => n + e.documentCount, 0);
  const anchors = [...entities.map((e) => e.name), ...required];
  const queries: string[] = [];
  for (const h of seed) add(h);
  if (seed.length > 0) {
    // Seeded by a phrase search: one more query only if nothing seeded passes and the phrase
    // search may have left sentences out.
    if (!seed.complete && seed.length < SEED_ENOUGH_SENTENCES) queries.push('', [...anchors, ...keywords].join(' '));
  } else if (rarest && scanned <= ENTITY_SCAN_MAX_DOCUMENTS) {
    for (const e of namesakes) {
      for (const d of store.entityDocuments(e.id, ENTITY_SCAN_MAX_DOCUMENTS)) {
        if (docs.has(d.id)) continue;
        docs.set(d.id, d.text);
        for (const x of sentencesOf(d.id)) add({ docId: d.id, start: x.start, end: x.end, text: d.text.slice(x.start, x.end), score: 0 });
      }
    }
  } else {
    queries.push([...anchors, ...keywords].join(' '), anchors.join(' '));
  }
  for (const q of queries.slice(0, 1)) if (q) for (const h of store.searchSentences(q, RETRIEVAL_CANDIDATES)) add(h);
  if (hits.size === 0) return null;
  const maxScore = Math.max(...[...hits.values()].map((h) => h.score), 1e-9);

  // An entity is in a sentence when one of its names is, or when a resolved mention inside the
  // sentence points at it ("the singer performed the song live" after coreference).
  const mentionCache = new Map<string, { start: number; end: number; entityId: string }[]>();
  const mentionedIn = (hit: SentenceHit, entityId: string): boolean => {
    let ms = mentionCache.get(hit.docId);
    if (!ms) {
      ms = store.documentMentions(hit.docId);
      mentionCache.set(hit.docId, ms);
    }
    return ms.some((m) => m.entityId === entityId && m.start >= hit.start && m.end <= hit.end);
  };
  // The sentence before may carry the name that the hit refers back to ("... Grief Never Grows
  // Old ... . Featuring X, the song was written by Y."): accepted at a lower score.
  const previousText = (hit: SentenceHit): string => {
    const prev = previousSpan(hit, sentencesOf(hit.docId));
    return prev ? docText(hit.docId).slice(prev.start, prev.end) : '';
  };
  let best: { hit: SentenceHit; score: number; coverage: number; viaPrevious: boolean } | null = null;
  const rank = (pool: Iterable<SentenceHit>) => {
    for (const hit of pool) {
      const key = ` ${aliasKey(hit.text)} `;
      let anchorPenalty = 1;
      const inSentence = (e: Entity, i: number) => mentionsEntity(key, names[i]) || mentionedIn(hit, e.id);
      if (!entities.every(inSentence)) {
        // Not with required phrases: "who plays <character> in <work>" needs both in one sentence.
        if (required.length > 0) continue;
        const prevKey = ` ${aliasKey(previousText(hit))} `;
        if (!entities.every((e, i) => inSentence(e, i) || mentionsEntity(prevKey, names[i]))) continue;
        anchorPenalty = PREVIOUS_SENTENCE_ANCHOR_RATIO;
      }
      if (!required.every((r) => mentionsEntity(key, [r]))) continue;
      if (stats) stats.phraseSeen = true;
      const words = new Set(contentWords(hit.text).map(stem));
      const matched = keywords.filter((w) => words.has(stem(w))).length;
      const coverage = matched / keywords.length;
      if (coverage < needCoverage) continue;
      if (!anchored && matched < MIN_KEYWORDS_NO_ENTITY) continue;
      if (anchorPenalty === 1 && !sameClause(hit.text, [...names.filter((ns) => mentionsEntity(key, ns)), ...required.map((r) => [r])], keywords)) continue;
      // Ties (scanned sentences have no BM25 score) go to the denser sentence.
      const score = (coverage + 0.5 * (hit.score / maxScore) + 0.1 * (matched / Math.max(1, words.size))) * anchorPenalty;
      if (!best || score > best.score) best = { hit, score, coverage, viaPrevious: anchorPenalty < 1 };
    }
  };
  rank(hits.values());
  // One more full-text query, on the names alone, when the first found nothing that passes.
  if (!best && queries.length > 1 && queries[1] !== queries[0]) {
    const more: SentenceHit[] = [];
    for (const h of store.searchSentences(queries[1], RETRIEVAL_CANDIDATES)) if (!hits.has(`${h.docId}:${h.start}`)) more.push(h);
    rank(more);
  }
  const found = best as { hit: SentenceHit; score: number; coverage: number; viaPrevious: boolean } | null;
  if (!found) return null;
  best = found;
  const doc = store.getDocument(best.hit.docId);
  if (!doc) return null;
  const sentence = doc.text.slice(best.hit.start, best.hit.end);
  const evidence: Evidence = {
    document: { id: doc.id, title: doc.title, source: doc.source, url: doc.url, date: doc.date },
    start: best.hit.start,
    end: best.hit.end,
    quote: sentence,
    sentence,
    sentenceStart: best.hit.start,
  };
  const confidence = Math.round(RETRIEVAL_MAX_CONFIDENCE * (0.5 + 0.5 * best.coverage) * (best.viaPrevious ? PREVIOUS_SENTENCE_ANCHOR_RATIO : 1) * 1000) / 1000;
  const evidences = [evidence];
  const prev = best.viaPrevious ? previousSpan(best.hit, sentenceCache.get(best.hit.docId) ?? []) : undefined;
  if (prev) {
    // The sentence that names the entity the answer refers back to, cited too.
    const text = doc.text.slice(prev.start, prev.end);
    evidences.unshift({ ...evidence, start: prev.start, end: prev.end, quote: text, sentence: text, sentenceStart: prev.start });
  }
  return {
    item: { value: sentence.trim(), confidence, evidence: evidences, support: 'retrieval' },
    coverage: best.coverage,
    hit: best.hit,
  };
}

/**
 * Clause boundaries inside a sentence: semicolons, dashes and contrastive conjunctions. Not commas:
 * "Ocean's Twelve, the crime caper sequel starring George Clooney, ..." keeps name and keyword apart
 * by an appositive comma and still answers who stars in it.
 */
const CLAUSE_BREAK = /;|\s[-\u2013\u2014]\s|\b(?:while|whereas|but|although|though)\b/i;

/**
 * Some clause holds both a name written in the sentence and a keyword: "Best film went to Stone
 * Country, while Marisol Vance was named best director for Paper Lanterns" does not answer who
 * directed Stone Country. Names present only through resolved mentions ("she") are not checked.
 */
function sameClause(sentence: string, anchors: readonly (readonly string[])[], keywords: readonly string[]): boolean {
  if (anchors.length === 0 || keywords.length === 0) return true;
  const stems = new Set(keywords.map(stem));
  return sentence.split(CLAUSE_BREAK).some((clause) => {
    const key = ` ${aliasKey(clause)} `;
    return anchors.some((ns) => mentionsEntity(key, ns)) && contentWords(clause).some((w) => stems.has(stem(w)));
  });
}

/** The sentence that ends before the hit starts, if any. */
function previousSpan(hit: SentenceHit, sentences: readonly { start: number; end: number }[]): { start: number; end: number } | undefined {
  let prev: { start: number; end: number } | undefined;
  for (const x of sentences) if (x.end <= hit.start && (!prev || x.end > prev.end)) prev = x;
  return prev;
}

/**
 * Stored sentences that contain the phrase as whole words (a name the extractor missed), from one
 * search. The array's `complete` flag says the search returned fewer rows than asked: every
 * sentence with the phrase's words is in it, so no further search can find more.
 */
export function phraseHits(store: Store, phrase: string): SentenceHit[] & { complete?: boolean } {
  const key = aliasKey(phrase);
  if (key.length < 2) return [];
  const raw = store.searchSentences(phrase, RETRIEVAL_CANDIDATES);
  const hits: SentenceHit[] & { complete?: boolean } = raw.filter((h) => ` ${aliasKey(h.text)} `.includes(` ${key} `));
  hits.complete = raw.length < RETRIEVAL_CANDIDATES;
  return hits;
}

/** True when some stored sentence contains the phrase as whole words. */
export function textMentions(store: Store, phrase: string): boolean {
  return phraseHits(store, phrase).length > 0;
}
