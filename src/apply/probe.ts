// Which kinds of link a filesystem allows, found with scratch links once per filesystem: the hint rests on evidence.
import { errnoName, isErrno } from '../errors.js'
import type { Probe } from '../model.js'
import type { LinkPlan } from '../plan/index.js'
import { symlinkType } from '../platform.js'
import type { ApplyContext } from './context.js'
import { madeDespiteError } from './make.js'
import { tempName } from '../names.js'

/**
 * Which kinds of link this directory's filesystem allows, found by making a scratch symlink and hard link next to
 * a scratch file (always removed). Once per filesystem: the hint then rests on evidence.
 */
export function probe(dir: string, plan: LinkPlan, ctx: ApplyContext): Probe {
  const key = plan.filesystem.mountPoint || dir
  const known = ctx.probes.get(key)
  if (known) return known
  const { ops, platform } = ctx
  const base = tempName(dir, ctx.platform.path)
  const file = `${base}-f`
  const attempt = (fn: () => void): string => {
    try {
      fn()
      return 'ok'
    } catch (error) {
      return isErrno(error) ? errnoName(error) : 'failed'
    }
  }
  const result: Probe = { symlink: 'untested', hardlink: 'untested' }
  try {
    ops.writeFile(file, '')
    result.symlink = attempt(() =>
      ops.symlink(platform.path.basename(file), `${base}-s`, symlinkType(platform, 'symlink', false))
    )
    // sshfs -o follow_symlinks answers EIO for a symlink it made: that is a symlink that works, as for a link.
    const said = { code: result.symlink, syscall: 'symlink', attempted: 'probe' }
    if (result.symlink !== 'ok' && madeDespiteError(`${base}-s`, said, plan, ctx)) result.symlink = 'ok'
    result.hardlink = attempt(() => ops.link(file, `${base}-h`))
  } catch {
    // Not even a file could be made here: the link's own errno says why.
  } finally {
    for (const p of [`${base}-s`, `${base}-h`, file]) {
      try {
        ops.unlink(p)
      } catch {
        // never made
      }
    }
  }
  ctx.probes.set(key, result)
  return result
}
