/**
 * @module Writing to a Node Writable with backpressure: exports await `drain` instead of
 * buffering, so a large knowledge base streams out in constant memory.
 */
import { once } from 'node:events';
import type { Writable } from 'node:stream';

/** A text sink over a Writable. `write` resolves once the stream can take more. */
export interface Sink {
  write(chunk: string): Promise<void>;
  /** Characters written so far. */
  readonly written: number;
}

/** Chunks smaller than this are batched before reaching the stream (fewer syscalls). */
const BATCH_CHARS = 64 * 1024;

/** A Sink over `out`; call `flush()` before ending the stream. */
export function createSink(out: Writable): Sink & { flush(): Promise<void> } {
  let buffer = '';
  let written = 0;
  const push = async (s: string): Promise<void> => {
    if (s.length === 0) return;
    if (out.destroyed) throw new Error('export: the output stream was closed');
    if (out.write(s)) return;
    // Wait for drain, or fail if the stream closes first; either way remove both listeners.
    const ac = new AbortController();
    try {
      await Promise.race([
        once(out, 'drain', { signal: ac.signal }),
        once(out, 'close', { signal: ac.signal }).then(() => {
          throw new Error('export: the output stream was closed');
        }),
      ]);
    } finally {
      ac.abort();
    }
  };
  return {
    async write(chunk: string) {
      buffer += chunk;
      written += chunk.length;
      if (buffer.length >= BATCH_CHARS) {
        const b = buffer;
        buffer = '';
        await push(b);
      }
    },
    get written() {
      return written;
    },
    async flush() {
      const b = buffer;
      buffer = '';
      await push(b);
    },
  };
}

/** Ends `out` and waits until its data is flushed (`finish`). Standard streams are left open. */
export async function endStream(out: Writable): Promise<void> {
  if (out === (process.stdout as Writable) || out === (process.stderr as Writable)) return;
  if (out.writableFinished) return;
  const done = once(out, 'finish');
  out.end();
  await done;
}
