/**
 * @module In-document coreference and typing: work subtypes agreed per title across the document,
 * person references ("she", "the actress", "the Descendants star") resolved to a named person by
 * salience and gender, work references ("the film", "it", "the soundtrack") to a named work.
 */
import { findSentenceIndex } from '../../doc/document.js';
import type { Sentence } from '../../model/types.js';
import type { Quotation } from '../quotes/find.js';
import type { Candidate } from './candidates.js';
import { getGazetteer } from './gazetteer.js';

const FILMISH = new Set(['film', 'series']);

/** The subtype a document uses for untyped titles: films unless TV words dominate (music titles need a cue). */
function documentDefaultSubtype(text: string): string {
  const count = (re: RegExp) => (text.match(re) ?? []).length;
  const film = count(/\b(?:film|movie|cinema|box office|director)s?\b/gi);
  const tv = count(/\b(?:series|sitcom|episode|show|programme)s?\b/gi);
  return tv > film ? 'series' : 'film';
}

/** Give every work name a subtype: its own cue, else the title's majority cue in the doc, else the default. */
function inferSubtypes(text: string, cands: Candidate[]): void {
  const votes = new Map<string, Map<string, number>>();
  for (const c of cands) {
    if (c.type !== 'work' || c.ref !== 'name' || !c.cued || !c.subtype) continue;
    const v = votes.get(c.canonical) ?? new Map<string, number>();
    v.set(c.subtype, (v.get(c.subtype) ?? 0) + 1);
    votes.set(c.canonical, v);
  }
  const fallback = documentDefaultSubtype(text);
  for (const c of cands) {
    if (c.type !== 'work' || c.ref !== 'name' || c.cued) continue;
    const v = votes.get(c.canonical);
    if (v) {
      c.subtype = [...v.entries()].sort((a, b) => b[1] - a[1] || (FILMISH.has(a[0]) ? -1 : 1))[0][0];
    } else {
      c.subtype = fallback;
    }
  }
}

const sentenceOf = findSentenceIndex;

/** Role words that name the same job ("filmmaker" is a director). */
const ROLE_GROUP: Record<string, string> = { director: 'director', filmmaker: 'director', 'film-maker': 'director', actress: 'actor', actor: 'actor', singer: 'singer', songstress: 'singer', 'singer-songwriter': 'singer', rapper: 'singer' };

const compatible = (a: 'f' | 'm' | undefined, b: 'f' | 'm' | undefined) => !a || !b || a === b;

/**
 * Resolve references in place and drop the ones that cannot be resolved.
 * @returns the candidates that name or resolve to an entity, in text order.
 */
