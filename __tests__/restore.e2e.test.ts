// Capture → round trip → restore through dist (issue 29), as the runner runs it. The round trips follow links and
// store copies, as upload-artifact does (`tar --dereference`, `cp -rL`, Info-ZIP's `zip -r` + `unzip`), or keep them
// (a plain `tar`); restoring the captured file with `overwrite: copies` into another directory gives back every link
// text and every hard-link group, on the machine's disk (ext4 here) and on a tmpfs, the directory a followed
// directory link became included. A copy edited since (one byte, same size), truncated or swapped with another is
// kept, and a link leading outside the restore root is refused: each with its code. A hostile spec is refused entry by
// entry, and the post step (cleanup: true) puts back a directory the restore replaced.
import { spawnSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { stateEnv } from '../scripts/run-action.mjs'
import { describePosixWithActionNode, runAction, tempWorkspace } from './helpers/action.js'
import { describeLab, leftovers } from './helpers/lab.js'
import { describeUnless, itUnless } from './helpers/skip.js'
import { treeOf, type TreeLinks } from './helpers/tree.js'

const FILE = '.ln-action-links.yml'

/** What a build leaves: links by plain and roundabout texts, absolute ones, dangling ones, hard-link groups. */
function buildTree(dist: string): void {
  const files = {
    'lib/tool.js': 'tool body',
    'lib/edited.js': 'abcdef',
    'lib/long.js': 'a longer body',
    'lib/swap-a.js': 'AAAA',
    'lib/swap-b.js': 'BBBB'
  }
  const texts = {
    'bin/tool': '../lib/tool.js',
    'bin/swap-a': '../lib/swap-a.js',
    'bin/swap-b': '../lib/swap-b.js',
    'bin/roundabout': '../lib/dir/../tool.js',
    'bin/edited': '../lib/edited.js',
    'bin/truncated': '../lib/long.js',
    'absolute-in': path.join(dist, 'lib/tool.js'),
    'absolute-out': '/etc/hostname',
    dangling: 'missing',
    'dir-link': 'lib/dir',
    'with space': 'lib/tool.js',
    'a -> b': 'lib/tool.js'
  }
  const hardLinks = { 'bin/tool-copy': 'lib/tool.js', 'z-last': 'lib/long.js' }
  for (const dir of ['lib/dir', 'bin']) fs.mkdirSync(path.join(dist, dir), { recursive: true })
  for (const [rel, content] of Object.entries({ ...files, 'lib/dir/inner': 'inner' }))
    fs.writeFileSync(path.join(dist, rel), content)
  for (const [rel, text] of Object.entries(texts)) fs.symlinkSync(text, path.join(dist, rel))
  for (const [rel, existing] of Object.entries(hardLinks)) fs.linkSync(path.join(dist, existing), path.join(dist, rel))
}

/**
 * Write a new file over p, as an editor saves: `tar --dereference` stores a link and its target as one file (hard
 * links), so writing in place would change the target too.
 */
function rewrite(p: string, content: string): void {
  fs.writeFileSync(`${p}.new`, content)
  fs.renameSync(`${p}.new`, p)
}

const ZIP_MISSING =
  spawnSync('zip', ['-v']).status === 0 && spawnSync('unzip', ['-v']).status === 0 ? undefined : 'no zip/unzip here'

/** Round trips that follow links, as artifact uploads do. Dangling links make them complain: what comes is checked. */
const ROUND_TRIPS: [string, string | undefined, (from: string, to: string) => string][] = [
  ['plain tar', undefined, (from, to) => `tar -C '${from}' -cf - . | tar -C '${to}' -xf -`],
  ['tar --dereference', undefined, (from, to) => `tar -C '${from}' --dereference -cf - . | tar -C '${to}' -xf -`],
  ['cp -rL', undefined, (from, to) => `cp -rL '${from}/.' '${to}'`],
  [
    'zip -r + unzip',
    ZIP_MISSING,
    (from, to) => `cd '${from}' && zip -qr '${to}.zip' . ; unzip -q '${to}.zip' -d '${to}'`
  ]
]

/** Where the workspace is: the machine's temporary directory, or a tmpfs of its own (mounting one needs root). */
const DISKS: [string, string | undefined, (ws: string) => void][] = [
  ['the temporary directory', undefined, () => undefined],
  [
    'tmpfs',
    process.getuid?.() === 0 ? undefined : 'mounting a tmpfs needs root',
    (ws) => expect(spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=16m', 'tmpfs', ws]).status).toBe(0)
  ]
]

/** The paths whose copies a restore keeps, and the code each one's result has. */
const KEPT = {
  'bin/edited': 'NOTCOPY', // edited since: one byte, same size
  'bin/truncated': 'NOTCOPY',
  'bin/swap-a': 'NOTCOPY', // swapped with another file of the same size
  'bin/swap-b': 'NOTCOPY',
  'absolute-out': 'CONFINE' // leads outside the restore root
}

/** Swap the contents of two files, as a step that mixed them up would. */
function swap(a: string, b: string): void {
  fs.renameSync(a, `${a}.tmp`)
  fs.renameSync(b, a)
  fs.renameSync(`${a}.tmp`, b)
}

describePosixWithActionNode('capture, round trip and restore through dist', () => {
  for (const [disk, noDisk, mount] of DISKS) {
    describeUnless(noDisk)(`on ${disk}`, () => {
      let ws: string
      let dist: string
      let original: TreeLinks
      beforeAll(() => {
        ws = tempWorkspace('ln-action-restore-')
        mount(ws)
        dist = path.join(ws, 'dist')
        buildTree(dist)
        expect(runAction(ws, { capture: 'dist' }).status).toBe(0)
        original = treeOf(dist)
      })
      afterAll(() => {
        if (noDisk === undefined && disk === 'tmpfs') spawnSync('umount', [ws])
        fs.rmSync(ws, { recursive: true, force: true })
      })

      for (const [name, missing, command] of ROUND_TRIPS) {
        itUnless(missing)(`after ${name} every link comes back; changed copies are kept, saying why`, () => {
          const restored = path.join(ws, `restored-${name.split(' ')[0]}`)
          fs.mkdirSync(restored)
          spawnSync('bash', ['-c', command(dist, restored)])
          const keepsLinks = name === 'plain tar'
          // Every link came back as a copy, but through a plain tar, which keeps them.
          expect(Object.keys(treeOf(restored).texts).length > 0).toBe(keepsLinks)
          rewrite(path.join(restored, 'bin/edited'), 'abcdeF')
          rewrite(path.join(restored, 'bin/truncated'), 'a lo')
          rewrite(path.join(restored, 'bin/swap-a'), 'AAAA')
          rewrite(path.join(restored, 'bin/swap-b'), 'BBBB')
          swap(path.join(restored, 'bin/swap-a'), path.join(restored, 'bin/swap-b'))

          const run = runAction(ws, { links: `@${FILE}`, 'working-directory': restored, overwrite: 'copies' })
          const failed = run.results.filter((r) => r.status === 'failed')
          expect(Object.fromEntries(failed.map((r) => [path.relative(restored, r.path), r.code]))).toEqual(KEPT)
          expect(run.status).toBe(1)
          const after = treeOf(restored)
          const texts = Object.entries(original.texts).filter(([rel]) => !(rel in KEPT))
          // The link leading out that a plain tar brought is refused, and left as it came.
          const brought = keepsLinks ? { 'absolute-out': original.texts['absolute-out'] } : {}
          expect(after.texts).toEqual({
            ...Object.fromEntries(texts),
            ...brought,
            'absolute-in': path.join(restored, 'lib/tool.js')
          })
          expect(after.groups).toEqual(original.groups)
          // Every file's content as it was, the kept copies as they were left, and no other file.
          const left = { 'bin/edited': 'abcdeF', 'bin/truncated': 'a lo', 'bin/swap-a': 'BBBB', 'bin/swap-b': 'AAAA' }
          // The copy of the file outside that the round trip brought is refused as a link, so kept as it came.
          const outside = keepsLinks ? {} : { 'absolute-out': fs.readFileSync('/etc/hostname', 'utf8') }
          expect(after.files).toEqual({ ...original.files, ...left, ...outside })
          // A plain tar brought every link already right but the one written absolute: nothing else was touched.
          if (keepsLinks) {
            const replaced = run.results.filter((r) => r.status !== 'unchanged' && r.status !== 'failed')
            expect(replaced.map((r) => [path.relative(restored, r.path), r.status])).toEqual([
              ['absolute-in', 'replaced']
            ])
          }
          // Nothing else: no temporary names left, no backups.
          expect(fs.readdirSync(restored).filter((n) => n.startsWith('.ln-action-') && n !== FILE)).toEqual([])
        })
      }
    })
  }
})

describePosixWithActionNode('restoring a hostile spec through dist', () => {
  let ws: string
  beforeEach(() => {
    ws = tempWorkspace('ln-action-restore-hostile-')
  })
  afterEach(() => fs.rmSync(ws, { recursive: true, force: true }))

  it('refuses each link leading outside the restore root, makes the others; allow-outside: true makes them all', () => {
    const root = path.join(ws, 'download')
    fs.mkdirSync(path.join(root, 'lib'), { recursive: true })
    fs.writeFileSync(path.join(root, 'lib/a'), 'a')
    fs.writeFileSync(path.join(ws, 'secret'), 'key')
    const spec = [
      '- { path: ssh, text: ../../.ssh, type: symlink }',
      '- { path: etc, target: /etc }',
      '- { path: key, target: ../secret, type: hardlink }',
      '- { path: ok, text: lib/a }'
    ].join('\n')
    fs.writeFileSync(path.join(root, FILE), spec)
    const inputs = { links: `@${FILE}`, 'working-directory': root, overwrite: 'copies' }
    const run = runAction(ws, inputs)
    expect(run.status).toBe(1)
    const outcome = (r: { path: string; status: string; code: string }) => [path.basename(r.path), r.status, r.code]
    expect(run.results.map(outcome)).toEqual([
      ['ssh', 'failed', 'CONFINE'],
      ['etc', 'failed', 'CONFINE'],
      ['key', 'failed', 'CONFINE'],
      ['ok', 'created', '']
    ])
    expect(fs.readdirSync(root).sort()).toEqual([FILE, 'lib', 'ok'])

    const trusted = runAction(ws, { ...inputs, 'allow-outside': 'true' })
    expect(trusted.results.map((r) => r.status)).toEqual(['created', 'created', 'created', 'unchanged'])
    expect(fs.readlinkSync(path.join(root, 'ssh'))).toBe('../../.ssh')
    expect(fs.statSync(path.join(root, 'key')).ino).toBe(fs.statSync(path.join(ws, 'secret')).ino)
  })
})

describePosixWithActionNode('a restore through dist keeps what the review found it could lose', () => {
  let ws: string
  let root: string
  let outside: string
  beforeEach(() => {
    ws = tempWorkspace('ln-action-restore-review-')
    root = path.join(ws, 'download')
    outside = path.join(ws, 'outside')
    for (const dir of ['lib', 'd/sub']) fs.mkdirSync(path.join(root, dir), { recursive: true })
    fs.mkdirSync(outside)
    fs.writeFileSync(path.join(root, 'lib/a'), 'a')
    fs.writeFileSync(path.join(root, 'only'), 'the only copy')
    fs.writeFileSync(path.join(root, 'd/sub/f'), 'the only tree')
    fs.writeFileSync(path.join(root, 'edited'), 'b') // one byte, as lib/a, but another
    fs.writeFileSync(path.join(outside, 'mine'), 'mine')
    fs.symlinkSync('mine', path.join(outside, 'l'))
  })
  afterEach(() => fs.rmSync(ws, { recursive: true, force: true }))

  const restore = (spec: string[], more: Record<string, string> = {}) => {
    fs.writeFileSync(path.join(root, FILE), spec.join('\n'))
    return runAction(ws, { links: `@${FILE}`, 'working-directory': root, overwrite: 'copies', ...more })
  }

  it('refuses entry by entry: TARGETs leading back to PATH, an entry asking for more, PATHs and texts outside', () => {
    fs.symlinkSync('only', path.join(root, 'to-only'))
    fs.symlinkSync('d', path.join(root, 'to-d'))
    fs.symlinkSync('.', path.join(root, 'x'))
    const run = restore([
      '- { path: only, target: to-only }',
      '- { path: d, target: to-d }',
      '- { path: edited, target: lib/a, overwrite: files }',
      `- { path: '${outside}/l', state: absent }`,
      `- { path: '${outside}/new', target: lib/a }`,
      "- { path: esc, text: 'x/x/../outside/mine' }",
      '- { path: "new\\nline", text: lib/a }',
      '- { path: "a -> b", text: "../../x" }',
      '- { path: ok, text: lib/a }'
    ])
    expect(run.status).toBe(1)
    const outcome = (r: { status: string; code: string }) => `${r.status} ${r.code}`.trim()
    expect(run.results.map(outcome)).toEqual([
      'failed NOTCOPY',
      'failed NOTCOPY',
      'failed NOTCOPY',
      'failed CONFINE',
      'failed CONFINE',
      'failed CONFINE',
      'created',
      'failed CONFINE',
      'created'
    ])
    expect(fs.readFileSync(path.join(root, 'only'), 'utf8')).toBe('the only copy')
    expect(fs.readFileSync(path.join(root, 'd/sub/f'), 'utf8')).toBe('the only tree')
    expect(fs.readFileSync(path.join(root, 'edited'), 'utf8')).toBe('b')
    expect(fs.readdirSync(outside).sort()).toEqual(['l', 'mine'])
    expect(fs.readlinkSync(path.join(root, 'new\nline'))).toBe('lib/a')
    expect(fs.existsSync(path.join(root, 'esc'))).toBe(false)
  })

  it('rejects a spec whose PATH climbs out with .. as a whole, touching nothing (contract: validation)', () => {
    const run = restore(['- { path: ../escape, text: lib/a }', '- { path: ok, text: lib/a }'])
    expect(run.status).toBe(1)
    expect(fs.readdirSync(ws).sort()).toEqual(['download', 'outside'])
    expect(fs.existsSync(path.join(root, 'ok'))).toBe(false)
  })

  it('with cleanup: true the post step puts back the directory the restore replaced', () => {
    fs.mkdirSync(path.join(root, 'lib/dir/sub'), { recursive: true })
    fs.writeFileSync(path.join(root, 'lib/dir/sub/f'), 'the only tree')
    const ino = fs.statSync(path.join(root, 'd')).ino
    const main = restore(['- { path: d, text: lib/dir }'], { cleanup: 'true' })
    expect(main.results.map((r) => r.status)).toEqual(['replaced'])
    expect(fs.readlinkSync(path.join(root, 'd'))).toBe('lib/dir')
    const post = runAction(
      ws,
      { links: `@${FILE}`, 'working-directory': root, overwrite: 'copies', cleanup: 'true' },
      stateEnv(main.state)
    )
    expect(post.status).toBe(0)
    expect(post.results.map((r) => r.status)).toEqual(['restored'])
    expect(fs.lstatSync(path.join(root, 'd')).ino).toBe(ino)
    expect(fs.readFileSync(path.join(root, 'd/sub/f'), 'utf8')).toBe('the only tree')
    expect(fs.readdirSync(root).sort()).toEqual([FILE, 'd', 'edited', 'lib', 'only'])
  })
})

describePosixWithActionNode("a restore judges each link's way through the links its spec makes (issue 29)", () => {
  let ws: string
  let root: string
  beforeEach(() => {
    ws = tempWorkspace('ln-action-restore-ways-')
    root = path.join(ws, 'download')
    // d1/d2/b and e: identical copies (b may give way to a link to e); d1/out inside, out beside the restore root.
    for (const dir of ['d1/d2/b', 'd1/out', 'e']) fs.mkdirSync(path.join(root, dir), { recursive: true })
    for (const copy of ['d1/d2/b', 'e']) fs.writeFileSync(path.join(root, copy, 'f'), 'same')
    fs.mkdirSync(path.join(ws, 'out'))
    fs.writeFileSync(path.join(ws, 'out/secret'), 'key')
  })
  afterEach(() => fs.rmSync(ws, { recursive: true, force: true }))

  const restore = (spec: string[]) => {
    fs.writeFileSync(path.join(root, FILE), spec.join('\n'))
    return runAction(ws, { links: `@${FILE}`, 'working-directory': root, overwrite: 'copies' })
  }
  /** Links made elsewhere, enough to put what comes after them in another slice (the executors plan 100 at once). */
  const others = Array.from({ length: 150 }, (_, i) => `- { path: others/n${i}, text: ../e/f }`)
  // Through today's copy `b`, `b/../../out` is d1/out; through the link `b -> ../../e` it is ../out, outside.
  const through = '- { path: d1/d2/l, text: b/../../out }'
  const link = '- { path: d1/d2/b, text: ../../e }'

  it.each([
    ['before the link, in its slice', [through, link]],
    ['after the link, in its slice', [link, through]],
    ['a slice before the link', [through, ...others, link]]
  ])('a text inside through a copy but outside through the link that replaces it is refused: %s', (_, spec) => {
    const run = restore(spec)
    const ours = run.results.filter((r) => !r.path.includes('/others/'))
    expect(Object.fromEntries(ours.map((r) => [path.relative(root, r.path), `${r.status} ${r.code}`.trim()]))).toEqual({
      'd1/d2/l': 'failed CONFINE',
      'd1/d2/b': 'replaced'
    })
    expect(fs.existsSync(path.join(root, 'd1/d2/l'))).toBe(false)
    expect(fs.readlinkSync(path.join(root, 'd1/d2/b'))).toBe('../../e')
  })

  it('a link whose PATH lies through a symbolic link is refused: no other way is judged to pass there', () => {
    // `c/b` would be made at d1/d2/b, where the way of d1/d2/l does not look for a link of the spec by name.
    fs.symlinkSync('d1/d2', path.join(root, 'c'))
    const run = restore([through, '- { path: c/b, text: ../../e }'])
    expect(run.results.map((r) => [path.relative(root, r.path), r.status, r.code])).toEqual([
      ['d1/d2/l', 'created', ''],
      ['c/b', 'failed', 'CONFINE']
    ])
    expect(fs.realpathSync(path.join(root, 'd1/d2/l'))).toBe(path.join(root, 'd1/out'))
    expect(fs.lstatSync(path.join(root, 'd1/d2/b')).isDirectory()).toBe(true)
  })

  it('a text that stays inside both ways is made, whichever comes first', () => {
    const inside = '- { path: d1/d2/k, text: b/f }'
    const run = restore([inside, link, inside.replace('k', 'k2')])
    expect(run.results.map((r) => [path.relative(root, r.path), r.status])).toEqual([
      ['d1/d2/k', 'created'],
      ['d1/d2/b', 'replaced'],
      ['d1/d2/k2', 'created']
    ])
    expect(fs.readFileSync(path.join(root, 'd1/d2/k'), 'utf8')).toBe('same')
  })
})

describePosixWithActionNode('a restore judges a way through a link its spec may remove (state: absent)', () => {
  let ws: string
  let root: string
  beforeEach(() => {
    ws = tempWorkspace('ln-action-restore-gone-')
    root = path.join(ws, 'download')
    fs.mkdirSync(path.join(root, 'deep/er'), { recursive: true })
    fs.writeFileSync(path.join(ws, 'secret'), 'key')
  })
  afterEach(() => fs.rmSync(ws, { recursive: true, force: true }))

  const restore = (spec: string[]) => {
    fs.writeFileSync(path.join(root, FILE), spec.join('\n'))
    const run = runAction(ws, { links: `@${FILE}`, 'working-directory': root, overwrite: 'copies' })
    return Object.fromEntries(run.results.map((r) => [path.relative(root, r.path), `${r.status} ${r.code}`.trim()]))
  }
  /** `l` leads to nothing, or to something inside the restore root. */
  const staysInside = () =>
    !fs.existsSync(path.join(root, 'l')) || fs.realpathSync(path.join(root, 'l')).startsWith(root)
  // Through L as it is, deep/er/../../secret is the root's own secret (none); through L made a directory, ../secret.
  const climb = '- { path: l, text: L/../../secret }'
  const remake = '- { path: L/c, text: ../deep }'

  it('`..` after a link the artifact brought at a PATH that may go is refused', () => {
    fs.symlinkSync('deep/er', path.join(root, 'L'))
    expect(restore([climb, '- { path: L, state: absent }', remake])).toMatchObject({ l: 'failed CONFINE' })
    expect(staysInside()).toBe(true)
  })

  it('removing a PATH through a symbolic link (another spelling of a link the spec makes) is refused: L stays', () => {
    const fillers = Array.from({ length: 110 }, (_, i) => `- { path: f${i}, text: deep }`)
    const spec = [
      '- { path: s, text: . }',
      '- { path: L, text: deep/er }',
      ...fillers,
      climb,
      '- { path: s/L, state: absent }',
      remake
    ]
    expect(restore(spec)).toMatchObject({ l: 'created', 's/L': 'failed CONFINE' })
    expect(fs.readlinkSync(path.join(root, 'L'))).toBe('deep/er')
    expect(staysInside()).toBe(true)
  })

  it('a PATH through a brought link to outside is not removed', () => {
    fs.mkdirSync(path.join(ws, 'outdir'))
    fs.symlinkSync('../secret', path.join(ws, 'outdir/victim'))
    fs.symlinkSync('../outdir', path.join(root, 's'))
    expect(restore(['- { path: s/victim, state: absent }'])['s/victim']).toMatch(/^failed /)
    expect(fs.readlinkSync(path.join(ws, 'outdir/victim'))).toBe('../secret')
  })
})

/** A pnpm store's shape: a package's links lead into the store, and .bin's through the package's own link. */
function buildPnpmTree(dist: string): void {
  const files = {
    'node_modules/.pnpm/foo@1.0.0/node_modules/foo/package.json': '{"name":"foo"}',
    'node_modules/.pnpm/foo@1.0.0/node_modules/foo/bin/cli.js': 'foo cli',
    'node_modules/.pnpm/bar@2.0.0/node_modules/bar/index.js': 'bar'
  }
  const texts = {
    'node_modules/foo': '.pnpm/foo@1.0.0/node_modules/foo',
    'node_modules/bar': '.pnpm/bar@2.0.0/node_modules/bar',
    'node_modules/.pnpm/foo@1.0.0/node_modules/bar': '../../bar@2.0.0/node_modules/bar',
    'node_modules/.bin/foo': '../foo/bin/cli.js',
    'node_modules/.bin/bar-index': '../.pnpm/foo@1.0.0/node_modules/bar/../bar/index.js'
  }
  for (const [rel, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dist, rel)), { recursive: true })
    fs.writeFileSync(path.join(dist, rel), content)
  }
  fs.mkdirSync(path.join(dist, 'node_modules/.bin'))
  for (const [rel, text] of Object.entries(texts)) fs.symlinkSync(text, path.join(dist, rel))
}

