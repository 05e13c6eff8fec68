/** Colour through chalk, switched off entirely when the context says so. */
import { Chalk, type ChalkInstance } from 'chalk';
import type { Context } from '../context.js';
import { SCHEMA_VERSION } from '../version.js';

export function styleFor(ctx: Context): ChalkInstance {
  return new Chalk({ level: ctx.color ? 1 : 0 });
}

/** The width tables must fit, when stdout is a terminal. */
export function widthOf(ctx: Context): number | undefined {
  return ctx.stdout.isTTY ? ctx.stdout.columns : undefined;
}

/** One JSON document on stdout: the whole of a command's output in JSON mode. */
export function writeJson(ctx: Context, command: string, body: Record<string, unknown>): void {
  const doc = { schemaVersion: SCHEMA_VERSION, command, ...body };
  ctx.stdout.write(`${JSON.stringify(doc, null, 2)}\n`);
}
