/**
 * Source columns (or rows) that each of `size` output pixels averages, for a run of `length`
 * source pixels from `start`: `[edges[i], edges[i + 1])` for pixel `i`, each at least one wide.
 */
export function spans(start: number, length: number, size: number): Int32Array {
  const edges = new Int32Array(size + 1);
  for (let i = 0; i <= size; i++) edges[i] = start + Math.round((i * length) / size);
  for (let i = 1; i <= size; i++) edges[i] = Math.max(edges[i] ?? 0, (edges[i - 1] ?? 0) + 1);
  return edges;
}
