// `npm run bench [-- --reps N] [--quick] [--cases 1,3]`: how fast the bundled action is against bare baselines
// measured in the same run (issues 6 and 28, "Speed"). Every process is timed whole, start-up included, with the
// Node 24 binary the action runs on; each figure is the median of N repetitions (default 5), the contenders
// interleaved in a rotating order after one untimed warm-up. Prints the machine, a table and, as its last line, the
// figures as JSON.
// Cases 1, 2 and 5 run two spec shapes: `short`, relative names sharing 100 TARGETs (`d012/f034 -> t/f034`), and
// `user`, what users write: absolute paths under a workspace-like directory (`.../home/runner/work/REPO/REPO/...`,
// 60-120 characters; up to 200 in case 5) and a TARGET per link, against bare loops as tight as they can be written
// (`fs.symlinkSync(abs, dir + name)` over precomputed directories; `lstatSync` + `readlinkSync` for the re-run).
//   1. 10,000 symlinks in 100 new directories (ext4 and tmpfs, see below) vs a bare Node loop of
//      mkdirSync + symlinkSync, and GNU ln for reference. Marginal: (action, N links − action, 1 link) /
//      (loop of N − loop of 1), so that start-up counts on neither side                    goal: <= 1.3
//   2. the same 10,000 again, all unchanged, vs a bare loop of lstatSync + readlinkSync, marginal   goal: <= 1.3
//      (user shape: a reporting loop too, for reference: the least that checks and reports every link, BARE.reporting)
//   3. 600 symlinks in 20 directories on sshfs with a 10 ms round trip (own sshd, a delay proxy and sshfs on
//      127.0.0.1; root, /dev/fuse and sshfs needed, else skipped) vs a sequential loop
//                                        goal: loop / action >= 10, and action <= 1.1 × a bare parallel loop
//   4. one link, cold, vs the smallest action on the same toolkit (an ncc bundle of @actions/core that reads one
//      input and sets one output, built here), run the same way                         goal: <= 1.3
//   5. peak RSS of the whole process tree (the action and every process it starts, summed) for 100,000 links in
//      1,000 directories (`links: @file`), and the size of the results output and of the job summary; for the user
//      shape also 300,000 links, each size as is, with `cleanup: true`, and with every link failing (ENOTDIR)
//                                                                  goal: < 200 MB; output < 1 MB; summary < 1 MiB
//   6. restore: case 1's 10,000 links, each PATH holding its TARGET's 1 KiB copy (what an artifact round trip
//      leaves), with `overwrite: copies`, vs making the same links new, plus the bytes read: a bare loop that reads
//      each copy and its TARGET once. Marginal, as case 1: (action − bare read loop) / new links        goal: <= 2
// `--profile` runs the action of cases 1, 2 and 4 once more under --cpu-prof and prints where its time goes.
// `--dist DIR` measures the build in DIR (its index.js) instead of dist/: build the old one there to compare.
// Cases 1, 2 and 6 run on tmpfs (/dev/shm) and on ext4: as root, where loop devices and mkfs.ext4 are, on a fresh
// ext4 image made with mkfs.ext4's defaults (a journal, as on GitHub's runners) on a loop device over a file in
// /dev/shm, so that the disk's noise is out and ext4's own behaviour in; else (said in the output, with why) in
// os.tmpdir(), whatever its disk is (`--tmpdir` asks for that).
// Fixtures live in temporary directories; everything (mounts, loop devices, proxy, sshd, files) is removed at the
// end, also on an error or Ctrl-C. Nothing is deleted while timing: ext4 without a journal makes a new inode scan
// past every inode freed in the last minute (six while not yet written back), which would slow whichever contender
// ran next.
import { spawn, spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import * as fs from 'node:fs'
import * as net from 'node:net'
import * as os from 'node:os'
import * as path from 'node:path'
import { parseArgs } from 'node:util'
import { Worker } from 'node:worker_threads'
import { ROOT, ensureActionNode, runAction, startAction, whyNoActionNode } from './run-action.mjs'

const USAGE = `usage: npm run bench -- [--reps N] [--quick] [--cases LIST] [--shapes LIST] [--profile] [--dist DIR]
  --reps N      timed repetitions per contender (default 5; 3 with --quick)
  --quick       a fast smoke run: fewer links in every case
  --cases LIST  only these cases, e.g. 1,4 (1 local, 2 re-run, 3 sshfs, 4 cold, 5 memory, 6 restore)
  --shapes LIST only these spec shapes in cases 1, 2 and 5: short, user (default both)
  --profile     after the timing, profile the action of cases 1, 2 and 4 (--cpu-prof) and print the top functions
  --dist DIR    run DIR/index.js instead of dist/index.js (e.g. an older build, to compare)
  --tmpdir      run the ext4 legs of cases 1, 2 and 6 in os.tmpdir() (its disk), not on an ext4 image`

const { values: args } = parseArgs({
  options: {
    reps: { type: 'string' },
    quick: { type: 'boolean', default: false },
    cases: { type: 'string', default: '1,2,3,4,5,6' },
    shapes: { type: 'string', default: 'short,user' },
    profile: { type: 'boolean', default: false },
    dist: { type: 'string' },
    tmpdir: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false }
  }
})
if (args.help) {
  console.log(USAGE)
  process.exit(0)
}
const REPS = Number(args.reps ?? (args.quick ? 3 : 5))
if (!Number.isInteger(REPS) || REPS < 1) throw new Error(`--reps must be a positive whole number, not '${args.reps}'`)
const CASES = new Set(args.cases.split(',').map((c) => c.trim()))
const SHAPE_NAMES = new Set(args.shapes.split(',').map((c) => c.trim()))
/** Links per case: [directories, links per directory]. */
const SIZE = args.quick
  ? { local: [10, 100], share: [6, 10], memory: [100, 100], memoryLarge: [300, 100] }
  : { local: [100, 100], share: [20, 30], memory: [1000, 100], memoryLarge: [3000, 100] }
/** The build measured: dist/index.js, or `--dist DIR`. */
const ENTRY = args.dist ? path.resolve(args.dist, 'index.js') : path.join(ROOT, 'dist', 'index.js')
const SHARE_DELAY_MS = 5 // each way: a round trip gains 10 ms
const LOOPBACK = '127.0.0.1'
const LIMITS = { rssMB: 200, resultsOutputBytes: 1_000_000, summaryBytes: 1024 * 1024 }

const NODE = ensureActionNode()
if (!NODE) throw new Error(`no Node 24 binary: ${whyNoActionNode()}`)

// ---- cleanup: a stack of synchronous undo steps, run on every way out ------------------------------------------

const undo = []

function onCleanup(what, fn) {
  undo.push({ what, fn })
}

function cleanup() {
  while (undo.length > 0) {
    const { what, fn } = undo.pop()
    try {
      fn()
    } catch (error) {
      console.error(`bench: could not clean up ${what}: ${error.message}`)
    }
  }
}

process.on('exit', cleanup)
/** Daemons we started, until they have been reaped (so none is left as a zombie for PID 1 to collect). */
const reaped = []
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, async () => {
    console.error(`\nbench: ${signal}, cleaning up`)
    cleanup()
    await Promise.race([Promise.all(reaped), new Promise((resolve) => setTimeout(resolve, 1000))])
    process.exit(128 + os.constants.signals[signal])
  })
}

// ---- small helpers -------------------------------------------------------------------------------------------

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2
}
const msSince = (start) => Number(process.hrtime.bigint() - start) / 1e6
const fmt = (n, digits = 1) =>
  n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })
const which = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' }).stdout.trim() || undefined

/** Run a command to completion; its output, or an error with its stderr. */
function sh(cmd, argv, options = {}) {
  const r = spawnSync(cmd, argv, { encoding: 'utf8', ...options })
  if (r.status !== 0)
    throw new Error(`${cmd} ${argv.join(' ')} failed (${r.error?.message ?? r.signal ?? r.status}): ${r.stderr}`)
  return r.stdout
}

