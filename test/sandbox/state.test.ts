import { readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  armFault,
  readSandboxState,
  resetSandboxState,
  SANDBOX_INSTANCE_ID,
  SANDBOX_REGION_ID,
  updateSandboxState,
  type LogEntry,
} from '../../src/sandbox/index.js';
import { seedState } from '../../src/sandbox/seed.js';
import { KAFKA_TEST, sandbox, tempDir, v3Call } from './helpers.js';

const NOW = Date.UTC(2026, 0, 15, 12, 0, 0);
const DAY = 86_400_000;

let dir: string;
let statePath: string;
beforeEach(async () => {
  dir = await tempDir();
  statePath = join(dir, 'nested', 'sandbox.json');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the seed', () => {
  it('holds the contract\'s instance, groups and topics', () => {
    const s = seedState(NOW);
    expect([s.instanceId, s.regionId]).toEqual([SANDBOX_INSTANCE_ID, SANDBOX_REGION_ID]);

    const test = s.groups['kafka-test'];
    expect(test?.topics[0]).toBe('topic_name');
    expect(test?.topics.length).toBeGreaterThanOrEqual(2);
    const partitions = s.topics.topic_name?.partitions ?? [];
    expect(partitions.length).toBeGreaterThanOrEqual(3);
    expect(new Set(partitions.map((p) => p.logEnd - p.logStart)).size).toBe(partitions.length);
    for (const p of partitions) {
      expect(p.firstTime).toBeGreaterThanOrEqual(NOW - 7 * DAY);
      expect(p.lastTime).toBeLessThanOrEqual(NOW);
    }
    expect(test?.offsets.orders).toContain(null);

    const active = s.groups['kafka-active'];
    expect(active?.online).toBe(true);
    const clients = Object.values(active?.clients ?? {}).flat();
    expect(clients.every((c) => c && c.clientId && c.clientIp)).toBe(true);
  });

  it('is the same for the same clock reading and moves with the clock', () => {
    expect(seedState(NOW)).toEqual(seedState(NOW));
    const later = seedState(NOW + DAY);
    expect(later.topics.topic_name?.partitions[0]?.lastTime).toBe(
      (seedState(NOW).topics.topic_name?.partitions[0]?.lastTime ?? 0) + DAY,
    );
  });

  it('adds kafka-bulk and its topics when asked', () => {
    const s = seedState(NOW, { bulkTopics: 3, bulkPartitions: 4 });
    expect(s.groups['kafka-bulk']?.topics).toEqual(['bulk-0000', 'bulk-0001', 'bulk-0002']);
    expect(s.topics['bulk-0002']?.partitions).toHaveLength(4);
    expect(s.groups['kafka-bulk']?.offsets['bulk-0001']).toHaveLength(4);
    expect(seedState(NOW).groups['kafka-bulk']).toBeUndefined();
  });
});

describe('the state file', () => {
  it('is created from the seed when a sandbox starts on a missing file', async () => {
    const sb = await sandbox({ statePath, now: () => NOW });
    await sb.close();
    const state = await readSandboxState(statePath);
    expect(state.seededAt).toBe(NOW);
    expect(state.groups['kafka-test']?.offsets.topic_name).toEqual([900, 2000, 320]);
  });

  it('keeps changes across a restart, and is not seeded again', async () => {
    const first = await sandbox({ statePath });
    const reset = await v3Call(first, { ...KAFKA_TEST, Topic: 'topic_name', ResetType: 'timestamp',
      Time: '-2' }, { action: 'UpdateConsumerOffset' });
    expect(reset.status).toBe(200);
    await first.close();
    const seededAt = (await readSandboxState(statePath)).seededAt;

    const second = await sandbox({ statePath });
    const answer = await v3Call(second, KAFKA_TEST);
    await second.close();
    const progress = answer.json().ConsumerProgress as {
      TopicList: { TopicList: { OffsetList: { OffsetList: { ConsumerOffset: number }[] } }[] };
    };
    const rows = progress.TopicList.TopicList[0]?.OffsetList.OffsetList ?? [];
    expect(rows.map((r) => r.ConsumerOffset)).toEqual([0, 150, 0]);
    expect((await readSandboxState(statePath)).seededAt).toBe(seededAt);
  });

  it('leaves neither temporary files nor a lock behind', async () => {
    const sb = await sandbox({ statePath });
    await v3Call(sb, KAFKA_TEST);
    await updateSandboxState(statePath, (s) => void (s.modes.noop = true));
    await sb.close();
    expect(await readdir(join(dir, 'nested'))).toEqual(['sandbox.json']);
  });

  it('lets a running sandbox see a change another process wrote', async () => {
    const sb = await sandbox({ statePath });
    const edited = await readSandboxState(statePath);
    edited.groups['kafka-test']!.offsets.topic_name = [1, 2, 3];
    await writeFile(statePath, JSON.stringify(edited));

    const answer = await v3Call(sb, KAFKA_TEST);
    await sb.close();
    expect(answer.text).toContain('"ConsumerOffset":3');
  });

  it('loses no change when many updates race', async () => {
    await resetSandboxState(statePath, { now: () => NOW });
    await Promise.all(Array.from({ length: 25 }, () =>
      updateSandboxState(statePath, (s) => void armFault(s, { kind: 'throttle' }))));
    const state = await readSandboxState(statePath);
    expect(state.faults.map((f) => f.id).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 25 }, (_, i) => i + 1),
    );
  });

  it('takes over a lock left by a process that died', async () => {
    await resetSandboxState(statePath, { now: () => NOW });
    await writeFile(`${statePath}.lock`, '99999\n');
    const old = new Date(Date.now() - 120_000);
    await utimes(`${statePath}.lock`, old, old);
    await updateSandboxState(statePath, (s) => void (s.modes.noop = true));
    expect((await readSandboxState(statePath)).modes.noop).toBe(true);
  });

  it('writes nothing when the change throws', async () => {
    await resetSandboxState(statePath, { now: () => NOW });
    const before = await readFile(statePath, 'utf8');
    await expect(updateSandboxState(statePath, (s) => {
      s.modes.noop = true;
      throw new Error('changed my mind');
    })).rejects.toThrow('changed my mind');
    expect(await readFile(statePath, 'utf8')).toBe(before);
  });

  it('says what is wrong with a missing or foreign file', async () => {
    await expect(readSandboxState(statePath)).rejects.toMatchObject({
      code: 'SANDBOX_STATE_UNREADABLE',
    });
    await resetSandboxState(statePath);
    await writeFile(statePath, '{"not":"a sandbox"}');
    await expect(readSandboxState(statePath)).rejects.toMatchObject({
      code: 'SANDBOX_STATE_INVALID',
    });
  });

  it('keeps the last 2000 calls in the request log', async () => {
    const sb = await sandbox({ statePath });
    const filler: LogEntry = { time: 0, requestId: 'old', action: 'GetTopicList',
      accessKeyId: null, signatureVersion: null, securityToken: false, params: {}, status: 200,
      code: null };
    await updateSandboxState(statePath, (s) => {
      s.log = Array.from({ length: 2000 }, () => ({ ...filler }));
    });
    await v3Call(sb, KAFKA_TEST);
    await sb.close();
    const log = (await readSandboxState(statePath)).log;
    expect(log).toHaveLength(2000);
    expect(log.at(-1)?.action).toBe('GetConsumerProgress');
  });
});
