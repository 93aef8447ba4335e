#!/usr/bin/env node
// Entry point of the `marquee` command: loads the TypeScript CLI through tsx.
import { register } from 'tsx/esm/api';
register();
const { main } = await import('../src/cli/main.ts');
const code = await main(process.argv.slice(2));
if (code !== 0) process.exitCode = code;
