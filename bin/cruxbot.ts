#!/usr/bin/env node
// The `cruxbot` command itself. From the sources bin/cruxbot.js loads it through tsx; `npm run build`
// compiles it to dist/bin/cruxbot.js, plain JavaScript that needs no loader.
import { runCli } from '../src/cli.ts';

process.exitCode = await runCli(process.argv.slice(2));
