// docs/filesystems.md's support matrix is generated from the family table (src/families.ts): this test fails when
// it drifts, and `npm run docs` rewrites it.
import * as fs from 'node:fs'
import * as path from 'node:path'
import { ROOT } from '../scripts/run-action.mjs'
import { supportMatrix } from '../src/families.js'

const PAGE = path.join(ROOT, 'docs', 'filesystems.md')
const rewrite = process.env.npm_lifecycle_event === 'docs'
const cell = (text: string): string => text.replace(/\|/g, '\\|')

function matrix(): string {
  const rows = supportMatrix().map(([family, types, s]) => [
    family,
    `\`${types}\``,
    s.symlink,
    s.hardlink,
    s.replace,
    s.rerun,
    `\`fallback: ${s.fallback}\``
  ])
  return [
    '| family | types (pattern) | symbolic link | hard link | atomic replace | re-run recognised | best fallback |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...rows.map((row) => `| ${row.map(cell).join(' | ')} |`)
  ].join('\n')
}

describe('docs/filesystems.md', () => {
  it('has the support matrix generated from src/families.ts', () => {
    const page = fs.readFileSync(PAGE, 'utf8')
    const pattern = /(<!-- matrix:start -->\n)[\s\S]*?(<!-- matrix:end -->)/
    expect(page).toMatch(pattern)
    const fresh = page.replace(pattern, (_, start: string, end: string) => `${start}${matrix()}\n${end}`)
    if (rewrite) fs.writeFileSync(PAGE, fresh)
    else expect(page).toBe(fresh) // out of date: run `npm run docs`
  })

  it('names every family the lab mounts', () => {
    const families = supportMatrix().map(([family]) => family)
    for (const family of ['rclone', 's3', 'webdav', 'smb', 'bindfs', 'fuse-overlayfs', 'overlay', 'sshfs'])
      expect(families).toContain(family)
  })
})
