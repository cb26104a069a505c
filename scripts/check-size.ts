// The size budget of the one-tag bundle (`dist/ekyc-flow.bundle.js`: the element with Lit, no
// MediaPipe), checked as the last step of `npm run build`: prints where its bytes go, per
// package and per module, from its sourcemap, and fails when its first load (the file and any
// chunk it imports statically), gzipped, is over the budget.
//
// Budget: BUDGET_GZIP_BYTES below (gzip -9 by Node's zlib; 1 KB = 1000 bytes).
// Usage: tsx scripts/check-size.ts [distDir]
import { join } from 'node:path';
import { BUNDLE_ENTRY, firstLoad } from './size-report.js';
import { moduleSizes, packageSizes, type ModuleShare } from './source-map-sizes.js';

const BUDGET_GZIP_BYTES = 20_000;
const TOP_MODULES = 12;

const kB = (bytes: number): string => `${(bytes / 1000).toFixed(1)} kB`;

function printShares(title: string, shares: readonly ModuleShare[]): void {
  console.log(`\n${title.padEnd(52)} ${'minified'.padStart(10)} ${'gzip*'.padStart(9)}`);
  for (const { module, bytes, gzip } of shares) console.log(`  ${module.padEnd(50)} ${kB(bytes).padStart(10)} ${kB(gzip).padStart(9)}`);
}

const distDir = process.argv[2] ?? 'dist';
const load = firstLoad(distDir);
const modules = load.files.flatMap((file) => moduleSizes(join(distDir, file)));

console.log(`First load of ${BUNDLE_ENTRY}: ${load.files.join(' + ')}`);
console.log(`  ${kB(load.total.bytes)} minified, ${kB(load.total.gzip)} gzip, ${kB(load.total.brotli)} brotli`);
printShares('By package', packageSizes(modules));
printShares(`Top ${TOP_MODULES} modules`, modules.slice(0, TOP_MODULES));
console.log('  * gzip: what the file would lose without those bytes; shares of one gzip stream do not add up exactly.');

if (load.total.gzip > BUDGET_GZIP_BYTES) {
  console.error(`\n${BUNDLE_ENTRY} is over its size budget: ${load.total.gzip} B gzip > ${BUDGET_GZIP_BYTES} B (scripts/check-size.ts).`);
  process.exitCode = 1;
} else {
  console.log(`\nWithin the budget: ${load.total.gzip} B of ${BUDGET_GZIP_BYTES} B gzip.`);
}
