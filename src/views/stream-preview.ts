import { noChange } from 'lit';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';
import { showStream } from '../camera/previews.js';

/** `<video ${streamPreview(stream)}>`: shows the camera's stream, as the camera controller can take it back (see previews.ts). */
class StreamPreview extends Directive {
  constructor(info: PartInfo) {
    super(info);
    if (info.type !== PartType.ELEMENT) throw new Error('streamPreview() belongs on a <video> element');
  }

  render(_stream: MediaStream | null): typeof noChange {
    return noChange;
  }

  override update(part: ElementPart, [stream]: [MediaStream | null]): typeof noChange {
    showStream(part.element as HTMLVideoElement, stream);
    return noChange;
  }
}

export const streamPreview = directive(StreamPreview);
