/** `vigil --help` and each command's help, run as a real child process: each says what it takes. */
import { describe, expect, it } from 'vitest';
import { CLI_TEST_TIMEOUT, runVigil, tempDir } from '../helpers/cli.ts';

const options = { dataDir: tempDir('vigil-cli-help-') };

describe('vigil help', { timeout: CLI_TEST_TIMEOUT }, () => {
  it('vigil --help lists the commands and where data lives', async () => {
    const { code, stdout } = await runVigil(['--help'], options);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: vigil/m);
    for (const command of ['import', 'show', 'search']) expect(stdout).toMatch(new RegExp(`^\\s+${command}\\b`, 'm'));
    expect(stdout).toContain('VIGIL_DATA');
  });

  it('vigil import --help names the paths, formats and options it takes', async () => {
    const { code, stdout } = await runVigil(['import', '--help'], options);
    expect(code).toBe(0);
    expect(stdout).toContain('Usage: vigil import');
    expect(stdout).toContain('<paths...>');
    for (const format of ['.md', '.txt', '.html', '.pdf']) expect(stdout).toContain(format);
    expect(stdout).toMatch(/folder/i);
    expect(stdout).toContain('--json');
    expect(stdout).toContain('--max-size');
  });

  it('vigil search --help names the query language, filters and options', async () => {
    const { code, stdout } = await runVigil(['search', '--help'], options);
    expect(code).toBe(0);
    expect(stdout).toContain('Usage: vigil search');
    expect(stdout).toContain('<query...>');
    for (const option of ['--type', '--country', '--year', '--from', '--to', '--language', '--limit', '--offset', '--sort', '--json']) {
      expect(stdout).toContain(option);
    }
    for (const syntax of ['"a phrase"', 'prefix*', 'OR', 'NOT', '-word']) expect(stdout).toContain(syntax);
    expect(stdout).toContain('ASA 17/013/2002');
  });

  it('vigil show --help names the reference and options it takes', async () => {
    const { code, stdout } = await runVigil(['show', '--help'], options);
    expect(code).toBe(0);
    expect(stdout).toContain('Usage: vigil show');
    expect(stdout).toContain('<reference>');
    expect(stdout).toMatch(/index number/i);
    expect(stdout).toContain('--json');
    expect(stdout).toContain('--language');
  });

  it('an unknown command exits non-zero and points to --help', async () => {
    const { code, stderr } = await runVigil(['publish-everything'], options);
    expect(code).not.toBe(0);
    expect(stderr).toContain('publish-everything');
    expect(stderr).toContain('--help');
  });

  it('vigil serve names its search threads option, and refuses a bad count from the flag or from VIGIL_SEARCH_THREADS', async () => {
    const help = await runVigil(['serve', '--help'], options);
    expect(help.stdout).toContain('--search-threads');
    const flag = await runVigil(['serve', '--no-demo', '--search-threads', '99'], options);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain('--search-threads must be a whole number from 0 to 64');
    const variable = await runVigil(['serve', '--no-demo'], { ...options, env: { VIGIL_SEARCH_THREADS: 'many' } });
    expect(variable.code).toBe(2);
    expect(variable.stderr).toContain('VIGIL_SEARCH_THREADS must be a whole number from 0 to 64, not "many"');
  });
});
