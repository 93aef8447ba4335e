/**
 * @module Stage `claims.patterns.v1`: runs an ordered list of pattern modules over the claim
 * context (sentence templates with mention and date slots). Adding a module is one line in
 * `PATTERN_MODULES`. Requires doc.text, doc.meta, doc.sentences, doc.mentions, doc.dates,
 * doc.quotes; assigns doc.claims.
 */
import type { Document } from '../../doc/document.js';
import type { DocClaim } from '../../model/types.js';
import type { Stage } from '../../pipeline/stage.js';
import { awardPatterns } from './awards.js';
import { ClaimContext, type PatternModule } from './context.js';
import { castPatterns, crewPatterns, musicPatterns } from './credits.js';
import { eventPatterns } from './events.js';
import { metricPatterns } from './metrics.js';
import { saidPatterns } from './said.js';
import { releasePatterns, sourcePatterns } from './works.js';
import { encyclopedicPatterns } from './encyclopedic.js';
import { documentPatterns } from './document.js';

/** The pattern modules, run in this order. */
export const PATTERN_MODULES: readonly PatternModule[] = [
  castPatterns,
  crewPatterns,
  musicPatterns,
  sourcePatterns,
  releasePatterns,
  eventPatterns,
  metricPatterns,
  awardPatterns,
  saidPatterns,
  encyclopedicPatterns,
  documentPatterns,
];

/**
 * Extract the claims of a document that has sentences, mentions, dates and quotes.
 * @param modules - pattern modules to run (default: all of `PATTERN_MODULES`).
 */
export function extractClaims(doc: Document, modules: readonly PatternModule[] = PATTERN_MODULES): DocClaim[] {
  const ctx = new ClaimContext(doc);
  for (const run of modules) run(ctx);
  return dropSubsumed(ctx.claims).sort((a, b) => a.span.start - b.span.start);
}

/** A cast claim without a character adds nothing when the same sentence names the character. */
function dropSubsumed(claims: readonly DocClaim[]): DocClaim[] {
  const withCharacter = new Set<string>();
  const key = (c: DocClaim) => `${c.sentence.start}|${c.subject.name}|${'name' in c.object ? c.object.name : ''}`;
  for (const c of claims) if (c.predicate === 'cast_member' && c.qualifiers.character) withCharacter.add(key(c));
  return claims.filter((c) => !(c.predicate === 'cast_member' && !c.qualifiers.character && withCharacter.has(key(c))));
}

/** Claims by patterns over sentence templates. */
export const claimsStage: Stage = {
  name: 'claims.patterns.v1',
  requires: ['doc.text', 'doc.meta', 'doc.sentences', 'doc.mentions', 'doc.dates', 'doc.quotes'],
  assigns: ['doc.claims'],
  run(doc) {
    doc.set('claims', extractClaims(doc));
  },
};

export type { PatternModule } from './context.js';
