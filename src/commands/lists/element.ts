// How list elements become replies. Elements are stored as latin1 strings (one char per
// byte, see src/db/types/list.ts), so they go back on the wire as exactly the bytes
// that came in (`bulk(string)` would encode them as UTF-8 and corrupt every byte from
// 0x80 up), as `latin1` frames: written into the reply without a Buffer per element.

import { type Frame, array, latin1Bulk } from '../../protocol/frame';

/** One element as a bulk string. */
export const elementFrame = (element: string): Frame => latin1Bulk(element);

/** Elements as an array of bulk strings, in the order given. */
export const elementsFrame = (elements: readonly string[]): Frame => array(elements.map(elementFrame));
