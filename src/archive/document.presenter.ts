/** Turns stored rows into what the CLI, the API and pages show: the document, hits, snippets. */
import { describeIndexNumber } from '../domain/index-number.ts';
import type { Contact, ReadDocument } from '../documents/document.ts';
import type { DocumentRow } from './document.repository.ts';
import { MATCH_END, MATCH_START, type Hit } from './document.search.ts';
import { sectionsOf, type SectionOutline } from '../documents/section-outline.ts';

/** A stored document: every field the reader recognised, with where it lives in the archive. */
export interface DocumentView extends Omit<ReadDocument, 'contentHash'> {
  id: number;
  slug: string;
  sourceFile: string | null;
  importedAt: string;
  updatedAt: string;
}

export interface HitView {
  id: number;
  slug: string;
  index: string | null;
  title: string;
  type: string | null;
  date: string | null;
  language: string;
  /** Safe HTML: the text escaped, matched words in `<mark>`. */
  snippet: string;
  score: number;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

/** A snippet as safe HTML: escaped text with `<mark>` around matched words. */
export function snippetHtml(raw: string): string {
  return escapeHtml(raw.replace(/\s+/g, ' ')).replaceAll(MATCH_START, '<mark>').replaceAll(MATCH_END, '</mark>');
}

/** The document as `vigil show --json` and the API give it. */
export function presentDocument(row: DocumentRow): DocumentView {
  const indexParts = row.index_prefix !== null && row.index_country_number !== null && row.index_sequence !== null && row.index_year !== null
    ? describeIndexNumber({ prefix: row.index_prefix, countryNumber: row.index_country_number, sequence: row.index_sequence, year: row.index_year })
    : null;
  return {
    id: row.id,
    slug: row.slug,
    index: row.index_number,
    indexParts,
    indexAsPrinted: row.index_as_printed,
    type: row.type,
    date: row.date,
    newsServiceNumber: row.news_service_number,
    urgentAction: row.urgent_action,
    title: row.title,
    organisation: row.organisation,
    sections: sectionsOf(row.body, JSON.parse(row.sections) as SectionOutline),
    endMarker: row.end_marker,
    distribution: row.distribution,
    contact: row.contact === null ? null : (JSON.parse(row.contact) as Contact),
    countries: JSON.parse(row.countries) as string[],
    language: row.language,
    sourceFile: row.source_file,
    importedAt: row.imported_at,
    updatedAt: row.updated_at,
  };
}

/** A search hit with its snippet made safe. */
export function presentHit(hit: Hit): HitView {
  return {
    id: hit.id, slug: hit.slug, index: hit.index_number, title: hit.title, type: hit.type, date: hit.date,
    language: hit.language, snippet: snippetHtml(hit.snippet), score: Math.round(hit.score * 1000) / 1000,
  };
}
