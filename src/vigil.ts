/**
 * Opening Vigil on a data directory: one database connection, the master key,
 * and every service built on them. The server and the CLI commands that act
 * for people use this; archive-only commands may still use openArchive.
 */
import { ArchiveService } from './archive/archive.service.ts';
import { DocumentRepository } from './archive/document.repository.ts';
import type { Archive } from './archive/index.ts';
import { SearchPool } from './archive/search-pool.ts';
import { AccountService } from './access/account.service.ts';
import { AuditRepository } from './access/audit/audit.repository.ts';
import { Keyring } from './access/sealed/keyring.ts';
import { loadMasterKey } from './access/sealed/master-key.ts';
import { SessionRepository } from './access/session.repository.ts';
import { DEFAULT_SIGN_IN_RULES, SignInService, type SignInRules } from './access/sign-in.service.ts';
import { UserRepository } from './access/user.repository.ts';
import { UserService } from './access/user.service.ts';
import { defaultDataDir, openDatabase, type Connection } from './db/connection.ts';
import { GazetteerService } from './places/gazetteer.service.ts';
import { EventRepository } from './workspace/event.repository.ts';
import { EventService } from './workspace/event.service.ts';
import { PersonRepository } from './workspace/person.repository.ts';
import { PersonService } from './workspace/person.service.ts';
import { ReportRepository } from './workspace/report.repository.ts';
import { ReportService } from './workspace/report.service.ts';
import { SourceRepository } from './workspace/source.repository.ts';
import { SourceService } from './workspace/source.service.ts';

export interface Vigil {
  dataDir: string;
  connection: Connection;
  archive: Archive;
  audit: AuditRepository;
  keyring: Keyring;
  signIn: SignInService;
  accounts: AccountService;
  users: UserService;
  sources: SourceService;
  reports: ReportService;
  events: EventService;
  people: PersonService;
  /** The offline gazetteer of countries, divisions and cities; filled on first use. */
  places: GazetteerService;
  /** Settles once the search threads (if any) have built their indexes. */
  searchesReady: Promise<void>;
  close(): Promise<void>;
}

export interface OpenOptions {
  dataDir?: string;
  cacheSize?: number;
  /** Threads that answer searches beside the main one (the server's choice; 0, the default, searches in this thread). */
  searchThreads?: number;
  signInRules?: Partial<SignInRules>;
  /** Where warnings go (a new master key file, for one). */
  warn?: (line: string) => void;
  env?: NodeJS.ProcessEnv;
  now?: () => Date;
}

/** Opens the database, loads (or on first start creates) the master key, and builds the services. */
export async function openVigil(options: OpenOptions = {}): Promise<Vigil> {
  const dataDir = options.dataDir ?? defaultDataDir();
  const warn = options.warn ?? ((line: string) => process.stderr.write(`${line}\n`));
  const connection = await openDatabase(dataDir);
  try {
    const master = loadMasterKey(dataDir, { env: options.env ?? process.env, warn });
    const keyring = new Keyring(connection.db, master);
    await keyring.assertMasterKeyMatches();
    const now = options.now ?? (() => new Date());
    const audit = new AuditRepository(connection.db);
    const users = new UserRepository(connection.db);
    const sessions = new SessionRepository(connection.db);
    const cacheSize = options.cacheSize ?? Number(process.env.VIGIL_ANSWER_CACHE ?? 2000);
    const documents = new DocumentRepository(connection.db, connection.sqlite);
    const searchThreads = options.searchThreads ?? 0;
    const pool = searchThreads > 0 ? new SearchPool(connection.file, searchThreads, documents) : null;
    let open = true;
    const close = async () => {
      if (!open) return;
      open = false;
      await pool?.close();
      await connection.close();
    };
    // Closing the archive closes the one connection everything shares.
    const archive = Object.assign(new ArchiveService(documents, cacheSize, pool ?? documents), { close });
    const sourceRows = new SourceRepository(connection.db);
    const reports = new ReportService(connection.db, new ReportRepository(connection.db), sourceRows, audit, keyring, now);
    return {
      dataDir,
      connection,
      archive,
      audit,
      keyring,
      signIn: new SignInService(connection.db, users, sessions, audit, keyring, { ...DEFAULT_SIGN_IN_RULES, ...options.signInRules }, now),
      accounts: new AccountService(connection.db, users, sessions, audit, keyring, now),
      users: new UserService(connection.db, users, sessions, audit, now),
      sources: new SourceService(connection.db, sourceRows, audit, keyring, now),
      reports,
      events: new EventService(connection.db, new EventRepository(connection.db), reports, audit, now),
      people: new PersonService(connection.db, new PersonRepository(connection.db), reports, audit, keyring, now),
      places: new GazetteerService(connection.db),
      searchesReady: pool?.ready ?? Promise.resolve(),
      close,
    };
  } catch (error) {
    await connection.close();
    throw error;
  }
}
