// Capture through dist (issue 29), as the runner runs it: a tree's links captured in the step that makes one of them,
// then, before restore exists, made again by the captured file as an ordinary spec (`links: @file`) in a copy of the
// tree (`cp -a`) whose links were deleted: every symlink text and every hard-link group comes back.
import * as fs from 'node:fs'
import * as path from 'node:path'
import { spawnSync } from 'node:child_process'
import { describePosixWithActionNode, runAction, tempWorkspace } from './helpers/action.js'
import { treeOf } from './helpers/tree.js'

const FILE = '.ln-action-links.yml'

let ws: string
beforeEach(() => {
  ws = tempWorkspace('ln-action-capture-')
})
afterEach(() => fs.rmSync(ws, { recursive: true, force: true }))

/** A tree with the links a build leaves: plain, roundabout, absolute, dangling, looping, oddly named, hard links. */
function buildTree(tree: string): void {
  fs.mkdirSync(path.join(tree, 'lib/dir'), { recursive: true })
  fs.mkdirSync(path.join(tree, 'bin'))
  fs.writeFileSync(path.join(tree, 'lib/tool.js'), 'tool')
  fs.writeFileSync(path.join(tree, 'lib/dir/inner'), 'inner')
  fs.writeFileSync(path.join(ws, 'outside.txt'), 'o')
  fs.symlinkSync('../lib/tool.js', path.join(tree, 'bin/tool'))
  fs.symlinkSync('../lib/dir/../tool.js', path.join(tree, 'bin/roundabout'))
  fs.symlinkSync('lib/dir', path.join(tree, 'dir-link'))
  fs.symlinkSync(path.join(tree, 'lib/tool.js'), path.join(tree, 'absolute-in'))
  fs.symlinkSync('/etc/hostname', path.join(tree, 'absolute-out'))
  fs.symlinkSync('missing', path.join(tree, 'dangling'))
  fs.symlinkSync('loop-b', path.join(tree, 'loop-a'))
  fs.symlinkSync('loop-a', path.join(tree, 'loop-b'))
  for (const name of ['with space', 'a -> b', 'new\nline']) fs.symlinkSync('lib/tool.js', path.join(tree, name))
  fs.linkSync(path.join(tree, 'lib/tool.js'), path.join(tree, 'bin/tool-copy'))
  fs.linkSync(path.join(tree, 'lib/tool.js'), path.join(tree, 'z-last'))
}

describePosixWithActionNode('capture through dist', () => {
  it('captures a tree, and the captured file as a spec makes every link again in a copy of it', () => {
    const tree = path.join(ws, 'dist')
    buildTree(tree)
    // One link made by the step itself, before the capture: captured with the rest.
    const made = runAction(ws, { links: '- { path: dist/made, target: dist/lib/tool.js }', capture: 'dist' })
    expect(made.annotations.filter((a) => a.level === 'error')).toEqual([])
    expect(made.status).toBe(0)
    expect(made.outputs['capture-files']).toBe(path.join(tree, FILE))
    const [captured] = JSON.parse(made.outputs.captured) as { counts: Record<string, number> }[]
    expect(captured.counts).toMatchObject({ symlinks: 12, hardlinks: 2, dangling: 3, absolute: 1, outside: 1 })
    expect(made.summary).toContain('ln-action capture')

    // A re-capture of the unchanged tree, in a step that only captures, writes the same bytes.
    const first = fs.readFileSync(path.join(tree, FILE))
    const again = runAction(ws, { capture: 'dist' })
    expect(again.status).toBe(0)
    expect(fs.readFileSync(path.join(tree, FILE)).equals(first)).toBe(true)

    // The round trip: a copy with its links deleted (hard links but for each group's first name).
    const before = treeOf(tree)
    const copy = path.join(ws, 'restored')
    expect(spawnSync('cp', ['-a', tree, copy]).status).toBe(0)
    for (const rel of Object.keys(before.texts)) fs.unlinkSync(path.join(copy, rel))
    for (const [, ...others] of before.groups) for (const rel of others) fs.unlinkSync(path.join(copy, rel))
    expect(treeOf(copy).texts).toEqual({})

    const restored = runAction(ws, { links: `@${FILE}`, 'working-directory': copy })
    expect(restored.annotations.filter((a) => a.level === 'error')).toEqual([])
    expect(restored.status).toBe(0)
    expect(restored.results.filter((r) => r.status !== 'created')).toEqual([])
    const after = treeOf(copy)
    // Every text as it was; the absolute one into the tree now leads into the copy.
    expect(after.texts).toEqual({ ...before.texts, 'absolute-in': path.join(copy, 'lib/tool.js') })
    expect(after.groups).toEqual(before.groups)
  })

  it('refuses a directory outside the workspace and fails the step, capturing the others', () => {
    fs.mkdirSync(path.join(ws, 'ok'))
    fs.symlinkSync('x', path.join(ws, 'ok/l'))
    const run = runAction(ws, { capture: 'ok ..' })
    expect(run.status).toBe(1)
    expect(
      run.annotations
        .filter((a) => a.level === 'error')
        .map((a) => a.message)
        .join('\n')
    ).toMatch(/'\.\.' leads outside working-directory/)
    expect(run.outputs['capture-files']).toBe(path.join(ws, 'ok', FILE))
  })
})
