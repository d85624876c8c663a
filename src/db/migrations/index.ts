/** Every migration, in order. A new one is added at the end and never edited after release. */
import type { Migration } from 'kysely';
import * as archive from './001-archive.ts';
import * as trust from './002-trust.ts';
import * as workspace from './003-workspace.ts';
import * as gazetteer from './004-gazetteer.ts';
import * as rankingIndex from './005-ranking-index.ts';
import * as sectionOutline from './006-section-outline.ts';
import * as postingsBySegment from './007-postings-by-segment.ts';
import * as wordPositions from './008-word-positions.ts';

export const MIGRATIONS: Record<string, Migration> = {
  '001-archive': archive,
  '002-trust': trust,
  '003-workspace': workspace,
  '004-gazetteer': gazetteer,
  '005-ranking-index': rankingIndex,
  '006-section-outline': sectionOutline,
  '007-postings-by-segment': postingsBySegment,
  '008-word-positions': wordPositions,
};
