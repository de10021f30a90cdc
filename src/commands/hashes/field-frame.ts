// How hash fields and values become replies. They are stored as latin1 strings (one
// char per byte, see src/db/types/hash.ts), so they must go back on the wire as those
// very bytes (`bulk(string)` would encode them as UTF-8 and corrupt every byte from
// 0x80 up), as `latin1` frames, written into the reply without a Buffer each. Every
// hash reply that carries a field or a value goes through here.

import { type Frame, NULL, array, latin1Bulk } from '../../protocol/frame';

/** A field or value as a bulk string; undefined (a missing field) as the null bulk. */
export const fieldFrame = (text: string | undefined): Frame =>
  text === undefined ? NULL : latin1Bulk(text);

/** Fields or values as an array of bulk strings, in the order given. */
export const fieldsFrame = (texts: readonly string[]): Frame => array(texts.map(fieldFrame));
