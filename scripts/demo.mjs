// The main job, end to end, against an in-process sandbox in a temporary state directory:
// describe the group, show the plan, apply it, and undo it.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const home = mkdtempSync(join(tmpdir(), 'alikafka-offsets-demo-'));
const env = { ...process.env, ALIKAFKA_OFFSETS_HOME: home,
  ALIBABA_CLOUD_ECS_METADATA_DISABLED: 'true' };
const bin = new URL('../bin/alikafka-offsets.cjs', import.meta.url).pathname;

function step(title, args) {
  console.log(`\n$ alikafka-offsets ${args.join(' ')}`);
  const r = spawnSync(process.execPath, [bin, ...args], { env, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`\n${title} exited with ${r.status}`);
    process.exit(r.status ?? 1);
  }
}

const group = ['--sandbox', '--group', 'kafka-test'];
step('describe', ['describe', ...group]);
step('plan', ['reset', ...group, '--topic', 'topic_name', '--to-earliest']);
step('reset', ['reset', ...group, '--topic', 'topic_name', '--to-earliest', '--execute']);
const snapshots = readdirSync(join(home, 'snapshots')).map((f) => join(home, 'snapshots', f));
step('undo', ['undo', snapshots[0], '--sandbox', '--execute']);
console.log(`\nThe sandbox state and the snapshot are in ${home}`);
