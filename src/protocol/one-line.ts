// Error and status texts are one line on the wire: a CR or LF inside would end the
// reply early. Redis maps them to spaces (sdsmapchars), and its formatted errors
// (addReplyErrorFormat) first drop the ones at the end.

/** CR and LF become spaces. */
export const oneLine = (text: string): string => text.replace(/[\r\n]/g, ' ');

/** Trailing CR and LF dropped, the others spaces (addReplyErrorFormat). */
export const oneLineTrimmed = (text: string): string => oneLine(text.replace(/[\r\n]+$/, ''));
