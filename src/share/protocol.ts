// What the action, a share worker (one child process per share) and its lanes (threads) say to each other. Plain
// data: every message crosses a process or thread boundary as a structured clone.
import type { FilesystemInfo, Indexed, LinkResult, Settings, UndoEntry } from '../model.js'
import type { CaseVolume } from '../platform.js'
import type { KeptTexts } from '../spec/keys.js'

/** The share the links are on, and how to work there: what every lane needs besides its own links. */
export interface Share {
  settings: Settings
  /** `process.platform` of the action. */
  platform: string
  /** The share itself, with the details the action read (sshfs options...): what each link's plan reports. */
  filesystem: FilesystemInfo
  /** The case rule of each volume as the action decided it, so that the lanes compare names as it did. */
  caseVolumes: CaseVolume[]
  /** A restore's: the symbolic links its whole spec may make, which each link's way is judged through. */
  linkTexts?: KeptTexts
}

/** Action → share worker. */
export type ToWorker = { type: 'start'; share: Share; links: Indexed[] } | { type: 'apply' }

/**
 * Share worker → action: every link's result, by its index (`planned`: a dry run's; a real run's carries none, the
 * action only waits for it); with the results made, what the post step is to undo.
 */
export type FromWorker =
  | { type: 'planned'; results: [number, LinkResult][] }
  | { type: 'final'; results: [number, LinkResult][]; undo: [number, UndoEntry][] }

/** Share worker → lane. */
export type ToLane = { type: 'plan' } | { type: 'apply'; wave: 1 | 2 }

/** Lane → share worker, a message per link, then `done`. */
export type FromLane =
  | { type: 'planned'; index: number; result: LinkResult }
  | { type: 'applied'; index: number; result: LinkResult; undo?: UndoEntry }
  | { type: 'done' }
