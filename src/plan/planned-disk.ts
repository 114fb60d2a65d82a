// The disk as a dry run's links so far would leave it. A real run plans a link that waits for an earlier one
// (spec/dependents.ts) once that link exists (make-link.ts); a dry run makes nothing, so it plans such a link on this
// instead: reads answer as if each link predicted to be made, and the parents it creates, were there, and the real
// disk answers for everything else. It is only read; a write here is a bug, and throws.
import type { Stats } from 'node:fs'
import { constants } from 'node:fs'
import { isErrno } from '../errors.js'
import type { FsOps } from '../fsops.js'
import { linkTextOf, resolvedKey, withoutNamespace, type Platform } from '../platform.js'
import type { LinkResult } from '../model.js'
import type { LinkPlan } from './link-plan.js'

/** What a link predicted to be made puts at its path: `of` is the real file a hard link names, or a copy copies. */
type Planned =
  { made: 'dir' } | { made: 'symlink'; text: string } | { made: 'hardlink' | 'copy'; of: string } | { made: 'nothing' }

/** Where a path is found, its symlinks (planned or real) followed. */
interface Found {
  /** The path as the real run would find it. */
  at: string
  /** What is planned at `at`, if anything. */
  planned?: Planned
  /** Where the real disk holds what is at `at`; undefined where nothing real can be (below a planned directory). */
  real?: string
  /** The last real directory on the way: a planned entry is on its filesystem. */
  anchor: string
  /** Whether anything planned was met on the way: if not, the real disk answers for the path as it is. */
  imagined: boolean
}

const DIR: Planned = { made: 'dir' }
const NOTHING: Planned = { made: 'nothing' }

/** Links followed on the way to one path before it is a loop (Linux's limit). */
const MOST_HOPS = 40

function errno(code: string, syscall: string, p: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: ${syscall} '${p}' (as a dry run's earlier links would leave it)`), {
    code,
    syscall,
    path: p
  })
}

/** `like` with some fields changed: Stats' methods (isDirectory...) read `mode`. */
function statsLike(like: Stats, changes: Partial<Stats>): Stats {
  return Object.assign(Object.create(Object.getPrototypeOf(like) as object) as Stats, like, changes)
}

function refuse(): never {
  throw new Error('a dry run writes nothing')
}

/** Answers kept at most, of the real disk's and of walks: thousands of links share a few directories. */
const MOST_KEPT = 4096

export class PlannedDisk implements FsOps {
  /** By the key of the path where each was planned. */
  private readonly planned = new Map<string, Planned>()
  /** The names planned in each directory, by the directory's key, for its listing. */
  private readonly names = new Map<string, Set<string>>()
  /**
   * What was noted at each path but not yet put, in spec order: put (its directory walked) only once something is read
   * here, which a run without links that wait for others never does. All are kept (a run of 100,000 links notes them
   * all), so a symbolic link is noted as its text alone.
   */
  private readonly notedPaths: string[] = []
  private readonly noted: (Planned | string)[] = []
  /** The parents noted to be made, by the path each link gave: thousands of links share a few. */
  private readonly parentsNoted = new Set<string>()
  /** The real disk's answers on the way: a symlink's text, else its lstat. A dry run leaves it as it is. */
  private readonly real = new Map<string, Stats | string | undefined>()
  /** Walks since the last put, by `follow` and path: planning one link walks the same directories several times. */
  private readonly walks = new Map<string, Found>()

  constructor(
    private readonly disk: FsOps,
    private readonly platform: Platform
  ) {}

  /**
   * What the real run will have made of this plan once it is done, as `result` predicts it; where only a write could
   * tell (not knowable), the plan stands.
   */
  note(plan: LinkPlan, result: LinkResult): void {
    const path = plan.request.absPath
    // A link replaced or removed may lead a parent noted before elsewhere now.
    if (result.plan === 'replace' || result.plan === 'remove') this.parentsNoted.clear()
    if (result.plan === 'remove') return this.noteAt(path, NOTHING)
    const kind = result.kind || (result.knowable === false ? plan.kinds[0] : undefined)
    if ((result.plan !== 'create' && result.plan !== 'replace') || !kind) return
    for (const dir of plan.missingParents) if (!this.parentsNoted.has(dir)) this.noteAt(dir, DIR)
    const { absTarget } = plan.request
    if (kind === 'symlink' || kind === 'junction')
      this.noteAt(path, linkTextOf(this.platform, kind, plan.text, absTarget))
    else this.noteAt(path, { made: kind, of: kind === 'hardlink' ? plan.linkSource : absTarget })
  }

