/**
 * @module Small helpers the pattern modules share: iterate template matches, pick the work a
 * sentence talks about, build literal objects.
 */
import type { Literal, Mention } from '../../model/types.js';
import type { ClaimContext, SentenceView, Slot } from './context.js';

export const FILMISH = new Set(['film', 'series']);

/** Run `fn` on every match of `re` in every sentence template (or only those passing `gate`). */
export function eachMatch(ctx: ClaimContext, re: RegExp, fn: (v: SentenceView, m: RegExpExecArray, index: number) => void, gate?: RegExp): void {
  ctx.views.forEach((v, index) => {
    if (gate && !gate.test(v.tpl)) return;
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(v.tpl)) !== null) {
      fn(v, m, index);
      if (m[0].length === 0) re.lastIndex++;
    }
  });
}

const isTopic = (m: Mention) => m.detector !== 'title-credit';

/**
 * The film or series a sentence is about: a work slot before `at` in the sentence, else any in
 * the sentence, else one in the two previous sentences, else the article's main work.
 */
export function workFor(ctx: ClaimContext, v: SentenceView, index: number, at = v.tpl.length): Mention | undefined {
  const works = v.slots.filter((s) => s.mention?.type === 'work' && FILMISH.has(s.mention.subtype ?? '') && isTopic(s.mention));
  const before = works.filter((s) => s.tplEnd <= at);
  if (before.length > 0) return before[before.length - 1].mention;
  if (works.length > 0) return works[0].mention;
  if (index > 0) {
    const prev = ctx.recentWork(index - 1, (m) => FILMISH.has(m.subtype ?? '') && isTopic(m), 1);
    if (prev) return prev;
  }
  return ctx.mainWork;
}

/** The first person slot of the sentence (its grammatical subject, most of the time). */
export function subjectPerson(v: SentenceView, before = v.tpl.length): Slot | undefined {
  return v.slots.find((s) => s.kind === 'P' && s.tplStart < before);
}

/** The person slot nearest before template offset `at`. */
export function personBefore(v: SentenceView, at: number): Slot | undefined {
  const ps = v.slots.filter((s) => s.kind === 'P' && s.tplEnd <= at);
  return ps[ps.length - 1];
}

export const dateLiteral = (value: string): Literal => ({ value, datatype: 'date' });
export const stringLiteral = (value: string): Literal => ({ value, datatype: 'string' });
export const quantity = (value: number): Literal => ({ value: String(Math.round(value)), datatype: 'quantity' });

const WORD_NUMBERS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, twenty: 20, thirty: 30, forty: 40, fifty: 50, hundred: 100, a: 1, an: 1 };
const ORDINALS: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10 };

/** "six" → 6, "12" → 12, "1.5" → 1.5. */
export function parseNumber(s: string): number | undefined {
  const t = s.toLowerCase().replace(/,/g, '');
  if (/^\d+(?:\.\d+)?$/.test(t)) return Number(t);
  return WORD_NUMBERS[t];
}

/** "third" → 3, "3rd" → 3. */
export function parseOrdinal(s: string): number | undefined {
  const t = s.toLowerCase();
  const m = /^(\d+)(?:st|nd|rd|th)$/.exec(t);
  if (m) return Number(m[1]);
  return ORDINALS[t] ?? parseNumber(t);
}

/** Multiplier for "million", "m", "bn", ... */
export function scale(word: string | undefined): number {
  const w = (word ?? '').toLowerCase();
  if (w === 'million' || w === 'm' || w === 'mn') return 1e6;
  if (w === 'billion' || w === 'bn' || w === 'b') return 1e9;
  if (w === 'thousand' || w === 'k') return 1e3;
  return 1;
}
