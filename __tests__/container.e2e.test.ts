// Container jobs end to end: the runner evaluates `${{ github.workspace }}` on the host and passes it into the
// container untranslated (actions/runner#2058), where the step's GITHUB_WORKSPACE is `/__w/<repo>/<repo>`.
import * as fs from 'node:fs'
import * as path from 'node:path'
import { describePosixWithActionNode, runAction, snapshot, tempWorkspace } from './helpers/action.js'

/** Where the host keeps the workspace: a path this container (this machine) does not have. */
const HOST_WORKSPACE = '/home/runner/work/ln-action-host-only/ln-action-host-only'

let ws: string
let elsewhere: string
beforeEach(() => {
  ws = tempWorkspace()
  elsewhere = tempWorkspace()
  fs.mkdirSync(path.join(ws, 'data'))
  fs.writeFileSync(path.join(ws, 'data', 'file.txt'), 'content\n')
})
afterEach(() => {
  for (const dir of [ws, elsewhere]) fs.rmSync(dir, { recursive: true, force: true })
})

describePosixWithActionNode(
  'the action in a container job (dist/index.js, host and container workspaces differ)',
  () => {
    it('has no host path here to stand for the host workspace', () => {
      expect(fs.existsSync(HOST_WORKSPACE)).toBe(false)
    })

    it('resolves against GITHUB_WORKSPACE when working-directory is left to its default, and a re-run is unchanged', () => {
      const spec = 'links/l -> data/file.txt'
      const first = runAction(ws, { links: spec }, {}, HOST_WORKSPACE)
      expect(first.annotations).toEqual([])
      expect(first.status).toBe(0)
      expect(first.outputs.created).toBe('1')
      expect(fs.readlinkSync(path.join(ws, 'links/l'))).toBe('../data/file.txt')
      const second = runAction(ws, { links: spec }, {}, HOST_WORKSPACE)
      expect(second.status).toBe(0)
      expect(second.outputs).toMatchObject({ unchanged: '1', changed: 'false' })
    })

    it('takes GITHUB_WORKSPACE over the process working directory when working-directory is empty', () => {
      const run = runAction(
        elsewhere,
        { links: 'l -> data/file.txt', 'working-directory': '' },
        { GITHUB_WORKSPACE: ws }
      )
      expect(run.status).toBe(0)
      expect(fs.readFileSync(path.join(ws, 'l'), 'utf8')).toBe('content\n')
      expect(fs.readdirSync(elsewhere)).toEqual([])
    })

    it('takes the process working directory when GITHUB_WORKSPACE is not set either', () => {
      const run = runAction(ws, { links: 'l -> data/file.txt', 'working-directory': '' }, { GITHUB_WORKSPACE: '' })
      expect(run.status).toBe(0)
      expect(fs.readlinkSync(path.join(ws, 'l'))).toBe('data/file.txt')
    })

    it('fails on a host path given explicitly, naming the input and saying to use the default, and touches nothing', () => {
      const before = snapshot(ws)
      const run = runAction(ws, { links: 'l -> data/file.txt', 'working-directory': HOST_WORKSPACE })
      expect(run.status).toBe(1)
      const errors = run.annotations.filter((a) => a.level === 'error').map((a) => a.message)
      expect(errors).toEqual([expect.stringContaining(`'working-directory'`)])
      expect(errors[0]).toContain(HOST_WORKSPACE)
      expect(errors[0]).toMatch(/container job.*leave working-directory empty/)
      expect(errors[0]).toContain(ws)
      expect(snapshot(ws)).toEqual(before)
    })
  }
)
