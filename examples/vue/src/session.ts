import { onMounted, onUnmounted, ref } from 'vue';

/** Your server, which keeps the FPT.AI key: `POST /session` gives a session id, and it forwards `/ocr` and `/face/liveness`. */
export const SERVER = import.meta.env.VITE_EKYC_SERVER ?? 'http://localhost:3000';

async function createSession(signal: AbortSignal): Promise<string> {
  const response = await fetch(`${SERVER}/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{}',
    signal,
  });
  if (!response.ok) throw new Error(`${SERVER}/session answered ${response.status}`);
  const { sessionId } = (await response.json()) as { sessionId: string };
  return sessionId;
}

/** A session from your server, asked for on mount and again on `renew()` (e.g. on `session-expired`). */
export function useSession() {
  const id = ref<string>();
  const problem = ref<string | null>(null);
  let abort: AbortController | null = null;

  function renew(): void {
    abort?.abort();
    const current = new AbortController();
    abort = current;
    createSession(current.signal).then(
      (sessionId) => {
        id.value = sessionId;
        problem.value = null;
      },
      (error: unknown) => {
        if (!current.signal.aborted) problem.value = `No session from ${SERVER}: ${String(error)}`;
      },
    );
  }

  onMounted(renew);
  onUnmounted(() => abort?.abort());
  return { id, problem, renew };
}
