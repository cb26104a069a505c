// How long the page's own thread is blocked, phase by phase: long tasks (over 50 ms, from the
// Long Tasks API), the longest gap between animation frames as a cross-check, and the script
// that ran longest in the longest animation frame (Long Animation Frames API) as the likely cause.

/** One script of a long animation frame (the parts of `PerformanceScriptTiming` used here). */
interface ScriptTiming {
  duration: number;
  invoker: string;
  sourceURL: string;
  sourceFunctionName: string;
  sourceCharPosition: number;
  forcedStyleAndLayoutDuration: number;
}

interface LongAnimationFrame extends PerformanceEntry {
  blockingDuration: number;
  scripts: ScriptTiming[];
}

/** The script behind a long frame, to be mapped to its source by the runner. */
export interface ScriptCause {
  durationMs: number;
  /** What called it: `DedicatedWorker.onmessage`, `Promise.then`, `HTMLButtonElement.onclick`… */
  invoker: string;
  url: string;
  functionName: string;
  charPosition: number;
  /** Of its duration, the style and layout it forced (reading a size after changing the page). */
  forcedLayoutMs: number;
}

export interface PhaseLoad {
  phase: string;
  durationMs: number;
  /** The longest task over 50 ms; 0 when there was none. */
  longestTaskMs: number;
  longTasks: number;
  /** The longest time between two animation frames (about 16.7 ms when nothing blocks). */
  longestFrameGapMs: number;
  /** The longest script of the longest animation frame over 50 ms, if any. */
  cause: ScriptCause | null;
}

interface Span {
  start: number;
  duration: number;
}

export interface MainThreadWatch {
  /** A new phase starts now. */
  phase(name: string): void;
  /** Stops watching; what each phase cost, in order. */
  stop(): Promise<PhaseLoad[]>;
}

export function watchMainThread(firstPhase: string): MainThreadWatch {
  const phases: { name: string; start: number }[] = [{ name: firstPhase, start: performance.now() }];
  const tasks: Span[] = [];
  const frames: LongAnimationFrame[] = [];
  const gaps: Span[] = [];
  const longTasks = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) tasks.push({ start: entry.startTime, duration: entry.duration });
  });
  longTasks.observe({ type: 'longtask' });
  const longFrames = new PerformanceObserver((list) => {
    frames.push(...(list.getEntries() as LongAnimationFrame[]));
  });
  if (PerformanceObserver.supportedEntryTypes.includes('long-animation-frame')) longFrames.observe({ type: 'long-animation-frame' });

  let watching = true;
  let lastFrame = performance.now();
  const onFrame = (now: number): void => {
    if (!watching) return;
    gaps.push({ start: lastFrame, duration: now - lastFrame });
    lastFrame = now;
    requestAnimationFrame(onFrame);
  };
  requestAnimationFrame(onFrame);

  return {
    phase(name) {
      phases.push({ name, start: performance.now() });
    },
    async stop() {
      // Entries are delivered after their task ends: give the last ones a moment.
      await new Promise((resolve) => setTimeout(resolve, 200));
      watching = false;
      longTasks.disconnect();
      longFrames.disconnect();
      const end = performance.now();
      return phases.map(({ name, start }, index) => {
        const until = phases[index + 1]?.start ?? end;
        const inPhase = <T>(items: T[], startOf: (item: T) => number): T[] =>
          items.filter((item) => startOf(item) >= start && startOf(item) < until);
        const phaseTasks = inPhase(tasks, (task) => task.start);
        const longestFrame = inPhase(frames, (frame) => frame.startTime).sort((a, b) => b.duration - a.duration)[0];
        const script = longestFrame?.scripts.slice().sort((a, b) => b.duration - a.duration)[0];
        return {
          phase: name,
          durationMs: until - start,
          longestTaskMs: Math.max(0, ...phaseTasks.map((task) => task.duration)),
          longTasks: phaseTasks.length,
          longestFrameGapMs: Math.max(0, ...inPhase(gaps, (gap) => gap.start).map((gap) => gap.duration)),
          cause: script
            ? {
                durationMs: script.duration,
                invoker: script.invoker,
                url: script.sourceURL,
                functionName: script.sourceFunctionName,
                charPosition: script.sourceCharPosition,
                forcedLayoutMs: script.forcedStyleAndLayoutDuration,
              }
            : null,
        };
      });
    },
  };
}
