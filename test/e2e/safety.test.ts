/**
 * The safe path of `reset` through the built binary against the in-process sandbox: the plan
 * that writes nothing, the online-consumer guard, the snapshot taken before the first write,
 * and the read-back that catches a reset that did not stick.
 */
import { chmodSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SandboxState } from '../../src/sandbox/index.js';
import {
  boundsOf,
  jsonOf,
  offsetsOf,
  printedCommand,
  removeWorkspace,
  runBin,
  sandboxed,
  seeded,
  shown,
  snapshotFiles,
  stateOf,
  updateCalls,
  workspace,
  type Workspace,
} from './b-helpers.js';

const TEST = ['--group', 'kafka-test'];
const ACTIVE = ['--group', 'kafka-active', '--topic', 'payments'];
const HOUR = 3_600_000;

let ws: Workspace;
let before: SandboxState;
beforeEach(async () => {
  ws = workspace();
  before = await seeded(ws);
});
afterEach(() => removeWorkspace(ws));

/** Nothing reached UpdateConsumerOffset and every committed offset is as seeded. */
async function expectNothingWritten() {
  const after = await stateOf(ws);
  expect(updateCalls(after)).toEqual([]);
  expect(after.groups).toEqual(before.groups);
}

describe('a plan without --execute', () => {
  it('writes nothing, says so, and prints the command that applies it', async () => {
    const r = await sandboxed(ws, ['reset', ...TEST, '--topic', 'topic_name', '--to-earliest']);
    expect(r.status, shown(r)).toBe(0);
    await expectNothingWritten();
    expect(r.stdout).toContain('Nothing was written. To apply this plan, run:');

    const apply = printedCommand(r.stdout, 'To apply this plan, run:');
    expect(apply.at(-1)).toBe('--execute');
    const applied = await runBin(apply, ws.env);
    expect(applied.status, shown(applied)).toBe(0);
    expect(offsetsOf(await stateOf(ws), 'kafka-test').topic_name)
      .toEqual(boundsOf(before, 'topic_name').map(([start]) => start));
  });

  it('shows a datetime\'s input, zone, UTC instant and milliseconds', async () => {
    const instant = Math.floor((Date.now() - 2 * 24 * HOUR) / 60_000) * 60_000;
    // Asia/Shanghai keeps UTC+8 all year, so its wall clock is the instant moved by 8 hours.
    const local = new Date(instant + 8 * HOUR).toISOString().slice(0, 16).replace('T', ' ');
    const args = ['reset', ...TEST, '--topic', 'topic_name', '--to-datetime', local,
      '--timezone', 'Asia/Shanghai'];

    const r = await sandboxed(ws, args);
    expect(r.status, shown(r)).toBe(0);
    const timeLine = r.stdout.split('\n').find((l) => l.trim().startsWith('time:')) ?? '';
    expect(timeLine).toContain(local);
    expect(timeLine).toContain('Asia/Shanghai');
    expect(timeLine).toContain(new Date(instant).toISOString());
    expect(timeLine).toContain(String(instant));

    const doc = jsonOf(await sandboxed(ws, [...args, '--output', 'json']));
    expect(doc.time).toMatchObject({ ms: instant, input: local, zone: 'Asia/Shanghai' });
    expect(doc.calls).toEqual([{ topic: 'topic_name', resetType: 'timestamp', time: instant }]);
    await expectNothingWritten();
  });

  it('resolves a time after the last message to the log end, never -1', async () => {
    const ends = boundsOf(before, 'topic_name').map(([, end]) => end);
    const args = ['reset', ...TEST, '--topic', 'topic_name', '--to-timestamp',
      String(Date.now() - 5_000)];

    const plan = jsonOf(await sandboxed(ws, [...args, '--output', 'json']));
    expect(plan.rows.map((row: { target: number }) => row.target)).toEqual(ends);
    expect(plan.calls[0].time).toBeGreaterThan(0);

    const r = await sandboxed(ws, [...args, '--execute']);
    expect(r.status, shown(r)).toBe(0);
    expect(r.stdout).not.toMatch(/(^|\s)-1(\s|$)/m);
    expect(offsetsOf(await stateOf(ws), 'kafka-test').topic_name).toEqual(ends);
  });

  it('refuses --offsets naming a partition the topic lacks, naming the valid range', async () => {
    const r = await sandboxed(ws, ['reset', ...TEST, '--topic', 'topic_name', '--offsets',
      '0=5,7=1', '--execute']);

    expect(r.status, shown(r)).toBe(2);
    expect(r.stderr).toMatch(/no partition 7; valid partitions are 0.2/);
    await expectNothingWritten();
  });

  it('clamps an offset outside the log into it, with a warning, and sends the clamped value',
    async () => {
      const bounds = boundsOf(before, 'topic_name');
      const end0 = bounds[0]![1];
      const start1 = bounds[1]![0];
      const r = await sandboxed(ws, ['reset', ...TEST, '--topic', 'topic_name', '--offsets',
        `0=${end0 + 5000},1=${start1 - 100}`, '--execute']);
      expect(r.status, shown(r)).toBe(0);
      expect(r.stdout).toContain(`warning: topic_name partition 0: ${end0 + 5000} is past ` +
        `the log end; clamped to ${end0}`);
      expect(r.stdout).toContain(`clamped to ${start1}`);

      const after = await stateOf(ws);
      const sent = JSON.parse(updateCalls(after)[0]!.params.Offsets!);
      expect(sent.map((o: Record<string, number>) => o.offset ?? o.Offset)).toEqual([end0, start1]);
      expect(offsetsOf(after, 'kafka-test').topic_name!.slice(0, 2)).toEqual([end0, start1]);
    });

  it('reports an unknown group before writing, suggesting the close name', async () => {
    const r = await sandboxed(ws, ['reset', '--group', 'kafka-tset', '--topic', 'topic_name',
      '--to-latest', '--execute']);

    expect(r.status, shown(r)).toBe(1);
    expect(r.stderr).toContain('Group.NotFound');
    expect(r.stderr).toContain('Did you mean "kafka-test"?');
    await expectNothingWritten();
  });

  it('reports an unknown topic before writing, suggesting the close name once', async () => {
    const r = await sandboxed(ws, ['reset', ...TEST, '--topic', 'topic_nmae', '--to-latest',
      '--execute']);

    expect(r.status, shown(r)).toBe(2);
    expect(r.stderr).toContain('topic "topic_nmae" does not exist');
    expect(r.stderr).toContain('Did you mean "topic_name"?');
    await expectNothingWritten();
  });
});

