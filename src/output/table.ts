/** Aligned text tables that fit the terminal: the widest column gives way first. */

export interface Column {
  header: string;
  align?: 'left' | 'right';
  /** May be shortened to fit the terminal. Names of groups and topics never are. */
  shrink?: boolean;
  /** Left out when no row has anything to show in it. */
  optional?: boolean;
}

const GAP = '  ';

function visible(text: string): number {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u001b\[[0-9;]*m/g, '').length;
}

function pad(text: string, width: number, align: 'left' | 'right'): string {
  const fill = ' '.repeat(Math.max(0, width - visible(text)));
  return align === 'right' ? fill + text : text + fill;
}

function cut(text: string, width: number): string {
  return visible(text) <= width ? text : `${text.slice(0, Math.max(1, width - 1))}…`;
}

/**
 * Renders rows under their headers. When `maxWidth` is smaller than the table, columns marked
 * `shrink` give way, widest first; everything else is printed whole.
 */
export function renderTable(allColumns: Column[], allRows: string[][], maxWidth?: number): string {
  const keep = allColumns.map((c, i) => !c.optional || allRows.some((r) => (r[i] ?? '') !== ''));
  const columns = allColumns.filter((_, i) => keep[i]);
  const rows = allRows.map((r) => r.filter((_, i) => keep[i]));
  const widths = columns.map((c, i) =>
    Math.max(visible(c.header), ...rows.map((r) => visible(r[i] ?? ''))));
  const total = () => widths.reduce((a, b) => a + b, 0) + GAP.length * (columns.length - 1);
  if (maxWidth && total() > maxWidth) {
    const shrinkable = columns
      .map((c, i) => ({ i, shrink: c.shrink === true }))
      .filter((c) => c.shrink)
      .sort((a, b) => widths[b.i]! - widths[a.i]!);
    for (const { i } of shrinkable) {
      const excess = total() - maxWidth;
      if (excess <= 0) break;
      widths[i] = Math.max(visible(columns[i]!.header), 8, widths[i]! - excess);
    }
  }
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => pad(cut(cell, widths[i]!), widths[i]!, columns[i]!.align ?? 'left'))
      .join(GAP)
      .trimEnd();
  return [line(columns.map((c) => c.header)), ...rows.map(line)].join('\n') + '\n';
}
