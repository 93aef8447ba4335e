/**
 * @module Question → ParsedQuestion: normalises the text, tries the pattern table in order and
 * cleans the slot texts (quotes, "the film X", "X's", "Netflix's X") into entity slots with type
 * hints. Pure: no store access; entity resolution happens in the planner.
 */
import { ANAPHORA, QUESTION_PATTERNS, ROLE_WORDS, type Intent, type Lookup } from './patterns.js';

/** An entity named (or referred to) in the question. */
export interface EntitySlot {
  /** The name as cleaned for lookup ("Purple Hearts" from "Netflix's “Purple Hearts”"). */
  text: string;
  /** The text as written in the question. */
  raw: string;
  /** Subtype implied by the wording: film, novel, song, music_video, series, album. */
  hint?: string;
  /** "it", "the film": refers to the work the articles are about. */
  anaphoric?: boolean;
  /** Other readings to try when `text` finds nothing ("Purple Hearts" for "Netflix's Purple Hearts"). */
  variants?: string[];
}

export interface ParsedQuestion {
  question: string;
  /** Normalised question text the patterns ran on. */
  normalized: string;
  /** Id of the pattern row that matched, or `none`. */
  patternId: string;
  intent: Intent;
  lookups: Lookup[];
  focus?: EntitySlot;
  partner?: EntitySlot;
  /** Character name constraint ("Cassie" in "who plays Cassie in X"). */
  character?: string;
  /** Yes/no role: the predicates that would make the answer yes, and the role noun. */
  role?: { predicates: string[]; noun: string };
  /** Lookups are alternatives: answer from the first that has facts. */
  firstMatch?: boolean;
}

/** Words that announce the kind of work: "the novel X", "X soundtrack", "the X video". */
const KIND_WORDS: readonly [RegExp, string][] = [
  [/^(?:music video|video|performance video)s?$/i, 'music_video'],
  [/^(?:film|movie|picture|feature|flick|romance film|drama)s?$/i, 'film'],
  [/^(?:novel|book)s?$/i, 'novel'],
  [/^(?:song|single|track|ballad|hit)s?$/i, 'song'],
  [/^(?:album|record|ep)s?$/i, 'album'],
  [/^(?:series|show|tv show|sitcom|drama series|soap)$/i, 'series'],
  [/^(?:soundtrack|score)$/i, 'soundtrack'],
  [/^(?:musical|play)$/i, 'play'],
];
const KIND_ALT = 'music video|performance video|video|films|film|movies|movie|picture|novels|novel|books|book|songs|song|single|track|album|series|show|tv show|soundtrack|musical|play';
// Case-sensitive on purpose: a lowercase kind word is the asker's ("the film X"), a capitalised
// one belongs to a title ("A Series of Unfortunate Events", "The Movie").
const LEADING_KIND = new RegExp(`^(?:the |a |an |her |his |their |its )?(?:new |original |hit |latest |debut |upcoming |recent |first )?(${KIND_ALT}) (.+)$`);
const TRAILING_KIND = new RegExp(`^(.+?) (${KIND_ALT})$`);
/** "Netflix's X", "Sofia Carson's X": an owner before a title is not part of the title. */
const OWNER_PREFIX = /^(?:[A-Z][\w.&-]*(?: [A-Z][\w.&-]*){0,3})'s (.+)$/;

function kindOf(word: string): string | undefined {
  for (const [re, kind] of KIND_WORDS) if (re.test(word)) return kind;
  return undefined;
}

/** Normalise typography and strip politeness / trailing punctuation. */
export function normalizeQuestion(q: string): string {
  return q
    .replace(/[\u2018\u2019\u02BC]/g, "'")
    .replace(/[\u201C\u201D\u00AB\u00BB]/g, '"')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^(?:(?:so|ok|okay|hey|hi|and|but|also|please|quick question)[,:]?\s+)+/i, '')
    .replace(/^(?:can you tell me|do you know|tell me|i want to know|i wonder)\s+/i, '')
    .replace(/\s*(?:please)?\s*[?!.]+\s*$/g, '')
    .replace(/\s+(?:actually|exactly|again)$/i, '')
    .trim();
}

