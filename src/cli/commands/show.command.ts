/** `vigil show ID|INDEX`: one document, as issued or as JSON. */
import type { Command } from 'commander';
import type { DocumentView } from '../../archive/document.presenter.ts';
import { CliError, printJson, withArchive } from '../output.ts';

function render(doc: DocumentView): string {
  const lines: string[] = [];
  if (doc.organisation) lines.push(doc.organisation.toUpperCase());
  if (doc.type) lines.push(doc.type);
  const header = [doc.date, doc.index ? `Index ${doc.index}` : null, doc.newsServiceNumber ? `News Service Nr. ${doc.newsServiceNumber}` : null];
  lines.push(header.filter(Boolean).join(' - '), '', doc.title, '='.repeat(Math.min(doc.title.length, 78)), '');
  for (const section of doc.sections) {
    if (section.heading) lines.push(section.heading, '-'.repeat(Math.min(section.heading.length, 78)));
    lines.push(section.text, '');
  }
  if (doc.endMarker) lines.push(doc.endMarker, '');
  if (doc.distribution) lines.push(`${doc.distribution} document`);
  if (doc.contact) lines.push(doc.contact.text);
  lines.push('', `countries: ${doc.countries.join(', ') || '-'}   language: ${doc.language}   address: /documents/${doc.slug}`);
  return lines.join('\n');
}

export function registerShow(program: Command): void {
  program
    .command('show')
    .description('Show one document, found by its index number in any spelling (ASA 17/013/2002, asa170132002), its slug or its id.')
    .argument('<reference>', 'index number, slug or id')
    .option('--language <code>', 'which language version, when several share the index number')
    .option('--json', 'print the document and every recognised field as JSON')
    .action(async (reference: string, flags: { json?: boolean; language?: string }) => {
      const doc = await withArchive((archive) => archive.findDocument(reference, flags.language));
      if (!doc) throw new CliError(`no document "${reference}" in the archive`, 1);
      if (flags.json) printJson(doc);
      else process.stdout.write(`${render(doc)}\n`);
    });
}
