/**
 * A read document made ready to store: its row as the documents table holds
 * it and its terms as the ranking index takes them. Runs beside the reading,
 * in the worker threads of a big import, so that the one thread that writes
 * the database does as little else as it can.
 */
import { indexNumberSlug, parseIndexNumber } from '../../domain/index-number.ts';
import type { ReadDocument } from '../../documents/document.ts';
import { readDocumentAt, type ReadResult } from '../../documents/read-file.ts';
import type { NewDocumentRow } from '../document.repository.ts';
import { bodyOf, outlineOf } from '../../documents/section-outline.ts';
import { termsOf, type DocumentTerms } from '../search/document-terms.ts';

export interface PreparedDocument {
  row: NewDocumentRow;
  countries: string[];
  terms: DocumentTerms;
}

export type PreparedResult = { ok: true; prepared: PreparedDocument } | { ok: false; error: string };

export function toRow(document: ReadDocument, sourceFile: string | null): NewDocumentRow {
  const parts = document.indexParts;
  const parsed = document.index ? parseIndexNumber(document.index) : null;
  return {
    slug: parsed
      ? indexNumberSlug(parsed) + (document.language === 'en' ? '' : `-${document.language}`)
      : `doc-${document.contentHash.slice(0, 12)}`,
    index_number: document.index,
    index_as_printed: document.indexAsPrinted,
    index_prefix: parts?.prefix ?? null,
    index_country_number: parts?.countryNumber ?? null,
    index_sequence: parts?.sequence ?? null,
    index_year: parts?.year ?? null,
    language: document.language,
    type: document.type,
    date: document.date,
    year: document.date ? Number(document.date.slice(0, 4)) : (parts?.year ?? null),
    news_service_number: document.newsServiceNumber,
    urgent_action: document.urgentAction,
    title: document.title,
    organisation: document.organisation,
    body: bodyOf(document.sections),
    sections: JSON.stringify(outlineOf(document.sections)),
    end_marker: document.endMarker,
    distribution: document.distribution,
    contact: document.contact ? JSON.stringify(document.contact) : null,
    countries: JSON.stringify(document.countries),
    content_hash: document.contentHash,
    source_file: sourceFile,
  };
}

export function prepareDocument(document: ReadDocument, sourceFile: string | null): PreparedDocument {
  const row = toRow(document, sourceFile);
  return { row, countries: document.countries, terms: termsOf(row.title, row.body) };
}

/** Reads a file from disk and prepares it; never throws. */
export async function prepareFile(file: string, maxBytes: number): Promise<PreparedResult> {
  const result: ReadResult = await readDocumentAt(file, maxBytes);
  return result.ok ? { ok: true, prepared: prepareDocument(result.document, file) } : result;
}
