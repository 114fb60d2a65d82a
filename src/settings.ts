// Every input read and checked once, into one typed object; later stages never call getInput. Stricter than
// @actions/core's getBooleanInput: a boolean may be true or false in any case, and anything else is an error naming
// the input; so is an unknown value of every other input that takes a fixed set.
import * as core from '@actions/core'
import * as fs from 'node:fs'
import { DEFAULTS, INPUT, oneOf, type InputName } from './inputs.js'
import {
  DANGLING_MODES,
  LINK_TYPES,
  OVERWRITE_MODES,
  RELATIVE_MODES,
  SEPARATOR,
  STATES,
  parseKinds,
  type Kind,
  type Settings
} from './model.js'
import type { Platform } from './platform.js'
import { specFile, specText, type SpecText } from './spec/text.js'

/** What the inputs hold: the settings, and the spec text (the `links` input, or the file it names; none if empty). */
export interface Inputs {
  settings: Settings
  spec?: SpecText
}

/** An input the user got wrong; the message names the input and what it accepts. */
export class InputError extends Error {}

/** The value of an input, trimmed; empty means its default (the runner passes action.yml's, so rarely empty). */
function input(name: InputName): string {
  return core.getInput(name)
}

function choiceInput<T extends string>(name: InputName, allowed: readonly T[], byDefault: T): T {
  const chosen = oneOf(name, allowed, input(name) || byDefault)
  if ('problem' in chosen) throw new InputError(`Input ${chosen.problem}.`)
  return chosen.value
}

function bool(name: InputName, byDefault: boolean): boolean {
  return choiceInput(name, ['true', 'false'], byDefault ? 'true' : 'false') === 'true'
}

function kinds(name: InputName, byDefault: readonly Kind[]): Kind[] {
  const parsed = parseKinds(input(name) || byDefault.join(' '))
  if ('problem' in parsed) throw new InputError(`Input '${name}': ${parsed.problem}`)
  return parsed.kinds
}

function seconds(name: InputName, byDefault: number): number {
  const raw = input(name) || String(byDefault)
  const value = Number(raw)
  if (!/^\d+(\.\d+)?$/.test(raw) || value <= 0 || value > 86400) {
    throw new InputError(`Input '${name}' must be a number of seconds, more than 0 and at most 86400; got '${raw}'.`)
  }
  return value
}

/**
 * Empty means GITHUB_WORKSPACE as this process sees it. In a container job `${{ github.workspace }}` is the host's
 * path (actions/runner#2058), which the container does not have: a given path that is missing says so.
 */
function workingDirectory(platform: Platform, mayHang: (p: string) => boolean): string {
  const given = input(INPUT.workingDirectory)
  const workspace = process.env.GITHUB_WORKSPACE
  const dir = platform.path.resolve(given || workspace || process.cwd())
  // On a share that may hang, a stat here could never return: its links are checked in a share worker.
  if (mayHang(dir)) return dir
  let stats: fs.Stats | undefined
  try {
    stats = fs.statSync(dir, { throwIfNoEntry: false })
  } catch {
    return dir // a share that answers with an error (ENOTCONN...): each link's result will say why
  }
  if (stats?.isDirectory()) return dir
  const problem = `Input '${INPUT.workingDirectory}' is not a directory: '${dir}'`
  if (stats || !given) throw new InputError(`${problem}.`)
  const here = workspace ? ` ('${workspace}' here)` : ''
  throw new InputError(
    `${problem} does not exist. In a container job, a host path such as \${{ github.workspace }} does not exist ` +
      `inside the container: leave working-directory empty, its default, which means GITHUB_WORKSPACE${here}.`
  )
}

/** `links: @path` names a file holding the spec (inputs over 128 KiB cannot reach an action). */
function specFromLinks(links: string, workingDir: string, platform: Platform): { spec?: SpecText; specFile?: string } {
  if (links === '') return {}
  if (!links.startsWith('@') || links.includes('\n') || SEPARATOR.test(links)) return { spec: specText(links) }
  const file = platform.path.resolve(workingDir, links.slice(1).trim())
  try {
    return { spec: specFile(file), specFile: file }
  } catch (error) {
    throw new InputError(
      `Input '${INPUT.links}' names the file '${file}', which cannot be read: ${(error as Error).message}`
    )
  }
}