/** Wall-clock ms of a whole process, start-up included. */
function timedProcess(cmd, argv, options = {}) {
  const start = process.hrtime.bigint()
  sh(cmd, argv, { stdio: ['ignore', 'pipe', 'pipe'], ...options })
  return msSince(start)
}

/** A name in a numbered series, zero-padded to the widest: d00..d99. Also pasted into the bare loops' source. */
const nameOf = (prefix, i, count) => prefix + String(i).padStart(String(count - 1).length, '0')

/** A fresh temporary directory under `base`, removed at cleanup unless something is still mounted in it. */
function tempDir(base, prefix) {
  const dir = fs.mkdtempSync(path.join(base, prefix))
  onCleanup(dir, () => {
    const mounted = mountTable().filter((m) => m.mountPoint.startsWith(`${dir}/`))
    if (mounted.length > 0) throw new Error(`still mounted there: ${mounted.map((m) => m.mountPoint).join(', ')}`)
    fs.rmSync(dir, { recursive: true, force: true })
  })
  return dir
}

function mountTable() {
  return fs
    .readFileSync('/proc/self/mountinfo', 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const fields = line.split(' ')
      const dash = fields.indexOf('-')
      const unescape = (s) => s.replace(/\\(\d{3})/g, (_, o) => String.fromCharCode(parseInt(o, 8)))
      const options = [...fields[5].split(','), ...fields[dash + 3].split(',')].filter((o) => o !== 'rw')
      return {
        mountPoint: unescape(fields[4]),
        type: fields[dash + 1],
        source: fields[dash + 2],
        options: [...new Set(options)].join(',')
      }
    })
}

/**
 * The filesystem `p` is on; for ext4 whether it has a journal (without one, see the top of this file), its device and
 * the mount options that change its speed.
 */
function filesystemOf(p) {
  const real = fs.realpathSync(p)
  const mount = mountTable()
    .filter((m) => real === m.mountPoint || real.startsWith(m.mountPoint === '/' ? '/' : `${m.mountPoint}/`))
    .sort((a, b) => b.mountPoint.length - a.mountPoint.length)[0]
  if (mount.type !== 'ext4') return { ...mount, label: mount.type }
  const journal = fs.existsSync(`/proc/fs/jbd2/${path.basename(mount.source)}-8`)
  const label = `ext4 ${journal ? 'with' : 'without'} journal on ${mount.source} (${mount.options})`
  return { ...mount, label }
}

// ---- timing --------------------------------------------------------------------------------------------------

/**
 * Time each contender `reps` times and take the median. The order rotates every repetition, so drift (caches,
 * writeback, a noisy neighbour) hits all alike; `sync` before each run keeps one run's writeback out of the next.
 * A contender is { name, prepare?(rep) → state (untimed), run(state) → ms }. Rep -1 is the untimed warm-up.
 */
async function compare(contenders, { reps = REPS, warmUp = true } = {}) {
  const runs = new Map(contenders.map((c) => [c.name, []]))
  for (let rep = warmUp ? -1 : 0; rep < reps; rep++) {
    const shift = ((rep % contenders.length) + contenders.length) % contenders.length
    for (const c of [...contenders.slice(shift), ...contenders.slice(0, shift)]) {
      const state = await c.prepare?.(rep)
      spawnSync('sync')
      const ms = await c.run(state)
      if (rep >= 0) runs.get(c.name).push(ms)
      await new Promise(setImmediate) // back to the event loop: a pending Ctrl-C is handled here, not at the end
    }
  }
  return contenders.map((c) => ({ name: c.name, note: c.note, runs: runs.get(c.name), ms: median(runs.get(c.name)) }))
}

// ---- fixtures ------------------------------------------------------------------------------------------------

/**
 * A workspace with `t/` holding `perDir` target files; the spec makes `dNN/fNNN -> t/fNNN` for every directory,
 * so each link's text is `../t/fNNN` and its name is its target's (what `ln -s -t DIR` makes).
 * Another `shape` (SHAPES) lays out its own tree and spec below the workspace; `root` is where its paths start.
 */
function makeWorkspace(base, [dirs, perDir], { name = 'ws-', spec = true, shape = SHAPES.short } = {}) {
  const ws = fs.mkdtempSync(path.join(base, name))
  const root = shape.layOut(ws, [dirs, perDir])
  const specFile = path.join(ws, 'links.txt')
  if (spec) fs.writeFileSync(specFile, shape.lines(root, [dirs, perDir]).join('\n') + '\n')
  return { ws, root, specFile, count: dirs * perDir }
}

/** Where the user shape's links go and lead: `<root>/links<pad>/dNN/` and `<root>/t<pad>/dNN/`, with a slash. */
function userDirs(root, [dirs], pad = '') {
  const dir = (top, d) => `${root}/${top}${pad}/${nameOf('d', d, dirs)}/`
  return Array.from({ length: dirs }, (_, d) => ({ link: dir('links', d), target: dir('t', d) }))
}

/**
 * The spec shapes. `short`: see makeWorkspace. `user`: what a workflow writes, absolute paths below a directory as
 * long as the runner's workspace (`/home/runner/work/REPO/REPO`), each link to a TARGET of its own:
 * `<root>/links/dNN/fNNN -> <root>/t/dNN/fNNN`. `pad` lengthens every path by a few deep directories (case 5 takes
 * them to ~200 characters). `failing`: each `links/dNN` is a file, so every link fails (ENOTDIR).
 */
const SHAPES = {
  short: {
    name: 'short',
    layOut(ws, [, perDir]) {
      fs.mkdirSync(path.join(ws, 't'))
      for (let f = 0; f < perDir; f++) fs.writeFileSync(path.join(ws, 't', nameOf('f', f, perDir)), '')
      return ws
    },
    lines: (_root, size) => specLines(size)
  },
  user: userShape(),
  deep: userShape('/node_modules/@workspace-scope/a-package-name/dist/esm/components/generated'),
  failing: userShape('/node_modules/@workspace-scope/a-package-name/dist/esm/components/generated', true)
}

function userShape(pad = '', failing = false) {
  return {
    name: `user${pad ? ', ~200-character paths' : ''}${failing ? ', every link failing' : ''}`,
    bare: 'user',
    layOut(ws, size) {
      const root = path.join(ws, 'home', 'runner', 'work', 'ln-action-bench', 'ln-action-bench')
      for (const { link, target } of userDirs(root, size, pad)) {
        fs.mkdirSync(target, { recursive: true })
        for (let f = 0; f < size[1]; f++) fs.writeFileSync(target + nameOf('f', f, size[1]), '')
        fs.mkdirSync(path.dirname(link), { recursive: true })
        if (failing) fs.writeFileSync(link.slice(0, -1), '')
      }
      return root
    },
    lines: (root, size) =>
      userDirs(root, size, pad).flatMap(({ link, target }) =>
        Array.from(
          { length: size[1] },
          (_, f) => `${link}${nameOf('f', f, size[1])} -> ${target}${nameOf('f', f, size[1])}`
        )
      )
  }
}

function specLines([dirs, perDir]) {
  const lines = []
  for (let d = 0; d < dirs; d++) {
    for (let f = 0; f < perDir; f++)
      lines.push(`${nameOf('d', d, dirs)}/${nameOf('f', f, perDir)} -> t/${nameOf('f', f, perDir)}`)
  }
  return lines
}

// ---- the contenders ------------------------------------------------------------------------------------------

/** The bundled action, run as the runner runs it; it must report `expect` (e.g. { created: 10000 }). */
function actionRun(ws, specFile, expect, options = {}) {
  const run = runAction(ws, { links: `@${specFile}` }, { node: NODE, entry: ENTRY, ...options })
  checkRun(run, expect)
  return run.ms
}