describePosixWithActionNode('a planned hard link whose file an earlier entry made a symbolic link (review 3)', () => {
  let ws: string
  afterEach(() => fs.rmSync(ws, { recursive: true, force: true }))

  it('is not made a second name of that link, whose text would lead out from PATH', () => {
    ws = tempWorkspace('ln-action-restore-hard-')
    const root = path.join(ws, 'download')
    fs.mkdirSync(path.join(root, 'a/b'), { recursive: true })
    fs.writeFileSync(path.join(ws, 'secret'), 'key')
    fs.writeFileSync(path.join(root, 'a/secret'), 'X')
    fs.writeFileSync(path.join(root, 'a/b/t'), 'X') // a copy of what a/b/t will lead to
    fs.symlinkSync('.', path.join(root, 's')) // brought by the tree, not in the spec: TARGET is spelled through it
    const spec = ['- { path: a/b/t, text: ../secret }', '- { path: p, target: s/a/b/t, type: hardlink }']
    fs.writeFileSync(path.join(root, FILE), spec.join('\n'))
    const run = runAction(ws, { links: `@${FILE}`, 'working-directory': root, overwrite: 'copies' })
    expect(run.results.map((r) => [r.status, r.code])).toEqual([
      ['replaced', ''],
      ['failed', 'TARGET_CHANGED']
    ])
    expect(fs.existsSync(path.join(root, 'p'))).toBe(false)
    expect(fs.readFileSync(path.join(root, 'a/secret'), 'utf8')).toBe('X')
  })
})

