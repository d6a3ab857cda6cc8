/**
 * The adjusted Rand index of two labellings of the same items: 1 when they group the items identically
 * (whatever the labels are called), about 0 for chance agreement, negative when worse than chance.
 */
export function adjustedRandIndex(first: readonly (string | number)[], second: readonly (string | number)[]): number {
  if (first.length !== second.length) throw new Error('adjustedRandIndex: the labellings differ in length');
  const n = first.length;
  if (n < 2) return 1;
  const table = new Map<string, number>();
  const rows = new Map<string | number, number>();
  const cols = new Map<string | number, number>();
  for (let i = 0; i < n; i++) {
    const cell = `${first[i]}\u0000${second[i]}`;
    table.set(cell, (table.get(cell) ?? 0) + 1);
    rows.set(first[i]!, (rows.get(first[i]!) ?? 0) + 1);
    cols.set(second[i]!, (cols.get(second[i]!) ?? 0) + 1);
  }
  const pairs = (m: number) => (m * (m - 1)) / 2;
  let index = 0;
  for (const m of table.values()) index += pairs(m);
  let rowPairs = 0;
  for (const m of rows.values()) rowPairs += pairs(m);
  let colPairs = 0;
  for (const m of cols.values()) colPairs += pairs(m);
  const expected = (rowPairs * colPairs) / pairs(n);
  const max = (rowPairs + colPairs) / 2;
  // Both labellings put everything in one group (or each item alone): identical, so 1.
  if (max === expected) return 1;
  return (index - expected) / (max - expected);
}
