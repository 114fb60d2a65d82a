// Shares that stop answering or die while the action works: the step ends on time, every link gets a result that
// matches the disk (the server's disk for sshfs), and no temporary name is left.
import { spawn } from 'node:child_process'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { runAction as runBounded, startAction } from '../scripts/run-action.mjs'
import { runAction } from './helpers/action.js'
import { describeLab, leftovers } from './helpers/lab.js'

describeLab('faults on real shares (lab/lab.sh)', (lab) => {
  lab.test(
    'a hung share with timeout: 3 ends the step in seconds, naming the mount; links elsewhere are made',
    ['tmpfs', 'sshfs-hang'],
    () => {
      const hung = lab.mount('sshfs-hang')
      const local = lab.workspace('tmpfs', { 'data/x': 'x' })
      const shareDirs = ['a', 'b', 'c'].map((d) => path.join(hung.path, `${path.basename(local)}-${d}`))
      for (const dir of shareDirs) fs.mkdirSync(dir)
      const spec = [...shareDirs.flatMap((dir) => [`${dir}/l1 -> data/x`, `${dir}/l2 -> data/x`]), 'here -> data/x']
      lab.share('hang', 'sshfs-hang')
      try {
        const run = runAction(local, { links: spec.join('\n'), timeout: '3' })
        // It ends instead of hanging; generous for a loaded machine (the results below say what timed out).
        expect(run.ms).toBeLessThan(45_000)
        expect(run.status).toBe(1)
        const onShare = run.results.slice(0, 6)
        const timedOut = onShare.filter((r) => r.status === 'failed')
        expect(timedOut.length).toBeGreaterThanOrEqual(1)
        for (const r of timedOut) {
          expect(r).toMatchObject({ code: 'ETIMEDOUT', errno: 110, filesystem: 'fuse.sshfs' })
          expect(r.message).toContain(hung.path)
          expect(r.message).toContain('within timeout (3 s)')
          expect(r.hint).toContain('timeout')
        }
        expect(onShare.every((r) => r.status === 'failed' || (r.status === 'skipped' && r.code === 'ETIMEDOUT'))).toBe(
          true
        )
        expect(run.results[6]).toMatchObject({ status: 'created', path: path.join(local, 'here') })
      } finally {
        lab.share('resume', 'sshfs-hang')
      }
      for (const dir of shareDirs) expect(leftovers(lab.onServer('sshfs-hang', dir))).toEqual([])
    },
    90_000
  )

  lab.test(
    'the suite cannot hang: an action stuck on a hung share beyond SIGKILL fails its test within the bound, twice',
    ['tmpfs', 'sshfs-hang'],
    async () => {
      const local = lab.workspace('tmpfs', { 'data/x': 'x' })
      // A bug that works on the share in the action's own process, as a mutant once did: here a read at start-up
      // (NODE_OPTIONS --require). It reaches sshfs, whose transport is stopped, and then no signal can end it.
      const onShare = path.join(lab.mount('sshfs-hang').path, `${path.basename(local)}-stuck`)
      fs.writeFileSync(lab.onServer('sshfs-hang', onShare), 'x') // on the server: no page of it is cached here
      const preload = path.join(local, 'read-share.cjs')
      fs.writeFileSync(preload, `require('fs').readFileSync(${JSON.stringify(onShare)})`)
      const options = { env: { NODE_OPTIONS: `--require ${preload}` }, timeoutMs: 1500 }
      const inputs = { links: 'here -> data/x', 'dry-run': 'true' }
      const stuck = /did not end within 1500 ms, and SIGKILL did not end it either/
      lab.share('hang', 'sshfs-hang')
      try {
        for (let attempt = 0; attempt < 2; attempt++) {
          const started = Date.now()
          expect(() => runBounded(local, inputs, options)).toThrow(stuck)
          await expect(startAction(local, inputs, options)).rejects.toThrow(stuck)
          // Each run: 1.5 s, then 2 s of grace after SIGKILL; generous for a loaded machine.
          expect(Date.now() - started).toBeLessThan(2 * 3500 + 10_000)
        }
      } finally {
        lab.share('resume', 'sshfs-hang')
      }
    },
    60_000
  )

  lab.test('a link whose TARGET is on a share is judged by the filesystem of its PATH', ['tmpfs', 'sshfs'], () => {
    const share = lab.workspace('sshfs', { 'data/x': 'x' })
    const local = lab.workspace('tmpfs', {})
    const run = runAction(local, { links: `here -> ${share}/data/x` })
    expect(run.status).toBe(0)
    expect(run.results[0]).toMatchObject({ status: 'created', filesystem: 'tmpfs', text: `${share}/data/x` })
    expect(fs.readFileSync(path.join(local, 'here'), 'utf8')).toBe('x')
  })

  lab.test(
    'a share whose sshfs dies halfway: links before are created, links after fail with its errno',
    ['sshfs'],
    async () => {
      const dirs = Array.from({ length: 8 }, (_, d) => `d${d}`)
      const ws = lab.workspace('sshfs', Object.fromEntries([['data/x', 'x'], ...dirs.map((d) => [`${d}/.keep`, ''])]))
      const spec = Array.from({ length: 800 }, (_, i) => `${dirs[i % 8]}/l${i} -> data/x`).join('\n')
      const serverWs = lab.onServer('sshfs', ws)
      // Halfway, whatever the machine's speed: once 40 links are on the server's disk (inotify tells at once), the
      // transport is stopped, so no further call gets through, and then the share is killed.
      const made = new Set<string>()
      let killed: Promise<unknown> | undefined
      const watchers = dirs.map((d) =>
        fs.watch(path.join(serverWs, d), (_, name) => {
          if (!name?.startsWith('l') || killed) return
          made.add(`${d}/${name}`)
          if (made.size < 40) return
          lab.stopTransport('sshfs')
          const [cmd, ...args] = lab.killCommand('sshfs')
          const killer = spawn(cmd, args)
          killed = new Promise((resolve) => killer.on('close', resolve))
        })
      )
      const run = await startAction(ws, { links: spec }).finally(() => watchers.forEach((w) => w.close()))
      expect(killed).toBeDefined()
      await killed
      expect(run.status).toBe(1)
      expect(run.results).toHaveLength(800)
      const byStatus = (s: string): number => run.results.filter((r) => r.status === s).length
      expect(byStatus('created')).toBeLessThan(800)
      for (const r of run.results) {
        const onServer = path.join(serverWs, path.relative(ws, r.path))
        if (r.status === 'created') {
          expect(fs.readlinkSync(onServer)).toBe('../data/x')
        } else {
          expect([r.status, r.code]).toEqual([
            expect.stringMatching(/^(failed|skipped)$/),
            expect.stringMatching(/^(ENOTCONN|ECONNABORTED)$/)
          ])
        }
      }
      // Only a call that was under way when the share died may have made its link; its message says so.
      const inFlight = run.results.filter(
        (r) => r.status !== 'created' && fs.existsSync(path.join(serverWs, path.relative(ws, r.path)))
      )
      for (const r of inFlight) expect(r.message).toContain('may have made the link')
      // Every one of the 40 links seen on the server is reported: made, or possibly made by a call cut off.
      expect(byStatus('created') + inFlight.length).toBeGreaterThanOrEqual(40)
      expect(inFlight.length).toBeLessThanOrEqual(dirs.length) // at most one call per lane
      for (const dir of dirs) expect(leftovers(path.join(serverWs, dir))).toEqual([])
    },
    120_000
  )
})
