// The missing parent directories of PATH: made one by one, and those this link made removed again if it failed.
import { own } from '../own.js'
import type { LinkPlan } from '../plan/index.js'
import type { ApplyContext } from './context.js'
import { step, StepError } from './step-error.js'

/** Create the missing parents one by one (a recursive mkdir reports ENOENT for EROFS); returns those made here. */
export function createParents(plan: LinkPlan, ctx: ApplyContext, created: string[]): void {
  for (const dir of plan.missingParents) {
    if (ctx.madeDirs.has(dir)) continue
    try {
      step(`create the parent directory ${dir} for`, plan.kinds[0], () => ctx.ops.mkdir(dir))
      created.push(dir)
    } catch (error) {
      // Another run (or an earlier link through another spelling) may have made it already.
      if (!(error instanceof StepError && error.failure.code === 'EEXIST' && ctx.ops.stat(dir)?.isDirectory()))
        throw error
    }
    ctx.madeDirs.add(own(dir))
  }
}

/** Directories this link made before it failed go again, innermost first, where still empty. */
export function removeCreatedParents(created: string[], ctx: ApplyContext): void {
  for (const dir of created.reverse()) {
    try {
      ctx.ops.rmdir(dir)
      ctx.madeDirs.delete(dir)
    } catch {
      return
    }
  }
}
