import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { cameraErrorCode, type CameraErrorCode } from './camera-errors.js';
import type { Facing } from './choose-camera.js';
import { releasePreviews } from './previews.js';

// Loaded once a camera is live, not with the element: choosing the main lens can wait until then.
const loadCameraChoice = () => import('./choose-camera.js');

export type CameraStatus = 'idle' | 'starting' | 'live' | 'paused' | 'error';

export interface CameraOptions {
  /** Where streams come from (default `navigator.mediaDevices`); tests may pass their own. */
  mediaDevices?: Pick<MediaDevices, 'getUserMedia' | 'enumerateDevices'> | undefined;
  /** The camera failed (refused, missing, busy, lost): told as it happens, with `error` already set. */
  onError?: ((code: CameraErrorCode) => void) | undefined;
}

const IDEAL_SIZE: Record<Facing, { width: number; height: number }> = {
  environment: { width: 1920, height: 1080 },
  user: { width: 1280, height: 720 },
};

/**
 * Owns the camera for its host: opens the stream a step asks for, picks the
 * main lens, stops every track when no step needs it, while the page is
 * hidden (and reopens it when visible), and when the host leaves the page.
 */
export class CameraController implements ReactiveController {
  status: CameraStatus = 'idle';
  error: CameraErrorCode | null = null;
  stream: MediaStream | null = null;
  facing: Facing | null = null;
  /** Cameras the user may switch between (never infrared ones), once permission is granted. */
  devices: MediaDeviceInfo[] = [];
  torchSupported = false;
  torchOn = false;

  private readonly host: ReactiveControllerHost;
  private readonly options: CameraOptions;
  /** Increases on every start and stop, so a late `getUserMedia` answer is recognised and discarded. */
  private generation = 0;
  private readonly chosen = new Map<Facing, string>();

  constructor(host: ReactiveControllerHost, options: CameraOptions = {}) {
    this.host = host;
    this.options = options;
    host.addController(this);
  }

  hostConnected(): void {
    document.addEventListener('visibilitychange', this.onVisibilityChange);
  }

  hostDisconnected(): void {
    document.removeEventListener('visibilitychange', this.onVisibilityChange);
    this.release();
  }

  /** The current step needs the camera facing `facing`. */
  want(facing: Facing): void {
    if (this.facing === facing && this.status !== 'idle') return;
    this.facing = facing;
    void this.open();
  }

  /** No step needs the camera: stop every track. */
  release(): void {
    if (this.facing === null && this.status === 'idle' && !this.stream) return;
    this.facing = null;
    this.stopTracks('idle');
  }

  /** Tries again after an error (a denied permission the user has since granted, a busy camera now free). */
  retry(): void {
    if (this.facing) void this.open();
  }

  /** Moves to the next camera of the list. */
  switchCamera(): void {
    if (!this.facing || this.devices.length < 2) return;
    const current = this.currentDeviceId();
    const index = this.devices.findIndex((device) => device.deviceId === current);
    const next = this.devices[(index + 1) % this.devices.length];
    if (!next) return;
    this.chosen.set(this.facing, next.deviceId);
    void this.open(next.deviceId);
  }

  async setTorch(on: boolean): Promise<void> {
    const track = this.videoTrack();
    if (!track || !this.torchSupported) return;
    try {
      await track.applyConstraints({ advanced: [{ torch: on } as MediaTrackConstraintSet] });
      this.torchOn = on;
    } catch {
      this.torchSupported = false;
    }
    this.host.requestUpdate();
  }

  private get mediaDevices(): Pick<MediaDevices, 'getUserMedia' | 'enumerateDevices'> | undefined {
    return this.options.mediaDevices ?? (typeof navigator === 'undefined' ? undefined : navigator.mediaDevices);
  }

  private videoTrack(): MediaStreamTrack | undefined {
    return this.stream?.getVideoTracks()[0];
  }

  private currentDeviceId(): string | undefined {
    return this.videoTrack()?.getSettings().deviceId;
  }