function checkRun(run, expect) {
  const wrong = Object.entries(expect).filter(([k, v]) => run.outputs[k] !== String(v))
  if (run.status !== 0 || wrong.length > 0) {
    const got = Object.entries(expect).map(([k]) => `${k}=${run.outputs[k]}`)
    throw new Error(
      `the action ended with ${run.status ?? run.signal} and ${got.join(' ')}:\n${run.stderr}${run.stdout.slice(-2000)}`
    )
  }
}

/** Bare Node 24 processes: argv is [workspace, dirs, perDir]; they make or read exactly what the spec says. */
const BARE_PRELUDE = `const fs = require('node:fs')
const nameOf = ${nameOf}
const [ws, dirs, perDir] = [process.argv[1], Number(process.argv[2]), Number(process.argv[3])]
const each = (fn) => { for (let d = 0; d < dirs; d++) for (let f = 0; f < perDir; f++) fn(ws + '/' + nameOf('d', d, dirs), nameOf('f', f, perDir)) }`
const BARE = {
  symlink: `${BARE_PRELUDE}
each((dir, name) => { if (name === nameOf('f', 0, perDir)) fs.mkdirSync(dir); fs.symlinkSync('../t/' + name, dir + '/' + name) })`,
  check: `${BARE_PRELUDE}
each((dir, name) => { const p = dir + '/' + name; if (!fs.lstatSync(p).isSymbolicLink() || fs.readlinkSync(p) !== '../t/' + name) throw new Error(p) })`,
  // Case 6's bytes: each copy and its TARGET read once, the least any restore that checks content must read.
  read: `${BARE_PRELUDE}
each((dir, name) => { if (!fs.readFileSync(dir + '/' + name).equals(fs.readFileSync(ws + '/t/' + name))) throw new Error(name) })`,
  // Reference for the share: every directory at once, a thread per directory (the most the share gives).
  parallel: `${BARE_PRELUDE}
const fsp = require('node:fs/promises')
Promise.all(Array.from({ length: dirs }, async (_, d) => {
  const dir = ws + '/' + nameOf('d', d, dirs)
  await fsp.mkdir(dir)
  for (let f = 0; f < perDir; f++) { const name = nameOf('f', f, perDir); await fsp.symlink('../t/' + name, dir + '/' + name) }
}))`
}
/** The user shape's loops, argv [root, dirs, perDir]: directories and names precomputed, one or two calls a link. */
const BARE_USER_PRELUDE = `const fs = require('node:fs')
const nameOf = ${nameOf}
const userDirs = ${userDirs}
const [root, dirs, perDir] = [process.argv[1], Number(process.argv[2]), Number(process.argv[3])]
const all = userDirs(root, [dirs, perDir])
const names = Array.from({ length: perDir }, (_, f) => nameOf('f', f, perDir))`
Object.assign(BARE, {
  userSymlink: `${BARE_USER_PRELUDE}
for (const { link: dir, target } of all) { fs.mkdirSync(dir); for (const name of names) fs.symlinkSync(target + name, dir + name) }`,
  userCheck: `${BARE_USER_PRELUDE}
for (const { link: dir, target } of all) for (const name of names) { const p = dir + name; if (!fs.lstatSync(p).isSymbolicLink() || fs.readlinkSync(p) !== target + name) throw new Error(p) }`
})

/**
 * Case 2's floor for anything that checks and reports every link (argv [specFile, resultsFile]): the spec's lines
 * read and split, each PATH remembered (a duplicate check), its text read and its TARGET asked for (access(2)), and
 * each link's JSON (its fields as the action names them) into a results file and a log line to stdout, 250 a write.
 */
BARE.reporting = `const fs = require('node:fs')
const [specFile, resultsFile] = [process.argv[1], process.argv[2]]
const lines = fs.readFileSync(specFile, 'utf8').split('\\n')
const seen = new Set(); const json = []; const log = []; const out = fs.openSync(resultsFile, 'w')
const flush = () => { fs.writeSync(out, json.join(',\\n') + ',\\n'); fs.writeSync(1, log.join('\\n') + '\\n'); json.length = log.length = 0 }
lines.forEach((line, i) => {
  if (!line) return
  const [p, target] = line.split(' -> ')
  if (seen.has(p)) throw new Error('twice: ' + p)
  seen.add(p)
  const text = fs.readlinkSync(p)
  if (text !== target || !fs.existsSync(target)) throw new Error('not the link asked for: ' + p)
  json.push(JSON.stringify({ line: i + 1, path: p, target, text, type: 'symlink', kind: 'symlink', status: 'unchanged' }))
  log.push('unchanged symlink ' + p + ' -> ' + target)
  if (json.length === 250) flush()
})
flush()`

/** The bare loop `script` (`symlink` or `check`) of a shape. */
function bareFor(shape, script) {
  return shape.bare === 'user' ? `user${script[0].toUpperCase()}${script.slice(1)}` : script
}

/** `where`: the workspace (short shape) or the root (user shape) the script's paths start from. */
function bareNode(script, where, [dirs, perDir], env = {}) {
  return timedProcess(NODE, ['-e', BARE[script], where, String(dirs), String(perDir)], {
    env: { ...process.env, ...env }
  })
}

/** GNU ln: one `sh` that runs `mkdir` once and `ln -s -t dNN ../t/f000 ... ../t/fNNN` once per directory. */
function gnuLn(ws, [dirs, perDir]) {
  const targets = Array.from({ length: perDir }, (_, f) => `../t/${nameOf('f', f, perDir)}`).join(' ')
  const names = Array.from({ length: dirs }, (_, d) => nameOf('d', d, dirs))
  const script = [`mkdir ${names.join(' ')}`, ...names.map((d) => `ln -s -t ${d} ${targets}`)].join(' && ')
  return timedProcess('/bin/sh', ['-c', script], { cwd: ws })
}

// ---- the cases -----------------------------------------------------------------------------------------------

/**
 * Where cases 1, 2 and 6 run: a fresh ext4 image (ext4Image) or, where none can be made or with --tmpdir,
 * os.tmpdir(); and tmpfs /dev/shm when it is there and is tmpfs. Each says in its label which it is.
 */
function localBases() {
  const image = args.tmpdir ? { skipped: '--tmpdir given' } : ext4Image()
  const tmp = os.tmpdir()
  const disk = () => (filesystemOf(tmp).mountPoint === '/' ? 'the root filesystem' : filesystemOf(tmp).mountPoint)
  const first = image.skipped
    ? { base: tempDir(tmp, 'ln-action-bench-'), what: `${tmp} on ${disk()}, no ext4 image (${image.skipped})` }
    : image
  if (image.skipped) console.log(`ext4 image SKIPPED (${image.skipped}): the ext4 legs run in ${tmp} on ${disk()}`)
  const bases = [first]
  if (fs.existsSync('/dev/shm') && filesystemOf('/dev/shm').type === 'tmpfs') {
    bases.push({ base: tempDir('/dev/shm', 'ln-action-bench-') })
  }
  return bases.map(({ base, what }) => {
    const where = filesystemOf(base)
    return { base, fs: what ? { ...where, label: `${what}: ${where.label}` } : where }
  })
}

/**
 * Why no ext4 image can be made here; undefined when it can. The image keeps the disk's noise out of the ext4
 * figures (this VM's root ext4 has no journal and `discard`: the same run spread from 1.9 s to 19 s) but keeps
 * ext4's own ways in: delayed allocation, auto_da_alloc on a rename over a name, the journal.
 */
function ext4ImageMissing() {
  if (process.platform !== 'linux') return 'Linux only'
  if (process.getuid() !== 0) return 'needs root for losetup and mount'
  if (!fs.existsSync('/dev/loop-control')) return 'no loop device (/dev/loop-control is missing)'
  if (!fs.existsSync('/dev/shm') || filesystemOf('/dev/shm').type !== 'tmpfs') return 'no tmpfs /dev/shm to hold it'
  const missing = ['mkfs.ext4', 'losetup', 'mount', 'umount'].filter((c) => !which(c))
  return missing.length > 0 ? `missing: ${missing.join(', ')} (apt-get install e2fsprogs mount)` : undefined
}

