import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

/**
 * The house from its imports: every TypeScript file of the product, what it imports (relative imports
 * resolved to files, packages by name) and whether each import is for types only. The architecture
 * test checks its floors, its cycles and where SQL may stand.
 */

export interface Edge {
  readonly from: string;
  /** A project-relative path for a relative import, else the package specifier. */
  readonly to: string;
  readonly typeOnly: boolean;
  readonly local: boolean;
}

export function filesUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? filesUnder(path) : path.endsWith('.ts') ? [path] : [];
  });
}

const posix = (path: string): string => path.split(sep).join('/');

/** The imports of one file, parsed with the TypeScript compiler (not a regular expression). */
export function importsOf(root: string, file: string): Edge[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false);
  const from = posix(relative(root, file));
  const edges: Edge[] = [];
  const add = (specifier: string, typeOnly: boolean) => {
    const local = specifier.startsWith('.');
    edges.push({ from, to: local ? posix(relative(root, resolve(dirname(file), specifier))) : specifier, typeOnly, local });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const typeOnly =
        clause !== undefined &&
        (clause.isTypeOnly ||
          (!clause.name &&
            clause.namedBindings !== undefined &&
            ts.isNamedImports(clause.namedBindings) &&
            clause.namedBindings.elements.length > 0 &&
            clause.namedBindings.elements.every((e) => e.isTypeOnly)));
      add(node.moduleSpecifier.text, typeOnly);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      add(node.moduleSpecifier.text, node.isTypeOnly);
    } else if (ts.isModuleDeclaration(node) && ts.isStringLiteral(node.name)) {
      // `declare module './core/context.ts'` augments that module: an edge for types.
      add(node.name.text, true);
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      add(node.arguments[0].text, false);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return edges;
}

export function graphOf(root: string, folders: readonly string[]): Edge[] {
  return folders.flatMap((folder) => filesUnder(join(root, folder)).flatMap((file) => importsOf(root, file)));
}

/** Every circle of files, each once, as the list of files around it (Tarjan's strongly connected components). */
export function cycles(edges: readonly Edge[]): string[][] {
  const next = new Map<string, string[]>();
  for (const e of edges) if (e.local) next.set(e.from, [...(next.get(e.from) ?? []), e.to]);
  let index = 0;
  const indexOf = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const connect = (v: string): void => {
    indexOf.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of next.get(v) ?? []) {
      if (!indexOf.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, indexOf.get(w)!));
    }
    if (low.get(v) === indexOf.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (next.get(v) ?? []).includes(v)) found.push(component.sort());
    }
  };
  for (const v of next.keys()) if (!indexOf.has(v)) connect(v);
  return found;
}

/**
 * The floors, lowest first. A file may import its own floor or one below; `views` and `queries` share a
 * floor but views take only types from queries, and queries nothing from views.
 */
export const FLOORS: readonly (readonly string[])[] = [
  // The settings from the environment: read by everything, importing only the core's errors.
  ['src/core', 'src/config.ts'],
  ['src/domain'],
  ['src/render', 'src/llm'],
  ['src/storage'],
  ['src/queries', 'src/views'],
  ['src/app'],
  ['commands'],
  ['src/services.ts', 'src/health.ts', 'src/thread-files.ts', 'src/jobs', 'src/platforms', 'src/web'],
  ['src/main.ts', 'src/demo.ts'],
  // The operator's command line runs the evaluation reports (`cruxbot polis-groups`), so it stands with the tools.
  ['src/tools', 'src/cli.ts'],
];

/** The area a project path belongs to (`src/views`, `commands`, `src/main.ts`), or undefined outside the product. */
export function areaOf(path: string): string | undefined {
  let best: string | undefined;
  for (const area of FLOORS.flat()) if ((path === area || path.startsWith(`${area}/`)) && (!best || area.length > best.length)) best = area;
  return best;
}

export const floorOf = (area: string): number => FLOORS.findIndex((floor) => floor.includes(area));

/** Imports that break the house rules, as `from → to: why`. */
export function ruleBreaks(edges: readonly Edge[]): string[] {
  const out: string[] = [];
  for (const e of edges) {
    if (!e.local) {
      if (e.from.startsWith('src/views/')) out.push(`${e.from} → ${e.to}: a view imports no package (no I/O, no clock)`);
      continue;
    }
    const from = areaOf(e.from);
    const to = areaOf(e.to);
    if (!from || !to || from === to) continue;
    const why = (reason: string) => out.push(`${e.from} → ${e.to}: ${reason}`);
    if (from === 'src/views' && to === 'src/queries') {
      if (!e.typeOnly) why('views take only the types of read models; the caller runs the query');
    } else if (from === 'src/queries' && to === 'src/views') why('a read model knows nothing of how it is shown');
    else if (from === 'src/views' && to === 'src/storage') why('a view is data in, a reply out: it never sees the store');
    else if (from === 'src/views' && to === 'src/llm') why('a view is data in, a reply out: the caller asks the language model');
    else if (from === 'commands' && to === 'src/storage') why('commands reach the store only through the context, never its modules');
    else if (e.to.startsWith('src/storage/sqlite/') && !e.from.startsWith('src/storage/'))
      why('only src/storage/ knows which database it is');
    else if (floorOf(to) > floorOf(from)) why(`${from} may not import ${to}, a floor above it`);
  }
  return out;
}

const SQL = /\b(?:SELECT\s+[\w*]|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|CREATE\s+(?:TABLE|INDEX|VIRTUAL)|PRAGMA\s+\w)/;

/**
 * Where SQL may stand besides src/storage/: the bench's raw floors (the same work done without the
 * bot) and the load run's seeding of a big database.
 */
export const SQL_ALLOWED = ['src/storage/', 'src/tools/bench/', 'src/tools/load/'];

/** Files outside the allowed places whose code (not comments) holds SQL. */
export function sqlOutsideStorage(root: string, files: readonly string[], allowed: readonly string[] = SQL_ALLOWED): string[] {
  return files
    .filter((f) => !allowed.some((a) => posix(relative(root, f)).startsWith(a)))
    .filter((f) => {
      const source = ts.createSourceFile(f, readFileSync(f, 'utf8'), ts.ScriptTarget.Latest, false);
      let found = false;
      const visit = (node: ts.Node): void => {
        if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateHead(node)) && SQL.test(node.text))
          found = true;
        ts.forEachChild(node, visit);
      };
      visit(source);
      return found;
    })
    .map((f) => posix(relative(root, f)));
}

/**
 * Files under `commands/` that reach the whole store (`services.store`, or `store` taken out of the
 * services): a command reads through `services.queries` and writes through a use case in `src/app/`.
 */
export function commandsTouchingTheStore(root: string, files: readonly string[]): string[] {
  return files
    .filter((f) => posix(relative(root, f)).startsWith('commands/'))
    .filter((f) => {
      const source = ts.createSourceFile(f, readFileSync(f, 'utf8'), ts.ScriptTarget.Latest, false);
      let found = false;
      const visit = (node: ts.Node): void => {
        if (ts.isPropertyAccessExpression(node) && node.name.text === 'store' && /\bservices$/.test(node.expression.getText(source)))
          found = true;
        if (
          ts.isVariableDeclaration(node) &&
          ts.isObjectBindingPattern(node.name) &&
          node.initializer &&
          /\bservices$/.test(node.initializer.getText(source))
        )
          if (node.name.elements.some((e) => (e.propertyName ?? e.name).getText(source) === 'store')) found = true;
        ts.forEachChild(node, visit);
      };
      visit(source);
      return found;
    })
    .map((f) => posix(relative(root, f)));
}
