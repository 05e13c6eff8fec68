/** Colour through chalk, switched off entirely when the context says so. */
import { Chalk, type ChalkInstance } from 'chalk';
import type { Context } from '../context.js';
import { SCHEMA_VERSION } from '../version.js';

export function styleFor(ctx: Context): ChalkInstance {
  return new Chalk({ level: ctx.color ? 1 : 0 });
}

/**
 * The width text must fit: COLUMNS when set to a positive number (so a pager or a script can
 * ask for a width), else the terminal's; no limit for a pipe or a file.
 */
export function widthOf(ctx: Context): number | undefined {
  const asked = Number(ctx.env.COLUMNS);
  if (Number.isInteger(asked) && asked > 0) return asked;
  return ctx.stdout.isTTY ? ctx.stdout.columns : undefined;
}

/** One JSON document on stdout: the whole of a command's output in JSON mode. */
export function writeJson(ctx: Context, command: string, body: Record<string, unknown>): void {
  const doc = { schemaVersion: SCHEMA_VERSION, command, ...body };
  ctx.stdout.write(`${JSON.stringify(doc, null, 2)}\n`);
}
