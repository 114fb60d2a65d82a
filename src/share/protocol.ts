// What the action, a share worker (one child process per share) and its lanes (threads) say to each other. Plain
// data: every message crosses a process or thread boundary as a structured clone.
import type { FilesystemInfo, Indexed, LinkResult, Settings, UndoEntry } from '../model.js'
import type { CaseVolume } from '../platform.js'
import type { KeptTexts } from '../spec/keys.js'
import type { Lookup } from './lanes.js'

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

/**
 * Links per round: the action hands a share worker its links a round at a time, and each round is planned, then made,
 * before the next is planned. So a share of 100,000 links holds one round's links, plans and results in the worker,
 * not all of them (in one round, 20,000 links peaked at 400 MB in the worker: lab/FINDINGS.md); and enough that each
 * lane has whole directories, and its lookups serve many links.
 */
export const ROUND = 1_000

/** A round of links for a share worker; `more` says whether another round follows it. */
export interface RoundOfLinks {
  links: Indexed[]
  more: boolean
}

/**
 * Action → share worker: the share, how many lanes its links' directories need, and the first round; `apply` to make
 * it (a real run); then each further round once the one before is answered.
 */
export type ToWorker =
  | ({ type: 'start'; share: Share; lanes: number } & RoundOfLinks)
  | { type: 'apply' }
  | ({ type: 'links' } & RoundOfLinks)

/**
 * Share worker → action. `planned`: the first round is planned, and a real run waits for `apply` to make it. Then each
 * round's results, in the order of its links (a dry run's: what it would do), with what the post step is to undo of
 * the links made.
 */
export type FromWorker =
  { type: 'planned' } | { type: 'results'; results: [number, LinkResult][]; undo: [number, UndoEntry][] }

/** Share worker → lane: a round's links to plan (wave 1 this lane's directories, wave 2 links below other links). */
export type ToLane =
  { type: 'plan'; wave1: Indexed[]; wave2: Indexed[]; lookups: Lookup[] } | { type: 'apply'; wave: 1 | 2 }

/** Lane → share worker, a message per link, then `done`. */
export type FromLane =
  | { type: 'planned'; index: number; result: LinkResult }
  | { type: 'applied'; index: number; result: LinkResult; undo?: UndoEntry }
  | { type: 'done' }
