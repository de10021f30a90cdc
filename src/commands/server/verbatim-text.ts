// Text meant to be shown as it is (INFO, CLIENT LIST): a verbatim string `=len\r\ntxt:...`
// in RESP3, a plain bulk string in RESP2 (the ReplyWriter folds it), as Redis sends it.

import type { Frame } from '../../protocol/frame';

export const verbatimText = (text: string): Frame => ({ type: 'verbatim', format: 'txt', value: Buffer.from(text, 'latin1') });
