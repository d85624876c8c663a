/** `vigil import PATH…`: reads files and folders into the archive, naming every failure. */
import type { Command } from 'commander';
import { relative } from 'node:path';
import { printJson, wholeNumber, withArchive } from '../output.ts';

interface ImportFlags {
  json?: boolean;
  maxSize: number;
}

function shown(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel.startsWith('..') ? file : rel;
}

export function registerImport(program: Command): void {
  program
    .command('import')
    .description('Import documents (.md, .txt, .html, .pdf) from files and folders (folders are read recursively).\nThe same document imported again is updated, never duplicated.')
    .argument('<paths...>', 'files and folders to import')
    .option('--json', 'print { imported, updated, failed: [{ file, error }] }')
    .option('--max-size <megabytes>', 'largest file to read, in MB', wholeNumber('--max-size', 1, 4096), 25)
    .action(async (paths: string[], flags: ImportFlags) => {
      const actor = (await import('../actor.ts')).cliActor();
      const summary = await withArchive((archive) =>
        archive.importFiles(paths, {
          actor,
          maxBytes: flags.maxSize * 1024 * 1024,
          onFile: (file, outcome) => {
            if (typeof outcome === 'object') process.stderr.write(`${shown(file)}: ${outcome.error}\n`);
          },
        }),
      );
      if (flags.json) {
        printJson({ ...summary, failed: summary.failed.map((f) => ({ file: shown(f.file), error: f.error })) });
      } else {
        process.stderr.write(`${summary.imported} imported, ${summary.updated} updated, ${summary.failed.length} failed\n`);
      }
      process.exitCode = summary.failed.length > 0 ? 1 : 0;
    });
}
