import { afterAll, afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import * as core from '../__fixtures__/core.js'
import type { LinkResult } from '../src/model.js'
import type { Where } from '../src/present.js'
import { platformFor } from '../src/platform.js'
import type { Settings } from '../src/model.js'
import { settingsFor } from './helpers/stage.js'

jest.unstable_mockModule('@actions/core', () => core)
const { finishReport, reportCleanup, reportProblems } = await import('../src/report.js')
const { Tally } = await import('../src/tally.js')

/** A run's report, its results given to the tally one by one as main.ts does. */
async function report(results: LinkResult[], where: Where): Promise<void> {
  const tally = new Tally(where, { log: true, expected: results.length })
  for (const r of results) tally.add(r)
  await finishReport(tally, where)
}
const { displayPath, escapeHtml, safeForLog, statusWords } = await import('../src/present.js')
const linux = platformFor('linux')

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ln-action-report-'))
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))
const SUMMARY = path.join(tmp, 'summary.md')
beforeEach(() => {
  jest.clearAllMocks()
  core.summary.emptyBuffer()
  fs.writeFileSync(SUMMARY, '')
  process.env.RUNNER_TEMP = tmp
  process.env.GITHUB_STEP_SUMMARY = SUMMARY
})
afterEach(() => {
  delete process.env.RUNNER_TEMP
  delete process.env.GITHUB_STEP_SUMMARY
})

function settingsWith(more: Partial<Settings> = {}): Settings {
  return settingsFor('/ws', more)
}

/** Result of spec line i+1: a created symlink unless `more` says otherwise. */
function result(i: number, more: Partial<LinkResult> = {}): LinkResult {
  return {
    line: i + 1,
    path: `/ws/links/l${i}`,
    target: `/ws/data/t${i}`,
    text: `../data/t${i}`,
    type: 'symlink',
    kind: 'symlink',
    status: 'created',
    code: '',
    errno: null,
    syscall: '',
    filesystem: 'ext4',
    message: '',
    hint: '',
    warnings: [],
    ...more
  }
}

function failure(i: number, more: Partial<LinkResult> = {}): LinkResult {
  return result(i, {
    kind: 'hardlink', // the kind whose call failed
    status: 'failed',
    code: 'EPERM',
    errno: 1,
    syscall: 'link',
    message: `Could not create the hard link /ws/links/l${i}: EPERM.`,
    hint: 'Add `fallback: symlink`.',
    ...more
  })
}

/** n results; `isFailed(i)` picks the failed ones. */
const many = (n: number, isFailed: (i: number) => boolean, more: Partial<LinkResult> = {}): LinkResult[] =>
  Array.from({ length: n }, (_, i) => (isFailed(i) ? failure(i, more) : result(i, more)))

async function run(results: LinkResult[], settings = settingsWith(), workspace = '/ws'): Promise<void> {
  await report(results, { settings, workspace, platform: linux })
}

/** The value of one output, as set on the last run. */
function output(name: string): string {
  const calls = core.setOutput.mock.calls.filter(([n]) => n === name)
  expect(calls).toHaveLength(1)
  return calls[0][1] as string
}

/** Everything written to the log, line by line. */
const logLines = (): string[] => core.info.mock.calls.flatMap(([text]) => text.split('\n'))

describe('safeForLog and escapeHtml', () => {
  it.each([
    ['a newline', 'a\nb', 'a\\nb'],
    ['CR LF', 'a\r\nb', 'a\\r\\nb'],
    ['a tab and ESC', 'a\tb\x1b[31m', 'a\\tb\\x1b[31m'],
    ['a workflow command after a newline', 'x\n::error::pwned', 'x\\n::error::pwned'],
    ['percent signs (core escapes those itself)', '100% %0A', '100% %0A'],
    ['plain text', 'links/l -> ../data', 'links/l -> ../data']
  ])('safeForLog shows %s instead of obeying it', (_, text, shown) => {
    expect(safeForLog(text)).toBe(shown)
  })

  it('shows every C0 control character and DEL as a visible escape, leaving no control character', () => {
    const controls = [...Array.from({ length: 0x20 }, (_, i) => i), 0x7f].map((c) => String.fromCharCode(c))
    for (const c of controls) {
      const shown = safeForLog(`a${c}b`)
      // eslint-disable-next-line no-control-regex -- what must not survive
      expect({ c: c.charCodeAt(0), shown, left: /[\x00-\x1f\x7f]/.test(shown) }).toEqual({
        c: c.charCodeAt(0),
        shown: expect.stringMatching(/^a\\(n|r|t|x[01][0-9a-f]|x7f)b$/),
        left: false
      })
    }
    expect(safeForLog('\0\x07\x08\x7f')).toBe('\\x00\\x07\\x08\\x7f')
  })

  it.each([
    ['<script>alert(1)</script>', '&#60;script&#62;alert(1)&#60;/script&#62;'],
    [`say "hi" & 'bye'`, 'say &#34;hi&#34; &#38; &#39;bye&#39;'],
    ['a\n<b>', 'a\\n&#60;b&#62;'],
    ['a\tb', 'a\\tb'],
    ['x\x7f', 'x\\x7f'],
    ['`code`', '&#96;code&#96;'],
    ['50%', '50%']
  ])('escapeHtml(%j)', (text, html) => {
    expect(escapeHtml(text)).toBe(html)
  })
})

