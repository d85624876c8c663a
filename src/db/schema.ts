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

export interface Database extends TrustTables {
  documents: DocumentsTable;
  document_countries: DocumentCountriesTable;
}
