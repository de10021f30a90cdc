// client-output-buffer-limit for one connection, as Redis's
// checkClientOutputBufferLimits: the unwritten output is compared with the limits of
// the client's class (pubsub while it has subscriptions, normal otherwise):
//   - at or over the hard limit: close the client now;
//   - at or over the soft limit: note when that began; close the client if it is still
//     so at a check more than `soft seconds` later. Falling below resets the clock.
// Redis's defaults: pubsub 32mb 8mb 60 (a subscriber that falls that far behind is
// dropped rather than allowed to grow the server without bound), normal 0 0 0 (none:
// here a normal client is held back by the writer's high-water mark instead).
//
// What is measured is Redis's: the output not yet handed to the kernel, less the 16 KB
// that Redis keeps in each client's static reply buffer and does not count (a limit of a
// few bytes therefore still lets small replies through, as in Redis).
//
// The check runs as output is queued (writer.ts), so its cost is per batch or per
// message: two comparisons, and a clock read only while over the soft limit. The clock
// is injected so that tests can drive it in virtual time.

import type { OutputLimit } from './settings';

/** Redis's PROTO_REPLY_CHUNK_BYTES: the static reply buffer, not counted against the limits. */
export const UNCOUNTED_OUTPUT = 16 * 1024;

export class OutputBufferLimit {
  /** When the soft limit was first seen reached, or undefined while under it. */
  private softSince: number | undefined;

  constructor(private readonly now: () => number) {}

  /**
   * True when a client with `unwritten` bytes pending may be over a limit, so that
   * `exceeded` must be asked. Below the uncounted 16 KB it cannot be; this also restarts
   * the soft limit's clock (as `exceeded` would). The cheap check the writer makes as
   * every pub/sub message is queued, before the limits are even looked up.
   */
  mayExceed(unwritten: number): boolean {
    if (unwritten > UNCOUNTED_OUTPUT) return true;
    this.softSince = undefined;
    return false;
  }

  /** True when a client with `unwritten` bytes pending must be closed under `limit`. */
  exceeded(unwritten: number, limit: OutputLimit): boolean {
    const used = unwritten - UNCOUNTED_OUTPUT;
    const hard = limit.hard > 0 && used >= limit.hard;
    if (limit.soft > 0 && used >= limit.soft) {
      const now = this.now();
      if (this.softSince === undefined) this.softSince = now;
      else if (now - this.softSince > limit.softMs) return true;
    } else {
      this.softSince = undefined;
    }
    return hard;
  }
}