/** Clean a slot's text into an EntitySlot (quotes, articles, kind words, owners). */
export function cleanSlot(raw: string, hint?: string): EntitySlot {
  let text = raw.trim();
  // A quoted title inside the slot is the name: 'Netflix's "Purple Hearts"' → Purple Hearts.
  const quoted = /"([^"]+)"/.exec(text);
  if (quoted && quoted[1].trim()) {
    const before = text.slice(0, quoted.index).trim();
    const after = text.slice(quoted.index + quoted[0].length).trim();
    hint ??= kindOf(after) ?? kindOf(before.replace(/^(?:the|a|an|her|his|their|its)\s+/i, '').split(' ').pop() ?? '');
    return { text: quoted[1].trim(), raw, hint, variants: [] };
  }
  text = text.replace(/^["']+|["']+$/g, '').replace(/["]/g, '').trim();
  text = text.replace(/\s+(?:on|in|at|from) (?:netflix|prime video|disney\+|hbo|hulu|tv|the bbc|bbc one|bbc two|itv|channel 4)$/i, '');
  if (ANAPHORA.test(text)) {
    const k = text.split(' ').slice(1).join(' ');
    return { text, raw, hint: hint ?? (k ? kindOf(k) : undefined), anaphoric: true, variants: [] };
  }
  const variants: string[] = [];
  for (let i = 0; i < 3; i++) {
    const lead = LEADING_KIND.exec(text);
    if (lead && !/^(?:the|a|an)$/i.test(lead[2])) {
      hint ??= kindOf(lead[1]);
      text = lead[2];
      continue;
    }
    const trail = TRAILING_KIND.exec(text);
    if (trail && !/^(?:the|a|an)$/i.test(trail[1])) {
      hint ??= kindOf(trail[2]);
      text = trail[1];
      continue;
    }
    break;
  }
  // A lowercase article is the asker's; a capitalised one may be part of the title ("The Aviator").
  text = text.replace(/^(?:the|a|an) (?=[A-Z0-9])/, '').trim();
  text = text.replace(/^["']+|["']+$/g, '').replace(/(?<=\w)(?:'s|s')$/i, (m) => (m === "s'" ? 's' : '')).trim();
  // "Netflix's Purple Hearts": try without the owner too, but only after the full text ("Ocean's Twelve").
  const owner = OWNER_PREFIX.exec(text);
  if (owner) variants.push(owner[1]);
  if (ANAPHORA.test(text)) return { text, raw, hint, anaphoric: true, variants };
  return { text, raw, hint, variants };
}

/** The role words of a yes/no question mapped to predicates, or undefined. */
export function roleOf(word: string): { predicates: string[]; noun: string } | undefined {
  const w = word.trim().toLowerCase();
  for (const r of ROLE_WORDS) if (r.re.test(w)) return { predicates: r.predicates, noun: r.noun };
  return undefined;
}

/**
 * Parse a question with the pattern table.
 * @example parseQuestion('Who plays Cassie in Purple Hearts?') // intent 'cast-character', character 'Cassie', focus 'Purple Hearts'
 */
export function parseQuestion(question: string): ParsedQuestion {
  const normalized = normalizeQuestion(question);
  for (const p of QUESTION_PATTERNS) {
    const m = p.re.exec(normalized);
    if (!m) continue;
    const g = m.groups ?? {};
    const focusText = g.f ?? g.f2 ?? p.defaultFocus;
    const hintWord = g.h ? kindOf(g.h) : undefined;
    const parsed: ParsedQuestion = {
      question,
      normalized,
      patternId: p.id,
      intent: p.intent,
      lookups: p.lookups,
    };
    if (p.firstMatch) parsed.firstMatch = true;
    if (focusText) parsed.focus = cleanSlot(focusText, hintWord ?? undefined);
    if (parsed.focus && !parsed.focus.hint && p.focusHint && !parsed.focus.anaphoric) {
      // The pattern's hint is a preference, not a fact: "who sang X" is usually about a song.
      parsed.focus.hint = p.focusHint;
    }
    if (g.p) parsed.partner = cleanSlot(g.p);
    // an award category is words, not a name: "best foreign film" keeps its "film"
    if (g.c) parsed.character = /award|yes-no-award/.test(p.intent) ? g.c.trim().replace(/\s+/g, ' ') : cleanSlot(g.c).text;
    if (p.intent === 'yes-no-role') {
      const role = g.r ? roleOf(g.r) : { predicates: p.lookups.map((l) => l.predicate), noun: 'star' };
      if (!role) continue;
      parsed.role = role;
      // The person is the object of the role predicate: look it up in the 'in' direction.
      parsed.lookups = role.predicates.map((predicate) => ({ predicate, direction: 'in' as const }));
      // "Was Purple Hearts directed by X": the work is the focus, the person the partner; normalise
      // so that the person is always the partner and the work (optional) the focus.
    }
    return parsed;
  }
  return { question, normalized, patternId: 'none', intent: 'retrieval', lookups: [] };
}
