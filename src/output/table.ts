/**
 * Aligned text tables that fit the terminal. The widest shrinkable column gives way first; when
 * even that is not enough, each row is printed as a block of `HEADER  value` lines instead, so
 * that names of groups and topics are never cut.
 */

export interface Column {
  header: string;
  align?: 'left' | 'right';
  /** May be shortened to fit the terminal. Names of groups and topics never are. */
  shrink?: boolean;
  /** Left out when no row has anything to show in it. */
  optional?: boolean;
}

const GAP = '  ';
// eslint-disable-next-line no-control-regex
const SGR = /\u001b\[[0-9;]*m/g;

function visible(text: string): number {
  return text.replace(SGR, '').length;
}

function pad(text: string, width: number, align: 'left' | 'right'): string {
  const fill = ' '.repeat(Math.max(0, width - visible(text)));
  return align === 'right' ? fill + text : text + fill;
}

/** Shortens to `width` with an ellipsis; styling is dropped, since a cut code would leak. */
function cut(text: string, width: number): string {
  if (visible(text) <= width) return text;
  return `${text.replace(SGR, '').slice(0, Math.max(1, width - 1))}…`;
}

/**
 * Renders rows under their headers. When `maxWidth` is smaller than the table, columns marked
 * `shrink` give way, widest first, down to their header's width; if the table still does not
 * fit, the rows are stacked (see `renderStacked`).
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
    if (total() > maxWidth) return renderStacked(columns, rows, maxWidth);
  }

  const line = (cells: string[]) =>
    cells
      .map((cell, i) => pad(cut(cell, widths[i]!), widths[i]!, columns[i]!.align ?? 'left'))
      .join(GAP)
      .trimEnd();
  return [line(columns.map((c) => c.header)), ...rows.map(line)].join('\n') + '\n';
}

/**
 * One block per row, blocks apart by a blank line: `HEADER  value`, or the value on the next
 * line (indented when there is room) when the two do not fit side by side. Empty cells are left
 * out. Only values of shrinkable columns are ever shortened, and only to the whole width.
 */
export function renderStacked(columns: Column[], rows: string[][], maxWidth: number): string {
  const labelWidth = Math.max(...columns.map((c) => c.header.length)) + GAP.length;
  const blocks = rows.map((row) =>
    columns
      .map((c, i) => ({ c, value: row[i] ?? '' }))
      .filter(({ value }) => value !== '')
      .map(({ c, value }) => {
        const shown = c.shrink ? cut(value, maxWidth) : value;
        if (labelWidth + visible(shown) <= maxWidth) return c.header.padEnd(labelWidth) + shown;
        const indent = GAP.length + visible(shown) <= maxWidth ? GAP : '';
        return `${c.header}\n${indent}${shown}`;
      })
      .join('\n'));
  return `${blocks.join('\n\n')}\n`;
}