describe('how paths and statuses read', () => {
  const where = (workingDirectory: string, name = 'linux') => ({
    settings: settingsWith({ workingDirectory }),
    workspace: workingDirectory,
    platform: platformFor(name)
  })

  it.each([
    ['/ws/links/a', '/ws', 'links/a'],
    ['/ws', '/ws', '/ws'],
    ['/ws2/a', '/ws', '/ws2/a'],
    ['/ab/x', '/ws', '/ab/x'],
    ['/etc/hosts', '/', 'etc/hosts'],
    ['/elsewhere/x', '/ws/sub', '/elsewhere/x']
  ])('shows %s under working-directory %s as %s', (p, wd, shown) => {
    expect(displayPath(p, where(wd))).toBe(shown)
  })

  it('compares without case where the platform does (macOS)', () => {
    expect(displayPath('/WS/Links/a', where('/ws', 'darwin'))).toBe('Links/a')
  })

  it.each([
    [{ status: 'planned', plan: 'create' }, 'would create'],
    [{ status: 'planned', plan: 'fail' }, 'would fail'],
    [{ status: 'planned', plan: 'unchanged' }, 'unchanged'],
    [{ status: 'created' }, 'created'],
    [{ status: 'failed', plan: 'fail' }, 'failed']
  ] as const)('says %j as %s', (more, words) => {
    expect(statusWords(result(0, more))).toBe(words)
  })

  it('logs what a dry run would do, link by link', async () => {
    await run([result(0, { status: 'planned', plan: 'create', kind: '' })], settingsWith({ dryRun: true }))
    expect(logLines()[0]).toMatch(/^would create symlink\s+links\/l0 -> \.\.\/data\/t0$/)
  })
})

