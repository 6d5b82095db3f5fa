/** Rewrites docs/api.md from the route table (`npm run docs:api`). */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import prettier from 'prettier';
import { renderApiDoc } from '../src/wire/api-doc.ts';

const target = fileURLToPath(new URL('../docs/api.md', import.meta.url));
const options = (await prettier.resolveConfig(target)) ?? {};
writeFileSync(target, await prettier.format(renderApiDoc(), { ...options, filepath: target }));
console.log(`wrote ${target}`);
