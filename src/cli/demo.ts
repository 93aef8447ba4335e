/**
 * @module `npm start`: build a knowledge base from the bundled examples, answer the sample
 * questions of examples/QUESTIONS.md with their citations, then serve the web UI.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createEngine } from '../engine/engine.js';
import { bold, dim, formatAsk, formatIngest } from './format.js';

const EXAMPLES = fileURLToPath(new URL('../../examples/', import.meta.url));
const ARTICLES = EXAMPLES + 'articles';

/** Questions listed in examples/QUESTIONS.md (list items ending with '?'). */
export function demoQuestions(): string[] {
  const file = EXAMPLES + 'QUESTIONS.md';
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((l) => l.replace(/^\s*(?:[-*]|\d+[.)])\s+/, '').replace(/[`*]/g, '').trim())
    .filter((l) => l.endsWith('?'));
}

export async function runDemo(opts: { db: string; serve: boolean; port: number }): Promise<void> {
  const say = (s: string) => process.stdout.write(s + '\n');
  const engine = createEngine({ db: opts.db });
  say(bold(`Building the knowledge base ${opts.db} from examples/articles/`));
  const summary = await engine.ingest([ARTICLES]);
  say(formatIngest(summary));
  const h = engine.health();
  say(dim(`Knowledge base: ${h.documents} articles, ${h.entities} entities, ${h.claims} claims.\n`));
  for (const q of demoQuestions()) {
    say(`${bold('? ' + q)}`);
    say(formatAsk(engine.ask(q)) + '\n');
  }
  if (!opts.serve) {
    engine.close();
    return;
  }
  const { startServer } = await import('../server/serve.js');
  const server = await startServer({ engine, port: opts.port, host: '127.0.0.1' });
  say(`${bold('Open ' + server.url)} to explore (Ctrl-C to stop). Ask more from the shell: npx marquee ask "…" --db ${opts.db}`);
  const stop = async () => {
    await server.close();
    engine.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
