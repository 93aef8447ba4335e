/**
 * @module How answers read: dates at their own precision ("July 29, 2022", "October 2021"),
 * lists ("A, B and C"), numbers ("220.61 million") and one sentence template per predicate.
 * Templates only arrange stored names and values; nothing here invents content.
 */

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** ISO date at its precision → words: `2022-07-29` → "July 29, 2022"; `2021-10` → "October 2021". */
export function formatDate(iso: string): string {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(iso);
  if (!m) return iso;
  const [, y, mo, d] = m;
  if (!mo) return y;
  const month = MONTHS[Number(mo) - 1] ?? mo;
  return d ? `${month} ${Number(d)}, ${y}` : `${month} ${y}`;
}

/** "on July 29, 2022" / "in October 2021" / "in 2017". */
export function onDate(iso: string): string {
  return /^\d{4}-\d{2}-\d{2}/.test(iso) ? `on ${formatDate(iso)}` : `in ${formatDate(iso)}`;
}

/** Precision rank of an ISO date: day 3, month 2, year 1. */
export function datePrecision(iso: string): number {
  if (/^\d{4}-\d{2}-\d{2}/.test(iso)) return 3;
  if (/^\d{4}-\d{2}/.test(iso)) return 2;
  if (/^\d{4}/.test(iso)) return 1;
  return 0;
}

/** "A", "A and B", "A, B and C". */
export function joinList(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** 220610000 → "220.61 million"; small numbers stay as written. */
export function formatNumber(value: string): string {
  const n = Number(value);
  if (!Number.isFinite(n)) return value;
  const scale = (d: number, word: string) => `${Number((n / d).toFixed(2))} ${word}`;
  if (Math.abs(n) >= 1e9) return scale(1e9, 'billion');
  if (Math.abs(n) >= 1e6) return scale(1e6, 'million');
  return n.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

/** Kinds that the resolver appends to a name in parentheses: "Come Back Home (music video)". */
const PAREN_KIND = /^(.+?) \((music video|soundtrack|song|single|film|movie|novel|book|album|series|video)\)$/i;

/**
 * A stored name as it reads in a sentence: "Come Back Home (music video)" → "the Come Back Home
 * music video"; other names unchanged.
 */
export function displayName(name: string): string {
  const m = PAREN_KIND.exec(name);
  return m ? `the ${m[1]} ${m[2].toLowerCase()}` : name;
}

/** Capitalise the first letter of each sentence start ("the X video was..." → "The X video was..."). */
export function sentenceCase(text: string): string {
  return text.replace(/(^|[.!?]\s+)([a-z])/g, (_m, pre: string, c: string) => pre + c.toUpperCase());
}

export function capitalize(s: string): string {
  return s.length ? s[0].toUpperCase() + s.slice(1) : s;
}

/** Sentence for facts about subject `s` with objects `os` (out direction). */
export function outSentence(predicate: string, s: string, os: readonly string[], label?: string): string {
  const o = joinList(os);
  const plural = os.length > 1;
  switch (predicate) {
    case 'cast_member': return `${s} stars ${o}.`;
    case 'director': return `${o} directed ${s}.`;
    case 'director_of_photography': return `${s} was shot by ${o}.`;
    case 'screenwriter': return `${o} wrote the screenplay for ${s}.`;
    case 'author': return `${s} was written by ${o}.`;
    case 'songwriter': return `${s} was written by ${o}.`;
    case 'lyricist': return `The lyrics of ${s} are by ${o}.`;
    case 'performer': return `${s} is performed by ${o}.`;
    case 'composer': return `${s} was composed by ${o}.`;
    case 'producer': return `${s} was produced by ${o}.`;
    case 'executive_producer': return `${o} ${plural ? 'are executive producers' : 'is an executive producer'} of ${s}.`;
    case 'based_on': return `${s} is based on ${o}.`;
    case 'filming_location': return `${s} was shot at ${o}.`;
    case 'distributed_by': return `${s} is distributed by ${o}.`;
    case 'original_broadcaster': return `${s} airs on ${o}.`;
    case 'production_company': return `${s} was produced by ${o}.`;
    case 'record_label': return `${s} is released on ${o}.`;
    case 'award_received': return `${s} won ${o}.`;
    case 'nominated_for': return `${s} was nominated for ${o}.`;
    case 'member_of': return `${s} is a member of ${o}.`;
    case 'spouse': return `${s} is married to ${o}.`;
    case 'featured_in': return `${s} is featured in ${o}.`;
    case 'part_of': return `${s} is part of ${o}.`;
    default: return `${capitalize(label ?? predicate.replace(/_/g, ' '))} of ${s}: ${o}.`;
  }
}

/** Sentence for facts where `o` is the object and `ss` the subjects (in direction). */
export function inSentence(predicate: string, o: string, ss: readonly string[], inverseLabel?: string): string {
  const s = joinList(ss);
  const plural = ss.length > 1;
  switch (predicate) {
    case 'cast_member': return `${o} has been in ${s}.`;
    case 'director': return `${o} directed ${s}.`;
    case 'featured_in': return `${plural ? 'The songs' : 'The song'} in ${o}: ${s}.`;
    case 'part_of': return `${o} includes ${s}.`;
    case 'performer': return `${o} performs ${s}.`;
    case 'songwriter': return `${o} co-wrote ${s}.`;
    case 'author': return `${o} wrote ${s}.`;
    case 'award_received': return `${s} ${plural ? 'won' : 'won'} ${o}.`;
    case 'nominated_for': return `${s} ${plural ? 'were' : 'was'} nominated for ${o}.`;
    case 'member_of': return `${s} ${plural ? 'are members' : 'is a member'} of ${o}.`;
    case 'executive_producer': return `${o} is an executive producer of ${s}.`;
    case 'producer': return `${o} produced ${s}.`;
    default: return `${o}: ${inverseLabel ?? predicate.replace(/_/g, ' ')} ${s}.`;
  }
}

/** Role phrase for yes/no answers: "an executive producer of X", "the director of X". */
export function rolePhrase(predicate: string, work: string): string {
  switch (predicate) {
    case 'executive_producer': return `an executive producer of ${work}`;
    case 'producer': return `a producer of ${work}`;
    case 'director': return `the director of ${work}`;
    case 'screenwriter': return `a screenwriter of ${work}`;
    case 'songwriter': return `a co-writer of ${work}`;
    case 'lyricist': return `a lyricist of ${work}`;
    case 'author': return `the author of ${work}`;
    case 'composer': return `the composer of ${work}`;
    case 'cast_member': return `in the cast of ${work}`;
    case 'performer': return `the performer of ${work}`;
    case 'director_of_photography': return `the director of photography of ${work}`;
    case 'distributed_by': return `the distributor of ${work}`;
    case 'record_label': return `the label of ${work}`;
    default: return `${predicate.replace(/_/g, ' ')} of ${work}`;
  }
}

/** Verb phrase of a credit, for one-line filmographies: "acted in", "executive produced". */
export function creditVerb(predicate: string): string {
  switch (predicate) {
    case 'cast_member': return 'acted in';
    case 'director': return 'directed';
    case 'screenwriter': return 'wrote the screenplay for';
    case 'producer': return 'produced';
    case 'executive_producer': return 'executive produced';
    case 'performer': return 'performed';
    case 'songwriter': return 'co-wrote';
    case 'lyricist': return 'wrote the lyrics for';
    case 'author': return 'wrote';
    case 'composer': return 'composed';
    default: return predicate.replace(/_/g, ' ');
  }
}
