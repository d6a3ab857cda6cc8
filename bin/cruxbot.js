#!/usr/bin/env node
// The `cruxbot` command from the sources: TypeScript runs through tsx's loader, so there is no build step.
// (The compiled copy, dist/bin/cruxbot.js, is bin/cruxbot.ts built by `npm run build`.)
import { register } from 'tsx/esm/api';

register();
await import('./cruxbot.ts');
