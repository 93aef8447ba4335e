/**
 * @module Measuring helpers for the benchmarks: machine details, percentiles, a peak-RSS sampler,
 * the wink-nlp ceiling (bare tokenisation speed on the same texts) and markdown tables.
 */
import { cpus, totalmem, availableParallelism, platform, release } from 'node:os';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { countWords } from './generate.js';

export interface MachineInfo {
  cpu: string;
  cores: number;
  ramGb: number;
  node: string;
  os: string;
}

export function machineInfo(): MachineInfo {
  return {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: availableParallelism(),
    ramGb: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    os: `${platform()} ${release()}`,
  };
}

/** The p-th percentile (0-100) of `xs` by nearest rank; NaN for an empty list. */
export function percentile(xs: readonly number[], p: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const rank = Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1));
  return s[rank];
}

/** Samples the process RSS (worker threads included: they share the process) and keeps the peak. */
export class RssSampler {
  peak = process.memoryUsage().rss;
  private timer: NodeJS.Timeout | null = null;

  /** @param everyMs - sampling period; the main thread's own calls to {@link sample} fill the gaps when it is busy. */
  start(everyMs = 100): this {
    this.timer = setInterval(() => this.sample(), everyMs);
    this.timer.unref();
    return this;
  }

  sample(): number {
    const rss = process.memoryUsage().rss;
    if (rss > this.peak) this.peak = rss;
    return rss;
  }

  stop(): number {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.sample();
    // The kernel's high-water mark catches peaks between samples (it covers the whole process life).
    const maxRss = process.resourceUsage().maxRSS * 1024;
    return Math.max(this.peak, maxRss);
  }
}

export interface CeilingResult {
  /** Articles and words timed. */
  articles: number;
  words: number;
  /** wink-nlp with no pipeline steps: tokenisation only (the "bare tokenisation"). */
  tokenizeWordsPerSec: number;
  /** wink-nlp's default pipeline (sentences, POS, entities...) as Marquee's NLP stage uses it. */
  fullWordsPerSec: number;
  /** The same two, per CPU second (robust when other processes compete for the cores). */
  tokenizeWordsPerCpuSec: number;
  fullWordsPerCpuSec: number;
}

/** Minimum timed duration of each ceiling measurement: short runs are dominated by JIT warm-up. */
const CEILING_MIN_MS = 3000;

/**
 * Bare wink-nlp speed on `texts`: tokens out of `readDoc`, with no pipeline (tokenisation) and with
 * the default pipeline. Texts are repeated until each measurement lasts at least 3 s.
 */
export function winkCeiling(texts: readonly string[]): CeilingResult {
  const words = texts.reduce((s, t) => s + countWords(t), 0);
  const run = (nlp: ReturnType<typeof winkNLP>, withPos: boolean): [number, number] => {
    const its = nlp.its;
    // Warm-up pass (JIT, model caches), not timed.
    for (const t of texts.slice(0, Math.min(texts.length, 50))) nlp.readDoc(t).tokens().out(its.value);
    let n = 0;
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    let ms = 0;
    do {
      for (const t of texts) {
        const d = nlp.readDoc(t);
        d.tokens().out(its.value);
        if (withPos) d.tokens().out(its.pos);
      }
      n++;
      ms = performance.now() - t0;
    } while (ms < CEILING_MIN_MS);
    const cpu = process.cpuUsage(cpu0);
    return [(words * n) / (ms / 1000), (words * n) / ((cpu.user + cpu.system) / 1e6)];
  };
  const [tokenizeWordsPerSec, tokenizeWordsPerCpuSec] = run(winkNLP(model, []), false);
  const [fullWordsPerSec, fullWordsPerCpuSec] = run(winkNLP(model), true);
  return { articles: texts.length, words, tokenizeWordsPerSec, fullWordsPerSec, tokenizeWordsPerCpuSec, fullWordsPerCpuSec };
}

/** A markdown table from a header row and rows of cells. */
export function markdownTable(header: string[], rows: (string | number)[][]): string {
  const line = (cells: (string | number)[]): string => `| ${cells.map(String).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** 1234567 → "1,234,567"; fractional values keep `digits` decimals. */
export function fmt(x: number, digits = 0): string {
  if (!Number.isFinite(x)) return 'n/a';
  return x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

export function mb(bytes: number): string {
  return `${fmt(bytes / 2 ** 20, 0)} MB`;
}
