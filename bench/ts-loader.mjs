// Lets Node 20 run the bench runner's TypeScript: `node --import ./bench/ts-loader.mjs bench/run.ts`.
// TypeScript (a devDependency) strips the types; extensionless relative imports resolve to `.ts`.
import { register } from 'node:module';

register('./ts-hooks.mjs', import.meta.url);
