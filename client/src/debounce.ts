/** Runs an action once after the last of a burst of requests (a refresh after typing, say). */
export class Debounced {
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly action: () => void | Promise<void>) {}

  /** Runs the action in `delay` ms; a later request replaces an earlier one. */
  schedule(delay: number): void {
    this.cancel();
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.action();
    }, delay);
  }

  cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
