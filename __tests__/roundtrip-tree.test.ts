// scripts/roundtrip-tree.mjs, which test.yml's round-trip jobs run on every runner: it builds the tree they capture,
// and after the artifact or cache round trip and the restore it passes only when every link is back as it was made.
// Run here against real trees in temp dirs, one defect at a time.
import { spawnSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { ROOT } from '../scripts/run-action.mjs'
import { describeUnless } from './helpers/skip.js'

const SCRIPT = path.join(ROOT, 'scripts', 'roundtrip-tree.mjs')
const LINKS = ['file-link', 'dir-link', 'sub/up', 'hard/two.txt']

const tree = (command: string, dir: string) => {
  const run = spawnSync(process.execPath, [SCRIPT, command, dir], { encoding: 'utf8' })
  // The names the check says are not back, from its `::error::NAME ...` lines.
  const named = [...run.stdout.matchAll(/^::error::(\S+?):? /gm)].map(([, name]) => name.replace(/\\/g, '/'))
  return { status: run.status, named, stdout: run.stdout }
}

/** Why this machine cannot make symbolic links (Windows without the privilege), or undefined. */
function whyNoSymlinks(): string | undefined {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ln-action-probe-'))
  try {
    fs.symlinkSync('x', path.join(dir, 'l'))
    return undefined
  } catch (error) {
    return `no symbolic links here (${(error as NodeJS.ErrnoException).code})`
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

describeUnless(whyNoSymlinks())('scripts/roundtrip-tree.mjs', () => {
  let dir: string
  let made: string
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ln-action-roundtrip-'))
    made = path.join(dir, 'tree')
    expect(tree('make', made).status).toBe(0)
  })
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }))

  /** Replace what is at rel by a new file (not writing through a link or into a hard-link pair). */
  const put = (rel: string, content: string) => {
    fs.rmSync(path.join(made, rel), { recursive: true })
    fs.writeFileSync(path.join(made, rel), content)
  }

  it('makes a file symlink, a directory symlink, one up through `..` and a hard-link pair, and passes them', () => {
    const at = (rel: string) => fs.lstatSync(path.join(made, rel), { bigint: true })
    expect(LINKS.slice(0, 3).map((rel) => at(rel).isSymbolicLink())).toEqual([true, true, true])
    expect(fs.readlinkSync(path.join(made, 'sub/up')).replace(/\\/g, '/')).toBe('../data/a.txt')
    expect(fs.statSync(path.join(made, 'dir-link')).isDirectory()).toBe(true)
    expect(at('hard/two.txt').ino).toBe(at('hard/one.txt').ino)
    expect(tree('check', made)).toMatchObject({ status: 0, named: [] })
  })

  it('fails, naming every link, after a round trip that follows links and stores copies (as upload-artifact)', () => {
    const copied = path.join(dir, 'copied')
    fs.cpSync(made, copied, { recursive: true, dereference: true })
    expect(tree('check', copied)).toMatchObject({ status: 1, named: LINKS })
  })

  it('fails for a symbolic link with another text, even one leading to the same file', () => {
    fs.rmSync(path.join(made, 'file-link'))
    fs.symlinkSync('./data/a.txt', path.join(made, 'file-link'))
    expect(tree('check', made)).toMatchObject({ status: 1, named: ['file-link'] })
  })

  it('fails for links whose text is right but lead to other content, and for that file', () => {
    put('data/dir/inner.txt', 'something else\n')
    expect(tree('check', made)).toMatchObject({ status: 1, named: ['data/dir/inner.txt', 'dir-link'] })
  })

  it('fails for a hard link that became a file of its own with the same bytes', () => {
    put('hard/two.txt', fs.readFileSync(path.join(made, 'hard/one.txt'), 'utf8'))
    expect(tree('check', made)).toMatchObject({ status: 1, named: ['hard/two.txt'] })
  })

  it('fails for a link that is missing', () => {
    fs.rmSync(path.join(made, 'sub/up'))
    expect(tree('check', made)).toMatchObject({ status: 1, named: ['sub/up'] })
  })

  it('refuses a command it does not know', () => {
    expect(tree('verify', made).status).toBe(2)
  })
})
