// Windows: which volume a path is on and its format. There is no mount table, and fs.statfs says type 0: a UNC path
// is a network share by its spelling, and a drive's format comes from .NET's DriveInfo, asked through PowerShell.
import type { FilesystemInfo } from './model.js'

/** A UNC share (`\\server\share\`): SMB, known from the path alone, without touching a share that may hang. */
export function uncShare(root: string): FilesystemInfo | undefined {
  const match = /^\\\\([^\\?.][^\\]*)\\([^\\]+)\\?$/.exec(root)
  if (!match) return undefined
  return { type: 'smb', mountPoint: root, source: `\\\\${match[1]}\\${match[2]}`, options: ['network'] }
}

/**
 * The PowerShell script that prints what DriveInfo knows of one drive as one line of JSON:
 * `{"Name":"D:\\","DriveType":"Fixed","DriveFormat":"NTFS","DisplayRoot":""}`. DriveFormat throws on a drive that
 * is not ready (an empty card reader); DisplayRoot is the `\\server\share` behind a mapped network drive.
 */
export function driveQuery(root: string): string {
  if (!/^[A-Z]:\\$/.test(root)) throw new Error(`not a drive root: '${root}'`)
  return [
    // Without a console (as spawned here) the encoding cannot be set: ASCII names come through all the same.
    'try { [Console]::OutputEncoding = [Text.Encoding]::UTF8 } catch {}',
    `$d = [System.IO.DriveInfo]::new('${root}')`,
    "$format = ''; try { $format = $d.DriveFormat } catch {}",
    "$share = ''; if ($d.DriveType -eq 'Network') { try { $share = (Get-PSDrive -Name $d.Name.Substring(0, 1)).DisplayRoot } catch {} }",
    '[pscustomobject]@{ Name = $d.Name; DriveType = [string]$d.DriveType; DriveFormat = $format; DisplayRoot = $share } | ConvertTo-Json -Compress'
  ].join('\n')
}

/** powershell.exe arguments that run a script as is: -EncodedCommand takes UTF-16LE base64, so nothing needs quoting. */
export function powershellArgs(script: string): string[] {
  return ['-NoProfile', '-NonInteractive', '-EncodedCommand', Buffer.from(script, 'utf16le').toString('base64')]
}

/** Windows' own kinds of link: the `type` fs.symlink takes, fixed when a link is made. */
export type WindowsLinkType = 'file' | 'dir' | 'junction'

/**
 * The script that prints what the link at p is: `Junction|True`, `SymbolicLink|True` (a directory link, dangling or
 * not: the link itself carries the directory attribute) or `SymbolicLink|False`. Node cannot tell: its lstat says
 * "symbolic link" for all three, and readlink strips the `\??\` that both reparse buffers hold.
 */
export function linkKindQuery(p: string): string {
  return `$i = Get-Item -LiteralPath '${p.replaceAll("'", "''")}' -Force\n"$($i.LinkType)|$($i.PSIsContainer)"`
}

export function parseLinkKind(output: string | undefined): WindowsLinkType | undefined {
  const [type, container] = (output ?? '').trim().split('|')
  if (type === 'Junction') return 'junction'
  if (type === 'SymbolicLink') return container === 'True' ? 'dir' : 'file'
  return undefined
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