describePosixWithActionNode('a pnpm-like tree, whose links lead through other links, round trips whole', () => {
  let ws: string
  beforeAll(() => {
    ws = tempWorkspace('ln-action-restore-pnpm-')
    buildPnpmTree(path.join(ws, 'dist'))
    expect(runAction(ws, { capture: 'dist' }).status).toBe(0)
  })
  afterAll(() => fs.rmSync(ws, { recursive: true, force: true }))

  it.each(ROUND_TRIPS.filter(([name]) => name === 'cp -rL' || name === 'tar --dereference'))(
    'after %s every link comes back, the tree as it was',
    (name, _, command) => {
      const restored = path.join(ws, `restored-${name.split(' ')[0]}`)
      fs.mkdirSync(restored)
      spawnSync('bash', ['-c', command(path.join(ws, 'dist'), restored)])
      expect(treeOf(restored).texts).toEqual({})
      const run = runAction(ws, { links: `@${FILE}`, 'working-directory': restored, overwrite: 'copies' })
      expect(run.results.filter((r) => r.status === 'failed')).toEqual([])
      expect(run.status).toBe(0)
      expect(treeOf(restored)).toEqual(treeOf(path.join(ws, 'dist')))
    }
  )
})

describeLab('capture, cp -rL and restore on FAT and sshfs (lab/lab.sh): what comes back there', (lab) => {
  let ws: string
  let dist: string
  beforeAll(() => {
    ws = tempWorkspace('ln-action-restore-lab-')
    dist = path.join(ws, 'dist')
    for (const dir of ['lib/dir', 'bin']) fs.mkdirSync(path.join(dist, dir), { recursive: true })
    fs.writeFileSync(path.join(dist, 'lib/tool.js'), 'tool body')
    fs.writeFileSync(path.join(dist, 'lib/dir/inner'), 'inner')
    fs.symlinkSync('../lib/tool.js', path.join(dist, 'bin/tool'))
    fs.symlinkSync('lib/dir', path.join(dist, 'dir-link'))
    fs.linkSync(path.join(dist, 'lib/tool.js'), path.join(dist, 'bin/tool-copy'))
    expect(runAction(ws, { capture: 'dist' }).status).toBe(0)
  })
  afterAll(() => fs.rmSync(ws, { recursive: true, force: true }))

  /** The captured tree, copied following its links onto the mount, then restored there. */
  const roundTrip = (mount: string) => {
    const to = lab.workspace(mount, {})
    expect(spawnSync('cp', ['-rL', `${dist}/.`, to]).status).toBe(0)
    const before = treeOf(to)
    const inputs = { links: `@${FILE}`, 'working-directory': to, overwrite: 'copies', 'fail-on-error': 'false' }
    const run = runAction(ws, inputs)
    const outcome = (r: { path: string; status: string; code: string; kind: string }) =>
      [path.relative(to, r.path), r.status, r.code, r.kind].filter(Boolean).join(' ')
    return { to, before, run, outcome }
  }

  lab.test(
    'FAT (no links of either kind): every copy stays as it came, each link failing with its errno',
    ['fat'],
    () => {
      const { to, before, run, outcome } = roundTrip('fat')
      expect(run.results.map(outcome)).toEqual([
        'bin/tool failed ENOSYS symlink',
        'dir-link failed ENOSYS symlink',
        'lib/tool.js failed EPERM hardlink'
      ])
      expect(treeOf(to)).toEqual(before)
      expect(leftovers(to)).toEqual([FILE]) // the capture file, which came with the tree
    }
  )

  lab.test(
    'sshfs (each name its own inode): links come back; a hard-link group stays two equal files',
    ['sshfs'],
    () => {
      const { to, run, outcome } = roundTrip('sshfs')
      expect(run.results.map(outcome)).toEqual([
        'bin/tool replaced symlink',
        'dir-link replaced symlink',
        'lib/tool.js unchanged hardlink'
      ])
      // Taken for the hard link it cannot be told from, and said so.
      expect(run.results[2].warnings.join(' ')).toMatch(/cannot be verified/)
      // The texts as made, on the server's disk: this mount hides a text with `..` from its client.
      const serverText = (rel: string) => fs.readlinkSync(lab.onServer('sshfs', path.join(to, rel)))
      expect([serverText('bin/tool'), serverText('dir-link')]).toEqual(['../lib/tool.js', 'lib/dir'])
      expect(fs.readFileSync(path.join(to, 'dir-link/inner'), 'utf8')).toBe('inner')
      const read = (rel: string) => fs.readFileSync(path.join(to, rel), 'utf8')
      expect([read('lib/tool.js'), read('bin/tool-copy')]).toEqual(['tool body', 'tool body'])
      // Nothing left but the capture file, which came with the tree; a copy kept aside would be said in a warning.
      const warnings = run.results.flatMap((r) => r.warnings).filter((w) => !/cannot be verified/.test(w))
      expect({ left: leftovers(to), warnings }).toEqual({ left: [FILE], warnings: [] })
    }
  )

  // libfuse keeps a file unlinked while it counts it open under .fuse_hidden<node><counter> (lib/fuse.c hide_node):
  // measured, a quarter of file copies and 9 in 100 files of copied directories, read for the proof then swept.
  lab.test(
    'sshfs: 20 file copies and 20 copied directories restored, nothing hidden or aside left behind',
    ['sshfs'],
    () => {
      const files: Record<string, string> = { 'data/x': 'x', 'data/dir/top': 'top', 'data/dir/sub/f': 'bytes' }
      for (let i = 0; i < 20; i++) {
        files[`c${i}`] = 'x'
        files[`d${i}/top`] = 'top'
        files[`d${i}/sub/f`] = 'bytes'
      }
      const to = lab.workspace('sshfs', files)
      const links = Array.from({ length: 20 }, (_, i) => `c${i} -> data/x\nd${i} -> data/dir`).join('\n')
      const run = runAction(to, { links, 'working-directory': to, overwrite: 'copies', 'fail-on-error': 'false' })
      const notReplaced = run.results.filter((r) => r.status !== 'replaced' || r.warnings.length > 0)
      expect(notReplaced.map((r) => [r.path, r.status, r.message, r.warnings])).toEqual([])
      const hidden = (fs.readdirSync(to, { recursive: true }) as string[]).filter((rel) => rel.includes('.fuse_hidden'))
      expect({ left: leftovers(to), hidden }).toEqual({ left: [], hidden: [] })
    }
  )

  // F1 of the second review: lanes ran the two at once, each proved against the other's copy still there, both went.
  lab.test(
    'bindfs, in parallel lanes: two 8 MiB copies proven against each other are never both replaced',
    ['bindfs'],
    () => {
      const big = Buffer.alloc(8 << 20, 7)
      for (let round = 0; round < 3; round++) {
        const to = lab.workspace('bindfs', { 'd1/a': '', 'd2/b': '' })
        for (const rel of ['d1/a', 'd2/b']) fs.writeFileSync(path.join(to, rel), big)
        fs.symlinkSync('../d2/b', path.join(to, 'd1/x'))
        fs.symlinkSync('../d1/a', path.join(to, 'd2/y'))
        const links = '- {path: d1/a, target: d1/x}\n- {path: d2/b, target: d2/y}'
        const run = runAction(to, { links, 'working-directory': to, overwrite: 'copies', 'fail-on-error': 'false' })
        // Each lane moves its copy aside before proving: both may find the other's gone (both kept), not both there.
        expect(run.results.filter((r) => r.status === 'replaced').length).toBeLessThan(2)
        const files = ['d1/a', 'd2/b'].filter((rel) => fs.lstatSync(path.join(to, rel)).isFile())
        expect(files.length).toBeGreaterThan(0)
        for (const rel of ['d1/a', 'd2/b']) expect(fs.readFileSync(path.join(to, rel)).equals(big)).toBe(true)
      }
    },
    120_000
  )

  // Issue 29: a share worker's lanes judge a link's way through the links the whole spec makes, as the action does.
  lab.test(
    "bindfs, in lanes: a way inside through today's copy but out through another entry's link is refused",
    ['bindfs'],
    () => {
      const to = lab.workspace('bindfs', { 'd1/d2/b/f': 'same', 'e/f': 'same', 'd1/out/keep': '' })
      // Through the copy b, d2/b/../../out is d1/out; through the link b -> ../../e it is beside the workspace.
      const links = [
        '- { path: d1/l, text: d2/b/../../out }',
        '- { path: d1/d2/l, text: b/../../out }',
        '- { path: d1/d2/b, text: ../../e }'
      ].join('\n')
      const run = runAction(to, { links, 'working-directory': to, overwrite: 'copies', 'fail-on-error': 'false' })
      expect(run.results.map((r) => [path.relative(to, r.path), r.status, r.code])).toEqual([
        ['d1/l', 'failed', 'CONFINE'],
        ['d1/d2/l', 'failed', 'CONFINE'],
        ['d1/d2/b', 'replaced', '']
      ])
      expect(fs.readdirSync(path.join(to, 'd1')).sort()).toEqual(['d2', 'out'])
    }
  )

  // F3: a FUSE view of TARGET has its own device, inode and real path: the only copy became a link to itself.
  lab.test("bindfs: PATH that is TARGET seen through the mount is kept, the server's file whole", ['bindfs'], () => {
    const to = lab.workspace('bindfs', { f: 'the only copy' })
    const server = path.join(lab.dir, 'server/bindfs', path.basename(to), 'f')
    expect(fs.readFileSync(server, 'utf8')).toBe('the only copy')
    const links = `- {path: '${path.join(to, 'f')}', target: '${server}'}`
    const inputs = { links, 'working-directory': lab.dir, overwrite: 'copies', 'fail-on-error': 'false' }
    const run = runAction(to, inputs)
    expect(run.results.map((r) => [r.status, r.code])).toEqual([['failed', 'NOTCOPY']])
    expect(fs.lstatSync(server).isFile()).toBe(true)
    expect(fs.readFileSync(server, 'utf8')).toBe('the only copy')
  })
})
