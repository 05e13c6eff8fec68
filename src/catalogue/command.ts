/**
 * The body of `explain [code]` and `explain --list`, loaded only when the command runs. It
 * needs no credentials and no SDK: everything comes from the catalogue.
 */
import type { Run } from '../command.js';
import type { Context } from '../context.js';
import { EXIT, UsageError } from '../errors.js';
import { styleFor, widthOf, writeJson } from '../output/style.js';
import { explain } from './explain.js';
import { allEntries, matchCode } from './lookup.js';
import { exitStatusFor, lineWidth, renderExplanation, renderList } from './render.js';
import { suggestCodes } from './suggest.js';
import { CATEGORIES, CATEGORY_TITLES } from './types.js';

export interface ExplainOptions {
  list?: boolean;
}

/** Enough of a mistyped code to recognise it, not a whole pasted log line. */
function shown(code: string): string {
  const trimmed = code.trim();
  return trimmed.length > 80 ? `${trimmed.slice(0, 79)}…` : trimmed;
}

function printList(ctx: Context): void {
  const entries = allEntries();
  if (ctx.output === 'json') {
    const categories = CATEGORIES.map((category) => ({
      category,
      title: CATEGORY_TITLES[category],
      exitStatus: exitStatusFor(category),
      entries: entries.filter((entry) => entry.category === category),
    }));
    writeJson(ctx, 'explain', { count: entries.length, categories });
    return;
  }
  ctx.stdout.write(renderList(entries, styleFor(ctx), lineWidth(widthOf(ctx))));
}

function unknownCode(code: string): UsageError {
  const near = suggestCodes(code);
  const hint = near.length > 0
    ? `Closest known codes: ${near.join(', ')}. \`alikafka-offsets explain --list\` lists them all.`
    : '`alikafka-offsets explain --list` lists every code this tool knows.';
  return new UsageError(
    'UNKNOWN_ERROR_CODE',
    `unknown error code "${shown(code)}": expected a code of UpdateConsumerOffset, of the API ` +
      'gateway, or of a network failure',
    { hint, details: { code: shown(code), suggestions: near } },
  );
}

function printOne(ctx: Context, code: string): void {
  const match = matchCode(code);
  if (!match) throw unknownCode(code);

  const explanation = explain(code);
  const family = match.familyValue === undefined ? undefined : match.entry.code;
  if (ctx.output === 'json') {
    writeJson(ctx, 'explain', {
      ...explanation,
      ...(family ? { family } : {}),
      categoryTitle: CATEGORY_TITLES[explanation.category],
      exitStatus: exitStatusFor(explanation.category),
    });
    return;
  }
  const text = renderExplanation(explanation, family, styleFor(ctx), lineWidth(widthOf(ctx)));
  ctx.stdout.write(text);
}

export const run: Run<ExplainOptions> = async (opts, ctx, args) => {
  const code = args[0];
  if (opts.list && code !== undefined) {
    throw new UsageError(
      'EXPLAIN_ARGUMENTS',
      `explain takes a code or --list, not both (got "${shown(code)}" and --list)`,
      { hint: 'Run `alikafka-offsets explain --list`, or `alikafka-offsets explain <code>`.' },
    );
  }

  if (opts.list) {
    printList(ctx);
    return EXIT.ok;
  }

  if (code === undefined || code.trim() === '') {
    const hint = 'For example `alikafka-offsets explain Group.Active`, or ' +
      '`alikafka-offsets explain --list` for every code.';
    const message = 'explain needs an error code or --list, got neither';
    throw new UsageError('EXPLAIN_ARGUMENTS', message, { hint });
  }
  printOne(ctx, code);
  return EXIT.ok;
};
