// A smoke run of dist on this OS's real links (Linux, macOS, Windows alike): a file link, a directory link and a
// hard link made, read back with the OS's own idea of them, and found unchanged by a second run. Nothing here
// assumes POSIX link texts, so ci.yml runs it on every runner.
import * as fs from 'node:fs'
import * as path from 'node:path'
import { describeWithActionNode, runAction, tempWorkspace } from './helpers/action.js'

let ws: string
beforeEach(() => {
  ws = tempWorkspace()
  fs.mkdirSync(path.join(ws, 'data', 'dir'), { recursive: true })
  fs.writeFileSync(path.join(ws, 'data', 'file.txt'), 'content\n')
  fs.writeFileSync(path.join(ws, 'data', 'dir', 'inner.txt'), 'inner\n')
})
afterEach(() => fs.rmSync(ws, { recursive: true, force: true }))

const SPEC = [
  '- { path: out/file, target: data/file.txt }',
  '- { path: out/dir, target: data/dir }',
  '- { path: out/hard, target: data/file.txt, type: hardlink }'
].join('\n')

describeWithActionNode(`dist on real links of ${process.platform}`, () => {
  it('makes a file link, a directory link and a hard link, then finds them unchanged', () => {
    const first = runAction(ws, { links: SPEC })
    expect(first.annotations.filter((a) => a.level === 'error')).toEqual([])
    expect(first.status).toBe(0)
    expect(first.results.map((r) => `${r.status} ${r.kind}`)).toEqual([
      'created symlink',
      'created symlink',
      'created hardlink'
    ])
    const at = (rel: string): string => path.join(ws, 'out', rel)
    expect(fs.lstatSync(at('file')).isSymbolicLink()).toBe(true)
    expect(fs.realpathSync(at('file'))).toBe(fs.realpathSync(path.join(ws, 'data', 'file.txt')))
    expect(fs.readFileSync(path.join(at('dir'), 'inner.txt'), 'utf8')).toBe('inner\n')
    expect(fs.statSync(at('hard')).ino).toBe(fs.statSync(path.join(ws, 'data', 'file.txt')).ino)

    const second = runAction(ws, { links: SPEC })
    expect(second.status).toBe(0)
    expect(second.outputs).toMatchObject({ unchanged: '3', changed: 'false' })
  })
})
