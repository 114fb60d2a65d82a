// Executors: which links are worked on where, the local executor, and the action's side of a share worker with a
// real child process (the bundled share worker, dist/share/index.js, on a temporary directory; and a child that dies).
import { jest } from '@jest/globals'
import { EventEmitter } from 'node:events'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { fileURLToPath } from 'node:url'
import { LocalExecutor } from '../src/executor.js'
import { executorsFor, goesToShare, type Workplace } from '../src/executors.js'
import { nodeFs } from '../src/fsops.js'
import type { FilesystemInfo, LinkRequest, LinkResult, Settings } from '../src/model.js'
import { ShareExecutor } from '../src/share/executor.js'
import { ROUND } from '../src/share/protocol.js'
import { indexed, shareOver } from './helpers/share.js'
import { context, dataWorkspace, failing, host, requests, settingsFor, tempDir } from './helpers/stage.js'
import { describePosix } from './helpers/action.js'

const DIST = fileURLToPath(new URL('../dist/share/index.js', import.meta.url))

let ws: string
beforeEach(() => {
  ws = dataWorkspace()
})
afterEach(() => fs.rmSync(ws, { recursive: true, force: true }))

const EXT4: FilesystemInfo = { type: 'ext4', mountPoint: '/', source: '/dev/vda', options: [] }

/** A workplace where everything below `share` is on a FUSE share (per the detector), the rest on ext4. */
function workplace(share: string): Workplace {
  const sshfs: FilesystemInfo = { type: 'fuse.sshfs', mountPoint: share, source: 'u@h:/srv', options: [] }
  const onShare = (p: string): boolean => p === share || p.startsWith(`${share}/`)
  return {
    platform: host,
    ops: nodeFs,
    detector: { forPath: (p) => (onShare(p) ? sshfs : EXT4) },
    mayHang: onShare,
    workerEntry: DIST
  }
}

/** The executors as main asks for them: the links on shares at once, the others read as they are made. */
function executorsOf(requests: LinkRequest[], settings: Settings, where: Workplace) {
  const links = requests.map((request, index) => ({ index, request }))
  const onShares = links.filter((link) => goesToShare(link.request, where))
  return executorsFor(
    onShares,
    links.filter((link) => !onShares.includes(link)),
    settings,
    where
  )
}

/**
 * A stand-in share worker, `ws/worker.mjs`: it notes each round it is handed in `ws/handed` (its type, how many
 * links, whether more follow), says it has planned, and answers each round at once, every link created; `afterFirst`
 * runs once the first round's answer is sent, `onLinks` as a further round comes (JavaScript, with `fs`).
 */
function standInWorker(ws: string, { afterFirst = '', onLinks = '' }): string {
  const worker = path.join(ws, 'worker.mjs')
  fs.writeFileSync(
    worker,
    `import * as fs from 'node:fs'
let first = []
const answer = (links, then) => process.send({ type: 'results', results: links.map(({ index }) => [index, { status: 'created' }]), undo: [] }, then)
process.on('message', (m) => {
  if (m.links) fs.appendFileSync('${ws}/handed', JSON.stringify([m.type, m.links.length, m.more]) + '\\n')
  if (m.type === 'start') (first = m.links), process.send({ type: 'planned' })
  if (m.type === 'apply') answer(first, () => { ${afterFirst} })
  if (m.type === 'links') { ${onLinks}; answer(m.links, () => process.exit(0)) }
})
`
  )
  return worker
}

