/**
 * A workspace whose in-process sandbox also holds a group and a topic with long names, large
 * offsets and an online client, so that tables have to give way and numbers need separators.
 */
import { updateSandboxState } from '../../src/sandbox/index.js';
import { workspace, type Workspace } from './harness.js';

/** 56 characters: longer than a narrow terminal leaves for one column. */
export const LONG_GROUP = 'settlement-reconciliation-consumers-eu-central-1-primary';
/** 60 characters. */
export const LONG_TOPIC = 'settlement-events-eu-central-1-v2-partitioned-by-merchant-id';

export const BIG = { logStart: 1_000_000, logEnd: 9_876_543_210, committed: 9_876_000_000 };

const DAY = 24 * 60 * 60 * 1000;

export interface LongNames {
  ws: Workspace;
  /** `--sandbox --sandbox-state <file>`: the binary runs the sandbox on this workspace's file. */
  sandbox: string[];
}

/** A fresh workspace; `online` gives the long group a consumer, which fills ONLINE CLIENT. */
export async function withLongNames(online = false, env: NodeJS.ProcessEnv = {}) {
  const ws = workspace(env);
  const now = Date.now();
  await updateSandboxState(ws.sandboxState, (s) => {
    s.topics[LONG_TOPIC] = {
      createTime: now - 30 * DAY,
      remark: 'long name, large offsets',
      partitions: [0, 1].map(() => ({
        logStart: BIG.logStart,
        logEnd: BIG.logEnd,
        firstTime: now - 7 * DAY,
        lastTime: now - 60_000,
      })),
    };
    s.groups[LONG_GROUP] = {
      createTime: now - 30 * DAY,
      remark: '',
      topics: [LONG_TOPIC],
      offsets: { [LONG_TOPIC]: [BIG.committed, null] },
      clients: online
        ? { [LONG_TOPIC]: [0, 1].map((n) => ({
          clientId: `settlement-worker-${n}`,
          clientIp: `/192.0.2.${20 + n}`,
          memberId: `settlement-worker-${n}-member`,
        })) }
        : {},
      online,
      generation: online ? 1 : 0,
      lastRebalance: online ? now - DAY : -1,
    };
  });
  return { ws, sandbox: ['--sandbox', '--sandbox-state', ws.sandboxState] } satisfies LongNames;
}
