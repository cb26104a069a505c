/** Each browser test file's measured seconds, by path. */
export type LaneWeights = Readonly<Record<string, number>>;
export interface Lane {
  files: string[];
  seconds: number;
}
export function readLaneWeights(path: string): LaneWeights;
export function secondsOf(files: readonly string[], weights: LaneWeights): number;
export function dealLanes(files: readonly string[], weights: LaneWeights, count: number, lastLaneBusy?: number): Lane[];
