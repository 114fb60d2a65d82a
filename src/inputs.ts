// The action's inputs: each one's name as action.yml spells it, the default action.yml documents as the value it
// means (settings.ts and the tests read them here; a test holds them to action.yml), and the check of a value that
// must be one of a fixed set, which the inputs and a YAML spec's fields share.
import type { DanglingMode, Kind, LinkType, OverwriteMode, RelativeMode, State } from './model.js'

/** Each input's name in action.yml (the runner passes it as `INPUT_<NAME>`), by the setting it gives. */
export const INPUT = {
  links: 'links',
  type: 'type',
  fallback: 'fallback',
  relative: 'relative',
  overwrite: 'overwrite',
  backupSuffix: 'backup-suffix',
  createParents: 'create-parents',
  workingDirectory: 'working-directory',
  confine: 'confine',
  allowOutside: 'allow-outside',
  dangling: 'dangling',
  dryRun: 'dry-run',
  failOnError: 'fail-on-error',
  timeout: 'timeout',
  summary: 'summary',
  state: 'state',
  cleanup: 'cleanup',
  capture: 'capture',
  captureFile: 'capture-file'
} as const

/** An input's name: settings.ts reads an input by no other. */
export type InputName = (typeof INPUT)[keyof typeof INPUT]

/** What each input means when left empty. `links` has no default: it is required. */
export interface InputDefaults {
  type: LinkType
  fallback: readonly Kind[]
  relative: RelativeMode
  overwrite: OverwriteMode
  backupSuffix: string
  createParents: boolean
  /** Empty: GITHUB_WORKSPACE as this process sees it (settings.ts). */
  workingDirectory: string
  confine: boolean
  /** Under `overwrite: copies`, links may lead outside working-directory. */
  allowOutside: boolean
  dangling: DanglingMode
  dryRun: boolean
  failOnError: boolean
  /** Seconds. */
  timeout: number
  summary: boolean
  state: State
  cleanup: boolean
  /** Directories whose links are captured after the links are made; empty: none. */
  capture: string
  /** The capture file's name inside each captured directory. */
  captureFile: string
}

export const DEFAULTS: Readonly<InputDefaults> = Object.freeze({
  type: 'symlink',
  fallback: Object.freeze([]),
  relative: 'auto',
  overwrite: 'never',
  backupSuffix: '',
  createParents: true,
  workingDirectory: '',
  confine: true,
  allowOutside: false,
  dangling: 'warn',
  dryRun: false,
  failOnError: true,
  timeout: 30,
  summary: true,
  state: 'present',
  cleanup: false,
  capture: '',
  captureFile: '.ln-action-links.yml'
})

/**
 * The one of `allowed` that `value` names, in any case; or what `name` accepts, with the value as `written`
 * (said where it was written: the input, or the spec's line).
 */
export function oneOf<T extends string>(
  name: string,
  allowed: readonly T[],
  value: string,
  written = value
): { value: T } | { problem: string } {
  const match = allowed.find((a) => a.toLowerCase() === value.toLowerCase())
  if (match) return { value: match }
  return { problem: `'${name}' must be one of ${allowed.join(', ')}; got '${written}'` }
}
