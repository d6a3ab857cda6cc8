import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../../commands/index.ts';
import { defineCommand } from '../../../src/core/command.ts';
import { registrationJson } from '../../../src/platforms/discord/registration.ts';

const NAME = /^[-_'\p{Ll}\p{Lm}\p{Lo}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

/** Every rule Discord applies to a command when it is registered (a 400 otherwise). */
function checkCommand(command: any): string[] {
  const problems: string[] = [];
  const where = command.name;
  let chars = command.name.length + (command.description?.length ?? 0);
  if (command.type === 3) {
    if (command.name.length < 1 || command.name.length > 32) problems.push(`${where}: menu name must be 1–32 characters`);
    if (command.description) problems.push(`${where}: a menu command has no description`);
    return problems;
  }
  if (!NAME.test(command.name)) problems.push(`${where}: bad name`);
  const checkOptions = (options: any[], path: string, depth: number) => {
    if (options.length > 25) problems.push(`${path}: over 25 options`);
    const subs = options.filter((o) => o.type === 1 || o.type === 2);
    if (subs.length && subs.length !== options.length) problems.push(`${path}: subcommands mixed with options`);
    let optionalSeen = false;
    const names = new Set<string>();
    for (const o of options) {
      const at = `${path} ${o.name}`;
      chars += o.name.length + o.description.length;
      if (!NAME.test(o.name)) problems.push(`${at}: bad name`);
      if (names.has(o.name)) problems.push(`${at}: duplicate`);
      names.add(o.name);
      if (o.description.length < 1 || o.description.length > 100) problems.push(`${at}: description must be 1–100`);
      if (o.type === 1 || o.type === 2) {
        if (depth > 1) problems.push(`${at}: nested too deep`);
        checkOptions(o.options ?? [], at, depth + 1);
        continue;
      }
      if (o.required && optionalSeen) problems.push(`${at}: required after optional`);
      if (!o.required) optionalSeen = true;
      if (o.choices && o.autocomplete) problems.push(`${at}: choices and autocomplete`);
      if (o.choices && (o.choices.length < 1 || o.choices.length > 25)) problems.push(`${at}: 1–25 choices`);
      for (const c of o.choices ?? []) {
        chars += c.name.length + String(c.value).length;
        if (c.name.length < 1 || c.name.length > 100) problems.push(`${at}: choice name 1–100`);
        if (typeof c.value === 'string' && c.value.length > 100) problems.push(`${at}: choice value ≤ 100`);
      }
      if (o.max_length !== undefined && (o.max_length < 1 || o.max_length > 6000)) problems.push(`${at}: max_length 1–6000`);
      if (o.min_length !== undefined && (o.min_length < 0 || o.min_length > 6000)) problems.push(`${at}: min_length 0–6000`);
      if (o.min_value !== undefined && o.max_value !== undefined && o.min_value > o.max_value) problems.push(`${at}: min above max`);
      if (![3, 4, 5, 6, 7, 8, 9, 10, 11].includes(o.type)) problems.push(`${at}: unknown type ${o.type}`);
    }
  };
  if (command.description.length < 1 || command.description.length > 100) problems.push(`${where}: description must be 1–100`);
  checkOptions(command.options ?? [], where, 1);
  if (chars > 4000) problems.push(`${where}: ${chars} characters in all (the limit is 4,000)`);
  return problems;
}

describe('the Discord registration JSON', () => {
  const json = registrationJson(COMMANDS) as any[];

  it('has every command, and every command keeps to Discord’s limits', () => {
    expect(json.filter((c) => c.type === 1).map((c) => c.name)).toEqual(COMMANDS.map((c) => c.name));
    expect(json.flatMap(checkCommand)).toEqual([]);
    expect(json.filter((c) => c.type === 1).length).toBeLessThanOrEqual(100);
    expect(json.filter((c) => c.type === 3).length).toBeLessThanOrEqual(5);
    expect(new Set(json.map((c) => `${c.type}:${c.name}`)).size).toBe(json.length);
  });

  it('offers “Capture as claim” on messages, and everything only in servers', () => {
    expect(json.filter((c) => c.type === 3)).toEqual([{ type: 3, name: 'Capture as claim', contexts: [0], integration_types: [0] }]);
    for (const command of json) expect(command.contexts).toEqual([0]);
  });

  it('types every kind of option, with autocomplete for claims, debates and tags', () => {
    const sample = defineCommand({
      name: 'sample',
      description: 'Every option type',
      options: [
        { name: 'claim', type: 'claim', description: 'A claim', required: true },
        { name: 'debate', type: 'debate', description: 'A debate' },
        { name: 'tags', type: 'string', description: 'Tags', autocomplete: 'tag', maxLength: 200 },
        { name: 'status', type: 'string', description: 'A status', choices: ['open', 'retracted'] },
        { name: 'page', type: 'integer', description: 'A page', min: 1, max: 100 },
        { name: 'p', type: 'number', description: 'A probability', min: 0, max: 1 },
        { name: 'hidden', type: 'boolean', description: 'Hide it' },
        { name: 'who', type: 'user', description: 'Someone' },
        { name: 'file', type: 'attachment', description: 'A file' },
      ] as const,
      handler: () => ({ blocks: [] }),
    });
    const [command] = registrationJson([sample]) as any[];
    expect(command.options).toEqual([
      { name: 'claim', description: 'A claim', required: true, type: 3, autocomplete: true },
      { name: 'debate', description: 'A debate', required: false, type: 3, autocomplete: true },
      { name: 'tags', description: 'Tags', required: false, type: 3, max_length: 200, autocomplete: true },
      {
        name: 'status',
        description: 'A status',
        required: false,
        type: 3,
        choices: [
          { name: 'open', value: 'open' },
          { name: 'retracted', value: 'retracted' },
        ],
      },
      { name: 'page', description: 'A page', required: false, type: 4, min_value: 1, max_value: 100 },
      { name: 'p', description: 'A probability', required: false, type: 10, min_value: 0, max_value: 1 },
      { name: 'hidden', description: 'Hide it', required: false, type: 5 },
      { name: 'who', description: 'Someone', required: false, type: 6 },
      { name: 'file', description: 'A file', required: false, type: 11 },
    ]);
    expect(checkCommand(command)).toEqual([]);
  });

  it('the check catches what Discord would refuse', () => {
    const bad = {
      type: 1,
      name: 'Bad Name',
      description: 'x'.repeat(101),
      options: [
        { type: 3, name: 'a', description: 'd', required: false },
        { type: 3, name: 'b', description: 'd', required: true, choices: [{ name: 'c', value: 'c' }], autocomplete: true },
      ],
    };
    expect(checkCommand(bad)).toEqual([
      'Bad Name: bad name',
      'Bad Name: description must be 1–100',
      'Bad Name b: required after optional',
      'Bad Name b: choices and autocomplete',
    ]);
  });
});
