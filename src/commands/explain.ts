/**
 * `explain [code]` and `explain --list`: registered here, while the catalogue (a large data
 * module) loads only when the command runs. Needs no credentials and loads no SDK.
 */
import type { Command } from 'commander';
import { action } from '../command.js';

const EXAMPLES = `
Examples:
  alikafka-offsets explain Group.Active
  alikafka-offsets explain Invalid.Offset
  alikafka-offsets explain NoPermission --output json
  alikafka-offsets explain --list

Codes are matched exactly, then ignoring case, then as members of families such as
Invalid.%s; an unknown code exits 2 and names the closest known codes.
`;

export function register(program: Command): void {
  program
    .command('explain [code]')
    .description('what an API error code means for an offset reset and what to do next')
    .option('--list', 'list every known code, grouped by category')
    .addHelpText('after', EXAMPLES)
    .action(action(async () => (await import('../catalogue/command.js')).run));
}
