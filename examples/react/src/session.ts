import { useCallback, useEffect, useState } from 'react';

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

export interface Session {
  id: string | undefined;
  /** Why there is no session, for the page to say. */
  problem: string | null;
  /** Asks for a new session, e.g. when the element reports `session-expired`. */
  renew: () => void;
}

/** A session from your server, asked for once and again on `renew()`. */
export function useSession(): Session {
  const [round, setRound] = useState(0);
  const [id, setId] = useState<string>();
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    const abort = new AbortController();
    createSession(abort.signal).then(
      (sessionId) => {
        setId(sessionId);
        setProblem(null);
      },
      (error: unknown) => {
        if (!abort.signal.aborted) setProblem(`No session from ${SERVER}: ${String(error)}`);
      },
    );
    return () => {
      abort.abort();
    };
  }, [round]);
  const renew = useCallback(() => {
    setRound((value) => value + 1);
  }, []);
  return { id, problem, renew };
}
