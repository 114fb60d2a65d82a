// Every filesystem family, once: how mount tables name it, what it is in words, whether it is a share (worked on in
// the share worker, its answers read back), what it can store, and the quirks plan/ and apply/ ask about (quirksOf):
// the engine asks questions and never names a family. docs/filesystems.md is generated from this table
// (__tests__/filesystems-doc.test.ts); the knowledge rows in knowledge.ts say what each failure means.
import type { FilesystemInfo } from './model.js'

/** What a family does with one kind of link or call: `yes`, or what happens instead (an errno, in short words). */
export interface Support {
  symlink: string
  hardlink: string
  /** Renaming a new link over an old one (`overwrite: links`): atomic, or what gets in the way. */
  replace: string
  /** A re-run finds what the first run made and reports it `unchanged`. */
  rerun: string
  /** The kind to name in `fallback` where the usual ones fail. */
  fallback: string
}

/**
 * What symlink() and link() answer on a family, as measured in the lab (lab/FINDINGS.md): an errno's name, or none
 * where the call makes the link (a copy is then made as on any writable filesystem). A dry run predicts from it.
 * FUSE daemons without link(): the kernel answers EPERM from 6.15 (the lab's), ENOSYS before.
 */
export interface Calls {
  /** The OS the answers were measured on (`Platform.name`); elsewhere they are not known. */
  on: string
  /** Only filesystems whose type or driver this matches were measured (one daemon of the family): others are not. */
  measured?: RegExp
  symlink?: string
  link?: string
  /** Mounted with one of these options, the calls answer so instead (sshfs `disable_hardlink`). */
  withOption?: Record<string, { symlink?: string; link?: string }>
}

export interface FamilyFacts {
  /** Types as Linux's mountinfo (`fuse.sshfs`; bare `fuse` resolved to `fuse.DAEMON` by mounts.ts), macOS's `mount`
   * and Windows' DriveFormat name them. */
  types: RegExp
  /** The family in a message: `an SMB share`; none for plain local filesystems. */
  says?: string
  /** A FUSE daemon or a server answers: calls can hang, and a success is read back before it is believed. */
  share?: boolean
  /** What it can store, as measured in the lab (lab/FINDINGS.md); none where the lab cannot mount it. */
  support?: Support
  /** Why a link can read back with another text than the one just made, where the family is known to do that. */
  readsBackStale?: string
  /** readlink() answers EPERM for an absolute or escaping link text; the link's size still gives its length. */
  hidesLinkTexts?: boolean
  /** Each name of a file shows as its own inode unless mounted with this option: a hard link looks like a copy. */
  inodePerNameUnless?: string
  /**
   * Mounted with this option, a link shows as what it points to, and symlink() makes the link, then stats what it
   * points to: ENOENT for a TARGET the server cannot see, EIO where that stat fails (with the option seen or not).
   */
  followsSymlinksWith?: string
  /** What its link calls answer, where measured: what a dry run predicts; none where only a write could tell. */
  calls?: Calls
}

const ok = (fallback: string, rerun = 'yes'): Support => ({
  symlink: 'yes',
  hardlink: 'yes',
  replace: 'yes, atomic',
  rerun,
  fallback
})

/** exFAT and FAT through FUSE (the lab's): no link of any kind, so a copy is what can be made. */
const NO_LINKS: Support = {
  symlink: 'no (ENOSYS)',
  hardlink: 'no (EPERM)',
  replace: 'copies only',
  rerun: 'copies',
  fallback: 'copy'
}

/** Both calls make links, as the lab measured on Linux. */
const LINKS: Calls = { on: 'linux' }
/** Neither call makes a link: symlink() has no handler (ENOSYS), link() is refused (EPERM on kernels >= 6.15). */
const NO_LINK_CALLS: Calls = { on: 'linux', symlink: 'ENOSYS', link: 'EPERM' }

