// Strings kept for a whole run are copies: a name cut from the spec is a slice of the piece it was read from, and V8
// keeps a slice's whole source alive, so a directory name kept in a cache would keep 64 KiB of the spec with it.

/** A copy of `s` that holds nothing of the text it was cut from (a concatenation is copied flat when sliced). */
export function own(s: string): string {
  return (' ' + s).slice(1)
}
