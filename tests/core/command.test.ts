import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../commands/index.ts';
import { defineCommand, subcommand } from '../../src/core/command.ts';
import { customId, parseCustomId } from '../../src/core/custom-id.ts';
import { createRegistry } from '../../src/core/registry.ts';
import { notice } from '../../src/core/reply.ts';

const handler = () => notice('ok');

describe('command specs', () => {
  it('every command in the list is valid and uniquely named', () => {
    const registry = createRegistry(COMMANDS);
    const names = registry.commands.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(expect.arrayContaining(['debate', 'claim', 'link', 'unlink', 'map', 'help']));
    for (const leaf of registry.leaves()) {
      expect(leaf.description.length).toBeLessThanOrEqual(100);
      expect(leaf.options.length).toBeLessThanOrEqual(25);
      expect(leaf.usage.startsWith(`/${leaf.command}`)).toBe(true);
    }
  });

  it('refuses specs Discord would reject', () => {
    expect(() => defineCommand({ name: 'Bad Name', description: 'x', options: [] as const, handler })).toThrow(/lowercase/);
    expect(() => defineCommand({ name: 'ok', description: 'x'.repeat(101), options: [] as const, handler })).toThrow(/1–100/);
    expect(() =>
      defineCommand({
        name: 'ok',
        description: 'x',
        options: [
          { name: 'a', type: 'string', description: 'a' },
          { name: 'b', type: 'string', description: 'b', required: true },
        ] as const,
        handler,
      }),
    ).toThrow(/required option b must come before/);
    const many = Array.from({ length: 26 }, (_, i) => ({ name: `o${i}`, type: 'string', description: 'o' }) as const);
    expect(() => defineCommand({ name: 'ok', description: 'x', options: many, handler })).toThrow(/at most 25/);
    expect(() =>
      defineCommand({
        name: 'ok',
        description: 'x',
        subcommands: [
          subcommand({ name: 'a', description: 'a', options: [] as const, handler }),
          subcommand({ name: 'a', description: 'a', options: [] as const, handler }),
        ],
      }),
    ).toThrow(/twice/);
  });

  it('custom ids round-trip and stay within Discord’s 100 characters', () => {
    expect(parseCustomId(customId('claim', 'support', 12))).toEqual({ command: 'claim', action: 'support', params: ['12'] });
    expect(() => customId('claim', 'x', 'a:b')).toThrow();
    expect(() => customId('claim', 'x', 'y'.repeat(100))).toThrow(/100/);
  });
});
