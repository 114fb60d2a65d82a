// The failure the knowledge base is asked about, as apply reports it, for tests that build one by hand.
import { errnoNumber } from '../../src/errors.js'
import { type FailureContext } from '../../src/knowledge.js'
import { kindWords } from '../../src/model.js'
import type { FilesystemInfo, Kind } from '../../src/model.js'
import type { Platform } from '../../src/platform.js'

/** A failed link(2) (`hardlink`) or symlink(2) (any other kind, as Node reports a junction's) at PATH. */
export function failedLink(
  code: string,
  kind: Kind,
  path: string,
  filesystem: FilesystemInfo,
  platform: Platform,
  more: Partial<FailureContext> = {}
): FailureContext {
  return {
    failure: {
      code,
      errno: errnoNumber(code) ?? undefined,
      syscall: kind === 'hardlink' ? 'link' : 'symlink',
      attempted: `create the ${kindWords(kind)}`
    },
    kind,
    path,
    target: '/data/target',
    filesystem,
    platform,
    targetExists: true,
    targetIsDir: false,
    ...more
  }
}
