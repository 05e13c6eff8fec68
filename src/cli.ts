/**
 * The entry point: registers the commands and loads each one's module (and the SDK) only when it
 * runs, so `--help`, `--version` and argument errors stay instant.
 */
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { action, commandStatus, currentInterruptNote } from './command.js';
import { register as registerConfig } from './commands/config.js';
import { register as registerExplain } from './commands/explain.js';
import { register as registerSandbox } from './commands/sandbox.js';
import {
  addCommonFooter,
  COMMON_EXAMPLES,
  COMPLETION_EXAMPLES,
  RESET_EXAMPLES,
  footer,
} from './help.js';
import pkg from '../package.json' with { type: 'json' };

/**
 * Refuses every value option given twice: a runbook's `$G` plus a typed `--group` must not
 * silently act on the last one. Options with a default would see it as a first value, so they
 * keep commander's own handling.
 */
function refuseRepeats(cmd: Command): void {
  for (const option of cmd.options) {
    if (!(option.required || option.optional) || option.defaultValue !== undefined) continue;
    if (option.parseArg) continue;
    const flag = option.long ?? option.flags;
    option.argParser((value: string, previous: unknown) => {
      if (previous !== undefined) {
        throw new InvalidArgumentError(`${flag} was given twice ("${String(previous)}" and ` +
          `"${value}"); give it once`);
      }
      return value;
    });
  }
  for (const sub of cmd.commands) refuseRepeats(sub);
}

function connection(cmd: Command, group = true): Command {
  cmd
    .option('--instance <id>', 'the ApsaraMQ for Kafka instance (InstanceId)')
    .option('--region <id>', 'region (RegionId); default: the profile\'s, then ' +
      'ALIBABA_CLOUD_REGION_ID')
    .option('--profile <name>', 'a profile of ~/.aliyun/config.json')
    .option('--endpoint <host or url>', 'override the regional endpoint; http:// for local ones')
    .option('--sandbox', 'start an in-process sandbox and use it (no cloud account needed)')
    .option('--sandbox-state <file>', 'the state file of the in-process sandbox')
    .option('--timeout <duration>', 'per-request timeout (default: 10s)')
    .option('--retries <n>', 'retries for throttling, 5xx and network errors (default: 3)');
  if (group) {
    cmd.option('--group <name>', 'the consumer group (ConsumerId), 3–64 of A-Z a-z 0-9 _ -');
  }
  return cmd;
}

function applying(cmd: Command): Command {
  return cmd
    .option('--execute', 'apply the plan (without it, only the plan is printed)')
    .option('--force', 'apply even when the group has online consumers')
    .option('--no-verify', 'do not read the offsets back after applying')
    .option('--snapshot <path>', 'where to save the offsets before writing')
    .option('--concurrency <n>', 'calls in flight at once for several topics (default: 4)');
}

function wantsJson(argv: string[]): boolean {
  const i = argv.indexOf('--output');
  return argv.includes('--output=json') || (i >= 0 && argv[i + 1] === 'json');
}

/** Usage errors found by commander itself, as one JSON document when JSON was asked for. */
function usageErrorWriter(json: boolean) {
  return (text: string, write: (s: string) => void) => {
    if (!json) return write(text);
    const message = text.replace(/^error: /, '').trim();
    const doc = { schemaVersion: 1, ok: false,
      error: { kind: 'usage', code: 'USAGE', exitStatus: 2, message } };
    process.stdout.write(`${JSON.stringify(doc, null, 2)}\n`);
  };
}

