import * as os from 'node:os'
import type { Failure } from './model.js'

/** The message of anything thrown, Error or not. */
export function errorMessage(error: unknown): string {
  const message = (error as Error | undefined)?.message
  return typeof message === 'string' ? message : String(error)
}

const errnoNames = new Map<number, string>(Object.entries(os.constants.errno).map(([name, n]) => [n, name]))

/**
 * The errno name of a Node system error. libuv has no name for some errnos (ESTALE, EDQUOT on Linux) and Node
 * then says `UNKNOWN`; the number still tells.
 */
export function errnoName(error: NodeJS.ErrnoException): string {
  const code = error.code ?? ''
  if (/^E[A-Z0-9]+$/.test(code)) return code
  if (typeof error.errno === 'number') {
    const name = errnoNames.get(Math.abs(error.errno))
    if (name) return name
  }
  return code || 'UNKNOWN'
}

/** The positive errno number for a name, as the OS knows it (null where this OS has no such errno). */
export function errnoNumber(name: string): number | null {
  return (os.constants.errno as Record<string, number>)[name] ?? null
}

/** A system error from fs (checked by shape: errors from another realm, as under jest, fail instanceof). */
export function isErrno(error: unknown): error is NodeJS.ErrnoException {
  return typeof error === 'object' && error !== null && typeof (error as NodeJS.ErrnoException).code === 'string'
}

/** What a filesystem answers for a call it does not implement at all. */
export const NOT_IMPLEMENTED = ['ENOSYS', 'ENOTSUP', 'EOPNOTSUPP']

/** The errno code of anything thrown: `EEXIST`..., or '' for what is not a system error. */
export function errnoCode(error: unknown): string {
  return isErrno(error) ? (error.code as string) : ''
}

/** A system error as a result reports it: errno name and the positive number this OS gives it. */
export function toFailure(error: NodeJS.ErrnoException, syscall: string, attempted: string): Failure {
  const code = errnoName(error)
  const errno = errnoNumber(code) ?? (typeof error.errno === 'number' ? Math.abs(error.errno) : undefined)
  return { code, errno, syscall, attempted, path: error.path }
}

/** What a call answers, or undefined where it throws: for a fact that may be missing (a loop of links, a link gone). */
export function quietly<T>(call: () => T): T | undefined {
  try {
    return call()
  } catch {
    return undefined
  }
}