/**
 * FUSE's mount types: Linux's `fuse`, `fuseblk` and `fuse.DAEMON` (fs/fuse/inode.c), macFUSE's `macfuse` (`osxfuse`
 * before 4.0). Not `fusectl`, mounted on most Linux machines: the kernel's own files about FUSE connections
 * (Documentation/filesystems/fuse.rst, "Control filesystem"), which no daemon serves.
 */
const FUSE_TYPES = /^(fuse|fuseblk|fuse\..+|macfuse|osxfuse)$/

/** Matched in this order: specific FUSE daemons before the generic `fuse`. */
const FAMILY_TABLE = {
  sshfs: {
    types: /^fuse\.sshfs$/,
    calls: { ...LINKS, withOption: { disable_hardlink: { link: 'EPERM' } } },
    share: true,
    // contain_symlinks (Debian's default) hides texts that are absolute or escape the mount.
    hidesLinkTexts: true,
    inodePerNameUnless: 'use_ino',
    followsSymlinksWith: 'follow_symlinks',
    support: {
      ...ok('symlink', 'yes; hard links with a warning (each name shows its own inode)'),
      hardlink: 'yes; EPERM with -o disable_hardlink'
    }
  },
  rclone: {
    types: /^fuse\.rclone$/,
    calls: { on: 'linux', symlink: 'EIO', link: 'EIO' },
    share: true,
    support: {
      symlink: 'no (EIO)',
      hardlink: 'no (EIO)',
      replace: 'copies only',
      rerun: 'copies',
      fallback: 'copy'
    }
  },
  s3: {
    types: /^fuse\.s3fs$/,
    calls: { on: 'linux', link: 'ENOTSUP' },
    says: 'an S3 bucket through s3fs',
    share: true,
    support: {
      symlink: 'yes (an object holding the text)',
      hardlink: 'no (ENOTSUP)',
      replace: 'renamed, but the mount keeps serving the old text',
      rerun: 'yes',
      fallback: 'symlink'
    },
    // Measured in the lab: readlink through the mount gave the old text until the stat cache entry expired (2.5 s
    // after the rename with stat_cache_expire=1), while the bucket already held the new object.
    readsBackStale:
      'The bucket holds the new link, but s3fs serves link texts from its stat cache: programs reading through this ' +
      'mount see the old target until the entry expires (mount with `-o stat_cache_expire=SECONDS` to shorten that).'
  },
  webdav: {
    types: /^fuse\.davfs2?$/,
    calls: NO_LINK_CALLS,
    says: 'a WebDAV share through davfs2',
    share: true,
    support: {
      symlink: 'no (ENOSYS)',
      hardlink: 'no (EPERM)',
      replace: 'copies only',
      rerun: 'copies; a directory copy unverified (readdir EINVAL on kernel 6.18)',
      fallback: 'copy'
    }
  },
  bindfs: {
    types: /^fuse\.bindfs$/,
    calls: LINKS,
    share: true,
    support: ok('symlink')
  },
  'fuse-overlayfs': {
    types: /^fuse\.fuse-overlayfs$/,
    calls: LINKS,
    share: true,
    support: ok('symlink')
  },
  nfs: { types: /^nfs4?$/, share: true },
  smb: {
    types: /^(cifs|smb3?|smbfs|fuse\.smbnetfs)$/i,
    calls: { ...NO_LINK_CALLS, measured: /^fuse\.smbnetfs$/ },
    share: true,
    support: {
      symlink: 'no (ENOSYS) through smbnetfs',
      hardlink: 'no (EPERM) through smbnetfs',
      replace: 'copies only',
      rerun: 'copies',
      fallback: 'copy'
    }
  },
  exfat: {
    types: /^(exfat|fuse\.exfat)$/i,
    // Measured through exfat-fuse and fusefat; the kernels' own drivers answer otherwise.
    calls: { ...NO_LINK_CALLS, measured: /^fuse/ },
    support: NO_LINKS
  },
  fat: {
    types: /^(vfat|msdos|fat|fat12|fat16|fat32|fuse\.fusefat)$/i,
    calls: { ...NO_LINK_CALLS, measured: /^fuse/ },
    support: NO_LINKS
  },
  ntfs: { types: /^(ntfs|ntfs3|fuse\.ntfs-3g)$/i, support: ok('symlink'), calls: LINKS },
  refs: { types: /^refs$/i },
  vboxsf: { types: /^vboxsf$/, share: true },
  '9p': { types: /^(9p|virtiofs)$/, share: true },
  overlay: {
    types: /^overlay$/,
    calls: LINKS,
    // A container's own files: unlike its volumes (bind mounts of the host's directories), which say so themselves.
    says: 'read-only lower layers under a writable upper one, as in a container',
    support: { ...ok('symlink'), replace: 'yes, atomic; EXDEV renaming a lower-layer directory' }
  },
  fuse: { types: FUSE_TYPES, share: true },
  local: {
    types: /^(ext[234]|xfs|btrfs|tmpfs|ramfs|zfs|f2fs|apfs|hfs)$/i,
    calls: LINKS,
    support: ok('symlink')
  }
} satisfies Record<string, FamilyFacts>

