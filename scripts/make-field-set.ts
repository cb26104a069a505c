// Writes the labelled field set (test/node/field/scenes.ts) as camera pictures, to look at them: one JPEG a scene
// and labels.json (id, label, reason). The tests and the bench render the scenes themselves; nothing here is
// committed.
//   npx tsx scripts/make-field-set.ts <directory> [id substring]
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import jpeg from 'jpeg-js';
import { renderFieldScene } from '../test/node/field/render.js';
import { FIELD_SCENES } from '../test/node/field/scenes.js';

const [directory, only = ''] = process.argv.slice(2);
if (!directory) throw new Error('usage: make-field-set <directory> [id substring]');
mkdirSync(directory, { recursive: true });
const scenes = FIELD_SCENES.filter((scene) => scene.id.includes(only));
for (const scene of scenes) {
  const { frame } = renderFieldScene(scene);
  const file = `${scene.id.replace(/[^a-z0-9]+/gi, '-')}.jpg`;
  writeFileSync(join(directory, file), jpeg.encode({ data: Buffer.from(frame.data.buffer), width: frame.width, height: frame.height }, 90).data);
}
const labels = scenes.map(({ id, label, reason, hints }) => ({ id, label, reason, hints }));
writeFileSync(join(directory, 'labels.json'), `${JSON.stringify(labels, null, 2)}\n`);
console.log(`${scenes.length} scenes written to ${directory}`);
