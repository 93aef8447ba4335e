/**
 * @module Generates a folder of hostile inputs for `marquee ingest` (issue 8): empty, binary,
 * badly encoded, truncated, malformed, looping, unreadable, huge. Everything is generated from
 * code (no checked-in binaries, no copied articles). The reliability test builds the set in a
 * temporary folder; this script builds it where you ask, to try by hand:
 *
 *     node --import tsx scripts/make-bad-inputs.ts /tmp/bad [--big-mb 100] [--nest-depth 4500000] [--long-words 200000]
 *     node bin/marquee.js ingest /tmp/bad --db /tmp/bad.db --json
 */
import { chmodSync, mkdirSync, symlinkSync, writeFileSync, openSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { pathToFileURL } from 'node:url';

/** What `marquee ingest` must do with one input. */
export type Expectation =
  /** Ingested: a document with this path is stored, and no error names it. */
  | { kind: 'ok'; textIncludes?: string }
  /** Refused: an error names this path and its message matches `reason`. */
  | { kind: 'error'; reason: RegExp }
  /** Either, but never a crash or a hang (e.g. inputs at the size limits). */
  | { kind: 'either' };

/** One generated input and what should happen to it. */
export interface BadInput {
  /** Short name of the case. */
  name: string;
  /** Path relative to the folder (for JSONL lines: the file; see `errorPath`). */
  file: string;
  /** The path an error must name, when it is not `file` (e.g. `mixed.jsonl:2`). */
  errorPath?: string;
  /** The path stored for the ingested document, when it is not `file` (e.g. `mixed.jsonl#1`). */
  docPath?: string;
  expect: Expectation;
  /** Not a folder entry but a path passed on the command line (relative to the folder). */
  explicit?: boolean;
}

/** Options for {@link makeBadInputs}. */
export interface MakeOptions {
  /** Size of the one big plain-text file, in MB (0: none). Default 20; the benchmark uses 100. */
  bigMb?: number;
  /** Words in the very long article. Default 200,000. */
  longWords?: number;
  /** Nesting depth of the deeply nested HTML page. Default 100,000. */
  nestDepth?: number;
  /** chmod 000 a file and a folder (whether that stops reads depends on privileges). */
  unreadable?: boolean;
}

const SENTENCES = [
  'The studio confirmed the casting on Tuesday after months of speculation.',
  'Production is expected to begin in the spring, with location work in the north.',
  'The director said the story had stayed with her since she first read it.',
  'Early reviews praised the score and the performances of the two leads.',
  'A sequel has not been ruled out, according to people close to the project.',
  'The series returns for a second season later this year on the streaming service.',
  'Tickets for the premiere sold out within an hour of going on sale.',
  'The soundtrack features three original songs written for the film.',
];

/** A plausible article body of about `words` words (invented sentences, repeated with numbers). */
export function proseWords(words: number): string {
  const out: string[] = [];
  let n = 0;
  let i = 0;
  while (n < words) {
    const s = SENTENCES[i % SENTENCES.length];
    const para = i % 6 === 5 ? '\n\n' : ' ';
    out.push(`${s.slice(0, -1)} (part ${i + 1}).${para}`);
    n += s.split(' ').length + 2;
    i++;
  }
  return out.join('');
}

/** A small article; its body names its title, so no two share a text (identical texts are deduplicated). */
const article = (title: string, extra = '') =>
  `${title}\n\nMira Castellane stars as Odile in "The Lantern Keeper", a film directed by Jonah Pell. This report is titled "${title}". ${extra}${proseWords(120)}\n`;

/** Write a file of `mb` megabytes of prose without holding it all in memory. */
function writeBigText(path: string, mb: number): void {
  const fd = openSync(path, 'w');
  try {
    writeSync(fd, 'An unusually long dispatch from the festival\n\n');
    const chunk = Buffer.from(proseWords(20_000));
    let written = 0;
    while (written < mb * 1024 * 1024) {
      writeSync(fd, chunk);
      written += chunk.length;
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * Build the hostile inputs in `dir` (which must exist and be empty) and return what each should
 * produce. Paths in the result are relative to `dir`.
 */
export function makeBadInputs(dir: string, opts: MakeOptions = {}): BadInput[] {
  const bigMb = opts.bigMb ?? 20;
  const longWords = opts.longWords ?? 200_000;
  const nestDepth = opts.nestDepth ?? 100_000;
  const cases: BadInput[] = [];
  const put = (file: string, data: string | Uint8Array, c: Omit<BadInput, 'file'>) => {
    const p = join(dir, file);
    mkdirSync(join(p, '..'), { recursive: true });
    writeFileSync(p, data);
    cases.push({ file, ...c });
  };

  // Good inputs, so we can see the bad ones never stop the rest.
  put('good-1.txt', article('Lantern Keeper casting announced'), { name: 'plain article', expect: { kind: 'ok' } });
  put('good-2.md', `# Second unit starts filming\n\n${proseWords(150)}\n`, { name: 'markdown article', expect: { kind: 'ok' } });

  // Empty and whitespace-only.
  put('empty.txt', '', { name: 'empty file', expect: { kind: 'error', reason: /empty/i } });
  put('blank.txt', ' \n\n\t \n', { name: 'whitespace-only file', expect: { kind: 'error', reason: /empty|no text/i } });

  // Binary files under names we would read (and under their own names, passed explicitly).
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), Buffer.from('IHDR'), Buffer.alloc(64, 7)]);
  const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n', 'latin1'), Buffer.alloc(32, 0)]);
  const elf = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(120, 0)]);
  put('poster.png.txt', png, { name: 'PNG bytes named .txt', expect: { kind: 'error', reason: /PNG|binary/i } });
  put('press-kit.html', pdf, { name: 'PDF bytes named .html', expect: { kind: 'error', reason: /PDF|binary/i } });
  put('notes.md', elf, { name: 'ELF executable named .md', expect: { kind: 'error', reason: /ELF|executable|binary/i } });
  put('feed.jsonl', png, { name: 'PNG bytes named .jsonl', expect: { kind: 'error', reason: /PNG|binary/i } });
  put('explicit/poster.png', png, { name: 'a .png passed explicitly', explicit: true, expect: { kind: 'error', reason: /unsupported|PNG|binary/i } });
  put('explicit/script.pdf', pdf, { name: 'a .pdf passed explicitly', explicit: true, expect: { kind: 'error', reason: /unsupported|PDF|binary/i } });

  // Encodings.
  put('invalid-utf8.txt', Buffer.concat([Buffer.from('Broken bytes in a headline\n\nThe premiere was '), Buffer.from([0xc3, 0x28, 0xff, 0xfe, 0x80]), Buffer.from(' a triumph for the cast.\n')]), {
    name: 'invalid UTF-8',
    expect: { kind: 'error', reason: /UTF-8|encoding/i },
  });
  const utf16 = `Café premiere draws a crowd\n\nRenée Vasquez stars as Inès in "Le Dernier Été", directed by Joël Marchand. ${proseWords(80)}\n`;
  put('utf16le-bom.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(utf16, 'utf16le')]), { name: 'UTF-16 LE with BOM', expect: { kind: 'ok', textIncludes: 'Renée Vasquez' } });
  const be = Buffer.from(utf16.replace('Café', 'Bistro').replace('stars as Inès', 'stars as Inès Moreau'), 'utf16le');
  be.swap16();
  put('utf16be-bom.txt', Buffer.concat([Buffer.from([0xfe, 0xff]), be]), { name: 'UTF-16 BE with BOM', expect: { kind: 'ok', textIncludes: 'Joël Marchand' } });
  const latin1 = `<!doctype html><html><head><meta charset="iso-8859-1"><title>Théâtre award for Amélie Roux</title></head><body><article><h1>Théâtre award for Amélie Roux</h1>` +
    `<p>Amélie Roux won the prize for her rôle in "La Fenêtre", a drama directed by Éric Lemaître. ${proseWords(60)}</p>` +
    `<p>The café scene, filmed in Orléans, was singled out by the jury. ${proseWords(60)}</p></article></body></html>`;
  put('latin1.html', Buffer.from(latin1, 'latin1'), { name: 'Latin-1 HTML with meta charset', expect: { kind: 'ok', textIncludes: 'Amélie Roux' } });

  // Compression.
  const gz = gzipSync(Buffer.from(article('A compressed article that is cut short', proseWords(400))));
  put('truncated.txt.gz', gz.subarray(0, Math.floor(gz.length / 2)), { name: 'truncated .gz', expect: { kind: 'error', reason: /truncated|corrupt|gz/i } });
  put('not-gzip.txt.gz', Buffer.from('this is plain text pretending to be gzip\n'), { name: '.gz that is not gzip', expect: { kind: 'error', reason: /truncated|corrupt|gz|header/i } });
  put('good-3.txt.gz', gzipSync(Buffer.from(article('A compressed article that is whole'))), { name: 'valid .gz', expect: { kind: 'ok' } });

  // HTML edge cases.
  put('no-body.html', '<!doctype html><html><head><title>Nothing here</title></head></html>', { name: 'HTML with no body', expect: { kind: 'error', reason: /no (usable |article )?text|empty|no body|nothing|too short/i } });
  put('script-only.html', '<html><body><script>var a = 1;</script><style>p{}</style></body></html>', { name: 'HTML with only scripts', expect: { kind: 'error', reason: /no (usable |article )?text|empty|no body|nothing|too short/i } });
  const nested = `<html><head><title>Nested tags</title></head><body>${'<div>'.repeat(nestDepth)}<p>Deep inside the markup, Tamsin Roe plays Vera in "The Cellar Stairs". ${proseWords(60)}</p>${'</div>'.repeat(nestDepth)}</body></html>`;
  put('deeply-nested.html', nested, { name: `HTML nested ${nestDepth} divs deep`, expect: { kind: 'either' } });
  put('unclosed.html', `<html><body>${'<div><span><b>'.repeat(5000)}Jun Okafor stars as Wade in "Low Tide". ${proseWords(60)}`, { name: 'HTML with 15k unclosed tags', expect: { kind: 'either' } });

  // JSON and JSONL.
  const rec = (n: number) => JSON.stringify({ title: `Festival dispatch number ${n}`, text: `Day ${n}: Imogen Vale stars as Bea in "North Light ${n}". ${proseWords(60)}`, date: '2024-05-0' + n });
  put('mixed.jsonl', [rec(1), '{"title": "Broken line", "text": "unterminated', rec(3), rec(4)].join('\n') + '\n', {
    name: 'JSONL with a malformed line 2',
    errorPath: 'mixed.jsonl:2',
    expect: { kind: 'error', reason: /JSON/i },
  });
  for (const n of [1, 3, 4]) cases.push({ name: `JSONL line ${n} of mixed.jsonl`, file: 'mixed.jsonl', docPath: `mixed.jsonl#${n}`, expect: { kind: 'ok' } });
  put('wrong-shape.json', JSON.stringify([1, 'two', { three: 3 }]), { name: 'JSON array of non-articles', errorPath: 'wrong-shape.json#1', expect: { kind: 'error', reason: /JSON|object|article/i } });
  put('scalar.json', '42', { name: 'JSON scalar', expect: { kind: 'error', reason: /JSON|object|article/i } });
  put('no-text.json', JSON.stringify({ title: 'A headline and nothing else', url: 'https://example.invalid/x' }), { name: 'JSON object without text', expect: { kind: 'error', reason: /text|body|field/i } });
  put('broken.json', '{"title": "Cut off", "text": "The premiere', { name: 'JSON that does not parse', expect: { kind: 'error', reason: /JSON/i } });

  // Symlink loops: two links pointing at each other, and a folder link back to its parent.
  symlinkSync('loop-b.txt', join(dir, 'loop-a.txt'));
  symlinkSync('loop-a.txt', join(dir, 'loop-b.txt'));
  cases.push({ name: 'symlink loop (a → b → a)', file: 'loop-a.txt', expect: { kind: 'error', reason: /loop|ELOOP/i } });
  cases.push({ name: 'symlink loop (b → a → b)', file: 'loop-b.txt', expect: { kind: 'error', reason: /loop|ELOOP/i } });
  mkdirSync(join(dir, 'cycle'));
  writeFileSync(join(dir, 'cycle', 'inside.txt'), article('An article inside a folder with a loop'));
  symlinkSync('..', join(dir, 'cycle', 'up'));
  cases.push({ name: 'article in a folder that links back to its parent', file: 'cycle/inside.txt', expect: { kind: 'ok' } });
  symlinkSync('does-not-exist.txt', join(dir, 'dangling.txt'));
  cases.push({ name: 'dangling symlink', file: 'dangling.txt', expect: { kind: 'error', reason: /no such|missing|not found|ENOENT/i } });

  // Unreadable file and folder (chmod 000).
  if (opts.unreadable !== false) {
    put('unreadable.txt', article('You cannot read this one'), { name: 'unreadable file (chmod 000)', expect: { kind: 'error', reason: /permission|denied|EACCES/i } });
    chmodSync(join(dir, 'unreadable.txt'), 0o000);
    mkdirSync(join(dir, 'locked'));
    writeFileSync(join(dir, 'locked', 'inside.txt'), article('Locked away'));
    chmodSync(join(dir, 'locked'), 0o000);
    cases.push({ name: 'unreadable folder (chmod 000)', file: 'locked', expect: { kind: 'error', reason: /permission|denied|EACCES/i } });
  }

  // Awkward names.
  put('with spaces/a file with spaces.txt', article('Spaces in the path'), { name: 'path with spaces', expect: { kind: 'ok' } });
  put('ünïcödé/Amélie – première 名前 🎬.txt', article('Non-ASCII path'), { name: 'non-ASCII path', expect: { kind: 'ok' } });
  put("quotes/it's \"quoted\" $HOME;.txt", article('Shell metacharacters in the path'), { name: 'shell metacharacters in the name', expect: { kind: 'ok' } });

  // Size.
  put('long-200k-words.txt', `The longest profile ever written about a supporting actor\n\n${proseWords(longWords)}\n`, { name: `article of ${longWords} words`, expect: { kind: 'either' } });
  if (bigMb > 0) {
    writeBigText(join(dir, `big-${bigMb}mb.txt`), bigMb);
    cases.push({ name: `${bigMb} MB text file`, file: `big-${bigMb}mb.txt`, expect: { kind: 'either' } });
  }
  return cases;
}

/** The command-line arguments that ingest the set: the folder plus the explicit paths. */
export function ingestArgs(dir: string, cases: BadInput[]): string[] {
  return [dir, ...cases.filter((c) => c.explicit).map((c) => join(dir, c.file))];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const dir = args.find((a) => !a.startsWith('--'));
  if (!dir) {
    console.error('usage: node --import tsx scripts/make-bad-inputs.ts <empty-folder> [--big-mb N] [--nest-depth N] [--long-words N]');
    process.exit(2);
  }
  const num = (flag: string, dflt: number) => (args.includes(flag) ? Number(args[args.indexOf(flag) + 1]) : dflt);
  mkdirSync(dir, { recursive: true });
  const cases = makeBadInputs(dir, { bigMb: num('--big-mb', 20), nestDepth: num('--nest-depth', 100_000), longWords: num('--long-words', 200_000) });
  for (const c of cases) console.log(`${c.expect.kind.padEnd(6)} ${c.file}${c.errorPath ? ` (${c.errorPath})` : ''} — ${c.name}`);
  console.log(`\nnode bin/marquee.js ingest ${ingestArgs(dir, cases).map((a) => JSON.stringify(a)).join(' ')} --json`);
}
