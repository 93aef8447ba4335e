/**
 * @module Types of the cleaning stage: its result and the trace of its decisions.
 */
import type { ArticleMeta } from '../doc/document.js';

/** One traced decision (`marquee read --explain`): stage, event and data. */
export interface TraceEntry {
  stage: string;
  event: string;
  data: Record<string, unknown>;
}

/** The cleaned text (frozen from here on: all offsets refer to it), its metadata and the trace. */
export interface CleanResult {
  text: string;
  meta: ArticleMeta;
  trace: TraceEntry[];
}

export interface CleanOptions {
  /** Record a detailed trace (dropped lines, rejected candidates). The main decisions are always traced. */
  explain?: boolean;
}
