/**
 * Shows a busy indicator only for work slower than a short delay, so fast operations (selecting a
 * cell, a small check) never flash a spinner, while slow ones (a big workbook on Excel on the web)
 * say what is happening.
 */
export interface BusyCallbacks {
  /** Called once the delay has passed with the work still running, and on every later update. */
  show(text: string): void;
  /** Called when the work ends, only if `show` was called. */
  hide(): void;
}

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const defaultTimers: Timers = {
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout>),
};

export const defaultBusyDelayMs = 150;

export class BusyIndicator {
  private timer: unknown = null;
  private text = '';
  private shown = false;

  constructor(
    private readonly callbacks: BusyCallbacks,
    private readonly delayMs: number = defaultBusyDelayMs,
    private readonly timers: Timers = defaultTimers,
  ) {}

  get visible(): boolean {
    return this.shown;
  }

  start(text: string): void {
    this.stop();
    this.text = text;
    this.timer = this.timers.setTimeout(() => {
      this.timer = null;
      this.shown = true;
      this.callbacks.show(this.text);
    }, this.delayMs);
  }

  /** Changes the progress text; shown at once if the indicator is already showing. */
  update(text: string): void {
    this.text = text;
    if (this.shown) this.callbacks.show(text);
  }

  stop(): void {
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = null;
    if (this.shown) {
      this.shown = false;
      this.callbacks.hide();
    }
  }
}