describe('the online-consumer guard', () => {
  it('refuses to reset a group with online consumers, naming them (exit 4)', async () => {
    const r = await sandboxed(ws, ['reset', ...ACTIVE, '--to-earliest', '--execute']);

    expect(r.status, shown(r)).toBe(4);
    expect(r.stderr).toContain('consumer-1 (/192.0.2.11), consumer-2 (/192.0.2.12)');
    expect(r.stderr).toMatch(/Stop these consumers, wait for their session timeout/);
    expect(snapshotFiles(ws)).toEqual([]);
    await expectNothingWritten();
  });

  it('refuses in JSON too, with the clients as data', async () => {
    const r = await sandboxed(ws, ['reset', ...ACTIVE, '--to-earliest', '--execute',
      '--output', 'json']);

    expect(r.status, shown(r)).toBe(4);
    const { error } = jsonOf(r);
    expect(error).toMatchObject({ code: 'CONSUMERS_ONLINE', exitStatus: 4 });
    expect(error.details.clients.map((c: { clientId: string }) => c.clientId))
      .toEqual(['consumer-1', 'consumer-2']);
    await expectNothingWritten();
  });

  it('applies with --force, warning that the consumers are still online', async () => {
    const r = await sandboxed(ws, ['reset', ...ACTIVE, '--to-earliest', '--execute', '--force']);

    expect(r.status, shown(r)).toBe(0);
    expect(r.stderr).toContain('--force given; consumer-1 (/192.0.2.11)');
    expect(offsetsOf(await stateOf(ws), 'kafka-active').payments).toEqual([0, 0]);
  });

  it('applies without --force once the consumers are offline', async () => {
    const off = await runBin(['sandbox', 'consumers', 'offline', '--state', ws.sandboxState],
      ws.env);
    expect(off.status, shown(off)).toBe(0);

    const r = await sandboxed(ws, ['reset', ...ACTIVE, '--to-earliest', '--execute']);
    expect(r.status, shown(r)).toBe(0);
    expect(offsetsOf(await stateOf(ws), 'kafka-active').payments).toEqual([0, 0]);
  });
});

