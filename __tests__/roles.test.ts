// Which part of the action a process plays, and letting go of a child: a share worker stuck on a hung share must not
// keep the action (or the post step) from ending.
import { describe, expect, it, jest } from '@jest/globals'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { endedEarly, envFor, letGo, roleOf, ROLE, startChild } from '../src/roles.js'
import { tempDir } from './helpers/stage.js'

describe('roles', () => {
  it('knows the three roles by their variable, and nothing else', () => {
    for (const role of ['share-worker', 'lane', 'post-worker'] as const) expect(roleOf(envFor(role))).toBe(role)
    expect(roleOf({})).toBeUndefined()
    expect(roleOf({ [ROLE]: 'main' })).toBeUndefined()
  })
})

describe('letGo', () => {
  it('kills a child that ignores a polite signal, and lets go of its channel', async () => {
    const dir = tempDir()
    // A child that shrugs off SIGTERM and would idle forever on its IPC channel.
    const entry = path.join(dir, 'stubborn.mjs')
    fs.writeFileSync(entry, "process.on('SIGTERM', () => {}); process.on('message', () => {}); process.send('up')")
    const child = startChild('share-worker', entry)
    try {
      await new Promise((resolve) => child.once('message', resolve))
      const ended = new Promise((resolve) => child.once('exit', (_, signal) => resolve(signal)))
      letGo(child)
      expect(child.connected).toBe(false)
      await expect(ended).resolves.toBe('SIGKILL')
    } finally {
      child.kill('SIGKILL')
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })

  /** A child that idles on its IPC channel until killed. */
  function idler(dir: string): string {
    const entry = path.join(dir, 'idle.mjs')
    fs.writeFileSync(entry, "process.on('message', () => {}); process.send('up')")
    return entry
  }
  const children = (): number => process.getActiveResourcesInfo().filter((r) => r === 'ProcessWrap').length

  it('keeps nothing of this process alive for a child that cannot die yet (stuck in a hung share)', async () => {
    const dir = tempDir()
    const child = startChild('share-worker', idler(dir))
    try {
      await new Promise((resolve) => child.once('message', resolve))
      const before = children()
      child.kill = () => false // a process in uninterruptible sleep: SIGKILL waits until the share answers
      letGo(child)
      expect(children()).toBe(before - 1)
    } finally {
      process.kill(child.pid!, 'SIGKILL')
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })

  it('lets go of a child that already ended, without an error', async () => {
    const dir = tempDir()
    const entry = path.join(dir, 'ends.mjs')
    fs.writeFileSync(entry, 'process.exit(0)')
    const child = startChild('share-worker', entry)
    try {
      await new Promise((resolve) => child.once('exit', resolve))
      expect(child.connected).toBe(false)
      expect(() => letGo(child)).not.toThrow()
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('endedEarly', () => {
  it("names the signal that ended a child, or else its exit code (the user's clue: killed, or crashed)", () => {
    expect(endedEarly(null, 'SIGKILL')).toContain('SIGKILL')
    expect(endedEarly(3, null)).toContain('exit code 3')
  })
})

describe('the share bundle (share/index.ts)', () => {
  /** What the bundle's entry starts in a process or thread of this role (unset: none), each entry stood in for. */
  async function started(role: string | undefined): Promise<string[]> {
    const ran: string[] = []
    jest.unstable_mockModule('../src/share/supervisor.js', () => ({
      runShareWorker: async () => void ran.push('share-worker')
    }))
    jest.unstable_mockModule('../src/share/lane.js', () => ({ runLane: () => void ran.push('lane') }))
    const before = process.env[ROLE]
    try {
      if (role === undefined) delete process.env[ROLE]
      else process.env[ROLE] = role
      await jest.isolateModulesAsync(async () => void (await import('../src/share/index.js')))
    } finally {
      if (before === undefined) delete process.env[ROLE]
      else process.env[ROLE] = before
    }
    return ran
  }

  it('runs a share worker or a lane as its role says, and nothing in any other role', async () => {
    expect(await started('share-worker')).toEqual(['share-worker'])
    expect(await started('lane')).toEqual(['lane'])
    expect(await started('post-worker')).toEqual([])
    expect(await started(undefined)).toEqual([])
  })
})
