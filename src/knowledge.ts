// What an errno means for a link, on which filesystem, and what to do about it. Rows of data, first match wins:
// adding a filesystem or an errno is adding rows.
import { NOT_IMPLEMENTED } from './errors.js'
import { familyFacts, familyOf, type Family } from './families.js'
import { INPUT } from './inputs.js'
import type { Failure, FilesystemInfo, Kind } from './model.js'
import { volumeOf, type Platform } from './platform.js'

/** Everything known about one failed call, for the rows to match on. */
export interface FailureContext {
  failure: Failure
  kind: Kind
  path: string
  target: string
  filesystem: FilesystemInfo
  platform: Platform
  targetExists: boolean
  targetIsDir: boolean
  /** A directory on the way to PATH was missing when planned (the plan's own ENOENT, with create-parents: false). */
  parentsMissing?: boolean
  /** What was already at PATH, for EEXIST. */
  existing?: 'dir' | 'link' | 'file'
  /** After EPERM from symlink() on Windows: whether a plain file could be made in PATH's directory (unset: not tried). */
  canCreateFile?: boolean
  /** After a failed link(): TARGET's link count, when it could be read. */
  targetLinks?: number
  /**
   * Whether fs.protected_hardlinks can be what refused a hard link: /proc/sys/fs/protected_hardlinks is 1, the
   * effective user is not root and does not own TARGET. Undefined where not looked at (then it may be).
   */
  hardlinkProtected?: boolean
}

export interface Row {
  codes: string[]
  /** The call that failed; any when absent. */
  syscalls?: string[]
  families?: Family[]
  platforms?: string[]
  /** A further condition, and how the troubleshooting table says it. */
  when?: { says: string; test: (ctx: FailureContext) => boolean }
  /** The errno says this kind of link cannot be made here, so another kind (`fallback`) may work. */
  capability?: boolean
  meaning: string
  hint: Hint | Hint[]
}

/**
 * Hints are alternatives, each a sentence; a follow-up one starts with "Or". An alternative that suggests a kind of
 * link says so as data (`advise`), so that where a probe saw that kind fail, the alternative is left out of the
 * result's hint.
 */
type Hint = string | Advice

/** One alternative of a hint: its words, and the kinds of link it suggests. */
export interface Advice {
  text: string
  kinds: Kind[]
}

/** A value a hint suggests for `type` or `fallback`, written `input: kind` in the hint's words. */
interface Suggestion {
  input: typeof INPUT.type | typeof INPUT.fallback
  kind: Kind
}
const type = (kind: Kind): Suggestion => ({ input: INPUT.type, kind })
const fallback = (kind: Kind): Suggestion => ({ input: INPUT.fallback, kind })

/** advise`Use ${type('symlink')}.` is the alternative "Use `type: symlink`." that suggests symbolic links. */
function advise(words: TemplateStringsArray, ...suggested: Suggestion[]): Advice {
  const text = suggested.reduce((said, { input, kind }, i) => `${said}\`${input}: ${kind}\`${words[i + 1]}`, words[0])
  return { text, kinds: suggested.map(({ kind }) => kind) }
}

const SYMLINK = advise`Make a symbolic link (${type('symlink')} or ${fallback('symlink')}).`
const COPY = advise`Or make a copy (${fallback('copy')}).`
const TOO_MANY_LINKS = [advise`Add ${fallback('symlink')}.`, COPY, 'Or link to a copy of TARGET.']
const NO_SYMLINK_PRIVILEGE = [
  'Turn on Developer Mode (Settings > System > For developers) or run the runner elevated.',
  advise`For a directory, ${type('junction')} or ${fallback('junction')} needs no privilege.`,
  advise`For a file, ${fallback('hardlink')}.`,
  COPY
]

const LINK_LOOP = 'Resolving the path met too many symbolic links: a loop of links among its parents.'

const LINK_CALLS = ['link', 'symlink']
/** Node reports a junction's failure as symlink()'s: the kind tried tells them apart. */
const A_JUNCTION = { says: 'a junction', test: (ctx: FailureContext) => ctx.kind === 'junction' }
const TARGET_IS_DIR = { says: 'TARGET is a directory', test: (ctx: FailureContext) => ctx.targetIsDir }
/**
 * libuv maps ERROR_ACCESS_DENIED and ERROR_PRIVILEGE_NOT_HELD alike to EPERM (src/win/error.c,
 * uv_translate_sys_error): whether a plain file can be made in PATH's directory tells them apart.
 */
