// Sizes of what the one-tag bundle loads: its first load, each lazy chunk and worker, and the
// face detector's assets.
import { faceAssets, firstLoad, lazyChunks, type FileSizes } from '../../scripts/size-report.js';

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
