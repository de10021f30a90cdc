// How Redis prints a client's argument inside an error text (`Unrecognized option
// '%s'`): through printf's %s, which stops at the first NUL byte, and then through
// addReplyErrorFormat, which turns \r and \n into spaces so that the error stays on
// one protocol line. Done the same way here, an odd argument gives the same bytes.

export function errorArgument(arg: Buffer): string {
  const nul = arg.indexOf(0);
  return (nul === -1 ? arg : arg.subarray(0, nul)).toString('latin1').replace(/[\r\n]/g, ' ');
}