describe('report', () => {
  it('annotates 8 failures, then one saying how many more, then fails once', async () => {
    await run(many(300, () => true))
    expect(core.error).toHaveBeenCalledTimes(9)
    expect(core.error.mock.calls.slice(0, 8).map(([, props]) => props?.title)).toEqual(
      Array.from({ length: 8 }, (_, i) => `ln-action: links line ${i + 1}`)
    )
    expect(core.error.mock.calls[0][0]).toBe(
      'Could not create the hard link /ws/links/l0: EPERM. Add `fallback: symlink`.'
    )
    expect(core.error.mock.calls[8][0]).toMatch(/^292 more errors/)
    expect(core.setFailed).toHaveBeenCalledTimes(1)
    expect(core.setFailed).toHaveBeenCalledWith('300 of 300 links failed (fail-on-error: true).')
  })

  it('annotates 9 warnings, then one saying how many more, and does not fail', async () => {
    await run(many(12, () => false, { warnings: ['TARGET does not exist (dangling: warn)'] }))
    expect(core.warning).toHaveBeenCalledTimes(10)
    expect(core.warning.mock.calls[9][0]).toMatch(/^3 more warnings/)
    expect(core.error).not.toHaveBeenCalled()
    expect(core.setFailed).not.toHaveBeenCalled()
  })

  it('does not fail the step with fail-on-error: false, but still annotates', async () => {
    await run([result(0), failure(1)], settingsWith({ failOnError: false }))
    expect(core.error).toHaveBeenCalledTimes(1)
    expect(core.setFailed).not.toHaveBeenCalled()
  })

  it('counts skipped links as failures', async () => {
    await run([result(0), result(1, { status: 'skipped' }), failure(2)])
    expect(output('failed')).toBe('2')
    expect(core.setFailed).toHaveBeenCalledWith('2 of 3 links failed (fail-on-error: true).')
  })

  it('counts a dry-run plan that would fail as a failure', async () => {
    const planned = (i: number, plan: LinkResult['plan']) => result(i, { status: 'planned', kind: '', plan })
    await run([planned(0, 'create'), planned(1, 'fail'), planned(2, 'unchanged')], settingsWith({ dryRun: true }))
    expect(output('failed')).toBe('1')
    expect(output('changed')).toBe('false')
    expect(logLines()).toContain('3 links: 3 planned (dry run), 1 would fail')
    expect(core.setFailed).toHaveBeenCalledWith('1 of 3 links failed (fail-on-error: true).')
  })

  it('sets the counts as strings, and changed', async () => {
    await run([result(0), result(1), result(2, { status: 'replaced' }), result(3, { status: 'unchanged' }), failure(4)])
    expect(['created', 'replaced', 'unchanged', 'failed', 'changed'].map(output)).toEqual(['2', '1', '1', '1', 'true'])
  })

  it('sets changed to false when nothing was created or replaced', async () => {
    await run([result(0, { status: 'unchanged' }), failure(1)])
    expect(output('changed')).toBe('false')
  })

  it('puts every result in the results output while it is small', async () => {
    const results = [result(0), failure(1)]
    await run(results)
    expect(JSON.parse(output('results'))).toEqual(results)
  })

  it('keeps only the failed results in the results output when all of them would pass 512 KiB', async () => {
    const results = many(5000, (i) => i % 100 === 7, { message: 'x'.repeat(300) })
    await run(results)
    const shown = output('results')
    expect(Buffer.byteLength(shown)).toBeLessThan(512 * 1024)
    expect(JSON.parse(shown)).toEqual(results.filter((r) => r.status === 'failed'))
  })

  it('keeps as many failures as fit in 512 KiB when the failures alone are larger', async () => {
    const results = many(5000, () => true, { message: 'z'.repeat(300) })
    await run(results)
    const shown = output('results')
    expect(Buffer.byteLength(shown)).toBeLessThanOrEqual(512 * 1024)
    const kept = JSON.parse(shown) as LinkResult[]
    expect(kept.length).toBeGreaterThan(100)
    expect(kept).toEqual(results.slice(0, kept.length))
  })

  it('writes every result to a file in RUNNER_TEMP', async () => {
    const results = many(5000, (i) => i % 3 === 0, { message: 'y'.repeat(300) })
    await run(results)
    const file = output('results-file')
    expect(path.dirname(file)).toBe(tmp)
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual(results)
  })

  it('never lets a path start a workflow command in the log', async () => {
    await run([failure(0, { path: '/ws/a\n::error::pwned', message: 'bad\r\n::set-output name=x::y' })])
    expect(logLines().filter((line) => line.trimStart().startsWith('::'))).toEqual([])
    expect(logLines().join('\n')).toContain('a\\n::error::pwned')
  })

  it("shows the control characters of a made link's PATH and text in the log, DEL too (JSON leaves it as it is)", async () => {
    await run([result(0, { path: '/ws/a\x7fb', text: 'x\x7f' }), result(1, { path: '/ws/a\x01b', text: 'x\ty' })])
    expect(logLines().slice(0, 2)).toEqual([
      'created   symlink  a\\x7fb -> x\\x7f',
      'created   symlink  a\\x01b -> x\\ty'
    ])
  })

  describe('job summary', () => {
    const written = (): string => fs.readFileSync(SUMMARY, 'utf8')
    /** The summary's tables, each as rows of cell texts, header first. */
    function tables(): string[][][] {
      return [...written().matchAll(/<table>(.*?)<\/table>/gs)].map(([, table]) =>
        [...table.matchAll(/<tr>(.*?)<\/tr>/gs)].map(([, row]) =>
          [...row.matchAll(/<t[hd]>(.*?)<\/t[hd]>/gs)].map(([, cell]) => cell)
        )
      )
    }

    /** The headings a reader sees, in order (h3, h4 and the summary line of a collapsed list). */
    const headings = (): string[] => [...written().matchAll(/<(h3|h4|summary)>(.*?)<\/\1>/g)].map(([, , text]) => text)

    it.each([
      ['nothing failed', [result(0), result(1)], {}, '✅ ln-action: 2 links, none failed'],
      ['a link failed', [result(0), failure(1)], {}, '❌ ln-action: 1 of 2 links failed'],
      [
        'a dry run with a failure to come',
        [result(0, { status: 'planned', plan: 'create' }), failure(1, { status: 'planned', plan: 'fail' })],
        { dryRun: true },
        'ln-action, dry run: 1 of 2 links would fail'
      ],
      [
        'a clean dry run',
        [result(0, { status: 'planned', plan: 'create' })],
        { dryRun: true },
        'ln-action, dry run: 1 link planned'
      ]
    ] as const)('opens with the outcome when %s', async (_, results, more, outcome) => {
      await run([...results], settingsWith({ ...more, failOnError: false }))
      expect(headings()[0]).toBe(outcome)
    })

    it('names the failed list and the rest with their counts; without failures, one list of links', async () => {
      await run([result(0), failure(1), result(2)])
      expect(headings().slice(1)).toEqual(['Failed (1)', 'The other links (2)'])
      jest.clearAllMocks()
      fs.writeFileSync(SUMMARY, '')
      await run([result(0)])
      expect(headings().slice(1)).toEqual(['Links (1)'])
      expect(tables()).toHaveLength(1)
    })

    it('writes each table exactly as @actions/core would write it from the same cells', async () => {
      await run([failure(0, { warnings: ['it dangles'] }), result(1, { warnings: ['w1', 'w2'] }), result(2)])
      const page = written()
      const built = tables().map((rows) => {
        const [header, ...cells] = rows
        core.summary.emptyBuffer()
        return core.summary.addTable([header.map((data) => ({ data, header: true })), ...cells]).stringify()
      })
      core.summary.emptyBuffer()
      expect(built).toHaveLength(2)
      for (const table of built) expect(page).toContain(table)
    })

    it("heads each table with header cells; a failed link's row says its own failure, not its warnings", async () => {
      await run([failure(0, { warnings: ['it dangles'], hint: '' }), result(1, { warnings: ['w1', 'w2'] })])
      expect(written()).toContain('<th>Status</th>')
      const [failed, others] = tables()
      expect(failed[1].slice(3)).toEqual(['hardlink', 'Could not create the hard link /ws/links/l0: EPERM.', '-'])
      expect(others[1][4]).toBe('w1 w2')
      expect(others[1][3]).toBe('symlink')
    })

    it.each([
      [20, false],
      [21, true]
    ])('with %i links that need no attention, collapses them: %s', async (count, collapsed) => {
      await run(many(count, () => false))
      expect(written().includes('<details>')).toBe(collapsed)
      expect(written().includes('</details>')).toBe(collapsed)
      expect(tables()[0]).toHaveLength(count + 1)
      expect(written()).not.toContain('not shown')
    })

    it('shows at most 1,000 links and says how many more there are', async () => {
      await run(many(1001, () => false))
      expect(tables()[0]).toHaveLength(1001)
      expect(written()).toContain('<p>1 more link not shown: see the results-file output.</p>')
    })

    it('says the outcome first, then the failures with why and what to do, HTML escaped', async () => {
      await run([
        result(0),
        failure(1, { path: '/ws/<b>"x"</b>', message: 'no & <no>' }),
        result(2, { status: 'unchanged', path: '/elsewhere/l' })
      ])
      expect(written()).toMatch(
        /^<h3>❌ ln-action: 1 of 3 links failed<\/h3>\n<p>3 links: 1 created, 0 replaced, 1 unchanged, 1 failed<\/p>/
      )
      const [failed, others] = tables()
      expect(failed).toEqual([
        ['Status', 'Path', 'Target', 'Kind', 'Why', 'What to do'],
        [
          'failed',
          '&#60;b&#62;&#34;x&#34;&#60;/b&#62;',
          '../data/t1',
          'hardlink',
          'no &#38; &#60;no&#62;',
          'Add <code>fallback: symlink</code>.'
        ]
      ])
      expect(others).toEqual([
        ['Status', 'Path', 'Target', 'Kind', 'Warnings'],
        ['created', 'links/l0', '../data/t0', 'symlink', '-'],
        ['unchanged', '/elsewhere/l', '../data/t2', 'symlink', '-']
      ])
      expect(written()).not.toContain('<b>')
      expect(written()).not.toContain('<details>')
    })

    it('collapses a long list of links that did not fail', async () => {
      await run(many(21, () => false))
      expect(written()).toContain('<details><summary>Links (21)</summary>')
      expect(tables()[0]).toHaveLength(22)
    })

    it('stays under 1 MiB for 20,000 results and says how many it left out', async () => {
      await run(many(20_000, (i) => i % 2 === 0, { message: '<&>'.repeat(150) }))
      expect(Buffer.byteLength(written())).toBeLessThan(1024 * 1024)
      const shown = tables().reduce((n, table) => n + table.length - 1, 0)
      expect(shown).toBeGreaterThan(0)
      expect(written()).toContain(`${20_000 - shown} more links not shown`)
    })

    it('shows at most 1,000 rows across both tables, the failed ones first', async () => {
      await run(many(1_500, (i) => i % 2 === 0))
      const [failed, others] = tables().map((table) => table.length - 1)
      expect([failed, others]).toEqual([750, 250])
      expect(written()).toContain('500 more links not shown')
    })

    it.each([
      ['summary: false', settingsWith({ summary: false }), SUMMARY],
      ['no GITHUB_STEP_SUMMARY', settingsWith(), undefined]
    ])('is not written with %s', async (_, settings, file) => {
      if (file === undefined) delete process.env.GITHUB_STEP_SUMMARY
      await report([result(0)], { settings, workspace: '/ws', platform: linux })
      expect(fs.readFileSync(SUMMARY, 'utf8')).toBe('')
    })
  })
})

