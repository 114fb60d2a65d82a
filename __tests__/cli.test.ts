// `npm start -- FILE [flags]` (scripts/local-run.mjs), run as a newcomer runs it: a child process, from a directory
// of their own, with a temporary directory of its own so that anything left behind shows.
import { spawnSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { ACTION, ROOT } from '../scripts/run-action.mjs'
import { describePosixWithActionNode, itPosix, tempWorkspace } from './helpers/action.js'

const SCRIPT = path.join(ROOT, 'scripts', 'local-run.mjs')

interface CliRun {
  status: number | null
  stdout: string
  stderr: string
  /** What the run left in its TMPDIR. */
  leftover: string[]
}

const temps: string[] = []
afterAll(() => temps.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })))

/** The CLI with `args`, started in `cwd` (as INIT_CWD says when npm starts it), with a fresh TMPDIR. */
function cli(args: string[], { cwd = ROOT, npm = false, dashes = true } = {}): CliRun {
  const tmp = tempWorkspace('ln-action-cli-tmp-')
  temps.push(tmp)
  const env: NodeJS.ProcessEnv = { ...process.env, TMPDIR: tmp, INIT_CWD: cwd }
  // npm's own CLI when npm started the tests, else the npm on PATH (jest run directly).
  const npmCli = process.env.npm_execpath ? [process.execPath, process.env.npm_execpath] : ['npm']
  const [command, ...commandArgs] = npm
    ? [...npmCli, '--silent', '--prefix', ROOT, 'start', ...(dashes ? ['--'] : []), ...args]
    : [process.execPath, SCRIPT, ...args]
  if (npm) delete env.INIT_CWD // npm sets it to the directory it was started in
  const run = spawnSync(command, commandArgs, { cwd, env, encoding: 'utf8', timeout: 60_000 })
  const leftover = fs.readdirSync(tmp)
  return { status: run.status, stdout: run.stdout, stderr: run.stderr, leftover }
}

/** A directory holding a spec file with these lines, and a workspace with a file `data.txt` in it. */
function setup(lines: string[]): { dir: string; spec: string; workspace: string } {
  const dir = tempWorkspace('ln-action-cli-')
  temps.push(dir)
  fs.writeFileSync(path.join(dir, 'links.txt'), lines.join('\n') + '\n')
  fs.mkdirSync(path.join(dir, 'ws'))
  fs.writeFileSync(path.join(dir, 'ws', 'data.txt'), 'data\n')
  return { dir, spec: path.join(dir, 'links.txt'), workspace: path.join(dir, 'ws') }
}

const noStackTrace = (text: string): void => expect(text).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m)

describe('usage errors: a message naming the problem, exit 2, nothing run', () => {
  itPosix('--dir naming a directory that does not exist', () => {
    const { spec } = setup(['l -> data.txt'])
    const run = cli([spec, '--dir', '/does/not/exist'])
    expect(run.status).toBe(2)
    expect(run.stderr).toMatch(/--dir.*\/does\/not\/exist.*(does not exist|no such directory)/i)
    expect(run.stdout).not.toMatch(/undefined/)
    expect(fs.existsSync('/does/not/exist')).toBe(false)
  })

  it('a spec file that does not exist', () => {
    const run = cli(['nothing-here.txt'])
    expect(run.status).toBe(2)
    expect(run.stderr).toMatch(/nothing-here\.txt/)
    noStackTrace(run.stderr)
  })

  it('an unknown flag: the usage, no stack trace', () => {
    const run = cli(['--dryrun'])
    expect(run.status).toBe(2)
    expect(run.stderr).toMatch(/--dryrun/)
    expect(run.stderr).toMatch(/usage: npm start/i)
    noStackTrace(run.stderr)
  })

  it('a misspelt flag: says which flag was meant, in a sentence', () => {
    for (const [typed, meant] of [
      ['--dryrun', '--dry-run'],
      ['--no-create-parent', '--no-create-parents'],
      ['--overwirte', '--overwrite']
    ]) {
      const run = cli([typed])
      expect(run.status).toBe(2)
      expect(run.stderr).toContain(`did you mean ${meant}?`)
      expect(run.stderr).not.toMatch(/positional argument/)
    }
  })

  it('a switch given a value that is not true or false', () => {
    const run = cli(['--dry-run=maybe'])
    expect(run.status).toBe(2)
    expect(run.stderr).toMatch(/--dry-run takes true or false/)
  })

  it('flags that npm took for itself because `--` was left out: how to write it', () => {
    const { dir } = setup(['l -> data.txt'])
    const run = cli(['links.txt', '--dir', 'ws', '--no-create-parents'], { cwd: dir, npm: true, dashes: false })
    expect(run.status).toBe(2)
    expect(run.stderr).toMatch(/npm took --dir, --create-parents/)
    expect(run.stderr).toMatch(/put -- between `npm start` and the flags/)
    expect(fs.readdirSync(path.join(dir, 'ws'))).toEqual(['data.txt'])
  })

  it('an input flag without its value', () => {
    const run = cli(['--type'])
    expect(run.status).toBe(2)
    expect(run.stderr).toMatch(/--type/)
    noStackTrace(run.stderr)
  })
})

