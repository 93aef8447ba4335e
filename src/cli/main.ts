/**
 * @module The `marquee` command. Each command parses its arguments, calls one Engine method and
 * prints the result (`--json`: exactly the HTTP API's body). Exit codes: 0 ok, 1 some input failed
 * or nothing found, 2 usage error.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { createEngine, defaultDbPath, VERSION } from '../engine/engine.js';
import { formatAsk, formatClaimLine, formatEntityPage, formatEvidence, formatIngest, bold, dim, safe } from './format.js';
import type { RawArticle } from '../read/types.js';
import { registerCurateCommands } from '../curate/commands.js';

const out = (s: string) => process.stdout.write(s + '\n');
const err = (s: string) => process.stderr.write(s + '\n');

/** Count the files below `paths` (for the progress bar's total). */
function countFiles(paths: string[]): number {
  let n = 0;
  const seen = new Set<string>();
  const walk = (p: string, depth: number) => {
    if (depth > 64 || seen.has(p)) return;
    seen.add(p);
    let st;
    try {
      st = statSync(p);
    } catch {
      n++;
      return;
    }
    if (st.isDirectory()) {
      let names: string[] = [];
      try {
        names = readdirSync(p);
      } catch {
        return;
      }
      for (const name of names) if (!name.startsWith('.')) walk(join(p, name), depth + 1);
    } else n++;
  };
  paths.forEach((p) => walk(p, 0));
  return n;
}

function parseFields(list: string[] | undefined): Record<string, string> | undefined {
  if (!list || list.length === 0) return undefined;
  const fields: Record<string, string> = {};
  for (const f of list) {
    const m = /^(\w+)=(.+)$/.exec(f);
    if (!m) throw new CommanderError(2, 'marquee.usage', `--field expects name=sourceField, got '${f}'`);
    fields[m[1]] = m[2];
  }
  return fields;
}

