// The import and export sections of a .wasm, read and written back with other names, every other
// byte as it was (for scripts/short-names.mjs). Only what wasm-bindgen's modules can hold is
// understood; anything else stops the build rather than being copied half understood.

const IMPORT = 2;
const EXPORT = 7;
const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
const encoder = new TextEncoder();

export class WasmFormatError extends Error {}

// A cursor over the module's bytes.
class Reader {
  constructor(bytes, at = 0, end = bytes.length) {
    this.bytes = bytes;
    this.at = at;
    this.end = end;
  }

  byte() {
    if (this.at >= this.end) throw new WasmFormatError(`unexpected end at byte ${this.at}`);
    return this.bytes[this.at++];
  }

  // An unsigned LEB128 number (u32, or a u64 memory limit, which is only skipped).
  u32() {
    let value = 0;
    for (let shift = 0; ; shift += 7) {
      const b = this.byte();
      if (shift < 32) value += (b & 0x7f) * 2 ** shift;
      if (!(b & 0x80)) return value;
      if (shift > 63) throw new WasmFormatError(`LEB128 number too long at byte ${this.at}`);
    }
  }

  name() {
    const length = this.u32();
    if (this.at + length > this.end) throw new WasmFormatError(`name runs past its section at byte ${this.at}`);
    const text = utf8.decode(this.bytes.subarray(this.at, this.at + length));
    this.at += length;
    return text;
  }

  limits() {
    const flags = this.byte();
    if (flags > 7) throw new WasmFormatError(`unknown limits flags ${flags}`);
    this.u32();
    if (flags & 1) this.u32();
  }

  // Number and vector types, funcref and externref: one byte each (no typed references).
  valueType() {
    const type = this.byte();
    if (![0x7f, 0x7e, 0x7d, 0x7c, 0x7b, 0x70, 0x6f].includes(type)) {
      throw new WasmFormatError(`value type 0x${type.toString(16)} is not understood here`);
    }
  }

  // An import's description: skipped over, its bytes copied as they are.
  importDescription() {
    const from = this.at;
    const kind = this.byte();
    if (kind === 0) this.u32();
    else if (kind === 1) (this.valueType(), this.limits());
    else if (kind === 2) this.limits();
    else if (kind === 3) (this.valueType(), this.byte());
    else if (kind === 4) (this.byte(), this.u32());
    else throw new WasmFormatError(`unknown import kind ${kind}`);
    return this.bytes.subarray(from, this.at);
  }
}

function u32Bytes(value) {
  const out = [];
  do {
    let b = value & 0x7f;
    value = Math.floor(value / 128);
    if (value) b |= 0x80;
    out.push(b);
  } while (value);
  return out;
}

function nameBytes(text) {
  const bytes = encoder.encode(text);
  return [...u32Bytes(bytes.length), ...bytes];
}

// The sections in order: { id, from, to } spans the payload.
function sections(bytes) {
  const magic = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
  if (bytes.length < 8 || magic.some((b, i) => bytes[i] !== b)) throw new WasmFormatError("not a wasm module (version 1)");
  const reader = new Reader(bytes, 8);
  const out = [];
  while (reader.at < bytes.length) {
    const id = reader.byte();
    const size = reader.u32();
    const from = reader.at;
    if (from + size > bytes.length) throw new WasmFormatError(`section ${id} runs past the end`);
    out.push({ id, from, to: from + size });
    reader.at = from + size;
  }
  return out;
}

// The module's imports ({ module, name, description }) and exports ({ name, description }), in order.
export function readNames(bytes) {
  const imports = [];
  const exports = [];
  for (const { id, from, to } of sections(bytes)) {
    if (id !== IMPORT && id !== EXPORT) continue;
    const reader = new Reader(bytes, from, to);
    for (let n = reader.u32(); n > 0; n--) {
      if (id === IMPORT) {
        imports.push({ module: reader.name(), name: reader.name(), description: reader.importDescription() });
      } else {
        const name = reader.name();
        const start = reader.at;
        reader.byte();
        reader.u32();
        exports.push({ name, description: bytes.subarray(start, reader.at) });
      }
    }
    if (reader.at !== to) throw new WasmFormatError(`section ${id} has ${to - reader.at} bytes after its entries`);
  }
  return { imports, exports };
}

// The module with its imports and exports renamed: `rename.imports` maps each import (in order)
// to { module, name }, `rename.exports` each export's name to its new one. Other sections are
// copied byte for byte.
export function writeNames(bytes, rename) {
  const { imports, exports } = readNames(bytes);
  // Pieces, joined at the end: the code section is too long to spread into an array.
  const pieces = [bytes.subarray(0, 8)];
  const section = (id, entries) => {
    const payload = [...u32Bytes(entries.length), ...entries.flat()];
    pieces.push(Uint8Array.from([id, ...u32Bytes(payload.length), ...payload]));
  };
  for (const { id, from, to } of sections(bytes)) {
    if (id === IMPORT) {
      section(id, imports.map((entry, i) => {
        const renamed = rename.imports(entry, i);
        return [...nameBytes(renamed.module), ...nameBytes(renamed.name), ...entry.description];
      }));
    } else if (id === EXPORT) {
      section(id, exports.map((entry) => [...nameBytes(rename.exports(entry.name)), ...entry.description]));
    } else {
      pieces.push(Uint8Array.from([id, ...u32Bytes(to - from)]), bytes.subarray(from, to));
    }
  }
  const out = new Uint8Array(pieces.reduce((sum, piece) => sum + piece.length, 0));
  pieces.reduce((at, piece) => (out.set(piece, at), at + piece.length), 0);
  return out;
}
