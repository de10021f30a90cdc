// The argument grammar the list commands share: integers read as Redis's
// getLongFromObjectOrReply family reads them (each with its own error text), and the
// LEFT | RIGHT of LMOVE, BLMOVE, LMPOP and BLMPOP.
//
// Why a module of its own: the same argument gets a different error text in different
// commands, and the texts are what clients see. `LPOP k x` says "value is out of range,
// must be positive", `LPOS k e COUNT x` says "COUNT can't be negative", `LMPOP x ...`
// says "numkeys should be greater than 0": Redis passes its message down to the integer
// parser, so a non-number and a number out of range get the same text. Keeping the
// three parsers side by side makes that rule visible once.

import { parseLongLong } from '../../protocol/integer';
import { NOT_AN_INTEGER, ReplyError, SYNTAX_ERROR } from '../command';

/** The end of a list a command works on: LEFT is the head (index 0), RIGHT the tail. */
export type End = 'left' | 'right';

/** getLongFromObjectOrReply: any 64-bit integer, or "value is not an integer or out of range". */
export function parseLong(arg: Buffer, error: ReplyError = NOT_AN_INTEGER): number | ReplyError {
  const value = parseLongLong(arg, 0, arg.length);
  return value === null ? error : value;
}

const NOT_POSITIVE = new ReplyError('ERR value is out of range, must be positive');

/**
 * getPositiveLongFromObjectOrReply: 0 or more. One text for a non-number and for a
 * negative number: `error` when the command gives one, else Redis's default.
 */
export function parseNonNegative(arg: Buffer, error: ReplyError = NOT_POSITIVE): number | ReplyError {
  const value = parseLongLong(arg, 0, arg.length);
  return value === null || value < 0 ? error : value;
}

/** getRangeLongFromObjectOrReply from 1 up, with the command's message for every failure. */
export function parsePositive(arg: Buffer, error: ReplyError): number | ReplyError {
  const value = parseLongLong(arg, 0, arg.length);
  return value === null || value < 1 ? error : value;
}

/** LEFT or RIGHT, in any letter case; anything else is a syntax error. */
export function parseEnd(arg: Buffer): End | ReplyError {
  const word = arg.toString('latin1').toLowerCase();
  return word === 'left' || word === 'right' ? word : SYNTAX_ERROR;
}
