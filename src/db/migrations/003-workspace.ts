/**
 * The workspace: what researchers record between the first report and the
 * public statement — reports, events (with their acts, people affected,
 * perpetrators and the reports that support or contradict them), and people
 * whose cases are followed over time. Every record lives in a compartment;
 * sealed values are blobs opened only through the keyring.
 *
 * Dates and counts keep their precision as columns (precision, earliest,
 * latest, approximate, words as reported), never as one rounded value.
 */
import { sql, type Kysely } from 'kysely';
import type { CreateTableBuilder } from 'kysely';

/** The columns every compartmented, editable record has. */
function recordColumns<T extends string>(table: CreateTableBuilder<T, never>, referenceColumn: string) {
  return table
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn(referenceColumn, 'text', (c) => c.notNull().unique())
    .addColumn('compartment_id', 'integer', (c) => c.notNull().references('compartments.id'));
}

function auditColumns<T extends string>(table: CreateTableBuilder<T, never>) {
  return table
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text');
}

function dateColumns<T extends string>(table: CreateTableBuilder<T, never>, prefix: string) {
  return table
    .addColumn(`${prefix}_precision`, 'text')
    .addColumn(`${prefix}_earliest`, 'text')
    .addColumn(`${prefix}_latest`, 'text')
    .addColumn(`${prefix}_approximate`, 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn(`${prefix}_text`, 'text');
}

function placeColumns<T extends string>(table: CreateTableBuilder<T, never>) {
  return table
    .addColumn('place_precision', 'text')
    .addColumn('place_gazetteer_id', 'text')
    .addColumn('place_name', 'text')
    .addColumn('place_native', 'text')
    .addColumn('place_country', 'text')
    .addColumn('place_division', 'text')
    .addColumn('place_division_name', 'text')
    .addColumn('place_lat', 'real')
    .addColumn('place_lon', 'real')
    .addColumn('place_detail', 'text');
}

export async function up(db: Kysely<unknown>): Promise<void> {
  // Sources gain consent, a reliability grade (who graded, when) and an independence group.
  await db.schema.alterTable('sources').addColumn('consent', 'text', (c) => c.notNull().defaultTo('never-identify')).execute();
  await db.schema.alterTable('sources').addColumn('reliability', 'text').execute();
  await db.schema.alterTable('sources').addColumn('graded_by', 'text').execute();
  await db.schema.alterTable('sources').addColumn('graded_at', 'text').execute();
  await db.schema.alterTable('sources').addColumn('independence_group', 'text').execute();

  await auditColumns(recordColumns(db.schema.createTable('reports'), 'reference')
    .addColumn('source_id', 'integer', (c) => c.references('sources.id'))
    .addColumn('received_on', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    // Exactly one of these holds the full text: plain, or sealed when the source requires it.
    .addColumn('full_text', 'text')
    .addColumn('full_text_sealed', 'blob')
    .addColumn('language', 'text')
    .addColumn('credibility', 'integer'))
    .execute();
  await sql`CREATE INDEX reports_compartment ON reports (compartment_id, received_on)`.execute(db);
  await sql`CREATE INDEX reports_source ON reports (source_id)`.execute(db);

  await auditColumns(placeColumns(dateColumns(recordColumns(db.schema.createTable('events'), 'reference')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo('')), 'date'))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('alleged')))
    .execute();
  await sql`CREATE INDEX events_compartment ON events (compartment_id, date_earliest)`.execute(db);

  await db.schema.createTable('event_acts')
    .addColumn('event_id', 'integer', (c) => c.notNull().references('events.id').onDelete('cascade'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('event_acts_pk', ['event_id', 'code'])
    .execute();
  await sql`CREATE INDEX event_acts_code ON event_acts (code)`.execute(db);

  // People affected: an individual (person_id) or a group (label), with a count that keeps its precision.
  await db.schema.createTable('event_victims')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('event_id', 'integer', (c) => c.notNull().references('events.id').onDelete('cascade'))
    .addColumn('person_id', 'integer', (c) => c.references('people.id'))
    .addColumn('group_label', 'text')
    .addColumn('count_precision', 'text')
    .addColumn('count_low', 'integer')
    .addColumn('count_high', 'integer')
    .addColumn('count_value', 'integer')
    .addColumn('count_text', 'text')
    .execute();
  await sql`CREATE INDEX event_victims_event ON event_victims (event_id)`.execute(db);

  await db.schema.createTable('event_perpetrators')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('event_id', 'integer', (c) => c.notNull().references('events.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('involvement', 'text', (c) => c.notNull())
    .execute();
  await sql`CREATE INDEX event_perpetrators_event ON event_perpetrators (event_id)`.execute(db);

  await db.schema.createTable('report_events')
    .addColumn('report_id', 'integer', (c) => c.notNull().references('reports.id'))
    .addColumn('event_id', 'integer', (c) => c.notNull().references('events.id'))
    .addColumn('stance', 'text', (c) => c.notNull())
    .addColumn('linked_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('report_events_pk', ['report_id', 'event_id'])
    .execute();
  await sql`CREATE INDEX report_events_event ON report_events (event_id)`.execute(db);

  await auditColumns(recordColumns(db.schema.createTable('people'), 'pseudonym')
    .addColumn('name', 'blob')
    .addColumn('contact', 'blob')
    .addColumn('sex', 'text')
    .addColumn('birth_year', 'integer')
    .addColumn('birth_year_approximate', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('nationality', 'text')
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo('')))
    .execute();
  await sql`CREATE INDEX people_compartment ON people (compartment_id, pseudonym)`.execute(db);

  await placeColumns(dateColumns(db.schema.createTable('person_statuses')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('person_id', 'integer', (c) => c.notNull().references('people.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('held_by', 'text')
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text'), 'date'))
    .execute();
  await sql`CREATE INDEX person_statuses_person ON person_statuses (person_id)`.execute(db);

  await db.schema.createTable('status_reports')
    .addColumn('status_id', 'integer', (c) => c.notNull().references('person_statuses.id'))
    .addColumn('report_id', 'integer', (c) => c.notNull().references('reports.id'))
    .addPrimaryKeyConstraint('status_reports_pk', ['status_id', 'report_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['status_reports', 'person_statuses', 'report_events', 'event_perpetrators', 'event_victims', 'event_acts', 'events', 'people', 'reports']) {
    await db.schema.dropTable(table).execute();
  }
  for (const column of ['independence_group', 'graded_at', 'graded_by', 'reliability', 'consent']) {
    await db.schema.alterTable('sources').dropColumn(column).execute();
  }
}
