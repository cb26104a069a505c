/** The upstream's answer to an upload, as the proxy is about to pass it on. */
export interface UploadResult {
  endpoint: 'ocr' | 'face';
  sessionId: string;
  /** The API headers that were forwarded (`document-type`, `side-type`, `auto`, `lang`…). */
  headers: Readonly<Record<string, string>>;
  /** HTTP status of the upstream answer. */
  status: number;
  /**
   * The upstream JSON, every value a string: for `ocr`
   * `{ errorCode, errorMessage, data: [{ key, name, value, score }] }`, for `face`
   * `{ code, message, liveness, face_match, is_complete_session }`.
   */
  response: Readonly<Record<string, unknown>>;
}

export interface CreatedSession {
  sessionId: string;
  clientUuid: string | undefined;
  onlyEngine: boolean;
}

/**
 * Where an integrator keeps what the eKYC service said. Each hook is awaited
 * before the browser gets its answer; when one throws, the browser gets 500
 * instead, so nothing is shown to the user that was not kept.
 */
export interface ProxyHooks {
  /** A session was created for a browser. */
  onSession?: (session: CreatedSession) => void | Promise<void>;
  /** `/ocr` or `/face/liveness` answered with a JSON object (a success or a refusal such as `303`). */
  onResult?: (result: UploadResult) => void | Promise<void>;
}
