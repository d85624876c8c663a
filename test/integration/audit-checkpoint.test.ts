/** The checkpoint the server keeps beside the data directory: it follows the chain, and stops following a chain that lost entries. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { advanceCheckpoint, readCheckpoint } from '../../src/access/audit/audit-checkpoint.ts';
import { AuditRepository } from '../../src/access/audit/audit.repository.ts';
import { openDatabase } from '../../src/db/connection.ts';
import { writeTransaction } from '../../src/db/transaction.ts';
import { tempDir } from '../helpers/cli.ts';

describe('advanceCheckpoint', () => {
  const root = tempDir('vigil-checkpoint-');

  it('moves to the newest entry while the chain holds the old one, and refuses to move once it does not', async () => {
    const connection = await openDatabase(join(root, 'data'));
    const audit = new AuditRepository(connection.db);
    const file = join(root, 'data.audit-checkpoint');
    const append = (n: number) => writeTransaction(connection.db, (tx) => audit.append(tx, { id: null, label: 'test' }, { action: 'test.entry', details: { n } }));
    try {
      expect(await advanceCheckpoint(audit, file)).toBe('unchanged');
      expect(existsSync(file)).toBe(false);
      for (let n = 1; n <= 5; n++) await append(n);
      expect(await advanceCheckpoint(audit, file)).toBe('advanced');
      expect(readCheckpoint(file)).toMatchObject({ seq: 5 });
      expect(await advanceCheckpoint(audit, file)).toBe('unchanged');
      await append(6);
      expect(await advanceCheckpoint(audit, file)).toBe('advanced');
      const before = readFileSync(file, 'utf8');
      // Someone with the file cuts the newest entry: the checkpoint must not follow the shorter chain.
      connection.sqlite.exec('DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE seq = 6;');
      expect(await advanceCheckpoint(audit, file)).toBe('mismatch');
      expect(readFileSync(file, 'utf8')).toBe(before);
      expect((await audit.verify(readCheckpoint(file))).broken).toMatchObject({ seq: 6 });
    } finally {
      await connection.close();
    }
  });
});
