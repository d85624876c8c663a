/**
 * A workspace on a fresh data directory for service-level tests: Vigil opened
 * on a real database file, two compartments, and actors made directly (the
 * web and sign-in layers are tested elsewhere).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Actor, Role } from '../../src/access/policy.ts';
import { openVigil, type Vigil } from '../../src/vigil.ts';

export interface Workspace {
  vigil: Vigil;
  dataDir: string;
  compartments: Record<string, number>;
  /** An actor of `role` in the named compartments. */
  actor(role: Role, compartments: string[], email?: string): Actor;
  close(): Promise<void>;
}

const SYSTEM = { id: null, label: 'test', ip: null };

export async function openWorkspace(options: { compartments?: string[]; now?: () => Date } = {}): Promise<Workspace> {
  const root = mkdtempSync(join(tmpdir(), 'vigil-ws-'));
  const dataDir = join(root, 'data');
  const vigil = await openVigil({ dataDir, warn: () => undefined, env: { VIGIL_KEY_FILE: join(root, 'master.key') }, ...(options.now ? { now: options.now } : {}) });
  const compartments: Record<string, number> = {};
  for (const name of options.compartments ?? ['East Asia', 'Central America']) {
    compartments[name] = (await vigil.users.addCompartment(SYSTEM, name)).id;
  }
  let next = 1000;
  return {
    vigil,
    dataDir,
    compartments,
    actor(role, names, email) {
      next += 1;
      return { userId: next, email: email ?? `${role}${next}@example.org`, role, compartments: new Set(names.map((name) => compartments[name]!)), via: 'session', ip: '127.0.0.1' };
    },
    async close() {
      await vigil.close();
      rmSync(root, { recursive: true, force: true });
    },
  };
}
