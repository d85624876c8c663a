/** `vigil demo load`: the demonstration workspace and its accounts, on demand. */
import type { Command } from 'commander';
import { CliError, printJson } from '../output.ts';

export function registerDemo(program: Command): void {
  const demo = program.command('demo').description('The demonstration workspace: a model case (North Korean refugees in China, 2002) and accounts to try Vigil with.');

  demo.command('load')
    .description('Load the demonstration workspace and make its accounts, each with a new random password shown once. Loading again changes nothing.')
    .option('--json', 'print { loaded, accounts: [{ email, role, compartments, password }], existingAccounts, counts } as JSON')
    .action(async (flags: { json?: boolean }) => {
      const [{ openVigil }, { DemoLoadError, demoCountsLine, loadDemoWorkspace }, { demoAccountLines }, { DEMO_COMPARTMENT }, { cliActor }, { AccountError }] = await Promise.all([
        import('../../vigil.ts'), import('../../workspace/demo/load-demo.ts'), import('../../workspace/demo/demo-accounts.ts'),
        import('../../workspace/demo/demo-workspace.ts'), import('../actor.ts'), import('../../access/account.service.ts'),
      ]);
      const vigil = await openVigil();
      try {
        const say = (line: string) => process.stderr.write(`${line}\n`);
        const result = await loadDemoWorkspace(vigil, cliActor(), { say });
        if (flags.json) {
          printJson(result);
          return;
        }
        if (!result.loaded) {
          process.stdout.write(`The demonstration workspace is already loaded (the ${DEMO_COMPARTMENT} compartment holds records): nothing was changed.\n`);
          return;
        }
        const lines = [...demoAccountLines(result.accounts, result.existingAccounts), `Loaded the demonstration workspace: ${demoCountsLine(result.counts!)}.`];
        process.stdout.write(`${lines.join('\n')}\n`);
      } catch (error) {
        if (error instanceof DemoLoadError || error instanceof AccountError) throw new CliError(error.message, 1);
        throw error;
      } finally {
        await vigil.close();
      }
    });
}
