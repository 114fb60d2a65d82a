import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
var __webpack_exports__ = {};

;// CONCATENATED MODULE: external "node:child_process"
const external_node_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");
;// CONCATENATED MODULE: ./src/roles.ts
// The one variable index.ts dispatches on: which part of the action a process or thread is. Unset: the action as
// the runner started it.

const ROLE = 'LN_ACTION_ROLE';
function roleOf(env) {
    const role = env[ROLE];
    return role === 'share-worker' || role === 'lane' || role === 'post-worker' ? role : undefined;
}
/** The environment of a process or thread that is to play `role`. */
function envFor(role) {
    return { ...process.env, [ROLE]: role };
}
/**
 * A child process of this bundle playing `role`, talked to over IPC only: its own stdio, so the runner never waits
 * for a child that a hung share keeps from exiting.
 */
function startChild(role, entry) {
    return spawn(process.execPath, [entry], { env: envFor(role), stdio: ['ignore', 'ignore', 'ignore', 'ipc'] });
}
/** Done with a child: killed, and nothing of it keeps this process alive even if it cannot die yet. */
function letGo(child) {
    child.kill('SIGKILL');
    if (child.connected)
        child.disconnect();
    child.unref();
}
/** How a child ended, as a result's message says it. */
function endedEarly(code, signal) {
    return `ended early (${signal ?? `exit code ${code}`})`;
}

;// CONCATENATED MODULE: external "node:worker_threads"
const external_node_worker_threads_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");
;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
;// CONCATENATED MODULE: ./src/errors.ts

/** The message of anything thrown, Error or not. */
function errorMessage(error) {
    const message = error?.message;
    return typeof message === 'string' ? message : String(error);
}
const errnoNames = new Map(Object.entries(external_node_os_namespaceObject.constants.errno).map(([name, n]) => [n, name]));
/**
 * The errno name of a Node system error. libuv has no name for some errnos (ESTALE, EDQUOT on Linux) and Node
 * then says `UNKNOWN`; the number still tells.
 */
function errnoName(error) {
    const code = error.code ?? '';
    if (/^E[A-Z0-9]+$/.test(code))
        return code;
    if (typeof error.errno === 'number') {
        const name = errnoNames.get(Math.abs(error.errno));
        if (name)
            return name;
    }
    return code || 'UNKNOWN';
}
/** The positive errno number for a name, as the OS knows it (null where this OS has no such errno). */
function errnoNumber(name) {
    return external_node_os_namespaceObject.constants.errno[name] ?? null;
}
/** A system error from fs (checked by shape: errors from another realm, as under jest, fail instanceof). */
function isErrno(error) {
    return typeof error === 'object' && error !== null && typeof error.code === 'string';
}
/** What a filesystem answers for a call it does not implement at all. */
const NOT_IMPLEMENTED = ['ENOSYS', 'ENOTSUP', 'EOPNOTSUPP'];
/** The errno code of anything thrown: `EEXIST`..., or '' for what is not a system error. */
function errors_errnoCode(error) {
    return isErrno(error) ? error.code : '';
}
/** A system error as a result reports it: errno name and the positive number this OS gives it. */
function toFailure(error, syscall, attempted) {
    const code = errnoName(error);
    const errno = errnoNumber(code) ?? (typeof error.errno === 'number' ? Math.abs(error.errno) : undefined);
    return { code, errno, syscall, attempted, path: error.path };
}
/** What a call answers, or undefined where it throws: for a fact that may be missing (a loop of links, a link gone). */
function errors_quietly(call) {
    try {
        return call();
    }
    catch {
        return undefined;
    }
}

;// CONCATENATED MODULE: ./src/families.ts
const ok = (fallback, rerun = 'yes') => ({
    symlink: 'yes',
    hardlink: 'yes',
    replace: 'yes, atomic',
    rerun,
    fallback
});
/** exFAT and FAT through FUSE (the lab's): no link of any kind, so a copy is what can be made. */
const NO_LINKS = {
    symlink: 'no (ENOSYS)',
    hardlink: 'no (EPERM)',
    replace: 'copies only',
    rerun: 'copies',
    fallback: 'copy'
};
/** Both calls make links, as the lab measured on Linux. */
const LINKS = { on: 'linux' };
/** Neither call makes a link: symlink() has no handler (ENOSYS), link() is refused (EPERM on kernels >= 6.15). */
const NO_LINK_CALLS = { on: 'linux', symlink: 'ENOSYS', link: 'EPERM' };
/**
 * FUSE's mount types: Linux's `fuse`, `fuseblk` and `fuse.DAEMON` (fs/fuse/inode.c), macFUSE's `macfuse` (`osxfuse`
 * before 4.0). Not `fusectl`, mounted on most Linux machines: the kernel's own files about FUSE connections
 * (Documentation/filesystems/fuse.rst, "Control filesystem"), which no daemon serves.
 */
const FUSE_TYPES = /^(fuse|fuseblk|fuse\..+|macfuse|osxfuse)$/;
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
        readsBackStale: 'The bucket holds the new link, but s3fs serves link texts from its stat cache: programs reading through this ' +
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
};
const FAMILIES = Object.entries(FAMILY_TABLE);
/** Asked for every link (verify, canHang...), about a handful of types: each type is matched once. */
const familyByType = new Map();
/** Asked for every link too: answered once per filesystem seen. */
let quirksByFs = new WeakMap();
/** Answers given before the families changed no longer hold. */
function forget() {
    familyByType.clear();
    quirksByFs = new WeakMap();
}
/**
 * A family added at run time, matched before the table's rows (the scratch-family test shows that a row is all the
 * engine needs). Returns the name to use in knowledge rows, and how to take the family out again.
 */
function addFamily(name, facts) {
    const row = [name, facts];
    FAMILIES.unshift(row);
    forget();
    return {
        family: row[0],
        remove: () => {
            FAMILIES.splice(FAMILIES.indexOf(row), 1);
            forget();
        }
    };
}
function familyOf(type) {
    let family = familyByType.get(type);
    if (family === undefined) {
        family = FAMILIES.find(([, facts]) => facts.types.test(type))?.[0] ?? 'unknown';
        familyByType.set(type, family);
    }
    return family;
}
function familyFacts(family) {
    return FAMILIES.find(([name]) => name === family)?.[1];
}
/** The family's measured answers, as this mount's type, driver and options make them; none where not measured. */
function callsOn(fs, calls) {
    if (!calls || (calls.measured && !calls.measured.test(fs.type) && !calls.measured.test(fs.driver ?? '')))
        return undefined;
    const { on, symlink, link, withOption = {} } = calls;
    const changed = fs.options.filter((option) => Object.hasOwn(withOption, option)).map((o) => withOption[o]);
    return Object.assign({ on, symlink, link }, ...changed);
}
function quirksOf(fs) {
    let quirks = quirksByFs.get(fs);
    if (!quirks) {
        const facts = familyFacts(familyOf(fs.type));
        const unless = facts?.inodePerNameUnless;
        const followOption = facts?.followsSymlinksWith;
        quirks = {
            misreports: facts?.share === true,
            hidesLinkTexts: facts?.hidesLinkTexts === true,
            hidesInodes: unless !== undefined && !fs.options.includes(unless),
            followOption,
            followsSymlinks: followOption !== undefined && fs.options.includes(followOption),
            readsBackStale: facts?.readsBackStale,
            calls: callsOn(fs, facts?.calls)
        };
        quirksByFs.set(fs, quirks);
    }
    return quirks;
}
/** Shares, whose answers cannot be taken at their word: a created link is read back there. */
function misreports(fs) {
    return quirksOf(fs).misreports;
}
/** Filesystems whose calls can hang (a FUSE daemon or a server that stops answering): worked on in a child process. */
function canHang(fs) {
    return FUSE_TYPES.test(fs.driver ?? fs.type) || misreports(fs);
}
/** Errnos that say the share itself is gone: later links on the same mount are not attempted. */
const SHARE_GONE = ['ENOTCONN', 'ECONNABORTED', 'ETIMEDOUT'];
function isShareGone(code) {
    return SHARE_GONE.includes(code);
}
/** The families whose support is known, in table order, for docs/filesystems.md. */
function supportMatrix() {
    return FAMILIES.flatMap(([family, facts]) => facts.support ? [[family, facts.types.source, facts.support]] : []);
}
/**
 * Each format's case rule, matched by type in this order; a type not here follows the OS's usual rule. A rule set per
 * directory (ext4's casefold, NTFS's case-sensitive directories) is not seen: the volume's rule stands for all of it.
 */
const CASE_TABLE = [
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
];
/** The row of the case table that decides for this type, if any. */
function caseFactsOf(type) {
    return CASE_TABLE.find((f) => f.types.test(type));
}
/** The case rule of a filesystem of this type, mounted with these options, as `platform`'s driver serves it. */
function caseRuleOf(type, options, platform) {
    const facts = caseFactsOf(type);
    if (!facts)
        return 'usual';
    const byOption = facts.options?.find(([option]) => options.some((o) => option.test(o)));
    return byOption?.[1] ?? facts.on?.[platform] ?? facts.rule;
}
/**
 * Whether a mount, as the mount table shows it, may compare names otherwise than the OS usually does. A FUSE mount's
 * real format (`fuseblk`, bare `fuse`) and its daemon's options are not in the table: where they could decide, it may.
 */
function mayFoldOtherwise(type, options, platform, usual) {
    if (type === 'fuse' || type === 'fuseblk')
        return true;
    if (type.startsWith('fuse.') && caseFactsOf(type)?.options)
        return true;
    const rule = caseRuleOf(type, options, platform);
    return rule === 'probe' || (rule !== 'usual' && (rule === 'insensitive') !== usual);
}

;// CONCATENATED MODULE: ./src/inputs.ts
/** Each input's name in action.yml (the runner passes it as `INPUT_<NAME>`), by the setting it gives. */
const INPUT = {
    links: 'links',
    type: 'type',
    fallback: 'fallback',
    relative: 'relative',
    overwrite: 'overwrite',
    backupSuffix: 'backup-suffix',
    createParents: 'create-parents',
    workingDirectory: 'working-directory',
    confine: 'confine',
    allowOutside: 'allow-outside',
    dangling: 'dangling',
    dryRun: 'dry-run',
    failOnError: 'fail-on-error',
    timeout: 'timeout',
    summary: 'summary',
    state: 'state',
    cleanup: 'cleanup',
    capture: 'capture',
    captureFile: 'capture-file'
};
const DEFAULTS = Object.freeze({
    type: 'symlink',
    fallback: Object.freeze([]),
    relative: 'auto',
    overwrite: 'never',
    backupSuffix: '',
    createParents: true,
    workingDirectory: '',
    confine: true,
    allowOutside: false,
    dangling: 'warn',
    dryRun: false,
    failOnError: true,
    timeout: 30,
    summary: true,
    state: 'present',
    cleanup: false,
    capture: '',
    captureFile: '.ln-action-links.yml'
});
/**
 * The one of `allowed` that `value` names, in any case; or what `name` accepts, with the value as `written`
 * (said where it was written: the input, or the spec's line).
 */
function oneOf(name, allowed, value, written = value) {
    const match = allowed.find((a) => a.toLowerCase() === value.toLowerCase());
    if (match)
        return { value: match };
    return { problem: `'${name}' must be one of ${allowed.join(', ')}; got '${written}'` };
}

;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");
;// CONCATENATED MODULE: ./src/platform.ts
// The one place that knows which OS we run on. Stages receive a Platform object, so tests can pick another.


/** `runner.os` of each `process.platform` a runner can have. */
const RUNNER_OS = { linux: 'Linux', darwin: 'macOS', win32: 'Windows' };
/** `runnerOs`: as the runner says (RUNNER_OS); by default, what `name` is called there. */
function platform_platformFor(name, runnerOs = RUNNER_OS[name] ?? name) {
    const isWindows = name === 'win32';
    const isMac = name === 'darwin';
    const usual = { root: '', ignoresCase: isWindows || isMac };
    return {
        name,
        isWindows,
        isMac,
        runnerOs,
        path: isWindows ? external_node_path_namespaceObject.win32 : external_node_path_namespaceObject.posix,
        usuallyIgnoresCase: usual.ignoresCase,
        caseRules: { volumeAt: () => usual, decided: () => [] }
    };
}
function currentPlatform() {
    // The runner sets RUNNER_OS for every step; `npm start` and other hosts go by the platform.
    return platform_platformFor(process.platform, process.env.RUNNER_OS || undefined);
}
/** Read when a hard link is refused, once per run: two cheap calls, never on a path that could hang. */
function hardlinkGuard() {
    let setting = '';
    try {
        setting = external_node_fs_namespaceObject.readFileSync('/proc/sys/fs/protected_hardlinks', 'utf8');
    }
    catch {
        // no /proc (a container without it): the kernel's default since 3.6 is 1 on every distribution that matters
    }
    return guardOf(setting, process.geteuid?.() ?? -1);
}
/** What fs.protected_hardlinks as read (`1\n`; '' where unread) means for the user `euid`: only `0` protects nothing. */
function guardOf(setting, euid) {
    return { protects: setting.trim() !== '0', euid };
}
/** A key under which two spellings of one path compare equal on this platform. */
function platform_pathKey(platform, p) {
    return resolvedKey(platform, platform.path.normalize(p));
}
/**
 * pathKey of a path that is normalized already (path.resolve made it): nothing to normalize, only to fold. Up to
 * its volume's root a path is compared by the OS's usual rule (as mount points are matched), below it by the
 * volume's own: `/media/USB/A` on a FAT stick and `/media/usb/a` on ext4 stay two names.
 */
function resolvedKey(platform, normal) {
    const volume = platform.caseRules.volumeAt(normal);
    const folded = volume.ignoresCase === platform.usuallyIgnoresCase ? foldAll(platform, normal) : foldBelow(platform, volume, normal);
    // APFS and HFS+ also take an é typed as one character and as e + accent for the same name.
    return platform.isMac ? folded.normalize('NFC') : folded;
}
function foldAll(platform, p) {
    return platform.usuallyIgnoresCase ? p.toLowerCase() : p;
}
/** The part above the volume's root by the usual rule, the rest by the volume's. */
function foldBelow(platform, { root, ignoresCase }, normal) {
    // The root was matched by the usual rule, so the path may spell it otherwise (another case, another Unicode form):
    // it is then found by its segments.
    const cut = normal.startsWith(root) ? root.length : lengthOfSegments(platform, normal, root);
    const below = normal.slice(cut);
    return foldAll(platform, normal.slice(0, cut)) + (ignoresCase ? below.toLowerCase() : below);
}
/** How long the first segments of `p` are, as many as `root` has. */
function lengthOfSegments(platform, p, root) {
    const { sep } = platform.path;
    const count = root.split(sep).filter(Boolean).length;
    let at = 0;
    while (p[at] === sep)
        at++;
    for (let seen = 0; seen < count; seen++) {
        at = p.indexOf(sep, at + 1);
        if (at < 0)
            return p.length;
    }
    return at;
}
/**
 * What a POSIX path with something to resolve holds: a doubled or trailing slash, or a `.` or `..` segment (which
 * shows as `./` or a final `.`; `a./b` is turned away too, and merely takes the slow way). One expression, one scan:
 * four searches of each PATH and TARGET cost more.
 */
const UNPLAIN = /\/\/|\.\/|[./]$/;
/** A POSIX path with nothing to resolve. */
function isPlain(p) {
    return p !== '' && !UNPLAIN.test(p);
}
/**
 * path.resolve(base, p) for a normalized absolute base: spec paths are mostly plain names or plain absolute paths
 * (a runner's workspace), and resolve is slow.
 */
function resolveFrom(platform, base, p) {
    if (platform.isWindows || !isPlain(p))
        return sameOr(p, platform.path.resolve(base, p));
    if (p[0] === '/')
        return p;
    return base === '/' ? `/${p}` : `${base}/${p}`;
}
/**
 * `a` where it equals `b`: the spec's own text instead of the copy path.resolve makes of an absolute path that was
 * already normal (a run of 100,000 links holds every request's strings, so the copy would double them).
 */
function sameOr(a, b) {
    return a === b ? a : b;
}
/**
 * path.dirname of a normalized path: on POSIX, where it is a cut at the last separator (not the root's, not `//`, not
 * a trailing one), that cut, without dirname's own walk over the name (each link asks for PATH's and TARGET's).
 */
function parentOf(platform, p) {
    const cut = platform.isWindows ? -1 : p.lastIndexOf('/');
    return cut > 1 && cut < p.length - 1 ? p.slice(0, cut) : platform.path.dirname(p);
}
/** `child` is `parent` itself or lies below it. Both absolute. */
function isWithin(platform, parent, child) {
    return keyWithin(platform, platform_pathKey(platform, parent), platform_pathKey(platform, child));
}
/** isWithin for keys already made by pathKey: a prefix test, cheap enough for every link against every mount. */
function keyWithin(platform, parentKey, childKey) {
    // Most keys asked about lie elsewhere (every PATH and TARGET, against each mount that may hang): the last character
    // of parentKey, compared first, turns most away without the startsWith call, ~1,000 instructions where it matches.
    const last = parentKey.length - 1;
    if (last >= 0 && childKey.charCodeAt(last) !== parentKey.charCodeAt(last))
        return false;
    if (!childKey.startsWith(parentKey))
        return false;
    // No `parentKey + sep` to compare with: that string would be made for every mount at every lookup.
    const { sep } = platform.path;
    return childKey.length === parentKey.length || parentKey.endsWith(sep) || childKey[parentKey.length] === sep;
}
/** `child` relative to `parent` when it lies inside it ('' for itself); undefined otherwise. */
function relativeInside(platform, parent, child) {
    if (!isWithin(platform, parent, child))
        return undefined;
    const { path } = platform;
    // path.posix.relative compares letters exactly: on a volume that ignores case `/WS/a` under `/ws` would read
    // `../WS/a`. Inside the parent (as isWithin decided), the child's first segments are the parent's: drop as many.
    if (platform.isWindows)
        return path.relative(parent, child);
    const segments = (p) => path.normalize(p).split(path.sep).filter(Boolean);
    return segments(child).slice(segments(parent).length).join(path.sep);
}
/** The `type` argument of fs.symlink: fixed at creation on Windows, ignored elsewhere. */
function symlinkType(platform, kind, targetIsDir) {
    if (!platform.isWindows)
        return undefined;
    if (kind === 'junction')
        return 'junction';
    return targetIsDir ? 'dir' : 'file';
}
/** The text a link of `kind` holds: a Windows junction always holds the absolute TARGET, elsewhere it is a symlink. */
function linkTextOf(platform, kind, text, absTarget) {
    return kind === 'junction' && platform.isWindows ? absTarget : text;
}
/**
 * The volume a path is on: `C:\` or `\\server\share\` on Windows (drive letter upper-cased), `/` elsewhere. A long-path
 * spelling (`\\?\C:\...`, `\\?\UNC\server\share\...`) is on the volume it names.
 */
function volumeOf(platform, absPath) {
    const root = platform.path.parse(withoutNamespace(platform, absPath)).root;
    if (!platform.isWindows)
        return root;
    // `\\server\share` itself (the dirname of `\\?\UNC\server\share\l`) has its root without the final backslash.
    const whole = root === '' || root.endsWith('\\') ? root : `${root}\\`;
    return whole.replace(/^[a-z]:/, (drive) => drive.toUpperCase());
}
/**
 * A link text as Windows may hand it back from readlink, without the namespace prefix that Node adds to absolute
 * targets (`\\?\C:\x`, or NT's `\??\C:\x`); `\\?\UNC\server\share` is `\\server\share`.
 */
function withoutNamespace(platform, text) {
    if (!platform.isWindows)
        return text;
    return text.replace(/^(?:\\\\\?\\|\\\?\?\\)(?:UNC\\|(?=[A-Za-z]:))/i, (prefix) => /UNC\\$/i.test(prefix) ? '\\\\' : '');
}
/**
 * The link at `linkPath` holding `existingText` already leads where `wantedText` would. Elsewhere a link holds
 * exactly the text it was given. Windows hands texts back in its own spelling (a `\\?\` prefix, a junction's
 * trailing backslash, either slash, any case): there both must lead to the same place and both be relative or both
 * absolute (a change of `relative` still replaces the link).
 */
function platform_sameLinkTarget(platform, linkPath, existingText, wantedText) {
    if (!platform.isWindows)
        return existingText === wantedText;
    const { path } = platform;
    const [existing, wanted] = [existingText, wantedText].map((t) => withoutNamespace(platform, t));
    if (path.isAbsolute(existing) !== path.isAbsolute(wanted))
        return false;
    const dir = path.dirname(linkPath);
    return platform_pathKey(platform, path.resolve(dir, existing)) === platform_pathKey(platform, path.resolve(dir, wanted));
}

;// CONCATENATED MODULE: ./src/knowledge.ts
// What an errno means for a link, on which filesystem, and what to do about it. Rows of data, first match wins:
// adding a filesystem or an errno is adding rows.




const type = (kind) => ({ input: INPUT.type, kind });
const fallback = (kind) => ({ input: INPUT.fallback, kind });
/** advise`Use ${type('symlink')}.` is the alternative "Use `type: symlink`." that suggests symbolic links. */
function advise(words, ...suggested) {
    const text = suggested.reduce((said, { input, kind }, i) => `${said}\`${input}: ${kind}\`${words[i + 1]}`, words[0]);
    return { text, kinds: suggested.map(({ kind }) => kind) };
}
const SYMLINK = advise `Make a symbolic link (${type('symlink')} or ${fallback('symlink')}).`;
const COPY = advise `Or make a copy (${fallback('copy')}).`;
const TOO_MANY_LINKS = [advise `Add ${fallback('symlink')}.`, COPY, 'Or link to a copy of TARGET.'];
const NO_SYMLINK_PRIVILEGE = [
    'Turn on Developer Mode (Settings > System > For developers) or run the runner elevated.',
    advise `For a directory, ${type('junction')} or ${fallback('junction')} needs no privilege.`,
    advise `For a file, ${fallback('hardlink')}.`,
    COPY
];
const LINK_LOOP = 'Resolving the path met too many symbolic links: a loop of links among its parents.';
const LINK_CALLS = ['link', 'symlink'];
/** Node reports a junction's failure as symlink()'s: the kind tried tells them apart. */
const A_JUNCTION = { says: 'a junction', test: (ctx) => ctx.kind === 'junction' };
const TARGET_IS_DIR = { says: 'TARGET is a directory', test: (ctx) => ctx.targetIsDir };
/**
 * libuv maps ERROR_ACCESS_DENIED and ERROR_PRIVILEGE_NOT_HELD alike to EPERM (src/win/error.c,
 * uv_translate_sys_error): whether a plain file can be made in PATH's directory tells them apart.
 */
const ACCESS_DENIED = {
    says: 'a junction, or not even a plain file can be made there',
    test: (ctx) => ctx.kind === 'junction' || ctx.canCreateFile === false
};
const NO_PRIVILEGE = {
    says: 'a plain file can be made there',
    test: (ctx) => ctx.canCreateFile === true
};
/** libuv says 1 link where it cannot open the file (src/win/fs.c, fs__stat_directory): no evidence either way. */
const LINKS_READ = { says: 'its link count was read', test: (ctx) => (ctx.targetLinks ?? 0) > 1 };
/** A FUSE daemon without link(): kernels >= 6.15 turn its ENOSYS into EPERM, which is not protected_hardlinks. */
const THROUGH_FUSE = {
    says: 'through FUSE',
    test: (ctx) => /^fuse/.test(ctx.filesystem.driver ?? ctx.filesystem.type)
};
/** rclone's option, as its command line gives it (`--links`, `-l`). */
const rcloneLinks = (ctx) => ctx.filesystem.options.some((o) => /^links(=|$)/.test(o));
const ROWS = [
    // Hard links refused by the filesystem itself.
    {
        codes: [...NOT_IMPLEMENTED, 'EPERM'],
        syscalls: ['link'],
        families: ['sshfs'],
        when: { says: 'mounted with disable_hardlink', test: (ctx) => ctx.filesystem.options.includes('disable_hardlink') },
        capability: true,
        meaning: 'This sshfs mount was mounted with -o disable_hardlink, so it makes no hard links (kernels before 6.15 ' +
            'report this as ENOSYS, "Function not implemented").',
        hint: advise `Make a symbolic link instead (${type('symlink')}), or keep the hard link and add ${fallback('symlink')}.`
    },
    {
        codes: [...NOT_IMPLEMENTED, 'EPERM'],
        syscalls: ['link'],
        families: ['sshfs'],
        capability: true,
        meaning: 'This sshfs mount does not allow hard links (it was mounted with -o disable_hardlink, or the SFTP server ' +
            'lacks the hardlink extension); kernels before 6.15 report this as ENOSYS, "Function not implemented".',
        hint: advise `Make a symbolic link instead (${type('symlink')}), or keep the hard link and add ${fallback('symlink')}.`
    },
    {
        codes: ['ENOTSUP', 'EOPNOTSUPP'],
        syscalls: ['link'],
        families: ['fat', 'exfat', 'smb'],
        platforms: ['darwin'],
        capability: true,
        meaning: "macOS's msdos, exfat and smbfs filesystems make no hard links (ENOTSUP, errno 45 there); symbolic links do " +
            'work on msdos (the driver emulates them) and on SMB shares.',
        hint: [SYMLINK, COPY]
    },
    {
        codes: ['EISDIR'],
        syscalls: LINK_CALLS,
        platforms: ['win32'],
        capability: true,
        meaning: 'Windows answered ERROR_INVALID_FUNCTION, which Node reports as EISDIR ("illegal operation on a directory"): ' +
            'this volume has no links of any kind, as FAT32 and exFAT volumes have none. Nothing is wrong with a directory.',
        hint: advise `Copy instead: add ${fallback('copy')}, or put PATH on an NTFS volume.`
    },
    {
        codes: ['EIO'],
        syscalls: LINK_CALLS,
        families: ['rclone'],
        when: { says: 'mounted with --links', test: rcloneLinks },
        capability: true,
        meaning: 'rclone mounts make neither symbolic nor hard links and answer EIO (the share itself is fine). `--links` ' +
            'only shows symlinks made on the remote as files named NAME.rclonelink holding the link text.',
        hint: advise `Copy instead: add ${fallback('copy')} (copies work on rclone mounts), or make the link on the remote itself.`
    },
    {
        codes: ['EIO'],
        syscalls: LINK_CALLS,
        families: ['rclone'],
        capability: true,
        meaning: 'rclone mounts make neither symbolic nor hard links and answer EIO (the share itself is fine).',
        hint: advise `Copy instead: add ${fallback('copy')} (copies work on rclone mounts), or make the link on the remote itself.`
    },
    {
        codes: [...NOT_IMPLEMENTED, 'EPERM'],
        syscalls: LINK_CALLS,
        families: ['webdav'],
        capability: true,
        meaning: 'WebDAV stores only files and directories: davfs2 makes neither symbolic links (ENOSYS) nor hard links ' +
            '(EPERM on kernels >= 6.15, ENOSYS before).',
        hint: advise `Copy instead: add ${fallback('copy')} (copies work on WebDAV shares).`
    },
    {
        codes: [...NOT_IMPLEMENTED, 'EPERM'],
        syscalls: LINK_CALLS,
        families: ['smb'],
        when: { says: 'through smbnetfs', test: (ctx) => ctx.filesystem.type === 'fuse.smbnetfs' },
        capability: true,
        meaning: 'This SMB share is mounted with smbnetfs, whose libsmbclient has no link calls at all: it makes neither ' +
            "symbolic nor hard links, whatever the server's `unix extensions` setting.",
        hint: advise `Copy instead: add ${fallback('copy')}; or mount the share with the kernel client (\`mount -t cifs -o mfsymlinks\`), which stores symbolic links.`
    },
    {
        codes: NOT_IMPLEMENTED,
        syscalls: ['link'],
        families: ['s3'],
        capability: true,
        meaning: 'S3 has no hard links: every object has one key. s3fs stores a symbolic link as an object holding its text.',
        hint: [SYMLINK, COPY]
    },
    {
        codes: [...NOT_IMPLEMENTED, 'EPERM', 'EISDIR'],
        syscalls: LINK_CALLS,
        families: ['exfat', 'fat'],
        capability: true,
        meaning: 'exFAT and FAT filesystems have neither symbolic nor hard links.',
        hint: advise `Copy instead: add ${fallback('copy')} (or put the link on another filesystem).`
    },
    {
        codes: ['EPERM'],
        syscalls: ['link'],
        platforms: ['darwin'],
        when: TARGET_IS_DIR,
        capability: true,
        meaning: 'TARGET is a directory: APFS has no hard links to directories (only HFS+ had them, for Time Machine).',
        hint: advise `Use ${type('symlink')}, or add ${fallback('symlink')}.`
    },
    {
        codes: ['EPERM'],
        syscalls: ['link'],
        when: TARGET_IS_DIR,
        capability: true,
        meaning: 'TARGET is a directory, and hard links to directories are not allowed.',
        hint: advise `Use ${type('symlink')} (or ${type('junction')} on Windows), or add ${fallback('symlink')}.`
    },
    {
        codes: ['EPERM'],
        syscalls: ['symlink'],
        platforms: ['win32'],
        when: ACCESS_DENIED,
        meaning: 'Windows denied access (ERROR_ACCESS_DENIED, which Node reports as EPERM): a junction needs no privilege, and ' +
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
        meaning: 'This Windows account may not create symbolic links (ERROR_PRIVILEGE_NOT_HELD; a plain file can be made ' +
            'there, so it is not access to the directory): it is not elevated and Developer Mode is off. ' +
            "GitHub's hosted Windows runners have the privilege; self-hosted runners often lack it.",
        hint: [...NO_SYMLINK_PRIVILEGE]
    },
    {
        codes: ['EPERM'],
        syscalls: ['symlink'],
        platforms: ['win32'],
        capability: true,
        meaning: 'Windows refused the symbolic link with ERROR_PRIVILEGE_NOT_HELD (not elevated and Developer Mode is off, ' +
            'as on many self-hosted runners) or ERROR_ACCESS_DENIED (no write access to the directory of PATH): Node ' +
            'reports both as EPERM.',
        hint: [...NO_SYMLINK_PRIVILEGE, 'If this account may not write in that directory (`icacls DIR`), fix that instead.']
    },
    {
        codes: ['EPERM'],
        syscalls: ['link'],
        platforms: ['win32'],
        capability: true,
        meaning: 'Windows denied the hard link (ERROR_ACCESS_DENIED, which Node reports as EPERM): this account may not write ' +
            "TARGET's attributes (a hard link changes its link count) or in the directory of PATH, or TARGET is in use.",
        hint: [advise `Make a symbolic link (${fallback('symlink')}).`, COPY, 'Or give this account write access to TARGET.']
    },
    {
        codes: ['EPERM'],
        syscalls: ['link'],
        platforms: ['linux'],
        when: THROUGH_FUSE,
        capability: true,
        meaning: 'This FUSE filesystem makes no hard links (its daemon has no link call; kernels >= 6.15 report that as EPERM, ' +
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
        meaning: 'The kernel refused the hard link: with fs.protected_hardlinks=1 only the owner of TARGET (or someone who may ' +
            'read and write it) may link to it; some filesystems refuse hard links altogether.',
        hint: [SYMLINK, 'Or run as the owner of TARGET.']
    },
    {
        codes: ['EPERM'],
        syscalls: ['link'],
        capability: true,
        // Linux's vfs_link() (fs/namei.c) refuses IS_APPEND and IS_IMMUTABLE inodes with EPERM before asking the
        // filesystem, for root too.
        meaning: 'The filesystem refused the hard link: TARGET may be immutable or append-only (`lsattr TARGET` shows `i` or ' +
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
        hint: [advise `Make a hard link (${fallback('hardlink')}, files only).`, COPY]
    },
    {
        codes: ['EINVAL'],
        syscalls: ['symlink'],
        platforms: ['win32'],
        capability: true,
        meaning: 'Windows says this volume or share does not support symbolic links (ERROR_SYMLINK_NOT_SUPPORTED, which Node ' +
            'reports as EINVAL).',
        hint: [
            advise `For a directory on a local NTFS volume, ${type('junction')}.`,
            advise `For a file, ${fallback('hardlink')}.`,
            COPY
        ]
    },
    {
        codes: ['EXDEV'],
        syscalls: ['link'],
        platforms: ['win32'],
        capability: true,
        meaning: 'PATH is on PATH_VOLUME and TARGET on TARGET_VOLUME: a hard link cannot cross volumes (on GitHub-hosted ' +
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
        meaning: 'Windows refused the hard link with an error libuv has no name for (UNKNOWN is its answer to every Win32 error ' +
            'it does not map). From link() that is most likely ERROR_TOO_MANY_LINKS, NTFS allowing 1,023 hard links to ' +
            'one file: TARGET has TARGET_LINKS.',
        hint: TOO_MANY_LINKS
    },
    {
        codes: ['UNKNOWN'],
        syscalls: ['link'],
        platforms: ['win32'],
        capability: true,
        meaning: 'Windows refused the hard link with an error libuv has no name for (UNKNOWN is its answer to every Win32 error ' +
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
        meaning: 'TARGET already has as many hard links as the filesystem allows (ext4 65,000; NTFS 1,023; macOS 32,767; ' +
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
            test: (ctx) => ctx.failure.code === 'EIO' || (ctx.filesystem.options.includes('follow_symlinks') && !ctx.parentsMissing)
        },
        meaning: 'This sshfs mount follows symlinks (-o follow_symlinks): after the server makes the link, sshfs looks at ' +
            'what it points to and reports EIO (ENOENT for a TARGET the server cannot see), so the link may well exist.',
        hint: 'Mount without -o follow_symlinks to see links as links through the mount; the link is on the server ' +
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
        meaning: 'A junction leads only to a directory, and TARGET is a file (or does not exist, and `target-type` is not `dir`).',
        hint: advise `Use ${type('symlink')} for a file (Windows makes it a file link), or set \`target-type: dir\` for a directory that is made later.`
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
        hint: 'Remount it read-write (`sudo mount -uw MOUNTPOINT`), or choose a PATH on a writable volume (the workspace, ' +
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
        meaning: "The symbolic link at PATH cannot be read back through this sshfs mount: Debian's sshfs hides every link " +
            'whose text is absolute or contains `..` (readlink gives EPERM), although the link exists on the server.',
        hint: 'Links whose text has no `..` read back (a link beside or above its TARGET); otherwise check them on the ' +
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
        meaning: 'The share disconnected while this call was under way (its FUSE daemon died or the connection was aborted): ' +
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
        meaning: 'Windows reports a sharing violation (ERROR_SHARING_VIOLATION or a lock, which Node reports as EBUSY): another ' +
            'process (an editor, a running build, an antivirus scan, the search indexer) holds PATH or TARGET open.',
        hint: 'Stop what holds the file (Sysinternals `handle PATH` names it), e.g. a process an earlier step left running, then run again.'
    },
    {
        codes: ['ETIMEDOUT'],
        platforms: ['win32'],
        meaning: "The network share did not answer in time (Windows' ERROR_SEM_TIMEOUT, or `timeout` ran out).",
        hint: 'Check the server and the connection of this share (`net use` lists mapped drives), then run again; raise ' +
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
        hint: advise `On the host: \`VBoxManage setextradata VM VBoxInternal2/SharedFoldersEnableSymlinksCreate/SHARE 1\`; or add ${fallback('copy')}.`
    },
    {
        codes: ['EPERM', 'EACCES', ...NOT_IMPLEMENTED],
        syscalls: ['symlink'],
        families: ['9p'],
        capability: true,
        meaning: "This 9p/virtiofs share refused the symbolic link: with QEMU's security_model=none the host-side user " +
            'may not create it, and some shares do not pass links through at all.',
        hint: advise `Export the share with security_model=mapped-xattr (or passthrough as root), or add ${fallback('copy')}.`
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
        hint: ['Mount with `-o mfsymlinks`.', advise `Or add ${fallback('hardlink')} (files only).`, COPY]
    }
];
/** A row added at run time, matched before the others (the scratch-family test). Returns how to take it out. */
function addRow(row) {
    ROWS.unshift(row);
    return () => void ROWS.splice(ROWS.indexOf(row), 1);
}
function matches(row, ctx) {
    const code = ctx.failure.code;
    return (row.codes.includes(code) &&
        (!row.syscalls || row.syscalls.includes(ctx.failure.syscall)) &&
        (!row.families || row.families.includes(familyOf(ctx.filesystem.type))) &&
        (!row.platforms || row.platforms.includes(ctx.platform.name)) &&
        (!row.when || row.when.test(ctx)));
}
function rowFor(ctx) {
    return ROWS.find((row) => matches(row, ctx));
}
/** The rows as the README's troubleshooting table shows them, in the order they are matched. */
function troubleshootingRows() {
    return ROWS.map((row) => [
        row.codes.join(', '),
        row.syscalls ? row.syscalls.map((c) => `${c}()`).join(', ') : 'any',
        [row.families?.join(', '), row.platforms?.join(', '), row.when?.says].filter(Boolean).join('; ') || 'any',
        row.capability ? 'yes' : 'no',
        row.meaning,
        [row.hint].flat().map(wordsOf).join(' ')
    ]);
}
/** Another kind of link may work where this failure happened: `fallback` may try the next kind. */
function isCapabilityFailure(ctx) {
    return explain(ctx).capability;
}
function describeFilesystem(fs) {
    if (fs.type === 'unknown')
        return `a filesystem of unknown type${fs.mountPoint ? ` mounted at ${fs.mountPoint}` : ''}`;
    const where = fs.mountPoint ? ` mounted at ${fs.mountPoint}` : '';
    const source = fs.source && fs.source !== fs.type ? ` from ${fs.source}` : '';
    const bound = fs.root ? `a bind mount of its directory ${fs.root}` : '';
    const what = [familyFacts(familyOf(fs.type))?.says, bound].filter(Boolean).join(', ');
    return `${fs.type}${where}${source}${what ? ` (${what})` : ''}`;
}
/** What was tried, the errno and its meaning, the filesystem, the fix: the table is matched once per failure. */
function explain(ctx) {
    const { failure } = ctx;
    const row = rowFor(ctx);
    const number = failure.errno === undefined ? '' : ` (errno ${failure.errno})`;
    const message = `Could not ${failure.attempted} ${ctx.path} -> ${ctx.target}: ${failure.code}${number} from ` +
        `${failure.syscall}() on ${describeFilesystem(ctx.filesystem)}. ${fillIn(row?.meaning ?? '', ctx)}`.trimEnd();
    const advice = [row?.hint ?? []].flat().map((hint) => ({ text: fillIn(wordsOf(hint), ctx), kinds: kindsOf(hint) }));
    return { message, hint: advice.map(({ text }) => text).join(' '), advice, capability: row?.capability === true };
}
const wordsOf = (hint) => (typeof hint === 'string' ? hint : hint.text);
const kindsOf = (hint) => (typeof hint === 'string' ? [] : hint.kinds);
/** The advice without the alternatives that suggest a kind of link the probe saw fail: evidence beats a row's advice. */
function hintAfterProbe(advice, failing) {
    const kept = advice.filter(({ kinds }) => !kinds.some((kind) => failing.includes(kind)));
    return kept
        .map(({ text }, i) => (i === 0 ? text.replace(/^Or (\w)/, (_, c) => c.toUpperCase()) : text))
        .join(' ');
}
/** A row's words for this failure's own facts: the mount point, the volumes of PATH and TARGET, TARGET's links. */
function fillIn(text, ctx) {
    return text
        .replaceAll('MOUNTPOINT', ctx.filesystem.mountPoint || 'MOUNTPOINT')
        .replaceAll('PATH_VOLUME', volumeOf(ctx.platform, ctx.path))
        .replaceAll('TARGET_VOLUME', volumeOf(ctx.platform, ctx.target))
        .replaceAll('TARGET_LINKS', ctx.targetLinks?.toLocaleString('en-US') ?? '');
}

