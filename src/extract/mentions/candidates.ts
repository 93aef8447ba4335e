/**
 * @module Mention candidates and how overlapping candidates are settled: each detector proposes
 * spans with a priority; higher priority wins, then the longer span, then the earlier one.
 */
import type { EntitySubtype, EntityType } from '../../model/types.js';

/** How a candidate refers: a name, or a reference that coreference must resolve. */
export type RefKind = 'name' | 'pronoun' | 'descriptor' | 'title-descriptor' | 'work-descriptor' | 'it' | 'handle';

export interface Candidate {
  start: number;
  end: number;
  type: EntityType;
  subtype?: EntitySubtype;
  /** Resolved name (for names: the name itself; for references: filled by coreference). */
  canonical: string;
  detector: string;
  confidence: number;
  priority: number;
  ref: RefKind;
  /** For work descriptors: the subtype the descriptor names ("the film" → film). */
  wants?: EntitySubtype;
  /** Gender hint carried by the reference word ("actress", "she"). */
  gender?: 'f' | 'm';
  /** Subtype chosen from a cue next to the title (otherwise inferred for the whole document). */
  cued?: boolean;
  /** A work named only as someone's other credit ("X star", "credits include X"): not the topic. */
  background?: boolean;
  /** Role word attached to a person name or descriptor ("director", "actress"). */
  role?: string;
}

/** Priorities of the detectors (higher wins an overlap). */
export const PRIORITY = {
  quotedTitle: 100,
  gazetteer: 90,
  character: 86,
  rolePerson: 85,
  contextTitle: 75,
  handle: 70,
  name: 60,
  propagated: 50,
  reference: 40,
} as const;

/** Keep the best non-overlapping candidates, returned in text order. */
export function settle(cands: readonly Candidate[]): Candidate[] {
  // sort positions by (priority desc, length desc, start asc, input order): the keys are read once
  // into typed arrays, so the comparator never touches the (variously shaped) candidate objects
  const n = cands.length;
  const prio = new Float64Array(n);
  const len = new Int32Array(n);
  const from = new Int32Array(n);
  let max = 0;
  for (let k = 0; k < n; k++) {
    const c = cands[k];
    prio[k] = c.priority;
    len[k] = c.end - c.start;
    from[k] = c.start;
    if (c.end > max) max = c.end;
  }
  const order = new Int32Array(n);
  for (let k = 0; k < n; k++) order[k] = k;
  order.sort((x, y) => prio[y] - prio[x] || len[y] - len[x] || from[x] - from[y] || x - y);
  const kept: Candidate[] = [];
  // a character mask keeps this linear in the text length (a long document has many candidates)
  const taken = new Uint8Array(max + 1);
  for (const k of order) {
    const c = cands[k];
    if (c.end <= c.start) continue;
    let free = true;
    for (let i = c.start; i < c.end; i++) if (taken[i]) { free = false; break; }
    if (!free) continue;
    taken.fill(1, c.start, c.end);
    kept.push(c);
  }
  // kept spans are disjoint and non-empty, so their starts are distinct
  return kept.sort((a, b) => a.start - b.start);
}

/** A copy of a candidate at another span, with every field in one fixed order (one object shape). */
export function moved(c: Candidate, start: number, end: number, detector: string, priority: number, confidence: number, cued: boolean | undefined, background: boolean | undefined): Candidate {
  return { start, end, type: c.type, subtype: c.subtype, canonical: c.canonical, detector, confidence, priority, ref: c.ref, wants: c.wants, gender: c.gender, cued, background, role: c.role };
}

/** Whether [start, end) overlaps any of the candidates. */
export function overlapsAny(cands: readonly Candidate[], start: number, end: number): boolean {
  for (const c of cands) if (start < c.end && end > c.start) return true;
  return false;
}
