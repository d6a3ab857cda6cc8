import stringWidth from 'string-width';

/**
 * A table as monospace lines (shown in a code block): columns padded to their widest cell, the
 * header underlined. Cells are literal text; the code block keeps them from being read as markdown.
 * Widths are terminal columns (string-width): a CJK character or an emoji takes two, a combining
 * accent none, so columns line up whatever the script.
 */
export function formatTable(
  columns: readonly string[],
  rows: readonly (readonly string[])[],
  align?: readonly ('left' | 'right')[],
): string[] {
  const clean = (cell: string | undefined) => (cell ?? '').replace(/\s+/g, ' ');
  const widths = columns.map((c, i) => Math.max(stringWidth(c), ...rows.map((row) => stringWidth(clean(row[i])))));
  const pad = (cell: string, width: number, right: boolean) => {
    const room = ' '.repeat(Math.max(0, width - stringWidth(cell)));
    return right ? room + cell : cell + room;
  };
  const line = (cells: readonly string[]) =>
    columns
      .map((_, i) => pad(clean(cells[i]), widths[i]!, align?.[i] === 'right'))
      .join('  ')
      .trimEnd();
  return [line(columns), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)];
}
