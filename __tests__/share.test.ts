// The share machinery in this process: call slots and the watchdog, lane assignment, a lane, the supervisor and
// the worker's conversation with the action. The child process and threads themselves are end-to-end territory
// (faults.e2e.test.ts, lab.e2e.test.ts); here their parts run inline on real temporary directories.
import { jest } from '@jest/globals'
import { EventEmitter } from 'node:events'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { pathToFileURL } from 'node:url'
import { nodeFs, type FsOps } from '../src/fsops.js'
import { CallSlots, Watchdog, timedOps } from '../src/share/call-slots.js'
import { Lane, type LaneData } from '../src/share/lane.js'
import { assignLanes, dealLookups, laneCount, worthListing } from '../src/share/lanes.js'
import type { Indexed, LinkResult, UndoEntry } from '../src/model.js'
import { ROUND, type FromLane, type FromWorker, type Share, type ToLane, type ToWorker } from '../src/share/protocol.js'
import {
  Supervisor,
  processChannel,
  runShareWorker,
  serveShare,
  threadLanes,
  type LaneStarter
} from '../src/share/supervisor.js'
import { ROLE } from '../src/roles.js'
import { createDetector } from '../src/mounts.js'
import { byIndex, failingLane, hungLane, indexed, inlineLane, shareOver } from './helpers/share.js'
import { dataWorkspace, errnoError, failing, host, requests, settingsFor } from './helpers/stage.js'
import { memoryFs } from './helpers/memfs.js'
import { platformFor } from '../src/platform.js'
import type { FilesystemInfo } from '../src/model.js'
import { describePosix, snapshot } from './helpers/action.js'

let ws: string
beforeEach(() => {
  ws = dataWorkspace()
})
afterEach(() => fs.rmSync(ws, { recursive: true, force: true }))

const SPEC = 'a/l1 -> data/x\na/l2 -> data/dir\nb/l3 -> data/x\nc/l4 -> data/x'

describe('CallSlots', () => {
  it('shows a lane its call and how long it has run, and nothing between calls', () => {
    const slots = new CallSlots(2, 1_000)
    slots.begin(1, 7, 'rename', 1_500)
    expect(slots.current(1, 1_800)).toEqual({ index: 7, syscall: 'rename', elapsed: 300 })
    expect(slots.current(0, 1_800)).toBeUndefined()
    slots.end(1)
    expect(slots.current(1, 1_800)).toBeUndefined()
  })

  it('shows a call that began at the epoch itself (else the watchdog would never time it)', () => {
    const slots = new CallSlots(1, 1_000)
    slots.begin(0, 2, 'stat', 1_000)
    expect(slots.current(0, 1_000)).toMatchObject({ index: 2, syscall: 'stat' })
  })

  it('is one memory for every thread that wraps it, stop flag included', () => {
    const slots = new CallSlots(3, 0)
    const other = new CallSlots(slots.memory, 0)
    other.begin(2, 4, 'link', 10)
    expect(slots.current(2, 20)).toMatchObject({ index: 4, syscall: 'link' })
    expect(slots.stopped).toBe(false)
    other.stop()
    expect(slots.stopped).toBe(true)
  })

  it('timed calls note themselves while they run, and are idle after, also when they throw', () => {
    const slots = new CallSlots(1, Date.now() - 10)
    const current = { index: 3 }
    let seen: unknown
    const ops = timedOps(
      {
        ...nodeFs,
        lstat: (p) => {
          seen = slots.current(0)
          return nodeFs.lstat(p)
        }
      },
      slots,
      0,
      current
    )
    ops.lstat(ws)
    expect(seen).toMatchObject({ index: 3, syscall: 'lstat' })
    expect(slots.current(0)).toBeUndefined()
    expect(() => timedOps(failing({ mkdir: 'EACCES' }), slots, 0, current).mkdir(ws)).toThrow('EACCES')
    expect(slots.current(0)).toBeUndefined()
  })
})

describe('Watchdog', () => {
  it('reports a lane whose call outlives the timeout, once, and leaves the others', () => {
    const slots = new CallSlots(3, 0)
    const watchdog = new Watchdog(slots, 3, 1_000)
    slots.begin(0, 1, 'symlink', 100)
    slots.begin(2, 5, 'stat', 900)
    expect(watchdog.check(1_100)).toEqual([])
    expect(watchdog.check(1_101)).toEqual([{ lane: 0, call: { index: 1, syscall: 'symlink', elapsed: 1_001 } }])
    expect(watchdog.check(5_000)).toEqual([{ lane: 2, call: expect.objectContaining({ index: 5 }) }])
    expect(watchdog.check(9_000)).toEqual([])
  })
})