export function resolveReferences(text: string, sentences: readonly Sentence[], quotes: readonly Quotation[], cands: Candidate[]): Candidate[] {
  inferSubtypes(text, cands);
  // "Ms Ensler" / "Carson" alone: the full name the document gives elsewhere
  const fullBySurname = new Map<string, Set<string>>();
  for (const c of cands) {
    if (c.type !== 'person' || c.ref !== 'name') continue;
    const parts = c.canonical.split(/\s+/);
    if (parts.length < 2) continue;
    const last = parts[parts.length - 1];
    fullBySurname.set(last, (fullBySurname.get(last) ?? new Set()).add(c.canonical));
  }
  for (const c of cands) {
    if (c.type !== 'person' || c.ref !== 'name' || c.canonical.includes(' ')) continue;
    const full = fullBySurname.get(c.canonical);
    if (full?.size === 1) c.canonical = [...full][0];
  }
  const inSpeech = (o: number) => quotes.some((q) => q.kind === 'speech' && o >= q.start && o < q.end);
  const gender = new Map<string, 'f' | 'm'>();
  const counts = new Map<string, number>();
  for (const c of cands) {
    if (c.type === 'person' && c.ref === 'name') {
      counts.set(c.canonical, (counts.get(c.canonical) ?? 0) + 1);
      if (c.gender && !gender.has(c.canonical)) gender.set(c.canonical, c.gender);
    }
  }
  // a given name read as mostly female or male is a weak gender hint ("Jennifer Lopez" ... "she")
  const gaz = getGazetteer();
  for (const c of cands) {
    if (c.type !== 'person' || c.ref !== 'name' || gender.has(c.canonical)) continue;
    const first = c.canonical.split(/\s+/)[0];
    if (gaz.femaleNames.has(first)) gender.set(c.canonical, 'f');
    else if (gaz.maleNames.has(first)) gender.set(c.canonical, 'm');
  }
  const roles = new Map<string, string>();
  for (const c of cands) if (c.type === 'person' && c.ref === 'name' && c.role) roles.set(c.canonical, ROLE_GROUP[c.role] ?? c.role);
  const mainPerson = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  const workCounts = new Map<string, { n: number; c: Candidate }>();
  for (const c of cands) {
    if (c.type === 'work' && c.ref === 'name' && !c.background && FILMISH.has(c.subtype ?? '')) {
      const e = workCounts.get(c.canonical) ?? { n: 0, c };
      e.n++;
      workCounts.set(c.canonical, e);
    }
  }
  const mainWork = [...workCounts.values()].sort((a, b) => b.n - a.n || a.c.start - b.c.start)[0]?.c;

  const out: Candidate[] = [];
  let stack: string[] = [];
  let sentenceIdx = -1;
  let sentencePersons: string[] = [];
  let prevWorks: Candidate[] = [];
  let curWorks: Candidate[] = [];
  const recentWorks: Candidate[] = [];
  const closeSentence = () => {
    if (sentencePersons.length > 0) {
      const seen = new Set(sentencePersons);
      stack = [...sentencePersons, ...stack.filter((p) => !seen.has(p))];
    }
    sentencePersons = [];
    prevWorks = curWorks.length > 0 ? curWorks : prevWorks;
    curWorks = [];
  };
  const recentWork = (pred: (c: Candidate) => boolean) => {
    for (let i = recentWorks.length - 1; i >= 0; i--) if (pred(recentWorks[i])) return recentWorks[i];
    return undefined;
  };
  for (const c of cands) {
    const si = sentenceOf(sentences, c.start);
    if (si !== sentenceIdx) {
      closeSentence();
      sentenceIdx = si;
    }
    const speech = inSpeech(c.start);
    if (c.type === 'person') {
      if (c.ref === 'name' || c.ref === 'handle') {
        if (!speech) sentencePersons.push(c.canonical);
        out.push(c);
        continue;
      }
      let target: string | undefined;
      if (c.ref === 'title-descriptor') {
        target = mainPerson ?? stack[0];
      } else {
        const pool = [...sentencePersons, ...stack];
        const group = c.role ? ROLE_GROUP[c.role] : undefined;
        const byRole = group ? [...roles.entries()].filter(([, r]) => r === group).map(([p]) => p) : [];
        target = byRole.length === 1 ? byRole[0] : pool.find((p) => compatible(gender.get(p), c.gender) && (!group || !roles.has(p) || roles.get(p) === group));
      }
      if (!target) continue;
      if (c.gender && !gender.has(target)) gender.set(target, c.gender);
      c.canonical = target;
      if (!speech) sentencePersons.push(target);
      out.push(c);
      continue;
    }
    if (c.type === 'work') {
      if (c.ref === 'name') {
        out.push(c);
        if (!c.background) {
          recentWorks.push(c);
          curWorks.push(c);
        }
        continue;
      }
      let target: Candidate | undefined;
      if (c.ref === 'it') {
        target = curWorks[0] ?? prevWorks[0];
        if (target) {
          c.canonical = target.canonical;
          c.subtype = target.subtype;
        }
      } else if (c.wants === 'soundtrack') {
        const film = recentWork((w) => FILMISH.has(w.subtype ?? '')) ?? mainWork;
        if (film) {
          c.canonical = `${film.canonical} (soundtrack)`;
          c.subtype = 'soundtrack';
          target = c;
        }
      } else if (c.wants === 'music_video') {
        target = recentWork((w) => w.subtype === 'music_video');
        if (!target) {
          const song = recentWork((w) => w.subtype === 'song');
          if (song) {
            c.canonical = `${song.canonical} (music video)`;
            c.subtype = 'music_video';
            target = c;
          }
        }
      } else if (c.wants === 'sequel') {
        // "the sequel": the title announced as one ("a sequel, Paper Lanterns: High Water")
        const named = [...recentWorks].reverse().find((w) => /sequel,?[^\S\n]+(?:called[^\S\n]+|titled[^\S\n]+)?$/.test(text.slice(Math.max(0, w.start - 20), w.start)));
        if (named) {
          const next = cands.find((x) => x.type === 'work' && x.start > named.end && x.start - named.end <= 3 && /^:[^\S\n]*$/.test(text.slice(named.end, x.start)));
          c.canonical = next ? `${named.canonical}: ${next.canonical}` : named.canonical;
          c.subtype = 'film';
          target = c;
        }
      } else if (c.wants && FILMISH.has(c.wants)) {
        // "the film": one named earlier in this sentence or first in the previous one, else the topic
        const fits = (w: Candidate) => FILMISH.has(w.subtype ?? '') && w.ref === 'name';
        target = curWorks.find(fits) ?? prevWorks.find(fits) ?? mainWork ?? recentWork((w) => FILMISH.has(w.subtype ?? ''));
      } else {
        target = recentWork((w) => w.subtype === c.wants);
      }
      if (!target) continue;
      if (target !== c) {
        c.canonical = target.canonical;
        c.subtype = target.subtype;
      }
      out.push(c);
      curWorks.push(c);
      continue;
    }
    out.push(c);
  }
  return out;
}
