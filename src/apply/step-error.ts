// A failed call as a step's failure, with what was being done in words and the kind being made; its explanation is
// asked of the knowledge base once, with the evidence. A side step that fails (sweeping, reading back) is a warning.
import { isErrno, toFailure } from '../errors.js'
import type { Explanation } from '../knowledge.js'
import { syscallOf, type Failure, type Kind } from '../model.js'
import type { LinkPlan } from '../plan/index.js'
import { explainFailure } from '../result.js'
import type { ApplyContext } from './context.js'
import { evidence } from './evidence.js'

/** A side step that failed without failing the link (sweeping, reading back): its explanation becomes a warning. */
export function warnFailed(
  error: unknown,
  syscall: string,
  attempted: string,
  kind: Kind,
  plan: LinkPlan,
  ctx: ApplyContext,
  consequence = ''
): void {
  if (!isErrno(error)) throw error
  const failure = toFailure(error, error.syscall ?? syscall, attempted)
  const { message, hint } = explainFailure(plan, failure, kind, ctx)
  plan.warnings.push([message, consequence, hint].filter(Boolean).join(' '))
}

/** A failed call, with what we were doing in words. */
export class StepError extends Error {
  private explained?: Explanation

  constructor(
    readonly failure: Failure,
    readonly kind: Kind
  ) {
    super(failure.code)
  }

  /** Asked of the knowledge base once, however many times the answer is needed. */
  explanation(plan: LinkPlan, ctx: ApplyContext): Explanation {
    return (this.explained ??= explainFailure(plan, this.failure, this.kind, ctx, evidence(this.failure, plan, ctx)))
  }
}

export function step<T>(attempted: string, kind: Kind, fn: () => T): T {
  try {
    return fn()
  } catch (error) {
    throw stepError(error, attempted, kind)
  }
}

/** A system error as a step's failure; anything else as it was. */
export function stepError(error: unknown, attempted: string, kind: Kind): unknown {
  if (!isErrno(error)) return error
  return new StepError(toFailure(error, error.syscall ?? syscallOf(kind), attempted), kind)
}
