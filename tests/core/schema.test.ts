import { describe, expect, expectTypeOf, it } from 'vitest';
import { UsageError } from '../../src/core/errors.ts';
import type { ArgsOf } from '../../src/core/options.ts';
import { argsSchema, validateArgs } from '../../src/core/schema.ts';

const options = [
  { name: 'claim', type: 'claim', description: 'c', required: true },
  { name: 'text', type: 'string', description: 't', required: true, maxLength: 10 },
  { name: 'count', type: 'integer', description: 'n', min: 1, max: 5 },
  { name: 'ratio', type: 'number', description: 'r' },
  { name: 'flag', type: 'boolean', description: 'f' },
  { name: 'kind', type: 'string', description: 'k', choices: ['supports', 'opposes'] },
  { name: 'who', type: 'user', description: 'u' },
  { name: 'debate', type: 'debate', description: 'd' },
] as const;

const schema = argsSchema(options);
const validate = (raw: Record<string, unknown>) => validateArgs(schema, raw, '/x');

function messageOf(raw: Record<string, unknown>): string {
  try {
    validate(raw);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as UsageError).message;
  }
  throw new Error('expected a usage error');
}

describe('argument types derived from the spec', () => {
  it('makes required options required, the rest optional, and choices literal unions', () => {
    type Args = ArgsOf<typeof options>;
    expectTypeOf<Args['claim']>().toEqualTypeOf<number>();
    expectTypeOf<Args['text']>().toEqualTypeOf<string>();
    expectTypeOf<Args['count']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<Args['flag']>().toEqualTypeOf<boolean | undefined>();
    expectTypeOf<Args['kind']>().toEqualTypeOf<'supports' | 'opposes' | undefined>();
    expectTypeOf<Args['who']>().toEqualTypeOf<string | undefined>();
  });
});

describe('the zod schema from the spec', () => {
  it('converts text-parser strings to typed values', () => {
    expect(
      validate({
        claim: 'C12',
        text: '  hello ',
        count: '3',
        ratio: '0.25',
        flag: 'yes',
        kind: 'OPPOSES',
        who: '<@U123|ana>',
        debate: 'Drift-2',
      }),
    ).toEqual({ claim: 12, text: 'hello', count: 3, ratio: 0.25, flag: true, kind: 'opposes', who: 'U123', debate: 'drift-2' });
  });

  it('accepts Discord’s typed values as they come', () => {
    expect(validate({ claim: 'c7', text: 'x', count: 2, flag: false, who: '80351110224678912' })).toEqual({
      claim: 7,
      text: 'x',
      count: 2,
      flag: false,
      who: '80351110224678912',
    });
  });

  it('leaves absent optional options out', () => {
    expect(validate({ claim: '1', text: 'x' })).toEqual({ claim: 1, text: 'x' });
  });

  it('names the option at fault, with what was wrong', () => {
    expect(messageOf({ text: 'x' })).toBe('missing claim');
    expect(messageOf({ claim: 'X', text: 'x' })).toBe('claim: expected a claim id like C12, got "X"');
    expect(messageOf({ claim: 'C-1', text: 'x' })).toBe('claim: expected a claim id like C12, got "C-1"');
    expect(messageOf({ claim: '1', text: '   ' })).toBe('text: is empty');
    expect(messageOf({ claim: '1', text: 'x'.repeat(11) })).toBe('text: is 11 characters; the limit is 10');
    expect(messageOf({ claim: '1', text: 'x', count: '9' })).toBe('count: must be at most 5 (got 9)');
    expect(messageOf({ claim: '1', text: 'x', count: '2.5' })).toBe('count: expected a whole number, got 2.5');
    expect(messageOf({ claim: '1', text: 'x', ratio: 'NaN' })).toBe('ratio: expected a number, got "NaN"');
    expect(messageOf({ claim: '1', text: 'x', flag: 'maybe' })).toBe('flag: expected true or false, got "maybe"');
    expect(messageOf({ claim: '1', text: 'x', kind: 'blah' })).toBe('kind: must be one of supports, opposes (got "blah")');
    expect(messageOf({ claim: '1', text: 'x', nope: 'y' })).toBe('unknown option nope');
  });

  it('strips control and bidi-override characters, and halves of surrogate pairs, from text', () => {
    expect(validate({ claim: '1', text: 'a\u202eb\u0007c' }).text).toBe('abc');
    expect(validate({ claim: '1', text: 'a\ud800b\udfffc 🙂' }).text).toBe('abc 🙂');
  });

  it('reads numbers in decimal notation only: not hex, binary, octal or infinite ones', () => {
    for (const typed of ['0x10', '0b101', '0o17', 'Infinity', '-Infinity', '1e309', '1,5', '٣', '１２']) {
      expect(messageOf({ claim: '1', text: 'x', ratio: typed }), typed).toMatch(/^ratio: expected a number, got/);
    }
    expect(validate({ claim: '1', text: 'x', ratio: ' -0.5e1 ' }).ratio).toBe(-5);
    expect(validate({ claim: '1', text: 'x', ratio: '1_000' }).ratio).toBe(1000);
    expect(validate({ claim: '1', text: 'x', ratio: '.5' }).ratio).toBe(0.5);
    expect(messageOf({ claim: '1', text: 'x', count: '0x3' })).toBe('count: expected a number, got "0x3"');
  });

  it('refuses typed values of the wrong type, never calling into them', () => {
    const hostile = {
      toString() {
        throw new Error('called');
      },
    };
    expect(messageOf({ claim: hostile, text: 'x' })).toBe('claim: expected claim, got object');
    expect(messageOf({ claim: '1', text: ['a'] })).toBe('text: expected string, got object');
    expect(messageOf({ claim: '1', text: 'x', count: Number.POSITIVE_INFINITY })).toBe('count: expected a number, got "Infinity"');
    expect(messageOf({ claim: '1', text: 'x', flag: 10n })).toBe('flag: expected boolean, got bigint');
  });

  it('cleans an attached file’s name, which is shown back and may become a title', () => {
    const fileSchema = argsSchema([{ name: 'file', type: 'attachment', description: 'f', required: true }] as const);
    const data = new Uint8Array([1]);
    expect(validateArgs(fileSchema, { file: { name: 'notes\u202etxt.exe', data } }, '/x').file).toEqual({ name: 'notestxt.exe', data });
    expect(validateArgs(fileSchema, { file: { name: '\u0000', data } }, '/x').file).toEqual({ name: 'file', data });
  });
});