/** The image's size: sparse, so only what is written takes memory; 4 Mi inodes, as nothing is deleted while timing. */
const IMAGE_GIB = 64

/**
 * A fresh ext4 as `mkfs.ext4` makes it by default (so with a journal, as on GitHub's runners), on a loop device over a
 * sparse file in /dev/shm, mounted with default options (as lab/lab.sh mounts its ext4); unmounted, detached and
 * removed at cleanup, on an error or Ctrl-C too. Its workspaces go with it: no rm of 10,000s of files at the end.
 * Returns { base, what }, or { skipped: why }.
 */
function ext4Image() {
  const missing = ext4ImageMissing()
  if (missing) return { skipped: missing }
  // Removed last: the image file once detached, the mount point once unmounted (tempDir refuses while mounted).
  const file = path.join(tempDir('/dev/shm', 'ln-action-bench-ext4-'), 'ext4.img')
  const mountPoint = path.join(tempDir('/tmp', 'ln-action-bench-ext4-'), 'mnt')
  try {
    fs.mkdirSync(mountPoint)
    fs.closeSync(fs.openSync(file, 'w'))
    fs.truncateSync(file, IMAGE_GIB * 2 ** 30)
    // On a file mke2fs punches holes for its discard and so knows the inode tables zeroed: no lazy init runs later.
    sh('mkfs.ext4', ['-q', '-F', file])
    // Each undoing is registered before its call: a Ctrl-C may end the call after it took effect (it then throws).
    onCleanup(`the loop device over ${file}`, () => detach(file))
    const device = sh('losetup', ['--find', '--show', file]).trim()
    onCleanup(`the mount ${mountPoint}`, () => unmount(mountPoint))
    sh('mount', ['-t', 'ext4', device, mountPoint])
    return {
      base: fs.mkdtempSync(path.join(mountPoint, 'ln-action-bench-')),
      what: 'ext4 image in /dev/shm (mkfs.ext4 defaults)'
    }
  } catch (error) {
    return { skipped: error.message.trim() }
  }
}

/** Every loop device over `file` detached (none when losetup never attached it). */
function detach(file) {
  for (const line of sh('losetup', ['-j', file]).split('\n').filter(Boolean)) sh('losetup', ['-d', line.split(':')[0]])
}

/** Unmounted, if still mounted; lazily where busy (a process of ours that is still ending). */
function unmount(mountPoint) {
  if (!mountTable().some((m) => m.mountPoint === mountPoint)) return
  if (spawnSync('umount', [mountPoint]).status !== 0) sh('umount', ['-l', mountPoint])
}

/** The same contender on one link: what start-up costs it, to take out of the per-link figure. */
const ONE = [1, 1]

async function caseCreate({ base, fs: where }, shape) {
  const size = SIZE.local
  const n = size[0] * size[1]
  const action = (links, count) => ({
    prepare: () => makeWorkspace(base, links, { shape }),
    run: ({ ws, specFile }) => actionRun(ws, specFile, { created: count, failed: 0 })
  })
  const loop = (links) => ({
    prepare: () => makeWorkspace(base, links, { spec: false, shape }),
    run: ({ root }) => bareNode(bareFor(shape, 'symlink'), root, links)
  })
  const gnu = {
    name: 'GNU ln',
    note: `sh + mkdir + ${size[0]} × \`ln -s -t DIR ${size[1]} targets\` (${size[0] + 2} processes)`,
    prepare: () => makeWorkspace(base, size, { spec: false }),
    run: ({ ws }) => gnuLn(ws, size)
  }
  const contenders = await compare([
    { name: 'action', ...action(size, n) },
    { name: 'action, 1 link', ...action(ONE, 1) },
    { name: 'bare Node loop', note: `one process: mkdirSync per directory, symlinkSync per link`, ...loop(size) },
    { name: 'bare Node loop, 1 link', ...loop(ONE) },
    ...(shape === SHAPES.short ? [gnu] : [])
  ])
  return {
    id: 1,
    shape: shape.name,
    title: `${fmt(n, 0)} symlinks in ${size[0]} new directories, ${shape.name} shape`,
    fs: `${where.label} (${base})`,
    links: n,
    contenders,
    goal: { versus: 'bare Node loop', max: 1.3, marginal: true }
  }
}

/** BARE.reporting over a workspace's spec, as a contender (its one-link twin without the note). */
function reporting(name, { ws, specFile }) {
  const note = name.endsWith('1 link')
    ? undefined
    : 'reference: read the spec, readlink + access per link, a JSON and a log line per link'
  const results = path.join(ws, 'bare-results.json')
  // Its log is taken in whole, as the action's is (runAction).
  return {
    name,
    note,
    run: () => timedProcess(NODE, ['-e', BARE.reporting, specFile, results], { maxBuffer: 2 ** 30 })
  }
}

async function caseRerun({ base, fs: where }, shape) {
  const size = SIZE.local
  const n = size[0] * size[1]
  const made = (links) => {
    const workspace = makeWorkspace(base, links, { shape })
    actionRun(workspace.ws, workspace.specFile, { created: links[0] * links[1] })
    return workspace
  }
  const [all, one] = [made(size), made(ONE)]
  const contenders = await compare([
    { name: 'action', run: () => actionRun(all.ws, all.specFile, { unchanged: n, changed: false }) },
    { name: 'action, 1 link', run: () => actionRun(one.ws, one.specFile, { unchanged: 1, changed: false }) },
    {
      name: 'bare Node loop',
      note: 'one process: lstatSync + readlinkSync per link',
      run: () => bareNode(bareFor(shape, 'check'), all.root, size)
    },
    { name: 'bare Node loop, 1 link', run: () => bareNode(bareFor(shape, 'check'), one.root, ONE) },
    ...(shape === SHAPES.user ? [reporting('reporting loop', all), reporting('reporting loop, 1 link', one)] : [])
  ])
  return {
    id: 2,
    shape: shape.name,
    title: `re-run: the same ${fmt(n, 0)}, all unchanged, ${shape.name} shape`,
    fs: `${where.label} (${base})`,
    links: n,
    contenders,
    goal: { versus: 'bare Node loop', max: 1.3, marginal: true }
  }
}

/**
 * Case 1's short workspace whose targets hold 1 KiB each; with `copies`, every link's PATH already holds its copy, as
 * an artifact round trip leaves it, for `overwrite: copies` to restore.
 */
function restoreWorkspace(base, [dirs, perDir], copies) {
  const workspace = makeWorkspace(base, [dirs, perDir])
  const body = Buffer.alloc(1024, 'x')
  for (let f = 0; f < perDir; f++) fs.writeFileSync(path.join(workspace.ws, 't', nameOf('f', f, perDir)), body)
  for (let d = 0; copies && d < dirs; d++) {
    const dir = path.join(workspace.ws, nameOf('d', d, dirs))
    fs.mkdirSync(dir)
    for (let f = 0; f < perDir; f++) fs.writeFileSync(path.join(dir, nameOf('f', f, perDir)), body)
  }
  return workspace
}

/**
 * Case 6: restoring links over their 1 KiB copies. The issue's bar is twice a new link's time plus the bytes read, so
 * what a bare loop needs to read each copy and its TARGET once is taken off the action's time before the ratio (the
 * action reads each twice: proven when planned, again right before the swap; the second reading is its own cost).
 */
