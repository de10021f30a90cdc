// Redis's byte strings as JavaScript strings: latin1 maps each byte to one char and
// back, so a key or a small value is binary-safe as a string. This module holds the
// one comparison both sides of that mapping need.

/** Do these bytes spell this latin1 string? (A short loop: no conversion, no allocation.) */
// Used where the same short bytes come again and again (a pipeline of GETs, SET with
// one value): comparing them with the string made last time is cheaper than making a
// new one, which is a call into Node's native code.
export function sameBytes(bytes: Buffer, text: string): boolean {
  if (bytes.length !== text.length) return false;
  for (let i = 0; i < bytes.length; i++) if (bytes[i] !== text.charCodeAt(i)) return false;
  return true;
}
