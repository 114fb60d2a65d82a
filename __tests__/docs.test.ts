// README.md and the reference pages in docs/: the tables between `<!-- NAME:start -->` markers are generated from
// action.yml and src/knowledge.ts (this test fails when they drift; `npm run docs` rewrites them), links lead to
// pages that exist, and the workflow snippets users copy pass the checks the repository's own workflows pass.
import * as fs from 'node:fs'
import * as path from 'node:path'
import { parse, parseAllDocuments } from 'yaml'
import { ACTION, ROOT } from '../scripts/run-action.mjs'
import { troubleshootingRows } from '../src/knowledge.js'
import { jobsOfDoc, orderProblems, stagesOf, tripOf } from './helpers/roundtrip.js'
import {
  expressionProblems,
  inputProblems,
  outputProblems,
  shellProblems,
  type Job,
  type Step
} from './helpers/workflow-checks.js'

const rewrite = process.env.npm_lifecycle_event === 'docs'
const PAGES = [
  'README.md',
  ...fs
    .readdirSync(path.join(ROOT, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`)
]
const text: Record<string, string> = Object.fromEntries(
  PAGES.map((page) => [page, fs.readFileSync(path.join(ROOT, page), 'utf8')])
)
/** Reference pages other issues bring, already linked from the README (the lab's test generates this one). */
const COMING = ['docs/filesystems.md']

const cell = (value: string): string => value.replace(/\s+/g, ' ').replace(/\|/g, '\\|').trim()
const table = (header: string[], rows: string[][]): string =>
  [header, header.map(() => '---'), ...rows].map((row) => `| ${row.join(' | ')} |`).join('\n')

const sections: Record<string, () => string> = {
  inputs: () =>
    table(
      ['Input', 'Default', 'Description'],
      Object.entries(ACTION.inputs).map(([name, input]) => [
        `\`${name}\``,
        input.required ? '(required)' : input.default ? `\`${cell(String(input.default))}\`` : '(empty)',
        cell(input.description)
      ])
    ),
  outputs: () =>
    table(
      ['Output', 'Description'],
      Object.entries(ACTION.outputs).map(([name, output]) => [`\`${name}\``, cell(output.description)])
    ),
  troubleshooting: () =>
    table(
      ['errno', 'from', 'where', 'fallback?', 'what it means', 'what to do'],
      troubleshootingRows().map((row) => row.map(cell))
    )
}

describe('generated tables', () => {
  afterAll(() => {
    if (rewrite) for (const page of PAGES) fs.writeFileSync(path.join(ROOT, page), text[page])
  })

  it.each(Object.keys(sections))('the %s table is on exactly one page, as generated from the source', (name) => {
    const pattern = new RegExp(`(<!-- ${name}:start -->\\n)[\\s\\S]*?(<!-- ${name}:end -->)`)
    const pages = PAGES.filter((page) => pattern.test(text[page]))
    expect(pages).toHaveLength(1)
    const fresh = text[pages[0]].replace(pattern, `$1${sections[name]()}\n$2`)
    if (rewrite) text[pages[0]] = fresh
    else expect(text[pages[0]]).toBe(fresh) // out of date: run `npm run docs`
  })
})

describe('README.md, the front page', () => {
  const lines = text['README.md'].split('\n')
  const lineOf = (pattern: RegExp): number => lines.findIndex((line) => pattern.test(line)) + 1

  it('is at most 150 lines', () => {
    expect(lines.length).toBeLessThanOrEqual(150)
  })

  it('shows a `uses:` example and the local quick start on its first screen (50 lines)', () => {
    expect(lineOf(/^\s*(- )?uses: \S+\/ln-action@/)).toBeGreaterThan(0)
    expect(lineOf(/^\s*(- )?uses: \S+\/ln-action@/)).toBeLessThanOrEqual(50)
    expect(lineOf(/^npm ci$/)).toBeGreaterThan(0)
    expect(lineOf(/^npm start/)).toBeLessThanOrEqual(50)
  })
})