async function caseRestore({ base, fs: where }) {
  const size = SIZE.local
  const n = size[0] * size[1]
  const readLoop = (links) => ({
    prepare: () => restoreWorkspace(base, links, true),
    run: ({ ws }) => bareNode('read', ws, links)
  })
  const contender = (name, links, copies) => ({
    name,
    prepare: () => restoreWorkspace(base, links, copies),
    run: ({ ws, specFile }) => {
      const run = runAction(ws, { links: `@${specFile}`, overwrite: 'copies' }, { node: NODE, entry: ENTRY })
      const count = links[0] * links[1]
      checkRun(run, copies ? { replaced: count, failed: 0 } : { created: count, failed: 0 })
      return run.ms
    }
  })
  const contenders = await compare([
    contender('action', size, true),
    contender('action, 1 link', ONE, true),
    contender('new links', size, false),
    contender('new links, 1 link', ONE, false),
    {
      name: 'bare read loop',
      note: 'one process: readFileSync of each copy and of its TARGET, compared',
      ...readLoop(size)
    },
    { name: 'bare read loop, 1 link', ...readLoop(ONE) }
  ])
  return {
    id: 6,
    title: `restore: ${fmt(n, 0)} symlinks over their 1 KiB copies (overwrite: copies), against making them new`,
    fs: `${where.label} (${base})`,
    links: n,
    contenders,
    goal: { versus: 'new links', max: 2, marginal: true, plus: 'bare read loop' }
  }
}

/**
 * The smallest action on the same toolkit: an ncc bundle of @actions/core that reads one input and sets one output,
 * built from the installed packages (so it moves with them), once per bench run.
 */
function coreBaseline() {
  const dir = tempDir(path.join(ROOT, 'node_modules', '.cache'), 'ln-action-bench-core-')
  fs.writeFileSync(
    path.join(dir, 'index.js'),
    "import * as core from '@actions/core'\ncore.setOutput('links', core.getInput('links'))\n"
  )
  fs.writeFileSync(path.join(dir, 'package.json'), '{"type":"module"}\n')
  const ncc = path.join(ROOT, 'node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js')
  sh(process.execPath, [ncc, 'build', path.join(dir, 'index.js'), '-o', path.join(dir, 'dist'), '--quiet'], {
    cwd: ROOT
  })
  return path.join(dir, 'dist', 'index.js')
}

async function caseCold() {
  const base = tempDir(os.tmpdir(), 'ln-action-bench-cold-')
  const baseline = coreBaseline()
  const contenders = await compare([
    {
      name: 'action',
      prepare: () => makeWorkspace(base, [1, 1], { spec: false }).ws,
      run: (ws) => {
        const run = runAction(ws, { links: 'd0/f0 -> t/f0' }, { node: NODE, entry: ENTRY })
        checkRun(run, { created: 1 })
        return run.ms
      }
    },
    {
      name: 'core baseline',
      note: 'an ncc bundle of @actions/core that reads one input and sets one output, same Node, same way',
      prepare: () => {
        const output = path.join(fs.mkdtempSync(path.join(base, 'out-')), 'output')
        fs.writeFileSync(output, '')
        return output
      },
      run: (output) =>
        timedProcess(NODE, [baseline], {
          env: { PATH: process.env.PATH, INPUT_LINKS: 'd0/f0 -> t/f0', GITHUB_OUTPUT: output }
        })
    },
    { name: 'node -e 0', note: 'the same Node 24 binary doing nothing', run: () => timedProcess(NODE, ['-e', '0']) }
  ])
  return {
    id: 4,
    title: 'one link, cold (a fresh process and workspace)',
    fs: filesystemOf(base).label,
    contenders,
    goal: { versus: 'core baseline', max: 1.3 }
  }
}

/** `pid` and every process below it, from /proc: what a run of the action holds in memory at one moment. */
function processTree(pid) {
  const children = new Map()
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue
    try {
      const ppid = Number(
        fs
          .readFileSync(`/proc/${name}/stat`, 'utf8')
          .replace(/^.*\) /s, '')
          .split(' ')[1]
      )
      children.set(ppid, [...(children.get(ppid) ?? []), Number(name)])
    } catch {
      // ended meanwhile
    }
  }
  const tree = []
  for (const stack = [pid]; stack.length > 0;) {
    const next = stack.pop()
    tree.push(next)
    stack.push(...(children.get(next) ?? []))
  }
  return tree
}

