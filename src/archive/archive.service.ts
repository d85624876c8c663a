/**
 * The archive: importing documents, finding one, searching. The CLI, the web
 * site and the API all go through this service; it holds no SQL.
 */
import type { AuditActor } from '../access/audit/audit.repository.ts';
import { formatIndexNumber, parseIndexNumber } from '../domain/index-number.ts';
import { DEFAULT_MAX_BYTES } from '../documents/file-formats.ts';
import { LRUCache } from 'lru-cache';
import { collectFiles } from './import/collect-files.ts';
import { documentPreparer, type DocumentPreparer } from './import/import-pool.ts';
import type { PreparedDocument, PreparedResult } from './import/prepare.ts';
import type { DocumentRepository } from './document.repository.ts';
import type { FacetCounts, Searcher, SearchFilters } from './document.search.ts';
import type { BulkSave } from './document.writer.ts';
import { presentDocument, presentHit, type DocumentView, type HitView } from './document.presenter.ts';
import { parseSearchQuery, type QueryNode } from './search/search-query.ts';

export interface ImportFailure {
  file: string;
  error: string;
}

export interface ImportSummary {
  imported: number;
  updated: number;
  failed: ImportFailure[];
}

export interface ImportOptions {
  maxBytes?: number;
  /** Called as each file is done, for progress and for naming failures as they happen. */
  onFile?: (file: string, outcome: 'imported' | 'updated' | ImportFailure) => void;
  /** Who the audit chain names for the documents this import creates or updates (default: `system`). */
  actor?: AuditActor;
}

export interface SearchParams extends SearchFilters {
  q?: string | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
  sort?: 'relevance' | 'date' | undefined;
}

export interface SearchResult {
  total: number;
  results: HitView[];
  facets: FacetCounts;
}

const BATCH = 200;
/** Batches read ahead of the one being written (more held prepared documents longer, for no speed). */
const READ_AHEAD = 2;

function sortedByCount(facet: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(facet).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])));
}

export class ArchiveService {
  // Answers to reads, kept until the documents change: a public archive is read far more than written.
  private readonly answers: LRUCache<string, { value: unknown }> | null;
  private answersVersion = '';

  /**
   * `cacheSize` 0 turns the cache of answers off (benchmarks measure the work itself). Searches go
   * to `searcher`: the repository itself, or a pool of search threads on the same database.
   */
  constructor(private readonly documents: DocumentRepository, cacheSize = 2000, private readonly searcher: Searcher = documents) {
    this.answers = cacheSize > 0 ? new LRUCache({ max: cacheSize }) : null;
  }

  /** A read's answer from the cache, or computed and kept; the cache empties when the documents change. */
  private async remembered<T>(key: string, compute: () => Promise<T>): Promise<T> {
    if (!this.answers) return compute();
    const version = this.documents.version();
    if (version !== this.answersVersion) {
      this.answers.clear();
      this.answersVersion = version;
    }
    const kept = this.answers.get(key);
    if (kept) return kept.value as T;
    const value = await compute();
    this.answers.set(key, { value });
    return value;
  }

  /** Imports files and folders; every readable document is kept, every failure named. */
  async importFiles(paths: string[], options: ImportOptions = {}): Promise<ImportSummary> {
    const { files, missing } = await collectFiles(paths);
    const summary: ImportSummary = { imported: 0, updated: 0, failed: [...missing] };
    for (const failure of missing) options.onFile?.(failure.file, failure);
    const preparer = documentPreparer(files.length, options.maxBytes ?? DEFAULT_MAX_BYTES);
    const saving = this.documents.bulkSave();
    try {
      // Reading runs ahead of writing by two batches, so workers read and prepare while the
      // database writes, and go on while a batch takes longer to write (when segments merge).
      const batches: string[][] = [];
      for (let start = 0; start < files.length; start += BATCH) batches.push(files.slice(start, start + BATCH));
      const pending = batches.slice(0, READ_AHEAD).map((batch) => this.prepareBatch(preparer, batch));
      for (let next = pending.length; pending.length > 0; next++) {
        const read = await pending.shift()!;
        if (next < batches.length) pending.push(this.prepareBatch(preparer, batches[next]!));
        this.saveBatch(saving, read, summary, options);
        // While the next batch is read anyway.
        await saving.settle();
      }
    } finally {
      // What was stored is kept, even when something failed on the way.
      try {
        await saving.finish();
      } finally {
        await preparer.close();
      }
    }
    return summary;
  }

  private prepareBatch(preparer: DocumentPreparer, files: string[]): Promise<Array<{ file: string; result: PreparedResult }>> {
    return Promise.all(files.map(async (file) => ({ file, result: await preparer.prepare(file) })));
  }

