import { lineScanWasm } from './line-scan-wasm'

/** What one scan of complete lines found. */
export interface LineScan {
  /** Lines read. */
  readonly lines: number
  /** Lines with an exchange marker, not too long: (start, newline, line number from 1) each. */
  readonly marked: Int32Array
  readonly notLogLine: number
  readonly tooLong: number
}

/** A mutable global of the module, as JavaScript sees it. */
interface WasmGlobal {
  readonly value: number
}

interface LineScanExports {
  readonly memory: { readonly buffer: ArrayBuffer; readonly grow: (pages: number) => number }
  readonly lineNo: WasmGlobal
  readonly notLogLine: WasmGlobal
  readonly tooLong: WasmGlobal
  readonly scan: (end: number, maxLine: number, out: number) => number
  readonly reset: () => void
}

/** The part of the WebAssembly API used here (Node's types do not declare it without the DOM's). */
interface WasmApi {
  readonly Module: new (bytes: Uint8Array) => object
  readonly Instance: new (module: object) => { readonly exports: unknown }
}

/** Bytes the scanner may read past the last line (its 16-byte loads and marker checks). */
const padding = 64
const pageBytes = 64 * 1024

let scanner: LineScanExports | undefined

/** The module, compiled once per thread on first use (a few kilobytes: synchronous is fine). */
function instance(): LineScanExports {
  if (!scanner) {
    const api = (globalThis as unknown as { readonly WebAssembly: WasmApi }).WebAssembly
    const module = new api.Module(Buffer.from(lineScanWasm, 'base64'))
    scanner = new api.Instance(module).exports as LineScanExports
  }
  return scanner
}

/**
 * Reads the complete lines in `bytes[0, end)` (`end` just after a newline) with the WebAssembly
 * scanner (line-scan.wat): numbers them, counts the ones too long and the ones that do not look
 * like log lines, and lists the ones that hold an exchange marker. The bytes are copied into the
 * module's memory (a copy at memory speed); nothing is decoded here.
 */
export function scanLines(bytes: Uint8Array, end: number, maxLine: number): LineScan {
  const wasm = instance()
  // At most one marked line per 5 bytes ("HTTP" and its newline), three i32 each.
  const out = (end + padding + 7) & ~7
  const need = out + (Math.floor(end / 5) + 1) * 12
  const have = wasm.memory.buffer.byteLength
  if (need > have) {
    wasm.memory.grow(Math.ceil((need - have) / pageBytes))
  }
  new Uint8Array(wasm.memory.buffer, 0, end).set(bytes.subarray(0, end))
  wasm.reset()
  const count = wasm.scan(end, maxLine, out)
  return {
    lines: wasm.lineNo.value,
    // A copy: the module's memory is reused by the next scan, which a handler may start.
    marked: new Int32Array(wasm.memory.buffer, out, count * 3).slice(),
    notLogLine: wasm.notLogLine.value,
    tooLong: wasm.tooLong.value,
  }
}
