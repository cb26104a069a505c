// Sizes of what the one-tag bundle loads: its first load, each lazy chunk and worker, and the
// face detector's assets.
import { faceAssets, firstLoad, lazyChunks, type FileSizes } from '../../scripts/size-report.js';
import { SLOW_4G } from './profiles.js';
import { formatBytes, table } from './table.js';

export interface SizeRow extends FileSizes {
  /** A stable name: the file without its content hash. */
  name: string;
  file: string;
}

export interface Sizes {
  firstLoad: SizeRow;
  chunks: SizeRow[];
  assets: SizeRow[];
}

const withoutHash = (file: string): string => file.replace(/-[\w-]{8}\.js$/, '.js');

export function measureSizes(distDir: string): Sizes {
  const load = firstLoad(distDir);
  return {
    firstLoad: { name: 'first bundle', file: load.files.join(' + '), ...load.total },
    chunks: lazyChunks(distDir)
      .filter(({ name }) => !load.files.includes(name))
      .map(({ name, ...sizes }) => ({ name: withoutHash(name), file: name, ...sizes })),
    assets: faceAssets(distDir).map(({ name, ...sizes }) => ({ name, file: name, ...sizes })),
  };
}

/** Each self-hosted asset gzipped and in Brotli, what Brotli saves, and how long each takes on the low-end profile's link. */
export function assetCompressionTable(sizes: Sizes): string {
  const seconds = (bytes: number): string => `${(bytes / SLOW_4G.downloadBytesPerSecond).toFixed(1)} s`;
  const saved = (row: FileSizes): string => `${Math.round((1 - row.brotli / row.gzip) * 100)} %`;
  const face = sizes.assets.filter(({ name }) => !name.includes('zxing'));
  const runtime = face.reduce((sum, row) => ({ bytes: sum.bytes + row.bytes, gzip: sum.gzip + row.gzip, brotli: sum.brotli + row.brotli }), { bytes: 0, gzip: 0, brotli: 0 });
  const row = (name: string, sized: FileSizes) => [name, formatBytes(sized.bytes), formatBytes(sized.gzip), formatBytes(sized.brotli), saved(sized), seconds(sized.gzip), seconds(sized.brotli)];
  return table(
    'Self-hosted assets: gzip -9 against Brotli 11 (the .br copies the build ships), and their time on Slow 4G',
    ['file', 'bytes', 'gzip', 'brotli', 'saved', 'gzip on Slow 4G', 'brotli on Slow 4G'],
    [...sizes.assets.map((asset) => row(asset.name, asset)), row('face runtime (wasm, loader, model)', runtime)],
  );
}