export type Family = keyof typeof FAMILY_TABLE | 'unknown'

const FAMILIES = Object.entries(FAMILY_TABLE) as [Family, FamilyFacts][]

/** Asked for every link (verify, canHang...), about a handful of types: each type is matched once. */
const familyByType = new Map<string, Family>()
/** Asked for every link too: answered once per filesystem seen. */
let quirksByFs = new WeakMap<FilesystemInfo, Quirks>()

/** Answers given before the families changed no longer hold. */
function forget(): void {
  familyByType.clear()
  quirksByFs = new WeakMap()
}

/**
 * A family added at run time, matched before the table's rows (the scratch-family test shows that a row is all the
 * engine needs). Returns the name to use in knowledge rows, and how to take the family out again.
 */
export function addFamily(name: string, facts: FamilyFacts): { family: Family; remove: () => void } {
  const row: [Family, FamilyFacts] = [name as Family, facts]
  FAMILIES.unshift(row)
  forget()
  return {
    family: row[0],
    remove: () => {
      FAMILIES.splice(FAMILIES.indexOf(row), 1)
      forget()
    }
  }
}

export function familyOf(type: string): Family {
  let family = familyByType.get(type)
  if (family === undefined) {
    family = FAMILIES.find(([, facts]) => facts.types.test(type))?.[0] ?? 'unknown'
    familyByType.set(type, family)
  }
  return family
}

export function familyFacts(family: Family): FamilyFacts | undefined {
  return FAMILIES.find(([name]) => name === family)?.[1]
}

/** What plan/ and apply/ ask about a filesystem, answered from its family's row and its mount options. */
export interface Quirks {
  /** A share: its answers cannot be taken at their word, so a created link is read back. */
  misreports: boolean
  /** readlink() answers EPERM where the text is hidden (absolute or leaving the mount); the size still tells. */
  hidesLinkTexts: boolean
  /** Every name of a file shows as its own inode here: a hard link cannot be told from a look-alike copy. */
  hidesInodes: boolean
  /** The option with which links show as their targets and symlink() can fail after making the link. */
  followOption?: string
  /** Mounted with `followOption`: links show as what they point to. */
  followsSymlinks: boolean
  /** Why a link can read back with an old text (the family's words), where it is known to. */
  readsBackStale?: string
  /** What symlink() and link() answer on this mount, with its options (an errno's name, none where they work). */
  calls?: { on: string; symlink?: string; link?: string }
}

/** The family's measured answers, as this mount's type, driver and options make them; none where not measured. */
function callsOn(fs: FilesystemInfo, calls: Calls | undefined): Quirks['calls'] {
  if (!calls || (calls.measured && !calls.measured.test(fs.type) && !calls.measured.test(fs.driver ?? '')))
    return undefined
  const { on, symlink, link, withOption = {} } = calls
  const changed = fs.options.filter((option) => Object.hasOwn(withOption, option)).map((o) => withOption[o])
  return Object.assign({ on, symlink, link }, ...changed)
}

