import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  commandsTouchingTheStore,
  cycles,
  filesUnder,
  graphOf,
  importsOf,
  ruleBreaks,
  sqlOutsideStorage,
  type Edge,
} from './support/import-graph.ts';

/**
 * The import rules are the architecture. The house has floors (core, domain, render and the language
 * model, storage, read models and views, use cases, commands, platforms and jobs, the entry points,
 * the tools); a file imports its own floor or below. Views are pure; commands never import the store;
 * only src/storage/ knows it is SQLite and writes SQL; no circle of files. And nothing reachable from
 * commands/ or src/domain/ imports a chat platform.
 */
const ROOT = resolve(import.meta.dirname, '..');
const FORBIDDEN_PACKAGES = [/^discord\.js$/, /^@discordjs\//, /^@slack\//];
const PRODUCT = ['src', 'commands'];

/** Every (file, bad import) reachable from `entries` through relative imports. */
function platformReach(entries: string[]): string[] {
  const found: string[] = [];
  const seen = new Set<string>();
  const stack = [...entries];
  while (stack.length) {
    const file = stack.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const edge of importsOf(ROOT, file)) {
      if (edge.local) {
        if (edge.to.startsWith('src/platforms/')) found.push(`${edge.from} → ${edge.to}`);
        else if (edge.to.endsWith('.ts')) stack.push(join(ROOT, edge.to));
      } else if (FORBIDDEN_PACKAGES.some((p) => p.test(edge.to))) found.push(`${edge.from} → ${edge.to}`);
    }
  }
  return found;
}

const graph = graphOf(ROOT, PRODUCT);

describe('the import rules', () => {
  it('reads the whole product: hundreds of imports across every floor', () => {
    expect(graph.length).toBeGreaterThan(500);
    const froms = new Set(graph.map((e) => e.from.split('/').slice(0, 2).join('/')));
    for (const area of [
      'src/core',
      'src/domain',
      'src/storage',
      'src/queries',
      'src/views',
      'src/app',
      'commands/claim',
      'src/platforms',
    ]) {
      expect(froms, area).toContain(area);
    }
  });

  it('no import runs up a floor: views are pure, commands never import the store, only storage knows SQLite', () => {
    expect(ruleBreaks(graph)).toEqual([]);
  });

  it('no circle of files, type imports included', () => {
    expect(cycles(graph)).toEqual([]);
  });

  it('SQL stands only in src/storage/ (and the bench floors and load seeding in src/tools/)', () => {
    const files = PRODUCT.flatMap((folder) => filesUnder(join(ROOT, folder)));
    expect(sqlOutsideStorage(ROOT, files)).toEqual([]);
  });

  it('tests reach the SQLite implementation only where they are about it (storage, health, the read-only inspector)', () => {
    const allowed = ['tests/storage/', 'tests/observability/health.test.ts', 'tests/support/db-state.ts'];
    const reaching = graphOf(ROOT, ['tests'])
      .filter((e) => e.to.startsWith('src/storage/sqlite/'))
      .filter((e) => !allowed.some((a) => e.from.startsWith(a)));
    expect(reaching.map((e) => `${e.from} → ${e.to}`)).toEqual([]);
  });

  it('commands/ and src/domain/ never reach a platform library, directly or through what they import', () => {
    const entries = [...filesUnder(join(ROOT, 'commands')), ...filesUnder(join(ROOT, 'src/domain'))];
    expect(entries.length).toBeGreaterThan(5);
    expect(platformReach(entries)).toEqual([]);
  });

  it('commands read through services.queries (reads only) and write through src/app/, never the whole store', () => {
    const files = filesUnder(join(ROOT, 'commands'));
    expect(files.length).toBeGreaterThan(10);
    expect(commandsTouchingTheStore(ROOT, files)).toEqual([]);
  });

  it('the core imports nothing of the platforms', () => {
    expect(platformReach(filesUnder(join(ROOT, 'src/core')))).toEqual([]);
  });

  it('only src/config.ts reads process.env', () => {
    const readers = PRODUCT.flatMap((folder) => filesUnder(join(ROOT, folder)))
      .filter((f) => /process\.env\b/.test(readFileSync(f, 'utf8').replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, '')))
      .map((f) => relative(ROOT, f));
    expect(readers).toEqual([join('src', 'config.ts')]);
  });
});