describePosix('lanes', () => {
  it('keeps each directory whole on one lane, the busiest first, each lane in spec order', () => {
    const links = indexed('a/1 -> data/x\nb/1 -> data/x\na/2 -> data/x\nc/1 -> data/x\na/3 -> data/x', ws)
    const { wave1, wave2 } = assignLanes(links, 2, 'linux')
    const dirs = wave1.map((lane) => lane.map((l) => path.relative(ws, l.request.absPath)))
    expect(dirs).toEqual([
      ['a/1', 'a/2', 'a/3'],
      ['b/1', 'c/1']
    ])
    expect(wave2).toEqual([])
  })

  it('gives the busiest directory first to a lane, though the spec names it last; each lane in spec order', () => {
    const links = indexed('b/1 -> data/x\nc/1 -> data/x\nd/1 -> data/x\na/1 -> data/x\na/2 -> data/x', ws)
    const { wave1 } = assignLanes(links, 2, 'linux')
    const dirs = wave1.map((lane) => lane.map((l) => path.relative(ws, l.request.absPath)))
    // a/ (2 links) to lane 0; then b/ and c/ to lane 1, the less loaded; d/ to lane 0 (a tie, the first lane).
    expect(dirs).toEqual([
      ['d/1', 'a/1', 'a/2'],
      ['b/1', 'c/1']
    ])
  })

  it('puts links below other links in wave 2, in spec order', () => {
    const links = indexed('sub -> data/dir\nsub/inner -> data/x\nother -> sub/inner', ws)
    const { wave1, wave2 } = assignLanes(links, 1, 'linux')
    expect(wave1[0].map((l) => l.index)).toEqual([0])
    expect(wave2.map((l) => l.index)).toEqual([1, 2])
  })

  it('deals each distinct TARGET once to a lane with a link to it, the lanes taking turns', () => {
    const links = ['a/1', 'a/2', 'a/3', 'b/1', 'b/2', 'b/3'].map(
      (p, i) => `- {path: ${p}, target: ${['data/x', 'data/dir', 'data/y'][i % 3]}}`
    )
    const spec = [...links, '- {path: c/1, target: other/z}', '- {path: c/2, state: absent}'].join('\n')
    const { wave1 } = assignLanes(indexed(spec, ws), 3, 'linux')
    const dealt = dealLookups(wave1, 'linux').map((lane) => lane.map((l) => [l.index, path.relative(ws, l.path)]))
    // a/ and b/ lead to the same three TARGETs: a/ takes the first, b/ the next, a/ the last; c/ its own.
    expect(dealt).toEqual([
      [
        [0, 'data/x'],
        [2, 'data/y']
      ],
      [[4, 'data/dir']],
      [[6, 'other/z']]
    ])
  })

  it('lists where many names are sought: each lane a parent of many link directories, one lane a TARGET directory', () => {
    const spec = ['d0/a -> t/f0', 'd1/a -> t/f1', 'd2/a -> t/f2', 'd3/a -> t/f3', 'd3/b -> t/f0'].join('\n')
    const { wave1 } = assignLanes(indexed(spec, ws), 2, 'linux')
    const dealt = dealLookups(wave1, 'linux').map((lane) =>
      lane.map((l) => [l.index, path.relative(ws, l.path), l.names])
    )
    // Lane 0 holds d2/a (2), d3/a and d3/b; lane 1 d0/a (0) and d1/a. A listing is charged to the lane's first link.
    expect(dealt).toEqual([
      [
        [2, '', 4],
        [2, 't', 4]
      ],
      [[0, '', 4]]
    ])
  })

  it('looks up no TARGET for a link that removes: not its own, nor as one of the names sought in a directory', () => {
    const spec = [0, 1, 2].map((i) => `- {path: a/${i + 1}, target: t/f${i}}`)
    spec.push('- {path: a/4, target: t/f3, state: absent}')
    const { wave1 } = assignLanes(indexed(spec.join('\n'), ws), 1, 'linux')
    const dealt = dealLookups(wave1, 'linux').map((lane) => lane.map((l) => [l.index, path.relative(ws, l.path)]))
    // Three names sought in t/: each stat'd, t/ not listed.
    expect(dealt).toEqual([
      [
        [0, 't/f0'],
        [1, 't/f1'],
        [2, 't/f2']
      ]
    ])
  })

  it('lists a directory only where that takes fewer round trips than a lookup per name', () => {
    expect(worthListing(640, 30)).toBe(true) // tmpfs, 30 entries
    expect(worthListing(4096, 30)).toBe(true) // one ext4 block
    expect(worthListing(4096, 4)).toBe(false)
    expect(worthListing(1600, 4)).toBe(false) // one round trip to list plus three: as many as the lookups
    expect(worthListing(1600, 5)).toBe(true)
    expect(worthListing(4 << 20, 1000)).toBe(false) // a directory of some 100,000 entries
    expect(worthListing(0, 100)).toBe(false) // a size that says nothing
  })

  it('uses a lane per directory, at least one and at most ten', () => {
    expect(laneCount([], 'linux')).toBe(1)
    expect(laneCount(indexed(SPEC, ws), 'linux')).toBe(3)
    const many = Array.from({ length: 30 }, (_, i) => `d${i}/l -> data/x`).join('\n')
    expect(laneCount(indexed(many, ws), 'linux')).toBe(10)
  })

  it('uses one lane in a dry run with links below other links: its predictor sees every link before them', () => {
    const below = indexed('a/l -> data/x\nsub -> data/dir\nsub/inner -> data/x', ws)
    expect(laneCount(below, 'linux', true)).toBe(1)
    expect(laneCount(below, 'linux')).toBe(3)
    expect(laneCount(indexed(SPEC, ws), 'linux', true)).toBe(3)
  })
})

