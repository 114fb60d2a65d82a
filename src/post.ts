// The post step (action.yml `runs.post`, the same bundle): with `cleanup: true`, undo what the main step changed,
// link by link (cleanup.ts), then report. Links on shares that may hang are undone in a child process that is given
// `timeout` per link and then left behind, so a hung share never holds up the end of the job. With nothing to undo
// it returns at once: every job that uses the action runs it.
import * as core from '@actions/core'
import type { ChildProcess } from 'node:child_process'
import * as fs from 'node:fs'
import { fileURLToPath } from 'node:url'
import { undo } from './cleanup.js'
import { errnoNumber, errorMessage, isErrno } from './errors.js'
import { nodeFs, type FsOps } from './fsops.js'
import type { LinkResult, UndoEntry } from './model.js'
import { platformFor, type Platform } from './platform.js'
import { reportCleanup } from './report.js'
import { endedEarly, letGo, startChild } from './roles.js'
import { loadUndo, type UndoRecord } from './undo-state.js'

type Said = Pick<LinkResult, 'status' | 'code' | 'errno' | 'syscall' | 'message' | 'warnings'>

function resultOf(entry: UndoEntry, said: Said): LinkResult {
  const { line, path, target, type, kind } = entry
  return { line, path, target, text: entry.made.link ?? '', type, kind, filesystem: '', hint: '', ...said }
}

/** Undo one link; a call that fails is that link's failure, with its errno. */
export function undoOne(entry: UndoEntry, ops: FsOps, platform: Platform): LinkResult {
  try {
    return resultOf(entry, { ...undo(entry, ops, platform), code: '', errno: null, syscall: '' })
  } catch (error) {
    if (!isErrno(error)) throw error
    const code = error.code ?? 'UNKNOWN'
    const message = `Could not undo the link at ${entry.path}: ${code} from ${error.syscall ?? '?'}().`
    return resultOf(entry, {
      status: 'failed',
      code,
      errno: errnoNumber(code),
      syscall: error.syscall ?? '',
      message,
      warnings: []
    })
  }
}

function unfinished(entry: UndoEntry, first: boolean, why: { code: string; words: string }): LinkResult {
  const message = first ? `${why.words}: ${entry.path} was not undone.` : `Not attempted: ${why.words.toLowerCase()}.`
  const code = first ? why.code : 'ECANCELED'
  const status = first ? 'failed' : 'skipped'
  return resultOf(entry, {
    status,
    code,
    errno: errnoNumber(code),
    syscall: first ? 'none' : '',
    message,
    warnings: []
  })
}

/** Starts the post worker: this bundle as a child process, or (tests) a stand-in that answers in this process. */
export type StartWorker = () => ChildProcess

const startWorker: StartWorker = () => startChild('post-worker', fileURLToPath(import.meta.url))

/** The links on shares, in a child process that must answer each within the timeout; what it never did fails. */
export function undoInWorker(
  record: UndoRecord,
  entries: UndoEntry[],
  start: StartWorker = startWorker
): Promise<LinkResult[]> {
  const child = start()
  const results: LinkResult[] = []
  const seconds = record.settings.timeoutMs / 1000
  return new Promise((resolve) => {
    let timer: NodeJS.Timeout | undefined
    let done = false
    const finish = (why = { code: '', words: '' }): void => {
      if (done) return
      done = true
      clearTimeout(timer)
      letGo(child)
      const next = results.length
      resolve(entries.map((e, i) => results[i] ?? unfinished(e, i === next, why)))
    }
    const arm = (): void => {
      clearTimeout(timer)
      const words = `The share did not answer within timeout (${seconds} s)`
      timer = setTimeout(() => finish({ code: 'ETIMEDOUT', words }), record.settings.timeoutMs)
    }
    child.on('message', (result: LinkResult) => {
      results.push(result)
      if (results.length === entries.length) finish()
      else arm()
    })
    const ended = (words: string): void => finish({ code: 'UNKNOWN', words: `The worker for this share ${words}` })
    child.on('exit', (code, signal) => ended(endedEarly(code, signal)))
    child.on('error', (error) => ended(`failed (${error.message})`))
    child.send({ platform: record.platform, entries } satisfies UndoWork)
    arm()
  })
}

/** What the post step sends its worker: the links to undo, in that order. */
export interface UndoWork {
  platform: string
  entries: UndoEntry[]
}

/** The child's side: undo each link and answer at once, in order; `send` settles once the answer is on its way. */
export async function serveUndo(work: UndoWork, send: (result: LinkResult) => Promise<void>): Promise<void> {
  const platform = platformFor(work.platform)
  for (const entry of work.entries) await send(undoOne(entry, nodeFs, platform))
}

/** The worker's end of its IPC channel: this process's own, or (tests) a stand-in. */
export type WorkerPort = Pick<NodeJS.Process, 'once' | 'send' | 'exit'>

/** The post worker: one message with the work, an answer per link as each is undone (sent before the next), then gone. */
export function runPostWorker(port: WorkerPort = process): void {
  port.once('message', (work: UndoWork) => {
    const send = (result: LinkResult): Promise<void> => new Promise((resolve) => port.send!(result, () => resolve()))
    void serveUndo(work, send).then(() => port.exit(0))
  })
}

export async function runPost(start?: StartWorker): Promise<void> {
  try {
    const loaded = loadUndo()
    if (!loaded) return
    const { record } = loaded
    const platform = platformFor(record.platform)
    // Last made, first undone: a directory made for the first link below it is empty only once the later ones went.
    const backwards = [...record.entries].reverse()
    const onShares = backwards.filter((e) => e.share)
    const fromWorker = onShares.length > 0 ? undoInWorker(record, onShares, start) : Promise.resolve([])
    const here = new Map(backwards.filter((e) => !e.share).map((e) => [e, undoOne(e, nodeFs, platform)]))
    const there = new Map((await fromWorker).map((r, i) => [onShares[i], r]))
    const results = record.entries.map((e) => here.get(e) ?? there.get(e)!)
    const workspace = process.env.GITHUB_WORKSPACE || record.settings.workingDirectory
    await reportCleanup(results, { settings: record.settings, platform, workspace })
    if (loaded.file) fs.rmSync(loaded.file, { force: true })
  } catch (error) {
    core.setFailed(errorMessage(error))
  }
}
