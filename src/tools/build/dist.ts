import { spawn } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';

/** The project's root folder (this file is src/tools/build/dist.ts). */
export const PROJECT_ROOT = resolve(import.meta.dirname, '..', '..', '..');
const TSC = createRequire(import.meta.url).resolve('typescript/bin/tsc');

/**
 * Files the compiled code reads beside itself at run time (`new URL('../data/…', import.meta.url)`), as paths
 * from the project root (the sample debates; the shared page's script and style, served as they are); they are
 * copied to the same place under the build folder. Fonts, Graphviz's
 * WebAssembly and the SQLite driver come from node_modules, which the compiled code finds as the sources do.
 */
export const RUNTIME_ASSETS = ['data/demo/sample-debates.json', 'src/render/page/page.js', 'src/render/page/page.css'] as const;

export interface BuiltDist {
  readonly outDir: string;
  /** `node <main>` starts the bot; `node <cli>` is the `cruxbot` command. */
  readonly main: string;
  readonly cli: string;
  readonly ms: number;
}

/**
 * `npm run build`: tsc with tsconfig.build.json (imports rewritten from .ts to .js), then what tsc does not
 * emit: a package.json (for `"type": "module"` and the version /health reports, read as ../package.json
 * from dist/src/health.js) and the runtime assets. The folder is emptied first so no stale module survives.
 */
export async function buildDist(outDir = join(PROJECT_ROOT, 'dist'), options: { typeCheck?: boolean } = {}): Promise<BuiltDist> {
  const started = performance.now();
  const out = resolve(outDir);
  refuseUnlessBuildFolder(out);
  rmSync(out, { recursive: true, force: true });
  // Without the type check tsc emits the same files in half the time: for tests and the bench, which run
  // after `tsc --noEmit` has checked the same sources.
  await runTsc(['-p', join(PROJECT_ROOT, 'tsconfig.build.json'), '--outDir', out, ...(options.typeCheck === false ? ['--noCheck'] : [])]);
  writeFileSync(join(out, 'package.json'), `${JSON.stringify(runtimePackageJson(), null, 2)}\n`);
  for (const asset of RUNTIME_ASSETS) {
    mkdirSync(dirname(join(out, asset)), { recursive: true });
    copyFileSync(join(PROJECT_ROOT, asset), join(out, asset));
  }
  const cli = join(out, 'bin', 'cruxbot.js');
  chmodSync(cli, 0o755);
  return { outDir: out, main: join(out, 'src', 'main.js'), cli, ms: performance.now() - started };
}

/** The folder is emptied, so it must be absent, empty, or an earlier build: never the sources or a home folder. */
function refuseUnlessBuildFolder(out: string): void {
  const holdsProject = `${PROJECT_ROOT}${sep}`.startsWith(`${out}${sep}`);
  const inProject = out.startsWith(`${PROJECT_ROOT}${sep}`);
  const earlierBuild = existsSync(join(out, 'package.json')) && existsSync(join(out, 'src', 'main.js'));
  const empty = !existsSync(out) || readdirSync(out).length === 0;
  if (holdsProject || (inProject && relative(PROJECT_ROOT, out).split(sep)[0] !== 'dist') || !(empty || earlierBuild)) {
    throw new Error(`refusing to build into ${out}: it is not empty and not an earlier build (use dist/ or an empty folder)`);
  }
}

/** The project's package.json cut to what the compiled code and `npm`'s bin link read. */
function runtimePackageJson(): Record<string, unknown> {
  const pkg = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as Record<string, unknown>;
  const { name, version, description, type, license, engines } = pkg;
  return { name, version, description, private: true, type, license, engines, bin: { cruxbot: 'bin/cruxbot.js' } };
}

function runTsc(args: readonly string[]): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [TSC, ...args], { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d));
    child.stderr.on('data', (d: Buffer) => (output += d));
    child.once('error', reject);
    child.once('close', (code) => (code === 0 ? resolvePromise() : reject(new Error(`tsc failed (exit ${code}):\n${output}`))));
  });
}