describePosix('Lane', () => {
  /** A lane with the spec's links as its round (`round`, the message that has it plan them). */
  function lane(spec: string, more = {}, ops = nodeFs, share = shareOver(ws, more)) {
    const links = indexed(spec, ws)
    const slots = new CallSlots(1, Date.now())
    const data: LaneData = { lane: 0, share, memory: slots.memory, epoch: 0 }
    const round: ToLane = { type: 'plan', wave1: links, wave2: [], lookups: dealLookups([links], 'linux')[0] }
    const messages: FromLane[] = []
    return { lane: new Lane(data, (m) => messages.push(m), ops), messages, slots, round }
  }

  it('runs on its thread: each message from the worker handled, every answer posted back', async () => {
    const links = indexed('x/one -> data/x', ws)
    const slots = new CallSlots(1, Date.now())
    const data: LaneData = { lane: 0, share: shareOver(ws), memory: slots.memory, epoch: 0 }
    const posted: FromLane[] = []
    const port = Object.assign(new EventEmitter(), { postMessage: (m: FromLane) => void posted.push(m) })
    const threads = await import('node:worker_threads')
    jest.unstable_mockModule('node:worker_threads', () => ({ ...threads, parentPort: port, workerData: data }))
    await jest.isolateModulesAsync(async () => {
      const { runLane } = await import('../src/share/lane.js')
      runLane()
    })
    port.emit('message', { type: 'plan', wave1: links, wave2: [], lookups: [] })
    port.emit('message', { type: 'apply', wave: 1 })
    expect(posted.map((m) => m.type)).toEqual(['planned', 'done', 'applied', 'done'])
    expect(fs.readlinkSync(path.join(ws, 'x/one'))).toBe('../data/x')
  })

  it('plans every link, then makes them, each answered by its index, then done', () => {
    const { lane: l, messages, round } = lane('x/one -> data/x\nx/two -> data/dir')
    l.handle(round)
    expect(messages.map((m) => m.type)).toEqual(['planned', 'planned', 'done'])
    expect(messages[0]).toMatchObject({ index: 0, result: { status: 'planned', plan: 'create' } })
    expect(fs.existsSync(path.join(ws, 'x'))).toBe(false)
    messages.length = 0
    l.handle({ type: 'apply', wave: 1 })
    expect(messages).toMatchObject([
      { type: 'applied', index: 0, result: { status: 'created' } },
      { type: 'applied', index: 1, result: { status: 'created' } },
      { type: 'done' }
    ])
    expect(fs.readlinkSync(path.join(ws, 'x/two'))).toBe('../data/dir')
  })

  it('looks up its TARGETs first, once each; one that fails there is the failure of its links’ own plans', () => {
    const looked: string[] = []
    const ops = {
      ...nodeFs,
      stat: (p: string) => {
        looked.push(path.relative(ws, p))
        if (p.endsWith('data/x')) throw errnoError('EACCES', 'stat')
        return nodeFs.stat(p)
      }
    }
    const { lane: l, messages, round } = lane('x/one -> data/x\nx/two -> data/dir\ny/three -> data/dir', {}, ops)
    l.handle(round)
    expect(looked.slice(0, 2)).toEqual(['data/x', 'data/dir'])
    expect(looked.filter((p) => p === 'data/dir')).toHaveLength(1)
    expect(messages.slice(0, 3)).toMatchObject([
      { index: 0, result: { plan: 'fail', code: 'EACCES', syscall: 'stat' } },
      { index: 1, result: { plan: 'create' } },
      { index: 2, result: { plan: 'create' } }
    ])
  })

  it('plans from a listing of the parent of many link directories: one not listed is missing, unasked', () => {
    fs.mkdirSync(path.join(ws, 'D1'))
    fs.mkdirSync(path.join(ws, 'd2'))
    fs.symlinkSync('../data/x', path.join(ws, 'd2/a'))
    const asked: string[] = []
    const ops = {
      ...nodeFs,
      stat: (p: string) => (asked.push(`stat ${path.relative(ws, p)}`), nodeFs.stat(p)),
      readdir: (p: string) => (asked.push(`readdir ${path.relative(ws, p)}`), nodeFs.readdir(p))
    }
    const dirs = ['d0', 'd1', 'd2', 'd3', 'd4', 'd5', 'd6', 'd7']
    const { lane: l, messages, round } = lane(dirs.map((d) => `${d}/a -> data/x`).join('\n'), {}, ops)
    l.handle(round)
    expect(asked).toContain('readdir ')
    // d2 is there, and d1 is listed as D1 (a server that ignores case would find it): both are asked about.
    expect(asked.filter((a) => /^stat d\d$/.test(a)).sort()).toEqual(['stat d1', 'stat d2'])
    const plans = (messages as { result?: { plan: string } }[]).map((m) => m.result?.plan)
    expect(plans).toEqual([
      'create',
      'create',
      'unchanged',
      'create',
      'create',
      'create',
      'create',
      'create',
      undefined
    ])
  })

  it('fails a PATH that a symlinked parent leads outside as that link alone, naming the parent', () => {
    fs.symlinkSync('/', path.join(ws, 'out'))
    const { lane: l, messages, round } = lane('fine -> data/x\nout/escape -> data/x')
    l.handle(round)
    expect(messages[0]).toMatchObject({ type: 'planned', index: 0, result: { plan: 'create' } })
    expect(messages[1]).toMatchObject({ type: 'planned', index: 1, result: { plan: 'fail', code: 'CONFINE', line: 2 } })
    expect((messages[1] as { result: { message: string } }).result.message).toContain(
      `${path.join(ws, 'out')}, which leads to /`
    )
  })

  it('charges the calls made before a link is planned (working directory, lookups) to the link they are for', () => {
    const slots = new CallSlots(1, Date.now())
    const charged: [string, number | undefined][] = []
    const charge = (call: string) => charged.push([call, slots.current(0)?.index])
    const ops: FsOps = {
      ...nodeFs,
      realpath: (p) => (charge('realpath'), nodeFs.realpath(p)),
      stat: (p) => (charge(`stat ${path.relative(ws, p)}`), nodeFs.stat(p))
    }
    // This lane's only link is the spec's second: a hung realpath() is that link's ETIMEDOUT.
    const [, second] = indexed('a/one -> data/x\nb/two -> data/dir', ws)
    const data: LaneData = { lane: 0, share: shareOver(ws), memory: slots.memory, epoch: slots.epoch }
    const round: ToLane = { type: 'plan', wave1: [second], wave2: [], lookups: dealLookups([[second]], 'linux')[0] }
    new Lane(data, () => undefined, ops).handle(round)
    expect(charged.slice(0, 2)).toEqual([
      ['realpath', 1],
      ['stat data/dir', 1]
    ])
  })

  it('once the lanes are stopped, asks the share nothing more, not even for the plans', () => {
    const asked: string[] = []
    const ops = new Proxy(nodeFs, {
      get:
        (fs, name: keyof FsOps) =>
        (...args: never[]) => (asked.push(name), (fs[name] as (...a: never[]) => unknown)(...args))
    })
    const { lane: l, messages, slots, round } = lane('x/one -> data/x\ny/two -> data/x', {}, ops)
    slots.stop()
    l.handle(round)
    l.handle({ type: 'apply', wave: 1 })
    expect(messages).toEqual([{ type: 'done' }, { type: 'done' }])
    expect(asked.filter((call) => call !== 'realpath')).toEqual([])
  })

  it('once the lanes are stopped, makes nothing more', () => {
    const { lane: l, messages, slots, round } = lane('x/one -> data/x')
    l.handle(round)
    slots.stop()
    messages.length = 0
    l.handle({ type: 'apply', wave: 1 })
    expect(messages).toEqual([{ type: 'done' }])
    expect(fs.existsSync(path.join(ws, 'x/one'))).toBe(false)
  })

  it('once the lanes are stopped, still reports a link whose plan failed as failed', () => {
    fs.symlinkSync('/', path.join(ws, 'out'))
    const { lane: l, messages, slots, round } = lane('fine -> data/x\nout/escape -> data/x')
    l.handle(round)
    slots.stop()
    messages.length = 0
    l.handle({ type: 'apply', wave: 1 })
    expect(messages).toMatchObject([
      { type: 'applied', index: 1, result: { status: 'failed', code: 'CONFINE' } },
      { type: 'done' }
    ])
    expect(fs.existsSync(path.join(ws, 'fine'))).toBe(false)
  })

  it('lets a bug in a lookup end the lane rather than pass for a failure of the share', () => {
    let thrown = false
    const ops = {
      ...nodeFs,
      stat: (p: string) => {
        if (thrown) return nodeFs.stat(p)
        thrown = true
        throw new TypeError('a bug')
      }
    }
    const { lane: l, round } = lane('x/one -> data/x', {}, ops)
    expect(() => l.handle(round)).toThrow(TypeError)
  })

  it('compares names on the share as the action found its volume, or as its type, does: here without case', () => {
    fs.symlinkSync('data/x', path.join(ws, 'l'))
    // The share is the volume ws is on, as the action saw it (whatever it really is).
    const share = shareOver(ws)
    share.filesystem = { ...share.filesystem, mountPoint: createDetector(host).forPath(ws).mountPoint }
    const shares = [
      share,
      { ...share, caseVolumes: [{ root: share.filesystem.mountPoint, ignoresCase: true }] },
      { ...share, filesystem: { ...share.filesystem, type: 'exfat' } }
    ]
    const plans = shares.map((s) => {
      const { lane: l, messages, round } = lane('- {path: l, state: absent, target: data/X}', {}, nodeFs, s)
      l.handle(round)
      return (messages[0] as { result: { plan: string } }).result.plan
    })
    expect(plans).toEqual(['fail', 'remove', 'remove'])
  })

  it('lists no directory that is missing where many names are sought, and plans its links to be made', () => {
    const asked: string[] = []
    const ops = { ...nodeFs, readdir: (p: string) => (asked.push(p), nodeFs.readdir(p)) }
    const dirs = ['d0', 'd1', 'd2', 'd3', 'd4', 'd5', 'd6', 'd7']
    const { lane: l, messages, round } = lane(dirs.map((d) => `gone/${d}/a -> data/x`).join('\n'), {}, ops)
    l.handle(round)
    expect(asked).toEqual([])
    expect((messages as { result?: { plan: string } }[]).map((m) => m.result?.plan)).toEqual([
      ...dirs.map(() => 'create'),
      undefined
    ])
  })
})

