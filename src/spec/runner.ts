// What an entry is on this runner, decided before any other check of it: one for other runners (`os`), one spelt
// for Windows on a POSIX runner (a failure of its own), or a link to resolve and check like any other.
import type { LinkRequest, SpecEntry, SpecVerdict } from '../model.js'
import type { Platform } from '../platform.js'

/** The code of a link whose PATH or TARGET is spelt for Windows on a POSIX runner. */
export const WINDOWS_PATH = 'WINDOWS_PATH'

export type Verdict = Omit<SpecVerdict, 'index'>

/** The entry names runners, and this one is not among them. */
function otherRunners(entry: SpecEntry, platform: Platform): string | undefined {
  if (entry.os === undefined) return undefined
  const here = platform.runnerOs.toLowerCase()
  if (entry.os.some((os) => os.toLowerCase() === here)) return undefined
  return entry.os.join(', ')
}

/**
 * `D:x` is relative to D:'s current directory on Windows, and `D:` alone is that directory: a drive all the same. By
 * character codes, not a regular expression: every PATH and TARGET of the spec is asked. An ASCII letter is one whose
 * code with the lower-case bit set is a..z.
 */
function startsWithDrive(text: string): boolean {
  const letter = text.charCodeAt(0) | 0x20
  return text.charCodeAt(1) === 0x3a && letter >= 0x61 && letter <= 0x7a
}

/** A name Windows would read as a drive or with separators; on a POSIX runner only `literal: true` takes it so. */
export function spelledForWindows(text: string): boolean {
  return startsWithDrive(text) || text.includes('\\')
}

/** What a Windows spelling of `text` would be taken for here, and what to write instead; undefined for none. */
function windowsSpelling(
  what: string,
  text: string,
  line: number,
  platform: Platform
): Pick<Verdict, 'message' | 'hint'> | undefined {
  // Every link of the spec passes here: its words are built only for the few that need them.
  if (!spelledForWindows(text)) return undefined
  const here = `on this ${platform.runnerOs} runner`
  const named = `${what} '${text}' (line ${line})`
  if (startsWithDrive(text))
    return {
      message: `${named} starts with a drive letter, which only Windows has: ${here} it would be a relative name in working-directory.`,
      hint:
        `Write a path with '/', which works on every runner; for a Windows drive, give the entry \`os: Windows\` in a ` +
        `YAML spec and the other runners an entry of their own. A name that really begins with '${text.slice(0, 2)}' ` +
        'takes `literal: true` on its YAML entry.'
    }
  return {
    message: `${named} is spelt for Windows: ${here} '\\' is a character of a name, not a separator, so it would name one entry '${text}'.`,
    hint:
      `Write '/' ('${text.replace(/\\/g, '/')}'), which works on every runner, Windows included. A name that really ` +
      "holds '\\' takes `literal: true` on its YAML entry."
  }
}

/**
 * The entry settled here, or undefined for a link to make: an entry for other runners is not attempted (and nothing
 * else about it is checked: its paths are that OS's); one spelt for Windows on a POSIX runner fails alone.
 */
export function verdictOn(entry: SpecEntry, platform: Platform): Verdict | undefined {
  const others = otherRunners(entry, platform)
  if (others !== undefined) {
    const message = `For ${others} runners only (\`os\`); this runner is ${platform.runnerOs}: not attempted.`
    return { entry, status: 'other-os', code: '', message, hint: '' }
  }
  if (platform.isWindows || entry.literal) return undefined
  const spelling =
    windowsSpelling('PATH', entry.path, entry.line, platform) ??
    windowsSpelling('TARGET', entry.target, entry.line, platform)
  return spelling && { entry, status: 'failed', code: WINDOWS_PATH, ...spelling }
}

/** The link is to be a junction (not one only as a fallback, nor one removed). */
export function asksJunction({ options }: Pick<LinkRequest, 'options'>): boolean {
  return options.type === 'junction' && options.state !== 'absent'
}

/** Off Windows a junction is made as a symbolic link: said once per run where the spec asks for junctions. */
export function junctionNotice(requests: LinkRequest[], platform: Platform): string | undefined {
  if (platform.isWindows) return undefined
  if (!requests.some(asksJunction)) return undefined
  return (
    `Junctions exist only on Windows: \`type: junction\` makes a symbolic link on this ${platform.runnerOs} runner, ` +
    'and its result says `kind: symlink` (its `type` stays `junction`).'
  )
}