;// CONCATENATED MODULE: ./src/model.ts
// The data that flows through the pipeline: spec entries in, one result per entry out.
/** `->` with white space (or the line's end) on each side, in a spec line: paths may contain `-` and `>`. */
const SEPARATOR = /(?:^|\s)->(?:\s|$)/;
const LINK_TYPES = ['symlink', 'hardlink', 'junction'];
/** What can end up at PATH: a link of some kind, or a copy of TARGET (only through `fallback`). */
const KINDS = [...LINK_TYPES, 'copy'];
/** `symlink, copy` or `symlink copy` → ['symlink', 'copy'], or what is wrong with it (said where it was written). */
function parseKinds(value) {
    const words = value.split(/[\s,]+/).filter((k) => k !== '');
    const unknown = words.find((k) => !KINDS.includes(k));
    if (unknown !== undefined)
        return { problem: `'${unknown}' is not a link kind; use ${KINDS.join(', ')}.` };
    return { kinds: [...new Set(words)] };
}
const RELATIVE_MODES = (/* unused pure expression or super */ null && (['auto', 'true', 'false']));
const OVERWRITE_MODES = (/* unused pure expression or super */ null && (['never', 'links', 'files', 'copies']));
/**
 * An entry's own `overwrite`, under the input's: a restore (`copies`) may come from an untrusted build, so its entries
 * may ask for less (`never`, `links`) but never for more (`files` is held to `copies`).
 */
function entryOverwrite(asked, input) {
    return input === 'copies' && asked === 'files' ? 'copies' : asked;
}
const DANGLING_MODES = (/* unused pure expression or super */ null && (['warn', 'fail', 'allow']));
/** `present`: the link is made; `absent`: a link at PATH is removed (never a file or directory). */
const STATES = (/* unused pure expression or super */ null && (['present', 'absent']));
const TARGET_TYPES = (/* unused pure expression or super */ null && (['file', 'dir']));
/** The runners a YAML entry's `os` may name, spelt as `runner.os` spells them (matched in any case). */
const RUNNER_OSES = (/* unused pure expression or super */ null && (['Linux', 'macOS', 'Windows']));
/** The link text is to be relative: asked (`true`), or as TARGET was written (`auto`). */
function wantsRelative({ options, targetWasRelative }) {
    return options.relative === 'true' || (options.relative === 'auto' && targetWasRelative);
}
/** The entry may make a symbolic link or junction at PATH: asked for one, or falling back to one. */
function linkMayBeSymbolic({ type, fallback, state }) {
    return state !== 'absent' && [type, ...fallback].some((k) => k === 'symlink' || k === 'junction');
}
/** The fallback so far, moved on from `kind` to `next` for `why`: the first kind asked stays the one reported. */
function fallBack(before, kind, next, why) {
    return { asked: before?.asked ?? kind, instead: next, why: before ? `${before.why} ${why}` : why };
}
const KIND_WORDS = {
    symlink: 'symbolic link',
    hardlink: 'hard link',
    junction: 'junction',
    copy: 'copy'
};
/** A kind of link as a message says it. */
function kindWords(kind) {
    return KIND_WORDS[kind];
}
const SYSCALL = { symlink: 'symlink', junction: 'symlink', hardlink: 'link', copy: 'copyfile' };
/** The call that makes a kind of link, as a failure names it. */
function syscallOf(kind) {
    return SYSCALL[kind];
}

;// CONCATENATED MODULE: external "node:crypto"
const external_node_crypto_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");
;// CONCATENATED MODULE: ./src/mounts-windows.ts
// Windows: which volume a path is on and its format. There is no mount table, and fs.statfs says type 0: a UNC path
// is a network share by its spelling, and a drive's format comes from .NET's DriveInfo, asked through PowerShell.

/** A UNC share (`\\server\share\`): SMB, known from the path alone, without touching a share that may hang. */
function uncShare(root) {
    const match = /^\\\\([^\\?.][^\\]*)\\([^\\]+)\\?$/.exec(root);
    if (!match)
        return undefined;
    return { type: 'smb', mountPoint: root, source: `\\\\${match[1]}\\${match[2]}`, options: ['network'] };
}
/**
 * PowerShell gets its data as JSON in this environment variable, never inside the script's text: a single-quoted
 * string there also ends at the typographic quotes ‘ ’ ‚ ‛ (PowerShell-Docs, about_Quoting_Rules), so a crafted
 * link name could run commands. The scripts below are constants: the same bytes whatever the paths.
 */
const POWERSHELL_INPUT = 'LN_ACTION_PS_INPUT';
/**
 * Prints what DriveInfo knows of the drive `{"root": "D:\\"}` names as one line of JSON:
 * `{"Name":"D:\\","DriveType":"Fixed","DriveFormat":"NTFS","DisplayRoot":""}`. DriveFormat throws on a drive that is
 * not ready (an empty card reader); DisplayRoot is the `\\server\share` behind a mapped network drive.
 */
const DRIVE_SCRIPT = [
    // Without a console (as spawned here) the encoding cannot be set: ASCII names come through all the same.
    'try { [Console]::OutputEncoding = [Text.Encoding]::UTF8 } catch {}',
    `$d = [System.IO.DriveInfo]::new((ConvertFrom-Json $env:${POWERSHELL_INPUT}).root)`,
    // DriveFormat asks the server of a network drive, which may not answer: its type and share say enough.
    "$format = ''; if ($d.DriveType -ne 'Network') { try { $format = $d.DriveFormat } catch {} }",
    "$share = ''; if ($d.DriveType -eq 'Network') { try { $share = (Get-PSDrive -Name $d.Name.Substring(0, 1)).DisplayRoot } catch {} }",
    '[pscustomobject]@{ Name = $d.Name; DriveType = [string]$d.DriveType; DriveFormat = $format; DisplayRoot = $share } | ConvertTo-Json -Compress'
].join('\n');
/** The drive query's input: a drive root such as `D:\`, and nothing else. */
function driveInput(root) {
    if (!/^[A-Z]:\\$/.test(root))
        throw new Error(`not a drive root: '${root}'`);
    return { root };
}
/** powershell.exe arguments that run a script as is: -EncodedCommand takes UTF-16LE base64, so nothing needs quoting. */
function powershellArgs(script) {
    return ['-NoProfile', '-NonInteractive', '-EncodedCommand', Buffer.from(script, 'utf16le').toString('base64')];
}
/**
 * For each path of `{"paths": [...]}`, a line `N|Junction|True`, `N|SymbolicLink|True` (a directory link, dangling or
 * not: the link itself carries the directory attribute) or `N|SymbolicLink|False`, N its index; nothing for a path
 * Get-Item cannot read. Node cannot tell the three apart: its lstat says "symbolic link" for all, and readlink strips
 * the `\??\` that both reparse buffers hold. The paths are wrapped in an object because Windows PowerShell 5.1 and
 * PowerShell 7 disagree on whether ConvertFrom-Json unrolls a top-level array; a property is the array in both.
 */
const LINK_KINDS_SCRIPT = [
    `$n = 0; foreach ($p in (ConvertFrom-Json $env:${POWERSHELL_INPUT}).paths) {`,
    '  try { $i = Get-Item -LiteralPath $p -Force -ErrorAction Stop; "$n|$($i.LinkType)|$($i.PSIsContainer)" } catch {}',
    '  $n++',
    '}'
].join('\n');
/** The kinds LINK_KINDS_SCRIPT printed, by index (`count` paths asked); undefined where it said nothing usable. */
function parseLinkKinds(output, count) {
    const kinds = Array.from({ length: count }, () => undefined);
    for (const line of (output ?? '').split(/\r?\n/)) {
        const [index, type, container] = line.trim().split('|');
        const n = Number(index);
        if (index === '' || !Number.isInteger(n) || n < 0 || n >= count)
            continue;
        if (type === 'Junction')
            kinds[n] = 'junction';
        else if (type === 'SymbolicLink')
            kinds[n] = container === 'True' ? 'dir' : 'file';
    }
    return kinds;
}
/**
 * A path as Windows PowerShell 5.1 can open it: one of MAX_PATH (260) or more only in its `\\?\` form, which
 * -LiteralPath honours (PowerShell/PowerShell#10805, #13168); UNC paths become `\\?\UNC\...`.
 */
function forPowerShell(p) {
    return p.length >= 260 ? external_node_path_namespaceObject.win32.toNamespacedPath(p) : p;
}
/**
 * A Windows environment variable holds at most 32,767 characters (Microsoft Learn, SetEnvironmentVariable): the
 * paths in groups whose JSON input stays under that, so a big copied tree takes a few PowerShell starts, not a failure.
 */
function inputGroups(paths, limit = 32_000) {
    const groups = [];
    let group = [];
    let size = '{"paths":[]}'.length;
    for (const p of paths) {
        const cost = JSON.stringify(p).length + 1;
        if (group.length > 0 && size + cost > limit) {
            groups.push(group);
            group = [];
            size = '{"paths":[]}'.length;
        }
        group.push(p);
        size += cost;
    }
    if (group.length > 0)
        groups.push(group);
    return groups;
}
/**
 * A link that needs no PowerShell to know its kind: libuv's readlink gives a junction's text always as `C:\...`
 * (fs__readlink_handle in src/win/fs.c accepts only `\??\<drive>:\` mount points and strips the prefix), so a
 * relative text is a symlink, and what stat finds at its end says file or directory (a file link that leads to a
 * directory reads as a directory link: where PowerShell is started anyway, its answer is taken). Undefined: ask.
 */
function mounts_windows_kindFromText(text, leadsTo) {
    // `C:` alone is not absolute to path.win32, but a junction to a drive's root reads back so (`\??\C:`).
    if (leadsTo === undefined || external_node_path_namespaceObject.win32.isAbsolute(text) || /^[A-Za-z]:/.test(text))
        return undefined;
    return leadsTo.isDirectory() ? 'dir' : 'file';
}
/**
 * A drive as the knowledge base wants it: its format (`NTFS`, `ReFS`, `FAT32`, `exFAT`), or `smb` for a network
 * drive (whose format DRIVE_SCRIPT never asks the server for), and the DriveType as an option.
 */
function parseDriveInfo(root, output) {
    const unknown = { type: 'unknown', mountPoint: root, source: '', options: [] };
    let drive;
    try {
        drive = JSON.parse((output ?? '').trim());
    }
    catch {
        return unknown;
    }
    if (typeof drive !== 'object' || drive === null)
        return unknown;
    const driveType = (drive.DriveType || 'Unknown').toLowerCase();
    if (driveType === 'network')
        return { type: 'smb', mountPoint: root, source: drive.DisplayRoot || root.slice(0, 2), options: ['network'] };
    return { ...unknown, type: drive.DriveFormat || 'unknown', options: [driveType] };
}

;// CONCATENATED MODULE: ./src/mount-sources.ts
// What this machine says about its mounts: the mount table, block devices' formats, running FUSE daemons' command
// lines, Windows drives, macOS firmlinks. Read as is; mounts.ts makes sense of it. Every read is bounded and never
// throws where a missing answer will do.




/** A command's output, or undefined. Bounded: detection must never hold the step up, and never fail it. */
function run(command, args, { timeout = 3000, env, cwd } = {}) {
    const result = (0,external_node_child_process_namespaceObject.spawnSync)(command, args, {
        encoding: 'utf8',
        timeout,
        windowsHide: true,
        // process.env is the action's default, named because under Jest it is the test file's own copy (PATH included),
        // which the default (Node's real one) would not see.
        env: env ?? process.env,
        cwd,
        stdio: ['ignore', 'pipe', 'ignore']
    });
    return result.status === 0 ? result.stdout.trim() || undefined : undefined;
}
/**
 * Windows PowerShell by its full path, started in the system directory: libuv looks for a bare command name in the
 * current directory before PATH (search_path in src/win/process.c), and the action's current directory is the
 * workspace, where a repository could hold a powershell.exe of its own. Elsewhere only a test's stand-in is found.
 */
function powershellCommand(platform = currentPlatform().name, env = process.env) {
    if (platform !== 'win32')
        return { command: 'powershell.exe' };
    const root = env.SystemRoot ?? 'C:\\Windows';
    return { command: `${root}\\System32\\WindowsPowerShell\\v1.0\\powershell.exe`, cwd: root };
}
/**
 * A fixed PowerShell script run on `input`, handed over as JSON in the environment (never spliced into the script:
 * see POWERSHELL_INPUT). PowerShell starts slowly on a busy runner: 10 s at most.
 */