describe('annotation locations', () => {
  const problems = [
    { line: 7, message: 'has 2 separators' },
    { line: 3, message: "unknown field 'taget'" }
  ]

  it.each([
    ['inside the workspace', '/ws/ci/links.yml', { title: 'ln-action', file: 'ci/links.yml', startLine: 3 }],
    ['outside the workspace', '/etc/links.yml', { title: 'ln-action: links line 3' }],
    ['absent (links inline)', undefined, { title: 'ln-action: links line 3' }]
  ])('point into the spec file when it is %s', async (_, specFile, props) => {
    const where = { settings: settingsWith({ specFile }), workspace: '/ws', platform: linux }
    await reportProblems(problems, where)
    expect(core.error.mock.calls[0]).toEqual(["unknown field 'taget'", props])
    await report([failure(2)], where)
    expect(core.error.mock.calls[2][1]).toEqual(props)
  })

  it('annotates at most 8 spec problems, then one saying how many more', async () => {
    const twelve = Array.from({ length: 12 }, (_, i) => ({ line: 12 - i, message: `problem ${12 - i}` }))
    await reportProblems(twelve, { settings: settingsWith(), workspace: '/ws', platform: linux })
    expect(core.error.mock.calls.map(([message]) => message)).toEqual([
      ...Array.from({ length: 8 }, (_, i) => `problem ${i + 1}`),
      expect.stringMatching(/^4 more errors/)
    ])
    expect(core.setFailed).toHaveBeenCalledTimes(1)
  })

  it('says each spec problem once, in line order, as its annotation, and fails the step', async () => {
    await reportProblems(problems, {
      settings: settingsWith({ specFile: '/ws/ci/links.yml' }),
      workspace: '/ws',
      platform: linux
    })
    expect(jest.mocked(core.error).mock.calls.map(([message]) => message)).toEqual([
      "unknown field 'taget'",
      'has 2 separators'
    ])
    expect(logLines()).toEqual([])
    expect(core.setFailed).toHaveBeenCalledWith('The links spec has 2 problems; nothing was changed.')
  })

  it('logs the spec problems past what annotations show, each once', async () => {
    const many = Array.from({ length: 11 }, (_, i) => ({ line: i + 1, message: `problem ${i + 1}` }))
    await reportProblems(many, {
      settings: settingsWith({ specFile: '/ws/links.txt' }),
      workspace: '/ws',
      platform: linux
    })
    const annotated = jest.mocked(core.error).mock.calls.map(([message]) => String(message))
    expect(annotated.slice(0, 8)).toEqual(many.slice(0, 8).map((p) => p.message))
    expect(annotated[8]).toMatch(/^3 more errors/)
    expect(logLines()).toEqual([
      '/ws/links.txt:9: problem 9',
      '/ws/links.txt:10: problem 10',
      '/ws/links.txt:11: problem 11'
    ])
  })

  it('still writes the outputs and a summary for a rejected spec: each entry failed with its problem, or skipped', async () => {
    const entries = [7, 9].map((line) => ({ line, path: `l${line}`, target: 'x', options: settingsWith().defaults }))
    await reportProblems(problems, { settings: settingsWith(), workspace: '/ws', platform: linux }, entries)
    const outputs = Object.fromEntries(core.setOutput.mock.calls.map(([k, v]) => [k, String(v)]))
    expect(outputs).toMatchObject({ failed: '3', created: '0', changed: 'false' })
    const results = JSON.parse(outputs.results) as LinkResult[]
    expect(results.map((r) => [r.line, r.status, r.path])).toEqual([
      [3, 'failed', ''],
      [7, 'failed', 'l7'],
      [9, 'skipped', 'l9']
    ])
    expect(results[1]).toMatchObject({ code: 'SPEC', message: 'has 2 separators' })
    expect(JSON.parse(fs.readFileSync(outputs['results-file'], 'utf8'))).toEqual(results)
    const summary = fs.readFileSync(SUMMARY, 'utf8')
    expect(summary).toContain('nothing was changed')
    expect(summary).toContain('has 2 separators')
    expect(core.setFailed).toHaveBeenCalledTimes(1)
  })
})

