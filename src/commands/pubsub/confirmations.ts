// The confirmations SUBSCRIBE, UNSUBSCRIBE, PSUBSCRIBE and PUNSUBSCRIBE send: one push
// frame per channel or pattern, [kind, name, subscriptions now], written once here for
// all four. Push frames are out-of-band data in RESP3 and plain arrays in RESP2.

import { Frame, NULL, bulk, integer, push } from '../../protocol/frame';

/** One confirmation per name; `act` (un)subscribes and returns the new count. */
export function confirmEach(kind: string, names: readonly string[], act: (name: string) => number): Frame[] {
  const label = bulk(kind);
  return names.map((name) => push([label, bulk(Buffer.from(name, 'latin1')), integer(act(name))]));
}

/**
 * UNSUBSCRIBE / PUNSUBSCRIBE: leave the named ones, or all current ones; with nothing
 * to leave, Redis still confirms once, with a null name.
 */
export function confirmLeaving(
  kind: string,
  named: readonly string[],
  current: readonly string[],
  count: number,
  leave: (name: string) => number,
): Frame[] {
  const leaving = named.length > 0 ? named : current;
  if (leaving.length === 0) return [push([bulk(kind), NULL, integer(count)])];
  return confirmEach(kind, leaving, leave);
}