/** VmRSS and VmHWM (its own peak so far) of a process, in kB; undefined once it has ended. */
function rssOf(pid) {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8')
    const kb = (field) => Number(new RegExp(`^${field}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? 0)
    return { rss: kb('VmRSS'), hwm: kb('VmHWM') }
  } catch {
    return undefined
  }
}

/**
 * Samples the whole tree below `pid` every 5 ms. `sampledMB`: the largest sum of RSS seen at one moment.
 * `ownPeaksMB`: the sum of each process's own peak (VmHWM), an upper bound that a sample cannot miss.
 */
function sampleTree(pid) {
  const peaks = new Map()
  let sampled = 0
  const tick = () => {
    let sum = 0
    for (const p of processTree(pid)) {
      const found = rssOf(p)
      if (!found) continue
      sum += found.rss
      peaks.set(p, Math.max(peaks.get(p) ?? 0, found.hwm))
    }
    sampled = Math.max(sampled, sum)
  }
  const timer = setInterval(tick, 5)
  return {
    tick,
    stop() {
      clearInterval(timer)
      const ownPeaks = [...peaks.values()].reduce((a, b) => a + b, 0)
      return { sampledMB: sampled / 1024, ownPeaksMB: ownPeaks / 1024, processes: peaks.size }
    }
  }
}

/** The memory runs: the short shape as ever; the user shape at ~200 characters, as is, with cleanup, all failing. */
function memoryRuns() {
  const runs = []
  if (SHAPE_NAMES.has('short')) runs.push({ shape: SHAPES.short, size: SIZE.memory })
  if (!SHAPE_NAMES.has('user')) return runs
  for (const size of [SIZE.memory, SIZE.memoryLarge]) {
    runs.push({ shape: SHAPES.deep, size })
    runs.push({ shape: SHAPES.deep, size, cleanup: true })
    runs.push({ shape: SHAPES.failing, size })
  }
  return runs
}

/** Peak RSS of the action and everything it starts, for a big spec; and the sizes of what it writes for GitHub. */
async function caseMemory({ shape, size, cleanup = false }) {
  const base = tempDir(os.tmpdir(), 'ln-action-bench-mem-')
  const { ws, specFile, count } = makeWorkspace(base, size, { shape })
  const failing = shape === SHAPES.failing
  const inputs = { links: `@${specFile}`, cleanup: String(cleanup), 'fail-on-error': String(!failing) }
  let sampler
  const run = await startAction(ws, inputs, {
    node: NODE,
    entry: ENTRY,
    timeoutMs: 900_000,
    onSpawn: (child) => (sampler = sampleTree(child.pid)),
    onStdout: () => sampler?.tick()
  })
  const tree = sampler.stop()
  checkRun(run, failing ? { created: 0, failed: count } : { created: count, failed: 0 })
  // Not Math.max(...lines): 300,000 arguments overflow the stack.
  const pathChars = fs
    .readFileSync(specFile, 'utf8')
    .split('\n')
    .reduce((max, l) => Math.max(max, l.split(' -> ')[0].length), 0)
  const maxRssMB = Math.max(tree.sampledMB, tree.ownPeaksMB)
  const bytes = (s) => Buffer.byteLength(s ?? '')
  const sizes = {
    resultsOutputBytes: bytes(run.outputs.results),
    allOutputsBytes: Object.values(run.outputs).reduce((sum, v) => sum + bytes(v), 0),
    summaryBytes: bytes(run.summary),
    logBytes: bytes(run.stdout),
    resultsFileEntries: run.results.length,
    resultsJsonBytes: bytes(JSON.stringify(run.results))
  }
  const met =
    maxRssMB < LIMITS.rssMB &&
    sizes.resultsOutputBytes < LIMITS.resultsOutputBytes &&
    sizes.summaryBytes < LIMITS.summaryBytes
  fs.rmSync(ws, { recursive: true, force: true }) // the next run's fixture needs the room; nothing is timed here
  return {
    id: 5,
    shape: shape.name,
    cleanup,
    pathChars,
    title: `peak memory, ${fmt(count, 0)} links in ${size[0]} directories (links: @file), ${shape.name} shape${cleanup ? ', cleanup: true' : ''}`,
    fs: filesystemOf(base).label,
    maxRssMB,
    tree,
    measuredBy: `the process tree from /proc every 5 ms (${tree.processes} process(es)): the larger of the sampled sum and the sum of each process's own peak`,
    ms: run.ms,
    ...sizes,
    goal: `RSS < ${LIMITS.rssMB} MB, results output < 1 MB, summary < 1 MiB`,
    met
  }
}

// ---- case 3: an sshfs share with a 10 ms round trip ----------------------------------------------------------

/** Why this machine cannot mount the share, or undefined when it can. */
function shareMissing() {
  if (process.getuid?.() !== 0) return 'needs root (sshd, mount)'
  if (!fs.existsSync('/dev/fuse')) return '/dev/fuse is missing'
  const missing = ['sshfs', 'ssh', 'ssh-keygen', 'umount'].filter((c) => !which(c))
  if (!fs.existsSync('/usr/sbin/sshd')) missing.push('/usr/sbin/sshd')
  return missing.length > 0 ? `missing: ${missing.join(', ')} (apt-get install sshfs openssh-server)` : undefined
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer().once('error', reject)
    server.listen(0, LOOPBACK, () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
}

async function waitFor(what, test, { timeoutMs = 10_000, alive = () => true } = {}) {
  const start = Date.now()
  while (!(await test())) {
    if (!alive()) throw new Error(`${what}: the process died`)
    if (Date.now() - start > timeoutMs) throw new Error(`${what}: not after ${timeoutMs / 1000} s`)
    await sleep(50)
  }
}

/** Running: it exists and is not a zombie (a zombie holds no mount, socket or file any more). */
function isAlive(pid) {
  try {
    return fs.readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /s, '')[0] !== 'Z'
  } catch {
    return false
  }
}

/** Synchronously (cleanup runs on the way out too): wait until `pid` has ended, SIGKILL it after `graceMs`. */
function awaitEnd(pid, graceMs = 3000) {
  const nap = new Int32Array(new SharedArrayBuffer(4))
  for (let waited = 0; isAlive(pid); waited += 20) {
    if (waited === graceMs) process.kill(pid, 'SIGKILL')
    if (waited > graceMs + 2000) throw new Error(`pid ${pid} did not end`)
    Atomics.wait(nap, 0, 0, 20)
  }
}

/** A daemon of ours in its own process group (a Ctrl-C reaches us, not it); killed by its pid at cleanup. */
function startDaemon(what, cmd, argv, log) {
  const out = fs.openSync(log, 'a')
  const child = spawn(cmd, argv, { detached: true, stdio: ['ignore', out, out] })
  fs.closeSync(out)
  child.unref()
  reaped.push(new Promise((resolve) => child.once('exit', resolve)))
  onCleanup(what, () => {
    for (const target of [child.pid, -child.pid]) {
      try {
        process.kill(target, 'SIGTERM')
      } catch {
        // already gone
      }
    }
    awaitEnd(child.pid)
  })
  return child
}

function canConnect(port) {
  return new Promise((resolve) => {
    const socket = net.connect(port, LOOPBACK)
    socket.once('error', () => resolve(false))
    socket.once('connect', () => {
      socket.end()
      resolve(true)
    })
  })
}

async function startSshd(dir) {
  const key = (name) => sh('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', path.join(dir, name)])
  key('host_key')
  key('id')
  fs.copyFileSync(path.join(dir, 'id.pub'), path.join(dir, 'authorized_keys'))
  if (!fs.existsSync('/run/sshd')) {
    fs.mkdirSync('/run/sshd', { mode: 0o755 }) // sshd's privilege-separation directory
    onCleanup('/run/sshd', () => fs.rmdirSync('/run/sshd'))
  }
  const port = await freePort()
  const sftp = fs.existsSync('/usr/lib/openssh/sftp-server') ? '/usr/lib/openssh/sftp-server' : 'internal-sftp'
  const config = path.join(dir, 'sshd_config')
  fs.writeFileSync(
    config,
    [
      `ListenAddress ${LOOPBACK}`,
      `Port ${port}`,
      `HostKey ${dir}/host_key`,
      `AuthorizedKeysFile ${dir}/authorized_keys`,
      'PermitRootLogin prohibit-password',
      'PasswordAuthentication no',
      'KbdInteractiveAuthentication no',
      'UsePAM no',
      'StrictModes no',
      'LogLevel ERROR',
      `Subsystem sftp ${sftp}`
    ].join('\n') + '\n'
  )
  const log = path.join(dir, 'sshd.log')
  const sshd = startDaemon('sshd', '/usr/sbin/sshd', ['-D', '-f', config, '-E', log], log)
  await waitFor('sshd listening', () => canConnect(port), { alive: () => isAlive(sshd.pid) })
  return { port, identity: path.join(dir, 'id') }
}

/** Runs in a worker thread, so the main thread may block in spawnSync while the proxy goes on forwarding. */
const PROXY_SOURCE = `
const net = require('node:net')
const { parentPort, workerData: { host, upstreamPort, delayMs } } = require('node:worker_threads')
// Timers of one duration fire in the order they were set: chunks keep their order, each late by delayMs.
const later = (fn) => setTimeout(fn, delayMs)
const pipe = (from, to) => {
  from.on('data', (chunk) => later(() => to.destroyed || to.write(chunk)))
  from.on('end', () => later(() => to.end()))
  from.on('error', () => later(() => to.destroy()))
  from.on('close', () => later(() => to.destroy()))
}
const server = net.createServer((client) => {
  const upstream = net.connect(upstreamPort, host)
  for (const s of [client, upstream]) s.setNoDelay(true)
  pipe(client, upstream)
  pipe(upstream, client)
})
server.listen(0, host, () => parentPort.postMessage(server.address().port))
`

/** A TCP proxy on 127.0.0.1 in front of 127.0.0.1:upstreamPort that holds every chunk `delayMs` each way. */
async function startDelayProxy(upstreamPort, delayMs) {
  const worker = new Worker(PROXY_SOURCE, { eval: true, workerData: { host: LOOPBACK, upstreamPort, delayMs } })
  onCleanup('the delay proxy', () => void worker.terminate())
  const port = await new Promise((resolve, reject) => worker.once('message', resolve).once('error', reject))
  return port
}

async function mountSshfs(dir, serverDir, mountPoint, sshPort, identity) {
  const ssh = path.join(dir, 'ssh')
  fs.writeFileSync(
    ssh,
    `#!/bin/sh\nexec ssh -F /dev/null -p ${sshPort} -i '${identity}' -o IdentitiesOnly=yes -o BatchMode=yes ` +
      `-o LogLevel=ERROR -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null "$@"\n`,
    { mode: 0o755 }
  )
  const log = path.join(dir, 'sshfs.log')
  // -f: sshfs stays in the foreground, so its pid is ours. Its default options otherwise, caches included.
  const sshfs = startDaemon(
    'sshfs',
    which('sshfs'),
    ['-f', '-o', `ssh_command=${ssh}`, `root@${LOOPBACK}:${serverDir}`, mountPoint],
    log
  )
  onCleanup(`the mount ${mountPoint}`, () => unmount(mountPoint))
  const mounted = () => mountTable().some((m) => m.mountPoint === mountPoint && m.type === 'fuse.sshfs')
  await waitFor(`sshfs at ${mountPoint} (see ${log})`, mounted, { alive: () => isAlive(sshfs.pid) })
}

/** Median ms of one round trip through the mount: lstat of a name nobody has looked up (sshfs asks the server). */
function roundTripMs(mountPoint) {
  const times = Array.from({ length: 15 }, (_, i) => {
    const start = process.hrtime.bigint()
    fs.lstatSync(path.join(mountPoint, `.rtt-${process.pid}-${i}`), { throwIfNoEntry: false })
    return msSince(start)
  })
  return median(times)
}