export function quirksOf(fs: FilesystemInfo): Quirks {
  let quirks = quirksByFs.get(fs)
  if (!quirks) {
    const facts = familyFacts(familyOf(fs.type))
    const unless = facts?.inodePerNameUnless
    const followOption = facts?.followsSymlinksWith
    quirks = {
      misreports: facts?.share === true,
      hidesLinkTexts: facts?.hidesLinkTexts === true,
      hidesInodes: unless !== undefined && !fs.options.includes(unless),
      followOption,
      followsSymlinks: followOption !== undefined && fs.options.includes(followOption),
      readsBackStale: facts?.readsBackStale,
      calls: callsOn(fs, facts?.calls)
    }
    quirksByFs.set(fs, quirks)
  }
  return quirks
}

/** Shares, whose answers cannot be taken at their word: a created link is read back there. */
export function misreports(fs: FilesystemInfo): boolean {
  return quirksOf(fs).misreports
}

/** Filesystems whose calls can hang (a FUSE daemon or a server that stops answering): worked on in a child process. */
export function canHang(fs: FilesystemInfo): boolean {
  return FUSE_TYPES.test(fs.driver ?? fs.type) || misreports(fs)
}

/** Errnos that say the share itself is gone: later links on the same mount are not attempted. */
const SHARE_GONE = ['ENOTCONN', 'ECONNABORTED', 'ETIMEDOUT']

export function isShareGone(code: string): boolean {
  return SHARE_GONE.includes(code)
}

/** The families whose support is known, in table order, for docs/filesystems.md. */
export function supportMatrix(): [Family, string, Support][] {
  return FAMILIES.flatMap(([family, facts]) =>
    facts.support ? [[family, facts.types.source, facts.support] as [Family, string, Support]] : []
  )
}

/** Whether a format tells names apart by case: always, never, or as it was made (`probe`: look, once per volume). */
/** `usual`: the OS's usual rule, for a type the table does not know (no probe on what may be a share). */
export type CaseRule = 'sensitive' | 'insensitive' | 'probe' | 'usual'

interface CaseFacts {
  types: RegExp
  rule: CaseRule
  /** Where another OS's driver of the format differs (`process.platform`). */
  on?: Partial<Record<string, CaseRule>>
  /** Mount options, as the mount table shows them, that decide instead (the first that matches). */
  options?: [RegExp, CaseRule][]
}

/**
 * Each format's case rule, matched by type in this order; a type not here follows the OS's usual rule. A rule set per
 * directory (ext4's casefold, NTFS's case-sensitive directories) is not seen: the volume's rule stands for all of it.
 */
