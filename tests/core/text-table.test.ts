import stringWidth from 'string-width';
import { expect, it } from 'vitest';
import { formatTable } from '../../src/core/text-table.ts';

it('GIVEN cells in CJK, with emoji and combining accents THEN every column starts at the same terminal column', () => {
  const lines = formatTable(
    ['who', 'claim', 'credence'],
    [
      ['ada', 'Reward is the target', '70%'],
      ['李明', '奖励不是目标', '30%'],
      ['zoë 🎯', 'Cafe\u0301 agents drift 🚀', '55%'],
    ],
    ['left', 'left', 'right'],
  );
  const rows = lines.filter((_, i) => i !== 1);
  // The credence column ends at the same terminal column on every row.
  const ends = rows.map((line) => stringWidth(line));
  expect(new Set(ends).size).toBe(1);
  // The second column starts at the same terminal column on every row.
  const starts = rows.map((line, i) => stringWidth(line.slice(0, line.indexOf(['claim', 'Reward', '奖励', 'Cafe'][i]!))));
  expect(new Set(starts).size).toBe(1);
  expect(lines[1]).toMatch(/^─+ {2}─+ {2}─+$/);
});