describe('report, the edges (Stryker survivors)', () => {
  const at = { settings: settingsWith({ specFile: '/ws/links.yml' }), workspace: '/ws', platform: linux }

  it('marks the last line of an entry that spans several, and none for one line', async () => {
    await report([failure(0, { line: 2, endLine: 4 }), failure(1, { line: 6, endLine: 6 })], at)
    expect(core.error.mock.calls[0][1]).toMatchObject({ file: 'links.yml', startLine: 2, endLine: 4 })
    expect(core.error.mock.calls[1][1]).not.toHaveProperty('endLine')
  })

  it('annotates exactly 8 failures without a "more" line, and a warning at its link', async () => {
    await run([...many(8, () => true), result(8, { line: 30, warnings: ['dangles'] })])
    expect(core.error).toHaveBeenCalledTimes(8)
    expect(core.error.mock.calls[0][0]).toBe(`${failure(0).message} ${failure(0).hint}`)
    expect(core.warning.mock.calls).toEqual([
      ['dangles', expect.objectContaining({ title: expect.stringContaining('30') })]
    ])
  })

  it('says changed when links were only replaced or only removed, and counts the removed', async () => {
    await run([result(0, { status: 'replaced' }), result(1, { status: 'created' })])
    expect(output('changed')).toBe('true')
    jest.clearAllMocks()
    await run([result(0, { status: 'removed' })])
    expect(output('changed')).toBe('true')
    expect(logLines()).toContain('1 link: 0 created, 0 replaced, 1 removed, 0 unchanged, 0 failed')
  })
})

