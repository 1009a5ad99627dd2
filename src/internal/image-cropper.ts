/**
 * A square crop of a picture: the picture fills a square frame (a circle shows what an avatar
 * keeps), a slider zooms, dragging or the arrow keys move it. `toBlob()` draws the framed part
 * at the size asked for. Internal: registered by `defineImageCropper()` from the define module
 * of an element that renders it.
 */
import {css, html, type PropertyValues} from 'lit';
import {property, query, state} from 'lit/decorators.js';
import {part} from '../appearance/part.js';
import {hostBase} from '../appearance/tokens.js';
import {AuthElement} from './auth-element.js';
import {defineElement} from './define-element.js';

const PREVIEW = 256;
const MAX_ZOOM = 4;
/** How far an arrow key moves the picture, in preview pixels (Shift: five times). */
const STEP = 8;

export class AuthImageCropper extends AuthElement {
  static override styles = [
    hostBase,
    css`
      :host {
        display: grid;
        justify-items: center;
        gap: calc(var(--_space) * 0.75);
      }
      .frame {
        position: relative;
        width: min(16rem, 100%);
        aspect-ratio: 1;
        border-radius: var(--_radius);
        overflow: hidden;
        background: var(--_muted);
        touch-action: none;
        cursor: grab;
      }
      .frame:focus-visible {
        outline: var(--_focus-outline);
        outline-offset: 2px;
      }
      canvas {
        display: block;
        width: 100%;
        height: 100%;
      }
      .mask {
        position: absolute;
        inset: 0;
        border-radius: 50%;
        box-shadow: 0 0 0 100vmax color-mix(in srgb, black 45%, transparent);
        pointer-events: none;
      }
      label {
        display: grid;
        gap: calc(var(--_space) * 0.25);
        width: min(16rem, 100%);
        font-size: 0.875em;
        font-weight: var(--_font-weight);
      }
      input[type='range'] {
        width: 100%;
        accent-color: var(--_primary);
      }
      input[type='range']:focus-visible {
        outline: var(--_focus-outline);
        outline-offset: 2px;
      }
    `,
  ];

  /** The picture to crop. */
  @property({attribute: false}) image?: ImageBitmap;
  /** The frame's accessible name and how to move the picture ("Drag or use the arrow keys…"). */
  @property() label = '';
  /** The zoom slider's label. */
  @property({attribute: 'zoom-label'}) zoomLabel = '';

  /** 1: the picture just covers the frame. */
  @state() zoom = 1;
  /** The frame's centre on the picture, in preview pixels from the picture's centre. */
  @state() private offset = {x: 0, y: 0};

  @query('canvas') private canvas?: HTMLCanvasElement;
  #drag: {x: number; y: number; from: {x: number; y: number}} | null = null;

  /** The scale from picture pixels to preview pixels, at this zoom. */
  #scale(image: ImageBitmap): number {
    return (PREVIEW / Math.min(image.width, image.height)) * this.zoom;
  }

  /** Keeps the frame on the picture. */
  #clamp(offset: {x: number; y: number}): {x: number; y: number} {
    const image = this.image;
    if (!image) return {x: 0, y: 0};
    const scale = this.#scale(image);
    const room = (size: number) => Math.max(0, (size * scale - PREVIEW) / 2);
    const limit = (value: number, max: number) => Math.min(max, Math.max(-max, value));
    return {x: limit(offset.x, room(image.width)), y: limit(offset.y, room(image.height))};
  }

  /** Draws the framed part of the picture onto `canvas` (`size` pixels square). */
  #draw(canvas: HTMLCanvasElement | OffscreenCanvas, size: number): void {
    const image = this.image;
    const context = canvas.getContext('2d') as CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D | null;
    if (!image || !context) return;
    const ratio = size / PREVIEW;
    const scale = this.#scale(image) * ratio;
    context.clearRect(0, 0, size, size);
    context.imageSmoothingQuality = 'high';
    context.drawImage(
      image,
      size / 2 - (image.width * scale) / 2 - this.offset.x * ratio,
      size / 2 - (image.height * scale) / 2 - this.offset.y * ratio,
      image.width * scale,
      image.height * scale,
    );
  }

  /** The framed part as a PNG of `size` pixels square. */
  async toBlob(size = 512): Promise<Blob> {
    const canvas = new OffscreenCanvas(size, size);
    this.#draw(canvas, size);
    return canvas.convertToBlob({type: 'image/png'});
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('image')) {
      this.zoom = 1;
      this.offset = {x: 0, y: 0};
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.canvas) this.#draw(this.canvas, PREVIEW);
  }

  #move(dx: number, dy: number): void {
    this.offset = this.#clamp({x: this.offset.x + dx, y: this.offset.y + dy});
  }

  #onKey = (event: KeyboardEvent): void => {
    const step = event.shiftKey ? STEP * 5 : STEP;
    const moves: Record<string, [number, number]> = {ArrowLeft: [step, 0], ArrowRight: [-step, 0], ArrowUp: [0, step], ArrowDown: [0, -step]};
    const move = moves[event.key];
    if (!move) return;
    event.preventDefault();
    // The picture moves the way the arrow points.
    this.#move(...move);
  };

  #onPointerDown = (event: PointerEvent): void => {
    (event.currentTarget as HTMLElement).setPointerCapture(event.pointerId);
    this.#drag = {x: event.clientX, y: event.clientY, from: this.offset};
  };

  #onPointerMove = (event: PointerEvent): void => {
    if (!this.#drag) return;
    const frame = event.currentTarget as HTMLElement;
    const perPixel = PREVIEW / frame.clientWidth;
    this.offset = this.#clamp({
      x: this.#drag.from.x - (event.clientX - this.#drag.x) * perPixel,
      y: this.#drag.from.y - (event.clientY - this.#drag.y) * perPixel,
    });
  };

  #onPointerUp = (): void => {
    this.#drag = null;
  };

  #onZoom = (event: Event): void => {
    this.zoom = Number((event.target as HTMLInputElement).value);
    this.offset = this.#clamp(this.offset);
  };

  override render() {
    const appearance = this.mergedAppearance;
    return html`<div
        class="frame"
        tabindex="0"
        role="img"
        aria-label=${this.label}
        ${part('image-crop-frame', appearance)}
        @keydown=${this.#onKey}
        @pointerdown=${this.#onPointerDown}
        @pointermove=${this.#onPointerMove}
        @pointerup=${this.#onPointerUp}
        @pointercancel=${this.#onPointerUp}
      >
        <canvas width=${PREVIEW} height=${PREVIEW}></canvas>
        <div class="mask"></div>
      </div>
      <label ${part('image-crop-zoom', appearance)}>
        ${this.zoomLabel}
        <input type="range" min="1" max=${MAX_ZOOM} step="0.01" .value=${String(this.zoom)} @input=${this.#onZoom} />
      </label>`;
  }
}

export const IMAGE_CROPPER_TAG = 'auth-image-cropper';

/** Registers `<auth-image-cropper>` (once), for the define module of an element that renders it. */
export function defineImageCropper(): void {
  defineElement(IMAGE_CROPPER_TAG, AuthImageCropper);
}

declare global {
  interface HTMLElementTagNameMap {
    'auth-image-cropper': AuthImageCropper;
  }
}
