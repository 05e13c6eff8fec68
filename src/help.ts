/** Help text shared by every command: worked examples, exit statuses and the environment. */
import type { Command } from 'commander';

export const EXIT_TABLE = `Exit status:
  0    success, or a plan printed without --execute
  1    the API refused or failed, or the read-back found offsets other than planned
  2    invalid input or usage; nothing was sent
  3    credentials or permission problem
  4    refused for safety: the group has online consumers and --force was not given
  5    partial: some topics of a multi-topic reset failed, others were applied
  130  interrupted`;

export const ENVIRONMENT = `Environment:
  ALIBABA_CLOUD_ACCESS_KEY_ID, ALIBABA_CLOUD_ACCESS_KEY_SECRET, ALIBABA_CLOUD_SECURITY_TOKEN
                               credentials (then the CLI profile and the default chain)
  ALIBABA_CLOUD_PROFILE        profile of ~/.aliyun/config.json when --profile is not given
  ALIBABA_CLOUD_REGION_ID      region when neither --region nor the profile gives one
  ALIBABA_CLOUD_ECS_METADATA_DISABLED=true   never ask the ECS metadata service
  NO_COLOR                     no colour
  COLUMNS                      the width tables fit (default: the terminal's)
  TZ                           the zone of the local times shown beside UTC
  ALIKAFKA_OFFSETS_HOME        where snapshots and the sandbox state live
                               (default $XDG_STATE_HOME/alikafka-offsets or ~/.local/state/...)`;

// The examples use $G so that every line fits 100 columns.
const G = 'G="--instance alikafka_post-cn-xxxx --region cn-hangzhou --group orders-app"';

export const RESET_EXAMPLES = `Examples:
  # rehearse against the local sandbox, then apply
  alikafka-offsets reset --sandbox --group kafka-test --topic topic_name --to-earliest
  alikafka-offsets reset --sandbox --group kafka-test --topic topic_name --to-earliest --execute

  # on a real instance: the examples below take the group from $G (in zsh, write \${=G})
  ${G}

  # latest / earliest, one topic or every subscribed topic
  alikafka-offsets reset $G --topic orders --to-latest --execute
  alikafka-offsets reset $G --all-topics --to-earliest --execute

  # a point in time
  alikafka-offsets reset $G --topic orders --to-datetime 2026-12-04T09:30:00+08:00
  alikafka-offsets reset $G --topic orders --to-datetime '2026-12-04 09:30' \\
      --timezone Asia/Shanghai
  alikafka-offsets reset $G --all-topics --to-timestamp 1764812400000
  alikafka-offsets reset $G --topic orders --by-duration 2h

  # per partition
  alikafka-offsets reset $G --topic orders --offsets 0=1200,1=980
  alikafka-offsets reset $G --topic orders --to-offset 5000 --partitions 0,2,5-7
  alikafka-offsets reset $G --topic orders --shift-by -1000

  # from a file (CSV topic,partition,offset or an export/snapshot JSON)
  alikafka-offsets export $G --file offsets.csv
  alikafka-offsets reset $G --from-file offsets.csv --execute`;

export const COMMON_EXAMPLES = `Examples:
  alikafka-offsets describe --sandbox --group kafka-test
  alikafka-offsets export --sandbox --group kafka-test --format json
  alikafka-offsets undo \\
      ~/.local/state/alikafka-offsets/snapshots/kafka-test-20261204T093000.000Z.json \\
      --sandbox --execute
  alikafka-offsets explain Group.Active`;

export const COMPLETION_EXAMPLES = `Examples:
  source <(alikafka-offsets completion bash)         # bash, this shell only
  alikafka-offsets completion bash > ~/.local/share/bash-completion/completions/alikafka-offsets
  source <(alikafka-offsets completion zsh)          # zsh
  alikafka-offsets completion fish | source          # fish`;

/** Exit statuses and environment, for commands whose own module brings the examples. */
export const COMMON_FOOTER = `${EXIT_TABLE}\n\n${ENVIRONMENT}\n`;

/**
 * Examples, then the exit statuses and the environment. Several example blocks given together
 * read as one, under a single heading.
 */
export function footer(examples: string): string {
  return `\n${examples.replace(/\n\nExamples:\n/g, '\n\n')}\n\n${COMMON_FOOTER}`;
}

/**
 * Puts the exit statuses and the environment under the help of the commands named, and of all
 * their subcommands: for the commands registered with examples of their own.
 */
export function addCommonFooter(program: Command, names: readonly string[]): void {
  // Text added after a command's help ends with a blank line; plain help does not. Commands
  // are event emitters, though commander's types do not say so.
  const hasAfter = (cmd: Command) =>
    (cmd as unknown as NodeJS.EventEmitter).listenerCount('afterHelp') > 0;
  const text = ({ command }: { command: Command }) =>
    `${hasAfter(command) ? '' : '\n'}${COMMON_FOOTER}`;
  for (const cmd of program.commands) {
    if (names.includes(cmd.name())) cmd.addHelpText('afterAll', text);
  }
}
