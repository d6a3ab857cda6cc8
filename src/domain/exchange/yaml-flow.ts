import { UserError } from '../../core/errors.ts';

/** Lists and mappings nested deeper than this are refused: no real data needs it, and each level costs a stack frame. */
export const FLOW_MAX_DEPTH = 32;

export type FlowValue = string | number | boolean | null | FlowValue[] | { [key: string]: FlowValue };

/**
 * Reads a YAML flow mapping such as `{credence: 0.7, cruxOf: [C1, "C 2"], status: open}`: the part
 * of YAML that Argdown's `{…}` data uses. Plain words stay strings unless they are numbers, booleans
 * or null; quoted strings take JSON escapes ("…") or doubled quotes ('…').
 */
export function parseFlowMapping(source: string, where: string): { [key: string]: FlowValue } {
  let at = 0;
  const fail = (what: string): never => {
    throw new UserError(
      `${where}: the data ${source.length > 60 ? `${source.slice(0, 57)}…` : source} is not valid (${what}).`,
      'import.bad-data',
    );
  };
  const space = () => {
    while (at < source.length && /\s/.test(source[at]!)) at++;
  };
  const expect = (char: string) => {
    space();
    if (source[at] !== char) fail(`expected "${char}" at character ${at + 1}`);
    at++;
  };
  const quoted = (): string => {
    const quote = source[at]!;
    const start = at++;
    while (at < source.length) {
      if (quote === '"' && source[at] === '\\') at += 2;
      else if (source[at] === quote) {
        if (quote === "'" && source[at + 1] === "'") at += 2;
        else break;
      } else at++;
    }
    if (at >= source.length) fail('an unclosed quote');
    const body = source.slice(start, ++at);
    if (quote === "'") return body.slice(1, -1).replace(/''/g, "'");
    try {
      return JSON.parse(body) as string;
    } catch {
      return fail('a bad escape in a quoted string');
    }
  };
  const plainScalar = (inKey: boolean): FlowValue => {
    const start = at;
    while (at < source.length && !/[,\]}[{]/.test(source[at]!) && !(source[at] === ':' && (inKey || /\s/.test(source[at + 1] ?? ' '))))
      at++;
    const word = source.slice(start, at).trim();
    if (inKey) return word;
    if (/^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(word)) return Number(word);
    if (word === 'true' || word === 'false') return word === 'true';
    if (word === 'null' || word === '~' || word === '') return null;
    return word;
  };
  let depth = 0;
  const deeper = () => {
    if (++depth > FLOW_MAX_DEPTH)
      throw new UserError(
        `${where}: the data is nested more than ${FLOW_MAX_DEPTH} levels deep (lists in lists, or mappings in mappings); write it flat, e.g. {cruxOf: [A, B], credence: 0.7}.`,
        'import.data-too-deep',
      );
  };
  const value = (): FlowValue => {
    space();
    const char = source[at];
    if (char === '{') return mapping();
    if (char === '[') {
      at++;
      deeper();
      const items: FlowValue[] = [];
      space();
      if (source[at] === ']') {
        at++;
        depth--;
        return items;
      }
      for (;;) {
        items.push(value());
        space();
        if (source[at] === ',') at++;
        else if (source[at] === ']') {
          at++;
          depth--;
          return items;
        } else fail(`expected "," or "]" at character ${at + 1}`);
      }
    }
    if (char === '"' || char === "'") return quoted();
    return plainScalar(false);
  };
  const mapping = (): { [key: string]: FlowValue } => {
    expect('{');
    deeper();
    const result: { [key: string]: FlowValue } = {};
    space();
    if (source[at] === '}') {
      at++;
      depth--;
      return result;
    }
    for (;;) {
      space();
      const key = source[at] === '"' || source[at] === "'" ? quoted() : String(plainScalar(true));
      if (!key) fail(`a key is missing at character ${at + 1}`);
      expect(':');
      result[key] = value();
      space();
      if (source[at] === ',') at++;
      else if (source[at] === '}') {
        at++;
        depth--;
        return result;
      } else fail(`expected "," or "}" at character ${at + 1}`);
    }
  };
  const result = mapping();
  space();
  if (at < source.length) fail(`unexpected text after the closing brace`);
  return result;
}
