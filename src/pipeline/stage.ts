/**
 * @module Stage contracts: each stage declares what it requires and assigns; the pipeline refuses
 * to build when a requirement is unmet (E201), and times every stage.
 */
import type { Document, LayerName } from '../doc/document.js';

export type Attr = `doc.${LayerName}` | 'doc.text' | 'doc.meta';

export interface StageContext {
  /** Records a traced decision: `trace('clean', 'chose', {...})`. */
  trace?: (stage: string, event: string, data: Record<string, unknown>) => void;
}

export interface Stage {
  /** Versioned registered name: `sentences.wink.v1`. */
  readonly name: `${string}.v${number}`;
  readonly requires: readonly Attr[];
  readonly assigns: readonly Attr[];
  run(doc: Document, ctx: StageContext): void;
}

export const defineStage = (s: Stage): Stage => s;
