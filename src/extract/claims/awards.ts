/**
 * @module Awards: "won best actress at the Oscars", "won the Booker Prize", "was nominated for
 * best foreign film at the Oscars", "has 12 nominations for the Billboard awards". The award
 * object is the ceremony (canonical name from the gazetteer); the category is a qualifier.
 */
import type { Mention } from '../../model/types.js';
import { type PatternModule, pattern } from './context.js';
import { eachMatch } from './helpers.js';

const CATEGORY = String.raw`(?:(?:the\s+|an?\s+)?((?:best|outstanding|top)\s+[\p{Ll}\p{Lu}\s'-]{2,40}?|[\p{Lu}][\p{L}'-]*(?:\s+[\p{Lu}][\p{L}'-]*){0,4})\s+(?:award|prize|honour|title|gong|trophy)?\s*)?`;
const WON = pattern(String.raw`\b(won|wins|win|winning|scooped|picked up|took home|collected|received|receives|awarded|landed|claimed|bagged|named)\s+(?:the\s+|an?\s+|his\s+|her\s+|their\s+)?${CATEGORY}(?:(?:at|in|from)\s+(?:the\s+|this\s+year['’]s\s+|last\s+year['’]s\s+|«D\d+»\s+|\p{Lu}\p{Ll}+['’]s\s+)*)?«([AE])(\d+)»(?!\s+(?:nomination|nod))(?:\s+(?:for|as)\s+((?:best|outstanding)\s+[\p{Ll}\s-]{2,40}?)(?=[,.;]|\s+(?:for|at|in|and)\b|$))?`);
const AWARD_NOMINATION = pattern(String.raw`\b(?:an?\s+|the\s+)?{A}\s+(?:nomination|nod)s?(?:\s+for\s+((?:best|outstanding)\s+[\p{Ll}\s-]{2,40}?)(?=[,.;]|\s+(?:for|at|in|and)\b|$))?`);
const NOMINATED = pattern(String.raw`\b(nominated|nomination|nominations|nominee|shortlisted|up for|in the running|contender)\b[^«.]{0,60}?(?:(?:for|at)\s+(?:the\s+)?((?:best|outstanding)\s+[\p{Ll}\s-]{2,40}?)\s+(?:at\s+)?(?:the\s+)?(?:\p{Lu}\p{Ll}+['’]s\s+)?)?{A}`);

/** Awards received and nominations. */
export const awardPatterns: PatternModule = (ctx) => {
  /** The sentence's first person or work before the verb; "Ray director Taylor Hackford" is the director. */
  const subjectBefore = (slots: { kind: string; tplStart: number; tplEnd: number; mention?: Mention }[], at: number, tpl = '') => {
    const cands = slots.filter((s) => (s.kind === 'P' || s.kind === 'W') && s.tplEnd <= at);
    const [first, second] = cands;
    if (first?.kind === 'W' && second?.kind === 'P' && /^\s+(?:director|star|actor|actress|producer|writer|composer|creator)\s+$/.test(tpl.slice(first.tplEnd, second.tplStart))) return second.mention;
    return first?.mention ?? undefined;
  };
  eachMatch(ctx, WON, (v, m) => {
    const found = ctx.slot(v, m[4]).mention;
    const subj = subjectBefore(v.slots, m.index, v.tpl);
    if (!found || !subj) return;
    // a festival's top prize: the festival stands for the award ("won best director at Cannes")
    const award = m[3] === 'E' ? { ...found, type: 'award' as const } : found;
    const category = (m[2] ?? m[5] ?? '').trim();
    const q: Record<string, string> = {};
    if (category && !/^(?:award|prize)$/i.test(category) && category.toLowerCase() !== award.canonical.toLowerCase()) q.category = category;
    const start = v.slots.find((s) => s.mention === subj)?.tplStart ?? m.index;
    ctx.emit(v, { predicate: 'award_received', subject: ctx.arg(subj), object: ctx.arg(award), qualifiers: q, confidence: 0.75, tplStart: start, tplEnd: m.index + m[0].length });
  });
  eachMatch(ctx, AWARD_NOMINATION, (v, m) => {
    const award = ctx.slot(v, m[1]).mention;
    const subj = subjectBefore(v.slots, m.index, v.tpl);
    if (!award || !subj) return;
    const q: Record<string, string> = {};
    if (m[2]) q.category = m[2].trim();
    const start = v.slots.find((s) => s.mention === subj)?.tplStart ?? m.index;
    ctx.emit(v, { predicate: 'nominated_for', subject: ctx.arg(subj), object: ctx.arg(award), qualifiers: q, confidence: 0.65, tplStart: start, tplEnd: m.index + m[0].length });
  });
  eachMatch(ctx, NOMINATED, (v, m) => {
    const award = ctx.slot(v, m[3]).mention;
    const subj = subjectBefore(v.slots, m.index, v.tpl);
    if (!award || !subj) return;
    const q: Record<string, string> = {};
    if (m[2]) q.category = m[2].trim();
    const start = v.slots.find((s) => s.mention === subj)?.tplStart ?? m.index;
    ctx.emit(v, { predicate: 'nominated_for', subject: ctx.arg(subj), object: ctx.arg(award), qualifiers: q, confidence: 0.7, tplStart: start, tplEnd: m.index + m[0].length });
  });
};
