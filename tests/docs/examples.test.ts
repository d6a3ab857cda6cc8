import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../commands/index.ts';
import { CLI } from '../../src/cli.ts';
import type { Reply } from '../../src/core/reply.ts';
import { loadDemo } from '../../src/demo.ts';
import { createRegistry } from '../../src/core/registry.ts';
import { ConsoleSession, CONSOLE_CHANNEL, CONSOLE_WORKSPACE, consoleActor } from '../../src/platforms/console/session.ts';
import { createTestBot, replyText, type TestBot } from '../support/harness.ts';
import { anchorOf, codeBlocks, exists, headings, inlineCode, prose, readDocs, relativeLinks, ROOT } from './documents.ts';

/**
 * The documents are checked against the code they describe: every console session in them is run on a
 * fresh database, every `cruxbot <verb>` and `npm run <script>` they show exists, the command line's
 * table lists every verb, and every relative link reaches a file and a heading.
 */

const docs = readDocs();
const blocks = docs.flatMap(codeBlocks);
const consoleBlocks = blocks.filter((b) => b.info[0] === 'console');
const VERBS = new Set([...Object.keys(CLI), 'help']);
/** What `runCli` also takes for help. */
const HELP_FLAGS = ['--help', '-h'];
const SCRIPTS = new Set(Object.keys((JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: object }).scripts));
/** Written on other branches at the same time as these documents; checked as soon as they are here. */
const WRITTEN_ELSEWHERE = new Set<string>();

/** `cruxbot> /map` or `cruxbot (reward-seeking)> /map`: the command typed at the console's prompt. */
const PROMPT = /^cruxbot(?: \(([^)]*)\))?> (.*)$/;

const bots: TestBot[] = [];
afterEach(async () => {
  for (const bot of bots.splice(0)) await bot.close();
});

function fresh(): TestBot {
  const bot = createTestBot();
  bots.push(bot);
  return bot;
}

const where = (doc: string, line: number) => `${doc}:${line}`;
/** Runs of spaces as one: a table's column widths follow the longest cell, which a document may trim. */
const squash = (text: string) => text.replace(/[ \t]+/g, ' ').trim();

/** A reply that says the documented line itself is wrong: an unknown command, option or choice, or a crash. */
function usageOrCrash(reply: Reply): boolean {
  if (reply.accent !== 'error') return false;
  const words = replyText(reply);
  return /^Usage: /m.test(words) || /Something went wrong/.test(words);
}

/**
 * The verb of every `cruxbot …` a shell line or an inline span runs: each command of the line (split at
 * `&&`, `;`, `|`, `$(`), past any `NAME=value` settings, that is `cruxbot`, `npx cruxbot` or `node …/cruxbot.js`.
 * (`cruxbot` alone is also the name of a system user and a container in the deployment guide.)
 */