/** The rounds a standInWorker was handed, in order: [type, links, more]. */
const handedRounds = (ws: string): unknown[] =>
  fs
    .readFileSync(path.join(ws, 'handed'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as unknown)

/** An Emit that puts each result at its index. */
const collect =
  (into: LinkResult[]) =>
  (index: number, result: LinkResult): void =>
    void (into[index] = result)

describePosix('executorsFor', () => {
  it('resolves the working directory here only where it is not on a share (a hung share would hang the action)', () => {
    const share = path.join(ws, 'mnt')
    fs.mkdirSync(share)
    const asked: string[] = []
    const ops = { ...nodeFs, realpath: (p: string) => (asked.push(p), nodeFs.realpath(p)) }
    for (const wd of [share, ws]) {
      const executors = executorsOf(requests('l -> x', wd), settingsFor(wd), { ...workplace(share), ops })
      executors.forEach((e) => e.release())
    }
    expect(asked).toEqual([ws])
  })

  it('takes a working directory that cannot be resolved yet as given (parents are made as for any link)', async () => {
    const gone = path.join(ws, 'gone')
    const executors = executorsOf(requests('l -> x', gone), settingsFor(gone), workplace(path.join(ws, 'mnt')))
    const results: LinkResult[] = []
    for (const executor of executors) await executor.results(collect(results))
    expect(results).toMatchObject([{ status: 'created' }])
    expect(fs.readlinkSync(path.join(gone, 'l'))).toBe('x')
  })

  it('sends a link whose PATH or TARGET is on a share to its worker, and does the rest here', async () => {
    const share = path.join(ws, 'mnt')
    fs.mkdirSync(share)
    fs.writeFileSync(path.join(share, 'file'), 'f')
    // Calls made in this process fail: what succeeds was done by the share worker.
    const here = { ...workplace(share), ops: failing({ symlink: 'EACCES' }) }
    const spec = 'local -> data/x\nmnt/on-share -> data/x\nto-share -> mnt/file'
    const executors = executorsOf(requests(spec, ws), settingsFor(ws), here)
    try {
      await Promise.all(executors.map((e) => e.plan()))
      const results: LinkResult[] = new Array(3)
      await Promise.all(executors.map((e) => e.results(collect(results))))
      expect(results.map((r) => [r.status, r.code])).toEqual([
        ['failed', 'EACCES'],
        ['created', ''],
        ['created', '']
      ])
    } finally {
      executors.forEach((e) => e.release())
    }
  })

  it('plans and makes links on a share in its worker, and the others here, into one list of results', async () => {
    const share = path.join(ws, 'mnt')
    fs.mkdirSync(share)
    const executors = executorsOf(requests('mnt/a -> data/x\nb -> data/dir', ws), settingsFor(ws), workplace(share))
    try {
      await Promise.all(executors.map((e) => e.plan()))
      const results: LinkResult[] = new Array(2)
      await Promise.all(executors.map((e) => e.results(collect(results))))
      expect(results.map((r) => r.status)).toEqual(['created', 'created'])
      expect(fs.readlinkSync(path.join(share, 'a'))).toBe('../data/x')
      expect(fs.readlinkSync(path.join(ws, 'b'))).toBe('data/dir')
    } finally {
      executors.forEach((e) => e.release())
    }
  })

  it('hands a share worker its next round while links are still being made here, not after the last', async () => {
    const share = path.join(ws, 'mnt')
    fs.mkdirSync(share)
    const answered = path.join(ws, 'answered')
    const seen = path.join(ws, 'seen')
    // Handed its second round, the worker counts the links made here so far.
    const worker = standInWorker(ws, {
      afterFirst: `fs.writeFileSync('${answered}', '')`,
      onLinks: `fs.writeFileSync('${seen}', String(fs.readdirSync('${ws}/here').length))`
    })
    const onShare = Array.from({ length: ROUND + 1 }, (_, i) => `mnt/s${i} -> data/x`)
    const here = Array.from({ length: 1_000 }, (_, i) => `here/l${i} -> data/x`)
    // The second slice made here waits for the worker's first answer: it is then in this process's pipe.
    const ops = {
      ...nodeFs,
      symlink: (text: string, p: string, type?: string) => {
        for (const end = Date.now() + 10_000; p.endsWith('/l150') && !fs.existsSync(answered) && Date.now() < end;);
        nodeFs.symlink(text, p, type as never)
      }
    }
    const where = { ...workplace(share), ops, workerEntry: worker }
    const executors = executorsOf(requests([...onShare, ...here].join('\n'), ws), settingsFor(ws), where)
    try {
      await Promise.all(executors.map((e) => e.plan()))
      const results: LinkResult[] = []
      await Promise.all(executors.map((e) => e.results(collect(results))))
      expect(results.filter((r) => r.status === 'created')).toHaveLength(onShare.length + here.length)
      expect(Number(fs.readFileSync(seen, 'utf8'))).toBeLessThan(here.length)
      // A round at a time, each saying whether another follows.
      expect(handedRounds(ws)).toEqual([
        ['start', ROUND, true],
        ['links', 1, false]
      ])
    } finally {
      executors.forEach((e) => e.release())
    }
  })
})

describePosix('LocalExecutor', () => {
  const local = (spec: string, dryRun: boolean) =>
    new LocalExecutor(indexed(spec, ws), context(ws), dryRun) as LocalExecutor

  it('in a dry run gives plans as results and touches nothing', async () => {
    const executor = local('a/l -> data/x', true)
    await executor.plan()
    const results: LinkResult[] = []
    await executor.results(collect(results))
    expect(results).toMatchObject([{ status: 'planned', plan: 'create' }])
    expect(fs.existsSync(path.join(ws, 'a'))).toBe(false)
  })

  it('makes 250 links 100 at a time, waiting for the report after each full slice', async () => {
    const spec = Array.from({ length: 250 }, (_, i) => `l${i} -> data/x`).join('\n')
    const made: number[] = []
    const executor = new LocalExecutor(indexed(spec, ws), context(ws), false, () => {
      made.push(fs.readdirSync(ws).filter((n) => n.startsWith('l')).length)
      return undefined
    })
    const results: LinkResult[] = []
    await executor.results(collect(results))
    expect(made).toEqual([100, 200])
    expect(results.map((r) => r.status)).toEqual(Array(250).fill('created'))
  })

  it('fails a PATH leading out through a symlinked parent as that link alone, and makes the others', async () => {
    fs.symlinkSync(tempDir(), path.join(ws, 'out'))
    const executor = local('ok -> data/x\nout/l -> data/x', false)
    await executor.plan()
    const results: LinkResult[] = []
    await executor.results(collect(results))
    expect(results).toMatchObject([{ status: 'created' }, { status: 'failed', code: 'CONFINE', line: 2 }])
    expect(results[1].message).toContain("PATH 'out/l' leads outside working-directory")
  })
})

describePosix('ShareExecutor', () => {
  const spec = 'one -> data/x\nsub/two -> data/dir'

  it('hands its links to the bundled share worker and gets every result back', async () => {
    const executor = new ShareExecutor(shareOver(ws), indexed(spec, ws), context(ws), DIST)
    try {
      await executor.plan()
      const results: LinkResult[] = []
      await executor.results(collect(results))
      expect(results.map((r) => r.status)).toEqual(['created', 'created'])
      expect(fs.readlinkSync(path.join(ws, 'sub/two'))).toBe('../data/dir')
    } finally {
      executor.release()
    }
  })

  it('hands on a share of several rounds as each comes, every link once, in spec order, with its undo', async () => {
    const spec = Array.from({ length: 2_500 }, (_, i) => `d${i % 7}/l${i} -> data/x`).join('\n')
    const executor = new ShareExecutor(shareOver(ws, { cleanup: true }), indexed(spec, ws), context(ws), DIST)
    const emitted: [number, string, number | undefined][] = []
    try {
      await executor.plan()
      await executor.results((index, result, undo) => emitted.push([index, result.status, undo?.line]))
    } finally {
      executor.release()
    }
    expect(emitted).toEqual(Array.from({ length: 2_500 }, (_, i) => [i, 'created', i + 1]))
    expect(fs.readlinkSync(path.join(ws, 'd0/l2499'))).toBe('../data/x')
  })

  it('in a dry run predicts a link below another as the real run makes it, though that one is on another lane', async () => {
    // a/ is the busiest directory: the first lane's, which also plans sub/inner (wave 2); sub is the next lane's.
    const spec = 'a/l1 -> data/x\na/l2 -> data/x\nsub -> data/dir\nsub/inner -> data/x'
    const texts = async (dryRun: boolean) => {
      const executor = new ShareExecutor(shareOver(ws, { dryRun }), indexed(spec, ws), context(ws), DIST)
      try {
        await executor.plan()
        const results: LinkResult[] = []
        await executor.results(collect(results))
        return results.map((r) => [r.plan ?? r.status, r.text])
      } finally {
        executor.release()
      }
    }
    expect(await texts(true)).toEqual([
      ['create', '../data/x'],
      ['create', '../data/x'],
      ['create', 'data/dir'],
      ['create', '../x']
    ])
    expect(await texts(false)).toEqual([
      ['created', '../data/x'],
      ['created', '../data/x'],
      ['created', 'data/dir'],
      ['created', '../x']
    ])
  })

  it('in a dry run hands on each round’s predictions, every link once, in spec order, and makes nothing', async () => {
    const spec = Array.from({ length: ROUND + 500 }, (_, i) => `d${i % 7}/l${i} -> data/x`).join('\n')
    const executor = new ShareExecutor(shareOver(ws, { dryRun: true }), indexed(spec, ws), context(ws), DIST)
    const emitted: [number, string | undefined][] = []
    try {
      await executor.plan()
      await executor.results((index, result) => emitted.push([index, result.plan]))
    } finally {
      executor.release()
    }
    expect(emitted).toEqual(Array.from({ length: ROUND + 500 }, (_, i) => [i, 'create']))
    expect(fs.existsSync(path.join(ws, 'd0'))).toBe(false)
  })

  it('hands a share of exactly one round over whole, saying no other follows', async () => {
    const worker = standInWorker(ws, { afterFirst: 'setTimeout(() => process.exit(0), 200)' })
    const spec = Array.from({ length: ROUND }, (_, i) => `l${i} -> data/x`).join('\n')
    const executor = new ShareExecutor(shareOver(ws), indexed(spec, ws), context(ws), worker)
    const results: LinkResult[] = []
    try {
      await executor.plan()
      await executor.results(collect(results))
      // Any further message would reach the worker before it exits.
      await new Promise((resolve) => setTimeout(resolve, 100))
    } finally {
      executor.release()
    }
    expect(results.filter((r) => r.status === 'created')).toHaveLength(ROUND)
    expect(handedRounds(ws)).toEqual([['start', ROUND, false]])
  })

  it('in a dry run takes the worker’s plans as results', async () => {
    const executor = new ShareExecutor(shareOver(ws, { dryRun: true }), indexed(spec, ws), context(ws), DIST)
    try {
      await executor.plan()
      const results: LinkResult[] = []
      await executor.results(collect(results))
      expect(results.map((r) => r.plan)).toEqual(['create', 'create'])
      expect(fs.existsSync(path.join(ws, 'one'))).toBe(false)
    } finally {
      executor.release()
    }
  })

  /**
   * A share worker script at `file` that says it has planned the links it is sent (and with `predicts`, sends what a
   * dry run would do with them, unasked), then runs `then` once its answers are sent.
   */
  function planningWorker(file: string, then: string, predicts = false): string {
    const result = { status: 'planned', plan: 'create', line: 1 }
    const results = `{ type: 'results', results: links.map(({ index }) => [index, ${JSON.stringify(result)}]), undo: [] }`
    fs.writeFileSync(
      file,
      `import * as fs from 'node:fs'\nprocess.once('message', ({ links }) => process.send({ type: 'planned' }, () => ` +
        (predicts ? `process.send(${results}, () => ${then})` : then) +
        '))\n'
    )
    return file
  }

  it('keeps an answer the worker gives before it is asked for', async () => {
    const sent = path.join(ws, 'sent')
    const eager = planningWorker(path.join(ws, 'eager.mjs'), `fs.writeFileSync('${sent}', '')`, true)
    const executor = new ShareExecutor(shareOver(ws, { dryRun: true }), indexed(spec, ws), context(ws), eager)
    const pause = () => new Promise((resolve) => setTimeout(resolve, 20))
    try {
      for (let waited = 0; !fs.existsSync(sent) && waited < 10_000; waited += 20) await pause()
      await pause()
      await executor.plan()
      const results: LinkResult[] = []
      await executor.results(collect(results))
      expect(results.map((r) => r.plan)).toEqual(['create', 'create'])
    } finally {
      executor.release()
    }
  })

  let standIn: EventEmitter | undefined
  /** A ShareExecutor over a stand-in for its child process, which the test drives. */
  async function overStandIn(sendError?: Error) {
    const child = Object.assign(new EventEmitter(), {
      connected: true,
      sent: [] as unknown[],
      send: (message: unknown, done: (error: Error | null) => void) => {
        child.sent.push(message)
        setImmediate(() => done(sendError ?? null))
        return true
      },
      kill: () => true,
      disconnect: () => undefined,
      unref: () => undefined
    })
    const roles = await import('../src/roles.js')
    standIn = child
    jest.unstable_mockModule('../src/roles.js', () => ({ ...roles, startChild: () => standIn }))
    let made: ShareExecutor | undefined
    await jest.isolateModulesAsync(async () => {
      const { ShareExecutor: Isolated } = await import('../src/share/executor.js')
      made = new Isolated(shareOver(ws, { dryRun: true }), indexed(spec, ws), context(ws), DIST)
    })
    return { child, executor: made! }
  }

  /** Its results, or 'no answer' if it gives none within a second. */
  async function resultsOf(executor: ShareExecutor): Promise<LinkResult[] | 'no answer'> {
    const results: LinkResult[] = []
    const answered = executor.results(collect(results)).then(() => results)
    return Promise.race([
      answered,
      new Promise<'no answer'>((resolve) => setTimeout(() => resolve('no answer'), 1_000))
    ])
  }

  it('takes a worker that answers, its messages safely sent, at its word', async () => {
    const { child, executor } = await overStandIn()
    const planning = executor.plan()
    await new Promise(setImmediate)
    await new Promise(setImmediate)
    const result = { status: 'planned', plan: 'create', line: 1 }
    child.emit('message', { type: 'planned' })
    await planning
    expect(child.sent).toMatchObject([{ type: 'start' }])
    const results = resultsOf(executor)
    child.emit('message', { type: 'results', results: [[0, result]], undo: [] })
    child.emit('message', { type: 'results', results: [[1, result]], undo: [] })
    expect(await results).toMatchObject([{ plan: 'create' }, { plan: 'create' }])
  })

  it.each([
    ['that cannot be reached', () => undefined, new Error('write EPIPE')],
    ['that fails', (child: EventEmitter) => child.emit('error', new Error('spawn EACCES')), undefined]
  ])('fails every link of a worker %s, saying why', async (_, fault, sendError) => {
    const { child, executor } = await overStandIn(sendError)
    fault(child)
    await executor.plan()
    const results = await resultsOf(executor)
    expect(results).toMatchObject([
      { status: 'planned', plan: 'fail', code: 'UNKNOWN' },
      { status: 'planned', plan: 'fail', code: 'UNKNOWN' }
    ])
    expect((results as LinkResult[])[0].message).toContain((sendError ?? new Error('spawn EACCES')).message)
  })

  it.each([false, true])('fails every link of a worker that died, saying so (dry run: %s)', async (dryRun) => {
    const dies = path.join(ws, 'dies.mjs')
    fs.writeFileSync(dies, 'process.exit(3)\n')
    const executor = new ShareExecutor(shareOver(ws, { dryRun }), indexed(spec, ws), context(ws), dies)
    try {
      await executor.plan()
      const results: LinkResult[] = []
      await executor.results(collect(results))
      expect(results).toHaveLength(2)
      for (const result of results) {
        expect(result).toMatchObject(dryRun ? { status: 'planned', plan: 'fail' } : { status: 'failed' })
        expect(result).toMatchObject({ code: 'UNKNOWN', syscall: 'none' })
        expect(result.message).toContain('the worker for this share ended early (exit code 3)')
      }
    } finally {
      executor.release()
    }
  })

  it('fails every link of a worker that closes its channel but runs on, at once rather than at its timeout', async () => {
    const pidFile = path.join(ws, 'pid')
    const drops = path.join(ws, 'drops.mjs')
    // Told to start, it disconnects (not inside the message's own handler: that crashes Node 20) and idles on; for
    // 20 s at most, so that no run of this test leaves it behind.
    fs.writeFileSync(
      drops,
      `import * as fs from 'node:fs'; fs.writeFileSync('${pidFile}', String(process.pid)); ` +
        `process.once('message', () => setImmediate(() => process.disconnect())); setTimeout(() => {}, 20_000)\n`
    )
    const executor = new ShareExecutor(shareOver(ws, { timeoutMs: 60_000 }), indexed(spec, ws), context(ws), drops)
    try {
      await executor.plan()
      const results: LinkResult[] = []
      await executor.results(collect(results))
      expect(results).toMatchObject([
        { status: 'failed', code: 'UNKNOWN', syscall: 'none' },
        { status: 'failed', code: 'UNKNOWN', syscall: 'none' }
      ])
      // Answered while the worker still runs: not by its exit.
      expect(process.kill(Number(fs.readFileSync(pidFile, 'utf8')), 0)).toBe(true)
    } finally {
      executor.release()
      if (fs.existsSync(pidFile)) {
        try {
          process.kill(Number(fs.readFileSync(pidFile, 'utf8')), 'SIGKILL')
        } catch {
          // gone already (release killed it)
        }
      }
    }
  })

  it('names the exit code of a worker that plans, closes its channel and then crashes, not the closed channel', async () => {
    const closed = path.join(ws, 'closed')
    const crashes = planningWorker(
      path.join(ws, 'crashes.mjs'),
      `setImmediate(() => { process.disconnect(); fs.writeFileSync('${closed}', ''); ` +
        `setTimeout(() => process.exit(3), 300) })`
    )
    const executor = new ShareExecutor(shareOver(ws), indexed(spec, ws), context(ws), crashes)
    const pause = () => new Promise((resolve) => setTimeout(resolve, 20))
    try {
      await executor.plan()
      for (let waited = 0; !fs.existsSync(closed) && waited < 10_000; waited += 20) await pause()
      await pause()
      // Asked to apply once its channel is closed: the results wait for its exit, which says what happened.
      const results: LinkResult[] = []
      await executor.results(collect(results))
      expect(results).toHaveLength(2)
      for (const r of results) {
        expect(r).toMatchObject({ status: 'failed', code: 'UNKNOWN' })
        expect(r.message).toContain('the worker for this share ended early (exit code 3)')
      }
    } finally {
      executor.release()
    }
  })

  it('lets go of a worker that never answers: killed, even though it shrugs off a polite signal', async () => {
    const pidFile = path.join(ws, 'pid')
    const stuck = path.join(ws, 'stuck.mjs')
    fs.writeFileSync(
      stuck,
      `import * as fs from 'node:fs'; process.on('SIGTERM', () => {}); process.on('message', () => {}); ` +
        `fs.writeFileSync('${pidFile}~', String(process.pid)); fs.renameSync('${pidFile}~', '${pidFile}')\n`
    )
    const executor = new ShareExecutor(shareOver(ws), indexed(spec, ws), context(ws), stuck)
    const pause = () => new Promise((resolve) => setTimeout(resolve, 20))
    try {
      for (let waited = 0; !fs.existsSync(pidFile) && waited < 10_000; waited += 20) await pause()
    } finally {
      executor.release()
    }
    const pid = Number(fs.readFileSync(pidFile, 'utf8'))
    const alive = (): boolean => {
      try {
        return process.kill(pid, 0)
      } catch {
        return false
      }
    }
    for (let waited = 0; alive() && waited < 5_000; waited += 20) await pause()
    const left = alive()
    if (left) process.kill(pid, 'SIGKILL')
    expect(left).toBe(false)
  })
})
