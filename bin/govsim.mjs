#!/usr/bin/env node
// The `govsim` command. The sources are TypeScript; tsx compiles them on load, so `npx govsim` works
// straight after `npm ci` with no build step.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
