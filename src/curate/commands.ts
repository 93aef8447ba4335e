/**
 * @module The curation commands (issue #9) for the `marquee` CLI, registered on the lead's
 * commander program by one call: `registerCurateCommands(program)`. Also `runCorrection`, the one
 * entry point the HTTP API calls for `POST /api/corrections` when the server runs `--allow-edit`.
 *
 * Commands: conflicts, merge, split, rename, retract, assert, undo, corrections (list, export,
 * import), mentions, export.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import { createEngine, defaultDbPath } from '../engine/engine.js';
import { ENTITY_TYPES, type EntityType, type LiteralDatatype, type Qualifiers } from '../model/types.js';
import type { Store } from '../store/store.js';
import { exportKnowledgeBase, EXPORT_FORMATS, isExportFormat } from '../export/index.js';
import { conflictsCommand } from './conflicts.js';
import { describeCorrection, formatCorrections, listMentions, openCorrections, QUALIFIER_NAME, withCorrections, type CorrectionRecord, type ReapplyReport } from './corrections.js';

const out = (s: string): void => void process.stdout.write(s + '\n');
const err = (s: string): void => void process.stderr.write(s + '\n');

const usage = (message: string): never => {
  throw new CommanderError(2, 'marquee.usage', message);
};

/** A request to change the knowledge base: the body of `POST /api/corrections`. */
export type CorrectionRequest =
  | { op: 'merge'; into: string; from: string; why?: string; force?: boolean }
  | { op: 'split'; entity: string; mention: string; name?: string; why?: string }
  | { op: 'rename'; entity: string; name: string; why?: string }
  | { op: 'retract'; claimId: string; why: string }
  | {
      op: 'assert';
      subject: string;
      predicate: string;
      object: string;
      note: string;
      subjectType?: EntityType;
      objectType?: EntityType | 'literal';
      datatype?: LiteralDatatype;
      qualifiers?: Qualifiers;
      why?: string;
    }
  | { op: 'undo'; correctionId: string; why?: string };

/**
 * Applies one correction request and returns its audit-log record (HTTP API and tests).
 * `who` is the caller (the API passes 'api' or an authenticated user).
 */
export function runCorrection(store: Store, req: CorrectionRequest, who: string): CorrectionRecord {
  const c = openCorrections(store);
  const meta = { who, why: 'why' in req ? req.why : undefined };
  switch (req.op) {
    case 'merge':
      return c.merge(req.into, req.from, { ...meta, force: req.force });
    case 'split':
      return c.split(req.entity, req.mention, { ...meta, name: req.name });
    case 'rename':
      return c.rename(req.entity, req.name, meta);
    case 'retract':
      return c.retract(req.claimId, { ...meta, why: req.why });
    case 'assert':
      return c.assert(
        { subject: req.subject, predicate: req.predicate, object: req.object, note: req.note, subjectType: req.subjectType, objectType: req.objectType, datatype: req.datatype, qualifiers: req.qualifiers },
        meta,
      );
    case 'undo':
      return c.undo(req.correctionId, { who });
  }
}

function parseQualifiers(list: string[] | undefined, character?: string): Qualifiers {
  const q: Qualifiers = {};
  for (const item of list ?? []) {
    const m = /^([^=]+)=(.*)$/.exec(item);
    if (!m) usage(`--qualifier expects name=value, got '${item}'`);
    else if (!QUALIFIER_NAME.test(m[1])) usage(`--qualifier name '${m[1]}' must be a letter, then letters, digits or _`);
    else q[m[1]] = m[2];
  }
  if (character) q.character = character;
  return q;
}

const collect = (v: string, prev: string[] = []) => [...prev, v];

function entityType(v: string | undefined): EntityType | undefined {
  if (v === undefined) return undefined;
  if (!(ENTITY_TYPES as readonly string[]).includes(v)) usage(`unknown entity type '${v}'; use one of ${ENTITY_TYPES.join(', ')}`);
  return v as EntityType;
}

function formatReport(r: ReapplyReport): string {
  const lines = [`applied ${r.applied.length}, unchanged ${r.unchanged.length}, skipped ${r.skipped.length}`];
  for (const s of r.skipped) lines.push(`  skipped ${s.id}: ${s.reason}`);
  return lines.join('\n');
}

/**
 * Registers the curation commands on `program` (the lead's `buildProgram()`), sharing its
 * conventions: `--db`, `--json`, exit 0 ok / 1 nothing found or failed / 2 usage.
 */
