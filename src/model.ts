// The data that flows through the pipeline: spec entries in, one result per entry out.

/** `->` with white space (or the line's end) on each side, in a spec line: paths may contain `-` and `>`. */
export const SEPARATOR = /(?:^|\s)->(?:\s|$)/

export const LINK_TYPES = ['symlink', 'hardlink', 'junction'] as const
export type LinkType = (typeof LINK_TYPES)[number]

/** What can end up at PATH: a link of some kind, or a copy of TARGET (only through `fallback`). */
export const KINDS = [...LINK_TYPES, 'copy'] as const
export type Kind = (typeof KINDS)[number]

/** `symlink, copy` or `symlink copy` → ['symlink', 'copy'], or what is wrong with it (said where it was written). */
export function parseKinds(value: string): { kinds: Kind[] } | { problem: string } {
  const words = value.split(/[\s,]+/).filter((k) => k !== '')
  const unknown = words.find((k) => !(KINDS as readonly string[]).includes(k))
  if (unknown !== undefined) return { problem: `'${unknown}' is not a link kind; use ${KINDS.join(', ')}.` }
  return { kinds: [...new Set(words)] as Kind[] }
}

export const RELATIVE_MODES = ['auto', 'true', 'false'] as const
export type RelativeMode = (typeof RELATIVE_MODES)[number]

export const OVERWRITE_MODES = ['never', 'links', 'files', 'copies'] as const
export type OverwriteMode = (typeof OVERWRITE_MODES)[number]

/**
 * An entry's own `overwrite`, under the input's: a restore (`copies`) may come from an untrusted build, so its entries
 * may ask for less (`never`, `links`) but never for more (`files` is held to `copies`).
 */
export function entryOverwrite(asked: OverwriteMode, input: OverwriteMode): OverwriteMode {
  return input === 'copies' && asked === 'files' ? 'copies' : asked
}

export const DANGLING_MODES = ['warn', 'fail', 'allow'] as const
export type DanglingMode = (typeof DANGLING_MODES)[number]

/** `present`: the link is made; `absent`: a link at PATH is removed (never a file or directory). */
export const STATES = ['present', 'absent'] as const
export type State = (typeof STATES)[number]

export const TARGET_TYPES = ['file', 'dir'] as const
export type TargetType = (typeof TARGET_TYPES)[number]

/** The runners a YAML entry's `os` may name, spelt as `runner.os` spells them (matched in any case). */
export const RUNNER_OSES = ['Linux', 'macOS', 'Windows'] as const
export type RunnerOs = (typeof RUNNER_OSES)[number]

/** The settings one link may override in a YAML/JSON spec. */
export interface LinkOptions {
  type: LinkType
  fallback: Kind[]
  relative: RelativeMode
  overwrite: OverwriteMode
  /** Windows: the kind of symlink to make when TARGET does not exist yet. */
  targetType?: TargetType
  /** Unset: present. */
  state?: State
}

/** What is wrong with a spec, on its 1-based line (in the spec, or in the `@file`). */
export interface SpecProblem {
  line: number
  message: string
}

/** How every link is planned and made: the part of the settings (settings.ts) that plan and apply read. */
export interface LinkSettings {
  /** Absolute; relative PATHs and TARGETs resolve against it. */
  workingDirectory: string
  /** Relative PATHs must stay inside workingDirectory, symlinked parents included. */
  confine: boolean
  /**
   * The input is `overwrite: copies`: a restore. A file at PATH (whatever its link count) then gives way only to the
   * content proof, and nothing is made a copy (`fallback: copy` would duplicate relative links where they lead out).
   */
  restore?: boolean
  /** Links must lead inside workingDirectory too: a restore (`overwrite: copies`) without `allow-outside`. */
  confineTargets?: boolean
  createParents: boolean
  dangling: DanglingMode
  /** Keep whatever is replaced as PATH+suffix; empty keeps nothing. */
  backupSuffix: string
  /** Record what each link changed, for the post step to undo (`cleanup: true`). */
  cleanup?: boolean
  /** Nothing is written: the plan is all there is (a restore's plan then reads the copies it would replace). */
  dryRun?: boolean
}