describe('--help', () => {
  const run = cli(['--help'])

  it('exits 0 and shows the usage', () => {
    expect(run.status).toBe(0)
    expect(run.stdout).toMatch(/usage: npm start -- \[?FILE/i)
  })

  it('documents its own flags', () => {
    for (const flag of ['--dir', '--keep-results', '--debug', '--help']) expect(run.stdout).toContain(flag)
  })

  it('says what each switch and its --no- form do, and which is the default', () => {
    expect(run.stdout).toMatch(
      /--create-parents, --no-create-parents\n.*\n?.*On by default:\s+--no-create-parents\s+turns it off/
    )
    expect(run.stdout).toMatch(/--dry-run, --no-dry-run\n.*\n?.*Off by default:\s+--dry-run\s+turns it on/)
  })

  it('documents every input of action.yml as a flag (links is FILE, working-directory is --dir)', () => {
    const inputs = Object.keys(ACTION.inputs).filter((name) => !['links', 'working-directory'].includes(name))
    const undocumented = inputs.filter((name) => !new RegExp(`--(no-)?${name}\\b`).test(run.stdout))
    expect(undocumented).toEqual([])
    expect(run.stdout).toMatch(/--type[ =]/)
    expect(run.stdout).toMatch(/--fallback[ =]/)
  })
})

describePosixWithActionNode('a run of the bundled action (npm start)', () => {
  it('resolves a relative FILE and --dir against the directory npm start was run from', () => {
    const { dir, workspace } = setup(['l -> data.txt'])
    const run = cli(['links.txt', '--dir', 'ws'], { cwd: dir, npm: true })
    expect(run.stderr).toBe('')
    expect(run.status).toBe(0)
    expect(fs.readlinkSync(path.join(workspace, 'l'))).toBe('data.txt')
  })

  it('leaves no temporary directory behind', () => {
    const { spec } = setup(['l -> data.txt'])
    const run = cli([spec])
    expect(run.status).toBe(0)
    expect(run.leftover).toEqual([])
  })

  it('keeps the results file when asked, and says where', () => {
    const { spec, workspace } = setup(['l -> data.txt'])
    const run = cli([spec, '--dir', workspace, '--keep-results'])
    expect(run.status).toBe(0)
    const file = /results-file: *(\S+\.json)/.exec(run.stdout)?.[1] ?? ''
    expect(run.leftover).toEqual([path.basename(path.dirname(file))])
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual([
      expect.objectContaining({ status: 'created', kind: 'symlink' })
    ])
  })

  it('prints only the outputs that were set (a rejected spec sets fewer)', () => {
    const { spec, workspace } = setup(['l -> data.txt', 'l -> data.txt'])
    const run = cli([spec, '--dir', workspace])
    expect(run.status).toBe(1)
    expect(run.stdout).toMatch(/line 2/)
    expect(run.stdout).not.toMatch(/undefined|=\s/)
  })

  it('renders workflow commands for a terminal: warnings and errors with their line, no raw ::', () => {
    const { spec, workspace } = setup(['# a comment', 'dangles -> nothing/here'])
    const warned = cli([spec, '--dir', workspace])
    expect(warned.stdout).toMatch(/^warning: links line 2: .*nothing\/here/m)
    expect(warned.stdout).not.toMatch(/^::/m)
    fs.writeFileSync(spec, ['a -> data.txt', 'a -> data.txt'].join('\n'))
    const failed = cli([spec, '--dir', workspace])
    expect(failed.stdout).toMatch(/^error: links line 2: /m)
    expect(failed.stdout).not.toMatch(/^::/m)
  })

  it('shows a long log under a heading instead of ::group::', () => {
    const { spec, workspace } = setup(Array.from({ length: 12 }, (_, i) => `l${i} -> data.txt`))
    const run = cli([spec, '--dir', workspace])
    expect(run.status).toBe(0)
    expect(run.stdout).toMatch(/^.*Links \(12\).*$/m)
    expect(run.stdout).not.toMatch(/^::/m)
  })

  it('shows debug messages only with --debug', () => {
    const { spec, workspace } = setup(['l -> data.txt'])
    expect(cli([spec, '--dir', workspace, '--dry-run']).stdout).not.toMatch(/settings/)
    expect(cli([spec, '--dir', workspace, '--dry-run', '--debug']).stdout).toMatch(/^debug: settings/m)
  })

  it('passes input flags to the action: --type hardlink makes a hard link, --fallback is accepted', () => {
    const { spec, workspace } = setup(['h -> data.txt'])
    const run = cli([spec, '--dir', workspace, '--type', 'hardlink', '--fallback', 'symlink'])
    expect(run.status).toBe(0)
    expect(fs.statSync(path.join(workspace, 'h')).ino).toBe(fs.statSync(path.join(workspace, 'data.txt')).ino)
  })

  it('passes boolean inputs: --no-create-parents leaves a missing parent missing', () => {
    const { spec, workspace } = setup(['sub/l -> data.txt'])
    const run = cli([spec, '--dir', workspace, '--no-create-parents'])
    expect(run.status).toBe(1)
    expect(run.stdout).toMatch(/ENOENT/)
    expect(fs.existsSync(path.join(workspace, 'sub'))).toBe(false)
  })

  it.each([
    [['--dry-run'], true],
    [['--dry-run', 'true'], true],
    [['--dry-run=true'], true],
    [['--dry-run', 'false'], false],
    [['--no-dry-run'], false]
  ])('takes a switch as people type it: %j', (flags, dry) => {
    const { spec, workspace } = setup(['l -> data.txt'])
    const run = cli([spec, '--dir', workspace, ...flags])
    expect(run.status).toBe(0)
    expect(fs.existsSync(path.join(workspace, 'l'))).toBe(!dry)
  })

  it('--create-parents false leaves a missing parent missing, as --no-create-parents does', () => {
    const { spec, workspace } = setup(['sub/l -> data.txt'])
    const run = cli([spec, '--dir', workspace, '--create-parents', 'false'])
    expect(run.status).toBe(1)
    expect(run.stdout).toMatch(/ENOENT/)
    expect(fs.existsSync(path.join(workspace, 'sub'))).toBe(false)
  })

  it('gives its advice as flags: --overwrite, not the input of a workflow', () => {
    const { spec, workspace } = setup(['l -> data.txt'])
    fs.writeFileSync(path.join(workspace, 'l'), 'mine')
    const run = cli([spec, '--dir', workspace])
    expect(run.status).toBe(1)
    expect(run.stdout).toMatch(/`--overwrite files`/)
    expect(run.stdout).not.toMatch(/`overwrite: /)
  })

  it('--cleanup runs the post step after the main step, as the end of the job would, and says what it undid', () => {
    const { spec, workspace } = setup(['l -> data.txt'])
    const run = cli([spec, '--dir', workspace, '--cleanup'])
    expect(run.status).toBe(0)
    expect(run.stdout).toMatch(/post step/)
    expect(run.stdout).toMatch(/removed/)
    expect(fs.existsSync(path.join(workspace, 'l'))).toBe(false)
    expect(fs.readdirSync(workspace)).toEqual(['data.txt'])
  })

  it('says a spec problem once, on one line: a YAML tab as what it is', () => {
    const { spec, workspace } = setup(['- path: a', '\ttarget: data.txt'])
    const run = cli([spec, '--dir', workspace])
    expect(run.status).toBe(1)
    const said = run.stdout.split('\n').filter((line) => /line 2/.test(line))
    expect(said).toEqual(['error: links line 2: YAML: a tab in the indentation; YAML indents with spaces only'])
    expect(run.stdout).toMatch(/outputs: .*failed=1\b/)
  })

  it("says a link's warning once, on one line: a dangling TARGET", () => {
    const { spec, workspace } = setup(['l -> missing.txt'])
    const run = cli([spec, '--dir', workspace])
    expect(run.status).toBe(0)
    expect(run.stdout.split('\n').filter((line) => line.includes('missing.txt does not exist'))).toHaveLength(1)
    expect(fs.readlinkSync(path.join(workspace, 'l'))).toBe('missing.txt')
  })

  it('warns of a spec with no links in it instead of passing in silence', () => {
    const { spec, workspace } = setup(['# nothing yet'])
    const run = cli([spec, '--dir', workspace])
    expect(run.status).toBe(0)
    expect(run.stdout).toMatch(/^warning: No links in the spec/m)
    expect(run.stdout).toMatch(/^0 links: /m)
  })

  it('words a dry run as a person would: unchanged, nothing to remove, 1 link', () => {
    const { spec, workspace } = setup(['l -> data.txt'])
    expect(cli([spec, '--dir', workspace]).status).toBe(0)
    const again = cli([spec, '--dir', workspace, '--dry-run'])
    expect(again.stdout).toMatch(/^unchanged +symlink +l -> data\.txt$/m)
    expect(again.stdout).toMatch(/^1 link: /m)
    fs.writeFileSync(spec, 'gone\n')
    const absent = cli([spec, '--dir', workspace, '--state', 'absent', '--dry-run'])
    expect(absent.stdout).toMatch(/^unchanged +nothing to remove at gone$/m)
    expect(absent.stdout).not.toMatch(/would unchanged|gone -> $/m)
  })
})
