import {
  Document,
  isMap,
  isScalar,
  isSeq,
  parseDocument,
  Scalar,
  type YAMLError,
  type ParseOptions,
  type DocumentOptions,
  type SchemaOptions,
} from 'yaml';
import { UserError } from '../../core/errors.ts';

/** Lists and mappings nested deeper than this are refused: no real data needs it, and each level costs a stack frame. */
export const FLOW_MAX_DEPTH = 32;

export type FlowValue = string | number | boolean | null | FlowValue[] | { [key: string]: FlowValue };

/**
 * YAML 1.2 with its core schema (what Argdown's own reader takes): `0.7`, `.5` and `+1` are numbers,
 * `true`/`false` booleans, `null`/`~` null, everything else a string. Keys must be unique, as YAML
 * says, and aliases are refused (no data here needs them, and they are how a few bytes become gigabytes).
 */
const READ: ParseOptions & DocumentOptions & SchemaOptions = {
  schema: 'core',
  uniqueKeys: true,
  prettyErrors: false,
  strict: true,
};

/**
 * Reads a YAML flow mapping such as `{credence: 0.7, cruxOf: [C1, "C 2"], status: open}`: the part of
 * YAML that Argdown's `{…}` data uses, read by the `yaml` package. `where` (e.g. `Line 4`) starts every
 * message.
 */
export function parseFlowMapping(source: string, where: string): { [key: string]: FlowValue } {
  const shown = source.length > 60 ? `${source.slice(0, 57)}…` : source;
  const fail = (what: string): never => {
    throw new UserError(`${where}: the data ${shown} is not valid (${what}).`, 'import.bad-data');
  };
  refuseDeepNesting(source, where);
  const document = parseDocument(source, READ);
  const problem = document.errors[0];
  if (problem) fail(reason(problem, source));
  if (!isMap(document.contents) || !document.contents.flow) fail('it is not a mapping in braces, e.g. {credence: 0.7, cruxOf: [C1]}');
  const value = plain(document.contents, fail);
  return value as { [key: string]: FlowValue };
}

/**
 * The YAML between an Argdown file's `===` lines, as a mapping of its top-level keys (nested settings
 * are kept as they are). `firstLine` is the file's line the YAML starts on, so a message names the
 * line as the person sees it.
 */
export function parseFrontMatter(source: string, firstLine: number): { [key: string]: FlowValue } {
  if (!source.trim()) return {};
  refuseDeepNesting(source, `The front matter (line ${firstLine})`);
  const document = parseDocument(source, READ);
  const problem = document.errors[0];
  const lineOf = (error: YAMLError) => firstLine + source.slice(0, error.pos[0]).split('\n').length - 1;
  if (problem)
    throw new UserError(
      `Line ${lineOf(problem)}: the front matter between the === lines is not valid YAML (${reason(problem, source)}); write one key a line, e.g. title: "Is reward the goal?"`,
      'import.bad-front-matter',
    );
  if (document.contents === null) return {};
  if (!isMap(document.contents))
    throw new UserError(
      `Line ${firstLine}: the front matter between the === lines must be keys and values, e.g. title: "Is reward the goal?"`,
      'import.bad-front-matter',
    );
  return plain(document.contents, (what) => {
    throw new UserError(`Line ${firstLine}: the front matter is not valid (${what}).`, 'import.bad-front-matter');
  }) as { [key: string]: FlowValue };
}

/** `{credence: 0.7, status: resolved-true, cruxOf: [C1, C2]}`: a flow mapping on one line, strings quoted only where YAML needs it. */
export function writeFlowMapping(entries: { [key: string]: FlowValue }): string {
  const document = new Document(entries);
  if (isMap(document.contents)) document.contents.flow = true;
  return document.toString({ lineWidth: 0, flowCollectionPadding: false }).trimEnd();
}

/** Block YAML for front matter, one key a line; the keys named in `quoted` are written double-quoted. */
export function writeFrontMatter(entries: { [key: string]: string }, quoted: readonly string[] = []): string {
  const document = new Document(entries);
  if (isMap(document.contents))
    for (const pair of document.contents.items) {
      if (isScalar(pair.key) && quoted.includes(String(pair.key.value)) && isScalar(pair.value)) pair.value.type = Scalar.QUOTE_DOUBLE;
    }
  return document.toString({ lineWidth: 0 }).trimEnd();
}

/** The nesting of `[` and `{` outside quoted strings, refused past the limit before the parser sees it. */
function refuseDeepNesting(source: string, where: string) {
  let depth = 0;
  for (let i = 0; i < source.length; i++) {
    const char = source[i]!;
    if (char === '"') {
      for (i++; i < source.length && source[i] !== '"'; i++) if (source[i] === '\\') i++;
    } else if (char === "'") {
      for (i++; i < source.length; i++) {
        if (source[i] === "'" && source[i + 1] === "'") i++;
        else if (source[i] === "'") break;
      }
    } else if (char === '[' || char === '{') {
      if (++depth > FLOW_MAX_DEPTH)
        throw new UserError(
          `${where}: the data is nested more than ${FLOW_MAX_DEPTH} levels deep (lists in lists, or mappings in mappings); write it flat, e.g. {cruxOf: [A, B], credence: 0.7}.`,
          'import.data-too-deep',
        );
    } else if (char === ']' || char === '}') depth = Math.max(0, depth - 1);
  }
}

/** The parser's complaint in a few words, with where it is. */
function reason(error: YAMLError, source: string): string {
  const at = error.pos[0];
  if (error.code === 'DUPLICATE_KEY') {
    const key = /^\s*["']?([^"':,{}[\]]*)/.exec(source.slice(at))?.[1]?.trim();
    return `the key ${key ? `${key} ` : ''}is given twice; give each key once, e.g. {cruxOf: [C1, C2]}`;
  }
  return `${firstSentence(error.message)} ${at < source.length ? `at character ${at + 1}` : 'at the end'}`;
}

/** `Missing , or : between flow map items at line 1, column 9` → `missing , or : between flow map items`. */
function firstSentence(message: string): string {
  const words = message
    .split('\n')[0]!
    .replace(/ at line \d+, column \d+.*$/, '')
    .replace(/[.:]\s*$/, '');
  return words.charAt(0).toLowerCase() + words.slice(1);
}

/** The parsed nodes as plain values; anchors, aliases and tags other than the core schema's are refused. */
function plain(node: unknown, fail: (what: string) => never): FlowValue {
  if (node === null || node === undefined) return null;
  if ((isScalar(node) || isSeq(node) || isMap(node)) && node.anchor) fail('anchors (&name) are not data');
  if (isScalar(node)) {
    const value = node.value;
    if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
    if (typeof value === 'number')
      return Number.isFinite(value) ? value : fail(`${node.source ?? String(value)} is not a number data can hold`);
    return String(value);
  }
  if (isSeq(node)) return node.items.map((item) => plain(item, fail));
  if (isMap(node)) {
    const result: { [key: string]: FlowValue } = {};
    for (const pair of node.items) {
      const key = plain(pair.key, fail);
      if (key === null || typeof key === 'object') fail('a key must be a word or a quoted string');
      // Defined, not assigned: a key named __proto__ is a key like any other.
      Object.defineProperty(result, String(key), { value: plain(pair.value, fail), enumerable: true, writable: true, configurable: true });
    }
    return result;
  }
  return fail('aliases (*name) are not data');
}
