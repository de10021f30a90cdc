// FUNCTION DUMP's payload and FUNCTION RESTORE's reading of it, in Redis 7.0's format
// (functions.c functionDumpCommand, rdb.c rdbSaveFunctions / rdbFunctionLoad, cluster.c
// verifyDumpPayload): for each library the RDB opcode FUNCTION2 (245) and its code as an
// RDB string; then the RDB version (10) in two bytes and a CRC64 of everything before it
// in eight, both little-endian. The CRC is Redis's crc64 (the Jones polynomial, reflected).
//
// Redis compresses a code longer than 20 bytes with LZF when that makes it shorter; the
// payloads written here are never compressed (simpler, and still a valid payload for
// Redis), but a compressed one from Redis is read.

const RDB_OPCODE_FUNCTION2 = 245;
const RDB_OPCODE_FUNCTION = 246;
const RDB_VERSION = 10;

// ---------------------------------------------------------------------------------
// CRC64 (Jones, reflected: crc64.c's check value for "123456789" is e9c6d914c4b8d9ca).

const POLY = 0x95ac9329ac4bc9b5n; // 0xad93d23594c935a9 bit-reversed
const MASK = 0xffffffffffffffffn;
let table: BigUint64Array | undefined;

function crcTable(): BigUint64Array {
  if (table !== undefined) return table;
  table = new BigUint64Array(256);
  for (let n = 0; n < 256; n++) {
    let crc = BigInt(n);
    for (let k = 0; k < 8; k++) crc = crc & 1n ? (crc >> 1n) ^ POLY : crc >> 1n;
    table[n] = crc;
  }
  return table;
}

export function crc64(data: Uint8Array): bigint {
  const t = crcTable();
  let crc = 0n;
  for (let i = 0; i < data.length; i++) crc = (t[Number((crc ^ BigInt(data[i])) & 0xffn)] ^ (crc >> 8n)) & MASK;
  return crc;
}

// ---------------------------------------------------------------------------------
// Writing

/** An RDB length (rdbSaveLen). */
function encodeLength(length: number): Buffer {
  if (length < 64) return Buffer.from([length]);
  if (length < 16384) return Buffer.from([0x40 | (length >> 8), length & 0xff]);
  const out = Buffer.alloc(5);
  out[0] = 0x80;
  out.writeUInt32BE(length, 1);
  return out;
}

/** The payload of FUNCTION DUMP for these libraries' codes. */
export function dumpPayload(codes: readonly Buffer[]): Buffer {
  const parts: Buffer[] = [];
  for (const code of codes) parts.push(Buffer.from([RDB_OPCODE_FUNCTION2]), encodeLength(code.length), code);
  parts.push(Buffer.from([RDB_VERSION & 0xff, RDB_VERSION >> 8]));
  const body = Buffer.concat(parts);
  const crc = Buffer.alloc(8);
  crc.writeBigUInt64LE(crc64(body));
  return Buffer.concat([body, crc]);
}

// ---------------------------------------------------------------------------------
// Reading

/** verifyDumpPayload: the version is not newer than ours and the checksum matches. */
export function verifyPayload(payload: Buffer): boolean {
  if (payload.length < 10) return false;
  const footer = payload.length - 10;
  const version = payload[footer] | (payload[footer + 1] << 8);
  if (version > RDB_VERSION) return false;
  return crc64(payload.subarray(0, payload.length - 8)) === payload.readBigUInt64LE(payload.length - 8);
}

class Reader {
  pos = 0;
  constructor(
    readonly data: Buffer,
    readonly end: number,
  ) {}

  byte(): number | undefined {
    return this.pos < this.end ? this.data[this.pos++] : undefined;
  }

  /** rdbLoadLenByRef: the length, or for an encoded string {encoding}. */
  length(): { len: number } | { encoding: number } | undefined {
    const first = this.byte();
    if (first === undefined) return undefined;
    const type = first >> 6;
    if (type === 0) return { len: first & 0x3f };
    if (type === 1) {
      const next = this.byte();
      return next === undefined ? undefined : { len: ((first & 0x3f) << 8) | next };
    }
    if (type === 3) return { encoding: first & 0x3f };
    if (first === 0x80) {
      if (this.pos + 4 > this.end) return undefined;
      const len = this.data.readUInt32BE(this.pos);
      this.pos += 4;
      return { len };
    }
    if (first === 0x81) {
      if (this.pos + 8 > this.end) return undefined;
      const len = Number(this.data.readBigUInt64BE(this.pos));
      this.pos += 8;
      return { len };
    }
    return undefined;
  }

