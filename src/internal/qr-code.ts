/**
 * A QR code (an authenticator app's setup link) drawn as an SVG from lean-qr's bitmap. The
 * encoder is a chunk of its own, loaded the first time a host renders a code: only the page
 * that sets up two-step verification pays for it. Dark modules on a white quiet zone, whatever
 * the theme (a phone's camera reads dark on light; forced colours leave it alone), named by
 * `label` as one image.
 */
import {html, svg, type ReactiveController, type ReactiveControllerHost, type TemplateResult} from 'lit';

type Generate = typeof import('lean-qr/nano').generate;

/** The quiet zone around the code, in modules (the standard asks for four). */
const QUIET = 4;

/** What is drawn: the bitmap's side, and one path for its dark modules. */
interface Drawn {
  text: string;
  size: number;
  path: string;
}

/** The dark modules as one path: a rectangle per run of dark modules in a row. */
export function modulePath(code: {readonly size: number; get(x: number, y: number): boolean}): string {
  const parts: string[] = [];
  for (let y = 0; y < code.size; y++) {
    for (let x = 0; x < code.size; x++) {
      if (!code.get(x, y)) continue;
      const start = x;
      while (x + 1 < code.size && code.get(x + 1, y)) x++;
      const run = x - start + 1;
      parts.push(`M${start + QUIET} ${y + QUIET}h${run}v1h-${run}z`);
    }
  }
  return parts.join('');
}

export class QrCodeLoader implements ReactiveController {
  #generate?: Generate;
  #loading?: Promise<void>;
  #drawn: Drawn | null = null;
  /** The encoder could not be loaded (offline): the host shows the key instead. */
  failed = false;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** The code for `text`, or a placeholder of the same size while the encoder loads. */
  render(text: string, label: string): TemplateResult {
    const drawn = this.#draw(text);
    if (!drawn) return html`<div class="qr-code qr-code-pending" role="img" aria-label=${label} aria-busy=${this.failed ? 'false' : 'true'}></div>`;
    const side = drawn.size + QUIET * 2;
    return html`<svg
      class="qr-code"
      role="img"
      aria-label=${label}
      viewBox=${`0 0 ${side} ${side}`}
      shape-rendering="crispEdges"
      focusable="false"
    >
      ${svg`<rect width=${side} height=${side} fill="#ffffff"></rect><path d=${drawn.path} fill="#000000"></path>`}
    </svg>`;
  }

  #draw(text: string): Drawn | null {
    if (this.#drawn?.text === text) return this.#drawn;
    if (!this.#generate) {
      void this.#load();
      return null;
    }
    const code = this.#generate(text);
    this.#drawn = {text, size: code.size, path: modulePath(code)};
    return this.#drawn;
  }

  #load(): Promise<void> {
    return (this.#loading ??= import('lean-qr/nano').then(
      ({generate}) => {
        this.#generate = generate;
        this.host.requestUpdate();
      },
      () => {
        this.failed = true;
        this.host.requestUpdate();
      },
    ));
  }
}
