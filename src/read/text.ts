/**
 * @module Plain-text and Markdown articles. The first non-empty, non-boilerplate line is the title,
 * unless the file starts with a ` date YYYY-MM-DD` header: that header is metadata (date,
 * dateSource `header`), the text follows it, and the title is derived from the first sentence.
 * Markdown YAML front matter (`title:`, `date:`) is read as metadata too.
 */
import { classifyLine } from '../clean/boilerplate.js';
import { normalizeDate } from './dates.js';
import type { RawArticle } from './types.js';

/** A derived title longer than this is cut at a word boundary: titles are headlines, not paragraphs. */
export const MAX_DERIVED_TITLE_CHARS = 160;

/**
 * A first line longer than this is a paragraph, not a headline: the file has no title line, so
 * the line stays in the text and the title is derived from its first sentence.
 */
export const MAX_TITLE_LINE_CHARS = 250;

/** ` date 2021-10-15` at the very start of the file (a leading space, as the seeds have it). */
const DATE_HEADER = /^\s?date\s+(\d{4}-\d{2}-\d{2})\b[ \t]*\n?/;

/** The first sentence of `text`, trimmed and cut to a headline length. */
export function firstSentence(text: string): string {
  const line = text.trim().split('\n')[0] ?? '';
  const m = /^.*?[.!?…]+["”’)]*(?=\s+["“‘(]?[\p{Lu}\p{N}]|\s*$)/u.exec(line);
  let s = (m ? m[0] : line).trim();
  if (s.length > MAX_DERIVED_TITLE_CHARS) {
    const cut = s.slice(0, MAX_DERIVED_TITLE_CHARS);
    const sp = cut.lastIndexOf(' ');
    s = `${(sp > 40 ? cut.slice(0, sp) : cut).trim()}…`;
  }
  return s;
}

/**
 * Markdown → plain text, markup only (words untouched): heading markers, emphasis, inline code,
 * link targets, images, blockquote markers and code fences go; list markers stay.
 */
export function markdownToText(md: string): string {
  return md
    .split('\n')
    .filter((l) => !/^\s*(```|~~~)/.test(l))
    .map((l) =>
      l
        .replace(/^\s{0,3}#{1,6}\s+(.*?)(\s+#+)?\s*$/, '$1')
        .replace(/^\s{0,3}>\s?/, '')
        .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
        .replace(/\[([^\]]+)\]\((?:[^()\s]|\([^()]*\))*(?:\s+"[^"]*")?\)/g, '$1')
        .replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, '$2')
        .replace(/(^|[\s(])\*(?=\S)([^*]+?)(?<=\S)\*(?=[\s).,;:!?]|$)/g, '$1$2')
        .replace(/`([^`]+)`/g, '$1'),
    )
    .join('\n');
}

/** Parse a decoded text/Markdown file into a raw article. */
export function parseTextArticle(content: string, path: string, markdown = false): RawArticle {
  let text = content.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const art: RawArticle = { path };
  if (markdown) {
    const fm = /^---\n([\s\S]*?)\n---\n/.exec(text);
    if (fm) {
      text = text.slice(fm[0].length);
      for (const l of fm[1].split('\n')) {
        const kv = /^(\w+)\s*:\s*["']?(.*?)["']?\s*$/.exec(l);
        if (!kv) continue;
        const key = kv[1].toLowerCase();
        if (key === 'title') art.title = kv[2];
        else if (key === 'date' || key === 'published') {
          art.date = normalizeDate(kv[2]);
          if (art.date) art.dateSource = 'header';
        } else if (key === 'author') art.author = kv[2];
        else if (key === 'url') art.url = kv[2];
        else if (key === 'source') art.source = kv[2];
      }
    }
  }
  if (markdown) text = markdownToText(text);
  const dh = DATE_HEADER.exec(text);
  if (dh) {
    art.date = normalizeDate(dh[1]) ?? dh[1];
    art.dateSource = 'header';
    art.text = text.slice(dh[0].length);
    if (!art.title) art.title = firstSentence(art.text);
    return art;
  }
  if (art.title) {
    art.text = text;
    return art;
  }
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i].trim();
    if (l === '' || classifyLine(l)) continue;
    if (l.length > MAX_TITLE_LINE_CHARS) {
      art.title = firstSentence(l);
      art.text = lines.slice(i).join('\n');
      return art;
    }
    art.title = l;
    art.text = lines.slice(i + 1).join('\n');
    return art;
  }
  art.title = null;
  art.text = text;
  return art;
}
