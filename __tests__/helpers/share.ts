// A share worker's parts in this process: lanes that run inline (their calls cannot be timed while they run, the
// rest is the same) or that hang in a call, and the Share all lanes of a test work on.
import { nodeFs, type FsOps } from '../../src/fsops.js'
import type { FilesystemInfo, Indexed, LinkResult, Settings } from '../../src/model.js'
import { CallSlots } from '../../src/share/call-slots.js'
import { Lane } from '../../src/share/lane.js'
import type { FromLane, Share } from '../../src/share/protocol.js'
import type { LaneStarter } from '../../src/share/supervisor.js'
import { host, requests, settingsFor } from './stage.js'

/** A share over a plain directory: the machinery does not care what serves it. */
export function shareOver(ws: string, more: Partial<Settings> = {}): Share {
  const filesystem: FilesystemInfo = { type: 'fuse.sshfs', mountPoint: ws, source: 'test@127.0.0.1:/srv', options: [] }
  return { settings: settingsFor(ws, more), platform: host.name, filesystem, caseVolumes: [] }
}

export function indexed(spec: string, ws: string): Indexed[] {
  return requests(spec, ws).map((request, index) => ({ index, request }))
}

/** Lanes in this thread, making their calls through `ops`. */
export function inlineLane(ops: FsOps = nodeFs): LaneStarter {
  return (data) => {
    let deliver: (message: FromLane) => void = () => undefined
    const lane = new Lane(data, (message) => deliver(message), ops)
    return { post: (message) => setImmediate(() => lane.handle(message)), listen: (onMessage) => (deliver = onMessage) }
  }
}

/** A lane that, told anything, begins a symlink() call for the first link of its round and never comes back. */
export const hungLane: LaneStarter = (data) => {
  const slots = new CallSlots(data.memory, data.epoch)
  let first = -1
  return {
    post: (message) => {
      if (message.type === 'plan') first = message.wave1[0]?.index ?? -1
      slots.begin(data.lane, first, 'symlink')
    },
    listen: () => undefined
  }
}

/** A lane whose thread fails at once. */
export const failingLane: LaneStarter = () => ({ post: () => undefined, listen: (_, onError) => setImmediate(onError) })

export function byIndex(results: [number, LinkResult][]): LinkResult[] {
  return [...results].sort((a, b) => a[0] - b[0]).map(([, r]) => r)
}
