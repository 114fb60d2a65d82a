// Capture (issue 29): the links under a directory written as a spec file inside it, so they travel with the tree
// through an artifact or a cache and a later step can make them again (`links: @file`). One root's story: checked
// (inside the workspace), walked without following links (walk.ts), each link's target looked at without leaving the
// workspace (leads.ts), hard links grouped (groups.ts), entries made (entries.ts) and written (write.ts).
import { randomBytes } from 'node:crypto'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { errorMessage } from '../errors.js'
import { countsOf, fits, hardLinkEntries, spellable, symlinkEntry, type CaptureCounts } from './entries.js'
import { groupHardLinks } from './groups.js'
import { leadsTo, within } from './leads.js'
import { walk, type Note } from './walk.js'
import { captureText } from './write.js'

export type { CaptureCounts } from './entries.js'

/** The capture file's name in each captured root unless the `capture-file` input names another. */
export const CAPTURE_FILE = '.ln-action-links.yml'

export interface CaptureRequest {
  /** The root as the input gave it (relative to the working directory, or absolute). */
  root: string
  workingDirectory: string
  /** The capture file's name, inside the root. */
  file: string
  /** Walk and count, write nothing. */
  dryRun: boolean
}

/** One root captured (`file` written unless a dry run), or refused with the reason. */
export type CaptureResult =
  | { root: string; file: string; counts: CaptureCounts; written: boolean }
  | { root: string; file: string; problem: string }

/** The root's real path, or why it cannot be captured. */
function checkRoot(given: string, request: CaptureRequest): { real: string } | { problem: string } {
  const stats = fs.lstatSync(given, { throwIfNoEntry: false })
  if (!stats) return { problem: `'${request.root}' does not exist (${given})` }
  const real = fs.realpathSync(given)
  const workspace = fs.realpathSync(request.workingDirectory)
  if (!within(workspace, real))
    return { problem: `'${request.root}' leads outside working-directory '${request.workingDirectory}' (to ${real})` }
  if (!fs.statSync(real).isDirectory()) return { problem: `'${request.root}' is not a directory` }
  return { real }
}

/** The capture file's text for the root at `real`. */
function capturedText(request: CaptureRequest, given: string, real: string): { text: string; counts: CaptureCounts } {
  const workspace = fs.realpathSync(request.workingDirectory)
  const walked = walk(real, new Set([request.file]))
  const refused: Note[] = [...walked.refused]
  const noted: Note[] = []
  const roots = { given, real }
  const links = walked.links.map((link) => symlinkEntry(link, leadsTo(link.dir, link.text, workspace), roots))
  const entries = spellable([...links, ...hardLinkEntries(groupHardLinks(walked.files, fits), noted)], refused)
  const counts = countsOf(entries, noted, refused, walked.skipped)
  const text = captureText({ root: request.root, file: request.file, entries, noted, refused, skipped: walked.skipped })
  return { text, counts }
}

/** Written under a temporary name and renamed over: a link planted at the file's name is replaced, never followed. */
function writeFile(file: string, text: string): void {
  const temp = path.join(path.dirname(file), `.ln-action-capture-${randomBytes(4).toString('hex')}`)
  fs.writeFileSync(temp, text, { flag: 'wx' })
  try {
    fs.renameSync(temp, file)
  } catch (error) {
    fs.rmSync(temp, { force: true })
    throw error
  }
}

/** One root captured; a root that cannot be (outside the workspace, unreadable) is refused with the reason. */
export function captureRoot(request: CaptureRequest): CaptureResult {
  const given = path.resolve(request.workingDirectory, request.root)
  const file = path.join(given, request.file)
  try {
    const root = checkRoot(given, request)
    if ('problem' in root) return { root: request.root, file, problem: root.problem }
    const { text, counts } = capturedText(request, given, root.real)
    if (!request.dryRun) writeFile(path.join(root.real, request.file), text)
    return { root: request.root, file, counts, written: !request.dryRun }
  } catch (error) {
    return { root: request.root, file, problem: `'${request.root}' could not be captured: ${errorMessage(error)}` }
  }
}
