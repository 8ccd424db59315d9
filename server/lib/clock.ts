/** The source of "now", replaceable in tests so expiry rules can be proven without waiting. */
export interface Clock {
  now(): Date;
}

/** The real clock. */
export const systemClock: Clock = { now: () => new Date() };

/** A clock tests move by hand. */
export class ManualClock implements Clock {
  private current: Date;
  constructor(start = new Date('2026-11-02T14:00:00Z')) {
    this.current = new Date(start);
  }
  now(): Date {
    return new Date(this.current);
  }
  /** Moves time forward by `ms` milliseconds. */
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}
