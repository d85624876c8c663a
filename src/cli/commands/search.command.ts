/** `vigil search QUERY`: ranked full-text search with filters and facets. */
import { Option, type Command } from 'commander';
import type { SearchResult } from '../../archive/index.ts';
import { CliError, isoDay, printJson, wholeNumber, withArchive } from '../output.ts';

interface SearchFlags {
  type?: string;
  country?: string;
  year?: number;
  from?: string;
  to?: string;
  language?: string;
  limit: number;
  offset: number;
  sort?: 'relevance' | 'date';
  json?: boolean;
}

const HELP = `
Queries: words (all must match), "a phrase", prefix*, AND, OR, NOT, -word, ( ).
An index number in any spelling (ASA 17/013/2002, asa170132002) opens its document.
Examples:
  vigil search refugees --country CN
  vigil search '"forcible return" OR refoulement -Mexico' --from 2001-01-01 --to 2003-12-31
  vigil search detain* --type "Urgent Action" --json`;

function unmark(html: string): string {
  return html.replace(/<mark>/g, '\u0002').replace(/<\/mark>/g, '\u0003')
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}

function snippetText(html: string): string {
  return unmark(html).replace(/\u0002/g, '[').replace(/\u0003/g, ']');
}

function render(result: SearchResult, offset: number): string {
  if (result.total === 0) return 'No documents match. Try fewer words, a prefix (detain*), or OR between words.';
  const lines = [`${result.total} document${result.total === 1 ? '' : 's'}`];
  result.results.forEach((hit, i) => {
    lines.push('', `${offset + i + 1}. ${hit.title}`, `   ${[hit.index ?? hit.slug, hit.type, hit.date].filter(Boolean).join(' · ')}`);
    lines.push(`   ${snippetText(hit.snippet)}`);
  });
  const facet = (name: string, values: Record<string, number>): string =>
    `${name}: ${Object.entries(values).slice(0, 8).map(([k, v]) => `${k} (${v})`).join(', ')}`;
  lines.push('', facet('type', result.facets.type), facet('country', result.facets.country), facet('language', result.facets.language));
  return lines.join('\n');
}

/**
 * `-word` excludes a word, so unknown options are let through as query words;
 * but a mistyped `--option` must still be refused unless it follows `--`.
 */
function refuseUnknownLongOptions(words: string[], argv: string[]): void {
  const separator = argv.indexOf('--');
  for (const word of words) {
    if (word.startsWith('--') && (separator < 0 || argv.indexOf(word) < separator)) {
      throw new CliError(`unknown option '${word}' (see vigil search --help; put -- before a query that starts with --)`, 2);
    }
  }
}

export function registerSearch(program: Command, argv: string[] = []): void {
  program
    .command('search')
    .description('Search the archive, ranked by relevance (BM25, title above body) or by date.')
    .argument('<query...>', 'what to search for (put -- before a query that starts with -)')
    // `-word` excludes a word: it is part of the query, not an option.
    .allowUnknownOption(true)
    .option('--type <type>', 'only this document type, e.g. "Public Statement"')
    .option('--country <code>', 'only documents about this country (ISO code, e.g. CN)')
    .option('--year <year>', 'only this year', wholeNumber('--year', 1900, 2100))
    .option('--from <date>', 'issued on or after this day (YYYY-MM-DD)', isoDay)
    .option('--to <date>', 'issued on or before this day (YYYY-MM-DD)', isoDay)
    .option('--language <code>', 'only this language (ISO 639-1, e.g. en)')
    .option('--limit <n>', 'results per page', wholeNumber('--limit', 1, 100), 10)
    .option('--offset <n>', 'skip this many results', wholeNumber('--offset', 0, 1_000_000), 0)
    .addOption(new Option('--sort <order>', 'relevance or date').choices(['relevance', 'date']))
    .option('--json', 'print { total, results, facets }')
    .addHelpText('after', HELP)
    .action(async (words: string[], flags: SearchFlags) => {
      refuseUnknownLongOptions(words, argv);
      if (flags.year !== undefined && (flags.from || flags.to)) throw new CliError('use --year or --from/--to, not both', 2);
      const { SearchQueryError } = await import('../../archive/search/search-query.ts');
      const result = await withArchive(async (archive) => {
        try {
          return await archive.search({ q: words.join(' '), ...flags });
        } catch (error) {
          if (error instanceof SearchQueryError) throw new CliError(`cannot search for that: ${error.message}`, 2);
          throw error;
        }
      });
      if (flags.json) {
        printJson({
          total: result.total,
          results: result.results.map(({ index, title, type, date, snippet, score, slug, language }) => ({ index, title, type, date, snippet, score, slug, language })),
          facets: result.facets,
        });
      } else {
        process.stdout.write(`${render(result, flags.offset)}\n`);
      }
    });
}