const ACCESS_DENIED = {
  says: 'a junction, or not even a plain file can be made there',
  test: (ctx: FailureContext) => ctx.kind === 'junction' || ctx.canCreateFile === false
}
const NO_PRIVILEGE = {
  says: 'a plain file can be made there',
  test: (ctx: FailureContext) => ctx.canCreateFile === true
}
/** libuv says 1 link where it cannot open the file (src/win/fs.c, fs__stat_directory): no evidence either way. */
const LINKS_READ = { says: 'its link count was read', test: (ctx: FailureContext) => (ctx.targetLinks ?? 0) > 1 }
/** A FUSE daemon without link(): kernels >= 6.15 turn its ENOSYS into EPERM, which is not protected_hardlinks. */
const THROUGH_FUSE = {
  says: 'through FUSE',
  test: (ctx: FailureContext) => /^fuse/.test(ctx.filesystem.driver ?? ctx.filesystem.type)
}
/** rclone's option, as its command line gives it (`--links`, `-l`). */
const rcloneLinks = (ctx: FailureContext): boolean => ctx.filesystem.options.some((o) => /^links(=|$)/.test(o))

const ROWS: Row[] = [
  // Hard links refused by the filesystem itself.
  {
    codes: [...NOT_IMPLEMENTED, 'EPERM'],
    syscalls: ['link'],
    families: ['sshfs'],
    when: { says: 'mounted with disable_hardlink', test: (ctx) => ctx.filesystem.options.includes('disable_hardlink') },
    capability: true,
    meaning:
      'This sshfs mount was mounted with -o disable_hardlink, so it makes no hard links (kernels before 6.15 ' +
      'report this as ENOSYS, "Function not implemented").',
    hint: advise`Make a symbolic link instead (${type('symlink')}), or keep the hard link and add ${fallback('symlink')}.`
  },
  {
    codes: [...NOT_IMPLEMENTED, 'EPERM'],
    syscalls: ['link'],
    families: ['sshfs'],
    capability: true,
    meaning:
      'This sshfs mount does not allow hard links (it was mounted with -o disable_hardlink, or the SFTP server ' +
      'lacks the hardlink extension); kernels before 6.15 report this as ENOSYS, "Function not implemented".',
    hint: advise`Make a symbolic link instead (${type('symlink')}), or keep the hard link and add ${fallback('symlink')}.`
  },
  {
    codes: ['ENOTSUP', 'EOPNOTSUPP'],
    syscalls: ['link'],
    families: ['fat', 'exfat', 'smb'],
    platforms: ['darwin'],
    capability: true,
    meaning:
      "macOS's msdos, exfat and smbfs filesystems make no hard links (ENOTSUP, errno 45 there); symbolic links do " +
      'work on msdos (the driver emulates them) and on SMB shares.',
    hint: [SYMLINK, COPY]
  },
  {
    codes: ['EISDIR'],
    syscalls: LINK_CALLS,
    platforms: ['win32'],
    capability: true,
    meaning:
      'Windows answered ERROR_INVALID_FUNCTION, which Node reports as EISDIR ("illegal operation on a directory"): ' +
      'this volume has no links of any kind, as FAT32 and exFAT volumes have none. Nothing is wrong with a directory.',
    hint: advise`Copy instead: add ${fallback('copy')}, or put PATH on an NTFS volume.`
  },
  {
    codes: ['EIO'],
    syscalls: LINK_CALLS,
    families: ['rclone'],
    when: { says: 'mounted with --links', test: rcloneLinks },
    capability: true,
    meaning:
      'rclone mounts make neither symbolic nor hard links and answer EIO (the share itself is fine). `--links` ' +
      'only shows symlinks made on the remote as files named NAME.rclonelink holding the link text.',
    hint: advise`Copy instead: add ${fallback('copy')} (copies work on rclone mounts), or make the link on the remote itself.`
  },
  {
    codes: ['EIO'],
    syscalls: LINK_CALLS,
    families: ['rclone'],
    capability: true,
    meaning: 'rclone mounts make neither symbolic nor hard links and answer EIO (the share itself is fine).',
    hint: advise`Copy instead: add ${fallback('copy')} (copies work on rclone mounts), or make the link on the remote itself.`
  },
  {
    codes: [...NOT_IMPLEMENTED, 'EPERM'],
    syscalls: LINK_CALLS,
    families: ['webdav'],
    capability: true,
    meaning:
      'WebDAV stores only files and directories: davfs2 makes neither symbolic links (ENOSYS) nor hard links ' +
      '(EPERM on kernels >= 6.15, ENOSYS before).',
    hint: advise`Copy instead: add ${fallback('copy')} (copies work on WebDAV shares).`
  },
  {
    codes: [...NOT_IMPLEMENTED, 'EPERM'],
    syscalls: LINK_CALLS,
    families: ['smb'],
    when: { says: 'through smbnetfs', test: (ctx) => ctx.filesystem.type === 'fuse.smbnetfs' },
    capability: true,
    meaning:
      'This SMB share is mounted with smbnetfs, whose libsmbclient has no link calls at all: it makes neither ' +
      "symbolic nor hard links, whatever the server's `unix extensions` setting.",
    hint: advise`Copy instead: add ${fallback('copy')}; or mount the share with the kernel client (\`mount -t cifs -o mfsymlinks\`), which stores symbolic links.`
  },
  {
    codes: NOT_IMPLEMENTED,
    syscalls: ['link'],
    families: ['s3'],
    capability: true,
    meaning:
      'S3 has no hard links: every object has one key. s3fs stores a symbolic link as an object holding its text.',
    hint: [SYMLINK, COPY]
  },
  {
    codes: [...NOT_IMPLEMENTED, 'EPERM', 'EISDIR'],
    syscalls: LINK_CALLS,
    families: ['exfat', 'fat'],
    capability: true,
    meaning: 'exFAT and FAT filesystems have neither symbolic nor hard links.',
    hint: advise`Copy instead: add ${fallback('copy')} (or put the link on another filesystem).`
  },
  {
    codes: ['EPERM'],
    syscalls: ['link'],
    platforms: ['darwin'],
    when: TARGET_IS_DIR,
    capability: true,
    meaning: 'TARGET is a directory: APFS has no hard links to directories (only HFS+ had them, for Time Machine).',
    hint: advise`Use ${type('symlink')}, or add ${fallback('symlink')}.`
  },
  {
    codes: ['EPERM'],
    syscalls: ['link'],
    when: TARGET_IS_DIR,
    capability: true,
    meaning: 'TARGET is a directory, and hard links to directories are not allowed.',
    hint: advise`Use ${type('symlink')} (or ${type('junction')} on Windows), or add ${fallback('symlink')}.`
  },
  {
    codes: ['EPERM'],
    syscalls: ['symlink'],
    platforms: ['win32'],
    when: ACCESS_DENIED,
    meaning:
      'Windows denied access (ERROR_ACCESS_DENIED, which Node reports as EPERM): a junction needs no privilege, and ' +
      'where not even a plain file can be made the privilege is not the cause: this account may not write in the ' +
      'directory of PATH. No other kind of link can be made there either.',
    hint: 'Choose a PATH in a directory this account may write (`icacls DIR` shows who may), or fix its permissions first.'
  },
  {
    codes: ['EPERM'],
    syscalls: ['symlink'],
    platforms: ['win32'],
    when: NO_PRIVILEGE,
    capability: true,
    meaning:
      'This Windows account may not create symbolic links (ERROR_PRIVILEGE_NOT_HELD; a plain file can be made ' +
      'there, so it is not access to the directory): it is not elevated and Developer Mode is off. ' +
      "GitHub's hosted Windows runners have the privilege; self-hosted runners often lack it.",
    hint: [...NO_SYMLINK_PRIVILEGE]
  },
  {
    codes: ['EPERM'],
    syscalls: ['symlink'],
    platforms: ['win32'],
    capability: true,
    meaning:
      'Windows refused the symbolic link with ERROR_PRIVILEGE_NOT_HELD (not elevated and Developer Mode is off, ' +
      'as on many self-hosted runners) or ERROR_ACCESS_DENIED (no write access to the directory of PATH): Node ' +
      'reports both as EPERM.',
    hint: [...NO_SYMLINK_PRIVILEGE, 'If this account may not write in that directory (`icacls DIR`), fix that instead.']
  },
  {
    codes: ['EPERM'],
    syscalls: ['link'],
    platforms: ['win32'],
    capability: true,
    meaning:
      'Windows denied the hard link (ERROR_ACCESS_DENIED, which Node reports as EPERM): this account may not write ' +
      "TARGET's attributes (a hard link changes its link count) or in the directory of PATH, or TARGET is in use.",
    hint: [advise`Make a symbolic link (${fallback('symlink')}).`, COPY, 'Or give this account write access to TARGET.']
  },
  {
    codes: ['EPERM'],
    syscalls: ['link'],
    platforms: ['linux'],
    when: THROUGH_FUSE,
    capability: true,
    meaning:
      'This FUSE filesystem makes no hard links (its daemon has no link call; kernels >= 6.15 report that as EPERM, ' +
      'older ones as ENOSYS).',
    hint: [SYMLINK, COPY]
  },
  {
    codes: ['EPERM'],
    syscalls: ['link'],
    platforms: ['linux'],
    when: {
      says: 'fs.protected_hardlinks applies (not root, not the owner of TARGET)',
      test: (ctx) => ctx.hardlinkProtected !== false
    },
    capability: true,
    meaning:
      'The kernel refused the hard link: with fs.protected_hardlinks=1 only the owner of TARGET (or someone who may ' +
      'read and write it) may link to it; some filesystems refuse hard links altogether.',
    hint: [SYMLINK, 'Or run as the owner of TARGET.']
  },
  {
    codes: ['EPERM'],
    syscalls: ['link'],
    capability: true,
    // Linux's vfs_link() (fs/namei.c) refuses IS_APPEND and IS_IMMUTABLE inodes with EPERM before asking the
    // filesystem, for root too.
    meaning:
      'The filesystem refused the hard link: TARGET may be immutable or append-only (`lsattr TARGET` shows `i` or ' +
      '`a`), which no one may link to, not even root; or the filesystem makes no hard links.',
    hint: [SYMLINK, COPY]
  },
  {
    codes: ['ENOTSUP'],
    syscalls: ['link'],
    families: ['refs'],
    platforms: ['win32'],
    capability: true,
    meaning: 'This ReFS volume refused the hard link (ERROR_NOT_SUPPORTED): older ReFS versions have no hard links.',
    hint: [SYMLINK, COPY]
  },
  {
    codes: NOT_IMPLEMENTED,
    syscalls: ['link'],
    capability: true,
    meaning: 'This filesystem does not implement hard links.',
    hint: [SYMLINK, COPY]
  },
  {
    codes: NOT_IMPLEMENTED,
    syscalls: ['symlink'],
    capability: true,
    meaning: 'This filesystem does not implement symbolic links.',
    hint: [advise`Make a hard link (${fallback('hardlink')}, files only).`, COPY]
  },
  {
    codes: ['EINVAL'],
    syscalls: ['symlink'],
    platforms: ['win32'],
    capability: true,
    meaning:
      'Windows says this volume or share does not support symbolic links (ERROR_SYMLINK_NOT_SUPPORTED, which Node ' +
      'reports as EINVAL).',
    hint: [
      advise`For a directory on a local NTFS volume, ${type('junction')}.`,
      advise`For a file, ${fallback('hardlink')}.`,
      COPY
    ]
  },
  {
    codes: ['EXDEV'],
    syscalls: ['link'],
    platforms: ['win32'],
    capability: true,
    meaning:
      'PATH is on PATH_VOLUME and TARGET on TARGET_VOLUME: a hard link cannot cross volumes (on GitHub-hosted ' +
      'Windows runners the workspace is usually on D:, the tool cache and the user profile on C:).',
    hint: [SYMLINK, COPY, "Or keep TARGET on PATH's drive."]
  },
  {
    codes: ['EXDEV'],
    syscalls: ['link'],
    capability: true,
    meaning: 'PATH and TARGET are on different filesystems, and a hard link cannot cross filesystems.',
    hint: [SYMLINK, COPY]
  },
  {
    codes: ['ERANGE'],
    syscalls: ['link'],
    families: ['ntfs'],
    capability: true,
    meaning: 'TARGET already has as many hard links as ntfs-3g allows (about 8,190; Windows itself stops at 1,023).',
    hint: TOO_MANY_LINKS
  },
  {
    codes: ['UNKNOWN'],
    syscalls: ['link'],
    platforms: ['win32'],
    when: LINKS_READ,
    capability: true,
    meaning:
      'Windows refused the hard link with an error libuv has no name for (UNKNOWN is its answer to every Win32 error ' +
      'it does not map). From link() that is most likely ERROR_TOO_MANY_LINKS, NTFS allowing 1,023 hard links to ' +
      'one file: TARGET has TARGET_LINKS.',
    hint: TOO_MANY_LINKS
  },
  {
    codes: ['UNKNOWN'],
    syscalls: ['link'],
    platforms: ['win32'],
    capability: true,
    meaning:
      'Windows refused the hard link with an error libuv has no name for (UNKNOWN is its answer to every Win32 error ' +
      'it does not map). From link() that is most likely ERROR_TOO_MANY_LINKS, NTFS allowing 1,023 hard links to ' +
      "one file; TARGET's link count could not be read to confirm it.",
    hint: TOO_MANY_LINKS
  },
  {
    codes: ['EMLINK'],
    syscalls: ['link'],
    platforms: ['darwin'],
    capability: true,
    meaning: 'TARGET already has 32,767 hard links, the most macOS allows for one file.',
    hint: TOO_MANY_LINKS
  },
  {
    codes: ['EMLINK'],
    syscalls: ['link'],
    capability: true,
    meaning:
      'TARGET already has as many hard links as the filesystem allows (ext4 65,000; NTFS 1,023; macOS 32,767; ' +
      'btrfs 65,535 in one directory).',
    hint: TOO_MANY_LINKS
  },
  // Something is in the way.
  {
    codes: ['EEXIST'],
    syscalls: ['mkdir'],
    meaning: 'A parent of PATH exists but is not a directory (a file, or a link to nothing).',
    hint: 'Choose a PATH whose parents are directories, or remove what is in the way.'
  },
  {
    codes: ['EEXIST'],
    when: { says: 'a directory is at PATH', test: (ctx) => ctx.existing === 'dir' },
    meaning: 'A directory is at PATH; ln-action never removes a directory, whatever `overwrite` says.',
    hint: 'Choose another PATH, or remove the directory in an earlier step.'
  },
  {
    codes: ['EEXIST'],
    when: { says: 'a file is at PATH', test: (ctx) => ctx.existing === 'file' },
    meaning: 'A regular file is at PATH, and `overwrite` does not allow replacing files.',
    hint: 'Set `overwrite: files` to replace it (with `backup-suffix: .orig` to keep the old file).'
  },
  {
    codes: ['EEXIST'],
    meaning: 'Another link is already at PATH, and `overwrite: never` keeps it.',
    hint: 'Set `overwrite: links` to replace it (with `backup-suffix` to keep the old one).'
  },
  // Before the ENOENT rows: through follow_symlinks, ENOENT from symlink() is not a missing parent, unless one was.
  {
    codes: ['EIO', 'ENOENT'],
    syscalls: ['symlink'],
    families: ['sshfs'],
    when: {
      says: 'mounted with follow_symlinks',
      test: (ctx) =>
        ctx.failure.code === 'EIO' || (ctx.filesystem.options.includes('follow_symlinks') && !ctx.parentsMissing)
    },
    meaning:
      'This sshfs mount follows symlinks (-o follow_symlinks): after the server makes the link, sshfs looks at ' +
      'what it points to and reports EIO (ENOENT for a TARGET the server cannot see), so the link may well exist.',
    hint:
      'Mount without -o follow_symlinks to see links as links through the mount; the link is on the server ' +
      '(check there with `ls -l`).'
  },
  {
    codes: ['ENOENT'],
    syscalls: ['link', 'stat', 'copyfile', 'cp'],
    when: { says: 'TARGET is missing', test: (ctx) => !ctx.targetExists },
    meaning: 'TARGET does not exist.',
    hint: 'Check the TARGET path (relative TARGETs resolve against `working-directory`), or create it first.'
  },
  {
    codes: ['ENOENT'],
    meaning: 'A parent directory of PATH does not exist.',
    hint: 'Set `create-parents: true`, or create the directory first.'
  },
  {
    codes: ['ENOTDIR'],
    syscalls: ['symlink'],
    platforms: ['win32'],
    when: A_JUNCTION,
    meaning:
      'A junction leads only to a directory, and TARGET is a file (or does not exist, and `target-type` is not `dir`).',
    hint: advise`Use ${type('symlink')} for a file (Windows makes it a file link), or set \`target-type: dir\` for a directory that is made later.`
  },
  {
    codes: ['ENOTDIR'],
    meaning: 'A parent of PATH is a file, not a directory.',
    hint: 'Choose a PATH whose parents are directories, or remove the file in the way.'
  },
  {
    codes: ['EACCES'],
    meaning: 'No permission to write in the directory of PATH (or to search one of its parents).',
    hint: 'Choose a PATH in a directory this user may write, or fix its permissions in an earlier step.'
  },
  {
    codes: ['EROFS'],
    platforms: ['win32'],
    meaning: 'The volume is write-protected (ERROR_WRITE_PROTECT).',
    hint: 'Clear the write protection (`diskpart`: `attributes disk clear readonly`), or choose a PATH on a writable volume.'
  },
  {
    codes: ['EROFS'],
    platforms: ['darwin'],
    meaning: 'The volume is mounted read-only (the system volume of macOS always is).',
    hint:
      'Remount it read-write (`sudo mount -uw MOUNTPOINT`), or choose a PATH on a writable volume (the workspace, ' +
      '/Users, /tmp).'
  },
  {
    codes: ['EROFS'],
    meaning: 'The filesystem is mounted read-only.',
    hint: 'Remount it read-write (`mount -o remount,rw MOUNTPOINT`), or choose a PATH on a writable filesystem.'
  },
  {
    codes: ['ENOSPC'],
    meaning: 'The filesystem is full: no free space, or no free inodes (every link and directory takes one).',
    hint: 'Free space or inodes on that filesystem (`df -h`, `df -i`), or choose another filesystem.'
  },
  {
    codes: ['EDQUOT'],
    meaning: "The user's disk quota (blocks or inodes) on that filesystem is used up.",
    hint: 'Free space within the quota, or ask for a larger one.'
  },
  {
    codes: ['ENAMETOOLONG'],
    when: { says: 'TARGET is too long', test: (ctx) => ctx.failure.path === ctx.target },
    meaning: 'TARGET or a name in it is too long for the filesystem (usually 255 bytes a name, 4096 a path).',
    hint: 'Point at a shorter path, for example through a shorter symlinked directory.'
  },
  {
    codes: ['ENAMETOOLONG'],
    meaning: 'PATH or a name in it is too long for the filesystem (usually 255 bytes a name, 4096 a path).',
    hint: 'Use shorter names, or a relative link text (`relative: true`).'
  },
  // namei is Linux's (util-linux): macOS and Windows have none, so each gets a command of its own.
  {
    codes: ['ELOOP'],
    platforms: ['win32'],
    // libuv's uv_translate_sys_error (src/win/error.c): ERROR_CANT_RESOLVE_FILENAME is UV_ELOOP.
    meaning: 'Windows could not resolve the path (ERROR_CANT_RESOLVE_FILENAME): a loop of links among its parents.',
    hint: 'Find and break the loop: `dir /AL` in each parent directory of PATH lists its links and where they lead.'
  },
  {
    codes: ['ELOOP'],
    platforms: ['darwin'],
    meaning: LINK_LOOP,
    hint: 'Find and break the loop: `ls -l` each parent directory of PATH, from the top, and follow the arrows.'
  },
  {
    codes: ['ELOOP'],
    meaning: LINK_LOOP,
    hint: 'Find and break the loop (`namei -l PATH`).'
  },
  // Shares that misbehave.
  {
    codes: ['EPERM'],
    syscalls: ['readlink', 'stat'],
    families: ['sshfs'],
    meaning:
      "The symbolic link at PATH cannot be read back through this sshfs mount: Debian's sshfs hides every link " +
      'whose text is absolute or contains `..` (readlink gives EPERM), although the link exists on the server.',
    hint:
      'Links whose text has no `..` read back (a link beside or above its TARGET); otherwise check them on the ' +
      'server, or use `overwrite: links` to replace them.'
  },
  {
    codes: ['EIO'],
    meaning: 'Input/output error: the device or the network share failed.',
    hint: 'Check the device or the share (dmesg, the FUSE daemon), then run again.'
  },
  {
    codes: ['ENOTCONN', 'ECONNABORTED'],
    syscalls: ['symlink', 'link', 'rename', 'copyfile'],
    meaning:
      'The share disconnected while this call was under way (its FUSE daemon died or the connection was aborted): ' +
      'the server may have made the link all the same.',
    hint: 'Remount the share (`fusermount -u MOUNTPOINT`, then mount it again) and run again: links already there are kept.'
  },
  {
    codes: ['ECONNABORTED'],
    meaning: 'The FUSE connection of this share was aborted while the call waited (its daemon hung or was stopped).',
    hint: 'Remount the share (`fusermount -u MOUNTPOINT`, then mount it again) before this step.'
  },
  {
    codes: ['ENOTCONN'],
    meaning: 'The share is disconnected: the process serving the mount (sshfs, the FUSE daemon) is gone.',
    hint: 'Remount the share (`fusermount -u MOUNTPOINT`, then mount it again) before this step.'
  },
  {
    codes: ['ESTALE'],
    meaning: 'Stale file handle: the directory changed on the NFS server behind the client.',
    hint: 'Remount the share or `cd` out and back in, then run again.'
  },
  {
    codes: ['EBUSY'],
    platforms: ['win32'],
    meaning:
      'Windows reports a sharing violation (ERROR_SHARING_VIOLATION or a lock, which Node reports as EBUSY): another ' +
      'process (an editor, a running build, an antivirus scan, the search indexer) holds PATH or TARGET open.',
    hint: 'Stop what holds the file (Sysinternals `handle PATH` names it), e.g. a process an earlier step left running, then run again.'
  },
  {
    codes: ['ETIMEDOUT'],
    platforms: ['win32'],
    meaning: "The network share did not answer in time (Windows' ERROR_SEM_TIMEOUT, or `timeout` ran out).",
    hint:
      'Check the server and the connection of this share (`net use` lists mapped drives), then run again; raise ' +
      '`timeout` if the share is just slow.'
  },
  {
    codes: ['ETIMEDOUT'],
    meaning: 'The share stopped answering within `timeout`.',
    hint: 'Check the server and the network; raise `timeout` if the share is just slow.'
  },
  {
    codes: ['EPROTO'],
    syscalls: ['symlink'],
    families: ['vboxsf'],
    capability: true,
    meaning: 'VirtualBox shared folders refuse symbolic links unless the host allows them.',
    hint: advise`On the host: \`VBoxManage setextradata VM VBoxInternal2/SharedFoldersEnableSymlinksCreate/SHARE 1\`; or add ${fallback('copy')}.`
  },
  {
    codes: ['EPERM', 'EACCES', ...NOT_IMPLEMENTED],
    syscalls: ['symlink'],
    families: ['9p'],
    capability: true,
    meaning:
      "This 9p/virtiofs share refused the symbolic link: with QEMU's security_model=none the host-side user " +
      'may not create it, and some shares do not pass links through at all.',
    hint: advise`Export the share with security_model=mapped-xattr (or passthrough as root), or add ${fallback('copy')}.`
  },
  {
    codes: ['EINVAL'],
    syscalls: ['scandir', 'opendir', 'readdir'],
    families: ['webdav'],
    meaning: 'davfs2 cannot list directories here (readdir gives EINVAL; seen with davfs2 1.6.1 on kernel 6.18).',
    hint: 'Nothing to change for the links themselves; to list the share, use the WebDAV server directly.'
  },
  {
    codes: ['EXDEV'],
    syscalls: ['rename'],
    families: ['overlay'],
    meaning: 'overlayfs cannot rename a directory that lives in a lower layer (redirect_dir is off).',
    hint: 'Replace the directory copy in an earlier step, or avoid `fallback: copy` for directories on overlayfs.'
  },
  {
    codes: ['EINVAL', ...NOT_IMPLEMENTED],
    syscalls: ['symlink'],
    families: ['smb'],
    capability: true,
    meaning: 'This SMB/CIFS mount has no symbolic links: it lacks the `mfsymlinks` option and Unix extensions.',
    hint: ['Mount with `-o mfsymlinks`.', advise`Or add ${fallback('hardlink')} (files only).`, COPY]
  }
]

