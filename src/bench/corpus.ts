/**
 * @module Writes a generated corpus to disk, streaming: one article is in memory at a time, so
 * 100k+ articles take constant memory. `.txt` corpora go 1,000 files to a folder; JSONL corpora
 * are split into shards. A `.manifest.json` records what was written (and lets callers reuse it).
 */
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { countWords, createGenerator, GENERATOR_VERSION, renderJsonl, renderTxt } from './generate.js';

export type CorpusFormat = 'txt' | 'jsonl';

export interface CorpusOptions {
  /** Number of articles. */
  count: number;
  /** Seed number: the same seed and count give the same bytes. */
  seed: number;
  /** First article number (default 0): `start: 10000` writes the articles that follow a 10k corpus. */
  start?: number;
  /** Output folder (created). */
  out: string;
  /** Default `jsonl` above {@link TXT_MAX_DEFAULT} articles, else `txt`. */
  format?: CorpusFormat;
  /** Articles per JSONL shard. Default {@link DEFAULT_SHARD_SIZE}. */
  shardSize?: number;
  /** Called every {@link PROGRESS_EVERY} articles. */
  onProgress?: (done: number) => void;
}

export interface CorpusManifest {
  generatorVersion: number;
  seed: number;
  start: number;
  count: number;
  format: CorpusFormat;
  files: number;
  words: number;
  bytes: number;
}

/** Up to this many articles, one `.txt` per article is the default (more files cost inodes and open() time). */
export const TXT_MAX_DEFAULT = 20_000;
/** 10k articles is ~30 MB of JSONL: large enough to stream, small enough to list. */
export const DEFAULT_SHARD_SIZE = 10_000;
/** Files per folder for `.txt` corpora (keeps directory listings fast). */
const FILES_PER_FOLDER = 1000;
/** Bytes buffered before a JSONL write. */
const WRITE_BUFFER_BYTES = 1 << 20;
const PROGRESS_EVERY = 5000;
/** Manifest file name: a dotfile, so that readers walking the corpus folder skip it. */
export const MANIFEST = '.manifest.json';

/**
 * Generate `count` articles into `out`, streaming.
 *
 * @param opts - count, seed, out folder, format
 * @returns the manifest (also written to `out/.manifest.json`)
 * @example writeCorpus({ count: 1000, seed: 1, out: 'bench-data/s1-1000' })
 */
export function writeCorpus(opts: CorpusOptions): CorpusManifest {
  const format = opts.format ?? (opts.count > TXT_MAX_DEFAULT ? 'jsonl' : 'txt');
  const shardSize = opts.shardSize ?? DEFAULT_SHARD_SIZE;
  const gen = createGenerator(opts.seed);
  const start = opts.start ?? 0;
  const end = start + opts.count;
  mkdirSync(opts.out, { recursive: true });
  let words = 0;
  let bytes = 0;
  let files = 0;
  if (format === 'txt') {
    for (let i = start; i < end; i++) {
      const a = gen.article(i);
      const dir = join(opts.out, String(Math.floor(i / FILES_PER_FOLDER)).padStart(3, '0'));
      if (i === start || i % FILES_PER_FOLDER === 0) mkdirSync(dir, { recursive: true });
      const s = renderTxt(a);
      writeFileSync(join(dir, `${String(i).padStart(7, '0')}.txt`), s);
      words += countWords(a.title) + countWords(a.body);
      bytes += Buffer.byteLength(s);
      files++;
      if (opts.onProgress && (i + 1 - start) % PROGRESS_EVERY === 0) opts.onProgress(i + 1 - start);
    }
  } else {
    let fd = -1;
    let buf: string[] = [];
    let bufBytes = 0;
    const flush = (): void => {
      if (buf.length > 0) writeSync(fd, buf.join(''));
      buf = [];
      bufBytes = 0;
    };
    for (let i = start; i < end; i++) {
      if (i === start || i % shardSize === 0) {
        if (fd >= 0) {
          flush();
          closeSync(fd);
        }
        fd = openSync(join(opts.out, `shard-${String(Math.floor(i / shardSize)).padStart(4, '0')}.jsonl`), 'w');
        files++;
      }
      const a = gen.article(i);
      const line = renderJsonl(a) + '\n';
      buf.push(line);
      const n = Buffer.byteLength(line);
      bufBytes += n;
      bytes += n;
      words += countWords(a.title) + countWords(a.body);
      if (bufBytes >= WRITE_BUFFER_BYTES) flush();
      if (opts.onProgress && (i + 1 - start) % PROGRESS_EVERY === 0) opts.onProgress(i + 1 - start);
    }
    if (fd >= 0) {
      flush();
      closeSync(fd);
    }
  }
  const manifest: CorpusManifest = { generatorVersion: GENERATOR_VERSION, seed: opts.seed, start, count: opts.count, format, files, words, bytes };
  writeFileSync(join(opts.out, MANIFEST), JSON.stringify(manifest, null, 2) + '\n');
  return manifest;
}

/** The manifest of a corpus already written with the same settings, or null. */
export function existingCorpus(out: string, count: number, seed: number, format: CorpusFormat, start = 0): CorpusManifest | null {
  const f = join(out, MANIFEST);
  if (!existsSync(f)) return null;
  try {
    const m = JSON.parse(readFileSync(f, 'utf8')) as CorpusManifest;
    return m.generatorVersion === GENERATOR_VERSION && m.count === count && m.seed === seed && m.format === format && (m.start ?? 0) === start ? m : null;
  } catch {
    return null;
  }
}
