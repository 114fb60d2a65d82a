// The data that flows through the pipeline: spec entries in, one result per entry out.

/** `->` with white space (or the line's end) on each side, in a spec line: paths may contain `-` and `>`. */
export const SEPARATOR = /(?:^|\s)->(?:\s|$)/

export const LINK_TYPES = ['symlink', 'hardlink', 'junction'] as const
export type LinkType = (typeof LINK_TYPES)[number]

/** What can end up at PATH: a link of some kind, or a copy of TARGET (only through `fallback`). */
export const KINDS = [...LINK_TYPES, 'copy'] as const
export type Kind = (typeof KINDS)[number]

export const RELATIVE_MODES = ['auto', 'true', 'false'] as const
export type RelativeMode = (typeof RELATIVE_MODES)[number]

export const OVERWRITE_MODES = ['never', 'links', 'files'] as const
export type OverwriteMode = (typeof OVERWRITE_MODES)[number]

export const DANGLING_MODES = ['warn', 'fail', 'allow'] as const
export type DanglingMode = (typeof DANGLING_MODES)[number]

export const TARGET_TYPES = ['file', 'dir'] as const
export type TargetType = (typeof TARGET_TYPES)[number]

/** The settings one link may override in a YAML/JSON spec. */
export interface LinkOptions {
  type: LinkType
  fallback: Kind[]
  relative: RelativeMode
  overwrite: OverwriteMode
  /** Windows: the kind of symlink to make when TARGET does not exist yet. */
  targetType?: TargetType
}

/** One entry of the spec, as written, before anything is resolved. */
export interface SpecEntry {
  /** 1-based line in the spec (or in the `@file`). */
  line: number
  path: string
  target: string
  options: LinkOptions
}

/** A spec entry with its paths resolved against the working directory. */
export interface LinkRequest extends SpecEntry {
  /** Absolute PATH. */
  absPath: string
  /** Absolute TARGET. */
  absTarget: string
  /** TARGET was written relative. */
  targetWasRelative: boolean
  /** PATH was written relative (confinement applies). */
  pathWasRelative: boolean
  /** Another entry's PATH is a parent of this PATH or TARGET: plan it again just before applying it. */
  dependsOnEarlier: boolean
}

export type Status = 'created' | 'replaced' | 'unchanged' | 'planned' | 'failed' | 'skipped'
export type PlanAction = 'create' | 'replace' | 'unchanged' | 'fail'

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
  /** The kernel's type where `type` names what is behind it: `fuseblk` for exfat-fuse, bare `fuse` for bindfs. */
  driver?: string
  /** The directory of its filesystem that the mount shows, where not the whole: a bind mount (or a subvolume). */
  root?: string
}

/** What a capability probe found in a link's directory: 'ok' or the errno name, per kind of link. */
export interface Probe {
  symlink: string
  hardlink: string
}

/** One entry of the `results` output. */
export interface LinkResult {
  line: number
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
  /** After a failure that says a kind of link cannot be made here: which kinds the directory allows. */
  probe?: Probe
}