/** A row added at run time, matched before the others (the scratch-family test). Returns how to take it out. */
export function addRow(row: Row): () => void {
  ROWS.unshift(row)
  return () => void ROWS.splice(ROWS.indexOf(row), 1)
}

function matches(row: Row, ctx: FailureContext): boolean {
  const code = ctx.failure.code
  return (
    row.codes.includes(code) &&
    (!row.syscalls || row.syscalls.includes(ctx.failure.syscall)) &&
    (!row.families || row.families.includes(familyOf(ctx.filesystem.type))) &&
    (!row.platforms || row.platforms.includes(ctx.platform.name)) &&
    (!row.when || row.when.test(ctx))
  )
}

function rowFor(ctx: FailureContext): Row | undefined {
  return ROWS.find((row) => matches(row, ctx))
}

/** The rows as the README's troubleshooting table shows them, in the order they are matched. */
export function troubleshootingRows(): string[][] {
  return ROWS.map((row) => [
    row.codes.join(', '),
    row.syscalls ? row.syscalls.map((c) => `${c}()`).join(', ') : 'any',
    [row.families?.join(', '), row.platforms?.join(', '), row.when?.says].filter(Boolean).join('; ') || 'any',
    row.capability ? 'yes' : 'no',
    row.meaning,
    [row.hint].flat().map(wordsOf).join(' ')
  ])
}