function askPowerShell(script, input) {
    const { command, cwd } = powershellCommand();
    const env = { ...process.env, [POWERSHELL_INPUT]: JSON.stringify(input) };
    return run(command, powershellArgs(script), { timeout: 10_000, env, cwd });
}
function readOrUndefined(file) {
    try {
        return external_node_fs_namespaceObject.readFileSync(file, 'utf8');
    }
    catch {
        return undefined;
    }
}
const SYSTEM_PLACES = Object.freeze({
    proc: '/proc',
    mount: '/sbin/mount',
    firmlinks: '/usr/share/firmlinks'
});
/** Linux's /proc, which only Linux has (darwin reads `mount` instead). Only numeric entries are processes. */
function processArgsFromProc(proc) {
    return external_node_fs_namespaceObject.readdirSync(proc)
        .filter((name) => /^\d+$/.test(name))
        .flatMap((pid) => {
        try {
            return [external_node_fs_namespaceObject.readFileSync(`${proc}/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean)];
        }
        catch {
            return []; // the process ended meanwhile
        }
    });
}
/** The real sources of the platform the detector is made for. */
function systemSources(platform, places = SYSTEM_PLACES) {
    return {
        mountTable: () => platform.isMac ? (run(places.mount, []) ?? '') : external_node_fs_namespaceObject.readFileSync(`${places.proc}/self/mountinfo`, 'utf8'),
        blockDeviceType: (device) => run('blkid', ['-o', 'value', '-s', 'TYPE', device]) ?? run('lsblk', ['-ndo', 'FSTYPE', device]),
        processArgs: () => processArgsFromProc(places.proc),
        // Once per drive.
        driveInfo: (root) => askPowerShell(DRIVE_SCRIPT, driveInput(root)),
        firmlinks: () => readOrUndefined(places.firmlinks)
    };
}

;// CONCATENATED MODULE: ./src/fsops.ts
// The filesystem calls plan and apply make, behind one interface so tests can inject an errno and a
// worker process can run them on a share that may hang.






function missing(error) {
    return errors_errnoCode(error) === 'ENOENT';
}
const nodeFs = {
    lstat: (p) => external_node_fs_namespaceObject.lstatSync(p, { throwIfNoEntry: false }),
    stat: (p) => {
        try {
            return external_node_fs_namespaceObject.statSync(p);
        }
        catch (error) {
            if (missing(error))
                return undefined;
            throw error;
        }
    },
    readlink: (p) => external_node_fs_namespaceObject.readlinkSync(p),
    realpath: (p) => realpath(p),
    symlink: (text, p, type) => external_node_fs_namespaceObject.symlinkSync(text, p, type),
    link: (existing, p) => external_node_fs_namespaceObject.linkSync(existing, p),
    rename: (from, to) => external_node_fs_namespaceObject.renameSync(from, to),
    unlink: (p) => external_node_fs_namespaceObject.unlinkSync(p),
    mkdir: (p) => external_node_fs_namespaceObject.mkdirSync(p),
    rmdir: (p) => external_node_fs_namespaceObject.rmdirSync(p),
    readdir: (p) => external_node_fs_namespaceObject.readdirSync(p),
    // access(2), as the real user (the runner's is the effective one too); any failure is false, and the caller's full
    // look asks again and says why.
    exists: (p) => external_node_fs_namespaceObject.existsSync(p),
    writeFile: (p, data) => external_node_fs_namespaceObject.writeFileSync(p, data, { flag: 'wx' }),
    copyFile: (from, to) => keepMeta(to, copyFileData(from, to)),
    copyMeta: (from, to) => keepMeta(to, external_node_fs_namespaceObject.statSync(from)),
    linkKinds: (paths) => linkKindsOn(currentPlatform(), paths),
    contentHash: (p) => hashFile(p),
    sameBytes: (a, b) => sameBytes(a, b)
};
/** open(2)'s O_PATH (Linux): a name opened only to be where it is, not read; Node's fs.constants lacks it. */
const O_PATH = 0o10000000;
/** Where Linux shows each descriptor's path; none elsewhere. */
const PROC_FDS = currentPlatform().name === 'linux' ? '/proc/self/fd' : '';
/**
 * realpath(3). glibc's reads each name of the path with readlink, each walked from the root again: 12 calls for a
 * TARGET 12 names deep, and a restore asks two for each copy it proves. On Linux the name, opened with O_PATH (nothing is
 * read and a FIFO does not block), says where it really is through /proc/self/fd (d_path), in five calls with the
 * check that what it says is that very file: d_path may name a pseudo-file (`pipe:[N]`), a removed one (` (deleted)`)
 * or one in a detached mount (umount -l) from that mount's root. Where it does not check out, where there is no
 * /proc, and wherever the path fails, realpath(3) answers, with its own errno.
 * `fds`: the directory of the process's descriptors (a test names another).
 */
function realpath(p, fds = PROC_FDS) {
    const fd = fds ? opened(p) : undefined;
    if (fd === undefined)
        return external_node_fs_namespaceObject.realpathSync.native(p);
    try {
        const real = external_node_fs_namespaceObject.readlinkSync(`${fds}/${fd}`);
        if (real.startsWith('/') && fsops_sameFile(external_node_fs_namespaceObject.fstatSync(fd), external_node_fs_namespaceObject.lstatSync(real)))
            return real;
    }
    catch {
        // Descriptors that cannot be read, a name that cannot be looked at: realpath(3) below.
    }
    finally {
        external_node_fs_namespaceObject.closeSync(fd);
    }
    return external_node_fs_namespaceObject.realpathSync.native(p);
}
/** Two looks at one file: the same device and inode (a hard link's two names, or a name and where it leads). */
function fsops_sameFile(a, b) {
    return a.dev === b.dev && a.ino === b.ino;
}
function opened(p) {
    try {
        return external_node_fs_namespaceObject.openSync(p, O_PATH);
    }
    catch {
        return undefined;
    }
}
/** sameBytes' two chunks, made once: a restore compares thousands of files, twice each, and fresh ones cost GC. */
const chunks = { a: Buffer.allocUnsafe(0), b: Buffer.allocUnsafe(0) };
/**
 * Chunk by chunk, both files open at once: a restore compares thousands of copies and most differ early or not at all.
 * `a` (the copy, looked at without following) is opened without following either; neither open waits (a FIFO swapped
 * in since the lstat would hang the step), and only two regular files compare.
 */
function sameBytes(a, b) {
    const { O_RDONLY, O_NONBLOCK = 0, O_NOFOLLOW = 0 } = external_node_fs_namespaceObject.constants;
    const fa = external_node_fs_namespaceObject.openSync(a, O_RDONLY | O_NONBLOCK | O_NOFOLLOW);
    try {
        const fb = external_node_fs_namespaceObject.openSync(b, O_RDONLY | O_NONBLOCK);
        try {
            if (!external_node_fs_namespaceObject.fstatSync(fa).isFile() || !external_node_fs_namespaceObject.fstatSync(fb).isFile())
                return false;
            if (chunks.a.length === 0)
                Object.assign(chunks, { a: Buffer.allocUnsafe(1 << 16), b: Buffer.allocUnsafe(1 << 16) });
            const { a: bufA, b: bufB } = chunks;
            for (;;) {
                const n = external_node_fs_namespaceObject.readSync(fa, bufA, 0, bufA.length, null);
                if (n === 0)
                    return external_node_fs_namespaceObject.readSync(fb, bufB, 0, 1, null) === 0;
                if (n !== readFully(fb, bufB, n) || !bufA.subarray(0, n).equals(bufB.subarray(0, n)))
                    return false;
            }
        }
        finally {
            external_node_fs_namespaceObject.closeSync(fb);
        }
    }
    finally {
        external_node_fs_namespaceObject.closeSync(fa);
    }
}
/** Read up to n bytes (a short read is not the end of a file); returns how many came. */
function readFully(fd, buffer, n) {
    let got = 0;
    for (let r; got < n && (r = external_node_fs_namespaceObject.readSync(fd, buffer, got, n - got, null)) > 0;)
        got += r;
    return got;
}
/** Read in chunks: a copied file may be large, and only its digest is kept. */
function hashFile(p) {
    const hash = (0,external_node_crypto_namespaceObject.createHash)('sha256');
    const fd = external_node_fs_namespaceObject.openSync(p, external_node_fs_namespaceObject.constants.O_RDONLY | (external_node_fs_namespaceObject.constants.O_NOFOLLOW ?? 0));
    try {
        const buffer = Buffer.allocUnsafe(1 << 20);
        for (let n; (n = external_node_fs_namespaceObject.readSync(fd, buffer, 0, buffer.length, null)) > 0;)
            hash.update(buffer.subarray(0, n));
    }
    finally {
        external_node_fs_namespaceObject.closeSync(fd);
    }
    return hash.digest('hex');
}
/** Only Windows fixes a link's kind apart from its text: elsewhere nothing is asked (`ask` is the seam for tests). */
function linkKindsOn(platform, paths, ask = askLinkKinds) {
    return platform.isWindows ? ask(paths) : paths.map(() => undefined);
}
/**
 * PowerShell's LinkType reads the reparse tag (a junction's IO_REPARSE_TAG_MOUNT_POINT). Each start costs a few
 * hundred ms, so the links are asked in as few calls as the environment's size allows, each given 10 s at most: it
 * cannot hang the action, and where it says nothing the caller falls back to what stat shows.
 */
function askLinkKinds(paths) {
    return inputGroups(paths.map(forPowerShell)).flatMap((group) => parseLinkKinds(askPowerShell(LINK_KINDS_SCRIPT, { paths: group }), group.length));
}
/** Keep mode and times where the filesystem can; FAT (fusefat) answers chmod with ENOSYS, and that is no reason to fail. */
function keepMeta(to, stats) {
    for (const keep of [() => external_node_fs_namespaceObject.chmodSync(to, stats.mode & 0o7777), () => external_node_fs_namespaceObject.utimesSync(to, stats.atime, stats.mtime)]) {
        try {
            keep();
        }
        catch (error) {
            if (!['ENOSYS', 'EPERM', 'ENOTSUP'].includes(errors_errnoCode(error)))
                throw error;
        }
    }
}
/**
 * Not copyFileSync: libuv's copy fails as a whole where fchmod is refused (fusefat), and it ftruncate()s the new file,
 * which smbnetfs over SMB3 answers with EIO after 4 s (lab/FINDINGS.md). O_EXCL, never truncated; in chunks.
 * Returns what `from` was, for its mode and times.
 */
function copyFileData(from, to) {
    const input = external_node_fs_namespaceObject.openSync(from, 'r');
    try {
        const stats = external_node_fs_namespaceObject.fstatSync(input); // before reading moves atime
        const output = external_node_fs_namespaceObject.openSync(to, 'wx');
        try {
            const buffer = Buffer.allocUnsafe(1 << 20);
            for (let n; (n = external_node_fs_namespaceObject.readSync(input, buffer, 0, buffer.length, null)) > 0;)
                external_node_fs_namespaceObject.writeSync(output, buffer, 0, n);
        }
        finally {
            external_node_fs_namespaceObject.closeSync(output);
        }
        return stats;
    }
    finally {
        external_node_fs_namespaceObject.closeSync(input);
    }
}
/** Remove what is at `p`, a whole tree where it is a directory (only ever one of ours: a copy, a temporary name). */
function fsops_removeEntry(p, ops, path) {
    if (!ops.lstat(p)?.isDirectory())
        return ops.unlink(p);
    for (const name of ops.readdir(p))
        fsops_removeEntry(path.join(p, name), ops, path);
    ops.rmdir(p);
}

;// CONCATENATED MODULE: ./src/copy-proof.ts


/** Links followed in the original's tree before giving up, as the kernel's 40. */
const MAX_DEPTH = 40;
/**
 * Why the copy is not the original's, in words; undefined when it is. With a remover, the walk goes on past a
 * difference and removes every part proven, keeping the rest. `seen`: the copy's entry, where the caller has just
 * looked at it (not followed).
 */
function whyNotSame(sides, ctx, remove, seen) {
    const { original } = sides;
    const { platform } = ctx;
    // Each key made once: every path compared is normalized and folded as its volume compares names.
    const ownKey = platform_pathKey(platform, sides.own);
    const originalKey = platform_pathKey(platform, original);
    if (keyWithin(platform, ownKey, originalKey))
        return `TARGET (${original}) is PATH or lies inside it`;
    if (keyWithin(platform, originalKey, ownKey))
        return `PATH lies inside TARGET (${original})`;
    const at = seen ?? ctx.ops.lstat(sides.copy);
    if (!at)
        return 'nothing is there any more';
    return difference(sides.copy, at, original, { ctx, ownKey, dev: at.dev, remove }, 0);
}
/** `a`: the copy's entry, just looked at (not followed). */
function difference(copy, a, original, walk, depth) {
    if (!a || a.dev !== walk.dev || !(a.isFile() || a.isDirectory()))
        return `${copy} is not a file or directory of the copy (a link, a mount, or gone)`;
    const b = originalAt(original, walk);
    if (typeof b === 'string')
        return b;
    // The same file or directory reached twice is no copy of itself; a second name of a file keeps its content.
    if (fsops_sameFile(a, b.stats) && (a.isDirectory() || a.nlink < 2))
        return `${copy} is ${b.real} itself`;
    if (a.isFile())
        return fileDifference(copy, a, b, walk);
    if (!b.stats.isDirectory())
        return `${copy} is a directory and ${b.real} is not`;
    if (depth > MAX_DEPTH)
        return `${copy} lies too deep to compare (a loop of links?)`;
    return treeDifference(copy, a, b.real, walk, depth);
}
function fileDifference(copy, a, b, walk) {
    if (!b.stats.isFile())
        return `${copy} is a file and ${b.real} is not`;
    if (a.size !== b.stats.size)
        return `${copy} holds ${a.size} bytes and ${b.real} ${b.stats.size}`;
    if (!walk.ctx.ops.sameBytes(copy, b.real))
        return `${copy}'s content differs from ${b.real}'s (edited since)`;
    walk.remove?.(copy, a);
    return undefined;
}
function treeDifference(copy, a, original, walk, depth) {
    const { ops, platform } = walk.ctx;
    const names = ops.readdir(copy).sort();
    const theirs = new Set(ops.readdir(original));
    let first = names.length === theirs.size ? undefined : `${copy} does not hold the same names as ${original}`;
    for (const name of names) {
        const p = platform.path.join(copy, name);
        const why = theirs.has(name)
            ? difference(p, ops.lstat(p), platform.path.join(original, name), walk, depth + 1)
            : `${p} is not in ${original}`;
        first ??= why;
        if (first !== undefined && !walk.remove)
            return first;
    }
    if (first === undefined)
        walk.remove?.(copy, a);
    return first;
}
/** The original's entry, its links followed, or why it cannot be one: gone, or leading back into the copy. */
function originalAt(p, walk) {
    const { ops, platform } = walk.ctx;
    const at = ops.lstat(p);
    if (!at)
        return `${p} does not exist`;
    const real = at.isSymbolicLink() ? ops.realpath(p) : p;
    if (keyWithin(platform, walk.ownKey, platform_pathKey(platform, real)))
        return `${p} leads back into PATH (${real}): no proof of a copy`;
    const stats = real === p ? at : ops.stat(real);
    return stats ? { real, stats } : `${p} does not exist`;
}

;// CONCATENATED MODULE: ./src/restore-copy.ts


/** The code of a file kept because it is not a copy of what the link leads to. */
const NOT_A_COPY = 'NOTCOPY';
/**
 * Why what is at PATH is not a copy of what the link (of `kind`) will lead to; undefined when it is. `aside`: the
 * copy, moved away from PATH.
 */
function whyNotACopy(request, kind, ctx, aside) {
    const sides = copySides(request, kind, ctx, aside);
    return typeof sides === 'string' ? sides : whyNotTheSame(sides, ctx);
}
/**
 * The copy (at PATH, or `aside`) and what the link will lead to, real; or why there is nothing to compare. Found once
 * for the proof and the sweep after it: what the proof compared with is where the swept bytes still are.
 */
function copySides(request, kind, ctx, aside) {
    const { path } = ctx.platform;
    return compared(() => {
        const parent = path.dirname(request.absPath);
        const dir = ctx.ops.realpath(parent);
        const original = destination(request, kind, dir, ctx);
        if (original === undefined)
            return 'TARGET does not exist (what the link leads to)';
        const copy = aside ?? request.absPath;
        // Moved aside, the copy is in PATH's directory or in a room of ours there (../apply/aside-room.ts).
        return { copy, original, own: path.join(dir, path.relative(parent, copy)) };
    });
}
/**
 * Why the copy is not the original's; undefined when it is. With a remover, the copy is swept of what is proven. What
 * cannot be read or compared (ELOOP inside, EACCES) is no proof. `seen`: the copy's entry, just looked at.
 */
function whyNotTheSame(sides, ctx, remove, seen) {
    return compared(() => whyNotSame(sides, ctx, remove, seen));
}
/** An errno on the way is the reason there is no proof. */
function compared(compare) {
    try {
        return compare();
    }
    catch (error) {
        if (!isErrno(error))
            throw error;
        return `it cannot be compared with TARGET (${errors_errnoCode(error)} at ${error.path ?? 'a name inside'})`;
    }
}
/**
 * Where the link will lead, real: a hard link's file; a symbolic link's text followed from PATH's real directory, as
 * the kernel will (not by name: `..` after a symlinked directory); undefined where it leads nowhere.
 */
function destination(request, kind, realDir, ctx) {
    const { ops, platform } = ctx;
    let from = request.absTarget;
    if ((kind === 'symlink' || kind === 'junction') && request.text !== undefined && !platform.isWindows)
        from = request.text.startsWith('/') ? request.text : `${realDir}/${request.text}`;
    // realpath(3) follows as stat(2) does, and fails as it does: ENOENT where the link would dangle.
    try {
        return ops.realpath(from);
    }
    catch (error) {
        if (errors_errnoCode(error) === 'ENOENT')
            return undefined;
        throw error;
    }
}
/** Why what is at PATH is kept, and what to do, in words. */
function keptWords(request, why) {
    const message = `${request.absPath} is kept: ${why}, so it is not a copy of what the link leads to (${request.absTarget}) ` +
        `and replacing it would lose data (overwrite: copies).`;
    const hint = 'Compare it with TARGET: when its content is wanted, keep it (drop the entry or move it away); when it is not, ' +
        'remove it and run again.';
    return { message, hint };
}

;// CONCATENATED MODULE: ./src/plan/link-plan.ts
// What a plan says about one link: the empty plan each link starts from (what a link that never got further reports),
// with the kinds it asks for, and how a plan fails.

/**
 * The kinds asked for by each set of options (thousands of links share one), never changed: plans filter copies. One
 * map for Windows and one for elsewhere, where the kinds differ.
 */
const link_plan_kindsOf = { windows: new WeakMap(), elsewhere: new WeakMap() };
/**
 * The kinds a link asks for, in the order to try them: its type, then its fallbacks. Junctions exist only on Windows:
 * elsewhere a junction asked for is made, and reported, as the symbolic link it is there.
 */
function requestedKinds({ options }, { platform }) {
    const known = platform.isWindows ? link_plan_kindsOf.windows : link_plan_kindsOf.elsewhere;
    let kinds = known.get(options);
    if (!kinds) {
        const asked = [options.type, ...options.fallback];
        kinds = [...new Set(platform.isWindows ? asked : asked.map((k) => (k === 'junction' ? 'symlink' : k)))];
        known.set(options, kinds);
    }
    return kinds;
}
/**
 * A plan that has looked at nothing yet: what a link that never got that far reports. `filesystem`: PATH's, unless
 * the caller looks up another (planLink: its real parent's).
 */
function emptyPlan(request, ctx, filesystem = ctx.detector.forPath(request.absPath)) {
    return {
        request,
        action: 'create',
        kinds: requestedKinds(request, ctx),
        text: '',
        linkSource: request.absTarget,
        targetExists: false,
        targetIsDir: request.options.targetType === 'dir',
        missingParents: [],
        filesystem,
        warnings: []
    };
}
function failed(plan, code, syscall, attempted) {
    return Object.assign(plan, {
        action: 'fail',
        failure: { code, errno: errnoNumber(code) ?? undefined, syscall, attempted }
    });
}
/** Words for what a link's plan tried, where the plan itself fails. */
function attemptOf(request) {
    return `create the ${request.options.type === 'hardlink' ? 'hard' : 'symbolic'} link`;
}

;// CONCATENATED MODULE: ./src/plan/copies.ts


/**
 * A file or directory at PATH under `overwrite: copies`: replaced when it holds what the link will lead to (a
 * directory, what a followed directory link became: all the way down), anything else kept.
 */
function replaceCopy(plan, at, target, ctx) {
    const { request } = plan;
    const replacing = { action: 'replace', copyAtPath: true };
    if (!ctx.settings.dryRun && mayBeACopy(at, target))
        return Object.assign(plan, replacing);
    const why = whyNotACopy(request, plan.kinds[0], ctx);
    if (why === undefined)
        return Object.assign(plan, replacing);
    return { ...failed(plan, NOT_A_COPY, 'read', attemptOf(request)), said: keptWords(request, why) };
}
/** What the stats alone allow to be a copy: of one type, a file of the same size. */
function mayBeACopy(at, target) {
    if (!target)
        return false;
    return at.isDirectory() ? target.isDirectory() : at.isFile() && target.isFile() && at.size === target.size;
}

;// CONCATENATED MODULE: ./src/plan/recognise.ts




function existingKind(stats) {
    if (stats.isSymbolicLink())
        return 'link';
    if (stats.isDirectory())
        return 'dir';
    return stats.nlink > 1 ? 'link' : 'file';
}
/** Same size and modification time (within FAT's 2 s) and type: what a copy made by `fallback: copy` keeps. */
function sameFileMeta(a, b) {
    return a.isFile() === b.isFile() && a.size === b.size && Math.abs(a.mtimeMs - b.mtimeMs) < 2000;
}
/** A directory copy is recognised by the same names, types, sizes and times all the way down. */
function sameTree(copy, original, ops, platform) {
    const names = ops.readdir(original);
    if (ops.readdir(copy).length !== names.length)
        return false;
    return names.every((name) => {
        const a = ops.lstat(platform.path.join(copy, name));
        const b = ops.lstat(platform.path.join(original, name));
        if (!a || !b || a.isDirectory() !== b.isDirectory() || a.isSymbolicLink() !== b.isSymbolicLink())
            return false;
        if (a.isDirectory())
            return sameTree(platform.path.join(copy, name), platform.path.join(original, name), ops, platform);
        return a.isSymbolicLink() || sameFileMeta(a, b);
    });
}
/**
 * A directory at PATH is TARGET's copy when their trees match. Where a listing fails (davfs2 answers readdir with
 * EINVAL in every directory) it cannot be compared: it is taken as the copy, with a warning, rather than failing
 * every re-run (a directory is never replaced anyway).
 */
function recogniseTree(plan, ctx) {
    const abs = plan.request.absPath;
    try {
        return sameTree(abs, plan.request.absTarget, ctx.ops, ctx.platform) ? {} : undefined;
    }
    catch (error) {
        if (!isErrno(error))
            throw error;
        const why = `${errors_errnoCode(error)} from ${error.syscall ?? 'scandir'}() on ${plan.filesystem.type}`;
        return {
            warning: `${abs} is a directory, but it cannot be listed to compare with TARGET (${why}): taken as its copy, not verified.`
        };
    }
}
/** Same type, size, time and mode: all that can be compared where a filesystem hides links or inodes. */
function looksLikeTarget(at, target) {
    return (target !== undefined &&
        at.isDirectory() === target.isDirectory() &&
        at.mode === target.mode &&
        sameFileMeta(at, target));
}
function readLinkText(plan, ctx) {
    try {
        return ctx.ops.readlink(plan.request.absPath);
    }
    catch (error) {
        // Absolute or escaping link texts can be hidden (sshfs's contain_symlinks): the link is there, its text is not.
        if (!quirksOf(plan.filesystem).hidesLinkTexts || errors_errnoCode(error) !== 'EPERM')
            throw error;
        plan.unreadable = true;
        return undefined;
    }
}
function recognise(kind, plan, at, target, ctx) {
    const { platform } = ctx;
    const abs = plan.request.absPath;
    const fs = plan.filesystem;
    const quirks = quirksOf(fs);
    switch (kind) {
        case 'symlink':
        case 'junction': {
            if (!at.isSymbolicLink()) {
                // Through sshfs -o follow_symlinks a link shows as what it points to.
                if (!quirks.followsSymlinks || !looksLikeTarget(at, target))
                    return undefined;
                return {
                    warning: `${abs} shows as its TARGET through this ${fs.type} mount (${quirks.followOption}): taken as the link, but it cannot be verified here.`
                };
            }
            const text = readLinkText(plan, ctx);
            if (text === undefined) {
                // The text is hidden, its length is not (a symlink's size is the length of its text).
                if (at.size !== Buffer.byteLength(plan.text))
                    return undefined;
                return {
                    warning: `${abs} is a symlink of the right length, but this ${fs.type} mount hides its text (absolute or with ..): taken as unchanged, not verified.`
                };
            }
            const wanted = linkTextOf(platform, kind, plan.text, plan.request.absTarget);
            return platform_sameLinkTarget(platform, abs, text, wanted) ? {} : undefined;
        }
        case 'hardlink':
            if (!target || !at.isFile())
                return undefined;
            if (fsops_sameFile(at, target))
                return {};
            // sshfs shows every name of a file as its own inode: a hard link there cannot be told from a copy.
            if (!quirks.hidesInodes || !looksLikeTarget(at, target))
                return undefined;
            return {
                warning: `${abs} has TARGET's size, time and mode; ${fs.type} shows each name as its own inode, so this hard link cannot be verified.`
            };
        case 'copy':
            if (!target || at.isSymbolicLink())
                return undefined;
            if (target.isDirectory())
                return at.isDirectory() ? recogniseTree(plan, ctx) : undefined;
            return sameFileMeta(at, target) ? {} : undefined;
    }
}

;// CONCATENATED MODULE: ./src/plan/decide.ts




/** Given what is at PATH: unchanged when it is already what was asked for, else create, replace, or fail. */
function decide(plan, at, target, ctx) {
    const { request } = plan;
    const attempt = attemptOf(request);
    if (at) {
        plan.existing = existingKind(at);
        for (const kind of requestedKinds(request, ctx)) {
            const recognised = recognise(kind, plan, at, target, ctx);
            if (!recognised)
                continue;
            if (recognised.warning)
                plan.warnings.push(recognised.warning);
            return Object.assign(plan, { action: 'unchanged', kinds: [kind] });
        }
    }
    // A read-only mount answers EEXIST where something is in the way: name the real cause first.
    if (plan.filesystem.options.includes('ro'))
        return failed(plan, 'EROFS', syscallOf(plan.kinds[0]), attempt);
    if (!at) {
        if (plan.missingParents.length === 0 || ctx.settings.createParents)
            return plan;
        return failed(plan, 'ENOENT', syscallOf(plan.kinds[0]), `${attempt} (create-parents: false)`);
    }
    if (request.options.overwrite === 'copies' && !at.isSymbolicLink())
        return replaceCopy(plan, at, target, ctx);
    // A restore's entry asking for less than `copies` replaces no file: a hard link's other name may be its only data.
    const asLink = at.isSymbolicLink() || !ctx.settings.restore;
    const allowed = plan.existing === 'link'
        ? request.options.overwrite !== 'never' && asLink
        : plan.existing === 'file' && request.options.overwrite === 'files';
    if (!allowed && plan.unreadable)
        return failed(plan, 'EPERM', 'readlink', 'check the existing link');
    if (!allowed)
        return failed(plan, 'EEXIST', syscallOf(plan.kinds[0]), attempt);
    return Object.assign(plan, { action: 'replace' });
}

;// CONCATENATED MODULE: ./src/plan/gone-shares.ts
// Links on a share already found gone (ENOTCONN...) are skipped, not attempted: they fail as the link that found it
// gone did, and say they were skipped.


/**
 * What found the share `absPath` is on gone, where one did. Its mount is looked up only once a share was found gone:
 * most runs never find one (every link, planned and made).
 */
function goneShareOf(absPath, ctx) {
    return ctx.goneShares.size > 0 ? ctx.goneShares.get(ctx.detector.forPath(absPath).mountPoint) : undefined;
}
/** The plan of a link on a share already known to be gone. */
function skipOnGoneShare(request, ctx) {
    const gone = goneShareOf(request.absPath, ctx);
    if (!gone)
        return undefined;
    return { ...failed(emptyPlan(request, ctx), gone.code, gone.syscall, gone.attempted), skipped: true };
}
/** A plan that finds its share gone marks it so for the links after it. */
function noteGoneShare(plan, ctx) {
    if (!plan.failure || !isShareGone(plan.failure.code))
        return;
    ctx.goneShares.set(ctx.detector.forPath(plan.request.absPath).mountPoint, plan.failure);
}

;// CONCATENATED MODULE: ./src/plan/kinds.ts


/**
 * Windows fixes what a link is when it is made: a junction leads only to a directory (so it leaves the kinds to try
 * where TARGET is not one), and a symlink to a TARGET that does not exist yet is a file link unless `target-type: dir`
 * says otherwise, which is worth a warning.
 */
function windowsKinds(plan) {
    const { request, targetExists, targetIsDir } = plan;
    const kinds = targetIsDir ? plan.kinds : plan.kinds.filter((k) => k !== 'junction');
    if (targetExists || request.options.targetType !== undefined || !kinds.includes('symlink'))
        return { kinds };
    const warning = `TARGET ${request.absTarget} does not exist yet, and Windows fixes a symbolic link's type when it is made: ` +
        `${request.absPath} is made a file link (a guess). Set \`target-type: dir\` if TARGET will be a directory, ` +
        `or \`target-type: file\` to say so.`;
    return { kinds, warning };
}
/**
 * The kinds that can lead to this TARGET, known before any call: a missing one takes only links, a directory no hard
 * link (link(2) says EPERM). A failed plan when none can; a warning when the plan falls back from the asked kind.
 */
function fitKinds(plan, target, ctx) {
    const { request } = plan;
    const requested = plan.kinds;
    const attempt = attemptOf(request);
    if (!target)
        plan.kinds = requested.filter((k) => k === 'symlink' || k === 'junction');
    else if (target.isDirectory())
        plan.kinds = requested.filter((k) => k !== 'hardlink');
    if (plan.kinds.length === 0) {
        plan.kinds = requested; // the kind reported is the one whose call would fail
        return target ? failed(plan, 'EPERM', 'link', attempt) : failed(plan, 'ENOENT', syscallOf(requested[0]), attempt);
    }
    if (plan.kinds[0] !== requested[0]) {
        const why = target
            ? 'is a directory, which no hard link can lead to'
            : `does not exist, so no ${kindWords(requested[0])} can lead to it`;
        plan.fallback = fallBack(plan.fallback, requested[0], plan.kinds[0], `TARGET ${request.absTarget} ${why}.`);
    }
    if (!target) {
        if (ctx.settings.dangling === 'fail')
            return failed(plan, 'ENOENT', 'stat', `${attempt} (dangling: fail)`);
        if (ctx.settings.dangling === 'warn') {
            plan.warnings.push(`TARGET ${request.absTarget} does not exist: the link at ${request.absPath} dangles for now.`);
        }
    }
    if (!ctx.platform.isWindows)
        return undefined;
    const fitted = windowsKinds(plan);
    if (fitted.kinds.length === 0)
        return failed(plan, 'ENOTDIR', 'symlink', 'create the junction');
    plan.kinds = fitted.kinds;
    if (fitted.warning)
        plan.warnings.push(fitted.warning);
    return undefined;
}

;// CONCATENATED MODULE: ./src/plan/context.ts
/** The context for a planning pass, in which resolved directories and what TARGETs are may be remembered. */
function context_planningContext(ctx) {
    return {
        ...ctx,
        realDirectories: new Map(),
        targets: new Map(),
        present: new Map(),
        relatives: new Map(),
        wayDirectories: new Map(),
        listed: new Map(),
        rerun: { likely: false }
    };
}
/**
 * How a listed name is compared: without case or Unicode form, so that a share whose server ignores them (a macOS or
 * Windows disk behind it) never has a name taken for missing that its lookups would find.
 */
function listedKey(name) {
    return name.normalize('NFC').toLowerCase();
}
/** p's directory was listed while planning, without p in it. */
function unlisted(p, ctx) {
    // Only a share's lanes list: elsewhere p is not taken apart for nothing (every link, twice).
    if (!ctx.listed?.size)
        return false;
    const { path } = ctx.platform;
    return ctx.listed.get(path.dirname(p))?.has(listedKey(path.basename(p))) === false;
}
/** TARGET's stat, once per planning pass: a share worker's lanes look up their share of them first (lane.ts). */
function statTarget(target, ctx) {
    if (ctx.targets?.has(target))
        return ctx.targets.get(target);
    const stats = unlisted(target, ctx) ? undefined : ctx.ops.stat(target);
    ctx.targets?.set(target, stats);
    return stats;
}
/**
 * Whether TARGET leads to something, once per planning pass: its stat says where one was made, else it is asked
 * alone (access(2): no stat to build, a tenth of a re-run's instructions where each link has a TARGET of its own).
 */
function targetThere(target, ctx) {
    if (ctx.targets?.has(target))
        return ctx.targets.get(target) !== undefined;
    const known = ctx.present?.get(target);
    if (known !== undefined)
        return known;
    const there = !unlisted(target, ctx) && ctx.ops.exists(target);
    ctx.present?.set(target, there);
    return there;
}

;// CONCATENATED MODULE: ./src/plan/resolve.ts



/** Resolve the existing part of directory `dir` and list what is missing below it (like `realpath -m`). */
function realDirectory(dir, ctx) {
    const cached = ctx.realDirectories?.get(dir);
    if (cached)
        return cached;
    const found = resolveDirectory(dir, ctx);
    ctx.realDirectories?.set(dir, found);
    return found;
}
function resolveDirectory(dir, ctx) {
    const { path } = ctx.platform;
    const missing = [];
    for (let current = dir;; current = path.dirname(current)) {
        const stats = unlisted(current, ctx) ? undefined : ctx.ops.stat(current);
        if (stats) {
            if (!stats.isDirectory())
                throw Object.assign(new Error(`not a directory: ${current}`), { code: 'ENOTDIR', syscall: 'stat' });
            const tail = missing.map((m) => path.basename(m));
            return { real: path.join(ctx.ops.realpath(current), ...tail), missing };
        }
        if (current === path.dirname(current))
            return { real: dir, missing };
        missing.unshift(current);
    }
}
/** The real path PATH would have: its parent with symlinks resolved. */
function realPathOf(request, parent, ctx) {
    return ctx.platform.path.join(parent.real, ctx.platform.path.basename(request.absPath));
}
/** PATH's real parent and the filesystem the link will be on; undefined where a symlinked parent leads out. */
function locate(plan, ctx) {
    const { request } = plan;
    const parent = realDirectory(parentOf(ctx.platform, request.absPath), ctx);
    // Whether the parent lies inside is asked once per directory; only a parent outside needs the link's own path.
    parent.inside ??= isWithin(ctx.platform, ctx.realWorkingDirectory, parent.real);
    const confining = ctx.settings.confineTargets || (ctx.settings.confine && request.pathWasRelative);
    const confined = confining && !parent.inside;
    if (confined && !isWithin(ctx.platform, ctx.realWorkingDirectory, realPathOf(request, parent, ctx)))
        return undefined;
    plan.missingParents = parent.missing;
    plan.filesystem = parent.filesystem ??= ctx.detector.forPath(parent.real);
    return parent;
}
/** The first symlinked directory on the way from working-directory to PATH that leads outside it, and where. */
function escapingParent(request, ctx) {
    const { path } = ctx.platform;
    const wd = ctx.settings.workingDirectory;
    let at = wd;
    for (const name of path.relative(wd, path.dirname(request.absPath)).split(path.sep)) {
        at = path.join(at, name);
        if (!ctx.ops.lstat(at)?.isSymbolicLink())
            continue;
        const leadsTo = ctx.ops.realpath(at);
        if (!isWithin(ctx.platform, ctx.realWorkingDirectory, leadsTo))
            return { link: at, leadsTo };
    }
    return undefined;
}
/** A PATH that lies or leads (through a symlinked parent) outside working-directory: this link's failure. */
function escaped(plan, ctx) {
    const { request } = plan;
    const realPath = realPathOf(request, realDirectory(parentOf(ctx.platform, request.absPath), ctx), ctx);
    const parent = escapingParent(request, ctx);
    const through = parent
        ? ` through the symlinked parent ${parent.link}, which leads to ${parent.leadsTo}`
        : request.pathWasRelative
            ? ' through a symlinked parent'
            : '';
    const rule = ctx.settings.confineTargets ? 'a restore, overwrite: copies' : 'confine: true';
    const message = `PATH '${request.path}' leads outside working-directory${through}: the link would be ${realPath} (${rule}). ` +
        'Nothing was made there.';
    const optOut = ctx.settings.confineTargets ? 'allow-outside: true' : 'confine: false';
    const hint = `Choose a PATH inside working-directory, or set \`${optOut}\` if links may be made out of it.`;
    return { ...failed(plan, 'CONFINE', 'realpath', attemptOf(request)), said: { message, hint } };
}

;// CONCATENATED MODULE: ./src/plan/link-text.ts




/** What TARGET is, and what each kind of link to it would hold. */
function examineTarget(plan, realParent, ctx) {
    const target = statOfTarget(plan.request, ctx);
    noteTargetAndText(plan, target, realParent, ctx);
    return target;
}
function noteTargetAndText(plan, target, realParent, ctx) {
    noteTarget(plan, target, ctx);
    const { kinds, request } = plan;
    if (kinds.some((k) => k === 'symlink' || k === 'junction'))
        plan.text = textOf(request, realParent, ctx);
}
/** What the plan knows of TARGET once it is looked at: whether it is there, a directory, and what a hard link shares. */
function noteTarget(plan, target, ctx) {
    plan.targetExists = target !== undefined;
    plan.targetIsDir = target ? target.isDirectory() : plan.targetIsDir;
    if (target && plan.kinds.includes('hardlink'))
        plan.linkSource = ctx.ops.realpath(plan.request.absTarget);
}
/** The text a symbolic link to TARGET gets: the entry's exact `text`, or computed as `relative` says. */
function textOf(request, realParent, ctx) {
    return request.text ?? linkText(request, realParent, ctx);
}
/**
 * TARGET's stat. An exact text may lead into a loop of links or on through a file (ELOOP, ENOTDIR: a captured tree
 * holds such links): that link dangles, as the kernel would say of it, and is made as written.
 */
function statOfTarget(request, ctx) {
    try {
        return statTarget(request.absTarget, ctx);
    }
    catch (error) {
        if (request.text === undefined || !DANGLES.has(errors_errnoCode(error)))
            throw error;
        return undefined;
    }
}
const DANGLES = new Set(['ELOOP', 'ENOTDIR']);
function linkText(request, realParent, ctx) {
    const { path } = ctx.platform;
    if (!wantsRelative(request))
        return request.absTarget;
    let targetDir = path.dirname(request.absTarget);
    try {
        targetDir = realDirectory(targetDir, ctx).real;
    }
    catch {
        // A TARGET below a file cannot exist; its text can still be written as given.
    }
    return relativeText(realParent, targetDir, path.basename(request.absTarget), ctx);
}
/**
 * path.relative(realParent, targetDir/name), computed once per pair of directories: the way to targetDir, then the
 * name. Not where the parent lies at or below the target itself (the way then does not pass through targetDir).
 */
function relativeText(realParent, targetDir, name, ctx) {
    const { path, isWindows } = ctx.platform;
    const realTarget = isWindows ? path.join(targetDir, name) : targetDir === '/' ? `/${name}` : `${targetDir}/${name}`;
    if (isWindows || !ctx.relatives || realParent === realTarget || realParent.startsWith(`${realTarget}/`))
        return path.relative(realParent, realTarget) || '.';
    const key = `${realParent}\0${targetDir}`;
    let way = ctx.relatives.get(key);
    if (way === undefined)
        ctx.relatives.set(key, (way = path.relative(realParent, targetDir)));
    return way === '' ? name : `${way}/${name}`;
}

;// CONCATENATED MODULE: ./src/capture/leads.ts
// Capture, step two: where a symbolic link leads, found the way the kernel finds it (component by component, each
// link's text read and followed, `..` from the real directory reached) but by hand, so that it stops at the edge of
// the workspace: nothing outside it is looked at, not even with stat. Bounded like the kernel (40 links, ELOOP), or
// as the platform judged bounds it (followEvery's maxLinks).
// A restore judges the links it is asked to make the same way (../plan/outside.ts), through its own filesystem calls,
// and both ways at each name where another entry of its spec may make a link: that link, or what is there now.


/**
 * Links followed on one way before giving up, as Linux's MAXSYMLINKS. macOS stops at 32 (MAXSYMLINKS in its
 * sys/param.h): a way it gives up on the walk follows further, so it only refuses more there, never less.
 */
const MAX_LINKS = 40;
/** `child` is `parent` or below it; both absolute and normal. */
function within(parent, child) {
    return child === parent || child.startsWith(parent === '/' ? '/' : `${parent}/`);
}
const onDisk = {
    lstat: (p) => {
        try {
            return external_node_fs_namespaceObject.lstatSync(p);
        }
        catch (error) {
            return error.code ?? 'EIO';
        }
    },
    readlink: (p) => external_node_fs_namespaceObject.readlinkSync(p)
};
const GONE = new Set(['ENOENT', 'ENOTDIR']);
/** Where `text`, the text of a link in the real directory `dir`, leads; `workspace` real, never left. */
function leadsTo(dir, text, workspace) {
    return walk(start(dir, text), workspace, onDisk, () => undefined, () => true).leads;
}
/** Ways one text may take at most through the links a spec makes: each such name on the way doubles them. */
const MAX_WAYS = 64;
/** Names looked at, over all the ways of one text: texts up to 4096 bytes through 40 links could ask millions. */
const MAX_NAMES = 10_000;
/**
 * As leadsTo, every way the text may lead once the spec's other links are made or not: at a name where one may be
 * made, the name is that link or what is there now (the entry failed or left it). Undefined past MAX_WAYS or
 * MAX_NAMES. A way needing more than `maxLinks` links ends in a loop, as the OS the link is made on gives up (ELOOP).
 */
function followEvery(dir, text, workspace, read, maxLinks = MAX_LINKS) {
    const ways = [start(dir, text, maxLinks)];
    const endings = [];
    let taken = 1;
    let names = 0;
    const fork = (way) => void (++taken <= MAX_WAYS && ways.push(way));
    const spend = () => ++names <= MAX_NAMES;
    for (let way = ways.pop(); way && names <= MAX_NAMES; way = ways.pop())
        endings.push(walk(way, workspace, read, fork, spend));
    return taken > MAX_WAYS || names > MAX_NAMES ? undefined : endings;
}
function start(dir, text, maxLinks = MAX_LINKS) {
    return { at: text.startsWith('/') ? '/' : dir, parts: text.split('/'), linksLeft: maxLinks };
}
/** Into a link's text, as the kernel goes on with it; false past the way's links. */
function enter(way, text) {
    if (--way.linksLeft < 0)
        return false;
    way.parts.unshift(...text.split('/'));
    if (text.startsWith('/'))
        way.at = '/';
    return true;
}
/** Follow one way to its end; `fork` takes the other way at a name where the spec may make a link. */
function walk(way, workspace, read, fork, spend) {
    const { parts } = way;
    const end = (leads, rest = [], stop) => ({
        leads,
        rest,
        through: way.through,
        stop
    });
    if (way.gone !== undefined)
        return end('dangling', parts, way.gone);
    if (way.enter !== undefined && !enter(way, way.enter))
        return end('loop');
    // The last entry the way went into, as looked at: where the way ends there, what it is is known.
    let last;
    while (parts.length > 0) {
        if (!spend())
            return end('loop');
        const part = parts.shift();
        if (part === '' || part === '.')
            continue;
        if (part === '..') {
            // Past a junction, Windows climbs from the junction's name, the walk from where it leads: refused, unjudged.
            if (way.junction !== undefined)
                return { ...end('outside', parts), junction: way.junction };
            way.at = external_node_path_namespaceObject.posix.dirname(way.at);
            continue;
        }
        const next = way.at === '/' ? `/${part}` : `${way.at}/${part}`;
        // The workspace's own real path leads down to it through real directories: nothing to look at on the way.
        if (within(next, workspace)) {
            way.at = next;
            continue;
        }
        if (!within(workspace, next))
            return end('outside');
        const made = read.planned?.(next);
        if (made !== undefined)
            fork({ ...way, parts: [...parts], through: way.through ?? next, enter: made });
        const stats = read.lstat(next);
        if (typeof stats === 'string')
            return end(GONE.has(stats) ? 'dangling' : 'unreadable', parts, next);
        if (stats.isSymbolicLink()) {
            // Removed, the name may become a real directory (a later PATH's missing parent): `..` then climbs from it.
            // A name where the spec makes a link is that link or this one (a PATH has one entry), taken above.
            if (made === undefined && read.mayGo?.(next))
                fork({ ...way, parts: [...parts], gone: next });
            const text = read.readlink(next);
            if (read.mayBeJunction?.(text))
                way.junction = next;
            if (!enter(way, text))
                return end('loop');
            continue;
        }
        // Anything after a name that is not a directory (`file/`, `file/..`) is ENOTDIR to the kernel.
        if (parts.length > 0 && !stats.isDirectory())
            return end('dangling', parts, next);
        way.at = next;
        last = { at: next, stats };
    }
    return end(kindAt(way.at, workspace, read, last));
}
/**
 * What is at the real path the walk ended on: the entry it went into last, or one never looked at (a text of only `.`
 * and `..` ends on a directory never stat'ed).
 */
function kindAt(at, workspace, read, last) {
    if (!within(workspace, at))
        return 'outside';
    const stats = last?.at === at ? last.stats : read.lstat(at);
    if (typeof stats === 'string')
        return GONE.has(stats) ? 'dangling' : 'unreadable';
    return stats.isDirectory() ? 'dir' : stats.isFile() ? 'file' : 'other';
}

;// CONCATENATED MODULE: ./src/plan/windows-ways.ts
// A restore's link texts on Windows, followed by the walk that follows them on POSIX (../capture/leads.ts), so that
// the links the spec's other entries make are judged there too. Win32 normalization removes `.` and `..` from a path
// by name before anything is followed (GetFullPathName, RtlDosPathNameToNtPathName: `a\link\..\b` is `a\b` whatever
// `link` is), and a symbolic link's target takes its name's place in the path, normalized again: a relative text
// climbs by name from the directory that holds the link, in the path as substituted so far. Each text normalized
// keeps only leading `..` names, so the walk's climb from the real directory it reached is that climb; but not past a
// junction, which is not substituted (the walk refuses a climb there: walkReader). Paths cross as `C:\a\b` <->
// `/C:/a/b`: a volume's root is the walk's first name, which no other name can be (none holds `:` or `\`).
// Windows follows up to 63 reparse points in a path, Linux 40 links: a way the walk gave up on at 40 (a loop, inside)
// Windows would follow on, out (Microsoft Learn, "Symbolic link programming considerations": "a maximum of 63
// reparse points (and therefore symbolic links) allowed in a particular path").



const { win32 } = external_node_path_namespaceObject;
/** No Windows name holds `?`: a text sent here leads nowhere inside, and the walk ends it outside. */
const NOWHERE = '/?';
/**
 * Reparse points Windows follows in one path (see above); the walk counts each link it enters as one. Windows may stop
 * sooner (31 where the targets are full paths: Microsoft Learn, "Reparse points"): a walk going further only refuses
 * more.
 */
const MAX_REPARSE_POINTS = 63;
/** followEvery for Windows paths, `read` asking in Windows paths; the endings' names as Windows spells them. */
function followOnWindows(platform, { dir, text, workspace }, read) {
    const reader = walkReader(platform, read);
    const endings = followEvery(walkPath(dir), walkText(platform, text), walkPath(workspace), reader, MAX_REPARSE_POINTS);
    const back = (p) => p && windowsPath(p);
    return endings?.map((e) => ({ ...e, through: back(e.through), stop: back(e.stop), junction: back(e.junction) }));
}
/**
 * `read` for the walk's paths; every text, on disk or planned, normalized as Windows follows it. A junction reads
 * back as its absolute target (libuv src/win/fs.c fs__readlink: IO_REPARSE_TAG_MOUNT_POINT is read as a link), as an
 * absolute symbolic link does: either may be one. A restore makes none (outside.ts refuseJunction): planned links
 * are symbolic.
 */
function walkReader(platform, read) {
    return {
        lstat: (p) => read.lstat(windowsPath(p)),
        readlink: (p) => walkText(platform, read.readlink(windowsPath(p))),
        planned: (p) => {
            const made = read.planned?.(windowsPath(p));
            return made === undefined ? undefined : walkText(platform, made);
        },
        mayGo: (p) => read.mayGo?.(windowsPath(p)) ?? false,
        mayBeJunction: (text) => text.startsWith('/')
    };
}
/**
 * `C:\a\b` as the walk names it, `/C:/a/b`. The root (`C:\`, `\\server\share\`) is upper-cased: Windows matches drive
 * letters, servers and shares whatever their case, and the walk compares the workspace's names as spelled.
 */
function walkPath(absolute) {
    const { root } = win32.parse(absolute);
    const names = absolute.slice(root.length).split('\\').filter(Boolean);
    return ['', root.replace(/\\$/, '').toUpperCase(), ...names].join('/');
}
/** A walk's path (walkPath) as Windows names it. */
function windowsPath(walked) {
    const [root, ...names] = walked.slice(1).split('/');
    return `${root}\\${names.join('\\')}`;
}
/**
 * A link's text as the walk follows it: normalized as Win32 does, so that only leading `..` remain; an absolute one
 * as walkPath. NOWHERE where Windows decides the place by more than the text (`\x` is on the current drive, `C:x` in
 * that drive's current directory), or where a name may reach another entry than the one it spells.
 */
function walkText(platform, text) {
    const normal = win32.normalize(withoutNamespace(platform, text));
    const { root } = win32.parse(normal);
    if (normal.slice(root.length).split('\\').some(mayAlias))
        return NOWHERE;
    if (root === '')
        return normal.replaceAll('\\', '/');
    return /^[A-Z]:\\$|^\\\\[^\\]/i.test(root) ? walkPath(normal) : NOWHERE;
}
/** An 8.3 short name as Windows makes one for a longer name: up to six characters, `~`, a number, a short extension. */
const SHORT_NAME = /^[^.]{1,6}~\d+(\.[^.]{1,3})?$/;
/**
 * A name Windows may read as another's: Win32 drops trailing dots and spaces (`x.` is `x`), `:` names a stream (or a
 * drive), and a short name (`PROGRA~1`) is a second name of an entry. The spec's links are found by the names they
 * are spelled with: a way through such a name could pass one unseen.
 */
function mayAlias(name) {
    return name !== '.' && name !== '..' && (/[. ]$/.test(name) || name.includes(':') || SHORT_NAME.test(name));
}

;// CONCATENATED MODULE: ./src/plan/outside.ts






/** The longest text a symbolic link may hold on Linux (PATH_MAX; 1023 bytes on macOS). */
const MAX_TEXT = 4096;
/** The plan refused when the link would lead outside working-directory; undefined when it stays inside. */
function refuseOutside(plan, realParent, ctx) {
    if (ctx.platform.isWindows && plan.kinds.includes('junction'))
        return refuseJunction(plan, ctx);
    const why = whyOutside(plan, realParent, ctx);
    if (why === undefined)
        return undefined;
    const { request } = plan;
    const message = `The link '${request.path}' ${why}: a restore (overwrite: copies) makes only links that stay inside ` +
        `working-directory ${ctx.realWorkingDirectory}. Nothing was made there.`;
    const hint = 'Check where the spec came from; when its links may lead out of working-directory, set `allow-outside: true`.';
    return { ...failed(plan, 'CONFINE', 'realpath', attemptOf(request)), said: { message, hint } };
}
/**
 * A restore makes links, never copies: a copy of a tree puts its relative links at another depth, where they may lead
 * out (`../../x` inside becomes outside one level up), and a captured spec never asks for one.
 */
function refuseCopy(plan, ctx) {
    const { request } = plan;
    const message = `The link '${request.path}' asks for 'fallback: copy': a restore (overwrite: copies) makes no copies, whose ` +
        `relative links could lead outside working-directory ${ctx.realWorkingDirectory}. Nothing was made there.`;
    const hint = 'Check where the spec came from; a captured spec has no fallback. Drop `copy` from the fallback.';
    return { ...failed(plan, 'CONFINE', 'copy', attemptOf(request)), said: { message, hint } };
}
/**
 * Windows follows a relative link reached through a junction from the junction's own path, not from the directory
 * it leads to (a junction is not substituted in the prefix: microsoft/BuildXL pull request 60, bugs.python.org
 * msg350139): `J\L` with `L` a link to `..\..\x` climbs from J, where no way here is judged. A capture records
 * none.
 */
function refuseJunction(plan, ctx) {
    const { request } = plan;
    const message = `The link '${request.path}' may be a junction: a restore (overwrite: copies) makes none, since links reached ` +
        `through one climb (..) from where it is, out of working-directory ${ctx.realWorkingDirectory} unjudged. ` +
        'Nothing was made there.';
    const hint = 'Make a directory symbolic link (`type: symlink`, `target-type: dir`, no junction fallback); for a trusted ' +
        'spec, set `allow-outside: true`.';
    return { ...failed(plan, 'CONFINE', 'symlink', attemptOf(request)), said: { message, hint } };
}
/** Why the link may lead out, in words; undefined when every kind asked stays inside. */
function whyOutside(plan, realParent, ctx) {
    const { platform, realWorkingDirectory: wd } = ctx;
    const inside = (p) => isWithin(platform, wd, p);
    // A hard link shares, and a copy reads, the file TARGET resolves to.
    const source = plan.kinds.some((k) => k === 'hardlink' || k === 'copy') && realOf(plan.request.absTarget, ctx);
    if (source && !inside(source))
        return `would be a hard link or copy of ${source}`;
    if (!plan.kinds.some((k) => k === 'symlink' || k === 'junction'))
        return undefined;
    // No longer text can be made a link (ENAMETOOLONG), nor walked in bounded time.
    if (Buffer.byteLength(plan.text) > MAX_TEXT)
        return `has a text longer than ${MAX_TEXT} bytes`;
    if (!placedAsNamed(plan.request.absPath, realParent, ctx))
        return `lies in ${realParent}, reached through a symbolic link: the spec's other links are judged through their PATHs as named`;
    const endings = waysOf(plan.text, realParent, ctx);
    if (!endings)
        return `with the text '${plan.text}' may take more than ${MAX_WAYS} ways through the links this spec makes, or look at more than ${MAX_NAMES} names`;
    for (const ending of endings) {
        const why = whyLeavesBy(ending, ctx);
        if (why)
            return `with the text '${plan.text}' ${why}${ending.through ? ` once the link at ${ending.through} is made` : ''}`;
    }
    return undefined;
}
/** Every way the text may take (Windows paths cross into the walk's and back: ./windows-ways.ts). */
function waysOf(text, realParent, ctx) {
    const { platform, realWorkingDirectory: workspace } = ctx;
    if (!platform.isWindows)
        return followEvery(realParent, text, workspace, readerOf(ctx));
    return followOnWindows(platform, { dir: realParent, text, workspace }, readerOf(ctx));
}
/** Why one way of the text may lead out, in words. */
function whyLeavesBy({ leads, rest, stop, junction }, ctx) {
    if (junction)
        return `climbs (..) past ${junction}, which may be a junction: where it leads is not judged`;
    if (leads === 'outside')
        return 'would lead out';
    if (leads === 'unreadable')
        return 'leads through a name that cannot be read';
    // Past a name not made yet, or a link that may go, `..` goes wherever that name leads once an entry changes it.
    if (leads === 'dangling' && rest.includes('..'))
        return 'climbs (..) past a name another entry may make, or remove';
    // A backup keeps what is at an entry's PATH now, an old link leading anywhere, under a name missing until then.
    if (leads === 'dangling' && stop && backupMayTake(stop, ctx))
        return `passes ${stop}, a name a backup may take`;
    return undefined;
}
/**
 * `name` is one a backup of an entry's PATH may take (names.ts backupName): PATH+suffix or PATH.~N~, compared by the
 * platform's keys, since a volume that ignores case (Windows, macOS) takes `OLD.BAK` for `old.bak`.
 */
function backupMayTake(name, ctx) {
    const suffix = ctx.settings.backupSuffix;
    if (!suffix || !ctx.linkTexts)
        return false;
    const key = resolvedKey(ctx.platform, name);
    const stem = name.slice(0, -suffix.length);
    const of = [
        resolvedKey(ctx.platform, stem + suffix) === key && stem,
        /\.~\d+~$/.test(name) && name.replace(/\.~\d+~$/, '')
    ];
    return of.some((p) => p && ctx.linkTexts?.isPath(inWorkingDirectory(p, ctx)));
}
/**
 * PATH's directory is the one its name says, reached through no symbolic link: where it is not, the link would be
 * made at a name no other link's way looks for it under (`c/x` with `c` a link to `d` is made at `d/x`). On Windows
 * too, where `c` may also be a junction: a relative text in `c\x` climbs from `c` itself (refuseJunction).
 */
function placedAsNamed(absPath, realParent, ctx) {
    const named = inWorkingDirectory(realParent, ctx);
    return resolvedKey(ctx.platform, named) === resolvedKey(ctx.platform, ctx.platform.path.dirname(absPath));
}
/** The walk's two calls through the plan's filesystem calls (a share's are bounded by the timeout). */
function readerOf(ctx) {
    return {
        lstat: (p) => ctx.wayDirectories?.get(p) ?? lookAt(p, ctx),
        readlink: (p) => ctx.ops.readlink(p),
        // A text too long is never made a link (ENAMETOOLONG): the name stays what it is.
        planned: (p) => {
            const text = ctx.linkTexts?.textAt(inWorkingDirectory(p, ctx));
            return text !== undefined && Buffer.byteLength(text) <= MAX_TEXT ? text : undefined;
        },
        mayGo: (p) => ctx.linkTexts?.isPath(inWorkingDirectory(p, ctx)) ?? false
    };
}
/**
 * The entry at p, not followed, or the errno code instead. A directory is remembered for the planning pass, as
 * resolve.ts remembers PATHs' (nothing is made during one); anything else is looked at again for each link.
 */
function lookAt(p, ctx) {
    let stats;
    try {
        stats = ctx.ops.lstat(p);
    }
    catch (error) {
        return errors_errnoCode(error);
    }
    if (stats?.isDirectory())
        ctx.wayDirectories?.set(p, stats);
    return stats ?? 'ENOENT';
}
/** A real path below the real working directory, as named below working-directory as given (as PATHs are). */
function inWorkingDirectory(p, ctx) {
    const { platform, realWorkingDirectory: real, settings } = ctx;
    // Mostly working-directory is named as it really is, and p (a way's name, normal) is already so named: asked for
    // each name of each link's way, it is not made again.
    if (settings.workingDirectory === real && !platform.isWindows && within(real, p))
        return p;
    return platform.path.join(settings.workingDirectory, platform.path.relative(real, p));
}
/** p with its symlinks resolved: all of them where p exists, else those of its existing directories. */
function realOf(p, ctx) {
    const { path } = ctx.platform;
    try {
        return ctx.ops.realpath(p);
    }
    catch {
        // Dangling, a loop, or below a file: where its existing directories lead is as far as it can be followed.
    }
    try {
        return path.join(realDirectory(path.dirname(p), ctx).real, path.basename(p));
    }
    catch {
        return p;
    }
}
/** A restore's `state: absent` whose PATH's directory is reached through a symbolic link: refused, as for a link. */
function refuseAbsentThroughLink(plan, realParent, ctx) {
    if (placedAsNamed(plan.request.absPath, realParent, ctx))
        return undefined;
    const message = `The entry '${plan.request.path}' lies in ${realParent}, reached through a symbolic link: a restore ` +
        '(overwrite: copies) removes nothing under another name, where the ways of its other links do not look. ' +
        'Nothing was removed.';
    const hint = 'Name PATH through real directories only; for a trusted spec, set `allow-outside: true`.';
    return { ...failed(plan, 'CONFINE', 'realpath', attemptOf(plan.request)), said: { message, hint } };
}

;// CONCATENATED MODULE: ./src/parent.ts
// Which directory a path's name lives in, proven by the directory itself (device and inode) and not by the path's
// spelling: a later step may swap a parent for a symlink that leads elsewhere, out of the workspace too, and a name
// looked up through the new chain is then another file. Removal and cleanup act only where the chain still leads to
// the directory they recorded, and then through its real path.


/** The real directory p's name is in, now; undefined where p's parent is gone (nothing of p's can be there). */
function parent_parentOf(p, ops, platform) {
    return identityOrNothing(platform.path.dirname(p), ops);
}
function identityOrNothing(dir, ops) {
    try {
        return directoryIdentity(dir, ops);
    }
    catch (error) {
        if (['ENOENT', 'ENOTDIR'].includes(errors_errnoCode(error)))
            return undefined;
        throw error;
    }
}
/** The directory at dir itself, by its real path and inode; undefined where none is. */
function directoryIdentity(dir, ops) {
    const real = ops.realpath(dir);
    const stats = ops.stat(real);
    return stats?.isDirectory() ? { real, dev: stats.dev, ino: stats.ino } : undefined;
}
/** p as its real parent names it: the name in that directory, whatever the chain of p's spelling leads to later. */
function parent_underParent(p, parent, platform) {
    return platform.path.join(parent.real, platform.path.basename(p));
}
const UNFOLLOWABLE = ['EPERM', 'ELOOP'];
/**
 * In words, how the chain to p's parent no longer leads to the directory recorded; undefined while it does. Where
 * inode numbers are not the file's own (FUSE without use_ino numbers nodes as the kernel looks them up, and numbers
 * them anew once it forgets one: measured on sshfs, exFAT and FAT after drop_caches), only the real path can tell.
 */
function parent_parentChange(p, was, ops, platform, byInode) {
    return directoryChange(platform.path.dirname(p), was, ops, platform, byInode);
}
/** parentChange for the directory dir itself. */
function directoryChange(dir, was, ops, platform, byInode) {
    let now;
    try {
        now = identityOrNothing(dir, ops);
    }
    catch (error) {
        // A symlink swapped in that cannot be read (Debian's sshfs hides texts with `..` or absolute: EPERM) or a loop.
        const code = errors_errnoCode(error);
        if (!UNFOLLOWABLE.includes(code))
            throw error;
        return { gone: false, words: `its directory ${dir} can no longer be followed (${code} from realpath())` };
    }
    if (!now)
        return { gone: true, words: `its directory ${dir} is gone` };
    if (platform_pathKey(platform, now.real) !== platform_pathKey(platform, was.real))
        return { gone: false, words: `its directory ${dir} now leads to ${now.real}, not ${was.real}` };
    if (byInode && (now.dev !== was.dev || now.ino !== was.ino))
        return { gone: false, words: `its directory ${was.real} is another directory now (another inode)` };
    return undefined;
}
/**
 * Remove the directories made for a link (outermost first in `dirs`), innermost first, each only while it is still
 * the one made (its real path and, where inodes prove it, its inode) and empty: rmdir never removes one that holds
 * anything. Stops at the first that stays; returns those removed.
 */
function parent_removeMadeDirs(dirs, ops, platform, byInode) {
    const removed = [];
    for (const dir of [...dirs].reverse()) {
        // Looked at first: fusefat answers rmdir of a full directory with EPERM, not ENOTEMPTY.
        if (directoryChange(dir.real, dir, ops, platform, byInode) || ops.readdir(dir.real).length > 0)
            break;
        try {
            ops.rmdir(dir.real);
        }
        catch (error) {
            if (STAYS.includes(errnoCode(error)))
                break;
            throw error;
        }
        removed.push(dir.real);
    }
    return removed;
}
/** rmdir's answers for a directory that holds something, or is gone. */
const STAYS = (/* unused pure expression or super */ null && (['ENOTEMPTY', 'EEXIST', 'ENOENT']));

;// CONCATENATED MODULE: ./src/claim.ts


/** Names tried before giving up: more backups than a PATH gets, and an end where a filesystem says EEXIST to all. */
const MOST_NAMES = 10_000;
/** The EEXIST of a name that was taken, as fs would throw it: where no call of ours said so itself. */
function claim_takenError(name, why = 'taken') {
    return Object.assign(new Error(`EEXIST: ${why}, '${name}'`), { code: 'EEXIST', path: name });
}
/** Whether `make` made its new name: false where the name was taken (EEXIST); any other failure is thrown. */
function claimed(make) {
    try {
        make();
        return true;
    }
    catch (error) {
        if (errors_errnoCode(error) === 'EEXIST')
            return false;
        throw error;
    }
}
/** The first of nameAt(0), nameAt(1)... that `claim` takes (true); EEXIST once MOST_NAMES names were taken. */
function firstFree(nameAt, claim) {
    let name = '';
    for (let n = 0; n < MOST_NAMES; n++)
        if (claim((name = nameAt(n))))
            return name;
    throw claim_takenError(name, `the last of ${MOST_NAMES} names tried is taken`);
}
/** Move `from` to the first free name of nameAt(0), nameAt(1)...; returns the name it took. */
function claim_moveToFree(from, moving, nameAt, ops, platform) {
    return firstFree(nameAt, (to) => claim_moveIfFree(from, to, moving, ops, platform));
}
/**
 * Move `from` to `to` unless something is there; false where it is. POSIX: a directory goes onto an empty directory
 * made for it, anything else over a placeholder. Windows puts every kind over a placeholder first: a directory (or a
 * directory link) that MoveFileExW will not put there (EPERM) is renamed alone, which never replaces either.
 */
function claim_moveIfFree(from, to, moving, ops, platform) {
    if (moving === 'directory' && !platform.isWindows)
        return intoOwnDirectory(from, to, ops);
    return overPlaceholder(from, to, moving, ops, platform);
}
/**
 * What renaming a directory onto an empty one of ours gives where the filesystem will not do it (fusefat: EPERM,
 * rclone: EEXIST, davfs2: EINVAL; lab/FINDINGS.md), or where ours was filled meanwhile (ENOTEMPTY, EEXIST).
 */
const NOT_OVER_DIRECTORY = ['EPERM', 'EEXIST', 'EINVAL', 'ENOTEMPTY'];
/**
 * An empty directory made at `to` (mkdir: EEXIST where taken), then `from` renamed onto it: rename(2) lets a
 * directory replace an empty one. Where the filesystem will not, ours goes and the directory is renamed alone, which
 * can replace at most an empty directory made meanwhile, never data. Ours filled meanwhile will not go: taken.
 */
function intoOwnDirectory(from, to, ops) {
    if (!claimed(() => ops.mkdir(to)))
        return false;
    try {
        renameOrMoved(from, to, ops);
    }
    catch (error) {
        if (!NOT_OVER_DIRECTORY.includes(errors_errnoCode(error))) {
            errors_quietly(() => ops.rmdir(to));
            throw error;
        }
        return unclaimed(to, error, ops) && renameRefusingTaken(from, to, ops);
    }
    return true;
}
/** What rmdir answers where our directory is not ours alone any more: filled (ENOTEMPTY, EEXIST) or gone. */
const CLAIM_TAKEN = ['ENOTEMPTY', 'EEXIST', 'ENOENT'];
/**
 * Our empty directory at `to` removed after `refused` (the rename onto it): false where another process has the
 * name now. Any other failure (EBUSY) is thrown: passing on would leave one more empty directory at each name tried.
 */
function unclaimed(to, refused, ops) {
    try {
        ops.rmdir(to);
        return true;
    }
    catch (error) {
        const code = errors_errnoCode(error);
        if (CLAIM_TAKEN.includes(code))
            return false;
        const why = `the empty directory made to claim the name (the rename onto it was refused: ${errors_errnoCode(refused)})`;
        throw Object.assign(new Error(`${code}: cannot remove ${why}; it is left, and no other name tried, '${to}'`), {
            code,
            errno: error.errno,
            syscall: 'rmdir',
            path: to
        });
    }
}
/**
 * rename(2), done also where it answered an error but `from` is gone and `to` holds its inode: NFS answers a
 * retransmitted rename that already happened with ENOENT.
 */
function renameOrMoved(from, to, ops, moving = ops.lstat(from)) {
    try {
        ops.rename(from, to);
    }
    catch (error) {
        const at = errors_quietly(() => ops.lstat(to));
        const moved = moving && at && fsops_sameFile(at, moving) && !errors_quietly(() => ops.lstat(from));
        if (!moved)
            throw error;
    }
}
/**
 * `from` renamed over a placeholder of ours at `to`; Windows: see renameRefusingTaken. What moves is looked at once,
 * before the placeholder is made: for its text, and to know it at `to` after a rename that answered an error.
 */
function overPlaceholder(from, to, moving, ops, platform) {
    const found = ops.lstat(from);
    const text = platform.isWindows ? '' : placeholderText(from, to, { moving, found }, ops, platform);
    const held = placeholder(to, text, ops, platform);
    if (!held)
        return false;
    try {
        renameOrMoved(from, to, ops, found);
    }
    catch (error) {
        dropPlaceholder(to, held, ops);
        if (platform.isWindows && errors_errnoCode(error) === 'EPERM' && namesDirectory(from, ops))
            return renameRefusingTaken(from, to, ops);
        throw error;
    }
    return true;
}
/**
 * The text of the link that holds `to` off Windows: a link's own, what the name holds after the rename anyway (s3fs,
 * which serves link texts from a cache, then reads back the right one); else one to `from`. A text that leads nowhere
 * is replaced by `.`: sshfs -o follow_symlinks makes such a link yet answers ENOENT, and then shows nothing at the
 * name, so the link could neither be told ours nor removed (lab/FINDINGS.md).
 */
function placeholderText(from, to, what, ops, platform) {
    const { path } = platform;
    const own = what.moving === 'link' ? errors_quietly(() => ops.readlink(from)) : undefined;
    const text = own ?? path.relative(path.dirname(to), from);
    // A text to `from` leads somewhere where `from` was found and is no link: only another text is followed to know.
    const leads = own === undefined && what.found !== undefined && !what.found.isSymbolicLink();
    return leads || errors_quietly(() => ops.stat(path.resolve(path.dirname(to), text))) ? text : '.';
}
/** What symlink() answers where no link can be made at all (FAT: ENOSYS, EPERM; SMB without them: EOPNOTSUPP). */
const claim_NO_LINKS = [...NOT_IMPLEMENTED, 'EPERM'];
/**
 * Hold `to` until the rename: what holds it, as made (its kind and inode), or undefined where the name is taken. Off
 * Windows, a link with `text`: whoever opens `to` meanwhile reaches what it will reach just after the rename. Where no
 * link can be made, and on Windows (where a link needs a privilege), an empty file made with O_EXCL: nothing that was
 * there is replaced, but a writer that opens it without O_EXCL (a shell's `>`) in the moment before the rename loses
 * what it wrote.
 */
function placeholder(to, text, ops, platform) {
    const linked = platform.isWindows ? false : linkHolds(to, text, ops, platform);
    if (linked === 'taken' || (!linked && !claimed(() => ops.writeFile(to, ''))))
        return undefined;
    return ops.lstat(to);
}
/** Whether a link with `text` made at `to` holds it: 'taken' where the name is, false where no link could be made. */
function linkHolds(to, text, ops, platform) {
    try {
        ops.symlink(text, to);
        return true;
    }
    catch (error) {
        const code = errors_errnoCode(error);
        if (code === 'EEXIST')
            return 'taken';
        if (claim_NO_LINKS.includes(code))
            return false;
        // A share may make the link and answer an error all the same (sshfs -o follow_symlinks: EIO), but what is at the
        // name now may have come from another process meanwhile: ours only where it is shown to be. Else the empty file
        // is tried, which passes on where the name is taken.
        return isLinkWithText(to, text, ops) || (code === 'EIO' && showsWhereTextLeads(to, text, ops, platform));
    }
}
/** A link at `to` with `text`: ours, or one that leads where ours would, so that renaming over it loses nothing. */
function isLinkWithText(to, text, ops) {
    return errors_quietly(() => ops.lstat(to))?.isSymbolicLink() === true && errors_quietly(() => ops.readlink(to)) === text;
}
/**
 * sshfs -o follow_symlinks: the link shows as what it leads to (lstat gives the target's type, readlink EINVAL;
 * lab/FINDINGS.md). Ours where `to` shows the very entry `text` leads to: its inode, or where sshfs numbers each name
 * apart (no -o use_ino), all the server keeps of one inode, and a file's bytes. Another process's entry that passes
 * that holds what the rename puts there anyway; a directory is never replaced by the link or file that moves.
 */
function showsWhereTextLeads(to, text, ops, platform) {
    const end = platform.path.resolve(platform.path.dirname(to), text);
    const [at, led] = [errors_quietly(() => ops.lstat(to)), errors_quietly(() => ops.stat(end))];
    if (!at || !led || at.isSymbolicLink() || at.dev !== led.dev)
        return false;
    if (at.ino === led.ino)
        return true;
    const kept = ['mode', 'size', 'nlink', 'uid', 'gid', 'mtimeMs'].every((key) => at[key] === led[key]);
    return kept && (!at.isFile() || errors_quietly(() => ops.sameBytes(end, to)) === true);
}
/** After a failed rename: the placeholder goes only while it still is the entry made (kind, inode, size, ctime). */
function dropPlaceholder(to, held, ops) {
    const at = errors_quietly(() => ops.lstat(to));
    if (at && sameEntry(at, held))
        errors_quietly(() => ops.unlink(to));
}
/** One entry, unchanged: a name another process put in its place, or wrote into, differs in one of these. */
function sameEntry(a, b) {
    const kinds = (s) => [s.isSymbolicLink(), s.isFile(), s.isDirectory()];
    const same = ['dev', 'ino', 'size', 'ctimeMs'].every((key) => a[key] === b[key]);
    return same && kinds(a).every((kind, i) => kind === kinds(b)[i]);
}
/**
 * Windows: `from` is what MoveFileExW puts over nothing: a directory, a directory symlink or a junction, as found now
 * (a link's kind is asked of PowerShell). A file or file symlink it puts over a file: not renamed without a claim.
 */
function namesDirectory(from, ops) {
    if (errors_quietly(() => ops.lstat(from))?.isDirectory())
        return true;
    const kind = errors_quietly(() => ops.linkKinds([from])[0]);
    return kind === 'dir' || kind === 'junction';
}
/**
 * The rename alone, where it can replace no data: a directory renamed (rename(2) replaces at most an empty one), and
 * on Windows a directory, a directory symlink or a junction, which MoveFileExW with MOVEFILE_REPLACE_EXISTING "cannot"
 * put over anything (Microsoft's reference; ERROR_ACCESS_DENIED, which libuv calls EPERM). A refusal with something
 * now at `to` (rclone says EEXIST) means the name is taken.
 */
function renameRefusingTaken(from, to, ops) {
    try {
        renameOrMoved(from, to, ops);
    }
    catch (error) {
        if (ops.lstat(to))
            return false;
        throw error;
    }
    return true;
}

;// CONCATENATED MODULE: ./src/names.ts
// The names ln-action gives what it makes besides the links: temporary names (a link is made under one, then renamed
// over PATH; the probes' scratch files) in a form a later run recognises, so that what a killed run left can be swept,
// and backup names. Apply, cleanup and removal all name things here.

/** Temporary names: a fixed prefix a later run can recognise, then pid and randomness (unique per process). */
const TEMP_PREFIX = '.ln-action-';
const STALE_TEMP_MS = 60 * 60 * 1000;
/** tempName's form, and the probe's scratch names (-f, -s, -h) built on it. */
const TEMP_NAME = /^\.ln-action-[0-9a-z]+-[0-9a-f]{8}(-[fsh])?$/;
/** Random bytes drawn a page at a time: a call to randomBytes per name costs more than the link it names. */
let pool = Buffer.alloc(0);
let drawn = 0;
/** Eight random hex digits. */
function randomHex() {
    if (drawn >= pool.length)
        [pool, drawn] = [(0,external_node_crypto_namespaceObject.randomBytes)(4096), 0];
    drawn += 4;
    return pool.toString('hex', drawn - 4, drawn);
}
/** A new temporary name in dir. */
function names_tempName(dir, path) {
    return path.join(dir, `${TEMP_PREFIX}${process.pid.toString(36)}-${randomHex()}`);
}
/**
 * A name in dir for the directory of ours that copies at PATHs in dir go aside into (overwrite: copies,
 * apply/aside-room.ts). Not of TEMP_NAME's form: what is left there (not proven identical) is never swept by a later
 * run.
 */
function asideName(dir, path) {
    return path.join(dir, `${TEMP_PREFIX}aside-${process.pid.toString(36)}-${randomHex()}`);
}
/** The n-th name a backup of `path` may take: PATH+suffix first, then PATH.~1~, PATH.~2~... (as `ln --backup=numbered`). */
function backupName(path, suffix, n) {
    return n === 0 ? path + suffix : `${path}.~${n}~`;
}

;// CONCATENATED MODULE: ./src/remove.ts



function kept(code, message, hint) {
    return { action: 'fail', code, message: `${message} Kept: state: absent removes only links.`, hint };
}
const GIVE_TARGET = 'Give TARGET to remove a hard link of it, or remove the file in a step of your own if it is meant to go.';
/** Whether the entry at PATH may go, from what the plan found (nothing here touches the disk). */
function judgeRemoval(f) {
    const { at, path, target } = f;
    if (!at)
        return { action: 'unchanged' };
    if (at.isSymbolicLink()) {
        if (target === '' || f.leadsToTarget)
            return { action: 'remove', kind: 'symlink' };
        return kept('OTHER_TARGET', `${path} is a link, but not to ${target}.`, 'Give the TARGET it leads to, or no TARGET to remove whatever link is at PATH.');
    }
    if (at.isDirectory())
        return kept('NOT_A_LINK', `${path} is a directory, not a link.`, 'Remove it in a step of your own if it is meant to go.');
    if (target === '') {
        const what = at.nlink > 1 ? `a file with ${at.nlink} names (hard links)` : 'a regular file';
        return kept('NOT_A_LINK', `${path} is ${what}, and no TARGET says whose hard link it would be.`, GIVE_TARGET);
    }
    const t = f.targetStats;
    // One name is no hard link: TARGET may reach PATH's own file (through a symlinked parent), its only copy.
    if (t && fsops_sameFile(at, t) && at.nlink < 2)
        return kept('NOT_A_LINK', `${path} is the only name of its file (${target} leads to it): no hard link.`, GIVE_TARGET);
    if (t && fsops_sameFile(at, t))
        return { action: 'remove', kind: 'hardlink' };
    if (f.hidesInodes) {
        return kept('UNVERIFIABLE', `${path} may be a hard link of ${target}, but this sshfs mount shows each name of a file as its own inode, ` +
            'so it cannot be proven the same file (a copy made with `cp -p` looks the same).', 'Remove it in a step of your own if you know it is the link, or mount with `-o use_ino` where the server allows.');
    }
    const why = t ? `not ${target}'s file (another inode)` : `not a hard link of ${target}, which does not exist`;
    return kept('OTHER_TARGET', `${path} is a file, ${why}.`, GIVE_TARGET);
}
/**
 * Remove the link at `abs` (`kind`: a hard link, or a symbolic link or junction), or with a backup suffix move it to
 * PATH+suffix (PATH.~N~ when taken), never over anything (claim.ts); the backup.
 */
function removeLinkAt(abs, kind, backupSuffix, ops, platform) {
    if (!backupSuffix) {
        ops.unlink(abs);
        return undefined;
    }
    const moving = kind === 'hardlink' ? 'file' : 'link';
    return claim_moveToFree(abs, moving, (n) => backupName(abs, backupSuffix, n), ops, platform);
}

;// CONCATENATED MODULE: ./src/plan/removal.ts
// `state: absent`: the facts remove.ts judges (what is at PATH, whether a link there leads to TARGET), and the plan
// that follows from its verdict.







/** `state: absent`: whether what is at PATH may go (remove.ts judges), and the text of a link that would. */
function planRemoval(plan, parent, ctx) {
    const { request } = plan;
    const at = parent.missing.length > 0 ? undefined : ctx.ops.lstat(request.absPath);
    const given = request.absTarget !== '';
    const isLink = at?.isSymbolicLink() === true;
    if (at)
        plan.existing = existingKind(at);
    if (isLink)
        plan.text = readLinkText(plan, ctx) ?? '';
    const verdict = judgeRemoval({
        path: request.absPath,
        target: request.absTarget,
        at,
        targetStats: given && at && !isLink ? ctx.ops.stat(request.absTarget) : undefined,
        leadsToTarget: isLink && given && removal_leadsTo(plan, parent.real, ctx),
        hidesInodes: quirksOf(plan.filesystem).hidesInodes
    });
    if (verdict.action === 'remove')
        return {
            ...plan,
            action: 'remove',
            kinds: [verdict.kind],
            parent: parent_parentOf(request.absPath, ctx.ops, ctx.platform)
        };
    if (verdict.action !== 'fail')
        return { ...plan, action: verdict.action, kinds: [] };
    const { code, message, hint } = verdict;
    return { ...failed(plan, code, 'unlink', 'remove the link'), said: { message, hint } };
}
/** The link at PATH leads to TARGET: its text read from either parent's spelling, or both lead to the same file. */
function removal_leadsTo(plan, realParent, ctx) {
    const { platform, ops } = ctx;
    const { absPath, absTarget } = plan.request;
    const wanted = platform_pathKey(platform, absTarget);
    const text = withoutNamespace(platform, plan.text);
    const dirs = [platform.path.dirname(absPath), realParent];
    if (text !== '' && dirs.some((dir) => platform_pathKey(platform, platform.path.resolve(dir, text)) === wanted))
        return true;
    const [a, b] = [ops.stat(absPath), ops.stat(absTarget)];
    return a !== undefined && b !== undefined && fsops_sameFile(a, b);
}

;// CONCATENATED MODULE: ./src/plan/settled.ts
// The common re-run: PATH is already the symbolic link asked for. Once a link in a planning pass was found so, the
// next links' texts are read first, and TARGET is looked at only as far as `dangling` needs it (on a share each call
// is a round trip): one or two calls instead of three. Anything else gets the full look; a first run never reads
// first, so it pays nothing for this.



/**
 * Settle the plan as `unchanged` when PATH already holds the asked text and TARGET is as `dangling` wants it. Only
 * where the text alone decides: not on Windows (junctions, link types), not for another kind asked first.
 */
function firstLook(plan, realParent, ctx) {
    const { request } = plan;
    if (!ctx.rerun?.likely || ctx.platform.isWindows || plan.kinds[0] !== 'symlink')
        return undefined;
    let text;
    try {
        text = ctx.ops.readlink(request.absPath);
    }
    catch (error) {
        // Not a link (EINVAL), a hidden text (EPERM on sshfs), a share's errno: the full look asks again and says why.
        return errors_errnoCode(error) === 'ENOENT' ? 'nothing' : undefined;
    }
    if (text !== textOf(request, realParent, ctx))
        return undefined;
    if (ctx.settings.dangling !== 'allow') {
        // A missing TARGET warns or fails: the full look says so. Whether TARGET is a directory matters to none of
        // this (it is not Windows), nor does what a hard link would share: it is not asked.
        if (!targetThere(request.absTarget, ctx))
            return undefined;
        plan.targetExists = true;
    }
    // Field by field: Object.assign with a new object costs each re-run's link about a thousand instructions more.
    plan.text = text;
    plan.existing = 'link';
    plan.action = 'unchanged';
    plan.kinds = ['symlink'];
    return 'settled';
}
/**
 * Whether the next link is likely already right: the one just planned was a symbolic link whose text could be read.
 * Not where a mount shows links as their TARGETs or hides their texts: reading first would only add a round trip.
 */
function noteSettled(plan, ctx) {
    if (!ctx.rerun)
        return;
    const readable = plan.existing === 'link' && plan.kinds[0] === 'symlink' && !plan.unreadable;
    ctx.rerun.likely = plan.action === 'unchanged' && readable;
}

;// CONCATENATED MODULE: ./src/plan/index.ts
// Plan stage: for each link, look at the disk (read only) and decide: create, replace, unchanged or fail. One link's
// story: where PATH really is (resolve.ts), what TARGET is and what a link to it holds (link-text.ts), which kinds
// can lead there (kinds.ts), and what is at PATH already (settled.ts for a link already right; else recognise.ts,
// decide.ts); or, for `state: absent`, whether what is there may go (removal.ts). A link on a share already found
// gone is skipped (gone-shares.ts); the caches one pass keeps are in context.ts.














/**
 * A plan's filesystem until locate looks up the one PATH's real parent is on: a plan that fails before then reports
 * PATH's own (located), the one a link that never got further reports. One lookup a link, not two.
 */
const UNLOCATED = { type: 'unknown', mountPoint: '', source: '', options: [] };
/** The plan, with PATH's own filesystem where locate did not get to look up its parent's. */
function located(plan, ctx) {
    if (plan.filesystem === UNLOCATED)
        plan.filesystem = ctx.detector.forPath(plan.request.absPath);
    return plan;
}
function planLink(request, ctx) {
    const plan = emptyPlan(request, ctx, UNLOCATED);
    try {
        const parent = locate(plan, ctx);
        if (!parent)
            return escaped(located(plan, ctx), ctx);
        if (request.options.state === 'absent') {
            const through = ctx.settings.confineTargets ? refuseAbsentThroughLink(plan, parent.real, ctx) : undefined;
            return through ?? planRemoval(plan, parent, ctx);
        }
        if (ctx.settings.restore && request.options.fallback.includes('copy'))
            return refuseCopy(plan, ctx);
        // Nothing can be in a directory that does not exist: on a share that saves a round trip per new link.
        const first = parent.missing.length > 0 ? 'nothing' : firstLook(plan, parent.real, ctx);
        if (first === 'nothing')
            return planNew(plan, parent.real, ctx);
        // A restore vouches for no link leading out, not even one the artifact brought already right.
        if (first === 'settled' && !ctx.settings.confineTargets)
            return plan;
        const target = examineTarget(plan, parent.real, ctx);
        const outside = ctx.settings.confineTargets ? refuseOutside(plan, parent.real, ctx) : undefined;
        if (outside)
            return outside;
        if (first === 'settled')
            return plan;
        return fitKinds(plan, target, ctx) ?? decide(plan, ctx.ops.lstat(request.absPath), target, ctx);
    }
    catch (error) {
        if (!isErrno(error))
            throw error;
        return {
            ...located(plan, ctx),
            action: 'fail',
            failure: toFailure(error, error.syscall ?? 'stat', attemptOf(request))
        };
    }
}
/** A link with nothing at PATH: TARGET is looked at, and no more than that is asked. */
function planNew(plan, realParent, ctx) {
    const target = examineTarget(plan, realParent, ctx);
    const outside = ctx.settings.confineTargets ? refuseOutside(plan, realParent, ctx) : undefined;
    return outside ?? fitKinds(plan, target, ctx) ?? decide(plan, undefined, undefined, ctx);
}
/**
 * Plan one link, unless its share (found lexically, without touching it) is already known to be gone. A plan that
 * finds the share gone marks it so for the links after it.
 */
function planOrSkip(request, ctx) {
    const skipped = skipOnGoneShare(request, ctx);
    if (skipped)
        return skipped;
    const plan = planLink(request, ctx);
    noteGoneShare(plan, ctx);
    noteSettled(plan, ctx);
    return plan;
}
/** Plan every link, in spec order. */
function planAll(requests, ctx) {
    const planning = planningContext(ctx);
    return requests.map((request) => planOrSkip(request, planning));
}

;// CONCATENATED MODULE: ./src/result.ts
// Results: what each link reports, built from its plan and what applying it came to. Every result of the run, in
// process or in a share worker, planned, made, failed or never attempted, is made here.



/** Everything the knowledge base may match a failure of this link on. */
function failureContext(plan, failure, kind, ctx) {
    return {
        failure,
        kind,
        path: plan.request.absPath,
        target: plan.request.absTarget,
        filesystem: plan.filesystem,
        platform: ctx.platform,
        targetExists: plan.targetExists,
        targetIsDir: plan.targetIsDir,
        existing: plan.existing,
        parentsMissing: plan.missingParents.length > 0,
        hardlinkProtected: hardlinkProtected(plan, failure, ctx)
    };
}
/**
 * Whether fs.protected_hardlinks can be what refused this hard link: it is on, and the effective user is neither root
 * nor TARGET's owner (an owner that cannot be read may be another). Looked at only after EPERM from link() on Linux.
 */
function hardlinkProtected(plan, failure, ctx) {
    if (failure.code !== 'EPERM' || failure.syscall !== 'link' || ctx.platform.name !== 'linux')
        return undefined;
    const guard = (ctx.hardlinkGuard ??= hardlinkGuard());
    if (!guard.protects || guard.euid === 0)
        return false;
    let owner;
    try {
        owner = ctx.ops.stat(plan.linkSource)?.uid;
    }
    catch {
        // TARGET cannot be looked at now: it may be the cause
    }
    return owner !== guard.euid;
}
/** `evidence`: what apply found out after the failure to tell apart what its errno can mean (Windows). */
function explainFailure(plan, failure, kind, ctx, evidence = {}) {
    return explain({ ...failureContext(plan, failure, kind, ctx), ...evidence });
}
/** The kinds a probe tries, by their names in a Probe. */
const PROBED = ['symlink', 'hardlink'];
function describeProbe(probe, dir) {
    const works = (kind, words) => probe[kind] === 'ok'
        ? `${words} work`
        : probe[kind] === 'untested'
            ? `${words} could not be tried`
            : `${words} do not (${probe[kind]})`;
    // Only what was tried and failed rules a kind out: where not even a scratch file could be made, nothing was learnt.
    if (PROBED.every((kind) => probe[kind] !== 'ok' && probe[kind] !== 'untested')) {
        return `Probed ${dir}: neither symbolic links (${probe.symlink}) nor hard links (${probe.hardlink}) can be made there, so only a copy can (\`fallback: copy\`).`;
    }
    return `Probed ${dir}: ${works('symlink', 'symbolic links')}, ${works('hardlink', 'hard links')}.`;
}
/** What the failure means: explained where it happened, said by the plan (removal, confinement), or asked now. */
function explanationOf(plan, outcome, ctx) {
    const { failure } = outcome;
    if (!failure)
        return undefined;
    return outcome.explanation ?? plan.said ?? explainFailure(plan, failure, outcome.failedKind ?? plan.kinds[0], ctx);
}
/**
 * The hint, after what a probe of PATH's directory found: what it saw work or fail first, then only advice it did not
 * disprove.
 */
function hintOf(explanation, probe, plan, ctx) {
    if (!probe)
        return explanation?.hint ?? '';
    const failing = PROBED.filter((kind) => probe[kind] !== 'ok' && probe[kind] !== 'untested');
    const dir = ctx.platform.path.dirname(plan.request.absPath);
    return `${describeProbe(probe, dir)} ${hintAfterProbe(explanation?.advice ?? [], failing)}`.trim();
}
function toResult(plan, outcome, ctx) {
    const { request } = plan;
    const { failure } = outcome;
    const explanation = explanationOf(plan, outcome, ctx);
    let message = explanation?.message ?? '';
    const hint = hintOf(explanation, outcome.probe, plan, ctx);
    if (plan.skipped)
        message = `Not attempted: an earlier link found this share gone or not answering. ${message}`;
    // A failed link reports the kind whose call failed (or would, in a dry run); a skipped one made no call.
    const kind = outcome.kind || (outcome.status === 'skipped' ? '' : (outcome.failedKind ?? ''));
    // One literal for the fields every result has; the optional ones follow only where there are any.
    const result = {
        line: request.line,
        path: request.absPath,
        target: request.absTarget,
        text: kind === 'hardlink' || kind === 'copy' ? '' : linkTextOf(ctx.platform, kind, plan.text, request.absTarget),
        type: request.options.type,
        kind,
        status: outcome.status,
        code: failure?.code ?? '',
        errno: failure?.errno ?? null,
        syscall: failure?.syscall ?? '',
        filesystem: plan.filesystem.type,
        message,
        hint,
        warnings: plan.warnings
    };
    if (request.endLine)
        result.endLine = request.endLine;
    if (plan.fallback)
        result.fallback = plan.fallback;
    if (outcome.probe)
        result.probe = outcome.probe;
    return result;
}
/**
 * A link that never got to the disk: its share timed out or was found gone first (`skipped`), or its worker died.
 * A dry run reports it as a plan that would fail; this is the one place a failure becomes a dry run's.
 */
function unfinishedResult(request, failure, ctx, run) {
    const skipped = run.skipped === true;
    const plan = { ...emptyPlan(request, ctx), action: 'fail', failure, skipped };
    const result = toResult(plan, { status: skipped ? 'skipped' : 'failed', kind: '', failure }, ctx);
    return run.dryRun ? { ...result, status: 'planned', plan: 'fail' } : result;
}
/** What a dry run can say of a plan by itself: the failure it can already see, or the kind already at PATH. */
function plannedOutcome(plan) {
    return plan.failure
        ? { status: 'planned', kind: '', failure: plan.failure, failedKind: plan.kinds[0] }
        : { status: 'planned', kind: plan.action === 'unchanged' ? (plan.kinds[0] ?? '') : '' };
}
/** A dry run's result: what a real run would do, as the plan sees it or as predicted (predict.ts). */
function plannedResult(plan, ctx, outcome = plannedOutcome(plan)) {
    return { ...toResult(plan, outcome, ctx), plan: plan.action };
}
/** A result from the spec alone, nothing attempted (it was rejected, or settled the entry): the paths as written. */
function asWritten(line, entry, why) {
    return {
        line,
        ...(entry?.endLine ? { endLine: entry.endLine } : {}),
        path: entry?.path ?? '',
        target: entry?.target ?? '',
        text: '',
        type: entry?.options.type ?? 'symlink',
        kind: '',
        status: why.status,
        code: why.code,
        errno: null,
        syscall: '',
        filesystem: '',
        message: why.message,
        hint: why.hint ?? '',
        warnings: []
    };
}
/**
 * An entry the spec settled on this runner (spec/runner.ts): one for other runners, or one spelt for Windows. A dry
 * run reports the failure as a plan that would fail, as it does every failure it can see.
 */
function verdictResult(verdict, dryRun) {
    const result = asWritten(verdict.entry.line, verdict.entry, verdict);
    return dryRun && verdict.status === 'failed' ? { ...result, status: 'planned', plan: 'fail' } : result;
}
/**
 * What a rejected spec reports: each problem failed on its line (with its entry's paths where the entry was read),
 * and every entry without a problem skipped, since nothing was attempted. In line order.
 */
function rejectedResults(entries, problems) {
    const byLine = new Map(entries.map((e) => [e.line, e]));
    const failed = problems.map((p) => asWritten(p.line, byLine.get(p.line), { status: 'failed', code: 'SPEC', message: p.message }));
    const lines = new Set(problems.map((p) => p.line));
    const message = 'Not attempted: the spec has problems on other lines, and nothing is changed until it has none.';
    const skipped = entries
        .filter((e) => !lines.has(e.line))
        .map((e) => asWritten(e.line, e, { status: 'skipped', code: 'ECANCELED', message }));
    return [...failed, ...skipped].sort((a, b) => a.line - b.line);
}

;// CONCATENATED MODULE: ./src/apply/kept-kinds.ts
// Windows fixes a link's kind (file, directory, junction) when it is made: a link kept (in a copied tree, a backup,
// the undo record's note) is made again with its own kind, asked of PowerShell once for many links.



/**
 * The Windows types links are made again with: each one's own. Where a relative text that leads somewhere settles
 * every one, nothing is asked; otherwise all are asked in one call, since it is one PowerShell start either way and a
 * link's own kind beats what it leads to (a file link may lead to a directory). Where nothing tells, what the link
 * leads to now decides, or it is a file link.
 */
function keptLinkTypes(links, ctx) {
    if (!ctx.platform.isWindows)
        return links.map(() => undefined);
    return kindsAndTexts(links, ctx).map(({ kind }) => kind);
}
/** keptLinkTypes, with the text each link held when its kind was found (Windows only). */
function kindsAndTexts(links, ctx) {
    const { ops, platform } = ctx;
    const leadsTo = links.map((p) => errors_quietly(() => ops.stat(p)));
    const texts = links.map((p) => errors_quietly(() => ops.readlink(p)));
    const known = texts.map((text, i) => (text === undefined ? undefined : mounts_windows_kindFromText(text, leadsTo[i])));
    const asked = known.includes(undefined) ? ops.linkKinds(links) : [];
    return links.map((_, i) => ({
        kind: asked[i] ?? known[i] ?? symlinkType(platform, 'symlink', !!leadsTo[i]?.isDirectory()),
        text: texts[i]
    }));
}
/**
 * Windows: the kinds of the links a slice of plans will replace and keep (a backup, or the undo record's note of
 * what to put back), asked together before the slice is applied, so that PowerShell starts once per slice, not once
 * per link. A link below an earlier link is planned again when its turn comes (what is at its PATH may change by
 * then): it is left to ask for itself.
 */
function learnKeptKinds(plans, ctx) {
    if (!ctx.platform.isWindows || !(ctx.settings.backupSuffix || ctx.settings.cleanup))
        return;
    const links = plans
        .filter((p) => p.action === 'replace' && p.existing === 'link' && !p.request.dependsOnEarlier)
        .map((p) => p.request.absPath);
    kindsAndTexts(links, ctx).forEach(({ kind, text }, i) => {
        if (kind && text !== undefined)
            ctx.keptKinds.set(links[i], { text, kind });
    });
}
/** The Windows kind of the link at p: as learnKeptKinds found it while p still holds the text it held then, else asked. */
function keptLinkType(p, ctx) {
    if (!ctx.platform.isWindows)
        return undefined;
    const learned = ctx.keptKinds.get(p);
    if (learned && learned.text === errors_quietly(() => ctx.ops.readlink(p)))
        return learned.kind;
    return keptLinkTypes([p], ctx)[0];
}

;// CONCATENATED MODULE: ./src/apply/copy.ts
// Copying TARGET, a file or a tree with the links inside it kept as links: all of it, or nothing.



/** A copy, or nothing: one that fails halfway (ENOSPC...) is removed; EEXIST means `to` was never ours. */
function copyWhole(from, to, ctx) {
    try {
        copyEntry(from, to, ctx);
    }
    catch (error) {
        if (errors_errnoCode(error) !== 'EEXIST' && ctx.ops.lstat(to))
            fsops_removeEntry(to, ctx.ops, ctx.platform.path);
        throw error;
    }
}
/**
 * Copy a file, or a tree: each entry, with the links inside it kept as links. The first entry follows a link: TARGET
 * is copied. The links are made last, when all their kinds are known at once (on Windows one PowerShell start for the
 * tree, not one per link), and each directory's times after that, since every entry made in it moves its mtime.
 */
function copyEntry(from, to, ctx) {
    const links = [];
    const dirs = [];
    copyInto(from, to, true, ctx, { links, dirs });
    const kinds = keptLinkTypes(links.map(([source]) => source), ctx);
    links.forEach(([source, copy], i) => ctx.ops.symlink(ctx.ops.readlink(source), copy, kinds[i]));
    for (const [source, copy] of dirs)
        ctx.ops.copyMeta(source, copy);
}
/** copyEntry's walk: files copied and directories made; links and directory times left for later, in that order. */
function copyInto(from, to, follow, ctx, later) {
    const { ops, platform } = ctx;
    const stats = follow ? ops.stat(from) : ops.lstat(from);
    if (stats?.isSymbolicLink())
        return void later.links.push([from, to]);
    if (!stats?.isDirectory())
        return ops.copyFile(from, to); // nothing there: copyFile says ENOENT
    ops.mkdir(to);
    for (const name of ops.readdir(from)) {
        copyInto(platform.path.join(from, name), platform.path.join(to, name), false, ctx, later);
    }
    later.dirs.push([from, to]);
}

;// CONCATENATED MODULE: ./src/own.ts
// Strings kept for a whole run are copies: a name cut from the spec is a slice of the piece it was read from, and V8
// keeps a slice's whole source alive, so a directory name kept in a cache would keep 64 KiB of the spec with it.
/** A copy of `s` that holds nothing of the text it was cut from (a concatenation is copied flat when sliced). */
function own(s) {
    return (' ' + s).slice(1);
}

;// CONCATENATED MODULE: ./src/apply/evidence.ts


/**
 * What tells apart the causes one errno stands for on Windows, looked at once the call failed: libuv says EPERM for
 * ERROR_PRIVILEGE_NOT_HELD and ERROR_ACCESS_DENIED alike, and UNKNOWN for every Win32 error it does not map.
 */
function evidence(failure, plan, ctx) {
    if (!ctx.platform.isWindows)
        return {};
    if (failure.code === 'EPERM' && failure.syscall === 'symlink')
        return { canCreateFile: canCreateFile(ctx.platform.path.dirname(plan.request.absPath), ctx) };
    if (failure.code === 'UNKNOWN' && failure.syscall === 'link') {
        try {
            return { targetLinks: ctx.ops.lstat(plan.linkSource)?.nlink };
        }
        catch {
            return {}; // unread: the row says it could not be confirmed
        }
    }
    return {};
}
/** Whether a plain file can be made (and is removed at once) in dir: once per directory. */
function canCreateFile(dir, ctx) {
    const known = ctx.fileProbes.get(dir);
    if (known !== undefined)
        return known;
    const file = `${names_tempName(dir, ctx.platform.path)}-f`;
    let made = false;
    try {
        ctx.ops.writeFile(file, '');
        made = true;
        ctx.ops.unlink(file);
    }
    catch {
        // not made, or made and left for the sweep of a later run: either way the answer stands
    }
    ctx.fileProbes.set(own(dir), made);
    return made;
}

;// CONCATENATED MODULE: ./src/apply/step-error.ts
// A failed call as a step's failure, with what was being done in words and the kind being made; its explanation is
// asked of the knowledge base once, with the evidence. A side step that fails (sweeping, reading back) is a warning.




/** A side step that failed without failing the link (sweeping, reading back): its explanation becomes a warning. */
function warnFailed(error, syscall, attempted, kind, plan, ctx, consequence = '') {
    if (!isErrno(error))
        throw error;
    const failure = toFailure(error, error.syscall ?? syscall, attempted);
    const { message, hint } = explainFailure(plan, failure, kind, ctx);
    plan.warnings.push([message, consequence, hint].filter(Boolean).join(' '));
}
/** A failed call, with what we were doing in words. */
class StepError extends Error {
    failure;
    kind;
    explained;
    constructor(failure, kind) {
        super(failure.code);
        this.failure = failure;
        this.kind = kind;
    }
    /** Asked of the knowledge base once, however many times the answer is needed. */
    explanation(plan, ctx) {
        return (this.explained ??= explainFailure(plan, this.failure, this.kind, ctx, evidence(this.failure, plan, ctx)));
    }
}
function step(attempted, kind, fn) {
    try {
        return fn();
    }
    catch (error) {
        throw stepError(error, attempted, kind);
    }
}
/** A system error as a step's failure; anything else as it was. */
function stepError(error, attempted, kind) {
    if (!isErrno(error))
        return error;
    return new StepError(toFailure(error, error.syscall ?? syscallOf(kind), attempted), kind);
}

;// CONCATENATED MODULE: ./src/apply/make.ts





/** A link of `kind` made at `at`; fails (EEXIST) where something is there. */
function make(kind, at, plan, ctx) {
    const { ops, platform } = ctx;
    switch (kind) {
        case 'symlink':
            return ops.symlink(plan.text, at, symlinkType(platform, 'symlink', plan.targetIsDir));
        case 'junction':
            // Elsewhere a junction is a symlink; Windows junctions take an absolute target.
            return ops.symlink(linkTextOf(platform, kind, plan.text, plan.request.absTarget), at, symlinkType(platform, 'junction', true));
        case 'hardlink':
            return linkFile(at, plan, ctx);
        case 'copy':
            return copyWhole(plan.request.absTarget, at, ctx);
    }
}
/**
 * A hard link to the file planned, checked to be that file. Where an earlier entry made the planned file a symbolic
 * link meanwhile, Linux's link(2) makes PATH a second name of that link (its text then read from PATH's directory,
 * leading anywhere) and macOS's follows it to whatever file it leads to. A name that is not the file planned goes
 * again (only where the file keeps another name: nothing is lost), and the link fails.
 */
function linkFile(at, plan, ctx) {
    const { ops } = ctx;
    const planned = lstatOrNothing(plan.linkSource, ctx);
    if (!planned?.isSymbolicLink()) {
        ops.link(plan.linkSource, at);
        // Nothing to compare with (link(2)'s own answer stands), or a share, whose answers are not read back.
        if (!planned || misreports(plan.filesystem))
            return;
        const made = lstatOrNothing(at, ctx);
        if (!made || isFileAsPlanned(made, planned, plan))
            return;
        if (made.nlink > 1)
            ops.unlink(at);
    }
    plan.said = {
        message: `${plan.linkSource}, the file a hard link at ${plan.request.absPath} was to share, is no longer that file: it changed after the link was planned (made a symbolic link by an earlier entry, say). No hard link to it is kept at PATH.`,
        hint: 'Run the step again; when TARGET is to be a symbolic link, make PATH a symbolic link to it (`type: symlink`).'
    };
    throw new StepError({ code: 'TARGET_CHANGED', syscall: 'link', attempted: 'make the hard link' }, 'hardlink');
}
/** The name made is the file planned: no link, one device, one inode (on a share that hides inodes, one device). */
function isFileAsPlanned(made, planned, plan) {
    if (made.isSymbolicLink() || made.dev !== planned.dev)
        return false;
    return made.ino === planned.ino || quirksOf(plan.filesystem).hidesInodes;
}
/** What is at p, not followed; nothing where it cannot be read (the call that matters says why). */
function lstatOrNothing(p, ctx) {
    try {
        return ctx.ops.lstat(p);
    }
    catch {
        return undefined;
    }
}
/**
 * sshfs -o follow_symlinks makes the link on the server, then stats what it points to and reports EIO (or ENOENT
 * for a TARGET the server cannot see). The link exists: report it created, keep the errno, and say why.
 */
function madeDespiteError(at, failure, plan, ctx) {
    const quirks = quirksOf(plan.filesystem);
    if (!quirks.followOption || failure.syscall !== 'symlink')
        return false;
    if (failure.code === 'ENOENT')
        return quirks.followsSymlinks;
    if (failure.code !== 'EIO')
        return false;
    try {
        return ctx.ops.lstat(at) !== undefined;
    }
    catch {
        return false; // the share cannot even tell: the EIO stands
    }
}
function failure(error) {
    return `${error.failure.code} (errno ${error.failure.errno ?? '?'})`;
}
/** Make the first kind that this filesystem allows at `at`; each step down the list is a warning. */
function makeWithFallback(at, plan, ctx) {
    for (let i = 0; i < plan.kinds.length; i++) {
        const kind = plan.kinds[i];
        try {
            return makeOne(kind, at, plan, ctx);
        }
        catch (error) {
            if (!(error instanceof StepError))
                throw error;
            const next = plan.kinds[i + 1];
            const { message, capability } = error.explanation(plan, ctx);
            if (!next || !capability)
                throw error;
            plan.fallback = fallBack(plan.fallback, kind, next, message);
        }
    }
    throw new Error('no kind of link to try'); // planLink never plans an empty list
}
/** A link of `kind` made at `at`, or made although the filesystem answered an error; a StepError where it was not. */
function makeOne(kind, at, plan, ctx) {
    try {
        make(kind, at, plan, ctx);
        return { kind };
    }
    catch (cause) {
        // Not through step(): every link comes here, and a closure and words per link add up over thousands.
        const error = stepError(cause, `create the ${kindWords(kind)}`, kind);
        if (!(error instanceof StepError) || !madeDespiteError(at, error.failure, plan, ctx))
            throw error;
        const option = quirksOf(plan.filesystem).followOption ?? '';
        plan.warnings.push(`${failure(error)} from symlink() through ${plan.filesystem.type} -o ${option}, but the link was made on the ` +
            `server: reported as created. Mount without ${option} to see links through the mount.`);
        return { kind, quirk: error.failure };
    }
}

;// CONCATENATED MODULE: ./src/apply/probe.ts
// Which kinds of link a filesystem allows, found with scratch links once per filesystem: the hint rests on evidence.




/**
 * Which kinds of link this directory's filesystem allows, found by making a scratch symlink and hard link next to
 * a scratch file (always removed). Once per filesystem: the hint then rests on evidence.
 */
function probe(dir, plan, ctx) {
    const key = plan.filesystem.mountPoint || dir;
    const known = ctx.probes.get(key);
    if (known)
        return known;
    const { ops, platform } = ctx;
    const base = names_tempName(dir, ctx.platform.path);
    const file = `${base}-f`;
    const attempt = (fn) => {
        try {
            fn();
            return 'ok';
        }
        catch (error) {
            return isErrno(error) ? errnoName(error) : 'failed';
        }
    };
    const result = { symlink: 'untested', hardlink: 'untested' };
    try {
        ops.writeFile(file, '');
        result.symlink = attempt(() => ops.symlink(platform.path.basename(file), `${base}-s`, symlinkType(platform, 'symlink', false)));
        // sshfs -o follow_symlinks answers EIO for a symlink it made: that is a symlink that works, as for a link.
        const said = { code: result.symlink, syscall: 'symlink', attempted: 'probe' };
        if (result.symlink !== 'ok' && madeDespiteError(`${base}-s`, said, plan, ctx))
            result.symlink = 'ok';
        result.hardlink = attempt(() => ops.link(file, `${base}-h`));
    }
    catch {
        // Not even a file could be made here: the link's own errno says why.
    }
    finally {
        for (const p of [`${base}-s`, `${base}-h`, file]) {
            try {
                ops.unlink(p);
            }
            catch {
                // never made
            }
        }
    }
    ctx.probes.set(key, result);
    return result;
}

;// CONCATENATED MODULE: ./src/apply/failed-outcome.ts
// A failed step as the link's outcome: explained, with a probe of what the filesystem allows where a capability is
// missing; a share found gone is marked so for the links after it.


function failedOutcome(error, plan, ctx) {
    const { failure, kind } = error;
    // Said by apply itself (a copy found changed right before the swap): nothing for the knowledge base to add.
    if (plan.said)
        return { status: 'failed', kind: '', failure, failedKind: kind };
    const explanation = error.explanation(plan, ctx);
    const outcome = { status: 'failed', kind: '', failure, failedKind: kind, explanation };
    if (isShareGone(failure.code))
        ctx.goneShares.set(ctx.detector.forPath(plan.request.absPath).mountPoint, failure);
    // EXDEV is about the pair of filesystems: a probe of PATH's directory alone would say "hard links work".
    else if (failure.code !== 'EXDEV' && explanation.capability) {
        outcome.probe = probe(ctx.platform.path.dirname(plan.request.absPath), plan, ctx);
    }
    return outcome;
}

;// CONCATENATED MODULE: ./src/apply/parents.ts
// The missing parent directories of PATH: made one by one, and those this link made removed again if it failed.


/** Create the missing parents one by one (a recursive mkdir reports ENOENT for EROFS); returns those made here. */
function createParents(plan, ctx, created) {
    for (const dir of plan.missingParents) {
        if (ctx.madeDirs.has(dir))
            continue;
        try {
            step(`create the parent directory ${dir} for`, plan.kinds[0], () => ctx.ops.mkdir(dir));
            created.push(dir);
        }
        catch (error) {
            // Another run (or an earlier link through another spelling) may have made it already.
            if (!(error instanceof StepError && error.failure.code === 'EEXIST' && ctx.ops.stat(dir)?.isDirectory()))
                throw error;
        }
        ctx.madeDirs.add(own(dir));
    }
}
/** Directories this link made before it failed go again, innermost first, where still empty. */
function removeCreatedParents(created, ctx) {
    for (const dir of created.reverse()) {
        try {
            ctx.ops.rmdir(dir);
            ctx.madeDirs.delete(dir);
        }
        catch {
            return;
        }
    }
}

;// CONCATENATED MODULE: ./src/apply/removal.ts
// `state: absent`: the link goes (or becomes its backup) through the real directory planned, unless a parent moved.





/** `state: absent`: the link goes, or with backup-suffix is moved to its backup; through the real directory planned. */
function removal(plan, ctx) {
    const kind = plan.kinds[0];
    const abs = plan.request.absPath;
    // On a share inode numbers are not the directory's own (FUSE renumbers a node it forgot): the real path decides.
    const moved = plan.parent && parent_parentChange(abs, plan.parent, ctx.ops, ctx.platform, !canHang(plan.filesystem));
    if (moved?.gone)
        return { status: 'unchanged', kind: '' }; // the link went with its directory
    if (moved)
        return parentMoved(moved.words, plan);
    const at = plan.parent ? parent_underParent(abs, plan.parent, ctx.platform) : abs;
    try {
        step('remove the link', kind, () => removeLinkAt(at, kind, ctx.settings.backupSuffix, ctx.ops, ctx.platform));
        return { status: 'removed', kind };
    }
    catch (error) {
        if (!(error instanceof StepError))
            throw error;
        return failedOutcome(error, plan, ctx);
    }
}
/** PATH's chain led elsewhere by the time the link was to go (a later process swapped a parent): nothing removed. */
function parentMoved(words, plan) {
    const failure = { code: 'PARENT_CHANGED', syscall: 'realpath', attempted: 'remove the link' };
    const message = `${plan.request.absPath} was not removed: ${words} since the plan looked at it.`;
    const hint = 'Run the step again once nothing else changes the directories above PATH.';
    const explanation = { message, hint, advice: [], capability: false };
    return { status: 'failed', kind: '', failure, failedKind: plan.kinds[0], explanation };
}

;// CONCATENATED MODULE: ./src/apply/aside-room.ts



/**
 * `from` moved into the room beside it; returns its new name. The room is made (mkdir: EEXIST where another took the
 * name) the first time it is needed; what is in it was put there by this run, under names it never uses twice.
 */
function moveIntoRoom(from, ctx) {
    const { path } = ctx.platform;
    const room = roomBeside(path.dirname(from), ctx);
    const to = path.join(room.path, String(++room.moved));
    renameOrMoved(from, to, ctx.ops);
    return to;
}
function roomBeside(dir, ctx) {
    const known = ctx.asideRooms.get(dir);
    if (known)
        return known;
    const made = firstFree(() => asideName(dir, ctx.platform.path), (name) => claimed(() => ctx.ops.mkdir(name)));
    const room = { path: made, moved: 0 };
    ctx.asideRooms.set(dir, room);
    return room;
}
/**
 * The rooms made so far removed where empty (every copy swept or put back); one that holds a copy kept stays, named
 * in its link's result. Called once the links that may use them are made: a slice, or a lane's wave.
 */
function closeRooms(ctx) {
    for (const room of ctx.asideRooms.values())
        errors_quietly(() => removeSwept(room.path, ctx));
    ctx.asideRooms.clear();
    ctx.sweptFiles.clear();
}
// libfuse's high-level API (sshfs) does not remove a file unlinked while it counts it open: it renames it to
// .fuse_hidden<node id><counter>, 8 hex digits each, and removes that when the kernel's RELEASE comes (libfuse
// lib/fuse.c: fuse_lib_unlink, hide_node, hidden_name, fuse_do_release); the node id is the st_ino the file showed.
// On sshfs 3.7.3 (libfuse 3.14) a quarter of the file copies read for the proof, then swept, were hidden so, and 9 in
// 100 files of copied directories, still there 10 s later, after the process had ended. So the inode of each file
// swept is noted, and a directory the sweep emptied, or a room, loses the hidden names of those files: only those.
const LIBFUSE_HIDDEN = /^\.fuse_hidden([0-9a-f]{8})[0-9a-f]{8}$/;
/** A file of a copy, proven identical, removed; its inode noted for removeSwept. */
function sweepFile(p, at, ctx) {
    ctx.ops.unlink(p);
    ctx.sweptFiles.add(at.ino % 2 ** 32);
}
/** A directory emptied by the sweep (or a room) removed, with the names libfuse hid of the files swept from it. */
function removeSwept(dir, ctx) {
    try {
        ctx.ops.rmdir(dir);
    }
    catch (error) {
        if (!unhid(dir, ctx))
            throw error;
        ctx.ops.rmdir(dir);
    }
}
/** Whether `dir` held names libfuse hid files swept under; each is unlinked. */
function unhid(dir, ctx) {
    const hidden = (errors_quietly(() => ctx.ops.readdir(dir)) ?? []).filter((name) => {
        const node = LIBFUSE_HIDDEN.exec(name)?.[1];
        return node !== undefined && ctx.sweptFiles.has(parseInt(node, 16));
    });
    // One that libfuse removed meanwhile (its RELEASE came) is gone all the same.
    for (const name of hidden)
        errors_quietly(() => ctx.ops.unlink(ctx.platform.path.join(dir, name)));
    return hidden.length > 0;
}

;// CONCATENATED MODULE: ./src/apply/swap-copy.ts






/**
 * `temp`: the link already made under a temporary name (only where several kinds were to be tried, to learn which this
 * filesystem takes, or a copied tree): else the link is made at PATH itself, once the copy is aside.
 */
function swapCopy(kind, plan, ctx, temp) {
    const abs = plan.request.absPath;
    const backup = wantsBackup(ctx);
    const aside = step('move aside the copy at', kind, () => moveAside(plan, backup, ctx));
    const sides = proveAside(aside, kind, plan, ctx);
    let made;
    try {
        made = step('replace what is at', kind, () => putIn(kind, plan, ctx, temp));
    }
    catch (error) {
        putBack(aside, kind, plan, ctx);
        throw error;
    }
    if (backup)
        ctx.taken?.set(abs, { backup: aside });
    else
        sweep(aside, sides, plan, ctx);
    return made;
}
/** The copy moved aside, and what it was proven against; where it is no copy, it goes back and the error says why. */
function proveAside(aside, kind, plan, ctx) {
    // What the proof found: the sides proven identical, or why they are not.
    let proven;
    try {
        proven = copySides(plan.request, kind, ctx, aside);
        if (typeof proven !== 'string')
            proven = whyNotCopied(aside, proven, kind, ctx) ?? proven;
    }
    catch (error) {
        putBack(aside, kind, plan, ctx);
        throw error;
    }
    if (typeof proven !== 'string')
        return proven;
    putBack(aside, kind, plan, ctx);
    plan.said = keptWords(plan.request, proven);
    const attempted = 'prove, moved aside right before replacing it, the copy at';
    throw new StepError({ code: NOT_A_COPY, syscall: 'read', attempted }, kind);
}
/** Why the copy moved aside is no copy of what the link leads to: a view of itself, or other bytes. */
function whyNotCopied(aside, sides, kind, ctx) {
    const at = ctx.ops.lstat(aside);
    if (!at?.isDirectory())
        return whyNotTheSame(sides, ctx, undefined, at);
    if (followsAside(aside, sides.original, kind, ctx))
        return 'TARGET is PATH itself, seen through a mount';
    // A directory is looked at again: the probe was made in it since.
    return whyNotTheSame(sides, ctx);
}
/** The copy moved aside, swept of what is still proven identical to what the link leads to; the rest stays, said. */
function sweep(aside, sides, plan, ctx) {
    const remove = (p, at) => (at.isDirectory() ? removeSwept(p, ctx) : sweepFile(p, at, ctx));
    const left = whyNotTheSame(sides, ctx, remove);
    if (left !== undefined)
        plan.warnings.push(`The link is in place. The copy moved aside to ${aside} is kept there but for what was proven identical to ` +
            `TARGET: ${left}.`);
}
/**
 * Whether the directory moved aside shows through what the link will lead to: a probe made in it is looked for
 * there. A file needs none: bindfs views only directories (1.14.7 mounts nothing over a file), and a bind mount of a
 * file shows the same device and inode, which the proof refuses. The probe is a directory: libfuse may keep a file
 * removed right after it was made under a hidden name (aside-room.ts), never a directory.
 */
function followsAside(aside, leads, kind, ctx) {
    const { ops, platform } = ctx;
    const probe = names_tempName(aside, platform.path);
    step(`probe, in the copy moved aside to ${aside}, what is at`, kind, () => ops.mkdir(probe));
    try {
        return ops.lstat(platform.path.join(leads, platform.path.basename(probe))) !== undefined;
    }
    finally {
        ops.rmdir(probe);
    }
}
/**
 * The link made at PATH, empty since the copy went aside: made there, not renamed over it, so that what appeared
 * meanwhile stays (EEXIST). A copied tree is renamed in: rename(2) refuses a non-empty directory.
 */
function putIn(kind, plan, ctx, temp) {
    const abs = plan.request.absPath;
    if (temp === undefined || kind !== 'copy' || !ctx.ops.lstat(temp)?.isDirectory())
        return makeOne(kind, abs, plan, ctx);
    ctx.ops.rename(temp, abs);
    return { kind };
}
/**
 * The copy back at PATH, never over what appeared there meanwhile (../claim.ts); where it cannot go, the error says
 * where it is.
 */
function putBack(aside, kind, plan, ctx) {
    const abs = plan.request.absPath;
    step(`put back the copy, moved aside to ${aside}, at`, kind, () => {
        if (!claim_moveIfFree(aside, abs, copyKind(plan), ctx.ops, ctx.platform))
            throw claim_takenError(abs);
    });
}
/** A backup suffix keeps the copy; so does cleanup, for the post step to put back. */
function wantsBackup(ctx) {
    return ctx.settings.backupSuffix !== '' || ctx.settings.cleanup === true;
}
/**
 * The copy moved to its backup name where one is kept (PATH+suffix, else the first free PATH.~N~), never over anything,
 * however recently made (../claim.ts); else into a directory of ours beside PATH (aside-room.ts). Returns its new name.
 */
function moveAside(plan, backup, ctx) {
    const abs = plan.request.absPath;
    if (!backup)
        return moveIntoRoom(abs, ctx);
    const suffix = ctx.settings.backupSuffix;
    // Without a suffix (cleanup alone), PATH.~1~ is the first backup name: n = 0 names PATH itself.
    const nameAt = (n) => backupName(abs, suffix, suffix ? n : n + 1);
    return claim_moveToFree(abs, copyKind(plan), nameAt, ctx.ops, ctx.platform);
}
/** A copy at PATH is a directory or a file, never a symbolic link. */
function copyKind(plan) {
    return plan.existing === 'dir' ? 'directory' : 'file';
}

;// CONCATENATED MODULE: ./src/apply/replace.ts
// Replacing what is at PATH atomically: the new link under a temporary name (old ones swept), the backup kept, then
// renamed over PATH (Windows: removed first where it must be, and said so). A copy `overwrite: copies` replaces is
// moved aside and proven there, right before the link takes its place (swap-copy.ts). A temporary link is made first
// to learn whether the filesystem takes the kind there (once a directory, kind and type of TARGET: on FAT the copy is
// never moved, the errno says why), where a fallback may be needed, or for a copied tree; else the link goes at PATH.










/**
 * Remove temporary links older than an hour: what a run that was killed mid-replacement left. Housekeeping only: where
 * the directory cannot be listed (davfs2 answers readdir with EINVAL), the link is made all the same, with a warning.
 */
function sweepStaleTemps(dir, plan, ctx) {
    if (ctx.swept.has(dir))
        return;
    ctx.swept.add(own(dir));
    try {
        for (const name of ctx.ops.readdir(dir)) {
            // Only names of exactly our making: a user's own `.ln-action-links` is not ours to remove.
            if (!TEMP_NAME.test(name))
                continue;
            const p = ctx.platform.path.join(dir, name);
            const stats = ctx.ops.lstat(p);
            if (stats && ctx.now() - stats.mtimeMs > STALE_TEMP_MS)
                fsops_removeEntry(p, ctx.ops, ctx.platform.path);
        }
    }
    catch (error) {
        const stay = `The link is made all the same; temporary names (${TEMP_PREFIX}*) a killed run may have left stay.`;
        warnFailed(error, 'scandir', 'clean up old temporary names in the directory of', plan.kinds[0], plan, ctx, stay);
    }
}
/**
 * PATH+suffix, or PATH.~N~ when that is taken: each name claimed by making the backup there, which fails with EEXIST
 * where the name is taken (../claim.ts), so an earlier backup is never overwritten. Returns the name taken.
 */
function makeBackup(plan, ctx) {
    const { ops } = ctx;
    const abs = plan.request.absPath;
    const keep = (name) => {
        const at = ops.lstat(abs);
        // The backup keeps the old link's own kind (Windows fixes file, dir or junction at creation), not the new one's.
        if (at?.isSymbolicLink()) {
            const kind = keptLinkType(abs, ctx);
            ctx.keptKinds.delete(abs); // used: a later link at this PATH asks again
            return ops.symlink(ops.readlink(abs), name, kind);
        }
        try {
            ops.link(abs, name);
        }
        catch (error) {
            if (errors_errnoCode(error) === 'EEXIST')
                throw error;
            copyWhole(abs, name, ctx); // no hard links here: a copy keeps the content just as well
        }
    };
    const keepAs = (name) => step(`keep the backup ${name} of`, 'hardlink', () => claimed(() => keep(name)));
    // This step says only that every name tried was taken: keepAs's names the backup that failed.
    return step('keep a backup of', 'hardlink', () => firstFree((n) => backupName(abs, ctx.settings.backupSuffix, n), keepAs));
}
function replace(plan, ctx) {
    const { ops, platform } = ctx;
    const dir = platform.path.dirname(plan.request.absPath);
    // Without a fallback to try, a copy whose kind of link was made in its directory already needs no trial link.
    const taken = `${plan.kinds[0]}:${plan.targetIsDir ? 'dir' : 'file'}:${dir}`;
    if (plan.copyAtPath && plan.kinds.length === 1 && ctx.linksTaken.has(taken))
        return swapCopy(plan.kinds[0], plan, ctx);
    sweepStaleTemps(dir, plan, ctx);
    const temp = names_tempName(dir, ctx.platform.path);
    const made = makeWithFallback(temp, plan, ctx);
    const { kind } = made;
    // A tree is copied under a temporary name, then renamed in: never at PATH.
    if (plan.copyAtPath && kind === plan.kinds[0] && kind !== 'copy')
        ctx.linksTaken.add(taken);
    try {
        if (plan.copyAtPath)
            swapCopy(kind, plan, ctx, temp);
        else
            backUpAndRename(temp, kind, plan, ctx);
    }
    finally {
        // rename() between two names of one file does nothing and leaves the source: never leave debris. A share that
        // went away meanwhile cannot be cleaned; the error that says so is already on its way.
        try {
            if (ops.lstat(temp))
                fsops_removeEntry(temp, ctx.ops, ctx.platform.path);
        }
        catch {
            // nothing to add to the error already thrown, if any
        }
    }
    return made;
}
/** Keep the backup, then rename the new link over PATH. */
function backUpAndRename(temp, kind, plan, ctx) {
    const abs = plan.request.absPath;
    if (ctx.settings.backupSuffix) {
        const backup = makeBackup(plan, ctx);
        ctx.taken?.set(abs, { backup });
    }
    // rename(2) cannot put a directory (a copied tree) over a link: remove, then rename.
    if (kind === 'copy' && plan.targetIsDir)
        step('remove the old link at', kind, () => ctx.ops.unlink(abs));
    renameOver(temp, kind, plan, ctx);
}
/**
 * Rename the new link over PATH. Windows refuses that (EPERM) where either is a directory link or junction, dangling
 * ones included (MoveFileExW cannot replace a directory): there the old link is removed first, and the result says
 * the replacement was not atomic.
 */
function renameOver(temp, kind, plan, ctx) {
    const abs = plan.request.absPath;
    try {
        return step('replace what is at', kind, () => ctx.ops.rename(temp, abs));
    }
    catch (error) {
        const refused = error instanceof StepError && error.failure.code === 'EPERM';
        if (!refused || !ctx.platform.isWindows || plan.existing !== 'link')
            throw error;
    }
    step('remove the old link at', kind, () => ctx.ops.unlink(abs));
    plan.warnings.push(`Windows cannot replace the link at ${abs} in one step (not atomic): it was removed, then made again.`);
    step('replace what is at', kind, () => ctx.ops.rename(temp, abs));
}

;// CONCATENATED MODULE: ./src/apply/verify.ts




/**
 * Where a filesystem is known to misreport, read the new link back at PATH (after the rename, when replacing: what
 * every reader sees there), and say what does not match.
 */
function verify(made, plan, ctx) {
    const { kind } = made;
    const at = plan.request.absPath;
    const quirks = quirksOf(plan.filesystem);
    if (made.quirk || !quirks.misreports || (kind !== 'symlink' && kind !== 'junction'))
        return;
    try {
        const stats = ctx.ops.lstat(at);
        if (!stats) {
            plan.warnings.push(`${plan.request.absPath} was reported made but cannot be found through ${plan.filesystem.type} at ${plan.filesystem.mountPoint}.`);
            return;
        }
        if (!stats.isSymbolicLink())
            return; // follow_symlinks shows links as their targets; reading back proves nothing
        const wanted = linkTextOf(ctx.platform, kind, plan.text, plan.request.absTarget);
        const text = readBack(at, stats, wanted, plan, ctx);
        if (text !== undefined && !platform_sameLinkTarget(ctx.platform, at, text, wanted)) {
            const why = quirks.readsBackStale ?? '';
            plan.warnings.push(`${at} reads back as '${text}', not '${wanted}'. ${why}`.trim());
        }
    }
    catch (error) {
        // The link was made; only the check failed (the share may have gone meanwhile): say so, keep the result.
        warnFailed(error, 'lstat', 'read back the new link', kind, plan, ctx);
    }
}
/** The link's text, or undefined where the mount hides it (`..` or absolute) but its size, the text's length, matches. */
function readBack(at, stats, wanted, plan, ctx) {
    const mount = plan.filesystem.mountPoint;
    // Once a mount has hidden a text, reading each new one back costs a round trip to learn nothing.
    if (ctx.hidingTexts.has(mount) && stats.size === Buffer.byteLength(wanted))
        return undefined;
    try {
        return ctx.ops.readlink(at);
    }
    catch (error) {
        if (errors_errnoCode(error) !== 'EPERM' || stats.size !== Buffer.byteLength(wanted))
            throw error;
        ctx.hidingTexts.add(mount);
        return undefined;
    }
}

;// CONCATENATED MODULE: ./src/apply/context.ts
/** A fresh context for one run (or one share worker lane): nothing probed, swept or made yet. */
function applyContext(base) {
    return {
        ...base,
        goneShares: new Map(),
        probes: new Map(),
        swept: new Set(),
        madeDirs: new Set(),
        linksTaken: new Set(),
        hidingTexts: new Set(),
        fileProbes: new Map(),
        keptKinds: new Map(),
        asideRooms: new Map(),
        sweptFiles: new Set(),
        now: Date.now
    };
}

;// CONCATENATED MODULE: ./src/apply/index.ts












function execute(plan, ctx) {
    if (plan.action === 'unchanged')
        return { status: 'unchanged', kind: plan.kinds[0] ?? '' };
    if (plan.action === 'remove')
        return removal(plan, ctx);
    if (plan.action === 'fail') {
        return { status: plan.skipped ? 'skipped' : 'failed', kind: '', failure: plan.failure, failedKind: plan.kinds[0] };
    }
    const createdParents = [];
    try {
        createParents(plan, ctx, createdParents);
        const status = plan.action === 'replace' ? 'replaced' : 'created';
        const made = status === 'replaced' ? replace(plan, ctx) : makeWithFallback(plan.request.absPath, plan, ctx);
        if (createdParents.length > 0)
            ctx.taken?.set(plan.request.absPath, { dirs: createdParents });
        verify(made, plan, ctx);
        return { status, kind: made.kind, failure: made.quirk, failedKind: made.kind };
    }
    catch (error) {
        if (!(error instanceof StepError))
            throw error;
        removeCreatedParents(createdParents, ctx);
        return failedOutcome(error, plan, ctx);
    }
}
/** Carry out one plan, as it stands, and say what came of it: apply never looks again (../make-link.ts does). */
function applyLink(plan, ctx) {
    return toResult(plan, execute(plan, ctx), ctx);
}

;// CONCATENATED MODULE: ./src/mounts-macos.ts

/**
 * One line of `mount` output. Nothing is escaped, and both a source (`map auto_home`) and a mount point
 * (`/Volumes/My Disk (2)`) may hold spaces; a source never holds ` on ` and the flags never a parenthesis, so the
 * source ends at the first ` on ` and the mount point at the last ` (`.
 */
const LINE = /^(.+?) on (.+) \(([^()]*)\)$/;
/**
 * Parse what `mount` prints on macOS:
 * `/dev/disk3s1s1 on / (apfs, sealed, local, read-only, journaled)`,
 * `//user@server/share on /Volumes/share (smbfs, nodev, nosuid, mounted by user)`.
 */
function parseMacMounts(text) {
    return text.split('\n').flatMap((line, index) => {
        const match = LINE.exec(line.trim());
        if (!match)
            return [];
        const [type, ...flags] = match[3].split(', ');
        // macOS says `read-only` where mountinfo says `ro`, and the knowledge base looks for `ro`.
        const options = flags.includes('read-only') ? [...flags, 'ro'] : flags;
        const entry = { id: index, device: '', source: match[1], mountPoint: match[2], type, options };
        if (flags.includes('fskit'))
            entry.driver = 'fskit';
        return [entry, ...visibleTwin(entry)];
    });
}
/** Where macOS keeps what users write: /Users, /private (so /tmp), /opt... are "firmlinks" into this volume. */
const DATA_VOLUME = '/System/Volumes/Data';
/**
 * A mount inside the Data volume may be listed under its firmlinked path (`/System/Volumes/Data/Users/me/mnt`)
 * while every path a user writes says `/Users/me/mnt`: the mount is known under both, so either finds it.
 */
function visibleTwin(entry) {
    if (!entry.mountPoint.startsWith(`${DATA_VOLUME}/`))
        return [];
    return [{ ...entry, mountPoint: entry.mountPoint.slice(DATA_VOLUME.length) }];
}
/**
 * What leads from the sealed system volume into the Data volume, when `/usr/share/firmlinks` cannot be read: that
 * file's first column as macOS 15 ships it (firmlinks came with 10.15).
 */
const FIRMLINKS = [
    '/AppleInternal',
    '/Applications',
    '/Library',
    '/System/Library/Caches',
    '/System/Library/Assets',
    '/System/Library/PreinstalledAssets',
    '/System/Library/AssetsV2',
    '/System/Library/PreinstalledAssetsV2',
    '/System/Library/CoreServices/CoreTypes.bundle/Contents/Library',
    '/System/Library/Speech',
    '/Users',
    '/Volumes',
    '/cores',
    '/opt',
    '/private',
    '/usr/local',
    '/usr/libexec/cups',
    '/usr/share/snmp'
];
/** The sealed volume's own symlinks into /private: lexically on `/`, really on the Data volume. */
const PRIVATE_LINKS = ['/tmp', '/var', '/etc'];
/**
 * The paths that lead into the Data volume, from `/usr/share/firmlinks`: one `PATH<tab>PATH-IN-DATA` per line,
 * PATH being where the firmlink sits on the system volume.
 */
function firmlinkPaths(text) {
    const paths = (text ?? '').split('\n').flatMap((line) => (line.startsWith('/') ? [line.split('\t')[0]] : []));
    return [...(paths.length > 0 ? paths : FIRMLINKS), ...PRIVATE_LINKS];
}
/**
 * The mount that really holds a path macOS shows under its read-only system volume (macOS 10.15 on): the Data
 * volume for a path behind a firmlink (/Users, /private, /usr/local...), so /Users/runner/work is not called EROFS
 * before a link is tried; the sealed volume itself for the rest (/usr/bin, /System), which truly is read-only.
 */
function throughFirmlinks(mount, mounts, absPath, firmlinks, platform) {
    if (mount?.mountPoint !== '/' || !mount.options.includes('ro'))
        return mount;
    const intoData = firmlinks.some((link) => isWithin(platform, link, absPath));
    return (intoData && mounts.find((m) => m.mountPoint === DATA_VOLUME)) || mount;
}

;// CONCATENATED MODULE: ./src/last-answers.ts
// Each link asks about its PATH and its TARGET several times over (the split, the plan, the apply), and its
// neighbours in the spec ask about the same directories: an answer kept by the last two strings or directories asked
// saves making and hashing a key for most questions. Comparing with a string asked before is a pointer check, or a
// comparison of characters that stops at the first difference; a Map lookup of a new string hashes all of them.
/** Two answers kept by the key they were asked with, the newer first. */
class LastTwo {
    newer = '';
    older = '';
    newerAnswer;
    olderAnswer;
    get(key) {
        if (key === this.newer)
            return this.newerAnswer;
        return key === this.older ? this.olderAnswer : undefined;
    }
    // Not one destructuring assignment: until V8 optimizes this, that makes and iterates an array per call.
    set(key, answer) {
        this.older = this.newer;
        this.olderAnswer = this.newerAnswer;
        this.newer = key;
        this.newerAnswer = answer;
    }
}
/** `answer`, remembering its last two answers by the string asked; for answers that never change. */
function lastTwoAnswers(answer) {
    const kept = new LastTwo();
    return (p) => {
        let found = kept.get(p);
        if (found === undefined)
            kept.set(p, (found = answer(p)));
        return found;
    };
}
/**
 * `answer` for paths whose answer is their directory's, where `shared` says a directory's entries all have one:
 * remembering the answers for the entries of the last two directories asked about. `p` normalized, with `sep`.
 */
function lastTwoDirectories(sep, answer, shared) {
    const kept = new LastTwo();
    return (p) => {
        const cut = p.lastIndexOf(sep);
        // The root and its entries (`/`, `/a`) are asked about as they are.
        if (cut <= 0)
            return answer(p);
        const dir = p.slice(0, cut);
        let found = kept.get(dir);
        if (found === undefined) {
            found = answer(p);
            if (shared(dir))
                kept.set(dir, found);
        }
        return found;
    };
}

;// CONCATENATED MODULE: ./src/mounts.ts
// Which filesystem a path is on. Decided lexically (from the mount table; on Windows from the path's volume), so a
// hung share is never touched to find out; looked up once per mount or volume.








/** mountinfo escapes space, tab, newline and backslash as \ooo octal. */
function mounts_unescape(field) {
    return field.replace(/\\([0-7]{3})/g, (_, octal) => String.fromCharCode(parseInt(octal, 8)));
}
/**
 * Parse /proc/self/mountinfo (proc(5)):
 * `36 35 98:0 /mnt1 /mnt2 rw,noatime master:1 - ext3 /dev/root rw,errors=continue`
 */
function parseMountinfo(text) {
    const mounts = [];
    for (const line of text.split('\n')) {
        const fields = line.split(' ');
        const dash = fields.indexOf('-', 6);
        if (dash < 0 || fields.length < dash + 3)
            continue;
        const options = new Set([...fields[5].split(','), ...(fields[dash + 3] ?? '').split(',')]);
        options.delete('');
        const root = mounts_unescape(fields[3]); // the directory of the filesystem shown there: not `/` for a bind mount
        mounts.push({
            id: Number(fields[0]),
            device: fields[2],
            ...(root !== '/' ? { root } : {}),
            mountPoint: mounts_unescape(fields[4]),
            type: mounts_unescape(fields[dash + 1]),
            source: mounts_unescape(fields[dash + 2]),
            options: [...options]
        });
    }
    return mounts;
}
/** The mount a path lies on: the longest mount point above it; of stacked mounts, the last one mounted. */
function mountOf(mounts, absPath, platform) {
    return longestMount(keyMounts(mounts, platform), absPath, platform);
}
/** Mount points as comparable keys, made once per table: every link is looked up against every mount. */
function keyMounts(mounts, platform) {
    return mounts.map((mount) => ({ mount, key: platform_pathKey(platform, mount.mountPoint) }));
}
function longestMount(mounts, absPath, platform) {
    const key = platform_pathKey(platform, absPath);
    let best;
    for (const keyed of mounts) {
        if (keyWithin(platform, keyed.key, key) && (!best || keyed.key.length >= best.key.length))
            best = keyed;
    }
    return best?.mount;
}
const UNKNOWN_FS = { type: 'unknown', mountPoint: '', source: '', options: [] };
/** A FUSE daemon's name as mountinfo's `fuse.NAME` would give it: `/usr/sbin/mount.davfs` -> `davfs`. */
const daemonName = (argv0) => external_node_path_namespaceObject.posix.basename(argv0).replace(/^mount\./, '');
/** The command line of the process serving a FUSE mount point: one named `name`, or any that names a family. */
function daemonOf(processes, mountPoint, name) {
    return processes.find((argv) => {
        const own = daemonName(argv[0] ?? '');
        const fits = name ? own === name : familyOf(`fuse.${own}`) !== 'fuse';
        return fits && argv.slice(1).some((arg) => namesMountPoint(arg, mountPoint));
    });
}
/**
 * A FUSE daemon's own options, which the kernel's mount table does not have and which explain failures: `-o a,b`
 * (sshfs's follow_symlinks, s3fs's, bindfs's) and `--name[=value]` or `--name value` (rclone's links,
 * vfs-cache-mode=writes; a boolean flag may take the next word as its value, so options are matched by name).
 */
function daemonOptions(argv) {
    return argv.flatMap((arg, i) => {
        const next = argv[i + 1] ?? '';
        if (arg === '-o')
            return next.split(',');
        if (/^-o./.test(arg))
            return arg.slice(2).split(',');
        if (arg === '-l')
            return ['links']; // rclone's short form
        if (!arg.startsWith('--') || arg === '--')
            return [];
        const option = arg.slice(2);
        return [option.includes('=') || next === '' || next.startsWith('-') ? option : `${option}=${next}`];
    });
}
/**
 * An sshfs argument naming this mount point: as mountinfo has it, or as typed (`./mnt`, `/mnt/x/`); a relative one
 * is taken to end the absolute path, since the process's working directory is not at hand (one that leads up, `..`
 * or `../x`, or is empty, ends no mount point as mountinfo writes it).
 */
function namesMountPoint(arg, mountPoint) {
    if (arg.startsWith('-'))
        return false;
    const typed = external_node_path_namespaceObject.posix.normalize(arg).replace(/(.)\/+$/, '$1');
    return external_node_path_namespaceObject.posix.isAbsolute(typed) ? typed === mountPoint : mountPoint.endsWith(`/${typed}`);
}
/**
 * A mount as the knowledge base wants to see it: the real format of a fuseblk device; for a bare `fuse` mount the
 * daemon behind it (bindfs, davfs2, whose source is its URL); a FUSE daemon's own options.
 */
function enrich(mount, sources) {
    const info = basicInfo(mount);
    if (mount.type === 'fuseblk' && mount.source.startsWith('/dev/')) {
        const format = sources.blockDeviceType(mount.source);
        if (format)
            Object.assign(info, { type: format, driver: mount.type });
    }
    if (!mount.type.startsWith('fuse.') && mount.type !== 'fuse')
        return info;
    // davfs2's source is its URL; other bare `fuse` mounts are named by the known daemon serving them.
    const davfs = mount.type === 'fuse' && /^https?:\/\//i.test(mount.source) ? 'davfs' : undefined;
    const named = davfs ?? (mount.type.startsWith('fuse.') ? mount.type.slice('fuse.'.length) : undefined);
    const daemon = daemonOf(sources.processArgs(), mount.mountPoint, named);
    const own = named ?? (daemon && daemonName(daemon[0]));
    if (mount.type === 'fuse' && own)
        Object.assign(info, { type: `fuse.${own}`, driver: mount.type });
    if (daemon)
        info.options = [...new Set([...mount.options, ...daemonOptions(daemon)])];
    return info;
}
/** The mount table of this platform, parsed; empty where there is none to read. */
function mountTable(platform, from) {
    if (platform.isMac)
        return parseMacMounts(from.mountTable());
    return platform.name === 'linux' ? parseMountinfo(from.mountTable()) : [];
}
function basicInfo(mount) {
    const { type, mountPoint, source, options, driver, root } = mount;
    return { type, mountPoint, source, options, ...(driver && { driver }), ...(root ? { root } : {}) };
}
/** Linux and macOS: the mount table, read at the first question. */
function tableLookup(platform, from) {
    let mounts;
    let keyed = [];
    let firmlinks = [];
    let boundaries = new Set();
    let holdingBoundaries = new Set();
    const read = () => {
        if (mounts)
            return mounts;
        try {
            mounts = mountTable(platform, from);
        }
        catch {
            mounts = [];
        }
        keyed = keyMounts(mounts, platform);
        if (platform.isMac)
            firmlinks = firmlinkPaths(from.firmlinks());
        boundaries = new Set([...keyed.map((k) => k.key), ...firmlinks.map((f) => platform_pathKey(platform, f))]);
        holdingBoundaries = new Set([...boundaries].map((b) => platform.path.dirname(b)));
        return mounts;
    };
    return {
        find: (absPath) => {
            const all = read();
            const lexical = longestMount(keyed, absPath, platform);
            const mount = platform.isMac ? throughFirmlinks(lexical, all, absPath, firmlinks, platform) : lexical;
            return mount && { key: mount, details: () => enrich(mount, from), plain: basicInfo(mount) };
        },
        isBoundary: (absPath) => {
            read();
            return boundaries.has(resolvedKey(platform, absPath));
        },
        table: () => read().map(basicInfo),
        entriesShare: (dir) => {
            read();
            return !holdingBoundaries.has(resolvedKey(platform, dir));
        }
    };
}
/** Windows: the path's volume; a UNC share is SMB by its spelling, a drive is asked about once. */
function volumeLookup(platform, from) {
    return {
        find: (absPath) => {
            const root = volumeOf(platform, absPath);
            if (!root)
                return undefined;
            const plain = { ...UNKNOWN_FS, mountPoint: root };
            return { key: root, details: () => uncShare(root) ?? parseDriveInfo(root, from.driveInfo(root)), plain };
        },
        // A volume begins at its root, which is its own directory: no path below it begins another.
        isBoundary: () => false
    };
}
/**
 * The mount points (as keys) of the mounts the table shows with `property`; undefined where that cannot tell a path
 * that lies below none of them from one that does: no table (Windows' volumes), or on macOS one such mount (a
 * firmlink leads `/Users/...` onto the Data volume, which the path does not spell).
 */
function rootsWhere(detector, platform, property) {
    const roots = detector.table?.().filter(property);
    if (!roots || (platform.isMac && roots.length > 0))
        return undefined;
    return roots.map((fs) => platform_pathKey(platform, fs.mountPoint));
}
/**
 * Whether `absPath` (normalized) may lie on one of the mounts rootsWhere found: undefined roots tell nothing. Asked
 * of every PATH and TARGET several times: a loop, not `some` with a closure made at each call.
 */
function mayLieBelow(platform, roots, absPath) {
    if (!roots)
        return true;
    if (roots.length === 0)
        return false;
    const key = resolvedKey(platform, absPath);
    for (let i = 0; i < roots.length; i++)
        if (keyWithin(platform, roots[i], key))
            return true;
    return false;
}
/**
 * Finds each path's filesystem, asking about each mount or volume once. Never throws: what it cannot tell is `unknown`.
 * `known` filesystems are taken as given, by mount point, without asking (a share worker's share: the action has).
 */
function createDetector(platform, sources = {}, known = []) {
    const from = { ...systemSources(platform), ...sources };
    const lookup = platform.isWindows ? volumeLookup(platform, from) : tableLookup(platform, from);
    const details = new Map();
    // Thousands of links share a few directories, and each asks several times (split, plan, apply): a path is on its
    // directory's filesystem unless it begins one itself, so each directory is looked up once.
    const answers = new Map();
    const answer = (absPath) => {
        const found = lookup.find(absPath);
        if (!found)
            return UNKNOWN_FS;
        let info = details.get(found.key) ?? known.find((k) => k.mountPoint === found.plain.mountPoint);
        if (!info) {
            try {
                info = found.details();
            }
            catch {
                info = found.plain;
            }
            details.set(found.key, info);
        }
        return info;
    };
    const { table, entriesShare } = lookup;
    const cached = (p) => {
        let info = answers.get(p);
        if (!info)
            answers.set(own(p), (info = answer(p)));
        return info;
    };
    const forPath = (absPath) => cached(lookup.isBoundary(absPath) ? absPath : platform.path.dirname(absPath));
    return {
        forPath: entriesShare ? lastTwoDirectories(platform.path.sep, forPath, entriesShare) : lastTwoAnswers(forPath),
        // As forPath answers: a filesystem known already stands for the table's mount at its mount point.
        table: table && (() => table().map((fs) => known.find((k) => k.mountPoint === fs.mountPoint) ?? fs))
    };
}

;// CONCATENATED MODULE: ./src/case-rules.ts
// Whether each volume tells names apart by case: from its type where that settles it (families.ts), otherwise by
// looking up one name of the link's directory with its case swapped. Read only, so a dry run does it too; once per
// volume; never on a share that may hang, nor through a symlink (there the type or the OS's usual rule decides).



/** ASCII letters only: every filesystem that ignores case folds those. */
function swapCase(name) {
    return name.replace(/[A-Za-z]/g, (c) => (c <= 'Z' ? c.toLowerCase() : c.toUpperCase()));
}
/**
 * Whether `dir` ignores case: one of its names, spelled with the case of its letters swapped and not itself listed,
 * is found or not. Not by device and inode: FUSE filesystems give each spelling its own inode (exfat-fuse, fusefat).
 * Undefined where the directory cannot be read or has no such name.
 */
function probeCase(dir, ops, platform) {
    let names;
    try {
        names = ops.readdir(dir);
    }
    catch {
        return undefined;
    }
    const listed = new Set(names);
    for (const name of names) {
        // Listed: nothing to learn (a name without letters is its own swap).
        const swapped = swapCase(name);
        if (listed.has(swapped))
            continue;
        try {
            return ops.lstat(platform.path.join(dir, swapped)) !== undefined;
        }
        catch {
            // unreadable (EACCES...): another name may tell
        }
    }
    return undefined;
}
/**
 * Where to look, nearest first: the real directories from the volume's root (as the mount table spells it: a real
 * directory on that volume) down towards the path, each one a directory by lstat, its parents having been so too.
 * The walk stops before a symlink, which may lead to another volume or to a share that hangs, and goes down only
 * where the path is spelled below the root as the table spells it (not through a firmlink, nor in another case).
 */
function directoriesToProbe(absPath, root, platform, ops) {
    const { path } = platform;
    const dirs = [root];
    const below = absPath.startsWith(root) ? absPath.slice(root.length) : '';
    for (const name of below.split(path.sep).filter(Boolean)) {
        const next = path.join(dirs[dirs.length - 1], name);
        try {
            if (!ops.lstat(next)?.isDirectory())
                break;
        }
        catch {
            break;
        }
        dirs.push(next);
    }
    return dirs.reverse();
}
function ignoresCase(fs, absPath, platform, options) {
    const rule = caseRuleOf(fs.type, fs.options, platform.name);
    if (rule !== 'probe')
        return rule === 'usual' ? platform.usuallyIgnoresCase : rule === 'insensitive';
    if (!options.ops || options.mayHang(absPath))
        return platform.usuallyIgnoresCase;
    for (const dir of directoriesToProbe(absPath, fs.mountPoint, platform, options.ops)) {
        const found = probeCase(dir, options.ops, platform);
        if (found !== undefined)
            return found;
    }
    return platform.usuallyIgnoresCase;
}
/**
 * The roots (as keys) of the mounts and known volumes that may compare names otherwise than the OS usually does;
 * undefined where the mount table cannot tell (every path is then looked up).
 */
function unusualRoots(platform, detector, known = []) {
    const { name, usuallyIgnoresCase: usual } = platform;
    const mounts = rootsWhere(detector, platform, (fs) => mayFoldOtherwise(fs.type, fs.options, name, usual));
    const volumes = known.filter((v) => v.ignoresCase !== usual).map((v) => platform_pathKey(platform, v.root));
    return mounts && [...mounts, ...volumes];
}
/**
 * The platform with each volume's own case rule, decided at the first path asked about on it. `detector` must be
 * made with a platform of the usual rule: mount points are matched by it.
 */
function withVolumeCaseRules(platform, detector, options) {
    // The detector hands out one FilesystemInfo per mount or volume.
    const volumes = new Map();
    // A path outside every mount that may fold otherwise takes the usual rule with no lookup: each link asks about its
    // PATH and TARGET several times, and on most runners only a small FAT /boot/efi is such a mount.
    const unusual = unusualRoots(platform, detector, options.known);
    const usual = { root: '', ignoresCase: platform.usuallyIgnoresCase };
    const volumeAt = (absPath) => {
        if (!mayLieBelow(platform, unusual, absPath))
            return usual;
        const fs = detector.forPath(absPath);
        let volume = volumes.get(fs);
        if (!volume) {
            const known = options.known?.find((v) => v.root === fs.mountPoint);
            volume = known ?? { root: fs.mountPoint, ignoresCase: ignoresCase(fs, absPath, platform, options) };
            volumes.set(fs, volume);
        }
        return volume;
    };
    return { ...platform, caseRules: { volumeAt, decided: () => [...volumes.values()] } };
}

;// CONCATENATED MODULE: ./src/plan/planned-disk.ts



const DIR = { made: 'dir' };
const NOTHING = { made: 'nothing' };
/** Links followed on the way to one path before it is a loop (Linux's limit). */
const MOST_HOPS = 40;
function errno(code, syscall, p) {
    return Object.assign(new Error(`${code}: ${syscall} '${p}' (as a dry run's earlier links would leave it)`), {
        code,
        syscall,
        path: p
    });
}
/** `like` with some fields changed: Stats' methods (isDirectory...) read `mode`. */
function statsLike(like, changes) {
    return Object.assign(Object.create(Object.getPrototypeOf(like)), like, changes);
}
function refuse() {
    throw new Error('a dry run writes nothing');
}
/** Answers kept at most, of the real disk's and of walks: thousands of links share a few directories. */
const MOST_KEPT = 4096;
class PlannedDisk {
    disk;
    platform;
    /** By the key of the path where each was planned. */
    planned = new Map();
    /** The names planned in each directory, by the directory's key, for its listing. */
    names = new Map();
    /**
     * What was noted at each path but not yet put, in spec order: put (its directory walked) only once something is read
     * here, which a run without links that wait for others never does. All are kept (a run of 100,000 links notes them
     * all), so a symbolic link is noted as its text alone.
     */
    notedPaths = [];
    noted = [];
    /** The parents noted to be made, by the path each link gave: thousands of links share a few. */
    parentsNoted = new Set();
    /** The real disk's answers on the way: a symlink's text, else its lstat. A dry run leaves it as it is. */
    real = new Map();
    /** Walks since the last put, by `follow` and path: planning one link walks the same directories several times. */
    walks = new Map();
    constructor(disk, platform) {
        this.disk = disk;
        this.platform = platform;
    }
    /**
     * What the real run will have made of this plan once it is done, as `result` predicts it; where only a write could
     * tell (not knowable), the plan stands.
     */
    note(plan, result) {
        const path = plan.request.absPath;
        // A link replaced or removed may lead a parent noted before elsewhere now.
        if (result.plan === 'replace' || result.plan === 'remove')
            this.parentsNoted.clear();
        if (result.plan === 'remove')
            return this.noteAt(path, NOTHING);
        const kind = result.kind || (result.knowable === false ? plan.kinds[0] : undefined);
        if ((result.plan !== 'create' && result.plan !== 'replace') || !kind)
            return;
        for (const dir of plan.missingParents)
            if (!this.parentsNoted.has(dir))
                this.noteAt(dir, DIR);
        const { absTarget } = plan.request;
        if (kind === 'symlink' || kind === 'junction')
            this.noteAt(path, linkTextOf(this.platform, kind, plan.text, absTarget));
        else
            this.noteAt(path, { made: kind, of: kind === 'hardlink' ? plan.linkSource : absTarget });
    }
    noteAt(path, noted) {
        if (noted === DIR)
            this.parentsNoted.add(path);
        this.notedPaths.push(path);
        this.noted.push(noted);
    }
    /** Put the links noted since the last read, in order: each where the ones before it lead. */
    upToDate() {
        const paths = this.notedPaths.splice(0);
        this.noted.splice(0).forEach((noted, i) => {
            if (typeof noted === 'string')
                this.put(paths[i], { made: 'symlink', text: noted });
            else
                this.put(paths[i], 'of' in noted ? { ...noted, of: this.realFile(noted.of) } : noted);
        });
    }
    put(p, planned) {
        const { path } = this.platform;
        const dir = this.find(path.dirname(p), true, 'stat').at;
        const dirKey = this.key(dir);
        this.planned.set(this.key(path.join(dir, path.basename(p))), planned);
        const names = this.names.get(dirKey) ?? new Set();
        this.names.set(dirKey, names.add(path.basename(p)));
        this.walks.clear();
    }
    /** What the real disk has at `p`: a symlink's text, else its lstat (undefined: nothing). */
    onDisk(p) {
        if (this.real.has(p))
            return this.real.get(p);
        const stats = this.disk.lstat(p);
        const entry = stats?.isSymbolicLink() ? withoutNamespace(this.platform, this.disk.readlink(p)) : stats;
        if (this.real.size === MOST_KEPT)
            this.real.clear();
        this.real.set(p, entry);
        return entry;
    }
    key(p) {
        return resolvedKey(this.platform, p);
    }
    /**
     * Where p is found (walk), once the links noted are put; kept until the next put. An error on the way is the
     * `call`'s, as the kernel gives it: stat() of `file/x` fails with ENOTDIR from stat, not from an lstat of ours.
     */
    find(p, follow, call) {
        this.upToDate();
        const memo = `${follow ? 1 : 0}${p}`;
        const known = this.walks.get(memo);
        if (known)
            return known;
        let found;
        try {
            found = this.walk(p, follow);
        }
        catch (error) {
            throw isErrno(error) ? Object.assign(error, { syscall: call }) : error;
        }
        if (this.walks.size === MOST_KEPT)
            this.walks.clear();
        this.walks.set(memo, found);
        return found;
    }
    /**
     * Walk p name by name as the kernel would, through planned entries and real ones: a symlink is followed (the last
     * name only where `follow`), a planned directory has nothing real below it, a planned hard link or copy reads as
     * the file it names.
     */
    walk(p, follow) {
        const { path } = this.platform;
        let found = this.rootOf(p, false);
        let rest = this.namesBelow(found.at, p);
        for (let hops = 0, name; (name = rest.shift()) !== undefined;) {
            const at = path.join(found.at, name);
            const real = found.real && path.join(found.real, name);
            const planned = this.planned.get(this.key(at));
            const last = rest.length === 0;
            let text;
            if (planned) {
                text = planned.made === 'symlink' ? planned.text : undefined;
                const original = planned.made === 'hardlink' || planned.made === 'copy' ? planned.of : undefined;
                found = { ...found, at, planned, real: original, imagined: true };
            }
            else {
                found = { ...found, at, planned: undefined, real };
                if (real !== undefined && (!last || follow)) {
                    const entry = this.onDisk(real);
                    if (entry === undefined)
                        found.real = undefined;
                    else if (typeof entry === 'string')
                        text = entry;
                    else if (!last)
                        found.anchor = real;
                }
            }
            if (text === undefined || (last && !follow))
                continue;
            if (++hops > MOST_HOPS)
                throw errno('ELOOP', 'stat', p);
            const next = path.resolve(path.dirname(at), text);
            found = this.rootOf(next, found.imagined);
            rest = [...this.namesBelow(found.at, next), ...rest];
        }
        return found;
    }
    rootOf(p, imagined) {
        const root = this.platform.path.parse(p).root;
        return { at: root, real: root, anchor: root, imagined };
    }
    namesBelow(root, p) {
        return p.slice(root.length).split(this.platform.path.sep).filter(Boolean);
    }
    /** What is at a path found: a planned entry's stats are its real file's, or made like its directory's. */
    statsOf({ planned, real, anchor }) {
        if (!planned)
            return real === undefined ? undefined : this.disk.lstat(real);
        switch (planned.made) {
            case 'nothing':
                return undefined;
            case 'dir':
                return statsLike(this.disk.stat(anchor), { mode: external_node_fs_namespaceObject.constants.S_IFDIR | 0o755, nlink: 2, ino: 0 });
            case 'symlink': {
                const size = Buffer.byteLength(planned.text);
                return statsLike(this.disk.stat(anchor), { mode: external_node_fs_namespaceObject.constants.S_IFLNK | 0o777, nlink: 1, ino: 0, size });
            }
            case 'hardlink': {
                const file = this.disk.lstat(planned.of);
                return file && statsLike(file, { nlink: file.nlink + 1 });
            }
            case 'copy': {
                const original = this.disk.stat(planned.of);
                return original && statsLike(original, { nlink: 1, ino: 0 });
            }
        }
    }
    /** The real file that a path leads to (a planned hard link's or copy's original). */
    realFile(p) {
        const found = this.find(p, true, 'open');
        if (!found.imagined)
            return p;
        if (found.real === undefined)
            throw errno('ENOENT', 'open', p);
        return found.real;
    }
    lstat(p) {
        const found = this.find(p, false, 'lstat');
        return found.imagined ? this.statsOf(found) : this.disk.lstat(p);
    }
    stat(p) {
        const found = this.find(p, true, 'stat');
        return found.imagined ? this.statsOf(found) : this.disk.stat(p);
    }
    readlink(p) {
        const found = this.find(p, false, 'readlink');
        if (!found.imagined)
            return this.disk.readlink(p);
        if (found.planned?.made === 'symlink')
            return found.planned.text;
        if (!this.statsOf(found))
            throw errno('ENOENT', 'readlink', p);
        if (found.planned || found.real === undefined)
            throw errno('EINVAL', 'readlink', p);
        return this.disk.readlink(found.real);
    }
    realpath(p) {
        const found = this.find(p, true, 'realpath');
        if (!found.imagined)
            return this.disk.realpath(p);
        if (!this.statsOf(found))
            throw errno('ENOENT', 'realpath', p);
        // The real disk spells a real path (its case, on a volume that ignores it); below a copy it is the copy's.
        return !found.planned && found.real === found.at ? this.disk.realpath(found.real) : found.at;
    }
    readdir(p) {
        const found = this.find(p, true, 'scandir');
        const plannedNames = this.names.get(this.key(found.at));
        if (!found.imagined && !plannedNames)
            return this.disk.readdir(p);
        const stats = this.statsOf(found);
        if (!stats?.isDirectory())
            throw errno(stats ? 'ENOTDIR' : 'ENOENT', 'scandir', p);
        const { path } = this.platform;
        const names = new Map((found.real ? this.disk.readdir(found.real) : []).map((n) => [this.key(path.join(found.at, n)), n]));
        for (const name of plannedNames ?? []) {
            const key = this.key(path.join(found.at, name));
            if (this.planned.get(key)?.made === 'nothing')
                names.delete(key);
            else
                names.set(key, name);
        }
        return [...names.values()];
    }
    exists(p) {
        try {
            return this.stat(p) !== undefined;
        }
        catch {
            return false;
        }
    }
    contentHash(p) {
        return this.disk.contentHash(this.realFile(p));
    }
    sameBytes(a, b) {
        return this.disk.sameBytes(this.realFile(a), this.realFile(b));
    }
    linkKinds(paths) {
        return this.disk.linkKinds(paths);
    }
    symlink = refuse;
    link = refuse;
    rename = refuse;
    unlink = refuse;
    mkdir = refuse;
    rmdir = refuse;
    writeFile = refuse;
    copyFile = refuse;
    copyMeta = refuse;
}

;// CONCATENATED MODULE: ./src/predict.ts
// A dry run's result: what the real run will do, predicted from what can be read without writing. The plan already
// fails where the disk shows why (something in the way, a read-only mount, a missing parent, a directory as a hard
// link's TARGET); here each kind to try is given the answer its call would get: EXDEV where TARGET is on another
// filesystem (device numbers, the mount table), or what the family table measured its calls to answer on this mount
// (quirksOf: the family's row and the mount's options). Where neither says, only a write could tell, and the result
// says so instead of predicting success. A link that waits for an earlier one is planned again on the disk as the
// links predicted before it would leave it (plan/planned-disk.ts), as a real run plans it once they exist. Nothing
// here writes or probes.






/**
 * PATH's directory and TARGET on different filesystems or mounts: link() answers EXDEV before the filesystem is
 * asked (Linux refuses a hard link between two mounts even of one filesystem). Nothing readable: not known to.
 * TARGET's device is its directory's: overlayfs gives a file from a lower layer that layer's st_dev, and only
 * directories the overlay's own, yet link() within the overlay works. A file mounted on its own is in the mount table.
 */
function crossesFilesystems(plan, ctx) {
    const { path } = ctx.platform;
    const dir = path.dirname(plan.missingParents[0] ?? plan.request.absPath);
    const [here, there] = [dir, path.dirname(plan.linkSource)].map((p) => errors_quietly(() => ctx.ops.stat(p)));
    if (!here || !there)
        return false;
    return here.dev !== there.dev || ctx.detector.forPath(plan.linkSource).mountPoint !== plan.filesystem.mountPoint;
}
/** The errno making `kind` would answer, '' where it makes the link, undefined where only a write could tell. */
function answerOf(kind, plan, ctx) {
    if (kind === 'hardlink' && crossesFilesystems(plan, ctx))
        return 'EXDEV';
    const calls = quirksOf(plan.filesystem).calls;
    if (calls?.on !== ctx.platform.name)
        return undefined;
    if (kind === 'copy')
        return '';
    return (kind === 'hardlink' ? calls.link : calls.symlink) ?? '';
}
/** Nothing read says whether this kind can be made here: the plan stands, saying so. */
function notKnowable(plan, kind, ctx) {
    const message = `Not knowable without a write: nothing read says whether ${plan.filesystem.type} at ` +
        `${plan.filesystem.mountPoint || ctx.platform.path.dirname(plan.request.absPath)} makes a ${kindWords(kind)}, ` +
        'and a dry run makes nothing to find out.';
    return { ...plannedResult(plan, ctx), message, knowable: false };
}
/**
 * What a real run of this plan will do: the first kind whose call would work, each step down the list as the real
 * run records it (`fallback`); a failure with the errno and hint the real run gives; or not knowable.
 */
function predictedResult(planned, ctx) {
    if (planned.action !== 'create' && planned.action !== 'replace')
        return plannedResult(planned, ctx);
    const plan = { ...planned }; // the fallback recorded here is the prediction's, not the plan's
    for (const [i, kind] of plan.kinds.entries()) {
        const code = answerOf(kind, plan, ctx);
        if (code === undefined)
            return notKnowable(plan, kind, ctx);
        if (code === '')
            return plannedResult(plan, ctx, { status: 'planned', kind });
        const failure = {
            code,
            errno: errnoNumber(code) ?? undefined,
            syscall: syscallOf(kind),
            attempted: `create the ${kindWords(kind)}`
        };
        const explanation = explainFailure(plan, failure, kind, ctx);
        const next = plan.kinds[i + 1];
        if (!next || !explanation.capability) {
            const outcome = { status: 'planned', kind: '', failure, failedKind: kind, explanation };
            return plannedResult({ ...plan, action: 'fail', failure }, ctx, outcome);
        }
        plan.fallback = fallBack(plan.fallback, kind, next, explanation.message);
    }
    return plannedResult(plan, ctx); // planLink never plans an empty list
}
/**
 * A dry run's predictions, one link after another in spec order. A link that waits for an earlier one
 * (`dependsOnEarlier`) is planned again, as make-link.ts does in a real run, but on a PlannedDisk: the disk as the
 * links predicted so far would leave it.
 */
function predictor(ctx) {
    const disk = new PlannedDisk(ctx.ops, ctx.platform);
    const afterEarlier = { ...ctx, ops: disk };
    return (planned) => {
        const dependent = planned.request.dependsOnEarlier;
        const plan = dependent ? planOrSkip(planned.request, afterEarlier) : planned;
        const result = predictedResult(plan, dependent ? afterEarlier : ctx);
        disk.note(plan, result);
        return result;
    };
}

;// CONCATENATED MODULE: ./src/spec/keys.ts
// Each PATH of a spec as a compact key, held for the whole run: the duplicate check and which links wait for another
// (dependents.ts). A run of 100,000 links holds these and little else: a key is its directory's number and its name.
// The directories above the PATHs are held too, for dependents.ts, as slices of the numbered directories' keys.
// A restore also keeps, by the same keys, the text of each symbolic link its entries may make: a link's way through
// another entry's PATH is judged both with and without that link (../plan/outside.ts).



/**
 * Directories noted above PATHs at most, about 55 bytes each (7 MB in all): links share a few, but a spec may give
 * each link a deep tree of its own.
 */
const ABOVE = 1 << 17;
class LinkKeys {
    platform;
    /** Each directory that holds a PATH, numbered: thousands of links share a few. */
    dirs = new Map();
    /** `number/name` of each PATH, and the place it came with first. */
    places = new Map();
    /** With `keepTexts`: `number/name` of each PATH that may become a symbolic link, and its text (textOf). */
    texts;
    /**
     * Each directory a PATH lies below (noteAbove), which create-parents may make for its link. Only the spec stage
     * asks (isAbove): a share worker's copy (withTexts) has none.
     */
    above = new Set();
    /**
     * The directory (up to its last separator) of the last key made compact, and its number: links come a directory at
     * a time, and a look-up hashes the whole directory again.
     */
    lastDir = { dir: '', number: -1 };
    /** The last directory `isPathOrAbove` found none in (barren): a TARGET's, mostly, asked of each link. */
    lastBarren;
    constructor(platform, keepTexts = false) {
        this.platform = platform;
        if (keepTexts)
            this.texts = new Map();
    }
    /** Texts another process's keys kept (keptTexts), looked up as there: a share worker's lanes judge ways too. */
    static withTexts(platform, { dirs, paths, texts }) {
        const keys = new LinkKeys(platform, true);
        dirs.forEach((dir, number) => keys.dirs.set(dir, number));
        for (const compact of paths)
            keys.places.set(compact, 0);
        for (const [compact, text] of texts)
            keys.texts?.set(compact, text);
        return keys;
    }
    /**
     * The compact form of a key (resolvedKey); undefined where its directory holds no PATH, unless `add`: then a new
     * directory is numbered, and noted with those above it.
     */
    compact(key, add) {
        const cut = key.lastIndexOf(this.platform.path.sep) + 1;
        const last = this.lastDir;
        // Compared as a substring, here and in isPathOrAbove: Node 24's startsWith takes longer with a prefix this long.
        if (cut === last.dir.length && last.number >= 0 && key.substring(0, cut) === last.dir)
            return `${last.number}/${key.slice(cut)}`;
        const dir = key.slice(0, cut);
        let number = this.dirs.get(dir);
        if (number === undefined && !add)
            return undefined;
        const owned = own(dir);
        if (number === undefined) {
            number = this.dirs.size;
            this.dirs.set(owned, number);
            this.noteAbove(owned);
            this.lastBarren = undefined;
        }
        this.lastDir = { dir: owned, number };
        return `${number}/${key.slice(cut)}`;
    }
    /**
     * A new directory (a key up to its last separator) and those above it, each as a slice of it (no characters
     * copied), up to one noted already: those above that one were noted with it. Past ABOVE no more are noted: a link
     * to a directory above only the PATHs read after that does not wait, and sees TARGET as it is before the run.
     */
    noteAbove(dir) {
        const { sep } = this.platform.path;
        for (let end = dir.length - 1; end > 0 && this.above.size < ABOVE; end = dir.lastIndexOf(sep, end - 1)) {
            const above = dir.slice(0, end);
            if (this.above.has(above))
                return;
            this.above.add(above);
        }
    }
    has(key) {
        const compact = this.compact(key, false);
        return compact !== undefined && this.places.has(compact);
    }
    /** Whether a PATH lies below the directory this key (resolvedKey) names. */
    isAbove(key) {
        return this.above.has(key);
    }
    /**
     * has(key) || isAbove(key), without a look-up where the key's directory was found barren last time: it holds no
     * PATH, and no PATH lies below it. Every directory noted above a PATH has its parent noted too (noteAbove goes up
     * until one noted already), until ABOVE stops the noting: then each key is looked up. Not the root's: it is never
     * noted. Keys are only added before this is asked (the spec's check, then its walk); an added directory forgets it.
     */
    isPathOrAbove(key) {
        const cut = key.lastIndexOf(this.platform.path.sep);
        const barren = this.lastBarren;
        if (barren !== undefined && cut === barren.length && key.substring(0, cut) === barren)
            return false;
        if (this.has(key) || this.isAbove(key))
            return true;
        const parent = key.slice(0, cut);
        if (cut > 0 && this.above.size < ABOVE && !this.above.has(parent) && !this.dirs.has(key.slice(0, cut + 1)))
            this.lastBarren = own(parent);
        return false;
    }
    /**
     * The key, with its place (and, keeping texts, the text its request may make), unless it came before: then the
     * place it came with first.
     */
    add(key, place, request) {
        const compact = this.compact(key, true);
        const first = this.places.get(compact);
        if (first !== undefined)
            return first;
        const kept = own(compact);
        this.places.set(kept, place);
        const text = this.texts && request && keys_textOf(request, this.platform);
        if (text !== undefined)
            this.texts?.set(kept, own(text));
        return undefined;
    }
    /** The texts kept, as plain data; undefined where none are kept. */
    keptTexts() {
        return this.texts && { dirs: [...this.dirs.keys()], paths: [...this.places.keys()], texts: [...this.texts] };
    }
    isPath(absPath) {
        return this.has(resolvedKey(this.platform, absPath));
    }
    textAt(absPath) {
        const compact = this.texts && this.compact(resolvedKey(this.platform, absPath), false);
        return compact === undefined ? undefined : this.texts?.get(compact);
    }
}
/**
 * The text of the symbolic link the request may make, as written or as its TARGET reads from PATH's directory (the
 * text the plan computes from real directories leads where this one does, through the same names or their links).
 */
function keys_textOf(request, platform) {
    if (!linkMayBeSymbolic(request.options))
        return undefined;
    if (request.text !== undefined)
        return request.text;
    if (!wantsRelative(request))
        return request.absTarget;
    const { path } = platform;
    return path.relative(path.dirname(request.absPath), request.absTarget) || '.';
}

;// CONCATENATED MODULE: ./src/cleanup.ts
// What the post step does for one link the main step made (`cleanup: true`): only where PATH is still exactly what
// was made, remove it, and put back what it replaced (from its backup, or a replaced link from its recorded text).
// Anything changed since is kept, with a warning. The same code identifies what the main step made.








/** Everything below a copied directory, in one digest: names, types, link texts and file contents. */
function treeOf(dir, ops, platform) {
    const hash = (0,external_node_crypto_namespaceObject.createHash)('sha256');
    const walk = (d, rel) => {
        for (const name of ops.readdir(d).sort()) {
            const p = platform.path.join(d, name);
            const s = ops.lstat(p);
            if (!s)
                continue;
            const what = s.isDirectory() ? 'd' : s.isSymbolicLink() ? `l${ops.readlink(p)}` : `f${ops.contentHash(p)}`;
            hash.update(`${rel}/${name}\0${what}\n`);
            if (s.isDirectory())
                walk(p, `${rel}/${name}`);
        }
    };
    walk(dir, '');
    return hash.digest('hex');
}
/**
 * What is at p now, in the terms the post step compares; undefined where nothing is. With `content`, what only the
 * same data has as well: a file's hash, a directory's tree, and the birth time where the filesystem keeps one.
 */
function identify(p, ops, platform, content = false) {
    const s = ops.lstat(p);
    if (!s)
        return undefined;
    if (s.isSymbolicLink())
        return { link: ops.readlink(p) };
    const { dev, ino, size } = s;
    if (!content)
        return { dev, ino, size };
    const born = s.birthtimeMs > 0 ? { birthtimeMs: s.birthtimeMs } : {};
    const data = s.isDirectory() ? { tree: treeOf(p, ops, platform) } : { hash: ops.contentHash(p) };
    return { dev, ino, size, ...born, ...data };
}
/**
 * p still is what was recorded: a link by its text; anything else by its content where that was recorded, and by its
 * inode (and birth time) where inode numbers are the file's own. A reused inode number (ext4 gives a deleted file's
 * number to the next) passes none of content, birth time and size together; where inodes prove nothing (FUSE
 * shares) the content alone decides, and without a recorded content nothing does: kept.
 */
function isStill(p, s, was, ops, platform, byInode) {
    if (was.link !== undefined) {
        if (!s.isSymbolicLink())
            return false;
        const text = ops.readlink(p);
        return sameLinkTarget(platform, p, text, was.link) && sameKind(p, text, was, ops, platform);
    }
    if (s.isSymbolicLink())
        return false;
    if (byInode && (s.dev !== was.dev || s.ino !== was.ino))
        return false;
    if (byInode && was.birthtimeMs !== undefined && s.birthtimeMs !== was.birthtimeMs)
        return false;
    if (was.tree !== undefined)
        return s.isDirectory() && treeOf(p, ops, platform) === was.tree;
    if (was.hash !== undefined)
        return s.isFile() && s.size === was.size && ops.contentHash(p) === was.hash;
    return byInode; // a link that sshfs -o follow_symlinks shows as what it leads to: its inode is all there is
}
/**
 * Windows: the link at p is still of the kind made, where that was recorded: a junction swapped in with the text of
 * the step's directory link is not the step's. A relative text that leads somewhere tells without PowerShell.
 */
function sameKind(p, text, was, ops, platform) {
    if (!platform.isWindows || was.type === undefined)
        return true;
    return ((kindFromText(text, quietly(() => ops.stat(p))) ?? ops.linkKinds([p])[0]) === was.type);
}
/**
 * A hard link goes only while PATH and the file it was made a name of are still one file, so its content keeps a
 * name: both present, same device and inode. Not what was recorded of PATH: TARGET rewritten as a new file leaves
 * PATH the only name of the old content, under the inode recorded. No change time either: a write or chmod on TARGET
 * changes it. Where inode numbers prove nothing (FUSE shares), equal bytes are the proof.
 */
function isStillHardLink(p, s, entry, ops, platform) {
    const sourcePath = entry.source ?? entry.target;
    const source = ops.lstat(sourcePath);
    if (!source?.isFile() || !s.isFile())
        return false;
    // One name reached twice is not two names: a parent of TARGET swapped for a link to PATH's directory.
    if (samePlace(sourcePath, p, ops, platform))
        return false;
    if (entry.share)
        return ops.contentHash(p) === ops.contentHash(sourcePath);
    return s.nlink > 1 && sameFile(s, source);
}
/** a and b are one name, their symlinked parents resolved; where that cannot be told, taken to be (kept). */
function samePlace(a, b, ops, platform) {
    return quietly(() => pathKey(platform, ops.realpath(a)) === pathKey(platform, ops.realpath(b))) ?? true;
}
/**
 * A link with `text`, of its Windows kind, put where `p` is: made under a temporary name (names.ts: swept if
 * left behind), then renamed over p.
 */
function putLinkBack(p, was, ops, platform, warnings) {
    const temp = tempName(platform.path.dirname(p), platform.path);
    ops.symlink(was.link, temp, platform.isWindows ? (was.type ?? 'file') : undefined);
    try {
        cleanup_renameOver(temp, p, ops, platform, warnings);
    }
    catch (error) {
        ops.unlink(temp);
        throw error;
    }
}
/**
 * Rename `from` over p, the step's own link. Windows refuses (EPERM) where either is a directory link or junction,
 * dangling or not (MoveFileExW cannot replace a directory; libuv says EPERM for ERROR_ACCESS_DENIED): there p is
 * removed first (libuv's fs__unlink removes a directory link or junction too, src/win/fs.c), and the result says it
 * was not atomic.
 */
function cleanup_renameOver(from, p, ops, platform, warnings) {
    // rename(2) puts neither a directory over a link nor a link over a directory (a copy a restore replaced). Where
    // p went meanwhile, `from` simply goes in.
    const here = ops.lstat(p);
    if (here && here.isDirectory() !== ops.lstat(from)?.isDirectory())
        return renameOverCopy(from, p, here.isDirectory(), ops, platform, warnings);
    try {
        return ops.rename(from, p);
    }
    catch (error) {
        if (!platform.isWindows || errnoCode(error) !== 'EPERM')
            throw error;
    }
    ops.unlink(p);
    ops.rename(from, p);
    warnings.push(`Windows cannot put a link back over ${p} in one step (not atomic): it was removed, then renamed.`);
}
/**
 * Rename `from` where p, the step's own (proven so: a copied tree, or the link that replaced a copied directory;
 * `isDirectory`: which), is: rename(2) cannot put a link over a directory (EISDIR; Windows EPERM), nor a directory
 * over a link (ENOTDIR). p goes aside under a temporary name, `from` takes its place, then p is removed; where `from`
 * cannot move in, p goes back, and where it cannot either, it goes (it was to go, and a temporary name would hide it),
 * the failure to move `from` in being the one said. No move replaces what another process put at its name meanwhile
 * (claim.ts). Not atomic: said.
 */
function renameOverCopy(from, p, isDirectory, ops, platform, warnings) {
    // What is not the directory is a link, or a file (a backup of one): its placeholder then leads to it.
    const [pIs, fromIs] = isDirectory ? ['directory', 'link'] : ['link', 'directory'];
    const aside = moveToFree(p, pIs, () => tempName(platform.path.dirname(p), platform.path), ops, platform);
    try {
        if (!moveIfFree(from, p, fromIs, ops, platform))
            throw takenError(p);
    }
    catch (error) {
        if (!quietly(() => moveIfFree(aside, p, pIs, ops, platform)))
            removeEntry(aside, ops, platform.path);
        throw error;
    }
    removeEntry(aside, ops, platform.path);
    warnings.push(`${p} was moved aside, what it replaced put back, then removed (not atomic).`);
}
/**
 * Undo one link, or say why it was left, then remove the directories made for it that its undo left empty. Only
 * through PATH's real directory, while the chain still leads there. Throws the errno of a call that failed.
 */
function undo(entry, ops, platform) {
    const backupLeft = entry.before?.backup ? ` Its backup ${entry.before.backup} is left where it is.` : '';
    const moved = parentChange(entry.path, entry.parent, ops, platform, !entry.share);
    if (moved?.gone)
        return { status: 'unchanged', message: `Nothing is at ${entry.path} any more: ${moved.words}.`, warnings: [] };
    if (moved) {
        const why = `${entry.path} was kept: ${moved.words} since this job's ln-action step made the link.${backupLeft}`;
        return { status: 'kept', message: '', warnings: [why] };
    }
    const undone = undoAt(underParent(entry.path, entry.parent, platform), entry, backupLeft, ops, platform);
    if (!entry.dirs || undone.status === 'kept')
        return undone;
    const removed = removeMadeDirs(entry.dirs, ops, platform, !entry.share);
    if (removed.length === 0)
        return undone;
    const also = `Removed the directory the step made for it, now empty: ${removed.join(', ')}.`;
    return { ...undone, message: [undone.message, also].filter(Boolean).join(' ') };
}
/** Undo the link at p, PATH under its real directory. */
function undoAt(p, entry, backupLeft, ops, platform) {
    const { before } = entry;
    const warnings = [];
    const at = ops.lstat(p);
    if (!at)
        return { status: 'unchanged', message: `Nothing is at ${entry.path} any more.${backupLeft}`, warnings };
    const still = entry.kind === 'hardlink'
        ? isStillHardLink(p, at, entry, ops, platform)
        : isStill(p, at, entry.made, ops, platform, !entry.share);
    if (!still) {
        warnings.push(`${entry.path} changed since this job's ln-action step made it: kept as it is now.${backupLeft}`);
        return { status: 'kept', message: '', warnings };
    }
    const backupAt = before?.backup && underParent(before.backup, entry.parent, platform);
    const backup = backupAt && before.backupIs && ops.lstat(backupAt);
    if (backupAt && backup && isStill(backupAt, backup, before.backupIs, ops, platform, !entry.share)) {
        cleanup_renameOver(backupAt, p, ops, platform, warnings);
        return { status: 'restored', message: `Put back from its backup ${before.backup}.`, warnings };
    }
    if (before?.backup)
        warnings.push(`The backup ${before.backup} changed or went since the step made it: not used.`);
    if (before?.link !== undefined) {
        putLinkBack(p, before, ops, platform, warnings);
        return { status: 'restored', message: `Put back the link it replaced, to '${before.link}'.`, warnings };
    }
    removeEntry(p, ops, platform.path);
    if (before)
        warnings.push(`${entry.path} replaced a file that cannot be put back: there is no backup (set backup-suffix).`);
    return { status: 'removed', message: '', warnings };
}

;// CONCATENATED MODULE: ./src/make-link.ts
// One planned link as the executors make it: planned again first where the disk may have changed since its slice
// was planned, then carried out by apply/. Plans are made ahead (a slice at a time, or a share's all at once), so
// three things can make one stale: a link below another entry's PATH (that link exists only now, and confinement
// must be judged through it), a link on a share an earlier link found gone (skipped without a call), and something
// another run put at PATH after the plan looked (EEXIST: looked at once more).


function makeLink(planned, ctx) {
    const shareGone = planned.action !== 'fail' && goneShareOf(planned.request.absPath, ctx) !== undefined;
    const plan = planned.request.dependsOnEarlier || shareGone ? planOrSkip(planned.request, ctx) : planned;
    const result = applyLink(plan, ctx);
    if (plan.action === 'create' && result.status === 'failed' && result.code === 'EEXIST')
        return applyLink(planLink(plan.request, ctx), ctx);
    return result;
}

;// CONCATENATED MODULE: ./src/undo-record.ts
// `cleanup: true`: make a link (make-link.ts) and record what the post step needs to undo it, given beside the
// link's result. What was at PATH is read before the link is made (only where the plan may replace), what was made
// and its backup (by the name apply took) after.
// Costs a few calls per link, and a read of each copy and backup, so only with cleanup.






function applyRecorded(plan, ctx) {
    const { request } = plan;
    const mayReplace = plan.action === 'replace' || request.dependsOnEarlier;
    const was = mayReplace ? identify(request.absPath, ctx.ops, ctx.platform) : undefined;
    // A link's Windows kind (junction, file or directory symlink), to be put back as that kind.
    if (was?.link !== undefined && ctx.platform.isWindows)
        was.type = keptLinkType(request.absPath, ctx);
    const taken = (ctx.taken ??= new Map());
    const result = makeLink(plan, ctx);
    const { backup, dirs } = taken.get(request.absPath) ?? {};
    taken.delete(request.absPath);
    if ((result.status !== 'created' && result.status !== 'replaced') || result.kind === '')
        return { result };
    try {
        return { result, undo: record(result, { was, backup, dirs }, plan, ctx) };
    }
    catch (error) {
        // The link is made; only reading it back failed (the share may have gone): say it will not be undone.
        if (!isErrno(error))
            throw error;
        const why = `${error.code} from ${error.syscall ?? 'lstat'}()`;
        const warning = `${request.absPath} could not be read back (${why}): the post step will not undo it.`;
        return { result: { ...result, warnings: [...result.warnings, warning] } };
    }
}
function record(result, old, plan, ctx) {
    const { request } = plan;
    // A copy by its content: a later edit may keep its size and time (fusefat never moves mtime on a write).
    const made = identify(request.absPath, ctx.ops, ctx.platform, result.kind === 'copy');
    const parent = parent_parentOf(request.absPath, ctx.ops, ctx.platform);
    if (!made || !parent || result.kind === '')
        return undefined;
    const { line, absPath: path, absTarget: target } = request;
    const undo = { line, path, target, type: result.type, kind: result.kind, parent, made };
    if (result.kind === 'hardlink')
        undo.source = plan.linkSource;
    // Windows: the kind made, as apply made it (symlinkType), so that a link of another kind swapped in is kept.
    if (made.link !== undefined && (result.kind === 'symlink' || result.kind === 'junction'))
        made.type = symlinkType(ctx.platform, result.kind, plan.targetIsDir);
    // The directories made for it, by what they are: the post step removes each its undo leaves empty.
    const dirs = old.dirs?.map((d) => directoryIdentity(d, ctx.ops)).filter((d) => d !== undefined);
    if (dirs?.length)
        undo.dirs = dirs;
    if (result.status === 'replaced' && old.was) {
        // The backup by what a delete and recreate cannot give again: inode, birth time where kept, size and content.
        const backupIs = old.backup ? identify(old.backup, ctx.ops, ctx.platform, true) : undefined;
        // Only the parts that say what it was: a file is put back from its backup alone.
        const { link, type } = old.was;
        undo.before = {
            ...(link !== undefined ? { link, ...(type ? { type } : {}) } : {}),
            ...(backupIs ? { backup: old.backup, backupIs } : {})
        };
    }
    return undo;
}
/** How links are applied in this run: recorded for the post step under `cleanup: true`. */
function applierFor(ctx) {
    return ctx.settings.cleanup ? applyRecorded : (plan) => ({ result: makeLink(plan, ctx) });
}

;// CONCATENATED MODULE: ./src/share/call-slots.ts
// Which filesystem call each lane of a share worker is in, and since when, in memory that the lanes and the worker's
// main thread share. A lane stuck in a hung FUSE call cannot say so itself; the main thread, which never touches the
// share, reads these slots and can.

/** The calls a lane can be in, numbered by their place here. */
const CALLS = Object.keys(nodeFs);
/** Per lane: the link's index, the call (its number in CALLS), when it began (ms since `epoch`; 0 while idle). */
const SLOT = 3;
class CallSlots {
    epoch;
    slots;
    /** Memory for `lanes` lanes, or the memory another thread made (`SharedArrayBuffer`). */
    constructor(lanesOrMemory, epoch) {
        this.epoch = epoch;
        const memory = typeof lanesOrMemory === 'number' ? new SharedArrayBuffer((lanesOrMemory * SLOT + 1) * 4) : lanesOrMemory;
        this.slots = new Int32Array(memory);
    }
    get memory() {
        return this.slots.buffer;
    }
    begin(lane, index, syscall, now = Date.now()) {
        Atomics.store(this.slots, lane * SLOT, index);
        Atomics.store(this.slots, lane * SLOT + 1, CALLS.indexOf(syscall));
        Atomics.store(this.slots, lane * SLOT + 2, Math.max(1, now - this.epoch));
    }
    end(lane) {
        Atomics.store(this.slots, lane * SLOT + 2, 0);
    }
    /** The call `lane` is in now, or undefined while it is between calls. */
    current(lane, now = Date.now()) {
        const began = Atomics.load(this.slots, lane * SLOT + 2);
        if (began === 0)
            return undefined;
        const syscall = CALLS[Atomics.load(this.slots, lane * SLOT + 1)];
        return { index: Atomics.load(this.slots, lane * SLOT), syscall, elapsed: now - this.epoch - began };
    }
    /** Every lane is to stop at its next link (the share timed out or is gone). */
    stop() {
        Atomics.store(this.slots, this.slots.length - 1, 1);
    }
    get stopped() {
        return Atomics.load(this.slots, this.slots.length - 1) === 1;
    }
}
/** Filesystem calls that note themselves in a lane's slot while they run. */
function timedOps(ops, slots, lane, current) {
    const timed = {};
    for (const name of CALLS) {
        const op = ops[name];
        timed[name] = (...args) => {
            slots.begin(lane, current.index, name);
            try {
                return op(...args);
            }
            finally {
                slots.end(lane);
            }
        };
    }
    return timed;
}
/** The only reader of the clock against the lanes' calls: each lane whose call outlives `timeoutMs`, once. */
class Watchdog {
    slots;
    lanes;
    timeoutMs;
    overdue = new Set();
    constructor(slots, lanes, timeoutMs) {
        this.slots = slots;
        this.lanes = lanes;
        this.timeoutMs = timeoutMs;
    }
    /** The lanes newly found in a call longer than the timeout, with that call. */
    check(now = Date.now()) {
        const found = [];
        for (let lane = 0; lane < this.lanes; lane++) {
            const call = this.slots.current(lane, now);
            if (this.overdue.has(lane) || !call || call.elapsed <= this.timeoutMs)
                continue;
            this.overdue.add(lane);
            found.push({ lane, call });
        }
        return found;
    }
}

;// CONCATENATED MODULE: ./src/share/lanes.ts
// How a share worker divides its links among lanes: whole directories each (the kernel serialises creations within
// one directory, so a directory split across lanes gains nothing), the busiest first onto the least loaded lane.

/**
 * sshfs serves about ten requests at once (measured), and every lane is a thread that costs about 30 ms of CPU to
 * start, even on the small share bundle: 20 lanes for the bench's 20 directories were slower than 10 (2 CPUs).
 */
const MAX_LANES = 10;
/**
 * A lane per directory; one in a dry run with links that wait for earlier ones: each is predicted on the disk as the
 * links predicted before it leave it (predict.ts), and a lane's predictor sees only the links of that lane, over
 * every round; a real run plans them again on the disk once wave 1 is made.
 */
function laneCount(links, platform, dryRun = false) {
    if (dryRun && links.some((l) => l.request.dependsOnEarlier))
        return 1;
    const { path } = platformFor(platform);
    return Math.max(1, Math.min(MAX_LANES, new Set(links.map((l) => path.dirname(l.request.absPath))).size));
}
/** From this many names sought in one directory, a listing may answer them all (worthListing). */
const LIST_FROM = 4;
/**
 * Whether listing a directory of `size` bytes costs fewer round trips than looking up `names` names in it: sshfs
 * answers one lookup at a time per directory (30 in a row took 0.36 s at 11 ms; the listing 0.04 s, after which
 * sshfs answered all 30 from its cache). An SFTP listing sends about 100 names a round trip, plus three to open, end
 * and close it; a directory entry takes at least about 16 bytes of its size (ext4, tmpfs). Unknown sizes (0): no.
 */
function worthListing(size, names) {
    return size > 0 && size / 16 / 100 + 3 < names;
}
/** Links whose plan stats their TARGET (lanes.ts deals those stats): all but those that remove (TARGET optional). */
const looksUp = ({ request }) => request.options.state !== 'absent';
/** Distinct values of `of` per directory of each, among `links`. */
function perDirectory(links, of, platform) {
    const { path } = platform_platformFor(platform);
    const found = new Map();
    for (const link of links) {
        const p = of(link);
        found.set(path.dirname(p), (found.get(path.dirname(p)) ?? new Set()).add(p));
    }
    return found;
}
/** What a lane looks at for `p`: its directory where many are sought there, else p itself (a TARGET). */
function lookupOf(index, p, sought, platform) {
    const dir = platform_platformFor(platform).path.dirname(p);
    const names = sought.get(dir).size;
    return names >= LIST_FROM ? { index, path: dir, names } : { index, path: p };
}
/**
 * What each lane looks at before it plans, so that the share answers its plans from what it caches. First the
 * directories that hold many of the share's link directories (each lane lists them itself: a name not listed is
 * known missing, and the share would otherwise answer those lookups one at a time, across lanes). Then each
 * distinct TARGET of wave 1, or its directory where it holds several, dealt to one lane that has a link there, the
 * lanes taking turns: many directories often link to the same few TARGETs.
 */
function dealLookups(wave1, platform) {
    const { path } = platform_platformFor(platform);
    const linkDir = (link) => path.dirname(link.request.absPath);
    const linkDirs = perDirectory(wave1.flat(), linkDir, platform);
    const lookups = wave1.map((links) => {
        // Each directory of this lane's, with its first link (later ones would overwrite it in a Map built forwards).
        const own = new Map([...links].reverse().map((link) => [linkDir(link), link.index]));
        const listings = [...own].map(([dir, index]) => lookupOf(index, dir, linkDirs, platform));
        return [...new Map(listings.filter((l) => l.names).map((l) => [l.path, l])).values()];
    });
    const targets = perDirectory(wave1.flat().filter(looksUp), (link) => link.request.absTarget, platform);
    const dealt = new Set();
    const next = wave1.map(() => 0);
    for (let taken = true; taken;) {
        taken = false;
        wave1.forEach((links, lane) => {
            for (; next[lane] < links.length; next[lane]++) {
                const { index, request } = links[next[lane]];
                if (!looksUp(links[next[lane]]))
                    continue;
                const lookup = lookupOf(index, request.absTarget, targets, platform);
                if (dealt.has(lookup.path))
                    continue;
                dealt.add(lookup.path);
                lookups[lane].push(lookup);
                taken = true;
                return;
            }
        });
    }
    return lookups;
}
/** Wave 1: each lane's directories. Wave 2: links below other links, in spec order, once wave 1 is done. */
function assignLanes(links, count, platform) {
    const { path } = platform_platformFor(platform);
    const byDir = new Map();
    const wave2 = [];
    for (const link of links) {
        if (link.request.dependsOnEarlier) {
            wave2.push(link);
            continue;
        }
        const dir = path.dirname(link.request.absPath);
        const group = byDir.get(dir);
        if (group)
            group.push(link);
        else
            byDir.set(dir, [link]);
    }
    const wave1 = Array.from({ length: count }, () => []);
    for (const group of [...byDir.values()].sort((a, b) => b.length - a.length)) {
        wave1.reduce((least, lane) => (lane.length < least.length ? lane : least)).push(...group);
    }
    for (const lane of wave1)
        lane.sort((a, b) => a.index - b.index);
    return { wave1, wave2 };
}

;// CONCATENATED MODULE: ./src/share/lane.ts
// One lane of a share worker: plans, then makes, the links of whole directories of one share, a round at a time. It
// runs in a thread of its own (runLane), so that a call stuck in a hung share holds up only this thread; each call is
// noted in the shared slots first, for the worker's main thread to time.














/**
 * Where the links of a share are planned and made. The share itself is as the action saw it (its details already
 * read); every other path comes from the mount table, since a link is sent here when only its TARGET is on the
 * share, and its PATH's filesystem is what the plan must know.
 */
function shareContext(share, ops) {
    const { filesystem, settings } = share;
    const detector = createDetector(platform_platformFor(share.platform), {}, [filesystem]);
    // Nothing is probed from here: each volume as the action decided it, else its type or the OS's usual rule.
    const platform = withVolumeCaseRules(platform_platformFor(share.platform), detector, { known: share.caseVolumes });
    const linkTexts = share.linkTexts && LinkKeys.withTexts(platform, share.linkTexts);
    return applyContext({ settings, realWorkingDirectory: settings.workingDirectory, platform, ops, detector, linkTexts });
}
class Lane {
    data;
    post;
    ctx;
    slots;
    /** The link whose calls are being made: what a timed-out call is reported against. */
    current = { index: -1 };
    /** The round's plans, by link index: let go of when the next round comes. */
    plans = new Map();
    round;
    /**
     * A dry run's: what the links before each one are predicted to make, over every round (predict.ts); made once the
     * working directory is resolved, which it copies.
     */
    predict;
    started = false;
    constructor(data, post, ops = nodeFs) {
        this.data = data;
        this.post = post;
        this.slots = new CallSlots(data.memory, data.epoch);
        this.ctx = shareContext(data.share, timedOps(ops, this.slots, data.lane, this.current));
    }
    handle(message) {
        if (message.type === 'plan')
            this.plan(message);
        else
            this.apply((message.wave === 1 ? this.round?.wave1 : this.round?.wave2) ?? []);
        this.post({ type: 'done' });
    }
    plan(round) {
        this.round = round;
        this.plans = new Map();
        const links = [...round.wave1, ...round.wave2];
        this.current.index = links[0]?.index ?? -1;
        if (links.length > 0)
            this.start();
        const planning = context_planningContext(this.ctx);
        // A real run's plans are only looked at for a share found gone (supervisor.ts): no prediction for them.
        const planned = this.predict ?? ((plan) => plannedResult(plan, this.ctx));
        this.lookUp(round.lookups, planning);
        for (const { index, request } of links) {
            if (this.slots.stopped)
                break;
            this.current.index = index;
            const plan = planOrSkip(request, planning);
            this.plans.set(index, plan);
            this.post({ type: 'planned', index, result: planned(plan) });
        }
    }
    /** Once, at the lane's first round with links: the working directory as the share names it really. */
    start() {
        if (this.started)
            return;
        this.started = true;
        try {
            this.ctx.realWorkingDirectory = this.ctx.ops.realpath(this.ctx.realWorkingDirectory);
        }
        catch {
            // a share that errors: each link's own calls say why
        }
        if (this.data.share.settings.dryRun)
            this.predict = predictor(this.ctx);
    }
    /** What lanes.ts gave this lane to look at, into the planning pass's caches; a failure is left to the plans. */
    lookUp(lookups, planning) {
        for (const { index, path, names } of lookups) {
            if (this.slots.stopped)
                return;
            this.current.index = index;
            try {
                if (names === undefined)
                    statTarget(path, planning);
                else
                    this.list(path, names, planning);
            }
            catch (error) {
                if (!isErrno(error))
                    throw error;
            }
        }
    }
    /** A directory listed where that is cheaper than looking up each name sought there; the share caches it too. */
    list(dir, names, planning) {
        const stats = this.ctx.ops.stat(dir);
        if (!stats?.isDirectory() || !worthListing(stats.size, names))
            return;
        planning.listed?.set(dir, new Set(this.ctx.ops.readdir(dir).map(listedKey)));
    }
    apply(links) {
        const apply = applierFor(this.ctx);
        this.current.index = links[0]?.index ?? -1;
        // A share found gone or hung is not asked anything more.
        if (!this.slots.stopped)
            learnKeptKinds(links.flatMap(({ index }) => this.plans.get(index) ?? []), this.ctx);
        for (const { index } of links) {
            const plan = this.plans.get(index);
            // A plan that already failed touches nothing to report so; the others wait for a share that answers.
            if (!plan || (this.slots.stopped && plan.action !== 'fail'))
                continue;
            this.current.index = index;
            this.post({ type: 'applied', index, ...apply(plan, this.ctx) });
        }
        if (!this.slots.stopped)
            closeRooms(this.ctx);
    }
}
/** The thread's side: a lane fed by the worker's main thread. */
function runLane() {
    const port = external_node_worker_threads_namespaceObject.parentPort;
    const lane = new Lane(external_node_worker_threads_namespaceObject.workerData, (message) => port.postMessage(message));
    port.on('message', (message) => lane.handle(message));
}

;// CONCATENATED MODULE: external "node:v8"
const external_node_v8_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:v8");
;// CONCATENATED MODULE: ./src/young-generation.ts
// V8 grows a process's young generation as objects survive its collections, doubling it up to 64 MB a half (Node
// runs V8 without pointer compression, which doubles V8's 32 MB): over a long run the survivors of every collection
// add up, and a run of 100,000 links ends with 128 MB of young generation, all of it resident. An action cannot pass
// V8 flags to the process the runner starts, and V8 sizes the young generation's bound when the process starts; but
// it reads its growth factor each time it grows (src/heap/new-spaces.cc, SemiSpaceNewSpace::Grow: the new capacity is
// the current one times v8_flags.semi_space_growth_factor, at most the bound), so once the young generation has
// reached YOUNG_MB a factor of 1 keeps it there. Later V8s raise the factor to at least 2 (flag-definitions.h,
// DEFINE_MIN_VALUE_IMPLICATION): the test runs the action's Node, and would show it. The flag is the process's: a
// worker thread started after it is set keeps its starting size (3.75 MB, measured); the action starts none, and the
// share machinery runs in a child process of its own, which it does not reach.

/** Both halves of the young generation together, at most, in MB: a size that costs a run no measurable time. */
const YOUNG_MB = 16;
let young_generation_kept = false;
/** Keep the young generation from growing past YOUNG_MB, once it has reached it; asked between slices of links. */
function keepYoungGeneration() {
    if (young_generation_kept)
        return;
    const young = external_node_v8_namespaceObject.getHeapSpaceStatistics().find((space) => space.space_name === 'new_space');
    if (!young || young.space_size < YOUNG_MB * 2 ** 20)
        return;
    external_node_v8_namespaceObject.setFlagsFromString('--semi-space-growth-factor=1');
    young_generation_kept = true;
}

;// CONCATENATED MODULE: ./src/share/supervisor.ts
// A share worker's main thread: starts the lanes, times their calls, and answers the action with every link's
// result, a round of links at a time. It never touches the share itself, so it can always answer: a call that
// outlives `timeout` becomes that link's ETIMEDOUT, and the links not yet done are skipped.










/**
 * A lane's young generation, at most, in MB. A lane holds one round of its links (a hundred or so plans): 20,000
 * links on bindfs peaked at 253–260 MB in the worker with 2, 302–313 MB with V8's default, in the same CPU time
 * (lab/FINDINGS.md).
 */
const LANE_YOUNG_MB = 2;
/** Lanes in threads of their own, each running `entry` as a lane. */
const threadLanes = (entry) => (data) => {
    const worker = new external_node_worker_threads_namespaceObject.Worker(entry, {
        workerData: data,
        env: envFor('lane'),
        stdout: true,
        stderr: true,
        resourceLimits: { maxYoungGenerationSizeMb: LANE_YOUNG_MB }
    });
    return {
        post: (message) => worker.postMessage(message),
        listen: (onMessage, onError) => {
            worker.on('message', onMessage);
            worker.on('error', onError);
        }
    };
};
/** What the action uses: lanes running this bundle (dist/share/index.js). */
const threadLane = threadLanes(new URL(import.meta.url));
const UNFINISHED = { code: 'ECANCELED', syscall: 'none', attempted: 'get to' };
/** One round's links and what has come of them. */
class Round {
    links;
    planned = new Map();
    settled = new Map();
    /** Beside the links made: what the post step is to undo (`cleanup: true`). */
    undo = new Map();
    /** The lanes told to plan it, wave 2 on the first: only they hold its plans, and only they are told to make it. */
    lanes = [];
    constructor(links) {
        this.links = links;
    }
}
class Supervisor {
    share;
    ctx;
    slots;
    lanes;
    round = new Round([]);
    stopReason;
    wake = () => undefined;
    timer;
    constructor(share, 
    /** How many lanes to start: lanes.ts laneCount of every link the share is to have. */
    count, startLane = threadLane) {
        this.share = share;
        this.ctx = shareContext(share, nodeFs);
        this.slots = new CallSlots(count, Date.now());
        this.lanes = Array.from({ length: count }, (_, lane) => this.follow(startLane({ lane, share, memory: this.slots.memory, epoch: this.slots.epoch })));
        const watchdog = new Watchdog(this.slots, count, share.settings.timeoutMs);
        this.timer = setInterval(() => watchdog.check().forEach(({ lane, call }) => this.timedOut(lane, call)), 20);
        // Only a watch: the lanes and the action's channel keep the worker alive while there is work.
        this.timer.unref();
    }
    follow(port) {
        const state = { port, busy: false, dead: false };
        port.listen((message) => {
            if (!state.dead)
                this.take(message, state);
            this.wake();
        }, () => {
            state.dead = true;
            this.wake();
        });
        return state;
    }
    take(message, state) {
        if (message.type === 'done')
            state.busy = false;
        else {
            const { result } = message;
            // A real run's plans are only waited for (what was made comes in the results): a dry run's alone are kept.
            if (message.type === 'applied') {
                this.round.settled.set(message.index, result);
                if (message.undo)
                    this.round.undo.set(message.index, message.undo);
            }
            else if (this.share.settings.dryRun)
                this.round.planned.set(message.index, result);
            const failedHere = message.type === 'planned' || result.status === 'failed';
            if (failedHere && isShareGone(result.code))
                this.stop(failureOf(result));
        }
    }
    timedOut(lane, call) {
        this.lanes[lane].dead = true;
        const { timeoutMs, dryRun } = this.share.settings;
        const failure = {
            code: 'ETIMEDOUT',
            errno: errnoNumber('ETIMEDOUT') ?? undefined,
            syscall: call.syscall,
            attempted: `finish ${call.syscall}() within timeout (${timeoutMs / 1000} s) for`
        };
        const { links, settled } = this.round;
        // Looked for only here, once a call timed out: no index of every round's links kept for it.
        const link = links.find((l) => l.index === call.index);
        if (link && !settled.has(call.index))
            settled.set(call.index, unfinishedResult(link.request, failure, this.ctx, { dryRun }));
        this.stop(failure);
        this.wake();
    }
    stop(failure) {
        this.stopReason ??= failure;
        this.slots.stop();
    }
    /** Send each lane its message and wait until every live one is done or dead. */
    async phase(messages) {
        for (const [state, message] of messages) {
            if (state.dead)
                continue;
            state.busy = true;
            state.port.post(message);
        }
        const which = messages.map(([state]) => state);
        while (which.some((s) => s.busy && !s.dead))
            await new Promise((resolve) => (this.wake = resolve));
    }
    /** A round's links planned on the live lanes: whole directories each, links below others on the first. */
    async planRound(links) {
        this.round = new Round(links);
        const live = this.lanes.filter((l) => !l.dead);
        // Stopped, or every lane failed: the round's links are skipped, and no lane is asked anything.
        if (this.stopReason || live.length === 0)
            return;
        this.round.lanes = live;
        const { wave1, wave2 } = assignLanes(links, live.length, this.share.platform);
        const lookups = dealLookups(wave1, this.share.platform);
        await this.phase(live.map((state, i) => [
            state,
            { type: 'plan', wave1: wave1[i], wave2: i === 0 ? wave2 : [], lookups: lookups[i] }
        ]));
    }
    /** The round's results: what was made (a dry run's: what would be), each link's own or skipped. */
    async finishRound() {
        const { round } = this;
        // A round not planned (stopped before it) is not made: a lane would make its last round's plans again.
        if (!this.share.settings.dryRun) {
            await this.phase(round.lanes.map((state) => [state, { type: 'apply', wave: 1 }]));
            await this.phase(round.lanes.slice(0, 1).map((state) => [state, { type: 'apply', wave: 2 }]));
        }
        // A link the watchdog settled while planning keeps that result.
        const found = this.share.settings.dryRun ? new Map([...round.planned, ...round.settled]) : round.settled;
        const run = { dryRun: this.share.settings.dryRun, skipped: true };
        const results = round.links.map(({ index, request }) => [
            index,
            found.get(index) ?? unfinishedResult(request, this.stopReason ?? UNFINISHED, this.ctx, run)
        ]);
        this.round = new Round([]);
        return { type: 'results', results, undo: [...round.undo] };
    }
    end() {
        clearInterval(this.timer);
    }
}
function failureOf(result) {
    return {
        code: result.code,
        errno: result.errno ?? undefined,
        syscall: result.syscall,
        attempted: 'reach the share for'
    };
}
/** The IPC channel of a process (this one's, in a share worker) as a WorkerChannel. */
const processChannel = (proc = process) => ({
    receive: () => new Promise((resolve) => proc.once('message', resolve)),
    send: (message) => new Promise((resolve) => proc.send(message, () => resolve()))
});
/**
 * The child process's side: one share, a round of links at a time. The first round is planned before the action is
 * answered, and (unless a dry run) made when it says so; each round is answered before the next is taken.
 */
async function serveShare(channel, startLane = threadLane) {
    const start = await channel.receive();
    if (start.type !== 'start')
        return;
    const supervisor = new Supervisor(start.share, start.lanes, startLane);
    try {
        await supervisor.planRound(start.links);
        await channel.send({ type: 'planned' });
        if (!start.share.settings.dryRun)
            await channel.receive();
        for (let more = start.more;;) {
            await channel.send(await supervisor.finishRound());
            if (!more)
                break;
            const next = await channel.receive();
            if (next.type !== 'links')
                break;
            more = next.more;
            // This process's young generation, as the action's: a round's links, plans and results die young.
            keepYoungGeneration();
            await supervisor.planRound(next.links);
        }
    }
    finally {
        supervisor.end();
    }
}
async function runShareWorker() {
    await serveShare(processChannel());
    // Lanes stuck in the share keep this process alive; the action does not wait for it.
    process.exit(0);
}

;// CONCATENATED MODULE: ./src/share/index.ts
// The share bundle's entry (dist/share/index.js): a share worker's process and its lanes' threads. It holds only
// what they run (plan, apply, the knowledge base), not the toolkit or the spec parser of the main bundle, so each
// lane is ready to make its first call after compiling a tenth of it (10 lanes took 1.0–1.8 s with the whole).



switch (roleOf(process.env)) {
    case 'share-worker':
        void runShareWorker();
        break;
    case 'lane':
        runLane();
        break;
}