/** Every input, checked: the one settings shape, from the inputs down to a share worker's lanes. */
export interface Settings extends LinkSettings {
  /** Absolute path of the spec file when `links` was `@path`. */
  specFile?: string
  /** What each link gets unless its YAML entry says otherwise. */
  defaults: LinkOptions
  dryRun: boolean
  failOnError: boolean
  /** Longest one filesystem operation may take. */
  timeoutMs: number
  summary: boolean
  /** Directories whose links are captured into a spec file after the links are made (`capture`); unset: none. */
  capture?: string[]
  /** The capture file's name inside each captured directory. */
  captureFile?: string
}

/** One entry of the spec, as written, before anything is resolved. */
export interface SpecEntry {
  /** 1-based line in the spec (or in the `@file`). */
  line: number
  /** The entry's last line, where a YAML entry spans several. */
  endLine?: number
  path: string
  /** Empty only under `state: absent`, where TARGET is optional. With `text`: the text itself. */
  target: string
  /** A YAML entry's exact link text (`text:`), written as is; TARGET is then where it leads from PATH's directory. */
  text?: string
  options: LinkOptions
  /** A YAML entry's `os`: the runners it is for (unset: every runner). */
  os?: RunnerOs[]
  /** A YAML entry's `literal: true`: `\` and `C:` are characters of its names on a POSIX runner, as written. */
  literal?: boolean
}

/**
 * An entry that the spec settles alone and never attempts: one for another OS's runners, or one spelt for Windows on
 * a POSIX runner. `index`: its place among the spec's results.
 */
export interface SpecVerdict {
  index: number
  entry: SpecEntry
  status: Extract<Status, 'other-os' | 'failed'>
  code: string
  message: string
  hint: string
}

/** A spec entry with its paths resolved against the working directory. */
export interface LinkRequest extends SpecEntry {
  /** Absolute PATH. */
  absPath: string
  /** Absolute TARGET; empty where none was given (`state: absent`). */
  absTarget: string
  /** TARGET was written relative. */
  targetWasRelative: boolean
  /** PATH was written relative (confinement applies). */
  pathWasRelative: boolean
  /** Another entry's PATH is a parent of this PATH or TARGET: plan it again just before applying it. */
  dependsOnEarlier: boolean
}

/** A restore's spec, read whole: the text of the symbolic link an entry may make at a PATH, if one may make one. */
export interface LinkTexts {
  textAt(absPath: string): string | undefined
  /** absPath is an entry's PATH, whatever it makes there (its backup name may be taken). */
  isPath(absPath: string): boolean
}

/** The link text is to be relative: asked (`true`), or as TARGET was written (`auto`). */
export function wantsRelative({
  options,
  targetWasRelative
}: Pick<LinkRequest, 'options' | 'targetWasRelative'>): boolean {
  return options.relative === 'true' || (options.relative === 'auto' && targetWasRelative)
}

/** The entry may make a symbolic link or junction at PATH: asked for one, or falling back to one. */
export function linkMayBeSymbolic({ type, fallback, state }: LinkOptions): boolean {
  return state !== 'absent' && [type, ...fallback].some((k) => k === 'symlink' || k === 'junction')
}

/** A link and its place in the spec's results: executors may take links out of order and give them back. */
export interface Indexed {
  index: number
  request: LinkRequest
}

export type Status =
  | 'created'
  | 'replaced'
  | 'removed'
  | 'unchanged'
  | 'planned'
  | 'failed'
  | 'skipped'
  /** A YAML entry whose `os` names other runners than this one: not attempted, counted in no output but `results`. */
  | 'other-os'
  /** Post step only: what a link replaced is back. */
  | 'restored'
  /** Post step only: PATH changed since the main step made it, so it was left alone. */
  | 'kept'
export type PlanAction = 'create' | 'replace' | 'remove' | 'unchanged' | 'fail'

/** What a failed (or EIO-but-made) filesystem call said, named the way users search for it. */
export interface Failure {
  code: string
  errno?: number
  syscall: string
  /** The call that failed, in words: "create the symbolic link", "create parent directories". */
  attempted: string
  /** The path the call was about, where the system said. */
  path?: string
}

