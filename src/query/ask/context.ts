/**
 * @module The state of answering one question (store, parsed question, the plan being recorded)
 * and the builders of AskResult values shared by every intent: answers, no-answers with their
 * reasons, and slot resolution that turns an unknown or ambiguous entity into the right no-answer.
 */
import type { AnswerItem, AskResult, NoAnswerReason, QueryPlan } from '../../engine/types.js';
import type { Claim, EntityRef } from '../../model/types.js';
import type { Entity, Store } from '../../store/store.js';
import { resolveSlot, type SlotResolution } from './entities.js';
import { phraseHits, retrieveSentence } from './retrieval.js';
import type { EntitySlot, ParsedQuestion } from './parse.js';
import type { Lookup } from './patterns.js';

export interface AskContext {
  store: Store;
  parsed: ParsedQuestion;
  plan: QueryPlan;
}

export function createContext(store: Store, parsed: ParsedQuestion): AskContext {
  const plan: QueryPlan = { intent: parsed.intent, entities: [], factsUsed: [], notes: [`pattern: ${parsed.patternId}`] };
  const preds = [...new Set(parsed.lookups.map((l) => l.predicate))];
  if (preds.length === 1) plan.predicate = preds[0];
  else if (preds.length > 1) plan.predicate = preds;
  if (parsed.character) plan.constraints = { ...plan.constraints, character: parsed.character };
  if (parsed.role) plan.constraints = { ...plan.constraints, role: parsed.role.noun };
  return { store, parsed, plan };
}

export const refOf = (e: EntityRef): EntityRef => ({ id: e.id, name: e.name, type: e.type, subtype: e.subtype ?? null });

/** Record the claims an answer used (for --explain). */
export function useFacts(ctx: AskContext, claims: readonly Claim[]): void {
  for (const c of claims) if (!ctx.plan.factsUsed!.includes(c.id)) ctx.plan.factsUsed!.push(c.id);
}

export function note(ctx: AskContext, text: string): void {
  ctx.plan.notes!.push(text);
}

const REASONS: Record<NoAnswerReason, string> = {
  'unknown-entity': 'The articles never mention',
  'no-supporting-claims': 'The articles mention it but state nothing that answers the question',
  'ambiguous-entity': 'Several things in the articles match',
  'not-understood': 'The question was not understood and no sentence in the articles answers it',
};

/** A no-answer result: `answer: null`, the reason code and a human sentence. */
export function noAnswer(ctx: AskContext, reason: NoAnswerReason, detail?: string): AskResult {
  const r: AskResult = {
    question: ctx.parsed.question,
    answer: null,
    answers: [],
    noAnswer: reason,
    reason: detail ?? `${REASONS[reason]}.`,
  };
  return r;
}

/** An answered result. */
export function answered(ctx: AskContext, answer: string, answers: AnswerItem[], extra: Partial<AskResult> = {}): AskResult {
  return { question: ctx.parsed.question, answer, answers, ...extra };
}

/** Resolve a slot, recording it in the plan; a failure is returned as the no-answer to give. */
export function resolveOrFail(
  ctx: AskContext,
  slot: EntitySlot,
  lookups: readonly Lookup[],
  opts: { preferTypes?: readonly string[]; required?: readonly string[]; noRetrieval?: boolean } = {},
): { entity: Entity } | { fail: AskResult } {
  const r: SlotResolution = resolveSlot(ctx.store, slot, lookups, opts);
  ctx.plan.entities.push({
    text: slot.raw,
    resolved: r.status === 'resolved' ? [refOf(r.entity)] : r.candidates.slice(0, 5).map(refOf),
  });
  if (r.status === 'resolved') {
    if (r.via !== 'alias') note(ctx, `"${slot.raw}" → ${r.entity.name} (${r.entity.type}${r.entity.subtype ? `/${r.entity.subtype}` : ''}) via ${r.via}`);
    return { entity: r.entity };
  }
  if (r.status === 'unknown') {
    // Not an entity, but maybe a name the extractor missed: the text itself may still answer,
    // through a sentence that contains the exact phrase (retrieval, marked as such).
    // One phrase search decides "never mentioned" (fast: rare words) and seeds the retrieval.
    const seen = slot.anaphoric ? [] : phraseHits(ctx.store, slot.text);
    if (seen.length > 0) {
      const hit = opts.noRetrieval ? null : retrieveSentence(ctx.store, ctx.parsed.normalized, [], [], [slot.text, ...(opts.required ?? [])], undefined, seen);
      if (hit) {
        note(ctx, `"${slot.text}" is not a known entity but occurs in the text: retrieval (coverage ${hit.coverage.toFixed(2)})`);
        return { fail: answered(ctx, hit.item.value, [hit.item]) };
      }
      return { fail: noAnswer(ctx, 'no-supporting-claims', `The articles mention "${slot.text}" but state nothing that answers this.`) };
    }
    return { fail: noAnswer(ctx, 'unknown-entity', `The articles never mention "${slot.text}".`) };
  }
  const names = r.candidates.slice(0, 4).map((e) => `${e.name} (${e.subtype ?? e.type})`);
  return { fail: noAnswer(ctx, 'ambiguous-entity', `"${slot.text}" could mean several things in the articles: ${names.join(', ')}.`) };
}
