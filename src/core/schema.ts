import { z } from 'zod';
import { UsageError } from './errors.ts';
import { joinMarkup, md, type Markup } from './markup.ts';
import { ATTACHMENT_MAX_BYTES, type OptionSpec } from './options.ts';
import { closest } from './spelling.ts';
import { cleanText, parseBoolean, parseClaimId, parseUserRef, SLUG_PATTERN } from './values.ts';

/**
 * The zod schema for one option. It accepts what each front end sends: strings from the text parser
 * (Slack, console) and typed values from Discord, and produces the type `ArgsOf` promises.
 */
export function optionSchema(option: OptionSpec): z.ZodType<unknown> {
  const schema = z.unknown().transform((raw, ctx) => {
    const fail = (message: string) => {
      ctx.addIssue({ code: 'custom', message });
      return z.NEVER;
    };
    if (raw === undefined || raw === null || (typeof raw === 'string' && option.type !== 'string' && raw.trim() === '')) {
      return option.required ? fail('is required') : undefined;
    }
    const value = convert(option, raw);
    if ('error' in value) return fail(value.error);
    return value.ok;
  });
  return option.required ? schema : schema.optional();
}

type Converted = { ok: unknown } | { error: string };

function convert(option: OptionSpec, raw: unknown): Converted {
  if (option.type === 'attachment') return convertAttachment(raw);
  const asString = typeof raw === 'string' ? raw : typeof raw === 'number' || typeof raw === 'boolean' ? String(raw) : undefined;
  if (asString === undefined) return { error: `expected ${option.type}, got ${typeof raw}` };

  if (option.choices) {
    const wanted = asString.trim().toLowerCase();
    const match = option.choices.find((choice) => choice.toLowerCase() === wanted);
    if (match) return { ok: match };
    const suggestion = closest(
      wanted,
      option.choices.map((c) => c.toLowerCase()),
    );
    const meant = suggestion === undefined ? undefined : option.choices.find((c) => c.toLowerCase() === suggestion);
    return { error: `must be one of ${option.choices.join(', ')} (got "${clip(asString)}"${meant ? `; did you mean ${meant}?` : ''})` };
  }

  switch (option.type) {
    case 'string': {
      const text = cleanText(asString);
      if (!text) return option.required ? { error: 'is empty' } : { ok: undefined };
      if (option.minLength !== undefined && text.length < option.minLength) {
        return { error: `is ${text.length} characters; it needs at least ${option.minLength}` };
      }
      if (option.maxLength !== undefined && text.length > option.maxLength) {
        return { error: `is ${text.length.toLocaleString('en-US')} characters; the limit is ${option.maxLength.toLocaleString('en-US')}` };
      }
      return { ok: text };
    }
    case 'integer':
    case 'number': {
      const n = typeof raw === 'number' ? raw : decimal(asString);
      if (n === undefined || !Number.isFinite(n)) return { error: `expected a number, got "${clip(asString)}"` };
      if (option.type === 'integer' && !Number.isInteger(n)) return { error: `expected a whole number, got ${asString.trim()}` };
      if (option.min !== undefined && n < option.min) return { error: `must be at least ${option.min} (got ${n})` };
      if (option.max !== undefined && n > option.max) return { error: `must be at most ${option.max} (got ${n})` };
      return { ok: n };
    }
    case 'boolean': {
      const b = typeof raw === 'boolean' ? raw : parseBoolean(asString);
      return b === undefined ? { error: `expected true or false, got "${clip(asString)}"` } : { ok: b };
    }
    case 'claim': {
      const n = parseClaimId(asString);
      return n === undefined ? { error: `expected a claim id like C12, got "${clip(asString)}"` } : { ok: n };
    }
    case 'debate': {
      const slug = asString.trim().toLowerCase();
      return SLUG_PATTERN.test(slug)
        ? { ok: slug }
        : { error: `expected a debate slug (lowercase letters, digits and dashes, up to 40), got "${clip(asString)}"` };
    }
    case 'user': {
      const id = parseUserRef(asString);
      return id === undefined ? { error: `expected a user mention or name, got "${clip(asString)}"` } : { ok: id };
    }
  }
}

function convertAttachment(raw: unknown): Converted {
  const file = raw as { name?: unknown; data?: unknown; contentType?: unknown };
  if (typeof raw !== 'object' || raw === null || typeof file.name !== 'string' || !(file.data instanceof Uint8Array)) {
    return { error: 'expected an attached file (on Discord attach it to the command; in the console give its path)' };
  }
  if (file.data.byteLength > ATTACHMENT_MAX_BYTES) {
    return { error: `is ${(file.data.byteLength / 1024 / 1024).toFixed(1)} MB; the limit is ${ATTACHMENT_MAX_BYTES / 1024 / 1024} MB` };
  }
  // The name is the uploader's text: it is shown back and may be stored (an import's default title).
  const name = cleanText(file.name) || 'file';
  return { ok: { name, data: file.data, ...(typeof file.contentType === 'string' ? { contentType: file.contentType } : {}) } };
}

// Plain decimal notation, as people write numbers: `12`, `-0.5`, `1e3`, `1_000`. Not `0x10`, `0b1` or
// `Infinity`, which JavaScript's Number() would also take.
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;

function decimal(text: string): number | undefined {
  const compact = text.trim().replace(/_/g, '');
  return DECIMAL.test(compact) ? Number(compact) : undefined;
}

/** Quote at most 40 characters of bad input back to the user. */
function clip(value: string): string {
  const oneLine = cleanText(value).replace(/\s+/g, ' ');
  return oneLine.length > 40 ? `${oneLine.slice(0, 39)}…` : oneLine;
}

/** The schema for a whole argument object; unknown option names are rejected. */
export function argsSchema(options: readonly OptionSpec[]): z.ZodType<Record<string, unknown>> {
  const shape: Record<string, z.ZodType<unknown>> = {};
  for (const option of options) shape[option.name] = optionSchema(option);
  return z.strictObject(shape) as unknown as z.ZodType<Record<string, unknown>>;
}

/** Validates raw arguments, or throws a UsageError that names the option at fault. */
export function validateArgs(
  schema: z.ZodType<Record<string, unknown>>,
  raw: Record<string, unknown>,
  usage: string,
): Record<string, unknown> {
  const result = schema.safeParse(raw);
  if (result.success) {
    // Drop absent optional options so handlers see exactly what was given.
    return Object.fromEntries(Object.entries(result.data).filter(([, v]) => v !== undefined));
  }
  throw new UsageError(describeIssues(result.error), usage, 'usage.invalid-option');
}

function describeIssues(error: z.ZodError): Markup {
  return joinMarkup(
    error.issues.map((issue) => {
      if (issue.code === 'unrecognized_keys') {
        const keys = (issue as { keys: string[] }).keys;
        return md`unknown option${keys.length > 1 ? 's' : ''} ${joinMarkup(
          keys.map((k) => md`\`${k}\``),
          ', ',
        )}`;
      }
      const name = issue.path[0];
      if (name === undefined) return md`${issue.message}`;
      return issue.message === 'is required' ? md`missing \`${String(name)}\`` : md`\`${String(name)}\`: ${issue.message}`;
    }),
    '; ',
  );
}
