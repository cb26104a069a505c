import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** The element's parent, or the host of the shadow root it is in. */
function parentOf(node: Node): Element | null {
  const parent = node.parentNode;
  if (parent instanceof ShadowRoot) return parent.host;
  return parent instanceof Element ? parent : null;
}

/**
 * The `lang` of the host's nearest ancestor that has one (crossing shadow roots), kept up to date while the host is
 * in the page: a change of any `lang` attribute on the way up is seen at once.
 */
export class InheritedLangController implements ReactiveController {
  /** The nearest ancestor's `lang`, as written, or `null` when none has one. */
  value: string | null = null;

  private readonly host: ReactiveControllerHost & Element;
  private observer: MutationObserver | null = null;

  constructor(host: ReactiveControllerHost & Element) {
    this.host = host;
    host.addController(this);
  }

  hostConnected(): void {
    if (typeof MutationObserver === 'undefined') return;
    this.observer = new MutationObserver(() => {
      this.read();
    });
    const options = { attributes: true, attributeFilter: ['lang'], subtree: true };
    this.observer.observe(this.host.ownerDocument.documentElement, options);
    for (let node: Node = this.host; ; ) {
      const root = node.getRootNode();
      if (!(root instanceof ShadowRoot)) break;
      this.observer.observe(root, options);
      node = root.host;
    }
    this.read();
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.observer = null;
  }

  private read(): void {
    let lang: string | null = null;
    for (let element = parentOf(this.host); element; element = parentOf(element)) {
      if (element.hasAttribute('lang')) {
        lang = element.getAttribute('lang');
        break;
      }
    }
    if (lang === this.value) return;
    this.value = lang;
    this.host.requestUpdate();
  }
}