describe('a Windows lane (in memory)', () => {
  const win32 = platformFor('win32')
  const WS = 'C:\\ws'
  const NTFS: FilesystemInfo = { type: 'NTFS', mountPoint: 'C:\\', source: '', options: ['fixed'] }

  /** A lane in C:\\ws backing up the links a and b it replaces (backups need each one's own Windows kind). */
  function windowsLane() {
    const mem = memoryFs(win32, {
      [WS]: 'dir',
      'C:\\ws\\data\\x.txt': 'file',
      'C:\\ws\\a': { link: 'C:\\ws\\gone', type: 'dir' },
      'C:\\ws\\b': { link: 'C:\\ws\\gone', type: 'junction' }
    })
    const links = requests('a -> data/x.txt\nb -> data/x.txt', WS, { overwrite: 'links' }, win32)
    const slots = new CallSlots(1, Date.now())
    const share: Share = {
      settings: settingsFor(WS, { backupSuffix: '.bak' }),
      platform: 'win32',
      filesystem: NTFS,
      caseVolumes: []
    }
    // The spec's third and fourth links, here: a hung kinds query is the third's ETIMEDOUT.
    const wave1 = links.map((request, index) => ({ index: index + 2, request }))
    const data: LaneData = { lane: 0, share, memory: slots.memory, epoch: 0 }
    const round: ToLane = { type: 'plan', wave1, wave2: [], lookups: [] }
    const messages: FromLane[] = []
    const charged: (number | undefined)[] = []
    const ops = {
      ...mem.ops,
      linkKinds: (p: string[]) => (charged.push(slots.current(0)?.index), mem.ops.linkKinds(p))
    }
    return { mem, slots, messages, charged, round, lane: new Lane(data, (m) => messages.push(m), ops) }
  }

  it('asks once for the kinds of the links it backs up, each backup of its own kind', () => {
    const { mem, messages, charged, lane, round } = windowsLane()
    lane.handle(round)
    lane.handle({ type: 'apply', wave: 1 })
    expect(charged).toEqual([2])
    expect(messages.filter((m) => m.type === 'applied').map((m) => m.result.status)).toEqual(['replaced', 'replaced'])
    expect(mem.kindQueries).toEqual([['C:\\ws\\a', 'C:\\ws\\b']])
    expect(mem.at('C:\\ws\\b.bak')).toMatchObject({ kind: 'link', type: 'junction' })
  })

  it('once the lanes are stopped, asks not even for those kinds', () => {
    const { mem, slots, lane, round } = windowsLane()
    lane.handle(round)
    slots.stop()
    lane.handle({ type: 'apply', wave: 1 })
    expect(mem.kindQueries).toEqual([])
  })
})

/** A supervisor with as many lanes as the action asks for these links, and its rounds of them, `size` at a time. */
function supervisorOf(share: Share, links: Indexed[], startLane: LaneStarter, size = ROUND) {
  const supervisor = new Supervisor(share, laneCount(links, share.platform, share.settings.dryRun), startLane)
  const count = Math.max(1, Math.ceil(links.length / size))
  const rounds = Array.from({ length: count }, (_, i) => links.slice(i * size, (i + 1) * size))
  return { supervisor, rounds }
}

/** Every round, planned and finished: all the results and undo entries. */
async function allRounds(supervisor: Supervisor, rounds: Indexed[][]) {
  const answer = { results: [] as [number, LinkResult][], undo: [] as [number, UndoEntry][] }
  for (const links of rounds) {
    await supervisor.planRound(links)
    const { results, undo } = await supervisor.finishRound()
    answer.results.push(...results)
    answer.undo.push(...undo)
  }
  return answer
}

