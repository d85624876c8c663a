/**
 * The lines above a document's title: organisation line, document type, date,
 * index and news-service number, urgent-action number. Real headers pack
 * several of these on one line (`27 March 2002 Al Index ASA 17/013/2002 -
 * News Service Nr. 56`), so each line is read for all of them.
 */
import { findIndexNumbers, type IndexNumberMatch } from '../../domain/index-number.ts';
import { typeMentionedIn, typeNamedBy } from './document-types.ts';

export interface Header {
  organisation: string | null;
  type: string | null;
  index: IndexNumberMatch | null;
  indexAsPrinted: string | null;
  newsServiceNumber: number | null;
  urgentAction: string | null;
  /** The header's lines, for the date (read once the language is known). */
  lines: string[];
}

// In English, French, Spanish, German and Portuguese: `News Service Nr. 56`, `Bulletin d'information n° 112`.
const NEWS_SERVICE = /(?:News\s*Service|Bulletin\s+d['’]information|Servicio\s+de\s+Noticias|Nachrichtendienst|Serviço\s+de\s+Notícias)\s*(?:Nr|No|Number|n\.?\s*[o°º])?\.?\s*:?\s*(\d{1,4})\b/i;
const UPDATE = String.raw`(?:FIRST|SECOND|THIRD|FOURTH|FURTHER|FINAL)\s+(?:UPDATE|INFORMATION)|STOP ACTION`;
// `UA 141/13`, `UA: 141/13`, `FURTHER INFORMATION on UA 57/13`, `UA 17/03 FIRST UPDATE`; AU in Spanish and French.
const URGENT_ACTION = new RegExp(String.raw`(?:\b(?:${UPDATE})\s+(?:on|ON|sur|SUR|sobre|SOBRE)\s+)?\b(?:UA|AU|EXTRA)\s*:?\s*\d{1,4}\s*\/\s*\d{2,4}\b(?:\s*[-–:]?\s*(?:${UPDATE}))?`);
const OLD_DISTRIBUTION = /^(?:EXTERNAL|INTERNAL|RESTRICTED)\b.{0,60}$/;
const ORGANISATION_WORD = /\b(?:INTERNATIONAL|ORGANI[SZ]ATION|WATCH|COMMITTEE|FEDERATION|LEAGUE|COUNCIL|CENTRE|CENTER|FOUNDATION|SOCIETY|NETWORK|ASSOCIATION|INSTITUTE|PROJECT|FORUM|UNION|GROUP)\b/;
const EMBARGO = /^\s*(?:embargo(?:ed)?|under strict embargo|for immediate release)\b/i;
const DATE_LABEL = /^dated?\s*:\s*/i;
const DATE_ONLY = /^[\p{L}\s,.]*\d{1,4}(?:[\p{L}\s,./-]*\d{1,4}){0,2}[\p{L}\s,.]*$/u;

/** Whether a line is written in capitals (at least four letters, none in lower case). */
export function isShouting(line: string): boolean {
  const letters = line.replace(/[^\p{L}]/gu, '');
  return letters.length >= 4 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}

/** "AMNESTY INTERNATIONAL" as "Amnesty International"; mixed-case names stay as written. */
function titleCase(name: string): string {
  if (!isShouting(name)) return name;
  return name.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (_, space: string, letter: string) => space + letter.toUpperCase())
    .replace(/\b(Of|And|For|The|On)\b/g, (word) => word.toLowerCase());
}

/**
 * An organisation line: in capitals, no colon, and either naming an
 * organisation, naming a document type beside the name, or standing first.
 */
function organisationLine(line: string, first = false): string | null {
  if (line.length > 90 || line.includes(':') || !isShouting(line) || OLD_DISTRIBUTION.test(line)) return null;
  if (!first && !ORGANISATION_WORD.test(line) && !typeMentionedIn(line)?.rest) return null;
  if (typeNamedBy(line)) return null;
  const rest = typeMentionedIn(line)?.rest ?? line;
  return rest === '' ? null : titleCase(rest.replace(/[\s,;-]+$/, ''));
}

/** Whether a line belongs to a header, not to a title or body; `first` for the document's first line. */
export function isHeaderLine(line: string, first = false): boolean {
  const text = line.trim();
  if (text === '') return true;
  if (typeNamedBy(text) || organisationLine(text, first) || EMBARGO.test(text) || OLD_DISTRIBUTION.test(text)) return true;
  if (text.length < 160 && (findIndexNumbers(text).length > 0 || NEWS_SERVICE.test(text) || URGENT_ACTION.test(text))) return true;
  if (/^\s*(?:FIRST|SECOND|THIRD|FURTHER|FINAL)\s+(?:UPDATE|INFORMATION)\b/.test(text) || /^STOP ACTION$/.test(text)) return true;
  return text.length <= 40 && DATE_ONLY.test(text.replace(DATE_LABEL, '')) && /\b\d{4}\b|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}/.test(text);
}

/** Reads the fields of header lines; lines that are not header lines are ignored. */
export function readHeader(lines: string[]): Header {
  const header: Header = {
    organisation: null, type: null, index: null, indexAsPrinted: null, newsServiceNumber: null, urgentAction: null, lines,
  };
  let mentionedType: string | null = null;
  for (const [position, raw] of lines.entries()) {
    const line = raw.trim();
    const named = typeNamedBy(line);
    if (named) header.type ??= named;
    const organisation = organisationLine(line, position === 0);
    if (organisation) {
      header.organisation ??= organisation;
      mentionedType ??= typeMentionedIn(line)?.type ?? null;
    }
    if (!header.index) {
      const matches = findIndexNumbers(line);
      const match = matches.find((m) => m.labelled) ?? matches[0];
      if (match) {
        header.index = match;
        header.indexAsPrinted = line.slice(match.start, match.end).replace(/^\(/, '').replace(/\s+/g, ' ').trim();
      }
    }
    const news = NEWS_SERVICE.exec(line);
    if (news) header.newsServiceNumber ??= Number(news[1]);
    const ua = URGENT_ACTION.exec(line);
    if (ua) header.urgentAction ??= ua[0].replace(/\s+/g, ' ').replace(/^(UA|EXTRA) ?: ?/, '$1 ').trim();
  }
  header.type ??= mentionedType ?? (header.urgentAction ? 'Urgent Action' : null);
  return header;
}