  bytes(n: number): Buffer | undefined {
    if (n < 0 || this.pos + n > this.end) return undefined;
    const out = this.data.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }

  /** rdbGenericLoadStringObject: plain, integer-encoded or LZF-compressed. */
  string(): Buffer | undefined {
    const head = this.length();
    if (head === undefined) return undefined;
    if ('len' in head) return this.bytes(head.len);
    switch (head.encoding) {
      case 0: {
        const b = this.bytes(1);
        return b === undefined ? undefined : Buffer.from(String(b.readInt8(0)), 'latin1');
      }
      case 1: {
        const b = this.bytes(2);
        return b === undefined ? undefined : Buffer.from(String(b.readInt16LE(0)), 'latin1');
      }
      case 2: {
        const b = this.bytes(4);
        return b === undefined ? undefined : Buffer.from(String(b.readInt32LE(0)), 'latin1');
      }
      case 3: {
        const clen = this.length();
        const len = this.length();
        if (clen === undefined || len === undefined || !('len' in clen) || !('len' in len)) return undefined;
        const compressed = this.bytes(clen.len);
        return compressed === undefined ? undefined : lzfDecompress(compressed, len.len);
      }
      default:
        return undefined;
    }
  }
}

/** LZF (lzf_d.c): literal runs and back references; undefined when the data is damaged. */
function lzfDecompress(input: Buffer, outLength: number): Buffer | undefined {
  const out = Buffer.alloc(outLength);
  let ip = 0;
  let op = 0;
  while (ip < input.length) {
    const ctrl = input[ip++];
    if (ctrl < 32) {
      const run = ctrl + 1;
      if (op + run > outLength || ip + run > input.length) return undefined;
      input.copy(out, op, ip, ip + run);
      op += run;
      ip += run;
    } else {
      let len = ctrl >> 5;
      if (len === 7) {
        if (ip >= input.length) return undefined;
        len += input[ip++];
      }
      if (ip >= input.length) return undefined;
      let ref = op - ((ctrl & 0x1f) << 8) - 1 - input[ip++];
      len += 2;
      if (ref < 0 || op + len > outLength) return undefined;
      while (len-- > 0) out[op++] = out[ref++];
    }
  }
  return op === outLength ? out : undefined;
}

/**
 * The libraries' codes in a verified payload (FUNCTION RESTORE's read loop), or the
 * error Redis gives. The old FUNCTION opcode of 7.0's release candidates is read too.
 */
export function readPayload(payload: Buffer): { readonly codes: Buffer[] } | { readonly error: string } {
  const reader = new Reader(payload, payload.length - 10);
  const codes: Buffer[] = [];
  while (payload.length - reader.pos > 10) {
    const type = reader.byte();
    if (type === undefined) return { error: 'can not read data type' };
    if (type !== RDB_OPCODE_FUNCTION && type !== RDB_OPCODE_FUNCTION2) return { error: 'given type is not a function' };
    if (type === RDB_OPCODE_FUNCTION2) {
      const code = reader.string();
      if (code === undefined) return { error: 'Failed loading library payload' };
      codes.push(Buffer.from(code));
      continue;
    }
    const name = reader.string();
    if (name === undefined) return { error: 'Failed loading library name' };
    const engine = reader.string();
    if (engine === undefined) return { error: 'Failed loading engine name' };
    const hasDesc = reader.length();
    if (hasDesc === undefined || !('len' in hasDesc)) return { error: 'Failed loading library description indicator' };
    if (hasDesc.len !== 0 && reader.string() === undefined) return { error: 'Failed loading library description' };
    const blob = reader.string();
    if (blob === undefined) return { error: 'Failed loading library blob' };
    codes.push(Buffer.concat([Buffer.from(`#!${engine.toString('latin1')} name=${name.toString('latin1')}\n`, 'latin1'), blob]));
  }
  return { codes };
}