/** The filesystem a link lives on. */
export interface FilesystemInfo {
  /** `ext4`, `fuse.sshfs`, `exfat` (fuseblk resolved), `apfs`, `NTFS`... or `unknown`. */
  type: string
  mountPoint: string
  source: string
  options: string[]
  /** What serves the format `type` names: `fuseblk` for exfat-fuse or ntfs-3g, bare `fuse` for bindfs, `fskit` for a
   * macOS FSKit module. */
  driver?: string
  /** The directory of its filesystem that the mount shows, where not the whole: a bind mount (or a subvolume). */
  root?: string
}

/** What a capability probe found in a link's directory: 'ok' or the errno name, per kind of link. */
/** A kind of link the spec asked for and could not have, and the kind its fallback makes (or would) instead. */
export interface Fallback {
  asked: Kind
  instead: Kind
  /** Why each kind before `instead` could not be made there. */
  why: string
}

/** The fallback so far, moved on from `kind` to `next` for `why`: the first kind asked stays the one reported. */
export function fallBack(before: Fallback | undefined, kind: Kind, next: Kind, why: string): Fallback {
  return { asked: before?.asked ?? kind, instead: next, why: before ? `${before.why} ${why}` : why }
}

export interface Probe {
  symlink: string
  hardlink: string
}

/** One entry of the `results` output. */
export interface LinkResult {
  line: number
  /** The entry's last line, where a YAML entry spans several. */
  endLine?: number
  path: string
  target: string
  text: string
  type: LinkType
  kind: Kind | ''
  status: Status
  code: string
  errno: number | null
  syscall: string
  filesystem: string
  message: string
  hint: string
  warnings: string[]
  /** Dry run only: what a real run would do. */
  plan?: PlanAction
  /** Dry run only: false where only a write could tell whether the kind asked can be made (the message says so). */
  knowable?: false
  /** The spec's `fallback` at work: the kind asked could not be made, the next one was (or would be). */
  fallback?: Fallback
  /** After a failure that says a kind of link cannot be made here: which kinds the directory allows. */
  probe?: Probe
}

/** A link made: its result, and beside it, with `cleanup: true`, what the post step is to undo (never reported). */
export interface Applied {
  result: LinkResult
  undo?: UndoEntry
}

/** What an entry is, as far as the post step must recognise it: a link by its text, anything else by its inode. */
export interface Identity {
  /** A symbolic link's text. */
  link?: string
  /** Windows: what a link was made as (file or directory symlink, junction), fixed at creation and put back as such. */
  type?: 'file' | 'dir' | 'junction'
  dev?: number
  ino?: number
  size?: number
  /** Where the filesystem keeps one (statx on Linux, APFS, NTFS; not FAT, exFAT or sshfs). */
  birthtimeMs?: number
  /** A file's content (SHA-256), where it must be recognised by more than its inode: copies, backups. */
  hash?: string
  /** A copied directory: names, types, link texts and file contents of everything below it. */
  tree?: string
}

/** The real directory a name was in, by its real path and by the directory itself (parent.ts). */
export interface ParentIdentity {
  real: string
  dev: number
  ino: number
}

/** What the post step is to undo for one link the main step created or replaced (`cleanup: true`). */
export interface UndoEntry {
  line: number
  path: string
  target: string
  type: LinkType
  kind: Kind
  /** PATH's directory when the link was made: undone only while PATH's chain still leads there. */
  parent: ParentIdentity
  /** What the step left at PATH. */
  made: Identity
  /** A hard link: the file it was made a name of (TARGET with its symlinks resolved). */
  source?: string
  /** The parent directories the step created for it, outermost first. */
  dirs?: ParentIdentity[]
  /** What was at PATH before, when the step replaced it, and where its backup went. */
  before?: Identity & { backup?: string; backupIs?: Identity }
  /** On a share that may hang: undone in a child process, under the timeout. */
  share?: boolean
}

const KIND_WORDS: Record<Kind, string> = {
  symlink: 'symbolic link',
  hardlink: 'hard link',
  junction: 'junction',
  copy: 'copy'
}

/** A kind of link as a message says it. */
export function kindWords(kind: Kind): string {
  return KIND_WORDS[kind]
}

const SYSCALL: Record<Kind, string> = { symlink: 'symlink', junction: 'symlink', hardlink: 'link', copy: 'copyfile' }

/** The call that makes a kind of link, as a failure names it. */
export function syscallOf(kind: Kind): string {
  return SYSCALL[kind]
}
