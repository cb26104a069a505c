// The analyzer lists modules in the order it happened to read them, which changes from run to run:
// sorted by path, the committed manifest changes only where the code does.
import { readFileSync, writeFileSync } from 'node:fs';

const file = new URL('../custom-elements.json', import.meta.url);
const manifest = JSON.parse(readFileSync(file, 'utf8'));
manifest.modules.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
writeFileSync(file, `${JSON.stringify(manifest, null, 2)}\n`);