describePosix('Supervisor', () => {
  async function supervise(spec: string, startLane: LaneStarter, more = {}) {
    const { supervisor, rounds } = supervisorOf(shareOver(ws, more), indexed(spec, ws), startLane)
    try {
      return await allRounds(supervisor, rounds)
    } finally {
      supervisor.end()
    }
  }

  it('plans and makes every link on its lanes, each result what was made', async () => {
    const final = await supervise(SPEC, inlineLane())
    expect(byIndex(final.results).map((r) => r.status)).toEqual(['created', 'created', 'created', 'created'])
    expect(fs.readlinkSync(path.join(ws, 'c/l4'))).toBe('../data/x')
  })

  it('plans the links below other links once, on the lane that makes them', async () => {
    const planned: number[] = []
    const counted: LaneStarter = (data) => {
      const port = inlineLane()(data)
      return {
        ...port,
        listen: (onMessage, onError) =>
          port.listen((m) => (m.type === 'planned' && planned.push(m.index), onMessage(m)), onError)
      }
    }
    // A real run, on two lanes (a dry run with such links keeps to one: laneCount).
    await supervise('sub -> data/dir\nsub/inner -> data/x\nb/l -> data/x', counted)
    expect(planned.sort()).toEqual([0, 1, 2])
  })

  it('works a round of links at a time: each made and answered before the next is planned', async () => {
    const paths = ['a/l0', 'a/l1', 'b/l2', 'b/l3', 'c/l4']
    const made = () => paths.filter((p) => fs.existsSync(path.join(ws, p)))
    // What was made when a lane was given links to plan, and when each round was answered.
    const planning: string[][] = []
    const lanes: LaneStarter = (data) => {
      const port = inlineLane()(data)
      return { ...port, post: (m) => (m.type === 'plan' && m.wave1.length > 0 && planning.push(made()), port.post(m)) }
    }
    const { supervisor, rounds } = supervisorOf(
      shareOver(ws),
      indexed(paths.map((p) => `${p} -> data/x`).join('\n'), ws),
      lanes,
      2
    )
    const answered: [number[], string[]][] = []
    try {
      for (const links of rounds) {
        await supervisor.planRound(links)
        const { results } = await supervisor.finishRound()
        answered.push([results.map(([index]) => index), made()])
      }
    } finally {
      supervisor.end()
    }
    expect(planning).toEqual([[], paths.slice(0, 2), paths.slice(0, 4)])
    expect(answered).toEqual([
      [[0, 1], paths.slice(0, 2)],
      [[2, 3], paths.slice(0, 4)],
      [[4], paths]
    ])
  })

  it('once a round finds the share gone, asks no lane about later rounds: their links are skipped, saying why', async () => {
    // What each lane was told: the links to plan, or which wave to make.
    const told: (number[] | number)[] = []
    const lanes: LaneStarter = (data) => {
      const port = inlineLane(failing({ symlink: 'ENOTCONN' }))(data)
      return {
        ...port,
        post: (m) => (told.push(m.type === 'plan' ? m.wave1.map((l) => l.index) : m.wave), port.post(m))
      }
    }
    const { supervisor, rounds } = supervisorOf(shareOver(ws), indexed(SPEC, ws), lanes, 1)
    try {
      const final = await allRounds(supervisor, rounds)
      expect(byIndex(final.results).map((r) => [r.status, r.code])).toEqual([
        ['failed', 'ENOTCONN'],
        ['skipped', 'ENOTCONN'],
        ['skipped', 'ENOTCONN'],
        ['skipped', 'ENOTCONN']
      ])
      // The first round alone, on its three lanes: planned, then made (wave 1 on each, wave 2 on the first).
      expect(told).toEqual([[0], [], [], 1, 1, 1, 2])
    } finally {
      supervisor.end()
    }
  })

  it('in a dry run, predicts a link below one of an earlier round as the real run then makes it', async () => {
    const before = snapshot(ws)
    const links = indexed('sub -> data/dir\nsub/inner -> data/x', ws)
    const { supervisor, rounds } = supervisorOf(shareOver(ws, { dryRun: true }), links, inlineLane(), 1)
    try {
      const planned = await allRounds(supervisor, rounds)
      expect(byIndex(planned.results).map((r) => [r.plan, r.text])).toEqual([
        ['create', 'data/dir'],
        ['create', '../x']
      ])
    } finally {
      supervisor.end()
    }
    expect(snapshot(ws)).toEqual(before)
  })

  it('makes the links below other links once those are made', async () => {
    const final = await supervise('sub -> data/dir\nsub/inner -> data/x', inlineLane())
    expect(byIndex(final.results).map((r) => r.status)).toEqual(['created', 'created'])
    expect(fs.readlinkSync(path.join(ws, 'data/dir/inner'))).toBe('../x')
  })

  it('in a dry run, predicts a link below another as the real run then makes it, and makes nothing', async () => {
    const before = snapshot(ws)
    const planned = await supervise('sub -> data/dir\nsub/inner -> data/x', inlineLane(), { dryRun: true })
    expect(byIndex(planned.results).map((r) => [r.plan, r.text])).toEqual([
      ['create', 'data/dir'],
      ['create', '../x']
    ])
    expect(snapshot(ws)).toEqual(before)
  })

  it('stops a share that is gone: its first failure, the links after it skipped', async () => {
    const final = await supervise('a/l1 -> data/x\na/l2 -> data/x', inlineLane(failing({ symlink: 'ENOTCONN' })))
    const [first, second] = byIndex(final.results)
    expect(first).toMatchObject({ status: 'failed', code: 'ENOTCONN', syscall: 'symlink' })
    expect(second).toMatchObject({ status: 'skipped', code: 'ENOTCONN' })
  })

  it('turns a call that outlives the timeout into ETIMEDOUT, naming the call, and skips what was left', async () => {
    const stuckFirst: LaneStarter = (data) => (data.lane === 0 ? hungLane(data) : inlineLane()(data))
    const planned = await supervise(SPEC, stuckFirst, { timeoutMs: 200, dryRun: true })
    // Lane 0 has the busiest directory, a/: stuck in its first link, so its second is never reached.
    const [stuck, after, ...others] = byIndex(planned.results)
    expect(stuck).toMatchObject({ status: 'planned', plan: 'fail', code: 'ETIMEDOUT', syscall: 'symlink' })
    expect(stuck.errno).toBe(os.constants.errno.ETIMEDOUT)
    expect(stuck.message).toContain('within timeout (0.2 s)')
    expect(after).toMatchObject({ status: 'planned', plan: 'fail', code: 'ETIMEDOUT' })
    expect(after.message).toMatch(/^Not attempted/)
    expect(others.map((r) => r.plan)).toEqual(['create', 'create'])
  })

  it('stops every lane once one finds the share gone: the other lanes make nothing more', async () => {
    // a/ is the busiest directory, so lane 0; b/ is lane 1, which starts after lane 0's first failure.
    const gone: FsOps = {
      ...nodeFs,
      symlink: (text, p, type) => {
        if (path.dirname(p) === path.join(ws, 'a')) throw errnoError('ENOTCONN', 'symlink')
        nodeFs.symlink(text, p, type)
      }
    }
    const final = await supervise('a/l1 -> data/x\na/l2 -> data/x\nb/l3 -> data/x', inlineLane(gone))
    expect(byIndex(final.results).map((r) => [r.status, r.code])).toEqual([
      ['failed', 'ENOTCONN'],
      ['skipped', 'ENOTCONN'],
      ['skipped', 'ENOTCONN']
    ])
    expect(fs.existsSync(path.join(ws, 'b/l3'))).toBe(false)
  })

  it('times a hung call out when its timeout has passed, not before and not much later (a fake clock)', async () => {
    jest.useFakeTimers({ now: 1_000_000 })
    const { supervisor, rounds } = supervisorOf(
      shareOver(ws, { timeoutMs: 1_000, dryRun: true }),
      indexed(SPEC, ws),
      hungLane
    )
    try {
      let planned: Awaited<ReturnType<typeof allRounds>> | undefined
      void allRounds(supervisor, rounds).then((p) => (planned = p))
      await jest.advanceTimersByTimeAsync(990)
      expect(planned).toBeUndefined()
      // The watchdog looks every 20 ms: by 1,040 ms it has seen the call pass 1,000 ms.
      await jest.advanceTimersByTimeAsync(50)
      expect(byIndex(planned!.results)[0]).toMatchObject({ code: 'ETIMEDOUT', syscall: 'symlink' })
      supervisor.end()
      expect(jest.getTimerCount()).toBe(0)
    } finally {
      supervisor.end()
      jest.useRealTimers()
    }
  })

  it('hands the post step the undo of each link it made, and of no other (cleanup: true)', async () => {
    fs.mkdirSync(path.join(ws, 'a'))
    fs.symlinkSync('../data/x', path.join(ws, 'a/l1'))
    const final = await supervise(SPEC, inlineLane(), { cleanup: true })
    expect(byIndex(final.results).map((r) => r.status)).toEqual(['unchanged', 'created', 'created', 'created'])
    expect(final.undo.map(([index, entry]) => [index, entry.line]).sort()).toEqual([
      [1, 2],
      [2, 3],
      [3, 4]
    ])
  })

  it('stops every lane once planning finds the share gone, with its errno', async () => {
    const gone: FsOps = {
      ...nodeFs,
      stat: (p) => {
        if (p === path.join(ws, 'data/dir')) throw errnoError('ENOTCONN', 'stat')
        return nodeFs.stat(p)
      }
    }
    // a/ (lane 0) leads to data/dir; b/ is lane 1, which plans after lane 0.
    const planned = await supervise('a/l1 -> data/dir\nb/l3 -> data/x', inlineLane(gone), { dryRun: true })
    const [first, second] = byIndex(planned.results)
    expect(first).toMatchObject({ plan: 'fail', code: 'ENOTCONN' })
    expect(second).toMatchObject({ plan: 'fail', code: 'ENOTCONN', errno: os.constants.errno.ENOTCONN })
  })

  it('stops every lane once one link fails for a share gone, though no other link of its lane is skipped', async () => {
    const gone = failing({ symlink: 'ENOTCONN' })
    const final = await supervise('a/l1 -> data/x\nb/l3 -> data/x', inlineLane(gone))
    expect(byIndex(final.results).map((r) => [r.status, r.code])).toEqual([
      ['failed', 'ENOTCONN'],
      ['skipped', 'ENOTCONN']
    ])
  })

  it('fails the link whose call hung while being made, skipping the rest of its lane, the others made', async () => {
    const hangsInApply: LaneStarter = (data) => {
      const inline = inlineLane()(data)
      if (data.lane > 0) return inline
      // Planned as any lane; told to apply, stuck in the round's first link.
      let first = -1
      const post = (m: ToLane): void => {
        if (m.type !== 'plan') return new CallSlots(data.memory, data.epoch).begin(data.lane, first, 'symlink')
        first = m.wave1[0]?.index ?? -1
        inline.post(m)
      }
      return { ...inline, post }
    }
    const final = await supervise(SPEC, hangsInApply, { timeoutMs: 200 })
    expect(byIndex(final.results).map((r) => [r.status, r.code])).toEqual([
      ['failed', 'ETIMEDOUT'],
      ['skipped', 'ETIMEDOUT'],
      ['created', ''],
      ['created', '']
    ])
  })

  /** Lanes that answer only as a test tells them to. */
  function manualLanes() {
    const lanes: { data: LaneData; posted: ToLane[]; answer: (m: FromLane) => void; fail: () => void }[] = []
    const start: LaneStarter = (data) => {
      const lane = { data, posted: [] as ToLane[], answer: (_: FromLane) => undefined as void, fail: () => undefined }
      lanes.push(lane)
      return {
        post: (m) => void lane.posted.push(m),
        listen: (onMessage, onError) => Object.assign(lane, { answer: onMessage, fail: onError })
      }
    }
    /** Each lane's links of the round it was last told to plan. */
    const roundOf = (posted: ToLane[]) => posted.filter((m) => m.type === 'plan').at(-1)?.wave1 ?? []
    const planAll = () =>
      lanes.forEach(({ posted, answer }) => {
        for (const { index } of roundOf(posted))
          answer({ type: 'planned', index, result: { status: 'planned', plan: 'create' } as LinkResult })
        answer({ type: 'done' })
      })
    return { lanes, start, planAll }
  }

  it('keeps the ETIMEDOUT of a link whose lane answers after all, too late', async () => {
    jest.useFakeTimers({ now: 1_000_000 })
    const { lanes, start, planAll } = manualLanes()
    const { supervisor, rounds } = supervisorOf(
      shareOver(ws, { timeoutMs: 1_000 }),
      indexed('a/l1 -> data/x\nb/l3 -> data/x', ws),
      start
    )
    try {
      const planning = supervisor.planRound(rounds[0])
      planAll()
      await planning
      let final: Awaited<ReturnType<Supervisor['finishRound']>> | undefined
      void supervisor.finishRound().then((f) => (final = f))
      new CallSlots(lanes[0].data.memory, lanes[0].data.epoch).begin(0, 0, 'symlink')
      await jest.advanceTimersByTimeAsync(1_100)
      // Lane 0 timed out; its call now returns, while lane 1 is still at work.
      lanes[0].answer({ type: 'applied', index: 0, result: { status: 'created' } as LinkResult })
      lanes[0].answer({ type: 'done' })
      lanes[1].answer({ type: 'applied', index: 1, result: { status: 'created' } as LinkResult })
      lanes[1].answer({ type: 'done' })
      await jest.advanceTimersByTimeAsync(0)
      expect(byIndex(final!.results).map((r) => [r.status, r.code])).toEqual([
        ['failed', 'ETIMEDOUT'],
        ['created', undefined]
      ])
    } finally {
      supervisor.end()
      jest.useRealTimers()
    }
  })

  it('survives a call that hangs before any link is reached, and tells a failed lane nothing more', async () => {
    jest.useFakeTimers({ now: 1_000_000 })
    const { lanes, start } = manualLanes()
    const { supervisor, rounds } = supervisorOf(shareOver(ws, { timeoutMs: 1_000 }), [], start)
    try {
      let planned: Awaited<ReturnType<typeof allRounds>> | undefined
      void allRounds(supervisor, rounds).then((p) => (planned = p))
      new CallSlots(lanes[0].data.memory, lanes[0].data.epoch).begin(0, -1, 'realpath')
      await jest.advanceTimersByTimeAsync(1_100)
      expect(planned).toEqual({ results: [], undo: [] })
    } finally {
      supervisor.end()
      jest.useRealTimers()
    }
    const failed = manualLanes()
    const { supervisor: other, rounds: otherRounds } = supervisorOf(
      shareOver(ws),
      indexed('a/l1 -> data/x', ws),
      failed.start
    )
    try {
      const planning = other.planRound(otherRounds[0])
      failed.lanes[0].fail()
      await planning
      await other.finishRound()
      expect(failed.lanes[0].posted.map((m) => m.type)).toEqual(['plan'])
    } finally {
      other.end()
    }
  })

  it('keeps no process alive by its watchdog, even where it is never ended', () => {
    const setInterval = jest.spyOn(global, 'setInterval')
    const { supervisor } = supervisorOf(shareOver(ws), indexed(SPEC, ws), hungLane)
    try {
      const timer = setInterval.mock.results[0].value as NodeJS.Timeout
      expect(timer.hasRef()).toBe(false)
    } finally {
      supervisor.end()
      setInterval.mockRestore()
    }
  })

  /** A lane's script for threadLanes, ended after 10 s whatever happens. */
  function laneScript(body: string): URL {
    const file = path.join(ws, 'lane.mjs')
    const head =
      "import { parentPort, workerData } from 'node:worker_threads'\nsetTimeout(() => process.exit(0), 10_000).unref()"
    fs.writeFileSync(file, `${head}\n${body}\n`)
    return pathToFileURL(file)
  }

  /** What each link of SPEC is planned with by lanes whose script plans each with `message` (an expression). */
  async function plannedBy(message: string, imports = ''): Promise<(string | undefined)[]> {
    const entry = laneScript(`${imports}
parentPort.once('message', ({ wave1 }) => {
  const message = ${message}
  for (const { index } of wave1) parentPort.postMessage({ type: 'planned', index, result: { message } })
  parentPort.postMessage({ type: 'done' })
  parentPort.close()
})`)
    const { supervisor, rounds } = supervisorOf(shareOver(ws, { dryRun: true }), indexed(SPEC, ws), threadLanes(entry))
    try {
      return byIndex((await allRounds(supervisor, rounds)).results).map((r) => r.message)
    } finally {
      supervisor.end()
    }
  }

  it('starts each lane in a thread with its own links and the lane role, and hears its answers', async () => {
    // Each link planned with what its lane was started with; then the thread lets go of its port and ends.
    expect(await plannedBy(`\`lane \${workerData.lane} as \${process.env.${ROLE}}\``)).toEqual([
      'lane 0 as lane',
      'lane 0 as lane',
      'lane 1 as lane',
      'lane 2 as lane'
    ])
  })

  it('starts each lane with a young generation of 2 MB at most: it holds one round of links', async () => {
    const imports = "import { resourceLimits } from 'node:worker_threads'"
    expect(await plannedBy('String(resourceLimits.maxYoungGenerationSizeMb)', imports)).toEqual(['2', '2', '2', '2'])
  })

  it('keeps what its lanes write from the action’s log', async () => {
    const entry = laneScript(`parentPort.once('message', () => {
  console.log('lane noise')
  console.error('lane noise')
  parentPort.postMessage({ type: 'done' })
  parentPort.close()
})`)
    const written: string[] = []
    const out = jest.spyOn(process.stdout, 'write').mockImplementation((text) => (written.push(String(text)), true))
    const err = jest.spyOn(process.stderr, 'write').mockImplementation((text) => (written.push(String(text)), true))
    const { supervisor, rounds } = supervisorOf(
      shareOver(ws, { dryRun: true }),
      indexed('a/l1 -> data/x', ws),
      threadLanes(entry)
    )
    try {
      await supervisor.planRound(rounds[0])
      await new Promise((resolve) => setTimeout(resolve, 100))
      expect(written.filter((text) => text.includes('lane noise'))).toEqual([])
    } finally {
      supervisor.end()
      out.mockRestore()
      err.mockRestore()
    }
  })

  it.each([
    [true, 'planned'],
    [false, 'skipped']
  ])('answers for the links of a lane whose thread fails: not done, and why (dry run: %s)', async (dryRun, status) => {
    const lanes = threadLanes(laneScript('throw 1'))
    const { supervisor, rounds } = supervisorOf(shareOver(ws, { dryRun }), indexed('a/l1 -> data/x', ws), lanes)
    try {
      const answer = await allRounds(supervisor, rounds)
      expect(byIndex(answer.results)).toMatchObject([{ status, code: 'ECANCELED' }])
    } finally {
      supervisor.end()
    }
  })

  it('answers for the links of a lane that failed: not done, and why', async () => {
    const final = await supervise('a/l1 -> data/x', failingLane)
    expect(byIndex(final.results)).toMatchObject([{ status: 'skipped', code: 'ECANCELED' }])
    expect(fs.existsSync(path.join(ws, 'a'))).toBe(false)
  })

  it('answers every later round of a share whose lanes all failed, each link skipped, and asks no lane', async () => {
    const { supervisor, rounds } = supervisorOf(shareOver(ws), indexed(SPEC, ws), failingLane, 2)
    try {
      const final = await allRounds(supervisor, rounds)
      expect(byIndex(final.results).map((r) => [r.status, r.code])).toEqual(Array(4).fill(['skipped', 'ECANCELED']))
    } finally {
      supervisor.end()
    }
  })

  it('gives a later round’s links to the lanes still alive, not to one that failed', async () => {
    // Lane 1 fails at once; rounds of one directory each: b/ and c/ are made by lane 0 (or 2).
    const lanes: LaneStarter = (data) => (data.lane === 1 ? failingLane(data) : inlineLane()(data))
    const { supervisor, rounds } = supervisorOf(shareOver(ws), indexed(SPEC, ws), lanes, 2)
    try {
      await new Promise(setImmediate)
      const final = await allRounds(supervisor, rounds)
      expect(byIndex(final.results).map((r) => r.status)).toEqual(['created', 'created', 'created', 'created'])
    } finally {
      supervisor.end()
    }
  })
})