  private saveBatch(saving: BulkSave, read: Array<{ file: string; result: PreparedResult }>, summary: ImportSummary, options: ImportOptions): void {
    const prepared: PreparedDocument[] = [];
    for (const { result } of read) if (result.ok) prepared.push(result.prepared);
    const outcomes = saving.save(
      prepared,
      new Date().toISOString(),
      options.actor ?? { id: null, label: 'system' },
    );
    let stored = 0;
    for (const { file, result } of read) {
      const outcome = result.ok ? outcomes[stored++]! : { error: result.error };
      if (typeof outcome === 'string') {
        summary[outcome]++;
        options.onFile?.(file, outcome);
      } else {
        const failure = { file, error: outcome.error };
        summary.failed.push(failure);
        options.onFile?.(file, failure);
      }
    }
  }

  /** A document by index number in any spelling, slug or number; English first when several languages share an index. */
  findDocument(reference: string, language?: string): Promise<DocumentView | null> {
    return this.remembered(`document\u0000${reference}\u0000${language ?? ''}`, () => this.lookUpDocument(reference, language));
  }

  private async lookUpDocument(reference: string, language?: string): Promise<DocumentView | null> {
    const index = parseIndexNumber(reference);
    if (index) {
      const versions = await this.documents.findByIndex(formatIndexNumber(index));
      const chosen = language ? versions.find((row) => row.language === language) : versions[0];
      if (chosen) return presentDocument(chosen);
    }
    const bySlug = await this.documents.findBySlug(reference.trim().toLowerCase());
    if (bySlug) return presentDocument(bySlug);
    if (/^\d+$/.test(reference.trim())) {
      const byId = await this.documents.findById(Number(reference.trim()));
      if (byId) return presentDocument(byId);
    }
    return null;
  }

  /** Searches the archive; an index number in any spelling goes straight to its document. */
  search(params: SearchParams): Promise<SearchResult> {
    const key = JSON.stringify([params.q, params.type, params.country, params.language, params.year, params.from, params.to, params.limit, params.offset, params.sort]);
    return this.remembered(`search\u0000${key}`, () => this.searchNow(params));
  }

  private async searchNow(params: SearchParams): Promise<SearchResult> {
    const q = params.q?.trim() ?? '';
    const limit = params.limit ?? 10;
    const offset = params.offset ?? 0;
    const filters: SearchFilters = {
      type: params.type, country: params.country?.toUpperCase(), language: params.language?.toLowerCase(),
      year: params.year, from: params.from, to: params.to,
    };
    let match: QueryNode | null = null;
    if (q !== '') {
      const parsed = parseSearchQuery(q);
      if (parsed.kind === 'index') {
        const found = await this.searchIndex(parsed.index);
        // An index number no document has may still be words worth searching for.
        if (found.total > 0) return found;
        match = parseSearchQuery(q, { indexNumbers: false }).node;
      } else {
        match = parsed.node;
      }
    }
    const sort = params.sort ?? (match === null ? 'date' : 'relevance');
    const counted = await this.searcher.search({ query: match, filters, sort, limit, offset });
    const hits = counted.hits;
    const facets = counted.facets;
    return {
      total: counted.total,
      results: hits.map(presentHit),
      facets: { type: sortedByCount(facets.type), year: facets.year, country: sortedByCount(facets.country), language: sortedByCount(facets.language) },
    };
  }

  private async searchIndex(index: string): Promise<SearchResult> {
    const rows = await this.documents.findByIndex(index);
    const facets: FacetCounts = { type: {}, year: {}, country: {}, language: {} };
    const results = rows.map((row) => {
      const view = presentDocument(row);
      const bump = (facet: Record<string, number>, key: string | number | null): void => {
        if (key !== null) facet[String(key)] = (facet[String(key)] ?? 0) + 1;
      };
      bump(facets.type, row.type);
      bump(facets.year, row.year);
      bump(facets.language, row.language);
      for (const country of view.countries) bump(facets.country, country);
      const snippet = view.sections[0]?.text.slice(0, 240) ?? '';
      return presentHit({ ...row, snippet, score: 0 });
    });
    return { total: results.length, results, facets };
  }

  /** Other language versions of a document's index number. */
  languageVersions(document: DocumentView): Promise<Array<{ slug: string; language: string }>> {
    const index = document.index;
    if (!index) return Promise.resolve([]);
    return this.remembered(`versions\u0000${document.id}`, async () => {
      const rows = await this.documents.versionsOf(index);
      return rows.filter((row) => row.id !== document.id).map((row) => ({ slug: row.slug, language: row.language }));
    });
  }

  /** Documents related to this one: same country, nearby dates. */
  related(document: DocumentView, limit = 5): Promise<HitView[]> {
    return this.remembered(`related\u0000${document.id}\u0000${limit}`, async () =>
      (await this.documents.related(document.id, document.countries, document.date, limit)).map(presentHit));
  }

  /** How many documents the archive holds. */
  count(): Promise<number> {
    return this.documents.count();
  }

  /** When anything in the archive last changed (ISO time), or null when it is empty. */
  lastChange(): Promise<string | null> {
    return this.documents.lastChange();
  }

  /** A page of document addresses for the sitemap. */
  addresses(limit: number, offset: number): Promise<Array<{ slug: string; updatedAt: string }>> {
    return this.documents.listAddresses(limit, offset).then((rows) => rows.map((row) => ({ slug: row.slug, updatedAt: row.updated_at })));
  }
}