async function caseShare() {
  const title = `${fmt(SIZE.share[0] * SIZE.share[1], 0)} symlinks in ${SIZE.share[0]} directories on sshfs, 10 ms round trip`
  const missing = shareMissing()
  if (missing) return { id: 3, title, skipped: missing }
  const dir = tempDir('/tmp', 'ln-action-bench-sshfs-')
  // The server's disk should not be what is measured: tmpfs where there is one (ext4 without a journal costs
  // sftp-server, which does one request at a time, about 1 ms of CPU per new inode after deletions).
  const serverDir = tempDir(fs.existsSync('/dev/shm') ? '/dev/shm' : dir, 'ln-action-bench-server-')
  const mountPoint = path.join(dir, 'mnt')
  fs.mkdirSync(mountPoint)
  const sshd = await startSshd(dir)
  const proxyPort = await startDelayProxy(sshd.port, SHARE_DELAY_MS)
  await mountSshfs(dir, serverDir, mountPoint, proxyPort, sshd.identity)
  const rtt = roundTripMs(mountPoint)

  const size = SIZE.share
  const n = size[0] * size[1]
  const specFile = path.join(dir, 'links.txt')
  fs.writeFileSync(specFile, specLines(size).join('\n') + '\n')
  // Targets are made on the server side (fast); the client has never looked their names up.
  const share = (label) =>
    path.join(mountPoint, path.basename(makeWorkspace(serverDir, size, { name: `${label}-`, spec: false }).ws))
  const contenders = await compare(
    [
      {
        name: 'action',
        prepare: () => share('action'),
        run: (ws) => actionRun(ws, specFile, { created: n, failed: 0 })
      },
      {
        name: 'sequential loop',
        note: 'bare Node: mkdirSync + symlinkSync, one after another',
        prepare: () => share('loop'),
        run: (ws) => bareNode('symlink', ws, size)
      },
      {
        name: 'parallel bare Node',
        note: `reference: fs.promises, one chain per directory, UV_THREADPOOL_SIZE=${Math.max(4, size[0])}`,
        prepare: () => share('parallel'),
        run: (ws) => bareNode('parallel', ws, size, { UV_THREADPOOL_SIZE: String(Math.max(4, size[0])) })
      }
    ],
    { warmUp: false }
  )
  return {
    id: 3,
    title,
    fs: `fuse.sshfs via a ${SHARE_DELAY_MS} ms-each-way proxy, server on ${filesystemOf(serverDir).label}; one lstat round trip ${fmt(rtt)} ms`,
    roundTripMs: rtt,
    contenders,
    goal: { versus: 'sequential loop', min: 10, behind: { of: 'parallel bare Node', max: 1.1 } },
    // What the share allows at all, measured in the same run: sequential loop / parallel bare Node.
    ceiling: contenders[1].ms / contenders[2].ms
  }
}

// ---- machine and report --------------------------------------------------------------------------------------

function machine() {
  const cpu = /^model name\s*:\s*(.*)$/m.exec(fs.readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? os.cpus()[0]?.model
  return {
    nproc: os.availableParallelism(),
    cpu,
    memoryGB: Math.round(os.totalmem() / 2 ** 30),
    kernel: `${os.type()} ${os.release()}`,
    node: sh(NODE, ['--version']).trim(),
    tmpdir: `${os.tmpdir()}: ${filesystemOf(os.tmpdir()).label}`,
    loadAverage: os.loadavg().map((l) => Number(l.toFixed(2)))
  }
}

/** A hash and the size of one bundle of the build measured (`index.js`, `share/index.js`), or that it has none. */
function bundleId(name) {
  const file = path.join(path.dirname(ENTRY), name)
  if (!fs.existsSync(file)) return 'none'
  const bytes = fs.readFileSync(file)
  return `${createHash('sha256').update(bytes).digest('hex').slice(0, 12)}, ${fmt(bytes.length / 1024, 0)} KiB`
}

/** Which build was measured: the commit, whether src/ or dist/ differ from it, and each bundle's hash. */
function build() {
  const git = (...argv) => spawnSync('git', argv, { cwd: ROOT, encoding: 'utf8' }).stdout?.trim() ?? ''
  return {
    commit: git('rev-parse', '--short', 'HEAD') || 'unknown',
    dirty: git('status', '--porcelain', '--', 'src', 'dist') !== '',
    entry: ENTRY,
    dist: bundleId('index.js'),
    share: bundleId('share/index.js')
  }
}

/**
 * Ratios against each baseline; the goal's one decides `met`. Speed-ups (goal.min) are baseline / action. A marginal
 * goal compares what N links cost beyond one: (action − action, 1 link) / (baseline − baseline, 1 link), and says
 * what each link costs both (µs); a goal with `plus` allows that contender's cost on top: (action − plus) / baseline.
 */
function score(result) {
  if (result.skipped || !result.contenders) return result
  const ms = (name) => result.contenders.find((c) => c.name === name)?.ms
  const action = ms('action')
  for (const c of result.contenders) c.ratio = result.goal.min ? c.ms / action : action / c.ms
  const { versus, marginal } = result.goal
  let ratio = result.contenders.find((c) => c.name === versus).ratio
  if (marginal) {
    const perLink = (name) => ((ms(name) - ms(`${name}, 1 link`)) * 1000) / (result.links - 1)
    const { plus } = result.goal
    result.perLinkUs = { action: perLink('action'), [versus]: perLink(versus), ...(plus && { [plus]: perLink(plus) }) }
    // Every other contender measured on one link too: its cost per link, beside the bare loop's.
    for (const c of result.contenders)
      if (!(c.name in result.perLinkUs) && ms(`${c.name}, 1 link`) !== undefined)
        result.perLinkUs[c.name] = perLink(c.name)
    ratio = (result.perLinkUs.action - (plus ? result.perLinkUs[plus] : 0)) / result.perLinkUs[versus]
  }
  let met = result.goal.min ? ratio >= result.goal.min : ratio <= result.goal.max
  // N links measured as costing less than one: the machine was too busy for the run to say anything.
  if (marginal && !(result.perLinkUs[versus] > 0)) met = false
  if (result.goal.behind) {
    result.behindParallel = action / ms(result.goal.behind.of)
    met &&= result.behindParallel <= result.goal.behind.max
  }
  return { ...result, ratio, met }
}

function printTable(results) {
  const rows = [['case', 'contender', 'median ms', 'runs (ms)', 'ratio', 'goal', 'met']]
  for (const r of results) {
    const head = `${r.id}. ${r.title}`
    if (r.skipped) {
      rows.push([head, `SKIPPED: ${r.skipped}`, '', '', '', '', ''])
    } else if (r.id === 5) {
      rows.push([
        head,
        'process tree (peak RSS)',
        fmt(r.ms, 0),
        '',
        `${fmt(r.maxRssMB)} MB`,
        `< ${LIMITS.rssMB} MB`,
        r.met ? 'yes' : 'NO'
      ])
    } else {
      const words = r.goal.min
        ? `${r.goal.versus} / action >= ${r.goal.min}`
        : `action / ${r.goal.versus} <= ${r.goal.max}`
      for (const [i, c] of r.contenders.entries()) {
        const isGoal = c.name === r.goal.versus && !r.goal.marginal
        rows.push([
          i === 0 ? head : i === 1 ? `   ${r.fs}` : '',
          c.name,
          fmt(c.ms),
          c.runs.map((x) => fmt(x, 0)).join(' '),
          c.name === 'action' ? '' : `${fmt(c.ratio, 2)}x`,
          isGoal ? words : c.name === 'action' ? '' : 'reference',
          isGoal ? (r.met ? 'yes' : 'NO') : ''
        ])
      }
      if (r.perLinkUs) {
        const us = r.perLinkUs
        const plus = r.goal.plus ? ` + ${fmt(us[r.goal.plus])} µs read` : ''
        const what = `${fmt(us.action)} µs vs ${fmt(us[r.goal.versus])} µs${plus}`
        rows.push([
          '',
          'per link beyond the first',
          what,
          '',
          `${fmt(r.ratio, 2)}x`,
          `marginal ${r.goal.plus ? `(action − ${r.goal.plus}) / ${r.goal.versus} <= ${r.goal.max}` : words}`,
          r.met ? 'yes' : 'NO'
        ])
      }
      for (const [name, us] of Object.entries(r.perLinkUs ?? {})) {
        if (name === 'action' || name === r.goal.versus || name === r.goal.plus) continue
        const ratio = us / r.perLinkUs[r.goal.versus]
        rows.push([
          '',
          `  ${name}, per link`,
          `${fmt(us)} µs`,
          '',
          `${fmt(ratio, 2)}x`,
          `reference: / ${r.goal.versus}`,
          ''
        ])
      }
      if (r.behindParallel !== undefined) {
        const ok = r.behindParallel <= r.goal.behind.max
        rows.push([
          '',
          `action / ${r.goal.behind.of}`,
          '',
          '',
          `${fmt(r.behindParallel, 2)}x`,
          `<= ${r.goal.behind.max}`,
          ok ? 'yes' : 'NO'
        ])
      }
    }
  }
  const widths = rows[0].map((_, col) => Math.max(...rows.map((row) => row[col].length)))
  const line = (row) =>
    row.map((cell, col) => (col >= 2 && col <= 4 ? cell.padStart(widths[col]) : cell.padEnd(widths[col]))).join('  ')
  console.log(line(rows[0]).trimEnd())
  console.log(widths.map((w) => '-'.repeat(w)).join('  '))
  for (const row of rows.slice(1)) console.log(line(row).trimEnd())
}

function printNotes(results) {
  if (results.some((r) => r.fs?.includes('ext4 without journal'))) {
    console.log(
      '\next4 without a journal: a new inode is allocated past every inode freed in the last 60 s (6 min while its ' +
        'inode table is not yet written back), so a run right after deleting many files is slow; nothing is deleted until the end here.'
    )
  }
  console.log(
    '\nratio: action / baseline where the goal is an upper bound (lower is better); baseline / action where it is a ' +
      'speed-up (higher is better).'
  )
  const share = results.find((r) => r.id === 3 && r.ceiling)
  if (share) {
    console.log(
      `sshfs: the share itself allows at most ${fmt(share.ceiling, 2)}x (sequential loop / parallel bare Node, this ` +
        `run); the action reaches ${fmt(share.ratio, 2)}x, ${fmt((share.ratio / share.ceiling) * 100, 0)} % of that.`
    )
  }
  console.log('\nBaselines:')
  const seen = new Set()
  for (const c of results.flatMap((r) => r.contenders ?? [])) {
    if (c.note && !seen.has(c.name)) console.log(`  ${c.name}: ${c.note}`)
    seen.add(c.name)
  }
  for (const memory of results.filter((r) => r.id === 5)) {
    console.log(
      `\nMemory, ${memory.title}, paths up to ${memory.pathChars} characters (${memory.measuredBy}): ${fmt(memory.maxRssMB)} MB peak RSS in ${fmt(memory.ms / 1000, 2)} s; results output ` +
        `${fmt(memory.resultsOutputBytes, 0)} bytes (limit 1 MB), summary ${fmt(memory.summaryBytes, 0)} bytes (limit 1 MiB), ` +
        `all outputs ${fmt(memory.allOutputsBytes, 0)} bytes, log ${fmt(memory.logBytes, 0)} bytes, results file ` +
        `${fmt(memory.resultsFileEntries, 0)} entries (${fmt(memory.resultsJsonBytes / 2 ** 20)} MiB as compact JSON).`
    )
  }
}

// ---- profile -------------------------------------------------------------------------------------------------

/** Self time per function over every .cpuprofile in `dir` (the action and any share worker), largest first. */
function topFunctions(dir, count = 12) {
  const self = new Map()
  let total = 0
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'))) {
    const profile = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'))
    const byId = new Map(profile.nodes.map((node) => [node.id, node.callFrame]))
    profile.samples.forEach((id, i) => {
      const frame = byId.get(id)
      const where = frame.url ? `${path.basename(frame.url)}:${frame.lineNumber + 1}` : ''
      const key = `${frame.functionName || '(anonymous)'} ${where}`.trim()
      const us = profile.timeDeltas[i] ?? 0
      self.set(key, (self.get(key) ?? 0) + us)
      total += us
    })
  }
  const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, count)
  return top.map(([name, us]) => ({ name, ms: us / 1000, share: us / total }))
}