describePosix('serveShare', () => {
  function channel(messages: ToWorker[]) {
    const sent: FromWorker[] = []
    return {
      sent,
      channel: {
        receive: async () => messages.shift()!,
        send: async (message: FromWorker) => void sent.push(message)
      }
    }
  }

  /** The results of each `results` message sent, in order. */
  const resultsIn = (sent: FromWorker[]) => sent.flatMap((m) => (m.type === 'results' ? [byIndex(m.results)] : []))

  it('answers start once it has planned, and apply with the results', async () => {
    const links = indexed('l -> data/x', ws)
    const talk = channel([{ type: 'start', share: shareOver(ws), lanes: 1, links, more: false }, { type: 'apply' }])
    await serveShare(talk.channel, inlineLane())
    expect(talk.sent.map((m) => m.type)).toEqual(['planned', 'results'])
    expect(resultsIn(talk.sent)[0][0].status).toBe('created')
  })

  it('takes each further round once it has answered the one before, and stops after the last', async () => {
    const [first, second] = indexed('l -> data/x\nm -> data/dir', ws)
    const messages: ToWorker[] = [
      { type: 'start', share: shareOver(ws), lanes: 1, links: [first], more: true },
      { type: 'apply' },
      { type: 'links', links: [second], more: false },
      { type: 'apply' }
    ]
    const talk = channel(messages)
    await serveShare(talk.channel, inlineLane())
    expect(talk.sent.map((m) => m.type)).toEqual(['planned', 'results', 'results'])
    expect(resultsIn(talk.sent).map((round) => round.map((r) => [r.line, r.status]))).toEqual([
      [[1, 'created']],
      [[2, 'created']]
    ])
    // Not asked for: left unread.
    expect(messages).toEqual([{ type: 'apply' }])
  })

  it('in a dry run answers with what it would do, unasked, and writes nothing', async () => {
    const links = indexed('l -> data/x', ws)
    const start: ToWorker = { type: 'start', share: shareOver(ws, { dryRun: true }), lanes: 1, links, more: false }
    const messages: ToWorker[] = [start, { type: 'apply' }]
    const talk = channel(messages)
    await serveShare(talk.channel, inlineLane())
    expect(talk.sent.map((m) => m.type)).toEqual(['planned', 'results'])
    expect(resultsIn(talk.sent)[0][0]).toMatchObject({ status: 'planned', plan: 'create' })
    expect(fs.existsSync(path.join(ws, 'l'))).toBe(false)
    // Not waited for.
    expect(messages).toEqual([{ type: 'apply' }])
  })

  it('ends where a round was due and something else came, having answered the rounds before', async () => {
    const [first] = indexed('l -> data/x', ws)
    const talk = channel([
      { type: 'start', share: shareOver(ws), lanes: 1, links: [first], more: true },
      { type: 'apply' },
      { type: 'apply' }
    ])
    await serveShare(talk.channel, inlineLane())
    expect(talk.sent.map((m) => m.type)).toEqual(['planned', 'results'])
  })

  it("hears the action on its process's IPC channel and answers there, once the answer is sent", async () => {
    const sent: FromWorker[] = []
    let flush = (): void => undefined
    const proc = Object.assign(new EventEmitter(), {
      send: (message: FromWorker, done: () => void) => (sent.push(message), (flush = done), true)
    })
    const ipc = processChannel(proc as unknown as Pick<NodeJS.Process, 'once' | 'send'>)
    const heard = ipc.receive()
    proc.emit('message', { type: 'apply' })
    await expect(heard).resolves.toEqual({ type: 'apply' })
    let answered = false
    const answer = ipc.send({ type: 'results', results: [], undo: [] }).then(() => (answered = true))
    await new Promise(setImmediate)
    expect(sent).toEqual([{ type: 'results', results: [], undo: [] }])
    expect(answered).toBe(false)
    flush()
    await answer
    expect(answered).toBe(true)
  })

  it('ends its watchdog once it has answered', async () => {
    const setInterval = jest.spyOn(global, 'setInterval')
    const clearInterval = jest.spyOn(global, 'clearInterval')
    try {
      const links = indexed('l -> data/x', ws)
      await serveShare(
        channel([{ type: 'start', share: shareOver(ws, { dryRun: true }), lanes: 1, links, more: false }]).channel,
        inlineLane()
      )
      expect(clearInterval).toHaveBeenCalledWith(setInterval.mock.results[0].value)
    } finally {
      setInterval.mockRestore()
      clearInterval.mockRestore()
    }
  })

  it('ends the worker once it is done, whatever lanes are still stuck in the share', async () => {
    const exit = jest.spyOn(process, 'exit').mockImplementation((() => undefined) as never)
    try {
      const running = runShareWorker()
      ;(process as NodeJS.EventEmitter).emit('message', { type: 'apply' })
      await running
      expect(exit).toHaveBeenCalledWith(0)
    } finally {
      exit.mockRestore()
    }
  })

  it('ignores anything but a start', async () => {
    const talk = channel([{ type: 'apply' }])
    await serveShare(talk.channel, inlineLane())
    expect(talk.sent).toEqual([])
  })
})
