/**
 * `sandbox` and its subcommands: registered here, loaded only when they run, so `--help` loads
 * neither the server nor the state code.
 */
import type { Command } from 'commander';
import { action } from '../command.js';

const EXAMPLES = `
Examples:
  alikafka-offsets sandbox
  alikafka-offsets sandbox --port 0 --output json     # one JSON line: url, port, key
  alikafka-offsets sandbox --state ./rehearsal.json --bulk-topics 200

  # from another shell, while it runs (or before it starts):
  alikafka-offsets sandbox fault add throttle --action UpdateConsumerOffset --times 2
  alikafka-offsets sandbox fault add error --code Group.NotFound --action GetConsumerProgress
  alikafka-offsets sandbox mode consumer-commits on
  alikafka-offsets sandbox consumers offline --group kafka-active
  alikafka-offsets sandbox log --last 5

The sandbox starts with instance alikafka_sandbox-cn-hangzhou in region cn-hangzhou, group
kafka-test on topics topic_name (3 partitions) and orders, and group kafka-active with an
online consumer. It listens on loopback only unless --allow-remote is given.
`;

const FAULT_EXAMPLES = `
Kinds:
  error         answer --code (status from the error table, or --status; 200 = Success false)
  throttle      400 Throttling.User, with x-acs-retry-after when --retry-after is given
  server-error  HTTP 5xx (--status, default 503), alias 5xx
  latency       --latency ms before answering, on every call unless --times is given
  drop          close the connection without answering (--after-apply: apply the call first)
  bad-json      a body that is not JSON, alias not-json

Examples:
  alikafka-offsets sandbox fault add server-error --status 502 --times 3
  alikafka-offsets sandbox fault add drop --action UpdateConsumerOffset --after-apply
  alikafka-offsets sandbox fault add error --code BIZ_RESET_OFFSET_ERROR --status 200
  alikafka-offsets sandbox fault list
  alikafka-offsets sandbox fault clear
`;

const STATE = ['--state <file>', 'the sandbox state file (default: sandbox.json in the state dir)'];

export function register(program: Command): void {
  const sandbox = program
    .command('sandbox')
    .description('run a local endpoint that speaks the ApsaraMQ for Kafka OpenAPI')
    .option('--host <address>', 'address to listen on', '127.0.0.1')
    .option('--port <n>', 'port to listen on; 0 picks a free one', '8089')
    .option(STATE[0] as string, STATE[1])
    .option('--access-key-id <id>', 'the AccessKeyId to accept (default: the sandbox key)')
    .option('--access-key-secret <secret>', 'the secret to accept (default: the sandbox secret)')
    .option('--allow-remote', 'allow a --host other than loopback')
    .option('--bulk-topics <n>', 'when seeding: add group kafka-bulk with n topics bulk-0000..')
    .option('--bulk-partitions <n>', 'when seeding: partitions of each bulk topic', '8')
    .addHelpText('after', EXAMPLES)
    .action(action(async () => (await import('../sandbox/serve.js')).run));

  const fault = sandbox.command('fault').description('arm, list and clear faults');
  fault
    .command('add <kind>')
    .description('arm a fault: error, throttle, server-error, latency, drop or bad-json')
    .option('--action <name>', 'only calls of this API action (default: every action)')
    .option('--times <n>', 'for the next n calls (default 1; latency: every call)')
    .option('--always', 'on every call until cleared')
    .option('--code <code>', 'error: the code to answer, e.g. Group.NotFound')
    .option('--status <n>', 'the HTTP status to answer with')
    .option('--message <text>', 'the Message of the answer')
    .option('--retry-after <ms>', 'throttle: the x-acs-retry-after header')
    .option('--latency <ms>', 'latency: milliseconds added before answering')
    .option('--after-apply', 'drop: carry the call out before dropping the connection')
    .option(STATE[0] as string, STATE[1])
    .addHelpText('after', FAULT_EXAMPLES)
    .action(action(async () => (await import('../sandbox/control.js')).faultAdd));
  fault
    .command('list')
    .description('the faults armed now')
    .option(STATE[0] as string, STATE[1])
    .action(action(async () => (await import('../sandbox/control.js')).faultList));
  fault
    .command('clear [id]')
    .description('disarm one fault by id, or all of them')
    .option(STATE[0] as string, STATE[1])
    .action(action(async () => (await import('../sandbox/control.js')).faultClear));

  sandbox
    .command('mode [name] [value]')
    .description('show the switches, or set one: noop on|off, consumer-commits on|off')
    .option(STATE[0] as string, STATE[1])
    .addHelpText('after', `
  noop              UpdateConsumerOffset answers success and changes nothing
  consumer-commits  a group's online consumers commit their own positions right after a
                    reset, so the reset does not stick (what a read-back should catch)
`)
    .action(action(async () => (await import('../sandbox/control.js')).mode));

  sandbox
    .command('consumers <online|offline>')
    .description('bring a group\'s consumers online or take them offline')
    .option('--group <name>', 'the group', 'kafka-active')
    .option(STATE[0] as string, STATE[1])
    .action(action(async () => (await import('../sandbox/control.js')).consumers));

  sandbox
    .command('reset-state')
    .description('replace the state file with a fresh seed (a running sandbox picks it up)')
    .option(STATE[0] as string, STATE[1])
    .option('--bulk-topics <n>', 'add group kafka-bulk with n topics bulk-0000..')
    .option('--bulk-partitions <n>', 'partitions of each bulk topic', '8')
    .action(action(async () => (await import('../sandbox/control.js')).resetState));

  sandbox
    .command('log')
    .description('the last calls the sandbox answered')
    .option('--last <n>', 'how many', '20')
    .option(STATE[0] as string, STATE[1])
    .action(action(async () => (await import('../sandbox/control.js')).log));
}
