// How set members become replies. Members are stored as latin1 strings (one char per
// byte, see src/db/types/set.ts), so they go back on the wire as exactly the bytes that
// came in (`bulk(string)` would encode them as UTF-8 and corrupt every byte from 0x80
// up), as `latin1` frames, written into the reply without a Buffer each.
//
// Two shapes, as Redis sends them: SMEMBERS, SINTER, SUNION, SDIFF and SPOP with a
// count answer a set (`~` in RESP3, folded to an array in RESP2 by the ReplyWriter);
// SRANDMEMBER with a count and SSCAN answer a plain array, in both protocols.

import { type Frame, array, latin1Bulk, set } from '../../protocol/frame';

/** One member as a bulk string. */
export const memberFrame = (member: string): Frame => latin1Bulk(member);

/** Members as a RESP3 set (an array in RESP2), in the order given. */
export const memberSetFrame = (members: readonly string[]): Frame => set(members.map(memberFrame));

/** Members as an array, in the order given. */
export const memberArrayFrame = (members: readonly string[]): Frame => array(members.map(memberFrame));
