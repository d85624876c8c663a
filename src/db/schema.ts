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
  /** JSON: the sections' outline, `[heading, length][]`, cut out of the body when shown (documents/section-outline.ts). */
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


export interface CompartmentsTable {
  id: Generated<number>;
  name: string;
  created_at: string;
}

export interface UsersTable {
  id: Generated<number>;
  email: string;
  role: string;
  password_hash: string;
  password_changed_at: string;
  /** Sealed under the system data key. */
  totp_secret: Buffer | null;
  totp_enabled_at: string | null;
  totp_last_step: number | null;
  failed_sign_ins: Generated<number>;
  locked_until: string | null;
  disabled_at: string | null;
  created_at: string;
}

export interface UserCompartmentsTable {
  user_id: number;
  compartment_id: number;
}

export interface RecoveryCodesTable {
  id: Generated<number>;
  user_id: number;
  code_hash: string;
  used_at: string | null;
}

export interface SessionsTable {
  id_hash: string;
  user_id: number;
  stage: 'password' | 'enrol' | 'full';
  created_at: string;
  last_seen_at: string;
  ip: string | null;
  user_agent: string | null;
}

export interface ApiTokensTable {
  id: Generated<number>;
  user_id: number;
  name: string;
  token_hash: string;
  /** JSON: `Action[]`. */
  scopes: string;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
  last_used_at: string | null;
}

export interface DataKeysTable {
  /** `system` or `compartment:<id>`. */
  name: string;
  wrapped_key: Buffer;
  master_fingerprint: string;
  created_at: string;
  rewrapped_at: string | null;
}

export interface AuditLogTable {
  seq: number;
  at: string;
  actor_id: number | null;
  actor: string;
  action: string;
  subject_type: string | null;
  subject_id: string | null;
  ip: string | null;
  /** JSON object; sealed values appear only as the word "sealed". */
  details: string;
  prev_hash: string;
  hash: string;
}

export interface SourcesTable {
  id: Generated<number>;
  pseudonym: string;
  compartment_id: number;
  kind: string;
  /** Sealed. */
  identity: Buffer | null;
  /** Sealed. */
  contact: Buffer | null;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
  /** 'may-be-named' | 'may-be-quoted' | 'never-identify'. */
  consent: Generated<string>;
  /** A–F, with who graded it and when. */
  reliability: string | null;
  graded_by: string | null;
  graded_at: string | null;
  /** Sources that repeat one origin share a group and count once. */
  independence_group: string | null;
}

export interface TrustTables {
  compartments: CompartmentsTable;
  users: UsersTable;
  user_compartments: UserCompartmentsTable;
  recovery_codes: RecoveryCodesTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  data_keys: DataKeysTable;
  audit_log: AuditLogTable;
  sources: SourcesTable;
}

/** A date with its precision, as columns (see src/domain/event-date.ts). */
export interface DateColumns {
  date_precision: string | null;
  date_earliest: string | null;
  date_latest: string | null;
  date_approximate: Generated<number>;
  date_text: string | null;
}

/** A place with its precision, copied from the gazetteer so the record never depends on its next version. */
export interface PlaceColumns {
  place_precision: string | null;
  place_gazetteer_id: string | null;
  place_name: string | null;
  place_native: string | null;
  place_country: string | null;
  place_division: string | null;
  place_division_name: string | null;
  place_lat: number | null;
  place_lon: number | null;
  place_detail: string | null;
}

