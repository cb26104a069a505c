// `node scripts/lane-weights.js <timings.jsonl>`: writes test/lane-weights.json, each browser test file's time (from
// its page opening to its closing, summed over the engines it ran in) out of a run with `EKYC_TIMINGS_FILE` set:
//   EKYC_TIMINGS_FILE=/tmp/timings.jsonl npm run test:browser && node scripts/lane-weights.js /tmp/timings.jsonl
// The lanes (scripts/lanes.js) are dealt by these weights.
import { readFileSync, writeFileSync } from 'node:fs';

const [source] = process.argv.slice(2);
if (!source) {
  console.error('usage: node scripts/lane-weights.js <timings.jsonl>');
  process.exit(1);
}
const totals = new Map();
for (const line of readFileSync(source, 'utf8').split('\n')) {
  if (line.trim() === '') continue;
  const row = JSON.parse(line);
  if (!row.session || row.start === undefined || row.end === undefined) continue;
  totals.set(row.file, (totals.get(row.file) ?? 0) + (row.end - row.start) / 1000);
}
const weights = Object.fromEntries([...totals].sort(([a], [b]) => a.localeCompare(b)).map(([file, seconds]) => [file, Math.round(seconds)]));
writeFileSync('test/lane-weights.json', `${JSON.stringify(weights, null, 2)}\n`);
console.log(`test/lane-weights.json: ${totals.size} files, ${Math.round([...totals.values()].reduce((a, b) => a + b, 0))} s in all`);