describe('the `uses:` line a user copies', () => {
  const { repository } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
    repository: { url: string }
  }
  const slug = /github\.com\/([\w.-]+\/[\w.-]+?)(\.git)?$/.exec(repository.url)?.[1]

  it('names this repository as package.json does, in every page, SECURITY.md, CONTRIBUTING.md and the workflows', () => {
    expect(slug).toBe('ln-action/ln-action')
    const workflows = fs.readdirSync(path.join(ROOT, '.github', 'workflows')).map((n) => `.github/workflows/${n}`)
    const files = [...PAGES, 'SECURITY.md', 'CONTRIBUTING.md', 'CHANGELOG.md', ...workflows]
    const named = files.flatMap((file) =>
      [...fs.readFileSync(path.join(ROOT, file), 'utf8').matchAll(/uses:\s*([\w.-]+\/ln-action)@/g)].map(
        ([, name]) => `${file}: ${name}`
      )
    )
    expect(named.length).toBeGreaterThan(3)
    expect(named.filter((n) => !n.endsWith(`: ${slug}`))).toEqual([])
  })

  it('says in the README how to pin a release: the major tag, or a commit SHA', () => {
    expect(text['README.md']).toMatch(/`@v1`/)
    expect(text['README.md']).toMatch(/commit SHA/)
  })
})

describe('docs/usage.md, on big specs', () => {
  // actions/runner, src/Runner.Worker/Handlers/Handler.cs: `_environmentVariableMaximumSize = 32766` on Windows; the
  // runner only warns about a longer input, which node.exe then cannot read.
  const WINDOWS_INPUT_LIMIT = 32_766
  const section = /^## Big specs: `@file`\n([\s\S]*?)(?=^## )/m.exec(text['docs/usage.md'])?.[1] ?? ''

  it("says next to `@file` how long an input may be on a Windows runner, with the runner's source", () => {
    expect(section).toContain(WINDOWS_INPUT_LIMIT.toLocaleString('en-US'))
    expect(section).toMatch(
      /github\.com\/actions\/runner\/blob\/[0-9a-f]{40}\/src\/Runner\.Worker\/Handlers\/Handler\.cs/
    )
  })
})

describe.each(PAGES)('%s', (page) => {
  it('links only to files that exist', () => {
    const targets = [...text[page].matchAll(/\]\(([^)\s]+)\)/g)]
      .map(([, target]) => target.split('#')[0])
      .filter((target) => target && !/^[a-z]+:/.test(target))
      .map((target) => path.relative(ROOT, path.resolve(ROOT, path.dirname(page), target)))
    const missing = targets.filter((target) => !fs.existsSync(path.join(ROOT, target)) && !COMING.includes(target))
    expect(missing).toEqual([])
  })
})

// Every ```yaml block that holds steps: a list of steps, a job (`steps:`) or a workflow (`jobs:`).
const isThisAction = (uses: string): boolean => /(^|\/)ln-action@/.test(uses) || uses === './'
const snippets = PAGES.flatMap((page) =>
  [...text[page].matchAll(/^```ya?ml\n([\s\S]*?)^```/gm)].flatMap(([, block], i) =>
    jobsOf(parseAllDocuments(block)[0]?.toJS()).map((job, j) => ({
      name: `${page} snippet ${i + 1}.${j + 1}`,
      job,
      steps: job.steps ?? []
    }))
  )
)

/** Each job of a snippet; steps alone are a job whose runners are not known (any, Windows included). */
function jobsOf(doc: unknown): Job[] {
  if (Array.isArray(doc)) return doc.some((item) => item?.uses || item?.run) ? [{ steps: doc as Step[] }] : []
  if (!doc || typeof doc !== 'object') return []
  const { jobs, steps } = doc as { jobs?: Record<string, Job>; steps?: Step[] }
  if (steps) return [doc as Job]
  return Object.values(jobs ?? {}).filter((job) => job.steps)
}

