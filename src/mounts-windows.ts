// Windows: which volume a path is on and its format. There is no mount table, and fs.statfs says type 0: a UNC path
// is a network share by its spelling, and a drive's format comes from .NET's DriveInfo, asked through PowerShell.
import { win32 } from 'node:path'
import type { FilesystemInfo } from './model.js'

/** A UNC share (`\\server\share\`): SMB, known from the path alone, without touching a share that may hang. */
export function uncShare(root: string): FilesystemInfo | undefined {
  const match = /^\\\\([^\\?.][^\\]*)\\([^\\]+)\\?$/.exec(root)
  if (!match) return undefined
  return { type: 'smb', mountPoint: root, source: `\\\\${match[1]}\\${match[2]}`, options: ['network'] }
}

/**
 * PowerShell gets its data as JSON in this environment variable, never inside the script's text: a single-quoted
 * string there also ends at the typographic quotes ‘ ’ ‚ ‛ (PowerShell-Docs, about_Quoting_Rules), so a crafted
 * link name could run commands. The scripts below are constants: the same bytes whatever the paths.
 */
export const POWERSHELL_INPUT = 'LN_ACTION_PS_INPUT'

/**
 * Prints what DriveInfo knows of the drive `{"root": "D:\\"}` names as one line of JSON:
 * `{"Name":"D:\\","DriveType":"Fixed","DriveFormat":"NTFS","DisplayRoot":""}`. DriveFormat throws on a drive that is
 * not ready (an empty card reader); DisplayRoot is the `\\server\share` behind a mapped network drive.
 */
export const DRIVE_SCRIPT = [
  // Without a console (as spawned here) the encoding cannot be set: ASCII names come through all the same.
  'try { [Console]::OutputEncoding = [Text.Encoding]::UTF8 } catch {}',
  `$d = [System.IO.DriveInfo]::new((ConvertFrom-Json $env:${POWERSHELL_INPUT}).root)`,
  "$format = ''; try { $format = $d.DriveFormat } catch {}",
  "$share = ''; if ($d.DriveType -eq 'Network') { try { $share = (Get-PSDrive -Name $d.Name.Substring(0, 1)).DisplayRoot } catch {} }",
  '[pscustomobject]@{ Name = $d.Name; DriveType = [string]$d.DriveType; DriveFormat = $format; DisplayRoot = $share } | ConvertTo-Json -Compress'
].join('\n')

/** The drive query's input: a drive root such as `D:\`, and nothing else. */
export function driveInput(root: string): { root: string } {
  if (!/^[A-Z]:\\$/.test(root)) throw new Error(`not a drive root: '${root}'`)
  return { root }
}

/** powershell.exe arguments that run a script as is: -EncodedCommand takes UTF-16LE base64, so nothing needs quoting. */
export function powershellArgs(script: string): string[] {
  return ['-NoProfile', '-NonInteractive', '-EncodedCommand', Buffer.from(script, 'utf16le').toString('base64')]
}

/** Windows' own kinds of link: the `type` fs.symlink takes, fixed when a link is made. */
export type WindowsLinkType = 'file' | 'dir' | 'junction'

/**
 * For each path of `{"paths": [...]}`, a line `N|Junction|True`, `N|SymbolicLink|True` (a directory link, dangling or
 * not: the link itself carries the directory attribute) or `N|SymbolicLink|False`, N its index; nothing for a path
 * Get-Item cannot read. Node cannot tell the three apart: its lstat says "symbolic link" for all, and readlink strips
 * the `\??\` that both reparse buffers hold. The paths are wrapped in an object because Windows PowerShell 5.1 and
 * PowerShell 7 disagree on whether ConvertFrom-Json unrolls a top-level array; a property is the array in both.
 */
export const LINK_KINDS_SCRIPT = [
  `$n = 0; foreach ($p in (ConvertFrom-Json $env:${POWERSHELL_INPUT}).paths) {`,
  '  try { $i = Get-Item -LiteralPath $p -Force -ErrorAction Stop; "$n|$($i.LinkType)|$($i.PSIsContainer)" } catch {}',
  '  $n++',
  '}'
].join('\n')

/** The kinds LINK_KINDS_SCRIPT printed, by index (`count` paths asked); undefined where it said nothing usable. */
export function parseLinkKinds(output: string | undefined, count: number): (WindowsLinkType | undefined)[] {
  const kinds: (WindowsLinkType | undefined)[] = Array.from({ length: count }, () => undefined)
  for (const line of (output ?? '').split(/\r?\n/)) {
    const [index, type, container] = line.trim().split('|')
    const n = Number(index)
    if (index === '' || !Number.isInteger(n) || n < 0 || n >= count) continue
    if (type === 'Junction') kinds[n] = 'junction'
    else if (type === 'SymbolicLink') kinds[n] = container === 'True' ? 'dir' : 'file'
  }
  return kinds
}

/**
 * A Windows environment variable holds at most 32,767 characters (Microsoft Learn, SetEnvironmentVariable): the
 * paths in groups whose JSON input stays under that, so a big copied tree takes a few PowerShell starts, not a failure.
 */
export function inputGroups(paths: string[], limit = 32_000): string[][] {
  const groups: string[][] = []
  let group: string[] = []
  let size = '{"paths":[]}'.length
  for (const p of paths) {
    const cost = JSON.stringify(p).length + 1
    if (group.length > 0 && size + cost > limit) {
      groups.push(group)
      group = []
      size = '{"paths":[]}'.length
    }
    group.push(p)
    size += cost
  }
  if (group.length > 0) groups.push(group)
  return groups
}

/**
 * A link that needs no PowerShell to know its kind: libuv's readlink gives a junction's text always as `C:\...`
 * (fs__readlink_handle in src/win/fs.c accepts only `\??\<drive>:\` mount points and strips the prefix), so a
 * relative text is a symlink, and what stat finds at its end says file or directory. Undefined: ask.
 */
export function kindFromText(
  text: string,
  leadsTo: { isDirectory(): boolean } | undefined
): WindowsLinkType | undefined {
  if (leadsTo === undefined || win32.isAbsolute(text)) return undefined
  return leadsTo.isDirectory() ? 'dir' : 'file'
}

interface DriveInfoJson {
  DriveType?: string
  DriveFormat?: string | null
  DisplayRoot?: string | null
}

/**
 * A drive as the knowledge base wants it: its format (`NTFS`, `ReFS`, `FAT32`, `exFAT`), or `smb` for a network
 * drive (DriveFormat there is the server's format, kept as `format=`), and the DriveType as an option.
 */
export function parseDriveInfo(root: string, output: string | undefined): FilesystemInfo {
  const unknown: FilesystemInfo = { type: 'unknown', mountPoint: root, source: '', options: [] }
  let drive: DriveInfoJson
  try {
    drive = JSON.parse((output ?? '').trim()) as DriveInfoJson
  } catch {
    return unknown
  }
  if (typeof drive !== 'object' || drive === null) return unknown
  const format = drive.DriveFormat || ''
  const driveType = (drive.DriveType || 'Unknown').toLowerCase()
  if (driveType === 'network') {
    const options = ['network', ...(format ? [`format=${format}`] : [])]
    return { type: 'smb', mountPoint: root, source: drive.DisplayRoot || root.slice(0, 2), options }
  }
  return { ...unknown, type: format || 'unknown', options: [driveType] }
}
