/** The database's tables as Kysely sees them; one interface per table. */
import type { Generated } from 'kysely';

export interface DocumentsTable {
  id: Generated<number>;
  slug: string;
  index_number: string | null;
  index_as_printed: string | null;
  index_prefix: string | null;
  index_country_number: number | null;
  index_sequence: number | null;
  index_year: number | null;
  language: string;
  type: string | null;
  date: string | null;
  year: number | null;
  news_service_number: number | null;
  urgent_action: string | null;
  title: string;
  organisation: string | null;
  /** Plain text of the sections, as the full-text index holds it. */
  body: string;
  /** JSON: `Section[]`. */
  sections: string;
  end_marker: string | null;
  distribution: string | null;
  /** JSON: `Contact | null`. */
  contact: string | null;
  /** JSON: ISO codes, in the order the reader found them. */
  countries: string;
  content_hash: string;
  source_file: string | null;
  imported_at: string;
  updated_at: string;
}

export interface DocumentCountriesTable {
  document_id: number;
  country: string;
  /** The document's date, repeated for the (country, date) index. */
  date: string | null;
}

export interface Database {
  documents: DocumentsTable;
  document_countries: DocumentCountriesTable;
}
