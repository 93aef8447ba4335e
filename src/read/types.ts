/**
 * @module What readers produce: raw articles (before cleaning) and per-input errors.
 */

/** One article as read from a file, feed item or JSON record, before cleaning. */
export interface RawArticle {
  /** Path of the file it came from; feed/JSONL items add `#<n>` (line or item number). */
  path: string;
  /** Plain text body (txt/md/jsonl text field), if any. */
  text?: string;
  /** HTML body (html files, jsonl html field, RSS content:encoded), if any. */
  html?: string;
  title?: string | null;
  url?: string | null;
  /** Publication date as found (ISO or any parseable form). */
  date?: string | null;
  /** Where the date came from: header, jsonld, meta, time, url, field, cli. */
  dateSource?: string | null;
  source?: string | null;
  author?: string | null;
  language?: string | null;
}

/** A clear per-input error: the path (with `:line` for a JSONL line) and the reason. */
export interface ReadError {
  path: string;
  message: string;
}

/** A reader's output for one input path: articles read and errors met. */
export interface ReadResult {
  articles: RawArticle[];
  errors: ReadError[];
}

/** One item from `readPaths`: an article read, or a clear per-input error. */
export type ReadItem = { article: RawArticle } | { error: ReadError };

/** Options for `readPaths`. */
export interface ReadOptions {
  /**
   * Field-name mapping for JSON/JSONL records: our name → theirs, e.g.
   * `{ text: 'body', date: 'published_at' }`. Our names: text, html, body, title, url, date,
   * published, source, author, language.
   */
  fields?: Record<string, string>;
}