describe('the checks catch what they are for', () => {
  // A small tree laid out like the product, with one file breaking each rule.
  const root = mkdtempSync(join(tmpdir(), 'cruxbot-arch-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const write = (path: string, source: string) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), source);
  };
  write('src/storage/ports.ts', 'export interface Store { x: number }\n');
  write('src/storage/sqlite/store.ts', "import type { Store } from '../ports.ts';\nexport const open = (): Store => ({ x: 1 });\n");
  write('src/queries/claims.ts', "import type { Store } from '../storage/ports.ts';\nexport const count = (s: Store) => s.x;\n");
  write(
    'src/views/card.ts',
    "import { count } from '../queries/claims.ts';\nimport type { Store } from '../storage/ports.ts';\nexport const card = (s: Store) => count(s);\n",
  );
  write('src/views/reads.ts', "import { readFileSync } from 'node:fs';\nexport const page = () => readFileSync('x');\n");
  write('src/views/ok.ts', "import type { count } from '../queries/claims.ts';\nexport type C = typeof count;\n");
  write('src/core/context.ts', "import type { Services } from '../services.ts';\nexport interface Ctx { s: Services }\n");
  write('src/services.ts', "import type { Ctx } from './core/context.ts';\nexport interface Services { c?: Ctx }\n");
  write('commands/claim.ts', "import { open } from '../src/storage/sqlite/store.ts';\nexport const run = () => open();\n");
  write('src/app/raw.ts', "export const sql = 'SELECT count(*) FROM claims';\n// SELECT in a comment is not code\n");
  write('commands/poll.ts', 'export const close = (ctx: any) => ctx.services.store.polls.close(1);\n');
  write('commands/debate.ts', 'export const use = (ctx: any) => {\n  const { store } = ctx.services;\n  return store;\n};\n');
  write('commands/ok.ts', 'export const read = (ctx: any) => ctx.services.queries.claims.byId(1);\n');
  const edges: Edge[] = graphOf(root, ['src', 'commands']);

  it('a view that runs a query or imports the store, a core that imports the services, a command that opens SQLite', () => {
    const breaks = ruleBreaks(edges);
    expect(breaks).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^src\/views\/card\.ts → src\/queries\/claims\.ts: views take only the types/),
        expect.stringMatching(/^src\/views\/card\.ts → src\/storage\/ports\.ts: a view is data in, a reply out/),
        'src/views/reads.ts → node:fs: a view imports no package (no I/O, no clock)',
        expect.stringMatching(/^src\/core\/context\.ts → src\/services\.ts: .*a floor above it$/),
        expect.stringMatching(/^commands\/claim\.ts → src\/storage\/sqlite\/store\.ts: commands reach the store only through the context/),
      ]),
    );
    // A type-only import of a read model is what a view may do.
    expect(breaks.some((b) => b.startsWith('src/views/ok.ts'))).toBe(false);
  });

  it('the circle through the context and the services', () => {
    expect(cycles(edges)).toEqual([['src/core/context.ts', 'src/services.ts']]);
  });

  it('a command that takes the whole store, by name or out of the services', () => {
    expect(commandsTouchingTheStore(root, filesUnder(join(root, 'commands'))).sort()).toEqual(['commands/debate.ts', 'commands/poll.ts']);
  });

  it('SQL in a use case, not in a comment', () => {
    expect(sqlOutsideStorage(root, filesUnder(join(root, 'src')))).toEqual(['src/app/raw.ts']);
  });
});
