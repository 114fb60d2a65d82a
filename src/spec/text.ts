// A spec's text, read a piece at a time and as often as the pipeline walks it: a spec file of 100,000 lines (37 MB
// at 180-character paths) is never held whole, and what is read of it dies with the links read from it.
import * as fs from 'node:fs'
import { keepYoungGeneration } from '../young-generation.js'

/** Pieces of a file read at once: small enough to stay among V8's regular objects (below 128 KiB). */
const PIECE_BYTES = 64 * 1024

export interface SpecText {
  /** The text in pieces, each ending just after a new line (the last one as the text ends), in order. */
  pieces(): Iterable<string>
}

/** A spec given as text (the `links` input): one piece. */
export function specText(text: string): SpecText {
  const bomless = withoutBom(text)
  return { pieces: () => [bomless] }
}

/** Editors on Windows start files with a byte-order mark; YAML misreads one before `- `. */
function withoutBom(piece: string): string {
  return piece.charCodeAt(0) === 0xfeff ? piece.slice(1) : piece
}

/** The pieces of a file, each cut after its last whole line (UTF-8 never has a new-line byte inside a character). */
function* filePieces(file: string): Generator<string, void> {
  const fd = fs.openSync(file, 'r')
  try {
    let buffer = Buffer.allocUnsafe(PIECE_BYTES)
    let first = true
    for (let held = 0; ;) {
      // A line longer than a piece is read on until it ends.
      if (held === buffer.length) buffer = Buffer.concat([buffer, Buffer.allocUnsafe(buffer.length)])
      // A big spec makes a long run, whose young generation is kept from growing on (../young-generation.ts).
      keepYoungGeneration()
      const read = fs.readSync(fd, buffer, held, buffer.length - held, null)
      const end = held + read
      const cut = read === 0 ? end : buffer.lastIndexOf(0x0a, end - 1) + 1
      if (cut > 0) yield first ? withoutBom(buffer.toString('utf8', 0, cut)) : buffer.toString('utf8', 0, cut)
      first &&= cut === 0
      if (read === 0) return
      held = buffer.copy(buffer, 0, cut, end)
    }
  } finally {
    fs.closeSync(fd)
  }
}

/** A spec file (`links: @file`), read again at each walk. */
export function specFile(file: string): SpecText {
  // Its first piece read here, so that a missing or unreadable file is said before anything else is done.
  const check = filePieces(file)
  check.next()
  check.return()
  return { pieces: () => filePieces(file) }
}

/** The whole text, for what reads it at once (a YAML parser, a spec that is rejected and reported whole). */
export function wholeText(spec: SpecText): string {
  return [...spec.pieces()].join('')
}
