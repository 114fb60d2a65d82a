// Every filesystem family, once: how mount tables name it, what it is in words, whether it is a share (worked on in
// the share worker, its answers read back), and what it can store. docs/filesystems.md is generated from this table
// (__tests__/filesystems-doc.test.ts); the knowledge rows in knowledge.ts say what each failure means.

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

interface FamilyFacts {
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

/** Matched in this order: specific FUSE daemons before the generic `fuse`. */
const FAMILY_TABLE = {
  sshfs: {
    types: /^fuse\.sshfs$/,
    share: true,
    support: {
      ...ok('symlink', 'yes; hard links with a warning (each name shows its own inode)'),
      hardlink: 'yes; EPERM with -o disable_hardlink'
    }
  },
  rclone: {
    types: /^fuse\.rclone$/,
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
    share: true,
    support: ok('symlink')
  },
  'fuse-overlayfs': {
    types: /^fuse\.fuse-overlayfs$/,
    share: true,
    support: ok('symlink')
  },
  nfs: { types: /^nfs4?$/, share: true },
  smb: {
    types: /^(cifs|smb3?|smbfs|fuse\.smbnetfs)$/i,
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
    support: NO_LINKS
  },
  fat: {
    types: /^(vfat|msdos|fat|fat12|fat16|fat32|fuse\.fusefat)$/i,
    support: NO_LINKS
  },
  ntfs: { types: /^(ntfs|ntfs3|fuse\.ntfs-3g)$/i, support: ok('symlink') },
  refs: { types: /^refs$/i },
  vboxsf: { types: /^vboxsf$/, share: true },
  '9p': { types: /^(9p|virtiofs)$/, share: true },
  overlay: {
    types: /^overlay$/,
    // A container's own files: unlike its volumes (bind mounts of the host's directories), which say so themselves.
    says: 'read-only lower layers under a writable upper one, as in a container',
    support: { ...ok('symlink'), replace: 'yes, atomic; EXDEV renaming a lower-layer directory' }
  },
  fuse: { types: /^(fuse|macfuse|osxfuse)/, share: true },
  local: {
    types: /^(ext[234]|xfs|btrfs|tmpfs|ramfs|zfs|f2fs|apfs|hfs)$/i,
    support: ok('symlink')
  }
} satisfies Record<string, FamilyFacts>

export type Family = keyof typeof FAMILY_TABLE | 'unknown'

const FAMILIES = Object.entries(FAMILY_TABLE) as [Exclude<Family, 'unknown'>, FamilyFacts][]

/** Asked for every link (verify, canHang...), about a handful of types: each type is matched once. */
const familyByType = new Map<string, Family>()

export function familyOf(type: string): Family {
  let family = familyByType.get(type)
  if (family === undefined) {
    family = FAMILIES.find(([, facts]) => facts.types.test(type))?.[0] ?? 'unknown'
    familyByType.set(type, family)
  }
  return family
}

export function familyFacts(family: Family): FamilyFacts | undefined {
  return family === 'unknown' ? undefined : FAMILY_TABLE[family]
}

/** The families whose support is known, in table order, for docs/filesystems.md. */
export function supportMatrix(): [Family, string, Support][] {
  return FAMILIES.flatMap(([family, facts]) =>
    facts.support ? [[family, facts.types.source, facts.support] as [Family, string, Support]] : []
  )
}