export function buildProgram(argv: string[] = process.argv): Command {
  const program = new Command('alikafka-offsets')
    // Set before any subcommand is added, so that every command inherits them.
    .exitOverride()
    .configureOutput({ outputError: usageErrorWriter(wantsJson(argv)) })
    .description('Reset the committed offsets of a consumer group on Alibaba Cloud ApsaraMQ ' +
      'for Kafka: plan first, guard online consumers, snapshot, verify, undo.')
    .version(pkg.version, '-V, --version')
    .addOption(new Option('--output <format>', 'text or json').choices(['text', 'json'])
      .default('text'))
    .option('--verbose', 'log each API call on stderr (never a secret)')
    .option('--no-color', 'no colour (NO_COLOR does the same)')
    .showSuggestionAfterError(true)
    .showHelpAfterError('(run with --help for usage and examples)')
    .addHelpText('after', footer(`${RESET_EXAMPLES}\n\n${COMMON_EXAMPLES}`));

  const reset = connection(program.command('reset'))
    .description('reset a group\'s committed offsets; without --execute only prints the plan')
    .option('--topic <name>', 'one topic')
    .option('--all-topics', 'every subscribed topic (Topic "")')
    .option('--to-latest', 'each partition\'s log end')
    .option('--to-earliest', 'each partition\'s log start')
    .option('--to-timestamp <ms>', 'a Unix time in milliseconds, or -1 / -2')
    .option('--to-datetime <iso>', 'ISO 8601 with Z or an offset, e.g. 2026-12-04T09:30:00+08:00')
    .option('--timezone <iana>', 'the zone of a --to-datetime without one, e.g. Asia/Shanghai')
    .option('--by-duration <d>', 'now minus a duration: PT1H30M, P2D, 90m, 2h, 1d12h')
    .option('--offsets <list>', 'per partition: 0=100,1=200 or [{"partition":0,"offset":100}]')
    .option('--to-offset <n>', 'the same offset on every partition (or --partitions)')
    .option('--shift-by <n>', 'move each committed offset by n (negative replays)')
    .option('--from-file <path>', 'CSV topic,partition,offset or an export/snapshot JSON')
    .option('--partitions <list>', 'narrow --to-offset/--shift-by: 0,2,5-7')
    .addHelpText('after', footer(RESET_EXAMPLES))
    .action(action(async () => (await import('./commands/reset/run.js')).run));
  applying(reset);

  connection(program.command('describe'))
    .description('committed offsets, log start and end, lag, last consumed time, online clients')
    .option('--topic <name>', 'only this topic')
    .option('--concurrency <n>', 'reads in flight at once (default: 4)')
    .addHelpText('after', footer(COMMON_EXAMPLES))
    .action(action(async () => (await import('./commands/describe.js')).run));

  connection(program.command('export'))
    .description('the group\'s offsets as CSV (topic,partition,offset) or JSON, for --from-file')
    .option('--topic <name>', 'only this topic')
    .option('--format <format>', 'csv or json (default csv; json with --output json)')
    .option('--file <path>', 'write to a file instead of stdout')
    .option('--concurrency <n>', 'reads in flight at once (default: 4)')
    .addHelpText('after', footer(COMMON_EXAMPLES))
    .action(action(async () => (await import('./commands/export.js')).run));

  applying(connection(program.command('undo <snapshot>'), false))
    .description('restore the offsets saved before an executed reset (plans unless --execute)')
    .option('--group <name>', 'must match the snapshot\'s group when given')
    .addHelpText('after', footer(COMMON_EXAMPLES))
    .action(action(async () => (await import('./commands/undo.js')).run));

  registerExplain(program);
  registerSandbox(program);
  registerConfig(program);

  program.command('completion <shell>')
    .description('print a completion script for bash, zsh or fish')
    .addHelpText('after', `\n${COMPLETION_EXAMPLES}\n`)
    .action(action(async () => async (_opts, ctx, [shell]) => {
      const { completionScript } = await import('./commands/completion.js');
      ctx.stdout.write(completionScript(program, shell ?? ''));
      return 0;
    }));
  addCommonFooter(program, ['explain', 'sandbox', 'config', 'completion']);
  refuseRepeats(program);
  return program;
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram(argv);
  try {
    await program.parseAsync(argv);
    return commandStatus();
  } catch (err) {
    if (err instanceof CommanderError) {
      // Help asked for (`--help`, `help`) exits 0; help shown because no command was given,
      // and every other complaint of commander, is a usage error.
      return err.exitCode === 0 ? 0 : 2;
    }
    throw err;
  }
}

function onSignal(signal: NodeJS.Signals): void {
  const note = currentInterruptNote();
  process.stderr.write(`\ninterrupted (${signal})${note ? `: ${note}` : ''}\n`);
  if (wantsJson(process.argv)) {
    const error = { kind: 'interrupted', code: 'INTERRUPTED', exitStatus: 130,
      message: `interrupted by ${signal}`, ...(note ? { next: note } : {}) };
    process.stdout.write(`${JSON.stringify({ schemaVersion: 1, ok: false, error }, null, 2)}\n`);
  }
  process.exit(130);
}
process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);
// A reader that goes away (`| head`) must not end a reset halfway: what is left to print is
// dropped, and the command runs to its end and its real exit status.
let closed = false;
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE' && err.code !== 'ERR_STREAM_DESTROYED') throw err;
    closed = true;
  });
}
const status = await main(process.argv);
// The command is over: end now rather than wait for a socket or timer some library left open,
// once what was written to stdout has been handed to the system.
if (closed) process.exit(status);
process.stdout.write('', () => process.exit(status));
