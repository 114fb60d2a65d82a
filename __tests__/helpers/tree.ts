// What a captured or restored tree holds, to compare two of them: every symlink's text, every hard-link group and
// every regular file's content, by path relative to the tree.
import * as fs from 'node:fs'
import * as path from 'node:path'

export interface TreeLinks {
  texts: Record<string, string>
  /** Names of one file (nlink > 1), each group sorted, the groups sorted. */
  groups: string[][]
  files: Record<string, string>
}

export function treeOf(dir: string): TreeLinks {
  const texts: Record<string, string> = {}
  const files: Record<string, string> = {}
  const byInode = new Map<number, string[]>()
  const walk = (d: string): void => {
    for (const name of fs.readdirSync(d).sort()) {
      const p = path.join(d, name)
      const rel = path.relative(dir, p)
      const st = fs.lstatSync(p)
      if (st.isSymbolicLink()) texts[rel] = fs.readlinkSync(p)
      else if (st.isDirectory()) walk(p)
      else {
        files[rel] = fs.readFileSync(p, 'utf8')
        if (st.nlink > 1) byInode.set(st.ino, [...(byInode.get(st.ino) ?? []), rel])
      }
    }
  }
  walk(dir)
  return { texts, groups: [...byInode.values()].map((g) => g.sort()).sort(), files }
}