  private noteAt(path: string, noted: Planned | string): void {
    if (noted === DIR) this.parentsNoted.add(path)
    this.notedPaths.push(path)
    this.noted.push(noted)
  }

  /** Put the links noted since the last read, in order: each where the ones before it lead. */
  private upToDate(): void {
    const paths = this.notedPaths.splice(0)
    this.noted.splice(0).forEach((noted, i) => {
      if (typeof noted === 'string') this.put(paths[i], { made: 'symlink', text: noted })
      else this.put(paths[i], 'of' in noted ? { ...noted, of: this.realFile(noted.of) } : noted)
    })
  }

  private put(p: string, planned: Planned): void {
    const { path } = this.platform
    const dir = this.find(path.dirname(p), true, 'stat').at
    const dirKey = this.key(dir)
    this.planned.set(this.key(path.join(dir, path.basename(p))), planned)
    const names = this.names.get(dirKey) ?? new Set()
    this.names.set(dirKey, names.add(path.basename(p)))
    this.walks.clear()
  }

  /** What the real disk has at `p`: a symlink's text, else its lstat (undefined: nothing). */
  private onDisk(p: string): Stats | string | undefined {
    if (this.real.has(p)) return this.real.get(p)
    const stats = this.disk.lstat(p)
    const entry = stats?.isSymbolicLink() ? withoutNamespace(this.platform, this.disk.readlink(p)) : stats
    if (this.real.size === MOST_KEPT) this.real.clear()
    this.real.set(p, entry)
    return entry
  }

  private key(p: string): string {
    return resolvedKey(this.platform, p)
  }

  /**
   * Where p is found (walk), once the links noted are put; kept until the next put. An error on the way is the
   * `call`'s, as the kernel gives it: stat() of `file/x` fails with ENOTDIR from stat, not from an lstat of ours.
   */
  private find(p: string, follow: boolean, call: string): Found {
    this.upToDate()
    const memo = `${follow ? 1 : 0}${p}`
    const known = this.walks.get(memo)
    if (known) return known
    let found: Found
    try {
      found = this.walk(p, follow)
    } catch (error) {
      throw isErrno(error) ? Object.assign(error, { syscall: call }) : error
    }
    if (this.walks.size === MOST_KEPT) this.walks.clear()
    this.walks.set(memo, found)
    return found
  }

  /**
   * Walk p name by name as the kernel would, through planned entries and real ones: a symlink is followed (the last
   * name only where `follow`), a planned directory has nothing real below it, a planned hard link or copy reads as
   * the file it names.
   */
  private walk(p: string, follow: boolean): Found {
    const { path } = this.platform
    let found = this.rootOf(p, false)
    let rest = this.namesBelow(found.at, p)
    for (let hops = 0, name; (name = rest.shift()) !== undefined;) {
      const at = path.join(found.at, name)
      const real = found.real && path.join(found.real, name)
      const planned = this.planned.get(this.key(at))
      const last = rest.length === 0
      let text: string | undefined
      if (planned) {
        text = planned.made === 'symlink' ? planned.text : undefined
        const original = planned.made === 'hardlink' || planned.made === 'copy' ? planned.of : undefined
        found = { ...found, at, planned, real: original, imagined: true }
      } else {
        found = { ...found, at, planned: undefined, real }
        if (real !== undefined && (!last || follow)) {
          const entry = this.onDisk(real)
          if (entry === undefined) found.real = undefined
          else if (typeof entry === 'string') text = entry
          else if (!last) found.anchor = real
        }
      }
      if (text === undefined || (last && !follow)) continue
      if (++hops > MOST_HOPS) throw errno('ELOOP', 'stat', p)
      const next = path.resolve(path.dirname(at), text)
      found = this.rootOf(next, found.imagined)
      rest = [...this.namesBelow(found.at, next), ...rest]
    }
    return found
  }

  private rootOf(p: string, imagined: boolean): Found {
    const root = this.platform.path.parse(p).root
    return { at: root, real: root, anchor: root, imagined }
  }