/** The action of cases 1, 2 (each shape) and 4 once more, under --cpu-prof (NODE_OPTIONS reaches share workers too). */
async function profileCases() {
  const base = tempDir(os.tmpdir(), 'ln-action-bench-prof-')
  const profiled = (label, ws, specFile, expect) => {
    const dir = fs.mkdtempSync(path.join(base, 'prof-'))
    const env = { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${dir}` }
    checkRun(runAction(ws, { links: `@${specFile}` }, { node: NODE, entry: ENTRY, env }), expect)
    console.log(`\nprofile: ${label} (self time, top functions of dist/index.js and Node)`)
    for (const f of topFunctions(dir))
      console.log(`  ${fmt(f.ms).padStart(8)} ms  ${fmt(f.share * 100).padStart(5)} %  ${f.name}`)
  }
  const size = SIZE.local
  const n = size[0] * size[1]
  for (const shape of [SHAPES.short, SHAPES.user].filter((s) => SHAPE_NAMES.has(s.name))) {
    const { ws, specFile } = makeWorkspace(base, size, { shape })
    const label = (id, what) => `case ${id}, ${fmt(n, 0)} ${what}, ${shape.name} shape`
    if (CASES.has('1')) profiled(label(1, 'new links'), ws, specFile, { created: n })
    else actionRun(ws, specFile, { created: n })
    if (CASES.has('2')) profiled(label(2, 'unchanged'), ws, specFile, { unchanged: n })
  }
  if (CASES.has('4')) {
    const one = makeWorkspace(base, ONE)
    profiled('case 4, one link cold', one.ws, one.specFile, { created: 1 })
  }
}

// ---- main ----------------------------------------------------------------------------------------------------

async function main() {
  const host = machine()
  console.log(
    `ln-action bench: ${REPS} repetitions${args.quick ? ' (quick)' : ''}, median; whole processes, start-up included`
  )
  console.log(
    `machine: ${host.nproc} CPUs (${host.cpu}), ${host.memoryGB} GB, ${host.kernel}, Node ${host.node}, ${host.tmpdir}`
  )
  console.log(`load average at start: ${host.loadAverage.join(' ')} (other work on the machine skews every figure)`)
  const built = build()
  console.log(
    `build: commit ${built.commit}${built.dirty ? ' + uncommitted src/dist changes' : ''}, ${built.entry} ${built.dist}; share/index.js ${built.share}\n`
  )
  const results = []
  const step = async (id, fn) => {
    if (!CASES.has(String(id))) return
    const start = Date.now()
    const result = score(await fn())
    console.error(
      `bench: case ${id} (${result.title}${result.fs ? `, ${result.fs}` : ''}) took ${fmt((Date.now() - start) / 1000)} s`
    )
    results.push(result)
  }
  const locals = CASES.has('1') || CASES.has('2') ? localBases() : []
  const shapes = [SHAPES.short, SHAPES.user].filter((shape) => SHAPE_NAMES.has(shape.name))
  for (const shape of shapes) for (const local of locals) await step(1, () => caseCreate(local, shape))
  for (const shape of shapes) for (const local of locals) await step(2, () => caseRerun(local, shape))
  await step(3, caseShare)
  await step(4, caseCold)
  for (const local of CASES.has('6') ? localBases() : []) await step(6, () => caseRestore(local))
  for (const run of memoryRuns()) await step(5, () => caseMemory(run))
  console.log()
  printTable(results)
  printNotes(results)
  if (args.profile) await profileCases()
  console.log(JSON.stringify({ machine: host, build: built, reps: REPS, quick: args.quick, results }))
}

try {
  await main()
} catch (error) {
  console.error(`bench: ${error.stack ?? error}`)
  process.exitCode = 1
} finally {
  cleanup()
}
