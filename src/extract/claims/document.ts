/**
 * @module Document-level inference, as a reader of an encyclopedic article does it: claims that
 * no single sentence states but the article as a whole does. In an article about an album by X
 * released on label L, the songs it names are performed by X and released on L, and X records
 * for L; a song's label is also its album's and its performer's. Every inferred claim cites the
 * sentence that names its subject (quote === text span), carries the qualifier
 * `via: 'document'`, and takes the modality of that sentence.
 */
import type { ClaimArg, DocClaim } from '../../model/types.js';
import { modalityOf, type ClaimContext, type SentenceView, type Slot } from './context.js';
import { topicOf, type Topic } from './encyclopedic.js';

export const VIA_DOCUMENT = { via: 'document' } as const;

const objectName = (c: DocClaim) => ('name' in c.object ? c.object.name : c.object.value);

/** The sentence view a claim was stated in. */
function viewOf(ctx: ClaimContext, c: DocClaim): SentenceView | undefined {
  return ctx.views.find((v) => v.sentence.start === c.sentence.start);
}

/** Re-state `c`'s evidence for another claim (same sentence, same span). */
function emitAt(ctx: ClaimContext, c: DocClaim, claim: { predicate: string; subject: ClaimArg; object: ClaimArg }, confidence: number): void {
  const v = viewOf(ctx, c);
  if (!v || stated(ctx, claim.predicate, claim.subject.name, claim.object.name)) return;
  ctx.emit(v, { ...claim, qualifiers: { ...VIA_DOCUMENT }, modality: c.modality, confidence, start: c.span.start, end: c.span.end });
}

/** True when some claim already states predicate(subject, object). */
function stated(ctx: ClaimContext, predicate: string, subject: string, object: string): boolean {
  return ctx.claims.some((c) => c.predicate === predicate && c.subject.name === subject && 'name' in c.object && c.object.name === object);
}

/** Document-level inference (see module doc). Runs after the sentence pattern modules. */
export function documentPatterns(ctx: ClaimContext): void {
  const topic = topicOf(ctx);
  if (!topic) return;
  if (topic.kind === 'album' || topic.kind === 'song' || topic.kind === 'musician') musicInference(ctx, topic);
}

const titleOf = (ctx: ClaimContext, s: Slot) => ctx.text.slice(s.start, s.end).replace(/^["“]|["”]$/g, '').replace(/[.,;:!?]+$/, '').trim();

/** A quoted title in a sentence that credits it to someone else: "Windy" by The Association, covered by. */
const OTHER_CREDIT = /^\s*,?\s*(?:by|from|originally|as recorded by|performed by|written by)\b/;
/** A quoted name of a list or chart: "Paste magazine's "The 100 Best Indie Folk Albums" list". */
const NOT_A_TRACK = /^\s*(?:list|ranking|poll|chart|countdown|award|tour|festival)\b/;
const COVER_SENTENCE = /\b(?:cover(?:ed|s)?|originally (?:recorded|performed|released)|tribute|sampl(?:e|ed|es)|remix(?:ed)?)\b/i;

function musicInference(ctx: ClaimContext, topic: Topic): void {
  const claims = [...ctx.claims];
  const about = (c: DocClaim, predicate: string, name: string) => c.predicate === predicate && c.subject.name === name && 'name' in c.object && c.modality !== 'negated';
  const performers = new Map<string, ClaimArg>();
  const labels: DocClaim[] = [];
  if (topic.kind === 'musician') performers.set(topic.name, { name: topic.name, type: 'person' });
  for (const c of claims) {
    if (topic.kind !== 'musician' && about(c, 'performer', topic.name)) performers.set(objectName(c), c.object as ClaimArg);
    if (about(c, 'record_label', topic.name)) labels.push(c);
  }
  const performerNames = new Set(performers.keys());
  // someone else's work named in the article: it has another performer
  const otherWork = new Set(claims.filter((c) => c.predicate === 'performer' && !performerNames.has(objectName(c))).map((c) => c.subject.name));

  // the performer records for the label of the topic release
  if (topic.kind !== 'musician') for (const l of labels) for (const p of performers.values()) if (p.name !== objectName(l)) emitAt(ctx, l, { predicate: 'record_label', subject: p, object: l.object as ClaimArg }, 0.55);

  if (topic.kind === 'album' && performers.size > 0) {
    // the songs an album article names are the album's tracks
    ctx.views.forEach((v) => {
      if (COVER_SENTENCE.test(v.text)) return;
      const modality = modalityOf(v.text, v.text);
      for (const s of v.slots) {
        if (s.kind !== 'W' || s.mention?.detector !== 'title-quoted') continue;
        const title = titleOf(ctx, s);
        if (!title || title === topic.name || performerNames.has(title) || otherWork.has(title)) continue;
        if (OTHER_CREDIT.test(v.tpl.slice(s.tplEnd)) || NOT_A_TRACK.test(v.tpl.slice(s.tplEnd))) continue;
        const track: ClaimArg = { name: title, type: 'work', subtype: 'song' };
        for (const p of performers.values()) if (!stated(ctx, 'performer', title, p.name)) ctx.emit(v, { predicate: 'performer', subject: track, object: p, qualifiers: { ...VIA_DOCUMENT }, modality, confidence: 0.5, tplStart: s.tplStart, tplEnd: s.tplEnd });
        for (const l of labels) if (!stated(ctx, 'record_label', title, objectName(l))) ctx.emit(v, { predicate: 'record_label', subject: track, object: l.object as ClaimArg, qualifiers: { ...VIA_DOCUMENT }, modality, confidence: 0.5, tplStart: s.tplStart, tplEnd: s.tplEnd });
      }
    });
  }

  if (topic.kind === 'song') {
    // the album a song is taken from shares its label
    const albums = claims.filter((c) => c.predicate === 'performer' && c.subject.subtype === 'album' && performerNames.has(objectName(c)) && c.subject.name !== topic.name);
    for (const a of albums) for (const l of labels) emitAt(ctx, a, { predicate: 'record_label', subject: a.subject, object: l.object as ClaimArg }, 0.5);
    // the song's producers worked on the album the definition says it was taken from
    const producers = claims.filter((c) => about(c, 'producer', topic.name) && (c.object as ClaimArg).type === 'person');
    const home = albums.filter((a) => a.sentence.start === ctx.views[topic.index].sentence.start);
    for (const a of home) for (const p of producers) if (!performerNames.has(objectName(p))) emitAt(ctx, p, { predicate: 'producer', subject: a.subject, object: p.object as ClaimArg }, 0.45);
  }

  if (topic.kind === 'musician') {
    // an artist with one label: the releases the article credits to them came out on it
    const own = claims.filter((c) => about(c, 'record_label', topic.name));
    const distinct = new Set(own.map(objectName));
    if (distinct.size !== 1) return;
    const label = own[0].object as ClaimArg;
    for (const c of claims) {
      if (c.predicate !== 'performer' || objectName(c) !== topic.name || c.subject.name === label.name) continue;
      emitAt(ctx, c, { predicate: 'record_label', subject: c.subject, object: label }, 0.45);
    }
  }
}
