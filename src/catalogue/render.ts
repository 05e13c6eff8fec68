/**
 * The text form of `explain`: one entry in full, or every code by category. Lines are wrapped
 * to the terminal (at most 100 columns) before any colour is added, so widths stay right.
 */
import type { ChalkInstance } from 'chalk';
import { EXIT } from '../errors.js';
import { CATEGORIES, CATEGORY_TITLES } from './types.js';
import type { CatalogueEntry, Category, Explanation } from './types.js';

const MAX_WIDTH = 100;
const MIN_WIDTH = 60;
const LABEL_WIDTH = 14;
const CODE_WIDTH = 36;

/** What a command exits with when the service answers this category. */
export function exitStatusFor(category: Category): number {
  return category === 'credentials' ? EXIT.credentials : EXIT.failed;
}

export function lineWidth(columns: number | undefined): number {
  return Math.max(MIN_WIDTH, Math.min(columns ?? MAX_WIDTH, MAX_WIDTH));
}

/** Word-wraps `text`: the first line after `first`, the others after `indent` spaces. */
export function wrap(text: string, first: string, indent: number, width: number): string[] {
  const lines: string[] = [];
  let line = first;
  let empty = true;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (!empty && line.length + 1 + word.length > width) {
      lines.push(line);
      line = ' '.repeat(indent);
      empty = true;
    }
    line += empty ? word : ` ${word}`;
    empty = false;
  }
  lines.push(line);
  return lines;
}

function paintCategory(style: ChalkInstance, category: Category): string {
  const title = CATEGORY_TITLES[category];
  if (category === 'credentials') return style.red(title);
  if (category === 'not-applicable') return style.dim(title);
  if (category === 'throttled' || category === 'service') return style.cyan(title);
  return style.yellow(title);
}

function field(style: ChalkInstance, label: string, value: string, width: number): string[] {
  const lines = wrap(value, ' '.repeat(2 + LABEL_WIDTH), 2 + LABEL_WIDTH, width);
  const first = lines[0] ?? '';
  lines[0] = `  ${style.dim(label.padEnd(LABEL_WIDTH))}${first.slice(2 + LABEL_WIDTH)}`;
  return lines;
}

/** `family` is the catalogue's code when `explanation.code` is a member of a `%s` family. */
export function renderExplanation(
  explanation: Explanation,
  family: string | undefined,
  style: ChalkInstance,
  width: number,
): string {
  const head = style.bold(explanation.code) + (family ? style.dim(`  (one of ${family})`) : '');
  const statuses = explanation.httpStatus.length > 0
    ? explanation.httpStatus.join(', ')
    : 'none: no answer came from the service';
  const messages = explanation.serviceMessages.length > 0
    ? explanation.serviceMessages
    : ['(no message documented)'];

  const lines = [
    head,
    `  ${style.dim('category'.padEnd(LABEL_WIDTH))}${paintCategory(style, explanation.category)}`,
    ...field(style, 'retry helps', explanation.retryable ? 'yes' : 'no', width),
    ...field(style, 'exit status', String(exitStatusFor(explanation.category)), width),
    ...field(style, 'HTTP status', statuses, width),
    ...messages.flatMap((text, i) => field(style, i === 0 ? 'service says' : '', text, width)),
  ];
  if (explanation.detail !== undefined) {
    lines.push(...field(style, 'detail', explanation.detail, width));
  }
  lines.push(...field(style, 'meaning', explanation.summary, width));
  lines.push('', `  ${style.bold('What to do')}`);
  lines.push(...wrap(explanation.guidance, '  ', 2, width));
  return `${lines.join('\n')}\n`;
}

function listLine(entry: CatalogueEntry, style: ChalkInstance, width: number): string[] {
  const indent = 2 + CODE_WIDTH;
  if (entry.code.length >= CODE_WIDTH - 1) {
    const rest = wrap(entry.summary, ' '.repeat(indent), indent, width);
    return [`  ${style.bold(entry.code)}`, ...rest];
  }
  const lines = wrap(entry.summary, ' '.repeat(indent), indent, width);
  lines[0] = `  ${style.bold(entry.code.padEnd(CODE_WIDTH))}${(lines[0] ?? '').slice(indent)}`;
  return lines;
}

export function renderList(
  entries: readonly CatalogueEntry[],
  style: ChalkInstance,
  width: number,
): string {
  const lines: string[] = [];
  for (const category of CATEGORIES) {
    const members = entries.filter((entry) => entry.category === category);
    if (members.length === 0) continue;

    if (lines.length > 0) lines.push('');
    lines.push(`${paintCategory(style, category)} ${style.dim(`(${members.length})`)}`);
    for (const entry of members) lines.push(...listLine(entry, style, width));
  }
  lines.push(
    '',
    `${entries.length} codes. \`alikafka-offsets explain <code>\` shows what one means and ` +
      'what to do next.',
  );
  return `${lines.join('\n')}\n`;
}