/** Another kind of link may work where this failure happened: `fallback` may try the next kind. */
export function isCapabilityFailure(ctx: FailureContext): boolean {
  return explain(ctx).capability
}

function describeFilesystem(fs: FilesystemInfo): string {
  if (fs.type === 'unknown') return `a filesystem of unknown type${fs.mountPoint ? ` mounted at ${fs.mountPoint}` : ''}`
  const where = fs.mountPoint ? ` mounted at ${fs.mountPoint}` : ''
  const source = fs.source && fs.source !== fs.type ? ` from ${fs.source}` : ''
  const bound = fs.root ? `a bind mount of its directory ${fs.root}` : ''
  const what = [familyFacts(familyOf(fs.type))?.says, bound].filter(Boolean).join(', ')
  return `${fs.type}${where}${source}${what ? ` (${what})` : ''}`
}

/** A failure explained: what the link's result says, and whether another kind of link may work there. */
export interface Explanation {
  message: string
  hint: string
  /** The hint's alternatives, for leaving out those a probe disproved (hintAfterProbe). */
  advice: Advice[]
  capability: boolean
}

/** What was tried, the errno and its meaning, the filesystem, the fix: the table is matched once per failure. */
export function explain(ctx: FailureContext): Explanation {
  const { failure } = ctx
  const row = rowFor(ctx)
  const number = failure.errno === undefined ? '' : ` (errno ${failure.errno})`
  const message =
    `Could not ${failure.attempted} ${ctx.path} -> ${ctx.target}: ${failure.code}${number} from ` +
    `${failure.syscall}() on ${describeFilesystem(ctx.filesystem)}. ${fillIn(row?.meaning ?? '', ctx)}`.trimEnd()
  const advice = [row?.hint ?? []].flat().map((hint) => ({ text: fillIn(wordsOf(hint), ctx), kinds: kindsOf(hint) }))
  return { message, hint: advice.map(({ text }) => text).join(' '), advice, capability: row?.capability === true }
}

const wordsOf = (hint: Hint): string => (typeof hint === 'string' ? hint : hint.text)
const kindsOf = (hint: Hint): Kind[] => (typeof hint === 'string' ? [] : hint.kinds)

/** The advice without the alternatives that suggest a kind of link the probe saw fail: evidence beats a row's advice. */
export function hintAfterProbe(advice: Advice[], failing: Kind[]): string {
  const kept = advice.filter(({ kinds }) => !kinds.some((kind) => failing.includes(kind)))
  return kept
    .map(({ text }, i) => (i === 0 ? text.replace(/^Or (\w)/, (_, c: string) => c.toUpperCase()) : text))
    .join(' ')
}

/** A row's words for this failure's own facts: the mount point, the volumes of PATH and TARGET, TARGET's links. */
function fillIn(text: string, ctx: FailureContext): string {
  return text
    .replaceAll('MOUNTPOINT', ctx.filesystem.mountPoint || 'MOUNTPOINT')
    .replaceAll('PATH_VOLUME', volumeOf(ctx.platform, ctx.path))
    .replaceAll('TARGET_VOLUME', volumeOf(ctx.platform, ctx.target))
    .replaceAll('TARGET_LINKS', ctx.targetLinks?.toLocaleString('en-US') ?? '')
}
