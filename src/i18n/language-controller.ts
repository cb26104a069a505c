import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { availableLang, loadLanguage, normaliseLang, type Lang } from './localize.js';

/** The element's parent, or the host of the shadow root it is in. */
function parentOf(node: Node): Element | null {
  const parent = node.parentNode;
  if (parent instanceof ShadowRoot) return parent.host;
  return parent instanceof Element ? parent : null;
}

/**
 * The language an element speaks: its own `lang`, else the `lang` of its nearest ancestor that has one (crossing
 * shadow roots; a change of any `lang` on the way up is seen at once); `vi` unless that is `en`. A language whose
 * table has not arrived is fetched before the host's update; the host draws in Vietnamese meanwhile, and again once
 * it arrives. Markup a server rendered in a language (after `loadLanguages`) keeps its text meanwhile: Lit's hydration
 * adopts the server's text and attributes as they are, the first update writes none of it.
 */
export class LanguageController implements ReactiveController {
  /** The nearest ancestor's `lang`, as written, or `null` when none has one. */
  private inherited: string | null = null;
  private observer: MutationObserver | null = null;
  private loading: Promise<void> | null = null;
  private readonly host: ReactiveControllerHost & Element;
  private readonly own: () => string;

  /** `own`: the host's own `lang`, empty when it has none. */
  constructor(host: ReactiveControllerHost & Element, own: () => string) {
    this.host = host;
    this.own = own;
    host.addController(this);
  }

  /** The language spoken. */
  get value(): Lang {
    return normaliseLang(this.own() || this.inherited) ?? 'vi';
  }

  /** The language the text is drawn in now: the one spoken once its table is here. */
  get drawn(): Lang {
    return availableLang(this.value);
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

  hostUpdate(): void {
    const lang = this.value;
    if (availableLang(lang) === lang || this.loading) return;
    const load = loadLanguage(lang).then(
      () => this.host.requestUpdate(),
      () => undefined,
    );
    this.loading = load;
    void load.finally(() => {
      if (this.loading === load) this.loading = null;
    });
  }

  /** `updated()` (the host's own update complete), again until no language is on its way. */
  async settled(updated: () => Promise<boolean>): Promise<boolean> {
    let complete = await updated();
    while (this.loading) {
      await this.loading;
      complete = await updated();
    }
    return complete;
  }

  private read(): void {
    let lang: string | null = null;
    for (let element = parentOf(this.host); element; element = parentOf(element)) {
      if (element.hasAttribute('lang')) {
        lang = element.getAttribute('lang');
        break;
      }
    }
    if (lang === this.inherited) return;
    this.inherited = lang;
    this.host.requestUpdate();
  }
}
