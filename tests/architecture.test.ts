import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The import rule is the architecture: nothing reachable from commands/ or src/domain/ may import a
 * chat platform (discord.js, @slack/bolt, @slack/*) or anything under src/platforms/.
 */
const ROOT = resolve(import.meta.dirname, '..');
const FORBIDDEN_PACKAGES = [/^discord\.js$/, /^@discordjs\//, /^@slack\//];
const IMPORT = /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|^import\s+['"]([^'"]+)['"]/gm;

function filesUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? filesUnder(path) : path.endsWith('.ts') ? [path] : [];
  });
}

function importsOf(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  return [...source.matchAll(IMPORT)].map((m) => m[1] ?? m[2] ?? m[3]!).filter(Boolean);
}

/** Every (file, bad import) reachable from `entries` through relative imports. */
function violations(entries: string[]): string[] {
  const found: string[] = [];
  const seen = new Set<string>();
  const stack = [...entries];
  while (stack.length) {
    const file = stack.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const spec of importsOf(file)) {
      if (spec.startsWith('.')) {
        const target = resolve(dirname(file), spec);
        if (relative(ROOT, target).startsWith(join('src', 'platforms'))) found.push(`${relative(ROOT, file)} → ${spec}`);
        else if (target.endsWith('.ts')) stack.push(target);
      } else if (FORBIDDEN_PACKAGES.some((p) => p.test(spec))) found.push(`${relative(ROOT, file)} → ${spec}`);
    }
  }
  return found;
}

describe('the import rule', () => {
  it('commands/ and src/domain/ never reach a platform library, directly or through what they import', () => {
    const entries = [...filesUnder(join(ROOT, 'commands')), ...filesUnder(join(ROOT, 'src/domain'))];
    expect(entries.length).toBeGreaterThan(5);
    expect(violations(entries)).toEqual([]);
  });

  it('the core imports nothing of the platforms', () => {
    expect(violations(filesUnder(join(ROOT, 'src/core')))).toEqual([]);
  });

  it('the check catches a violation', () => {
    const fake = join(ROOT, 'tests/support/harness.ts');
    expect(importsOf(fake)).toContain('../../commands/index.ts');
    expect(FORBIDDEN_PACKAGES.some((p) => p.test('discord.js'))).toBe(true);
    expect(FORBIDDEN_PACKAGES.some((p) => p.test('@slack/bolt'))).toBe(true);
  });

  it('only src/config.ts reads process.env', () => {
    const readers = [...filesUnder(join(ROOT, 'src')), ...filesUnder(join(ROOT, 'commands'))]
      .filter((f) => /process\.env\b/.test(readFileSync(f, 'utf8').replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, '')))
      .map((f) => relative(ROOT, f));
    expect(readers).toEqual([join('src', 'config.ts')]);
  });
});
