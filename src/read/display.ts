/**
 * @module `marquee read <file>`: read one input, clean it, and return what a reader wants to see
 * (metadata and clean text), with the cleaning trace on `--explain`.
 */
import { cleanArticle } from '../clean/index.js';
import type { TraceEntry } from '../clean/types.js';
import { MarqueeError } from '../errors.js';
import { readPaths } from './index.js';

export interface DisplayArticle {
  title: string;
  date: string | null;
  author: string | null;
  source: string | null;
  url: string | null;
  language: string | null;
  text: string;
  dateSource?: string | null;
  trace?: TraceEntry[];
}

/**
 * Read and clean the first article of `path` (a feed or JSONL file gives its first item).
 * Throws the reader's error as a MarqueeError when nothing could be read.
 */
export async function readForDisplay(path: string, opts: { explain?: boolean } = {}): Promise<DisplayArticle> {
  let firstError: string | null = null;
  for await (const item of readPaths([path])) {
    if ('error' in item) {
      firstError ??= item.error.message;
      continue;
    }
    const { text, meta, trace } = cleanArticle(item.article, { explain: opts.explain });
    const out: DisplayArticle = {
      title: meta.title,
      date: meta.date,
      author: meta.author ?? null,
      source: meta.source,
      url: meta.url,
      language: meta.language ?? null,
      text,
      dateSource: meta.dateSource ?? null,
    };
    if (opts.explain) out.trace = trace;
    return out;
  }
  const m = /^(E\d{3}) ([\s\S]*)$/.exec(firstError ?? '');
  throw new MarqueeError(m ? m[1] : 'E114', m ? m[2] : `${path}: no article could be read.`);
}
