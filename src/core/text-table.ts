/**
 * A table as monospace lines (shown in a code block): columns padded to their widest cell, the
 * header underlined. Cells are literal text; the code block keeps them from being read as markdown.
 */
export function formatTable(
  columns: readonly string[],
  rows: readonly (readonly string[])[],
  align?: readonly ('left' | 'right')[],
): string[] {
  const clean = (cell: string | undefined) => (cell ?? '').replace(/\s+/g, ' ');
  const widths = columns.map((c, i) => Math.max(c.length, ...rows.map((row) => clean(row[i]).length)));
  const line = (cells: readonly string[]) =>
    columns
      .map((_, i) => (align?.[i] === 'right' ? clean(cells[i]).padStart(widths[i]!) : clean(cells[i]).padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(columns), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)];
}
