// Which part of the action a process plays, and letting go of a child: a share worker stuck on a hung share must not
// keep the action (or the post step) from ending.
import { describe, expect, it } from '@jest/globals'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { envFor, letGo, roleOf, ROLE, startChild } from '../src/roles.js'
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
})
