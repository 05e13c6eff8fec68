/**
 * An explanation of one failure: the catalogue entry with its guidance filled in from what is
 * known about the call, and what the service put in place of `%s`. Never throws: a code the
 * catalogue does not know gets a plain generic text decided by the HTTP status.
 */
import { isRetryableStatus, matchCode } from './lookup.js';
import { ASK_SUPPORT, CHECK_BEFORE_RERUN } from './notes/shared.js';
import { templateDetail } from './template.js';
import type { CatalogueEntry, Category, ExplainContext, Explanation } from './types.js';

/** Long enough for any reason the service gives; short enough to keep a report readable. */
const MAX_QUOTED = 300;

/** The request parameters of UpdateConsumerOffset and the options of this tool that set them. */
const PARAMETER_OPTIONS: Record<string, string> = {
  instanceid: '--instance',
  regionid: '--region (or the profile\'s region)',
  consumerid: '--group',
  topic: '--topic (empty with --all-topics)',
  resettype: 'the choice of --to-… or --shift-by option',
  time: '--to-timestamp, --to-datetime, --by-duration, --to-earliest or --to-latest',
  offsets: '--offsets, --to-offset, --shift-by or --from-file',
  offset: '--offsets, --to-offset, --shift-by or --from-file',
  partition: '--offsets, --partitions or --from-file',
};

function quoted(text: string): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  return clean.length > MAX_QUOTED ? `${clean.slice(0, MAX_QUOTED - 1)}…` : clean;
}

/**
 * Puts the known region, instance, group and topic into the guidance, and the caller's own
 * `describe` command line in place of the generic one; what is not known reads `<group>`.
 */
function fillContext(text: string, ctx: ExplainContext): string {
  const withCommand = ctx.describeCommand
    ? text.replace(/`alikafka-offsets describe[^`]*`/g, `\`${ctx.describeCommand}\``)
    : text;
  const known: Record<string, string | undefined> = {
    region: ctx.regionId,
    instance: ctx.instanceId,
    group: ctx.group,
    topic: ctx.topic,
  };
  return withCommand.replace(/\{(region|instance|group|topic)\}/g, (_hole, name: string) =>
    known[name] ?? `<${name}>`);
}

/** What the service filled in: the family part of the code, then the message's `%s`. */
function detailOf(entry: CatalogueEntry, family: string | undefined, message?: string): string[] {
  const values = family === undefined ? [] : [family];
  if (message === undefined) return values;

  for (const template of entry.serviceMessages) {
    const filled = templateDetail(template, message);
    if (filled === undefined) continue;
    if (!values.includes(filled)) values.push(filled);
    break;
  }
  return values;
}

function detailNote(entry: CatalogueEntry, values: string[], ctx: ExplainContext): string {
  const first = values[0];
  if (first === undefined) return '';

  if (entry.code === 'Invalid.Partition.%s' && /^\d+$/.test(first)) {
    return ` The partition refused is ${first}${ctx.topic ? ` of topic ${ctx.topic}` : ''}.`;
  }
  const note = ` The service names "${quoted(values.join('; '))}".`;
  const options = PARAMETER_OPTIONS[first.toLowerCase()];
  return options ? `${note} This tool sets ${first} from ${options}.` : note;
}

function unknownCategory(httpStatus: number | undefined): Category {
  if (httpStatus === 429) return 'throttled';
  return httpStatus !== undefined && httpStatus >= 500 ? 'service' : 'invalid-input';
}

function unknown(code: string, ctx: ExplainContext): Explanation {
  const shown = code.trim() === '' ? '(no code)' : quoted(code);
  const category = unknownCategory(ctx.httpStatus);
  const retryable = isRetryableStatus(ctx.httpStatus);
  const action = ctx.action ?? 'UpdateConsumerOffset';
  const message = ctx.serviceMessage?.trim() ? quoted(ctx.serviceMessage) : undefined;

  const why = retryable
    ? 'Its HTTP status says the service was busy or failing, so a later attempt may succeed. ' +
      CHECK_BEFORE_RERUN
    : 'Its HTTP status says the request was refused, and sending it again will most likely be ' +
      'refused the same way.';
  const clue = message ? ` The service's own message is the best clue: "${message}".` : '';
  const guidance =
    `This tool has no notes on ${shown}: the code is not documented for ${action}, ` +
    `so this advice is general. ${why}${clue} ${ASK_SUPPORT} ` +
    '`alikafka-offsets explain --list` lists every code this tool knows.';

  return {
    code: code.trim(),
    category,
    retryable,
    httpStatus: ctx.httpStatus === undefined ? [] : [ctx.httpStatus],
    serviceMessages: message ? [message] : [],
    summary: `${shown} is not documented for ${action}.`,
    guidance: fillContext(guidance, ctx),
    known: false,
  };
}

/** The explanation of `code` as the service returned it, with what is known about the call. */
export function explain(code: string, ctx: ExplainContext = {}): Explanation {
  const match = matchCode(code);
  if (!match) return unknown(code, ctx);

  const { entry } = match;
  const values = detailOf(entry, match.familyValue, ctx.serviceMessage);
  const guidance = fillContext(entry.guidance, ctx) + detailNote(entry, values, ctx);
  const explanation: Explanation = {
    ...entry,
    code: match.familyValue === undefined ? entry.code : code.trim(),
    httpStatus: [...entry.httpStatus],
    serviceMessages: [...entry.serviceMessages],
    guidance,
    known: true,
  };
  if (values.length > 0) explanation.detail = quoted(values.join('; '));
  return explanation;
}