/** `capture`: directories separated by spaces or new lines; a name holding spaces in double quotes. */
function captureRoots(platform: Platform): string[] {
  const roots = [...input(INPUT.capture).matchAll(/"([^"]*)"|(\S+)/g)].map(([, quoted, bare]) => quoted ?? bare)
  if (roots.length > 0 && platform.isWindows)
    throw new InputError(`Input '${INPUT.capture}' is not available on Windows runners yet: capture on Linux or macOS.`)
  if (roots.some((root) => root === '' || root.includes('\0')))
    throw new InputError(`Input '${INPUT.capture}' holds an empty directory name or a NUL.`)
  return roots
}

/** `capture-file`: a name inside each captured directory, so a file planted elsewhere cannot be written through. */
function captureFile(): string {
  const name = input(INPUT.captureFile) || DEFAULTS.captureFile
  if (/[/\\\0]/.test(name) || name === '.' || name === '..')
    throw new InputError(`Input '${INPUT.captureFile}' must be a file name, without a path separator; got '${name}'.`)
  return name
}

/** `mayHang` says which paths lie on shares that may not answer: those are never touched here. */
export function getInputs(platform: Platform, mayHang: (p: string) => boolean = () => false): Inputs {
  const links = input(INPUT.links)
  const capture = captureRoots(platform)
  if (!links && capture.length === 0)
    throw new InputError(
      `Input '${INPUT.links}' is required unless '${INPUT.capture}' is given: give lines 'PATH -> TARGET', a YAML ` +
        `list, or @file.`
    )
  const workingDir = workingDirectory(platform, mayHang)
  const backupSuffix = input(INPUT.backupSuffix) || DEFAULTS.backupSuffix
  if (/[/\\\0]/.test(backupSuffix)) {
    throw new InputError(
      `Input '${INPUT.backupSuffix}' must not contain a path separator or NUL; got '${backupSuffix}'.`
    )
  }
  const { spec, specFile } = specFromLinks(links, workingDir, platform)
  const overwrite = choiceInput(INPUT.overwrite, OVERWRITE_MODES, DEFAULTS.overwrite)
  const settings: Settings = {
    specFile,
    defaults: {
      type: choiceInput(INPUT.type, LINK_TYPES, DEFAULTS.type),
      fallback: kinds(INPUT.fallback, DEFAULTS.fallback),
      relative: choiceInput(INPUT.relative, RELATIVE_MODES, DEFAULTS.relative),
      overwrite,
      state: choiceInput(INPUT.state, STATES, DEFAULTS.state)
    },
    backupSuffix,
    createParents: bool(INPUT.createParents, DEFAULTS.createParents),
    workingDirectory: workingDir,
    confine: bool(INPUT.confine, DEFAULTS.confine),
    // The spec cannot opt out by its entries' own `overwrite`: it may be what an untrusted build uploaded.
    restore: overwrite === 'copies',
    confineTargets: !bool(INPUT.allowOutside, DEFAULTS.allowOutside) && overwrite === 'copies',
    dangling: choiceInput(INPUT.dangling, DANGLING_MODES, DEFAULTS.dangling),
    dryRun: bool(INPUT.dryRun, DEFAULTS.dryRun),
    failOnError: bool(INPUT.failOnError, DEFAULTS.failOnError),
    timeoutMs: seconds(INPUT.timeout, DEFAULTS.timeout) * 1000,
    summary: bool(INPUT.summary, DEFAULTS.summary),
    cleanup: bool(INPUT.cleanup, DEFAULTS.cleanup),
    capture,
    captureFile: captureFile()
  }
  core.debug(`settings: ${JSON.stringify(settings)}`)
  return { settings, spec }
}
