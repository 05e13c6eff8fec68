/**
 * `config show`: registered here, loaded only when it runs, so `--help` reads no file and loads
 * no SDK.
 */
import type { Command } from 'commander';
import { action } from '../command.js';

const EXAMPLES = `
Examples:
  alikafka-offsets config show
  alikafka-offsets config show --profile prod --region cn-beijing
  alikafka-offsets config show --endpoint http://127.0.0.1:8089 --output json
  alikafka-offsets config show --sandbox

Credentials are looked for in this order: --profile, ALIBABA_CLOUD_ACCESS_KEY_ID and
ALIBABA_CLOUD_ACCESS_KEY_SECRET (ALIBABA_CLOUD_SECURITY_TOKEN optional), OIDC variables,
~/.aliyun/config.json (ALIBABA_CLOUD_PROFILE, else its current profile),
~/.alibabacloud/credentials, the ECS instance role (unless
ALIBABA_CLOUD_ECS_METADATA_DISABLED=true), ALIBABA_CLOUD_CREDENTIALS_URI.
The key id is shown masked; no secret or token is ever printed.
`;

export function register(program: Command): void {
  const config = program
    .command('config')
    .description('the connection settings commands would use')
    .addHelpText('after', EXAMPLES);

  config
    .command('show')
    .description('which credential source, profile, region and endpoint a command would use')
    .option('--profile <name>', 'a profile of ~/.aliyun/config.json')
    .option('--region <id>', "region (RegionId); default: the profile's, then " +
      'ALIBABA_CLOUD_REGION_ID')
    .option('--endpoint <host or url>', 'override the regional endpoint; http:// for local ones')
    .option('--sandbox', 'show what the in-process sandbox would use instead')
    .option('--instance <id>', 'accepted like other commands; not checked (no call is made)')
    .option('--group <name>', 'accepted like other commands; not checked (no call is made)')
    .addHelpText('after', EXAMPLES)
    .action(action(async () => (await import('../connect/show.js')).run));
}
