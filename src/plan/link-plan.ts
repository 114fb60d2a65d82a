// What a plan says about one link: the empty plan each link starts from (what a link that never got further reports),
// with the kinds it asks for, and how a plan fails.
import { errnoNumber } from '../errors.js'
import type {
  Failure,
  Fallback,
  FilesystemInfo,
  Kind,
  LinkOptions,
  LinkRequest,
  ParentIdentity,
  PlanAction
} from '../model.js'
import type { PlanContext } from './context.js'

/** What is at PATH now, in the terms of `overwrite`. */
export type Existing = 'dir' | 'link' | 'file'

export interface LinkPlan {
  request: LinkRequest
  action: PlanAction
  /** Kinds to try in order (create/replace); the kind found at PATH (unchanged). */
  kinds: Kind[]
  /** The text a symbolic link gets. */
  text: string
  /** What a hard link links to: TARGET with its symlinks resolved. */
  linkSource: string
  targetExists: boolean
  targetIsDir: boolean
  existing?: Existing
  /** `overwrite: copies` found what is at PATH may be a copy of what the link leads to: apply proves it first. */
  copyAtPath?: boolean
  /** Parent directories to create, outermost first. */
  missingParents: string[]
  filesystem: FilesystemInfo
  failure?: Failure
  /** Not attempted because its share was already found gone. */
  skipped?: boolean
  /** `state: absent`: PATH's real directory when planned, checked again right before the link goes. */
  parent?: ParentIdentity
  /** An existing symlink at PATH that the filesystem will not let us read back. */
  unreadable?: boolean
  /** The failure in the plan's own words, where the knowledge base has nothing to add (a PATH that leads out). */
  said?: { message: string; hint: string }
  /** Where the asked kind cannot be made and `fallback` moves on: known at plan time (TARGET), or while applying. */
  fallback?: Fallback
  warnings: string[]
}

/**
 * The kinds asked for by each set of options (thousands of links share one), never changed: plans filter copies. One
 * map for Windows and one for elsewhere, where the kinds differ.
 */
const kindsOf = { windows: new WeakMap<LinkOptions, Kind[]>(), elsewhere: new WeakMap<LinkOptions, Kind[]>() }

/**
 * The kinds a link asks for, in the order to try them: its type, then its fallbacks. Junctions exist only on Windows:
 * elsewhere a junction asked for is made, and reported, as the symbolic link it is there.
 */
export function requestedKinds({ options }: LinkRequest, { platform }: Pick<PlanContext, 'platform'>): Kind[] {
  const known = platform.isWindows ? kindsOf.windows : kindsOf.elsewhere
  let kinds = known.get(options)
  if (!kinds) {
    const asked = [options.type, ...options.fallback]
    kinds = [...new Set(platform.isWindows ? asked : asked.map((k) => (k === 'junction' ? 'symlink' : k)))]
    known.set(options, kinds)
  }
  return kinds
}

/**
 * A plan that has looked at nothing yet: what a link that never got that far reports. `filesystem`: PATH's, unless
 * the caller looks up another (planLink: its real parent's).
 */
export function emptyPlan(
  request: LinkRequest,
  ctx: PlanContext,
  filesystem = ctx.detector.forPath(request.absPath)
): LinkPlan {
  return {
    request,
    action: 'create',
    kinds: requestedKinds(request, ctx),
    text: '',
    linkSource: request.absTarget,
    targetExists: false,
    targetIsDir: request.options.targetType === 'dir',
    missingParents: [],
    filesystem,
    warnings: []
  }
}

export function failed(plan: LinkPlan, code: string, syscall: string, attempted: string): LinkPlan {
  return Object.assign(plan, {
    action: 'fail' as const,
    failure: { code, errno: errnoNumber(code) ?? undefined, syscall, attempted }
  })
}

/** Words for what a link's plan tried, where the plan itself fails. */
export function attemptOf(request: LinkRequest): string {
  return `create the ${request.options.type === 'hardlink' ? 'hard' : 'symbolic'} link`
}
