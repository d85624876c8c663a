/** `vigil records import FILE`: sources, reports or events in bulk from a CSV or JSON file. */
import { Option, type Command } from 'commander';
import { readFile } from 'node:fs/promises';
import { extname, relative } from 'node:path';
import type { FileRow } from '../../workspace/record-rows.ts';
import type { ImportKind, ImportResult } from '../../workspace/records-import.ts';
import { CliError, isoDay, printJson } from '../output.ts';

// Kept here rather than imported, so that `--help` answers without loading the workspace.
const KINDS: readonly ImportKind[] = ['sources', 'reports', 'events'];

const IMPORT_HELP = `
Files:
  CSV with a header row naming the columns, or JSON: a list of objects with the
  same names. Empty cells are empty fields.

Columns:
  sources  kind, consent, reliability, independenceGroup, identity, contact
  reports  source, receivedOn, channel, summary, fullText, sealFullText,
           language, credibility
  events   title, description, acts, date, dateReference, place, placeId,
           placeKind, country, placeDetail, coordinates, victimGroup,
           victimCount, victimPerson, perpetratorKind, perpetratorName,
           perpetratorInvolvement, status, reports
           (JSON may give acts as a list, and victims and perpetrators as
           lists of { group, person, count } and { kind, name, involvement })

  Dates, counts and places may be written in words: "earlier this month"
  (read against dateReference or --date-reference), "up to 900", "Longjing"
  with country CN. reports links an event to reports recorded earlier:
  "R-1234 supports; R-5678 contradicts". identity, contact and fullText are
  sealed, and never printed.

Each row is checked and written on its own: a bad row changes nothing and is
reported as FILE:ROW: field: message (ROW is the CSV line, or the position in
the JSON list from 1); the good rows are kept.

Exit status: 0 all rows imported, 1 some rows failed, 2 nothing could be
imported (unreadable file, unknown kind or column, account or compartment
refused).

Example:
  vigil records import events.csv --kind events --compartment "East Asia" \\
    --as researcher@example.org --date-reference 2002-03-27`;

interface ImportFlags {
  kind: ImportKind;
  compartment: string;
  as: string;
  dateReference?: string;
  json?: boolean;
}

function shown(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel.startsWith('..') ? file : rel;
}

const UNREADABLE: Record<string, string> = { ENOENT: 'no such file', EISDIR: 'it is a folder, not a file', EACCES: 'permission denied' };

/** The file's rows, or a CliError (exit 2) saying why none can be read. */
async function rowsOf(file: string, kind: ImportKind): Promise<FileRow[]> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    throw new CliError(`cannot read ${shown(file)}: ${UNREADABLE[code] ?? (code || 'unreadable')}`, 2);
  }
  const [{ rowsFromCsv, rowsFromJson, RecordFileError }, { unknownFields, IMPORT_FIELDS }] = await Promise.all([
    import('../../workspace/record-rows.ts'), import('../../workspace/records-import.ts'),
  ]);
  const extension = extname(file).toLowerCase();
  const json = extension === '.json' || (extension !== '.csv' && /^\s*\[/.test(bytes.subarray(0, 64).toString('utf8').replace(/^\uFEFF/, '')));
  try {
    if (json) return rowsFromJson(bytes.toString('utf8'));
    const { columns, rows } = rowsFromCsv(bytes);
    const unknown = unknownFields(kind, columns);
    if (unknown.length > 0) {
      throw new CliError(`${shown(file)}: ${unknown.map((name) => `"${name}"`).join(', ')} ${unknown.length === 1 ? 'is not a column' : 'are not columns'} of ${kind}; use ${IMPORT_FIELDS[kind].join(', ')}. Nothing was imported.`, 2);
    }
    return rows;
  } catch (error) {
    if (error instanceof RecordFileError) throw new CliError(`${shown(file)}: ${error.message}. Nothing was imported.`, 2);
    throw error;
  }
}

async function importFile(file: string, flags: ImportFlags): Promise<ImportResult> {
  const rows = await rowsOf(file, flags.kind);
  const [{ openVigil }, { accountActor }, { importRecords, ImportRefusedError }] = await Promise.all([
    import('../../vigil.ts'), import('../actor.ts'), import('../../workspace/records-import.ts'),
  ]);
  const vigil = await openVigil();
  try {
    const actor = await accountActor(vigil, flags.as);
    const where = shown(file);
    const services = { db: vigil.connection.db, sources: vigil.sources, reports: vigil.reports, events: vigil.events, places: vigil.places };
    return await importRecords(services, actor, rows, {
      kind: flags.kind,
      compartment: flags.compartment,
      ...(flags.dateReference ? { dateReference: flags.dateReference } : {}),
      onRow: (outcome) => {
        if ('failed' in outcome) {
          const { row, field, error } = outcome.failed;
          process.stderr.write(`${where}:${row}: ${field ? `${field}: ` : ''}${error}\n`);
        } else if (!flags.json) {
          process.stdout.write(`${where}:${outcome.imported.row}: ${outcome.imported.reference}\n`);
        }
      },
    }).catch((error: unknown) => {
      if (error instanceof ImportRefusedError) throw new CliError(`${error.message} Nothing was imported.`, 2);
      throw error;
    });
  } finally {
    await vigil.close();
  }
}

export function registerRecords(program: Command): void {
  const records = program.command('records').description('Workspace records (sources, reports, events): import them in bulk.');

  records.command('import')
    .summary('Import sources, reports or events from a CSV or JSON file.')
    .description('Import sources, reports or events from a CSV or JSON file, each row on its own:\nbad rows are named with their row and field, good rows are kept.')
    .argument('<file>', 'a .csv file with a header row, or a .json file holding a list of objects')
    .addOption(new Option('--kind <kind>', 'what each row is').choices(KINDS).makeOptionMandatory())
    .requiredOption('--compartment <name>', 'the compartment the records go into')
    .requiredOption('--as <email>', 'the account the import acts for: it must be allowed to record in the compartment')
    .option('--date-reference <day>', 'the day relative dates ("earlier this month") are read from, YYYY-MM-DD, for rows without a dateReference', isoDay)
    .option('--json', 'print { imported: [{ row, reference }], failed: [{ row, field, error }] }')
    .addHelpText('after', IMPORT_HELP)
    .action(async (file: string, flags: ImportFlags) => {
      const result = await importFile(file, flags);
      if (flags.json) printJson(result);
      else process.stderr.write(`${result.imported.length} imported, ${result.failed.length} failed\n`);
      process.exitCode = result.failed.length > 0 ? 1 : 0;
    });
}
