/**
 * `export`: the group's committed offsets as CSV (`topic,partition,offset`, the form Kafka's
 * consumer-groups tool uses) or JSON; either feeds `reset --from-file` unchanged.
 */
import type { Run } from '../command.js';
import { OperationError, UsageError } from '../errors.js';
import { DOCUMENT_SCHEMA_VERSION, EXPORT_KIND, type ExportDocument } from '../parse/documents.js';
import { parseIntInRange, parseTopicName } from '../parse/index.js';
import { writeJson } from '../output/style.js';
import { connectionInput, openSession, type ConnectionOptions } from '../session.js';
import { writeFileAtomic } from '../files.js';
import type { PartitionView } from '../plan/types.js';
import type { GroupRef } from '../types.js';
import { gather } from './reset/gather.js';

export interface ExportOptions extends ConnectionOptions {
  topic?: string;
  format?: string;
  file?: string;
  concurrency?: string;
}

export const run: Run<ExportOptions> = async (opts, ctx) => {
  connectionInput(opts);
  const format = opts.format ?? (ctx.output === 'json' ? 'json' : 'csv');
  if (format !== 'csv' && format !== 'json') {
    throw new UsageError('INVALID_FORMAT', `--format must be "csv" or "json", got "${format}"`);
  }
  const topic = opts.topic === undefined ? undefined : parseTopicName(opts.topic);
  const concurrency = parseIntInRange(opts.concurrency ?? '4', '--concurrency', 1, 32);
  const session = await openSession(opts, ctx);
  try {
    const { views } = await gather(session.api, session.ref, topic ? [topic] : undefined,
      concurrency);
    const committed = views.filter((v) => v.committed !== null);
    const skipped = views.length - committed.length;
    const content = format === 'csv'
      ? ['topic,partition,offset', ...committed.map((v) =>
        `${v.topic},${v.partition},${v.committed}`)].join('\n') + '\n'
      : `${JSON.stringify(exportDocument(session.ref, committed, ctx.now()), null, 2)}\n`;

    if (opts.file) {
      await writeExport(opts.file, content);
      if (ctx.output === 'json') {
        writeJson(ctx, 'export', { ok: true, ...session.ref, file: opts.file, format,
          offsets: committed.length });
      } else {
        ctx.stderr.write(`Wrote ${committed.length} offset(s) of "${session.ref.group}" to ` +
          `${opts.file}\n`);
      }
    } else {
      ctx.stdout.write(content);
    }
    if (skipped > 0) {
      ctx.stderr.write(`note: ${skipped} partition(s) with no committed offset are not ` +
        'exported\n');
    }
    return 0;
  } finally {
    await session.close();
  }
};

function exportDocument(ref: GroupRef, views: PartitionView[], now: number): ExportDocument {
  return {
    schemaVersion: DOCUMENT_SCHEMA_VERSION,
    kind: EXPORT_KIND,
    exportedAt: new Date(now).toISOString(),
    regionId: ref.regionId,
    instanceId: ref.instanceId,
    group: ref.group,
    offsets: views.map((v) => ({ topic: v.topic, partition: v.partition, offset: v.committed! })),
  };
}

async function writeExport(path: string, content: string): Promise<void> {
  try {
    await writeFileAtomic(path, content);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'error';
    throw new OperationError('EXPORT_FAILED', `could not write the export to ${path} (${code})`, {
      cause: err,
      hint: 'Choose a writable place with --file <path>, or leave --file out to print it.',
    });
  }
}
