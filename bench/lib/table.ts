// Plain-text tables: the first column left-aligned, the others right-aligned.

export type Cell = string | number;

export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes)) return '–';
  if (bytes >= 1_000_000) return `${(bytes / 1_000_000).toFixed(2)} MB`;
  return `${(bytes / 1000).toFixed(1)} kB`;
}

export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return '–';
  return ms < 100 ? ms.toFixed(1) : ms.toFixed(0);
}

export function table(title: string, header: Cell[], rows: Cell[][]): string {
  const all = [header, ...rows].map((row) => row.map(String));
  const widths = header.map((_, column) => Math.max(...all.map((row) => row[column]?.length ?? 0)));
  const line = (row: string[]): string =>
    row
      .map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0)))
      .join('  ')
      .trimEnd();
  const [head = [], ...body] = all;
  return [title, `  ${line(head)}`, ...body.map((row) => `  ${line(row)}`)].join('\n');
}