const CASE_TABLE: CaseFacts[] = [
  // exFAT compares names through the volume's up-case table (Microsoft, exFAT file system specification, 7.2 "Up-case
  // Table"). Lab: exfat-fuse finds `abc` and `ABC` for a file made as `Abc`.
  { types: /^(exfat|fuse\.exfat)$/i, rule: 'insensitive' },
  // FAT stores short names upper-cased and matches long names without case (Microsoft, FAT32 File System
  // Specification, "FAT Long Directory Entries"; Linux's Documentation/filesystems/vfat.rst). Lab: fusefat as exFAT.
  { types: /^(vfat|msdos|fat|fat12|fat16|fat32|fuse\.fusefat)$/i, rule: 'insensitive' },
  // Windows servers ignore case, and so does Samba (`case sensitive = auto`, smb.conf(5)) for clients without the
  // Unix or SMB3 POSIX extensions; Linux's cifs shows those as `unix` and `posix`, and `nocase` asks for case to be
  // ignored (mount.cifs(8)). smbnetfs (FUSE) shows neither, and the lab measured both: SMB3 ignores case, SMB1 with
  // Unix extensions keeps it. So it is not in this table (a share: never probed, the OS's usual rule holds).
  {
    types: /^(cifs|smb3?|smbfs)$/i,
    rule: 'insensitive',
    options: [
      [/^nocase$/, 'insensitive'],
      [/^(posix|unix)$/, 'sensitive']
    ]
  },
  // NTFS and ReFS on Windows ignore case unless a directory was made case-sensitive (Microsoft Learn, "Adjust case
  // sensitivity", fsutil file setCaseSensitiveInfo); so does macOS's driver unless mounted -s (mount_ntfs(8)).
  // ntfs-3g and ntfs3 on Linux use NTFS's POSIX namespace, where case counts (ntfs-3g(8); lab: `abc` is ENOENT for
  // `Abc`), unless mounted `nocase` (ntfs3, kernel commit a3a956c78efa) or `ignore_case` (lowntfs-3g).
  {
    types: /^(ntfs|ntfs3|fuse\.ntfs-3g)$/i,
    rule: 'insensitive',
    on: { linux: 'sensitive' },
    options: [[/^(nocase|ignore_case)$/, 'insensitive']]
  },
  { types: /^refs$/i, rule: 'insensitive' },
  // APFS and HFS+ are formatted either way; macOS's default is case-insensitive (Apple, Disk Utility User Guide,
  // "File system formats available in Disk Utility on Mac").
  { types: /^(apfs|hfs)$/i, rule: 'probe' },
  // ZFS's casesensitivity property (sensitive, insensitive, mixed) is set when the dataset is made and is not in the
  // mount table (zfsprops(7)).
  { types: /^zfs$/, rule: 'probe' },
  // tmpfs folds case from Linux 6.13 when mounted with `casefold=` (Documentation/filesystems/tmpfs.rst).
  { types: /^tmpfs$/, rule: 'sensitive', options: [[/^casefold(=|$)/, 'insensitive']] },
  // ext4 and f2fs fold case only in directories flagged +F (chattr) on a volume made with `-O casefold`: per
  // directory, and not in the mount table (Documentation/filesystems/ext4/directory.rst, "Hash Tree Directories";
  // mkfs.ext4(8)). xfs's ascii-ci (mkfs.xfs -n version=ci) is deprecated; kernels built without it refuse to mount it.
  { types: /^(ext[234]|f2fs|xfs|btrfs|ramfs|overlay)$/, rule: 'sensitive' },
  // S3 object keys are case-sensitive (AWS, Amazon S3 User Guide, "Naming Amazon S3 objects").
  { types: /^fuse\.s3fs$/, rule: 'sensitive' }
]

/** The row of the case table that decides for this type, if any. */
function caseFactsOf(type: string): CaseFacts | undefined {
  return CASE_TABLE.find((f) => f.types.test(type))
}

/** The case rule of a filesystem of this type, mounted with these options, as `platform`'s driver serves it. */
export function caseRuleOf(type: string, options: string[], platform: string): CaseRule {
  const facts = caseFactsOf(type)
  if (!facts) return 'usual'
  const byOption = facts.options?.find(([option]) => options.some((o) => option.test(o)))
  return byOption?.[1] ?? facts.on?.[platform] ?? facts.rule
}

/**
 * Whether a mount, as the mount table shows it, may compare names otherwise than the OS usually does. A FUSE mount's
 * real format (`fuseblk`, bare `fuse`) and its daemon's options are not in the table: where they could decide, it may.
 */
export function mayFoldOtherwise(type: string, options: string[], platform: string, usual: boolean): boolean {
  if (type === 'fuse' || type === 'fuseblk') return true
  if (type.startsWith('fuse.') && caseFactsOf(type)?.options) return true
  const rule = caseRuleOf(type, options, platform)
  return rule === 'probe' || (rule !== 'usual' && (rule === 'insensitive') !== usual)
}