function verbsIn(text: string): string[] {
  const verbs: string[] = [];
  for (const part of text.split(/&&|;|\||\$\(/)) {
    const command = part.trim().replace(/^(?:[A-Z_]+=\S*\s+)+/, '');
    const m = /^(?:npx cruxbot|cruxbot|node \S*cruxbot\.js)(?:\s+(\S+))?/.exec(command);
    if (!m) continue;
    // `cruxbot [start]` is the syntax of the verb; `npx cruxbot …` stands for any.
    const word = m[1]?.replace(/^\[(.*)\]$/, '$1');
    if (word === undefined || word.startsWith('#')) verbs.push('start');
    else if (/^-{0,2}[a-z][a-z-]*$/.test(word)) verbs.push(word);
  }
  return verbs;
}

/**
 * An inline span that is a command to type: a known command with something after its name (a bare
 * `/credence` names the command), and no syntax (`<claim>`, `[tags:]`, `…`, `a|b`), letters standing for
 * claims (`/cruxes A`), or a file the repository does not hold (`file:x.json`).
 */
function isExample(span: string): boolean {
  const words = span.split(/\s+/);
  const command = COMMANDS.find((c) => `/${c.name}` === words[0]);
  if (!command) return false;
  const rest = words.slice(command.subcommands?.has(words[1] ?? '') ? 2 : 1);
  if (!rest.length || /[<[…|]|\\/.test(span) || rest.some((w) => /^[A-Z]$/.test(w))) return false;
  const file = /(?:^|\s)file:(\S+)/.exec(span)?.[1];
  return !file || exists(file);
}

const scriptsIn = (text: string) => [...text.matchAll(/\bnpm run (?:--silent )?([a-z][\w:-]*)/g)].map((m) => m[1]!);

describe('the documents', () => {
  it('have console sessions to run, and a README of about 150 lines', () => {
    expect(consoleBlocks.length).toBeGreaterThanOrEqual(4);
    const readme = docs.find((d) => d.path === 'README.md')!;
    expect(readme.text.split('\n').length).toBeLessThanOrEqual(170);
    expect(readme.text).toContain('Node ≥ 20.18; 22 and 24 work too');
  });

  for (const block of consoleBlocks) {
    it(`run the console session at ${where(block.doc, block.line)} as shown`, { timeout: 60_000 }, async () => {
      // The real console session (the one `npm start` drives), on a fresh database.
      const bot = fresh();
      if (block.info.includes('demo')) await loadDemo(bot.services, { workspace: CONSOLE_WORKSPACE, channel: CONSOLE_CHANNEL });
      let printed = '';
      const session = new ConsoleSession(bot.services, createRegistry(COMMANDS), consoleActor(), { color: false, width: 100 }, (t) => {
        printed += `${t}\n`;
      });
      let output = '';
      let ran = 0;
      for (const [i, raw] of block.lines.entries()) {
        const line = where(block.doc, block.line + 1 + i);
        if (raw.startsWith('$ ')) {
          for (const verb of verbsIn(raw.slice(2))) expect(VERBS, `${line}: cruxbot ${verb}`).toContain(verb);
          for (const script of scriptsIn(raw)) expect(SCRIPTS, `${line}: npm run ${script}`).toContain(script);
          continue;
        }
        const prompt = PROMPT.exec(raw);
        if (!prompt) {
          // What the document shows the command printing, but for elisions and what differs each run.
          if (ran && raw.trim() && !/…|\.\.\.|Image saved|File saved/.test(raw))
            expect(squash(output), `${line} is not in the output`).toContain(squash(raw));
          continue;
        }
        expect(await session.currentDebate(), `${line}: the prompt names the channel's debate`).toBe(prompt[1]);
        const typed = prompt[2]!.trim();
        if (typed.startsWith('.as ')) {
          session.setActor(consoleActor(typed.slice(4).trim()));
          continue;
        }
        if (typed.startsWith('.')) continue;
        printed = '';
        const reply = await session.run(typed);
        output = printed;
        expect(reply.accent, `${line}: ${typed}\n${output.slice(0, 400)}`).not.toBe('error');
        ran++;
      }
      expect(ran, `${where(block.doc, block.line)} has no command at a prompt`).toBeGreaterThan(0);
    });
  }

  it('show only commands that exist, with options they take, in their tables and examples', { timeout: 120_000 }, async () => {
    // Every `/command …` span in the prose (tables, lists), run in order on a workspace that loaded the
    // samples. A claim that is not there is fine (the examples name C3, @ada, files); a usage error or a
    // crash means the document shows something the command does not take.
    const bot = fresh();
    await loadDemo(bot.services, { workspace: 'local', channel: 'general' });
    const wrong: string[] = [];
    let ran = 0;
    for (const doc of docs) {
      for (const span of inlineCode(prose(doc))) {
        if (!isExample(span)) continue;
        const reply = await bot.run(span);
        ran++;
        if (usageOrCrash(reply)) wrong.push(`${doc.path}: ${span}\n  ${replyText(reply).split('\n').join('\n  ')}`);
      }
    }
    expect(ran).toBeGreaterThan(50);
    expect(wrong, wrong.join('\n')).toEqual([]);
  });

  it('show only `cruxbot` verbs and npm scripts that exist', () => {
    const wrong: string[] = [];
    for (const doc of docs) {
      const shell = codeBlocks(doc)
        .filter((b) => ['sh', 'console', 'bash'].includes(b.info[0] ?? ''))
        .flatMap((b) => b.lines.map((l) => l.replace(/^\$ /, '')).filter((l) => !PROMPT.test(l) && !l.startsWith('#')));
      const spans = inlineCode(prose(doc));
      for (const text of [...shell, ...spans]) {
        for (const verb of verbsIn(text))
          if (!VERBS.has(verb) && !HELP_FLAGS.includes(verb)) wrong.push(`${doc.path}: cruxbot ${verb} (in "${text}")`);
        for (const script of scriptsIn(text)) if (!SCRIPTS.has(script)) wrong.push(`${doc.path}: npm run ${script} (in "${text}")`);
      }
    }
    expect(wrong, wrong.join('\n')).toEqual([]);
  });

  it('list every verb of the cruxbot command line in its table (src/cli.ts is the truth)', () => {
    const commands = docs.find((d) => d.path === 'docs/commands.md')!.text;
    const start = commands.indexOf('## The `cruxbot` command');
    expect(start).toBeGreaterThan(-1);
    const section = commands.slice(start, commands.indexOf('\n## ', start + 1) === -1 ? undefined : commands.indexOf('\n## ', start + 1));
    const firstCells = [...section.matchAll(/^\| (.+?) +\|/gm)].map((m) => m[1]!);
    const listed = new Set(
      firstCells.flatMap((cell) => [...cell.matchAll(/`cruxbot(?: \[?([a-z][a-z-]*)\]?)?/g)].map((m) => m[1] ?? 'start')),
    );
    expect([...listed].sort()).toEqual([...VERBS].sort());
  });

  it('say in the dependency table why every package in package.json is there', () => {
    const architecture = docs.find((d) => d.path === 'docs/architecture.md')!.text;
    const start = architecture.indexOf('## Dependencies');
    expect(start).toBeGreaterThan(-1);
    const table = architecture.slice(start, architecture.indexOf('\n## ', start + 1));
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Record<string, Record<string, string>>;
    const names = [...Object.keys(pkg.dependencies!), ...Object.keys(pkg.devDependencies!)];
    const missing = names.filter((name) => !table.includes(name.startsWith('@types/') ? '`@types/*`' : `\`${name}\``));
    expect(missing).toEqual([]);
  });

  // A Node process through npx and tsx; on a loaded two-core machine that can take a while.
  it('`npx cruxbot help`, as the docs show it, works after npm install and lists every verb', { timeout: 60_000 }, () => {
    const run = spawnSync('npx', ['--no-install', 'cruxbot', 'help'], { cwd: ROOT, encoding: 'utf8', timeout: 50_000 });
    expect(run.status, run.stderr).toBe(0);
    for (const verb of Object.keys(CLI)) expect(run.stdout).toContain(`cruxbot ${verb === 'start' ? '[start]' : verb}`);
  });

  it('link only to files and headings that exist', () => {
    const broken: string[] = [];
    const byPath = new Map(docs.map((d) => [d.path, d]));
    for (const doc of docs) {
      for (const link of relativeLinks(doc)) {
        const [file, anchor] = link.split('#') as [string, string | undefined];
        const target = file ? normalize(join(dirname(doc.path), file)) : doc.path;
        if (!exists(target)) {
          if (!WRITTEN_ELSEWHERE.has(target)) broken.push(`${doc.path}: ${link} (no file ${target})`);
          continue;
        }
        if (anchor === undefined || anchor === '') continue;
        const linked = byPath.get(target);
        if (!linked) broken.push(`${doc.path}: ${link} (an anchor into a file that is not a document)`);
        else if (!headings(linked).map(anchorOf).includes(anchor)) broken.push(`${doc.path}: ${link} (no heading #${anchor} in ${target})`);
      }
    }
    expect(broken, broken.join('\n')).toEqual([]);
  });
});