interface RecordColumns {
  id: Generated<number>;
  compartment_id: number;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface ReportsTable extends RecordColumns {
  reference: string;
  source_id: number | null;
  received_on: string;
  channel: string;
  summary: string;
  full_text: string | null;
  /** Sealed: the full text when its source requires it. */
  full_text_sealed: Buffer | null;
  language: string | null;
  credibility: number | null;
}

export interface EventsTable extends RecordColumns, DateColumns, PlaceColumns {
  reference: string;
  title: string;
  description: Generated<string>;
  status: Generated<string>;
}

export interface EventActsTable {
  event_id: number;
  code: string;
}

/** A count with its precision, as columns (see src/domain/count.ts). */
export interface CountColumns {
  count_precision: string | null;
  count_low: number | null;
  count_high: number | null;
  count_value: number | null;
  count_text: string | null;
}

export interface EventVictimsTable extends CountColumns {
  id: Generated<number>;
  event_id: number;
  person_id: number | null;
  group_label: string | null;
}

export interface EventPerpetratorsTable {
  id: Generated<number>;
  event_id: number;
  kind: string;
  name: string;
  involvement: string;
}

export interface ReportEventsTable {
  report_id: number;
  event_id: number;
  stance: 'supports' | 'contradicts';
  linked_at: string;
}

export interface PeopleTable extends RecordColumns {
  pseudonym: string;
  /** Sealed. */
  name: Buffer | null;
  /** Sealed. */
  contact: Buffer | null;
  sex: string | null;
  birth_year: number | null;
  birth_year_approximate: Generated<number>;
  nationality: string | null;
  notes: Generated<string>;
}

export interface PersonStatusesTable extends DateColumns, PlaceColumns {
  id: Generated<number>;
  person_id: number;
  status: string;
  held_by: string | null;
  note: Generated<string>;
  recorded_at: string;
  deleted_at: string | null;
}

export interface StatusReportsTable {
  status_id: number;
  report_id: number;
}

// --- gazetteer tables (migration 004) ---

/**
 * One place of the offline gazetteer: a country, a division (province, state,
 * region…) or a city. The tables are derived data, refilled from the packaged
 * dataset whenever its version changes, so nothing else refers to them by
 * foreign key: a place in an event keeps its own copy of what it shows.
 */
export interface GazetteerPlacesTable {
  /** The kind's number × 10⁹ + the dataset's own id; outside the repository a place is known as `city:158611`. */
  id: number;
  kind: 'country' | 'division' | 'city';
  /** English (or romanised) name, as the dataset spells it. */
  name: string;
  /** The name in the local language and script, where the dataset has it (`吉林省`). */
  native: string | null;
  /** ISO 3166-1 alpha-2. */
  country: string;
  /** ISO 3166-2 (`CN-JL`): the division itself, or the division a city lies in. */
  division: string | null;
  /** What the country calls this kind of division: `province`, `municipality`, `state`… */
  division_type: string | null;
  /** A division's country, a city's division. */
  parent_id: number | null;
  lat: number | null;
  lon: number | null;
  population: number | null;
  /** 1 for the city that is its country's capital: the dataset gives cities no population to rank them by. */
  capital: number;
}

/** Every name a place can be searched by (English, native, translations, codes), normalised by `searchKey`. */
export interface GazetteerNamesTable {
  id: Generated<number>;
  place_id: number;
  key: string;
  /** 1 for a name in a language other than English and the place's own ("Sina" for China): ranked after the others. */
  translation: number;
}

/** The FTS5 trigram index over `gazetteer_names.key`, for matches inside a name. */
export interface GazetteerNameTrigramsTable {
  rowid: number;
  key: string;
}

/** What was loaded, and from which version of the dataset: `dataset`, `version`, `loaded_at`, counts. */
export interface GazetteerMetaTable {
  key: string;
  value: string;
}

export interface GazetteerTables {
  gazetteer_places: GazetteerPlacesTable;
  gazetteer_names: GazetteerNamesTable;
  gazetteer_name_trigrams: GazetteerNameTrigramsTable;
  gazetteer_meta: GazetteerMetaTable;
}

// --- end of gazetteer tables ---

export interface Database extends TrustTables, GazetteerTables {
  documents: DocumentsTable;
  document_countries: DocumentCountriesTable;
  reports: ReportsTable;
  events: EventsTable;
  event_acts: EventActsTable;
  event_victims: EventVictimsTable;
  event_perpetrators: EventPerpetratorsTable;
  report_events: ReportEventsTable;
  people: PeopleTable;
  person_statuses: PersonStatusesTable;
  status_reports: StatusReportsTable;
}