export function registerCurateCommands(program: Command): Command {
  const dbOption = () => new Option('--db <file>', 'SQLite knowledge base (default: $MARQUEE_DB or ./marquee.db)');
  /** Runs `fn` with an engine whose store hides retracted claims, then closes it. */
  const withEngine = async <T>(db: string | undefined, fn: (store: Store) => T | Promise<T>): Promise<T> => {
    const engine = createEngine({ db: db ?? defaultDbPath() });
    try {
      return await fn(withCorrections(engine.store));
    } finally {
      engine.close();
    }
  };
  const printRecord = (r: CorrectionRecord, json?: boolean) => out(json ? JSON.stringify(r) : describeCorrection(r));

  program
    .command('conflicts')
    .description('facts the sources disagree on (two premiere dates, a confirmed vs denied sequel), with both sides and their evidence')
    .addOption(dbOption())
    .option('--entity <name>', 'only conflicts about this entity (name, alias or id)')
    .option('--json', 'print {"conflicts":[…]}')
    .action((o: { db?: string; entity?: string; json?: boolean }) =>
      withEngine(o.db, (store) => {
        let entityId: string | undefined;
        if (o.entity) entityId = openCorrections(store).resolveEntity(o.entity).id;
        const r = conflictsCommand({ store }, { json: o.json, entityId });
        out(r.text);
      }),
    );

  program
    .command('merge')
    .description('merge the second entity into the first (mentions, aliases and claims move)')
    .argument('<into>', 'entity to keep (name, alias or id)')
    .argument('<from>', 'entity to merge into it')
    .addOption(dbOption())
    .option('--why <reason>', 'why (kept in the audit log)')
    .option('--force', 'merge even when the types differ')
    .option('--json', 'print the audit-log record')
    .action((into: string, from: string, o: { db?: string; why?: string; force?: boolean; json?: boolean }) =>
      withEngine(o.db, (store) => printRecord(openCorrections(store).merge(into, from, { why: o.why, force: o.force }), o.json)),
    );

  program
    .command('split')
    .description('split one mention off an entity into a new entity; without --mention, list the mentions')
    .argument('<entity>', 'name, alias or id')
    .option('--mention <id>', 'mention id <docId>:<start>-<end>')
    .option('--name <name>', 'name of the new entity (default: the mention text)')
    .addOption(dbOption())
    .option('--why <reason>', 'why (kept in the audit log)')
    .option('--json', 'print the audit-log record (or the mentions)')
    .action((entity: string, o: { mention?: string; name?: string; db?: string; why?: string; json?: boolean }) =>
      withEngine(o.db, (store) => {
        if (!o.mention) {
          const ms = listMentions(store, entity);
          out(o.json ? JSON.stringify({ mentions: ms }) : ms.map((m) => `${m.id}  "${m.text}"  …${m.context}…`).join('\n') || 'No mentions.');
          return;
        }
        printRecord(openCorrections(store).split(entity, o.mention, { name: o.name, why: o.why }), o.json);
      }),
    );

  program
    .command('rename')
    .description('rename an entity (the old name stays an alias)')
    .argument('<entity>', 'name, alias or id')
    .argument('<name>', 'the new name')
    .addOption(dbOption())
    .option('--why <reason>', 'why (kept in the audit log)')
    .option('--json', 'print the audit-log record')
    .action((entity: string, name: string, o: { db?: string; why?: string; json?: boolean }) =>
      withEngine(o.db, (store) => printRecord(openCorrections(store).rename(entity, name, { why: o.why }), o.json)),
    );

  program
    .command('retract')
    .description('retract a claim: it disappears from facts, answers, pages and exports')
    .argument('<claim-id>', 'clm_… (from `marquee facts`)')
    .requiredOption('--reason <why>', 'why the claim is wrong (kept in the audit log)')
    .addOption(dbOption())
    .option('--json', 'print the audit-log record')
    .action((claimId: string, o: { reason: string; db?: string; json?: boolean }) =>
      withEngine(o.db, (store) => printRecord(openCorrections(store).retract(claimId, { why: o.reason }), o.json)),
    );

  program
    .command('assert')
    .description('add a fact by hand, with a note as its evidence')
    .argument('<subject>', 'subject entity (name, alias or id; created when unknown)')
    .argument('<predicate>', 'predicate, e.g. director, publication_date, cast_member')
    .argument('<object>', 'object entity name/id, or a value (2022-07-29, "in talks")')
    .requiredOption('--note <text>', 'the evidence: where this comes from')
    .option('--subject-type <type>', `type of a new subject (${ENTITY_TYPES.join(', ')})`)
    .option('--subtype <subtype>', 'subtype of the subject (film, novel, song…) when the name is shared')
    .option('--object-type <type>', "type of a new object entity, or 'literal'")
    .option('--character <name>', 'character qualifier (cast_member)')
    .option('--qualifier <name=value>', 'another qualifier (repeatable)', collect)
    .addOption(dbOption())
    .option('--why <reason>', 'why (kept in the audit log)')
    .option('--json', 'print the audit-log record')
    .action(
      (
        subject: string,
        predicate: string,
        object: string,
        o: { note: string; subjectType?: string; subtype?: string; objectType?: string; character?: string; qualifier?: string[]; db?: string; why?: string; json?: boolean },
      ) =>
        withEngine(o.db, (store) => {
          const objectType = o.objectType === 'literal' ? 'literal' : entityType(o.objectType);
          const rec = openCorrections(store).assert(
            { subject, predicate, object, note: o.note, subjectType: entityType(o.subjectType), subtype: o.subtype ?? null, objectType, qualifiers: parseQualifiers(o.qualifier, o.character) },
            { why: o.why },
          );
          printRecord(rec, o.json);
        }),
    );

  program
    .command('undo')
    .description('undo a correction (it stays in the log, marked undone)')
    .argument('<correction-id>', 'cor_… (from `marquee corrections`)')
    .addOption(dbOption())
    .option('--json', 'print the audit-log record')
    .action((id: string, o: { db?: string; json?: boolean }) => withEngine(o.db, (store) => printRecord(openCorrections(store).undo(id), o.json)));

  const corrections = program
    .command('corrections')
    .description('the audit log of corrections; `export` / `import` carry it to another database')
    .addOption(dbOption())
    .option('--json', 'JSON Lines, one record a line')
    .action((o: { db?: string; json?: boolean }) =>
      withEngine(o.db, (store) => {
        const list = openCorrections(store).list();
        out(o.json ? list.map((r) => JSON.stringify(r)).join('\n') : formatCorrections(list));
      }),
    );
  corrections
    .command('export')
    .description('write the log as JSON Lines (stdout or --out FILE)')
    .addOption(dbOption())
    .option('--out <file>', 'output file')
    .action((o: { db?: string; out?: string }) =>
      withEngine(o.db ?? corrections.opts<{ db?: string }>().db, (store) => {
        const text = openCorrections(store).exportLog().map((r) => JSON.stringify(r) + '\n').join('');
        if (o.out) writeFileSync(o.out, text);
        else process.stdout.write(text);
      }),
    );
  corrections
    .command('import')
    .description('add the corrections of a JSON Lines log and re-apply them (after re-ingesting into a fresh database)')
    .argument('<file>', 'JSON Lines written by `marquee corrections export`')
    .addOption(dbOption())
    .option('--json', 'print the replay report')
    .action((file: string, o: { db?: string; json?: boolean }) =>
      withEngine(o.db ?? corrections.opts<{ db?: string }>().db, (store) => {
        const records = readFileSync(file, 'utf8')
          .split('\n')
          .filter((l) => l.trim())
          .map((l, i) => {
            try {
              return JSON.parse(l) as CorrectionRecord;
            } catch {
              return usage(`${file}:${i + 1} is not JSON`);
            }
          });
        const report = openCorrections(store).importLog(records);
        out(o.json ? JSON.stringify(report) : formatReport(report));
        if (report.skipped.length > 0) process.exitCode = 1;
      }),
    );

  program
    .command('mentions')
    .description("an entity's mentions with their ids (for `marquee split`)")
    .argument('<entity>', 'name, alias or id')
    .addOption(dbOption())
    .option('--json', 'print {"mentions":[…]}')
    .action((entity: string, o: { db?: string; json?: boolean }) =>
      withEngine(o.db, (store) => {
        const ms = listMentions(store, entity);
        out(o.json ? JSON.stringify({ mentions: ms }) : ms.map((m) => `${m.id}  "${m.text}"  …${m.context}…`).join('\n') || 'No mentions.');
      }),
    );

  program
    .command('export')
    .description(`export the knowledge base (${EXPORT_FORMATS.join(', ')}), streamed`)
    .requiredOption('--format <format>', EXPORT_FORMATS.join(' | '))
    .option('--out <path>', 'output file (a folder for csv); default standard output')
    .addOption(dbOption())
    .addHelpText(
      'after',
      "\ncsv: text cells that a spreadsheet would run as a formula (starting with =, +, -, @, a tab or a carriage\n" +
        "return) are written quoted with a leading ' (\"'=HYPERLINK(…)\"), so they open as text; numbers stay numbers.\n" +
        'graphml, ntriples and jsonld escape article text for their syntax (XML 1.0, N-Triples, JSON).',
    )
    .action((o: { format: string; out?: string; db?: string }) =>
      withEngine(o.db, async (store) => {
        if (!isExportFormat(o.format)) usage(`--format must be one of ${EXPORT_FORMATS.join(', ')}`);
        const format = o.format as (typeof EXPORT_FORMATS)[number];
        if (format === 'csv' && !o.out) usage('the csv export writes three files: give --out a folder');
        const stats = await exportKnowledgeBase(store, format, o.out ?? process.stdout);
        if (o.out) err(`exported ${stats.entities} entities, ${stats.facts} facts, ${stats.evidence} evidence spans to ${(stats.files ?? [o.out]).join(', ')}`);
      }),
    );

  return program;
}
