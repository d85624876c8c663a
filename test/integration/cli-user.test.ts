/** `vigil user …` as an operator uses it at a terminal, on a temporary data directory. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { UserSummary } from '../../src/access/user.repository.ts';
import { CLI_TEST_TIMEOUT, runVigil, runVigilJson, tempDir } from '../helpers/cli.ts';

describe('vigil user', { timeout: CLI_TEST_TIMEOUT }, () => {
  const dataDir = join(tempDir(), 'data');

  it('adds an account from a password on standard input, with its compartments', async () => {
    const added = await runVigilJson<UserSummary>(['user', 'add', 'Ana@Example.org', '--role', 'press officer', '--compartment', 'East Asia', '--compartment', 'Americas', '--password-stdin', '--json'], { dataDir, input: 'a sentence nobody else would pick\n' });
    expect(added.code).toBe(0);
    expect(added.json).toMatchObject({ email: 'ana@example.org', role: 'press-officer', compartments: ['Americas', 'East Asia'], twoFactor: false, disabled: false });
    expect(added.stderr).toMatch(/created a new master key .* Back it up/);
  });

  it('refuses a weak password, an unknown role, a second account for one email, and a password on the command line', async () => {
    const weak = await runVigil(['user', 'add', 'b@example.org', '--role', 'viewer', '--password-stdin'], { dataDir, input: 'iloveyou2024' });
    expect(weak.code).toBe(1);
    expect(weak.stderr).toMatch(/^vigil: This password is on the lists/m);
    const role = await runVigil(['user', 'add', 'b@example.org', '--role', 'chief', '--password-stdin'], { dataDir, input: 'a sentence nobody else would pick' });
    expect(role.stderr).toMatch(/"chief" is not a role/);
    const twice = await runVigil(['user', 'add', 'ANA@example.org', '--role', 'viewer', '--password-stdin'], { dataDir, input: 'a sentence nobody else would pick' });
    expect(twice.stderr).toMatch(/already exists/);
    const noStdin = await runVigil(['user', 'add', 'c@example.org', '--role', 'viewer'], { dataDir });
    expect(noStdin.code).toBe(2);
    expect(noStdin.stderr).toMatch(/--password-stdin/);
    const list = await runVigilJson<UserSummary[]>(['user', 'list', '--json'], { dataDir });
    expect(list.json.map((u) => u.email)).toEqual(['ana@example.org']);
  });

  it('disables, enables, resets two-factor and changes role, each written to the audit chain', async () => {
    expect((await runVigil(['user', 'disable', 'ana@example.org'], { dataDir })).stdout).toMatch(/^disabled ana@example.org .* disabled$/m);
    expect((await runVigil(['user', 'enable', 'ana@example.org'], { dataDir })).stdout).toMatch(/active$/m);
    expect((await runVigil(['user', 'reset-2fa', 'ana@example.org'], { dataDir })).code).toBe(0);
    expect((await runVigil(['user', 'set', 'ana@example.org', '--role', 'editor'], { dataDir })).stdout).toMatch(/ana@example.org {2}editor/);
    const missing = await runVigil(['user', 'disable', 'nobody@example.org'], { dataDir });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/No account for nobody@example.org/);
    const list = await runVigil(['user', 'list'], { dataDir });
    expect(list.stdout).toMatch(/^ana@example.org {2}editor {2}compartments: Americas, East Asia {2}two-factor: off {2}active$/m);
    const audit = await runVigilJson<Array<{ action: string; actor: string; details: string }>>(['audit', 'list', '--json'], { dataDir });
    expect(audit.json.map((e) => e.action)).toEqual(expect.arrayContaining(['user.create', 'user.disable', 'user.enable', 'user.two-factor.reset', 'user.update', 'compartment.create']));
    expect(audit.json.every((e) => e.actor.startsWith('cli'))).toBe(true);
    expect(JSON.stringify(audit.json)).not.toContain('nobody else would pick');
    expect((await runVigil(['audit', 'verify'], { dataDir })).stdout).toMatch(/^\d+ entries, chain intact$/m);
  });
});
