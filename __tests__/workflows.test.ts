// The repository's own automation, checked like code: every workflow declares least permissions and pins
// third-party actions to a commit, the release workflow moves the major tag, the changelog covers the version in
// package.json, and action.yml carries what the Marketplace shows.
import { execFileSync, spawnSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { parse } from 'yaml'
import { ACTION, ROOT } from '../scripts/run-action.mjs'
import type { LinkOptions } from '../src/model.js'
import { jobsOfDoc, orderProblems, stagesOf, tripFacts, tripOf } from './helpers/roundtrip.js'
import { describeUnless } from './helpers/skip.js'
import {
  inputProblems,
  outputProblems,
  runnersOf,
  shellProblems,
  ubuntuChromiumProblems,
  type Job as CheckedJob,
  type Step as CheckedStep
} from './helpers/workflow-checks.js'

const WORKFLOWS = path.join(ROOT, '.github', 'workflows')
const workflowFiles = fs
  .readdirSync(WORKFLOWS)
  .filter((name) => /\.ya?ml$/.test(name))
  .sort()

interface Step {
  uses?: string
  run?: string
  with?: Record<string, unknown>
}
interface Job {
  permissions?: unknown
  uses?: string
  steps?: Step[]
}
interface Workflow {
  on?: unknown
  permissions?: unknown
  jobs?: Record<string, Job>
}

function readWorkflow(name: string): { text: string; workflow: Workflow } {
  const text = fs.readFileSync(path.join(WORKFLOWS, name), 'utf8')
  return { text, workflow: parse(text) as Workflow }
}

/** Every `uses:` of a workflow: steps' actions and jobs' reusable workflows. */
function usesOf(workflow: Workflow): string[] {
  return Object.values(workflow.jobs ?? {}).flatMap((job) => [
    ...(job.uses ? [job.uses] : []),
    ...(job.steps ?? []).flatMap((step) => (step.uses ? [step.uses] : []))
  ])
}

/** Local actions (`./`) and Docker images pinned by digest need no commit pin. */
const isLocal = (uses: string): boolean => uses.startsWith('./')
const PINNED = /^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/
const PINNED_DOCKER = /^docker:\/\/[^@]+@sha256:[0-9a-f]{64}$/

/**
 * The comment above a job that says whether it ever ran on GitHub (CONTRIBUTING.md, Releasing: the first run): never,
 * or the date of a run that passed and its address.
 */
const HAS_RUN =
  /^\s*# Has run on GitHub: (never\b|\d{4}-\d{2}-\d{2}, https:\/\/github\.com\/[\w.-]+\/[\w.-]+\/actions\/runs\/\d+)/

/** `permissions:` values that grant no write: a scope map of read/none, `read-all` or `{}`. */
function grantsWrite(permissions: unknown): boolean {
  if (permissions === 'write-all') return true
  if (permissions && typeof permissions === 'object') return Object.values(permissions).some((v) => v === 'write')
  return false
}

it('there are workflows to check', () => {
  expect(workflowFiles).toEqual(expect.arrayContaining(['ci.yml', 'codeql.yml', 'release.yml']))
})

describe.each(workflowFiles)('.github/workflows/%s', (name) => {
  const { text, workflow } = readWorkflow(name)

  it('parses, with triggers and jobs', () => {
    expect(workflow.on).toBeDefined()
    expect(Object.keys(workflow.jobs ?? {}).length).toBeGreaterThan(0)
  })

  it('declares top-level permissions that write nothing (jobs ask for what they need)', () => {
    expect(workflow).toHaveProperty('permissions')
    expect(workflow.permissions).not.toBeNull()
    expect(grantsWrite(workflow.permissions)).toBe(false)
  })

  it('never grants write-all to a job', () => {
    for (const job of Object.values(workflow.jobs ?? {})) expect(job.permissions).not.toBe('write-all')
  })

  it('pins every third-party action to a full commit SHA', () => {
    const unpinned = usesOf(workflow).filter(
      (uses) => !isLocal(uses) && !PINNED.test(uses) && !PINNED_DOCKER.test(uses)
    )
    expect(unpinned).toEqual([])
  })

  it('hands expressions to scripts through env:, never inside a run: script (no injection, no quoting trouble)', () => {
    const steps = Object.values(workflow.jobs ?? {}).flatMap((job) => job.steps ?? [])
    expect(steps.filter((step) => (step.run ?? '').includes('${{')).map((step) => step.run)).toEqual([])
  })

  it("installs no apt chromium on an Ubuntu runner, in its steps or the repository's scripts they run", () => {
    const readScript = (word: string): string | undefined => {
      const file = path.join(ROOT, word)
      return word.includes('/') && fs.existsSync(file) && fs.statSync(file).isFile()
        ? fs.readFileSync(file, 'utf8')
        : undefined
    }
    const problems = Object.entries(workflow.jobs ?? {}).flatMap(([id, job]) =>
      ubuntuChromiumProblems(job as CheckedJob, readScript).map((problem) => `${id}: ${problem}`)
    )
    expect(problems).toEqual([])
  })

  it("says `shell: bash` on every script that reads bash's $VAR and may run on Windows (pwsh there)", () => {
    const problems = Object.entries(workflow.jobs ?? {}).flatMap(([id, job]) =>
      shellProblems(job as CheckedJob).map((problem) => `${id}: ${problem}`)
    )
    expect(problems).toEqual([])
  })

  it('says above each job whether it has run on GitHub: never, or the date and the run', () => {
    const lines = text.split('\n')
    const unsaid = Object.keys(workflow.jobs ?? {}).filter((id) => {
      const at = lines.indexOf(`  ${id}:`)
      let above = at - 1
      while (above >= 0 && /^\s*#/.test(lines[above])) above--
      return !lines.slice(above + 1, at).some((line) => HAS_RUN.test(line))
    })
    expect(unsaid).toEqual([])
  })

  it('says which version each pinned SHA is, in a comment on the same line', () => {
    const lines = text
      .split('\n')
      .filter((line) => /^\s*(-\s+)?uses:\s*[^.\s]/.test(line) && !/uses:\s*['"]?\.\//.test(line))
    const uncommented = lines.filter((line) => !/@[0-9a-f]{40}['"]?\s+#\s*v\d+(\.\d+){0,2}\b/.test(line))
    expect(uncommented).toEqual([])
  })
})

describe('the check against apt chromium on Ubuntu', () => {
  const noScripts = (): undefined => undefined
  const job = (more: Partial<CheckedJob>, run: string): CheckedJob => ({
    'runs-on': 'ubuntu-latest',
    steps: [{ run }],
    ...more
  })

  it('finds it in a step, across continuation lines, and in a script the step runs', () => {
    expect(ubuntuChromiumProblems(job({}, 'sudo apt-get install -y \\\n  fonts chromium'), noScripts)).toHaveLength(1)
    expect(ubuntuChromiumProblems(job({}, 'sudo apt install chromium-browser'), noScripts)).toHaveLength(1)
    const script = (file: string) => (file === '.ci/x' ? 'apt-get install -qq chromium >/dev/null\n' : undefined)
    expect(ubuntuChromiumProblems(job({}, 'sudo bash .ci/x'), script)).toHaveLength(1)
  })

  it('leaves Debian containers, other runners, comments and other packages alone', () => {
    const install = 'apt-get install -y chromium'
    expect(ubuntuChromiumProblems(job({ container: 'debian:12' }, install), noScripts)).toEqual([])
    expect(ubuntuChromiumProblems(job({ 'runs-on': 'macos-latest' }, install), noScripts)).toEqual([])
    expect(ubuntuChromiumProblems(job({}, 'apt-get install -y fonts-noto # not chromium'), noScripts)).toEqual([])
    const matrix = { 'runs-on': '${{ matrix.os }}', strategy: { matrix: { os: ['windows-latest', 'ubuntu-24.04'] } } }
    expect(ubuntuChromiumProblems(job(matrix, install), noScripts)).toHaveLength(1)
  })
})

describe('the check of the shell a script runs in', () => {
  const job = (more: Partial<CheckedJob>, step: CheckedStep): CheckedJob => ({
    'runs-on': '${{ matrix.os }}',
    strategy: { matrix: { os: ['ubuntu-latest', 'windows-latest'] } },
    steps: [step],
    ...more
  })
  const echo = { name: 'show', run: 'echo "made a $KIND"', env: { KIND: '${{ steps.ln.outputs.kind }}' } }

  it('refuses $VAR or ${VAR} without `shell:` in a step that may run on Windows, or whose runners are unknown', () => {
    expect(shellProblems(job({}, echo))).toEqual([expect.stringContaining('$KIND')])
    expect(shellProblems(job({}, { run: 'test "${COUNT}" = 2' }))).toEqual([expect.stringContaining('${COUNT}')])
    expect(shellProblems({ steps: [echo] })).toHaveLength(1)
    expect(shellProblems(job({ 'runs-on': 'windows-latest', strategy: undefined }, echo))).toHaveLength(1)
  })

  it('takes a shell said by the step or the job, runners without Windows, an `if:` off Windows, and $env:VAR', () => {
    expect(shellProblems(job({}, { ...echo, shell: 'bash' }))).toEqual([])
    expect(shellProblems(job({ defaults: { run: { shell: 'bash' } } }, echo))).toEqual([])
    expect(shellProblems(job({ 'runs-on': 'ubuntu-latest', strategy: undefined }, echo))).toEqual([])
    expect(shellProblems(job({}, { ...echo, if: "runner.os != 'Windows'" }))).toEqual([])
    expect(shellProblems(job({}, { run: 'Write-Host "made a $env:KIND" # not $KIND' }))).toEqual([])
  })

  it('asks a step that reads outputs to say its shell, where asked (the docs), even without $VAR', () => {
    const plain = { run: 'echo ok', env: { N: '${{ steps.ln.outputs.created }}' } }
    expect(shellProblems(job({ 'runs-on': 'ubuntu-latest', strategy: undefined }, plain), true)).toEqual([
      expect.stringContaining('outputs')
    ])
    expect(shellProblems(job({}, plain))).toEqual([])
  })
})

describe('ci.yml', () => {
  it('runs the unit tests on Linux, macOS and Windows, besides the lab as root on Linux', () => {
    const { workflow } = readWorkflow('ci.yml')
    const jobs = Object.values(workflow.jobs ?? {}) as (Job & { strategy?: { matrix?: { os?: string[] } } })[]
    const unit = jobs.find((job) => (job.steps ?? []).some((step) => step.run === 'npm test'))
    expect(unit?.strategy?.matrix?.os).toEqual(['ubuntu-latest', 'macos-latest', 'windows-latest'])
    expect(jobs.some((job) => (job.steps ?? []).some((step) => /\.ci\/run/.test(step.run ?? '')))).toBe(true)
  })

  it('uploads the screenshots of the rendered job summary after the .ci/run job, whatever its outcome', () => {
    const { workflow } = readWorkflow('ci.yml')
    const steps = Object.values(workflow.jobs ?? {}).find((job) =>
      (job.steps ?? []).some((step) => /\.ci\/run/.test(step.run ?? ''))
    )?.steps as (Step & { if?: string })[]
    const upload = steps.find((step) => step.uses?.startsWith('actions/upload-artifact@'))
    expect(upload?.if).toMatch(/always\(\)/)
    expect(String(upload?.with?.path)).toContain('__tests__/_artifacts/')
  })
})

describe('mutation.yml', () => {
  const { workflow } = readWorkflow('mutation.yml')
  const on = workflow.on as Record<string, unknown>
  const steps = Object.values(workflow.jobs ?? {}).flatMap((job) => job.steps ?? []) as (Step & { if?: string })[]

  it('runs on a schedule and by hand, never on pushes or pull requests (it takes long)', () => {
    expect(Object.keys(on).sort()).toEqual(['schedule', 'workflow_dispatch'])
    expect(on.schedule).toEqual([{ cron: expect.stringMatching(/^\S+( \S+){4}$/) }])
  })

  it('runs `npm run mutate`, which runs Stryker with the repository config', () => {
    expect(steps.some((step) => /^npm run mutate\b/.test(step.run ?? ''))).toBe(true)
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>
    }
    expect(pkg.scripts.mutate).toMatch(/^stryker run\b/)
  })

  it('uploads the HTML report from where Stryker writes it, whatever the outcome', async () => {
    const { default: config } = (await import(path.join(ROOT, 'stryker.config.mjs'))) as {
      default: { htmlReporter: { fileName: string }; mutate: string[] }
    }
    const upload = steps.find((step) => step.uses?.startsWith('actions/upload-artifact@'))
    expect(upload?.if).toMatch(/always\(\)/)
    expect(config.htmlReporter.fileName.startsWith(String(upload?.with?.path))).toBe(true)
    // Every module; the jobs split them in groups (mutation-scores.test.ts checks the groups cover src/).
    expect(config.mutate).toEqual(['src/**/*.ts'])
  })
})

describe('release.yml', () => {
  const { workflow } = readWorkflow('release.yml')
  const runs = Object.values(workflow.jobs ?? {})
    .flatMap((job) => job.steps ?? [])
    .map((step) => step.run ?? '')
    .join('\n')
  const jobOf = (pattern: RegExp) =>
    Object.entries(workflow.jobs ?? {}).find(([, job]) => (job.steps ?? []).some((s) => pattern.test(s.run ?? '')))

  it('runs on a vX.Y.Z tag, and again when its release is published', () => {
    expect(workflow.on).toMatchObject({
      push: { tags: expect.arrayContaining(['v*.*.*']) },
      release: { types: ['published'] }
    })
  })

  it('verifies dist/ and the changelog before releasing', () => {
    expect(runs).toMatch(/npm run check-dist|git diff[^\n]*dist/)
    expect(runs).toContain('CHANGELOG.md')
  })

  it('creates the GitHub release as a draft and never publishes it (immutable releases could not be listed then)', () => {
    const creates = runs.split('\n').filter((line) => /gh release create/.test(line))
    expect(creates).toEqual([expect.stringMatching(/ --draft\b/)])
    expect(runs).not.toMatch(/gh release edit[^\n]*--draft[= ]false|gh api[^\n]*draft=false/)
  })

  it('moves the major tag vX only once the release is published (by a maintainer)', () => {
    const forcedRef = /gh api[^\n]*(PATCH|-X\s*PATCH)[^\n]*git\/refs\/tags\/[^\n]*force=true/
    const [, mover] = jobOf(forcedRef) ?? []
    expect((mover as { if?: string } | undefined)?.if).toMatch(/github\.event_name == 'release'/)
    expect(runs).toMatch(/MAJOR/)
  })

  it('moves it only where GITHUB_TOKEN may: the tagged commit has the workflow files of a branch tip', () => {
    const [, mover] = jobOf(/git\/refs\/tags\//) ?? []
    const script = (mover?.steps ?? []).map((step) => step.run ?? '').join('\n')
    const check = script.search(/:\.github\/workflows/)
    expect(check).toBeGreaterThan(-1)
    expect(check).toBeLessThan(script.search(/gh api --method/))
  })

  it('only the jobs that write ask for contents: write', () => {
    const writers = Object.entries(workflow.jobs ?? {}).filter(([, job]) => grantsWrite(job.permissions))
    expect(writers.map(([id]) => id)).toEqual(['draft', 'major-tag'])
  })
})

// The major-tag step's own script, run by bash in real repositories: an origin, and a clone with every branch and tag
// as actions/checkout makes it with fetch-depth: 0; `gh` is a stand-in that records what it was asked.
describeUnless(
  process.platform === 'linux' ? undefined : 'Linux only: release.yml runs it on ubuntu-latest, with GNU sort -V'
)('release.yml: moving the major tag, run on real repositories', () => {
  const { workflow } = readWorkflow('release.yml')
  const script = workflow.jobs?.['major-tag']?.steps?.find((step) => /git\/refs/.test(step.run ?? ''))?.run ?? ''
  let dir: string
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ln-action-release-'))
    fs.mkdirSync(path.join(dir, 'bin'))
    // Asked whether vX exists, it says no (exit 1); anything else is recorded and succeeds.
    const gh = `#!/bin/sh\necho "$*" >>"${dir}/gh.log"\ncase "$*" in *git/ref/tags/*) exit 1 ;; esac\n`
    fs.writeFileSync(path.join(dir, 'bin', 'gh'), gh, { mode: 0o755 })
  })
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }))

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...Object.fromEntries(
      ['AUTHOR', 'COMMITTER'].flatMap((who) => [
        [`GIT_${who}_NAME`, 't'],
        [`GIT_${who}_EMAIL`, 't@t']
      ])
    ),
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_CONFIG_NOSYSTEM: '1'
  }
  const git = (cwd: string, ...args: string[]): string =>
    execFileSync('git', args, { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim()
  /** A commit on the work repository's current branch, with the given workflow file text; pushed with its tags. */
  const commit = (workflowText: string, ...tags: string[]): string => {
    const work = path.join(dir, 'work')
    fs.writeFileSync(path.join(work, '.github/workflows/ci.yml'), workflowText)
    fs.writeFileSync(path.join(work, 'n'), String(Math.random()))
    git(work, 'add', '-A')
    git(work, 'commit', '-qm', 'c')
    for (const tag of tags) git(work, 'tag', '-a', tag, '-m', tag)
    git(work, 'push', '-q', '--all', 'origin')
    git(work, 'push', '-q', '--tags', 'origin')
    return git(work, 'rev-parse', 'HEAD')
  }
  const init = (): void => {
    git(dir, 'init', '-q', '--bare', '-b', 'main', 'origin.git')
    git(dir, 'init', '-q', '-b', 'main', 'work')
    git(path.join(dir, 'work'), 'remote', 'add', 'origin', path.join(dir, 'origin.git'))
    fs.mkdirSync(path.join(dir, 'work', '.github', 'workflows'), { recursive: true })
  }
  /** The step in a fresh clone (every branch and tag), for the release of TAG. */
  const publish = (tag: string) => {
    git(dir, 'clone', '-q', path.join(dir, 'origin.git'), `clone-${tag}`)
    const run = spawnSync('bash', ['-e', '-c', script], {
      cwd: path.join(dir, `clone-${tag}`),
      env: { ...env, TAG: tag, GH_REPO: 'owner/ln-action', PATH: `${path.join(dir, 'bin')}:${env.PATH ?? ''}` },
      encoding: 'utf8'
    })
    const gh = fs.existsSync(path.join(dir, 'gh.log')) ? fs.readFileSync(path.join(dir, 'gh.log'), 'utf8') : ''
    return { status: run.status, out: run.stdout, moves: gh.split('\n').filter((line) => / --method /.test(line)) }
  }

  it('moves vX to the tagged commit while its workflow files are those of a branch tip', () => {
    init()
    const sha = commit('on: push', 'v1.0.0')
    const { status, moves } = publish('v1.0.0')
    expect(status).toBe(0)
    expect(moves).toEqual([`api --method POST repos/owner/ln-action/git/refs -f ref=refs/tags/v1 -f sha=${sha}`])
  })

  it('refuses, with the commands that move it by hand, once the workflows on every branch changed since', () => {
    init()
    const sha = commit('on: push', 'v1.0.0')
    commit('on: [push, pull_request]')
    const { status, out, moves } = publish('v1.0.0')
    expect(status).toBe(1)
    expect(moves).toEqual([])
    expect(out).toMatch(/^::error::.*workflows permission/m)
    expect(out).toContain(`git tag -f v1 ${sha} && git push -f origin refs/tags/v1`)
  })

  it('moves it where another branch still has the workflow files of the tagged commit', () => {
    init()
    const sha = commit('on: push', 'v1.0.0')
    git(path.join(dir, 'work'), 'branch', 'release-1')
    commit('on: [push, pull_request]')
    expect(publish('v1.0.0').moves).toEqual([expect.stringContaining(`-f sha=${sha}`)])
  })

  it('leaves vX alone for a backport (an older release of the same major published later)', () => {
    init()
    commit('on: push', 'v1.0.0')
    commit('on: push', 'v1.1.0')
    const { status, out, moves } = publish('v1.0.0')
    expect({ status, moves }).toEqual({ status: 0, moves: [] })
    expect(out).toContain('v1.1.0 is')
  })
})

describe('CHANGELOG.md', () => {
  const changelog = fs.readFileSync(path.join(ROOT, 'CHANGELOG.md'), 'utf8')
  const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }

  it(`has a section for package.json's version (${version})`, () => {
    const heading = `## [${version}]`
    expect(changelog.split('\n').some((line) => line.startsWith(heading))).toBe(true)
  })

  it('keeps an Unreleased section on top, as keep-a-changelog does', () => {
    const headings = changelog.split('\n').filter((line) => line.startsWith('## '))
    expect(headings[0]).toBe('## [Unreleased]')
  })
})

describe('action.yml, as the Marketplace shows it', () => {
  const action = parse(fs.readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as {
    name?: string
    description?: string
    author?: string
    branding?: { icon?: string; color?: string }
    inputs?: Record<string, { description?: string }>
    outputs?: Record<string, { description?: string }>
  }
  /** The colours GitHub accepts for `branding.color`. */
  const COLORS = ['white', 'black', 'yellow', 'blue', 'green', 'orange', 'red', 'purple', 'gray-dark']

  it('has a name, a description and an author', () => {
    for (const field of ['name', 'description', 'author'] as const) {
      expect(typeof action[field]).toBe('string')
      expect(action[field]?.trim()).not.toBe('')
    }
  })

  it('has a description the Marketplace accepts (fewer than 125 characters)', () => {
    expect(action.description?.length).toBeLessThanOrEqual(124)
  })

  it('has branding: an icon and one of the allowed colours', () => {
    expect(action.branding?.icon).toMatch(/^[a-z0-9-]+$/)
    expect(COLORS).toContain(action.branding?.color)
  })

  it.each(['inputs', 'outputs'] as const)('describes every one of its %s', (kind) => {
    const entries = Object.entries(action[kind] ?? {})
    expect(entries.length).toBeGreaterThan(0)
    const undescribed = entries.filter(([, spec]) => !spec?.description?.trim()).map(([name]) => name)
    expect(undescribed).toEqual([])
  })
})

// test.yml runs the action itself (`uses: ./`) on every kind of runner; nothing here can run it, so what can be
// checked without GitHub is checked: inputs and outputs exist, the shared spec parses, every platform is covered.
describe('test.yml: the action on every runner', () => {
  interface LocalStep extends Step {
    id?: string
    if?: string
    env?: Record<string, string>
  }
  interface MatrixJob {
    'runs-on'?: string
    strategy?: { matrix?: { os?: string[] } }
    steps?: LocalStep[]
  }
  const { workflow } = readWorkflow('test.yml')
  const jobs = Object.entries(workflow.jobs ?? {}) as [string, MatrixJob][]
  const action = parse(fs.readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as {
    inputs: Record<string, { required?: boolean }>
    outputs: Record<string, unknown>
  }
  const actionSteps = jobs.flatMap(([job, { steps = [] }]) =>
    steps.filter((step) => step.uses === './').map((step) => ({ job, step }))
  )
  const runsOn = (job: MatrixJob): string[] => job.strategy?.matrix?.os ?? [job['runs-on'] ?? '']
  /** The `@file` specs in the repository (the round trip's are in the trees it restores, under working-directory). */
  const sharedSpecs = (): string[] =>
    actionSteps
      .filter(({ step }) => !step.with?.['working-directory'])
      .map(({ step }) => String(step.with?.links ?? ''))
      .filter((links) => links.startsWith('@'))

  it('runs the action on ubuntu (x64 and ARM), macOS and Windows, then runs it again', () => {
    const matrix = jobs.find(([, job]) => (job.strategy?.matrix?.os ?? []).length > 1)?.[1]
    expect(matrix && runsOn(matrix)).toEqual(['ubuntu-latest', 'ubuntu-24.04-arm', 'macos-latest', 'windows-latest'])
    expect(matrix?.steps?.filter((step) => step.uses === './')).toHaveLength(2)
  })

  it('gives each `uses: ./` step only inputs that action.yml declares, and every required one', () => {
    expect(actionSteps.length).toBeGreaterThan(0)
    for (const { job, step } of actionSteps)
      expect({ job, problems: inputProblems(step, action) }).toEqual({ job, problems: [] })
  })

  it('reads only outputs that action.yml declares, of steps with that id in the same job', () => {
    for (const [job, { steps = [] }] of jobs) {
      const problems = outputProblems(steps, action, (uses) => uses === './')
      expect({ job, problems }).toEqual({ job, problems: [] })
    }
  })

  it('hands the matrix a shared spec that parses without a problem, with every kind of link', async () => {
    const { parseSpec } = await import('../src/spec/index.js')
    const files = sharedSpecs()
    expect(files.length).toBeGreaterThan(0)
    for (const file of new Set(files)) {
      const parsed = parseSpec(fs.readFileSync(path.join(ROOT, file.slice(1)), 'utf8'), {
        type: 'symlink',
        fallback: [],
        relative: 'auto',
        overwrite: 'never'
      })
      expect(parsed.problems).toEqual([])
      expect(new Set(parsed.entries.map((e) => e.options.type))).toEqual(new Set(['symlink', 'hardlink', 'junction']))
      expect(parsed.entries.some((e) => e.options.targetType === 'dir')).toBe(true)
    }
  })

  it('hands it one spec with an entry per OS at one PATH: each runner makes its own and sets two aside', async () => {
    const { readAll } = await import('./helpers/stage.js')
    const { platformFor } = await import('../src/platform.js')
    const text = fs.readFileSync(path.join(ROOT, sharedSpecs()[0].slice(1)), 'utf8')
    const defaults: LinkOptions = { type: 'symlink', fallback: [], relative: 'auto', overwrite: 'never' }
    for (const [name, wd] of [
      ['linux', '/home/runner/work/r/r'],
      ['darwin', '/Users/runner/work/r/r'],
      ['win32', 'D:\\a\\r\\r']
    ]) {
      const read = readAll(text, { defaults, workingDirectory: wd, confine: true }, platformFor(name))
      expect(read).not.toHaveProperty('problems')
      const { requests, verdicts } = read as Extract<typeof read, { verdicts: unknown }>
      expect({ name, aside: verdicts.map((v) => [v.entry.path, v.status]) }).toEqual({
        name,
        aside: [
          ['_ln/per-os', 'other-os'],
          ['_ln/per-os', 'other-os']
        ]
      })
      expect(requests.filter((r) => r.path === '_ln/per-os')).toHaveLength(1)
    }
  })

  it('runs the action in a container job (Debian), with the shared spec, its checks and a re-run', () => {
    const matrix = jobs.find(([, job]) => (job.strategy?.matrix?.os ?? []).length > 1)?.[1] as MatrixJob & {
      container?: string
      strategy: { matrix: { include?: { os: string; container?: string }[]; container?: string[] } }
    }
    expect(matrix.container).toBe('${{ matrix.container }}')
    // The plain entries name no container, so the include below becomes a job of its own.
    expect(matrix.strategy.matrix.container).toEqual([''])
    const containers = (matrix.strategy.matrix.include ?? []).filter((entry) => entry.container)
    expect(containers).toEqual([{ os: 'ubuntu-latest', container: expect.stringMatching(/^debian:/) }])
  })

  it('attaches the macOS FAT image where macOS puts it (FSKit mounts under /Volumes only), on macos-26', () => {
    const [, fat] =
      jobs.find(([, job]) => (job.steps ?? []).some((step) => /hdiutil create/.test(step.run ?? ''))) ?? []
    expect(fat?.['runs-on']).toBe('macos-26')
    const scripts = (fat?.steps ?? []).map((step) => step.run ?? '').join('\n')
    expect(scripts).toMatch(/hdiutil attach/)
    expect(scripts).not.toMatch(/-mountpoint/)
    expect(scripts).toMatch(/Resource busy/)
    expect(scripts).toMatch(/\/Volumes\//)
    const detach = fat?.steps?.find((step) => /hdiutil detach/.test(step.run ?? ''))
    expect(detach?.if).toMatch(/always\(\)/)
  })

  it('tries `hdiutil create` and `hdiutil attach` again on "Resource busy" (actions/runner-images#7522)', () => {
    const [, fat] =
      jobs.find(([, job]) => (job.steps ?? []).some((step) => /hdiutil create/.test(step.run ?? ''))) ?? []
    const script = (fat?.steps ?? []).map((step) => step.run ?? '').join('\n')
    // Shell functions whose body looks for "Resource busy", and every hdiutil call that makes or attaches the image.
    const retrying = [...script.matchAll(/^\s*([\w-]+)\(\)\s*\{\n([\s\S]*?)^\s*\}$/gm)]
      .filter(([, , body]) => body.includes('Resource busy'))
      .map(([, name]) => name)
    const calls = script.split('\n').filter((line) => /^[^#]*\bhdiutil (create|attach)\b/.test(line))
    expect(calls.map((line) => /\bhdiutil (create|attach)\b/.exec(line)?.[1])).toEqual(['create', 'attach'])
    const bare = calls.filter((line) => !retrying.some((name) => line.trim().startsWith(`${name} hdiutil `)))
    expect(bare).toEqual([])
  })

  it('prints the raw results on macOS before asserting anything about them', () => {
    const [, fat] = jobs.find(([, job]) => job['runs-on'] === 'macos-26') ?? []
    const check = fat?.steps?.find((step) => step.env?.RESULTS)
    const lines = (check?.run ?? '').split('\n')
    const printed = lines.findIndex((line) => /echo "\$RESULTS"/.test(line))
    const firstTest = lines.findIndex((line) => /^\s*test /.test(line))
    expect(printed).toBeGreaterThanOrEqual(0)
    expect(printed).toBeLessThan(firstTest)
  })

  it('provokes a real failure on macOS (a FAT disk image) and on Windows (a hard link across drives)', () => {
    const failing = (os: string, tool: RegExp): boolean =>
      jobs.some(
        ([, job]) =>
          runsOn(job).includes(os) &&
          (job.steps ?? []).some((step) => tool.test(step.run ?? '')) &&
          (job.steps ?? []).some((step) => step.uses === './' && String(step.with?.['fail-on-error']) === 'false')
      )
    expect(failing('macos-26', /hdiutil create [^\n]*-fs MS-DOS/)).toBe(true)
    expect(failing('windows-latest', /DriveInfo\]::GetDrives\(\)/)).toBe(true)
    // What the Windows job checks, in its scripts (not a comment): link() across drives fails with EXDEV.
    const windowsScripts = jobs
      .filter(([, job]) => runsOn(job).includes('windows-latest'))
      .flatMap(([, job]) => (job.steps ?? []).map((step) => step.run ?? ''))
    expect(windowsScripts.some((run) => /\$hard\.code -ne 'EXDEV'/.test(run))).toBe(true)
  })
})

describe('test.yml: cleanup after the job', () => {
  type CleanupJob = Job & { strategy?: { matrix?: { os?: string[] } } }
  const { workflow } = readWorkflow('test.yml')
  const job = workflow.jobs?.cleanup as CleanupJob | undefined
  const steps = job?.steps ?? []
  const at = (uses: string): number => steps.findIndex((step) => step.uses === uses)

  it('runs on Linux, macOS and Windows', () => {
    expect(job?.strategy?.matrix?.os).toEqual(['ubuntu-latest', 'macos-latest', 'windows-latest'])
  })

  it('uses assert-clean before ln-action with cleanup: true, so that its post step checks after ln-action’s', () => {
    expect(at('./.github/actions/assert-clean')).toBeGreaterThan(-1)
    expect(at('./.github/actions/assert-clean')).toBeLessThan(at('./'))
    expect(String(steps[at('./')].with?.cleanup)).toBe('true')
    const paths = String(steps[at('./.github/actions/assert-clean')].with?.paths).trim().split('\n')
    const links = String(steps[at('./')].with?.links).trim().split('\n')
    // Every link the step creates (not the one that replaces a file: that file comes back) must be gone.
    expect(paths).toEqual(expect.arrayContaining(links.slice(0, 2).map((line) => line.split(' -> ')[0])))
  })

  it('gives assert-clean a post step and nothing else to do', () => {
    const action = parse(fs.readFileSync(path.join(ROOT, '.github/actions/assert-clean/action.yml'), 'utf8')) as {
      runs: { using: string; main: string; post?: string }
    }
    expect(action.runs).toMatchObject({ using: 'node24', post: 'check.js' })
    const main = fs.readFileSync(path.join(ROOT, '.github/actions/assert-clean', action.runs.main), 'utf8')
    expect(main.split('\n').filter((line) => line.trim() !== '' && !line.startsWith('//'))).toEqual([])
  })

  it("declares ln-action's post step, the same bundle as its main step", () => {
    const action = parse(fs.readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as { runs: Record<string, string> }
    expect(action.runs).toMatchObject({ main: 'dist/index.js', post: 'dist/index.js' })
  })
})

// The round trip of docs/usage.md's worked examples, run for real: the same inputs as the docs, so that the docs and
// the jobs cannot drift apart; capture where it runs (Linux, macOS), the restore on every OS.
describe('test.yml: the capture/restore round trip of docs/usage.md', () => {
  const FILE = String(ACTION.inputs['capture-file'].default)
  const { workflow } = readWorkflow('test.yml')
  const jobs = (workflow.jobs ?? {}) as Record<string, CheckedJob>
  const stages = stagesOf(jobs, (uses) => uses === './', FILE)
  const usage = fs.readFileSync(path.join(ROOT, 'docs', 'usage.md'), 'utf8')
  const docs = [...usage.matchAll(/^```ya?ml\n([\s\S]*?)^```/gm)].map(([, block]) =>
    stagesOf(jobsOfDoc(parse(block)), (uses) => /(^|\/)ln-action@/.test(uses), FILE)
  )

  it.each(['artifact', 'cache'] as const)('runs it through the %s as the docs show it, with the same inputs', (by) => {
    const mine = tripOf(stages, by)
    const shown = docs.map((block) => tripOf(block, by)).find((trip) => trip)
    expect(mine && shown).toBeDefined()
    const facts = tripFacts(mine!, by)
    expect(facts).toEqual(tripFacts(shown!, by))
    expect(facts).toMatchObject({ links: `@${FILE}`, overwrite: 'copies', sendsTheCapturedTree: true })
    expect(facts).toMatchObject({ restoresWhereReceived: true, capturesOnWindows: false, restoresOnWindows: true })
  })

  it('captures on Linux and macOS and restores each capture on Linux, macOS and Windows', () => {
    const runners = (stage: string) => [
      ...new Set(stages.filter((s) => s.stage === stage).map((s) => runnersOf(s.job)))
    ]
    expect(runners('capture')).toEqual([['ubuntu-latest', 'macos-latest']])
    expect(runners('restore')).toEqual([['ubuntu-latest', 'macos-latest', 'windows-latest']])
    const restoring = stages.find((s) => s.stage === 'restore')?.job as CheckedJob & {
      strategy: { matrix: { from?: string[] } }
    }
    expect(restoring.strategy.matrix.from).toEqual(runners('capture')[0])
  })

  it('captures before sending, receives before restoring, and waits for the capturing job', () => {
    expect(stages.length).toBeGreaterThanOrEqual(7)
    expect(orderProblems(stages)).toEqual([])
  })

  it('checks every restored tree with scripts/roundtrip-tree.mjs, after its restore', () => {
    const steps = Object.values(jobs).flatMap((job) => job.steps ?? [])
    const checks = (dir: string, after: number) =>
      steps.some((step, at) => at > after && new RegExp(`roundtrip-tree\\.mjs check ${dir}$`, 'm').test(step.run ?? ''))
    for (const restore of stages.filter((s) => s.stage === 'restore')) {
      const dir = String(restore.step.with?.['working-directory'])
      expect({ dir, checked: checks(dir, steps.indexOf(restore.step)) }).toEqual({ dir, checked: true })
    }
  })
})