describe('the snapshot', () => {
  const RESET = ['reset', ...TEST, '--topic', 'topic_name', '--to-earliest', '--execute'];

  it('is on disk with the old offsets before the write, even when the write fails', async () => {
    await seeded(ws, (s) => {
      s.faults.push({ id: 99, kind: 'error', action: 'UpdateConsumerOffset', remaining: 1,
        code: 'BIZ_RESET_OFFSET_ERROR' });
    });

    const r = await sandboxed(ws, RESET);
    expect(r.status, shown(r)).toBe(1);
    expect(r.stderr).toContain('BIZ_RESET_OFFSET_ERROR');
    expect(r.stdout).not.toContain('--no-verify');

    const [path, ...others] = snapshotFiles(ws);
    expect(others).toEqual([]);
    expect(r.stdout).toContain(`Snapshot: ${path}`);
    const doc = JSON.parse(readFileSync(path!, 'utf8'));
    const seededOffsets = before.groups['kafka-test']!.offsets.topic_name!;
    expect(doc.partitions.map((p: { committed: number }) => p.committed)).toEqual(seededOffsets);
    const [call] = updateCalls(await stateOf(ws));
    expect(call).toMatchObject({ code: 'BIZ_RESET_OFFSET_ERROR', faultId: 99 });
    expect(Date.parse(doc.takenAt)).toBeLessThanOrEqual(call!.time);
    expect((await stateOf(ws)).groups).toEqual(before.groups);
  });

  async function expectSnapshotRefused(path: string) {
    const r = await sandboxed(ws, [...RESET, '--snapshot', path], 20_000);
    expect(r.status, shown(r)).toBe(1);
    expect(r.stderr).toContain(`could not write the snapshot ${path}`);
    expect(r.stderr).toContain('nothing was reset');
    await expectNothingWritten();
  }

  it('that cannot be written under /proc stops the reset before any write', async () => {
    await expectSnapshotRefused('/proc/x/y.json');
  });

  it('that cannot be written under a regular file stops the reset before any write',
    async () => {
      const file = join(ws.home, 'plain-file');
      writeFileSync(file, 'not a directory');
      await expectSnapshotRefused(join(file, 'snap.json'));
    });

  it('that cannot be written through a dangling symlink stops the reset before any write',
    async () => {
      const link = join(ws.home, 'dangling');
      symlinkSync(join(ws.home, 'nowhere'), link);
      await expectSnapshotRefused(join(link, 'snapshots', 'snap.json'));
    });

  // Permissions do not bind root, so a read-only directory proves nothing there.
  it.skipIf(process.getuid?.() === 0)('that cannot be written in a read-only directory stops ' +
    'the reset before any write', async () => {
    const dir = join(ws.home, 'read-only');
    mkdirSync(dir);
    chmodSync(dir, 0o555);
    await expectSnapshotRefused(join(dir, 'snap.json'));
  });
});

describe('the read-back', () => {
  const RESET = ['reset', ...TEST, '--topic', 'topic_name', '--to-earliest', '--execute'];

  it('fails a reset the service accepted but did not apply, naming planned and actual values',
    async () => {
      const on = await runBin(['sandbox', 'mode', 'noop', 'on', '--state', ws.sandboxState],
        ws.env);
      expect(on.status, shown(on)).toBe(0);

      const r = await sandboxed(ws, RESET);
      expect(r.status, shown(r)).toBe(1);
      expect(updateCalls(await stateOf(ws))).toHaveLength(1);
      const seededOffsets = before.groups['kafka-test']!.offsets.topic_name!;
      boundsOf(before, 'topic_name').forEach(([start], p) => {
        expect(r.stderr).toContain(`topic_name partition ${p}: planned ${start.toLocaleString(
          'en-US')}, read back ${seededOffsets[p]!.toLocaleString('en-US')}`);
      });
      expect(r.stderr).toMatch(/consumer that is still running is the likely cause/);
    });

  it('is skipped with --no-verify, which then succeeds', async () => {
    await seeded(ws, (s) => {
      s.modes.noop = true;
    });

    const r = await sandboxed(ws, [...RESET, '--no-verify']);
    expect(r.status, shown(r)).toBe(0);
    expect(r.stdout).toContain('Not verified (--no-verify).');
    expect(updateCalls(await stateOf(ws))).toHaveLength(1);
  });

  it('catches online consumers committing over a forced reset', async () => {
    await seeded(ws, (s) => {
      s.modes.consumerCommits = true;
    });

    const r = await sandboxed(ws, ['reset', ...ACTIVE, '--to-earliest', '--execute', '--force',
      '--output', 'json']);
    expect(r.status, shown(r)).toBe(1);
    const doc = jsonOf(r);
    expect(doc.error.code).toBe('VERIFY_MISMATCH');
    expect(doc.verification.mismatches).toEqual(
      before.groups['kafka-active']!.offsets.payments!.map((actual, partition) =>
        ({ topic: 'payments', partition, planned: 0, actual })),
    );
  });
});