/** The major version each action is pinned at in .github/workflows (from the `# vX.Y.Z` comments). */
function pinnedMajors(): Map<string, number> {
  const dir = path.join(ROOT, '.github', 'workflows')
  const majors = new Map<string, number>()
  for (const name of fs.readdirSync(dir)) {
    const workflow = fs.readFileSync(path.join(dir, name), 'utf8')
    for (const [, action, major] of workflow.matchAll(/uses:\s*([\w.-]+\/[\w./-]+)@[0-9a-f]{40}\s+#\s*v(\d+)/g))
      majors.set(action, Math.max(majors.get(action) ?? 0, Number(major)))
  }
  return majors
}

describe('workflow snippets in README.md and docs/', () => {
  it('there are snippets that use the action', () => {
    const using = snippets.filter(({ steps }) => steps.some((step) => step.uses && isThisAction(step.uses)))
    expect(using.length).toBeGreaterThanOrEqual(3)
  })

  it.each(snippets.map(({ name, job, steps }) => [name, job, steps] as const))(
    '%s: inputs and outputs declared in action.yml, expressions passed through env, the shell of each script said',
    (_name, job, steps) => {
      const problems = [
        ...steps.filter((step) => step.uses && isThisAction(step.uses)).flatMap((step) => inputProblems(step, ACTION)),
        ...outputProblems(steps, ACTION, isThisAction),
        ...expressionProblems(steps),
        ...shellProblems(job, true)
      ]
      expect(problems).toEqual([])
    }
  )

  it("use no action at an older major than the repository's own workflows pin", () => {
    const majors = pinnedMajors()
    const behind = snippets
      .flatMap(({ name, steps }) => steps.map((step) => ({ name, uses: step.uses ?? '' })))
      .map(({ name, uses }) => ({ name, uses, match: /^([\w.-]+\/[\w./-]+)@v(\d+)/.exec(uses) }))
      .filter(({ match }) => match && Number(match[2]) < (majors.get(match[1]) ?? 0))
      .map(({ name, uses }) => `${name}: ${uses}`)
    expect(behind).toEqual([])
  })

  it('each parse as YAML', () => {
    for (const page of PAGES)
      for (const [, block] of text[page].matchAll(/^```ya?ml\n([\s\S]*?)^```/gm))
        expect(() => parse(block)).not.toThrow()
  })
})

// The capture/restore examples: each step of the round trip where it must be, so that a reader who copies them gets
// the tree and its capture file across (test.yml's round-trip jobs are held to the same examples in workflows.test.ts).
describe('docs/usage.md, capturing and restoring', () => {
  const FILE = String(ACTION.inputs['capture-file'].default)
  const section = /^## Capturing a tree's links\n([\s\S]*?)(?=^## )/m.exec(text['docs/usage.md'])?.[1] ?? ''
  const blocks = [...section.matchAll(/^```ya?ml\n([\s\S]*?)^```/gm)].map(([, block]) =>
    stagesOf(jobsOfDoc(parse(block)), isThisAction, FILE)
  )

  it('has a worked example through an artifact and one through actions/cache, each capture to restore', () => {
    expect(blocks.filter((stages) => tripOf(stages, 'artifact')).length).toBeGreaterThan(0)
    expect(blocks.filter((stages) => tripOf(stages, 'cache')).length).toBeGreaterThan(0)
  })

  it('gives ln-action only inputs of action.yml, and restores with overwrite: copies', () => {
    const steps = blocks.flat().filter((s) => s.stage === 'capture' || s.stage === 'restore')
    expect(steps.length).toBeGreaterThanOrEqual(4)
    for (const { step } of steps) expect(inputProblems(step, ACTION)).toEqual([])
    const restores = steps.filter((s) => s.stage === 'restore')
    expect(restores.map(({ step }) => step.with?.overwrite)).toEqual(restores.map(() => 'copies'))
  })

  it('captures before sending, receives before restoring, and waits for the sending job', () => {
    expect(blocks.map(orderProblems)).toEqual(blocks.map(() => []))
  })

  it('uploads hidden files where the capture file is one (its default name begins with a dot)', () => {
    expect(FILE.startsWith('.')).toBe(true)
    const uploads = blocks.flat().filter((s) => s.stage === 'send' && s.by === 'artifact')
    expect(uploads.length).toBeGreaterThan(0)
    expect(uploads.map(({ step }) => step.with?.['include-hidden-files'])).toEqual(uploads.map(() => true))
  })
})
