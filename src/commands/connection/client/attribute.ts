// What a client name (CLIENT SETNAME, HELLO SETNAME) or library attribute (CLIENT
// SETINFO) may contain: printable ASCII from '!' to '~', nothing else. The reason is
// CLIENT LIST: it prints `name=... lib-name=...` fields separated by spaces, one client
// per line, so a space or a newline inside a value would forge fields or clients.

import { ReplyError } from '../../command';

export const INVALID_CLIENT_NAME = new ReplyError('ERR Client names cannot contain spaces, newlines or special characters.');

export function isValidClientAttribute(value: Buffer): boolean {
  for (const byte of value) if (byte < 0x21 || byte > 0x7e) return false;
  return true;
}