  private namesBelow(root: string, p: string): string[] {
    return p.slice(root.length).split(this.platform.path.sep).filter(Boolean)
  }

  /** What is at a path found: a planned entry's stats are its real file's, or made like its directory's. */
  private statsOf({ planned, real, anchor }: Found): Stats | undefined {
    if (!planned) return real === undefined ? undefined : this.disk.lstat(real)
    switch (planned.made) {
      case 'nothing':
        return undefined
      case 'dir':
        return statsLike(this.disk.stat(anchor)!, { mode: constants.S_IFDIR | 0o755, nlink: 2, ino: 0 })
      case 'symlink': {
        const size = Buffer.byteLength(planned.text)
        return statsLike(this.disk.stat(anchor)!, { mode: constants.S_IFLNK | 0o777, nlink: 1, ino: 0, size })
      }
      case 'hardlink': {
        const file = this.disk.lstat(planned.of)
        return file && statsLike(file, { nlink: file.nlink + 1 })
      }
      case 'copy': {
        const original = this.disk.stat(planned.of)
        return original && statsLike(original, { nlink: 1, ino: 0 })
      }
    }
  }

  /** The real file that a path leads to (a planned hard link's or copy's original). */
  private realFile(p: string): string {
    const found = this.find(p, true, 'open')
    if (!found.imagined) return p
    if (found.real === undefined) throw errno('ENOENT', 'open', p)
    return found.real
  }

  lstat(p: string): Stats | undefined {
    const found = this.find(p, false, 'lstat')
    return found.imagined ? this.statsOf(found) : this.disk.lstat(p)
  }

  stat(p: string): Stats | undefined {
    const found = this.find(p, true, 'stat')
    return found.imagined ? this.statsOf(found) : this.disk.stat(p)
  }

  readlink(p: string): string {
    const found = this.find(p, false, 'readlink')
    if (!found.imagined) return this.disk.readlink(p)
    if (found.planned?.made === 'symlink') return found.planned.text
    if (!this.statsOf(found)) throw errno('ENOENT', 'readlink', p)
    if (found.planned || found.real === undefined) throw errno('EINVAL', 'readlink', p)
    return this.disk.readlink(found.real)
  }

  realpath(p: string): string {
    const found = this.find(p, true, 'realpath')
    if (!found.imagined) return this.disk.realpath(p)
    if (!this.statsOf(found)) throw errno('ENOENT', 'realpath', p)
    // The real disk spells a real path (its case, on a volume that ignores it); below a copy it is the copy's.
    return !found.planned && found.real === found.at ? this.disk.realpath(found.real) : found.at
  }

  readdir(p: string): string[] {
    const found = this.find(p, true, 'scandir')
    const plannedNames = this.names.get(this.key(found.at))
    if (!found.imagined && !plannedNames) return this.disk.readdir(p)
    const stats = this.statsOf(found)
    if (!stats?.isDirectory()) throw errno(stats ? 'ENOTDIR' : 'ENOENT', 'scandir', p)
    const { path } = this.platform
    const names = new Map(
      (found.real ? this.disk.readdir(found.real) : []).map((n) => [this.key(path.join(found.at, n)), n])
    )
    for (const name of plannedNames ?? []) {
      const key = this.key(path.join(found.at, name))
      if (this.planned.get(key)?.made === 'nothing') names.delete(key)
      else names.set(key, name)
    }
    return [...names.values()]
  }

  exists(p: string): boolean {
    try {
      return this.stat(p) !== undefined
    } catch {
      return false
    }
  }

  contentHash(p: string): string {
    return this.disk.contentHash(this.realFile(p))
  }

  sameBytes(a: string, b: string): boolean {
    return this.disk.sameBytes(this.realFile(a), this.realFile(b))
  }

  linkKinds(paths: string[]): ReturnType<FsOps['linkKinds']> {
    return this.disk.linkKinds(paths)
  }

  symlink: FsOps['symlink'] = refuse
  link: FsOps['link'] = refuse
  rename: FsOps['rename'] = refuse
  unlink: FsOps['unlink'] = refuse
  mkdir: FsOps['mkdir'] = refuse
  rmdir: FsOps['rmdir'] = refuse
  writeFile: FsOps['writeFile'] = refuse
  copyFile: FsOps['copyFile'] = refuse
  copyMeta: FsOps['copyMeta'] = refuse
}