describe('reportCleanup (the post step)', () => {
  const undone = [
    result(0, { status: 'removed' }),
    result(1, { status: 'restored' }),
    result(2, { status: 'kept', warnings: ['changed since'] }),
    result(3, { status: 'unchanged' })
  ]

  it('logs what it undid, keeps every result in the file, and does not fail when every link was undone or left', async () => {
    await reportCleanup(undone, { settings: settingsWith(), workspace: '/ws', platform: linux })
    expect(logLines().at(-1)).toMatch(/4 links .*1 removed, 1 restored, 1 kept .*1 already gone, 0 not undone/)
    const file = output('results-file')
    expect((JSON.parse(fs.readFileSync(file, 'utf8')) as LinkResult[]).map((r) => r.status)).toEqual([
      'removed',
      'restored',
      'kept',
      'unchanged'
    ])
    expect(core.warning).toHaveBeenCalledWith('changed since', expect.anything())
    expect(core.setFailed).not.toHaveBeenCalled()
    expect(fs.readFileSync(SUMMARY, 'utf8')).toContain('✅')
  })

  it('fails the step and annotates the link it could not undo, and writes no summary when told not to', async () => {
    const where = { settings: settingsWith({ summary: false }), workspace: '/ws', platform: linux }
    await reportCleanup([...undone, failure(4)], where)
    expect(core.error).toHaveBeenCalledTimes(1)
    expect(core.setFailed).toHaveBeenCalledWith(expect.stringMatching(/\b1 of 5\b/))
    expect(fs.readFileSync(SUMMARY, 'utf8')).toBe('')
  })

  it('heads the summary with the failure when a link was not undone', async () => {
    await reportCleanup([failure(0)], { settings: settingsWith(), workspace: '/ws', platform: linux })
    expect(fs.readFileSync(SUMMARY, 'utf8')).toMatch(/❌[^<]*1 of 1/)
  })
})
