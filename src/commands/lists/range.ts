// Redis's reading of a start/stop pair of list indexes, shared by LRANGE and LTRIM
// (addListRangeReply and ltrimCommand convert them the same way): negative indexes count
// from the end (-1 is the last element), a start before the head is clamped to 0, a
// stop past the tail to the last element, and an empty range (start after stop, or
// start past the end) is no range at all. Never an error: any pair of integers is valid.

/** The inclusive range [start, stop] within a list of `length`, or undefined if empty. */
export function listRange(start: number, stop: number, length: number): { start: number; stop: number } | undefined {
  if (start < 0) start = length + start;
  if (stop < 0) stop = length + stop;
  if (start < 0) start = 0;
  if (start > stop || start >= length) return undefined;
  if (stop >= length) stop = length - 1;
  return { start, stop };
}