const collect = (v: string, prev: string[] = []) => [...prev, v];

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export function buildProgram(): Command {
  const program = new Command();
  program
    .name('marquee')
    .description('Offline knowledge engine for entertainment news: a cited knowledge graph from articles.')
    .version(VERSION)
    .showHelpAfterError()
    .exitOverride();

  const dbOption = () => new Option('--db <file>', 'SQLite knowledge base (default: $MARQUEE_DB or ./marquee.db)');

  program
    .command('ingest')
    .description('read articles (txt, md, html, json, jsonl, rss/atom, .gz) into the knowledge base')
    .argument('<path...>', 'files or folders (recursive)')
    .addOption(dbOption())
    .option('--json', 'print one JSON summary object')
    .option('--field <name=source>', 'JSONL/JSON field mapping, e.g. --field text=body (repeatable)', collect)
    .option('--workers <n>', 'worker threads for cleaning and extraction (same results; 0 = none)', (v) => parseInt(v, 10), 0)
    .action(async (paths: string[], o: { db?: string; json?: boolean; field?: string[]; workers: number }) => {
      if (!Number.isInteger(o.workers) || o.workers < 0 || o.workers > 64) throw new CommanderError(2, 'marquee.usage', '--workers must be a whole number from 0 to 64');
      const fields = parseFields(o.field);
      const engine = createEngine({ db: o.db ?? defaultDbPath() });
      const controller = new AbortController();
      const onSigint = () => {
        if (controller.signal.aborted) process.exit(130);
        controller.abort();
        err('\nStopping after the current document… (press Ctrl-C again to quit now)');
      };
      process.on('SIGINT', onSigint);
      let bar: { update(n: number, p?: object): void; stop(): void } | null = null;
      if (process.stderr.isTTY && !process.env.CI) {
        const { SingleBar, Presets } = await import('cli-progress');
        const total = countFiles(paths);
        const b = new SingleBar({ format: 'ingest [{bar}] {value}/{total} files · {added} added · {failed} failed', stream: process.stderr, hideCursor: true }, Presets.shades_classic);
        b.start(total, 0, { added: 0, failed: 0 });
        bar = b;
      }
      let files = 0;
      let lastFile = '';
      try {
        const summary = await engine.ingest(paths, {
          fields,
          workers: o.workers,
          signal: controller.signal,
          onProgress: (p) => {
            const file = p.path.replace(/(#\d+|:\d+)$/, '');
            if (file !== lastFile) {
              files++;
              lastFile = file;
            }
            bar?.update(files, { added: p.added, failed: p.failed });
          },
        });
        bar?.stop();
        if (o.json) out(JSON.stringify(summary));
        else out(formatIngest(summary));
        if (controller.signal.aborted) err('Interrupted. Run the same command again to ingest the rest: finished documents are skipped.');
        process.exitCode = controller.signal.aborted ? 130 : summary.documents.failed > 0 ? 1 : 0;
      } finally {
        bar?.stop();
        process.off('SIGINT', onSigint);
        engine.close();
      }
    });

  program
    .command('ask')
    .description('answer a question from the knowledge base, with citations')
    .argument('<question>')
    .addOption(dbOption())
    .option('--json', 'print the answer object')
    .option('--explain', 'include the query plan')
    .action((question: string, o: { db?: string; json?: boolean; explain?: boolean }) => {
      const engine = createEngine({ db: o.db ?? defaultDbPath() });
      try {
        const r = engine.ask(question, { explain: o.explain });
        out(o.json ? JSON.stringify(r) : formatAsk(r));
        process.exitCode = r.answer === null ? 1 : 0;
      } finally {
        engine.close();
      }
    });

  program
    .command('facts')
    .description('print claims as JSON Lines')
    .addOption(dbOption())
    .option('--predicate <name>', 'only this predicate (e.g. cast_member)')
    .option('--entity <name>', 'only claims about this entity (name, alias or id)')
    .option('--limit <n>', 'at most n claims', (v) => parseInt(v, 10))
    .action((o: { db?: string; predicate?: string; entity?: string; limit?: number }) => {
      const engine = createEngine({ db: o.db ?? defaultDbPath() });
      try {
        for (const c of engine.facts({ predicate: o.predicate, entity: o.entity, limit: o.limit })) out(JSON.stringify(c));
      } finally {
        engine.close();
      }
    });

  program
    .command('extract')
    .description('extract claims from one article without a database (JSON Lines)')
    .argument('<file>', "article file, or '-' for standard input")
    .option('--date <YYYY-MM-DD>', "the article's publication date")
    .option('--title <title>', "the article's title")
    .option('--pretty', 'one readable line per claim instead of JSON')
    .action(async (file: string, o: { date?: string; title?: string; pretty?: boolean }) => {
      if (o.date && !/^\d{4}-\d{2}-\d{2}$/.test(o.date)) throw new CommanderError(2, 'marquee.usage', `--date must be YYYY-MM-DD, got '${o.date}'`);
      const articles: RawArticle[] = [];
      if (file === '-') articles.push({ path: '-', text: await readStdin() });
      else {
        const { readPaths } = await import('../read/index.js');
        for await (const item of readPaths([file])) {
          if ('error' in item) {
            err(`error ${item.error.path}: ${item.error.message}`);
            process.exitCode = 1;
          } else articles.push(item.article);
        }
      }
      const engine = createEngine({ store: (await import('../store/memory/index.js')).openMemoryStore() });
      try {
        for (const a of articles) {
          if (o.date) Object.assign(a, { date: o.date, dateSource: 'cli' });
          if (o.title) a.title = o.title;
          try {
            for (const c of engine.extract(a)) out(o.pretty ? `${c.predicate}: ${formatClaimLine(c)}` : JSON.stringify(c));
          } catch (e) {
            err(`error ${a.path}: ${(e as Error).message}`);
            process.exitCode = 1;
          }
        }
      } finally {
        engine.close();
      }
    });

  program
    .command('entity')
    .description("show an entity's facts grouped by predicate, aliases and sources")
    .argument('<name>', 'name, alias or id')
    .addOption(dbOption())
    .option('--json', 'print the entity page object')
    .action((name: string, o: { db?: string; json?: boolean }) => {
      const engine = createEngine({ db: o.db ?? defaultDbPath() });
      try {
        const found = engine.findEntity(name);
        if (found.length === 0) {
          if (o.json) out(JSON.stringify({ error: { code: 'not-found', message: `No entity named '${name}'.` } }));
          else err(`No entity named '${safe(name)}'.`);
          process.exitCode = 1;
          return;
        }
        const page = engine.entityPage(found[0].id)!;
        if (o.json) out(JSON.stringify(page));
        else {
          out(formatEntityPage(page));
          if (found.length > 1) out(dim(`\n  (${found.length - 1} other entities share this name: ${found.slice(1, 6).map((f) => `${f.name} [${f.type}${f.subtype ? '/' + f.subtype : ''}] ${f.id}`).join('; ')})`));
        }
      } finally {
        engine.close();
      }
    });

  program
    .command('timeline')
    .description("an entity's dated events in order")
    .argument('<name>', 'name, alias or id')
    .addOption(dbOption())
    .option('--json', 'print the events')
    .action((name: string, o: { db?: string; json?: boolean }) => {
      const engine = createEngine({ db: o.db ?? defaultDbPath() });
      try {
        const found = engine.findEntity(name);
        const events = found.length ? engine.timeline(found[0].id) ?? [] : [];
        if (found.length === 0) process.exitCode = 1;
        if (o.json) out(JSON.stringify(events));
        else for (const ev of events) out(`${bold(ev.date.padEnd(10))}  ${safe(ev.label)}${ev.modality === 'asserted' ? '' : dim(` [${ev.modality}]`)}\n            ${dim('— ' + (ev.claim.evidence[0]?.document.title ?? ''))}`);
      } finally {
        engine.close();
      }
    });

  program
    .command('search')
    .description('full-text search over article sentences')
    .argument('<query>')
    .addOption(dbOption())
    .option('--json', 'print the hits')
    .option('--limit <n>', 'at most n hits', (v) => parseInt(v, 10), 10)
    .action((query: string, o: { db?: string; json?: boolean; limit: number }) => {
      const engine = createEngine({ db: o.db ?? defaultDbPath() });
      try {
        const hits = engine.search(query, o.limit);
        if (o.json) out(JSON.stringify(hits));
        else for (const h of hits) out(formatEvidence(h.snippet, '  '));
      } finally {
        engine.close();
      }
    });

  program
    .command('read')
    .description('print the cleaned text and metadata Marquee reads from one file')
    .argument('<file>')
    .option('--explain', 'include the extraction decisions')
    .action(async (file: string, o: { explain?: boolean }) => {
      const { readForDisplay } = await import('../read/display.js');
      out(JSON.stringify(await readForDisplay(file, { explain: o.explain }), null, 2));
    });

  program
    .command('serve')
    .description('start the HTTP API and web UI')
    .addOption(dbOption())
    .option('--port <n>', 'port', (v) => parseInt(v, 10), 4280)
    .option('--host <host>', 'interface to bind', '127.0.0.1')
    .option('--allow-ingest', 'accept POST /api/documents')
    .option('--allow-edit', 'accept corrections over the API')
    .action(async (o: { db?: string; port: number; host: string; allowIngest?: boolean; allowEdit?: boolean }) => {
      const { startServer } = await import('../server/serve.js');
      const engine = createEngine({ db: o.db ?? defaultDbPath() });
      const server = await startServer({ engine, port: o.port, host: o.host, allowIngest: !!o.allowIngest, allowEdit: !!o.allowEdit } as Parameters<typeof startServer>[0]);
      out(`Marquee is serving ${o.db ?? defaultDbPath()} at ${bold(server.url)}  (Ctrl-C to stop)`);
      const stop = async () => {
        await server.close();
        engine.close();
        process.exit(0);
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });

  program
    .command('pipeline')
    .description('print the extraction pipeline: each stage with what it requires and assigns')
    .action(async () => {
      const { createExtractionPipeline } = await import('../extract/index.js');
      for (const s of createExtractionPipeline().describe()) out(`${s.name.padEnd(24)} requires ${s.requires.join(', ').padEnd(40)} assigns ${s.assigns.join(', ')}`);
    });

  program
    .command('demo')
    .description('build a knowledge base from the bundled examples, answer sample questions, then serve the web UI')
    .addOption(dbOption())
    .option('--no-serve', 'stop after the answers')
    .option('--port <n>', 'port for the web UI', (v) => parseInt(v, 10), 4280)
    .action(async (o: { db?: string; serve: boolean; port: number }) => {
      const { runDemo } = await import('./demo.js');
      await runDemo({ db: o.db ?? defaultDbPath(), serve: o.serve && !process.env.CI, port: o.port });
    });

  registerCurateCommands(program);
  return program;
}

export async function main(argv: string[]): Promise<number> {
  // `marquee facts | head`: a closed pipe ends the command quietly instead of crashing.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
  const program = buildProgram();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return 0;
      if (e.code === 'marquee.usage') err(`error: ${e.message}`);
      return 2;
    }
    err(`error: ${(e as Error).message}`);
    return 1;
  }
}
