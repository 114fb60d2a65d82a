// Capture, step one: what is under a captured root, found without following a single link. The walk stays on the
// root's filesystem (a mount below it is noted, not entered) and keeps only what a spec can record: symbolic links
// with their text, and files with more than one name (hard-link groups are made of them in groups.ts).
import * as fs from 'node:fs'

/** A symbolic link under the root: its path relative to the root (`/`-separated) and its text as stored. */
export interface FoundLink {
  rel: string
  /** The real directory the link is in: where its text leads from. */
  dir: string
  text: string
}

/** A regular file with other names: which file it is (device and inode) and how many names it has in all. */
export interface FoundFile {
  rel: string
  id: string
  nlink: number
}

/** Something under the root that is not captured, and why. */
export interface Note {
  rel: string
  why: string
}

export interface Walked {
  links: FoundLink[]
  files: FoundFile[]
  /** Entries a spec cannot spell, and mounts not entered. */
  refused: Note[]
  skipped: Note[]
}

/** A name as Node decodes it, or undefined where the bytes are not UTF-8 (a spec is text: the name would change). */
function decoded(bytes: Buffer): string | undefined {
  const text = bytes.toString('utf8')
  return Buffer.from(text, 'utf8').equals(bytes) ? text : undefined
}

/**
 * Everything under `root` (a real directory path) that a capture records, in no particular order; `skip` names the
 * root's own entries that are not part of the tree (the capture file itself).
 */
export function walk(root: string, skip: ReadonlySet<string> = new Set()): Walked {
  const walked: Walked = { links: [], files: [], refused: [], skipped: [] }
  const rootDev = fs.lstatSync(root, { bigint: true }).dev
  const pending: { dir: string; rel: string }[] = [{ dir: root, rel: '' }]
  for (let next = pending.pop(); next; next = pending.pop()) {
    for (const bytes of fs.readdirSync(next.dir, { encoding: 'buffer' })) {
      const name = decoded(bytes)
      const shown = name ?? bytes.toString('utf8')
      const rel = next.rel === '' ? shown : `${next.rel}/${shown}`
      if (next.rel === '' && skip.has(shown)) continue
      if (name === undefined) {
        refuseIfRecorded(Buffer.concat([Buffer.from(`${next.dir}/`), bytes]), rel, walked)
        continue
      }
      const full = next.dir === '/' ? `/${name}` : `${next.dir}/${name}`
      if (visit(full, rel, next.dir, rootDev, walked)) pending.push({ dir: full, rel })
    }
  }
  return walked
}

/** A name a spec cannot spell matters where it is a link, a directory (links may be below) or a name of a shared file. */
function refuseIfRecorded(full: Buffer, rel: string, walked: Walked): void {
  const stats = fs.lstatSync(full)
  if (stats.isSymbolicLink() || stats.isDirectory() || (stats.isFile() && stats.nlink > 1))
    walked.refused.push({ rel, why: 'its name is not UTF-8, so a spec cannot spell it' })
}

/** Records one entry; true for a directory to walk into. */
function visit(full: string, rel: string, dir: string, rootDev: bigint, walked: Walked): boolean {
  const stats = fs.lstatSync(full, { bigint: true })
  if (stats.isSymbolicLink()) {
    const text = decoded(fs.readlinkSync(full, { encoding: 'buffer' }))
    if (text === undefined) walked.refused.push({ rel, why: 'its link text is not UTF-8, so a spec cannot spell it' })
    else walked.links.push({ rel, dir, text })
    return false
  }
  if (stats.isDirectory()) {
    if (stats.dev === rootDev) return true
    walked.skipped.push({ rel, why: 'another filesystem is mounted there: not walked' })
    return false
  }
  if (stats.isFile() && stats.nlink > 1n)
    walked.files.push({ rel, id: `${stats.dev}:${stats.ino}`, nlink: Number(stats.nlink) })
  return false
}
