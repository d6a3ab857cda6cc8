import type { FileUpload } from '../../src/core/options.ts';
import { HOSTILE_FRAGMENTS, type Fuzzer } from './hostile-input.ts';

/**
 * Values of the wrong types, as a buggy or hostile client could send them where Discord sends typed
 * options: numbers at the edges, booleans, null, objects, arrays, a symbol, a bigint, bytes, an
 * object whose `toString` throws, files that are not files.
 */
const WRONG_TYPES: readonly (() => unknown)[] = [
  () => Number.NaN,
  () => Number.POSITIVE_INFINITY,
  () => Number.NEGATIVE_INFINITY,
  () => -0,
  () => 0,
  () => -1,
  () => 0.5,
  () => 1e21,
  () => 2 ** 53 + 1,
  () => Number.MAX_VALUE,
  () => Number.MIN_VALUE,
  () => true,
  () => false,
  () => null,
  () => undefined,
  () => '',
  () => ' \t\n',
  () => ({}),
  () => [],
  () => ['C1', 'C2'],
  () => ({ name: 'C1' }),
  () => ({
    toString() {
      throw new Error('toString should never be called');
    },
  }),
  () => Symbol('hostile'),
  () => 10n,
  () => new Uint8Array([0xff, 0xfe]),
  () => new Date(0),
  () => ({ name: '../../etc/passwd', data: 'not bytes' }),
];

/** A typed option value: half the time a hostile string, otherwise a value of a wrong type. */
export function typedHostileValue(f: Fuzzer): unknown {
  return f.next() < 0.5 ? f.text() : f.pick(WRONG_TYPES)();
}

// A file is bytes: half a surrogate pair has no UTF-8 form (an encoder writes U+FFFD), so it is left out,
// and any U+FFFD stored later is known to come from a text path that let one through.
const encode = (text: string) =>
  new TextEncoder().encode(text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, ''));

/** Files whose names and contents are hostile: paths, invalid UTF-8, JSON and Argdown full of fragments, too big. */
export function hostileFile(f: Fuzzer): FileUpload {
  const name = f.pick(['../../etc/passwd', 'thread.json', 'debate.json', 'notes.argdown', 'x\u202e.txt', 'C:\\boot.ini', '']);
  const roll = f.next();
  if (roll < 0.1) return { name, data: new Uint8Array(5 * 1024 * 1024 + 1) };
  if (roll < 0.2) return { name, data: new Uint8Array([0xc3, 0x28, 0xff, 0x00]) };
  if (roll < 0.35) return { name, data: encode(JSON.stringify(hostileExport(f))) };
  if (roll < 0.45) return { name, data: encode(JSON.stringify({ messages: [0, 1, 2].map(() => ({ author: f.text(), text: f.text() })) })) };
  if (roll < 0.7) return { name, data: encode(`# ${f.text()}\n\n[${f.text()}]: ${f.text()}\n  + <${f.text()}>: ${f.text()}\n`) };
  return { name, data: encode(Array.from({ length: 6 }, () => `${f.pick(['ana', 'ben', f.text()])}: ${f.text()}`).join('\n\n')) };
}

/** A well-formed cruxbot JSON export whose every text (title, claims, authors, sources) is hostile. */
function hostileExport(f: Fuzzer): unknown {
  const short = () => f.pick(HOSTILE_FRAGMENTS);
  const at = '2026-11-20T10:00:00.000Z';
  const person = () => ({ id: short(), name: short() });
  return {
    format: 'cruxbot-debate',
    version: 1,
    debate: {
      slug: f.next() < 0.7 ? `imported-${Math.floor(f.next() * 1e9)}` : f.text(),
      title: f.text(),
      createdBy: person(),
      createdAt: at,
      root: 'C1',
    },
    claims: [1, 2, 3].map((n) => ({
      id: `C${n}`,
      text: f.text(),
      status: 'open',
      tags: f.next() < 0.7 ? [] : [short()],
      author: person(),
      source: { excerpt: f.text(), author: short(), ...(f.next() < 0.3 ? { url: short() } : {}) },
      createdAt: at,
      updatedAt: at,
    })),
    links: [{ from: 'C2', to: 'C1', kind: 'supports', author: short(), createdAt: at }],
  };
}