  private async open(deviceId = this.facing ? this.chosen.get(this.facing) : undefined): Promise<void> {
    const facing = this.facing;
    if (!facing) return;
    this.stopTracks('starting');
    if (document.visibilityState === 'hidden') {
      this.status = 'paused';
      this.host.requestUpdate();
      return;
    }
    const generation = this.generation;
    const mediaDevices = this.mediaDevices;
    if (!mediaDevices) {
      this.fail('camera-unavailable');
      return;
    }
    const video: MediaTrackConstraints = {
      width: { ideal: IDEAL_SIZE[facing].width },
      height: { ideal: IDEAL_SIZE[facing].height },
    };
    if (deviceId) video.deviceId = { exact: deviceId };
    else video.facingMode = { ideal: facing };
    let stream: MediaStream;
    try {
      stream = await mediaDevices.getUserMedia({ video, audio: false });
    } catch (error) {
      if (generation !== this.generation) return;
      if (deviceId) {
        this.chosen.delete(facing);
        void this.open(undefined);
        return;
      }
      this.fail(cameraErrorCode(error));
      return;
    }
    if (generation !== this.generation) {
      stream.getTracks().forEach((track) => track.stop());
      return;
    }
    this.adopt(stream);
    if (!deviceId) await this.preferMainCamera(facing, generation);
  }

  private adopt(stream: MediaStream): void {
    this.stream = stream;
    this.status = 'live';
    this.error = null;
    const track = this.videoTrack();
    // The handler property, not addEventListener: Firefox calls only the former for a track's `ended`.
    if (track) track.onended = this.onTrackEnded;
    const capabilities: MediaTrackCapabilities & { torch?: boolean } = track ? track.getCapabilities() : {};
    this.torchSupported = capabilities.torch === true;
    this.torchOn = false;
    this.host.requestUpdate();
  }

  /** With permission granted, labels and capabilities are known: switch to the main lens if another was opened. */
  private async preferMainCamera(facing: Facing, generation: number): Promise<void> {
    const mediaDevices = this.mediaDevices;
    if (!mediaDevices) return;
    let inputs: MediaDeviceInfo[];
    let choice: Awaited<ReturnType<typeof loadCameraChoice>>;
    try {
      [inputs, choice] = await Promise.all([
        mediaDevices.enumerateDevices().then((devices) => devices.filter((device) => device.kind === 'videoinput')),
        loadCameraChoice(),
      ]);
    } catch {
      return;
    }
    const { candidateOf, chooseCamera, scoreCamera } = choice;
    if (generation !== this.generation) return;
    const candidates = inputs.map(candidateOf);
    this.devices = inputs.filter((_, index) => {
      const candidate = candidates[index];
      return candidate !== undefined && scoreCamera(candidate, facing) !== null;
    });
    const best = chooseCamera(candidates, facing);
    this.host.requestUpdate();
    if (!best) return;
    this.chosen.set(facing, best);
    const current = this.currentDeviceId();
    if (current && current !== best) await this.open(best);
  }

  private fail(code: CameraErrorCode): void {
    this.stopTracks('error');
    this.error = code;
    this.host.requestUpdate();
    this.options.onError?.(code);
  }

  private stopTracks(status: CameraStatus): void {
    this.generation += 1;
    const stream = this.stream;
    this.stream = null;
    if (stream) releasePreviews(stream);
    stream?.getTracks().forEach((track) => {
      track.onended = null;
      track.stop();
    });
    this.status = status;
    if (status !== 'error') this.error = null;
    this.torchOn = false;
    this.host.requestUpdate();
  }

  private readonly onTrackEnded = (): void => {
    if (this.facing) this.fail('camera-lost');
  };

  private readonly onVisibilityChange = (): void => {
    if (!this.facing) return;
    if (document.visibilityState === 'hidden') {
      this.stopTracks('paused');
    } else if (this.status === 'paused') {
      void this.open();
    }
  };
}
