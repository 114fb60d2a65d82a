import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 8931:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.TEMP_PREFIX = void 0;
exports.applyContext = applyContext;
exports.probe = probe;
exports.applyLink = applyLink;
// Apply stage: make each planned link, falling back to the next kind where the filesystem cannot make one,
// replacing atomically (new link under a temporary name, renamed over PATH), backing up and probing. What came of
// it becomes a result in result.ts.
const node_crypto_1 = __nccwpck_require__(7598);
const errors_js_1 = __nccwpck_require__(3916);
const families_js_1 = __nccwpck_require__(5911);
const knowledge_js_1 = __nccwpck_require__(7023);
const plan_js_1 = __nccwpck_require__(2464);
const platform_js_1 = __nccwpck_require__(3728);
const result_js_1 = __nccwpck_require__(1666);
/** A fresh context for one run (or one share worker lane): nothing probed, swept or made yet. */
function applyContext(base) {
    return {
        ...base,
        goneShares: new Map(),
        probes: new Map(),
        swept: new Set(),
        madeDirs: new Set(),
        hidingTexts: new Set(),
        fileProbes: new Map(),
        now: Date.now
    };
}
/** Temporary names: a fixed prefix a later run can recognise, then pid and randomness (unique per process). */
exports.TEMP_PREFIX = '.ln-action-';
const STALE_TEMP_MS = 60 * 60 * 1000;
/** tempName's form, and the probe's scratch names (-f, -s, -h) built on it. */
const TEMP_NAME = /^\.ln-action-[0-9a-z]+-[0-9a-f]{8}(-[fsh])?$/;
function tempName(dir, ctx) {
    return ctx.platform.path.join(dir, `${exports.TEMP_PREFIX}${process.pid.toString(36)}-${(0, node_crypto_1.randomBytes)(4).toString('hex')}`);
}
/**
 * Remove temporary links older than an hour: what a run that was killed mid-replacement left. Housekeeping only: where
 * the directory cannot be listed (davfs2 answers readdir with EINVAL), the link is made all the same, with a warning.
 */
function sweepStaleTemps(dir, plan, ctx) {
    if (ctx.swept.has(dir))
        return;
    ctx.swept.add(dir);
    try {
        for (const name of ctx.ops.readdir(dir)) {
            // Only names of exactly our making: a user's own `.ln-action-links` is not ours to remove.
            if (!TEMP_NAME.test(name))
                continue;
            const p = ctx.platform.path.join(dir, name);
            const stats = ctx.ops.lstat(p);
            if (stats && ctx.now() - stats.mtimeMs > STALE_TEMP_MS)
                removeEntry(p, ctx);
        }
    }
    catch (error) {
        const stay = `The link is made all the same; temporary names (${exports.TEMP_PREFIX}*) a killed run may have left stay.`;
        warnFailed(error, 'scandir', 'clean up old temporary names in the directory of', plan.kinds[0], plan, ctx, stay);
    }
}
/** A side step that failed without failing the link (sweeping, reading back): its explanation becomes a warning. */
function warnFailed(error, syscall, attempted, kind, plan, ctx, consequence = '') {
    if (!(0, errors_js_1.isErrno)(error))
        throw error;
    const failure = (0, errors_js_1.toFailure)(error, error.syscall ?? syscall, attempted);
    const { message, hint } = (0, result_js_1.explainFailure)(plan, failure, kind, ctx);
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
        return (this.explained ??= (0, result_js_1.explainFailure)(plan, this.failure, this.kind, ctx, evidence(this.failure, plan, ctx)));
    }
}
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
    const file = `${tempName(dir, ctx)}-f`;
    let made = false;
    try {
        ctx.ops.writeFile(file, '');
        made = true;
        ctx.ops.unlink(file);
    }
    catch {
        // not made, or made and left for the sweep of a later run: either way the answer stands
    }
    ctx.fileProbes.set(dir, made);
    return made;
}
function step(attempted, kind, fn) {
    try {
        return fn();
    }
    catch (error) {
        if (!(0, errors_js_1.isErrno)(error))
            throw error;
        const failure = (0, errors_js_1.toFailure)(error, error.syscall ?? (0, plan_js_1.syscallOf)(kind), attempted);
        throw new StepError(failure, kind);
    }
}
function make(kind, at, plan, ctx) {
    const { ops, platform } = ctx;
    switch (kind) {
        case 'symlink':
            return ops.symlink(plan.text, at, (0, platform_js_1.symlinkType)(platform, 'symlink', plan.targetIsDir));
        case 'junction':
            // Elsewhere a junction is a symlink; Windows junctions take an absolute target.
            return ops.symlink((0, platform_js_1.linkTextOf)(platform, kind, plan.text, plan.request.absTarget), at, (0, platform_js_1.symlinkType)(platform, 'junction', true));
        case 'hardlink':
            return ops.link(plan.linkSource, at);
        case 'copy':
            return copyWhole(plan.request.absTarget, at, ctx);
    }
}
/** A copy, or nothing: one that fails halfway (ENOSPC...) is removed; EEXIST means `to` was never ours. */
function copyWhole(from, to, ctx) {
    try {
        ctx.ops.copy(from, to);
    }
    catch (error) {
        if ((0, errors_js_1.errnoCode)(error) !== 'EEXIST' && ctx.ops.lstat(to))
            removeEntry(to, ctx);
        throw error;
    }
}
/**
 * sshfs -o follow_symlinks makes the link on the server, then stats what it points to and reports EIO (or ENOENT
 * for a TARGET the server cannot see). The link exists: report it created, keep the errno, and say why.
 */
function madeDespiteError(at, failure, plan, ctx) {
    const { filesystem } = plan;
    if ((0, knowledge_js_1.familyOf)(filesystem.type) !== 'sshfs' || failure.syscall !== 'symlink')
        return false;
    if (failure.code === 'ENOENT')
        return filesystem.options.includes('follow_symlinks');
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
    for (const [i, kind] of plan.kinds.entries()) {
        try {
            step(`create the ${(0, knowledge_js_1.kindWords)(kind)}`, kind, () => make(kind, at, plan, ctx));
            return { kind };
        }
        catch (error) {
            if (!(error instanceof StepError))
                throw error;
            if (madeDespiteError(at, error.failure, plan, ctx)) {
                plan.warnings.push(`${failure(error)} from symlink() through sshfs -o follow_symlinks, but the link was made on the server: ` +
                    `reported as created. Mount without follow_symlinks to see links through the mount.`);
                return { kind, quirk: error.failure };
            }
            const next = plan.kinds[i + 1];
            const { message, capability } = error.explanation(plan, ctx);
            if (!next || !capability)
                throw error;
            plan.warnings.push(`${message} Trying a ${(0, knowledge_js_1.kindWords)(next)} instead (fallback: ${plan.kinds.slice(i + 1).join(', ')}).`);
        }
    }
    throw new Error('no kind of link to try'); // planLink never plans an empty list
}
/**
 * Where a filesystem is known to misreport, read the new link back at PATH (after the rename, when replacing: what
 * every reader sees there), and say what does not match.
 */
function verify(made, plan, ctx) {
    const { kind } = made;
    const at = plan.request.absPath;
    if (made.quirk || !(0, knowledge_js_1.misreports)(plan.filesystem) || (kind !== 'symlink' && kind !== 'junction'))
        return;
    try {
        const stats = ctx.ops.lstat(at);
        if (!stats) {
            plan.warnings.push(`${plan.request.absPath} was reported made but cannot be found through ${plan.filesystem.type} at ${plan.filesystem.mountPoint}.`);
            return;
        }
        if (!stats.isSymbolicLink())
            return; // follow_symlinks shows links as their targets; reading back proves nothing
        const wanted = (0, platform_js_1.linkTextOf)(ctx.platform, kind, plan.text, plan.request.absTarget);
        const text = readBack(at, stats, wanted, plan, ctx);
        if (text !== undefined && !(0, platform_js_1.sameLinkTarget)(ctx.platform, at, text, wanted)) {
            const why = (0, families_js_1.familyFacts)((0, knowledge_js_1.familyOf)(plan.filesystem.type))?.readsBackStale ?? '';
            plan.warnings.push(`${at} reads back as '${text}', not '${wanted}'. ${why}`.trim());
        }
    }
    catch (error) {
        // The link was made; only the check failed (the share may have gone meanwhile): say so, keep the result.
        warnFailed(error, 'lstat', 'read back the new link', kind, plan, ctx);
    }
}
/** The link's text, or undefined where sshfs hides it (`..` or absolute) but its size, the text's length, matches. */
function readBack(at, stats, wanted, plan, ctx) {
    const mount = plan.filesystem.mountPoint;
    // Once a mount has hidden a text, reading each new one back costs a round trip to learn nothing.
    if (ctx.hidingTexts.has(mount) && stats.size === Buffer.byteLength(wanted))
        return undefined;
    try {
        return ctx.ops.readlink(at);
    }
    catch (error) {
        if ((0, errors_js_1.errnoCode)(error) !== 'EPERM' || stats.size !== Buffer.byteLength(wanted))
            throw error;
        ctx.hidingTexts.add(mount);
        return undefined;
    }
}
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
    const base = tempName(dir, ctx);
    const file = `${base}-f`;
    const attempt = (fn) => {
        try {
            fn();
            return 'ok';
        }
        catch (error) {
            return (0, errors_js_1.isErrno)(error) ? (0, errors_js_1.errnoName)(error) : 'failed';
        }
    };
    const result = { symlink: 'untested', hardlink: 'untested' };
    try {
        ops.writeFile(file, '');
        result.symlink = attempt(() => ops.symlink(platform.path.basename(file), `${base}-s`, (0, platform_js_1.symlinkType)(platform, 'symlink', false)));
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
/** The Windows type a link is made again with: its own, or (where that cannot be read) what it leads to now. */
function keptLinkType(p, ctx) {
    if (!ctx.platform.isWindows)
        return undefined;
    return ctx.ops.linkKind(p) ?? (0, platform_js_1.symlinkType)(ctx.platform, 'symlink', ctx.ops.stat(p)?.isDirectory() ?? false);
}
/** PATH+suffix, or PATH.~N~ when that is taken: an earlier backup is never overwritten. */
function makeBackup(plan, ctx) {
    const { ops } = ctx;
    const abs = plan.request.absPath;
    const keep = (name) => {
        const at = ops.lstat(abs);
        // The backup keeps the old link's own kind (Windows fixes file, dir or junction at creation), not the new one's.
        if (at?.isSymbolicLink())
            return ops.symlink(ops.readlink(abs), name, keptLinkType(abs, ctx));
        try {
            ops.link(abs, name);
        }
        catch (error) {
            if ((0, errors_js_1.errnoCode)(error) === 'EEXIST')
                throw error;
            copyWhole(abs, name, ctx); // no hard links here: a copy keeps the content just as well
        }
    };
    for (let n = 0;; n++) {
        const name = n === 0 ? abs + ctx.settings.backupSuffix : `${abs}.~${n}~`;
        try {
            return step(`keep the backup ${name} of`, 'hardlink', () => keep(name));
        }
        catch (error) {
            if (!(error instanceof StepError) || error.failure.code !== 'EEXIST')
                throw error;
        }
    }
}
function replace(plan, ctx) {
    const { ops, platform } = ctx;
    const abs = plan.request.absPath;
    const dir = platform.path.dirname(abs);
    sweepStaleTemps(dir, plan, ctx);
    const temp = tempName(dir, ctx);
    const made = makeWithFallback(temp, plan, ctx);
    const { kind } = made;
    try {
        if (ctx.settings.backupSuffix)
            makeBackup(plan, ctx);
        // rename(2) cannot put a directory (a copied tree) over a link: remove, then rename.
        if (kind === 'copy' && plan.targetIsDir)
            step('remove the old link at', kind, () => ops.unlink(abs));
        renameOver(temp, kind, plan, ctx);
    }
    finally {
        // rename() between two names of one file does nothing and leaves the source: never leave debris. A share that
        // went away meanwhile cannot be cleaned; the error that says so is already on its way.
        try {
            if (ops.lstat(temp))
                removeEntry(temp, ctx);
        }
        catch {
            // nothing to add to the error already thrown, if any
        }
    }
    return made;
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
function removeEntry(p, ctx) {
    const stats = ctx.ops.lstat(p);
    if (stats?.isDirectory())
        removeTree(p, ctx);
    else
        ctx.ops.unlink(p);
}
function removeTree(p, ctx) {
    for (const name of ctx.ops.readdir(p))
        removeEntry(ctx.platform.path.join(p, name), ctx);
    ctx.ops.rmdir(p);
}
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
        ctx.madeDirs.add(dir);
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
function execute(plan, ctx) {
    if (plan.action === 'unchanged')
        return { status: 'unchanged', kind: plan.kinds[0] };
    if (plan.action === 'fail') {
        return { status: plan.skipped ? 'skipped' : 'failed', kind: '', failure: plan.failure, failedKind: plan.kinds[0] };
    }
    const createdParents = [];
    try {
        createParents(plan, ctx, createdParents);
        const status = plan.action === 'replace' ? 'replaced' : 'created';
        const made = status === 'replaced' ? replace(plan, ctx) : makeWithFallback(plan.request.absPath, plan, ctx);
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
function failedOutcome(error, plan, ctx) {
    const { failure, kind } = error;
    const explanation = error.explanation(plan, ctx);
    const outcome = { status: 'failed', kind: '', failure, failedKind: kind, explanation };
    if ((0, knowledge_js_1.isShareGone)(failure.code))
        ctx.goneShares.set(ctx.detector.forPath(plan.request.absPath).mountPoint, failure);
    // EXDEV is about the pair of filesystems: a probe of PATH's directory alone would say "hard links work".
    else if (failure.code !== 'EXDEV' && explanation.capability) {
        outcome.probe = probe(ctx.platform.path.dirname(plan.request.absPath), plan, ctx);
    }
    return outcome;
}
/**
 * Apply one link. Links below another entry's PATH are planned again now, since that link exists only now; so are
 * links on a share that an earlier link found gone, which then are skipped.
 */
function applyLink(planned, ctx) {
    const shareGone = planned.action !== 'fail' && ctx.goneShares.has(ctx.detector.forPath(planned.request.absPath).mountPoint);
    try {
        const plan = planned.request.dependsOnEarlier || shareGone ? (0, plan_js_1.planOrSkip)(planned.request, ctx) : planned;
        const outcome = execute(plan, ctx);
        // Something appeared at PATH since the plan looked (another run on the same directory): look once more.
        if (plan.action === 'create' && outcome.failure?.code === 'EEXIST' && outcome.status === 'failed') {
            const again = (0, plan_js_1.planLink)(plan.request, ctx);
            return (0, result_js_1.toResult)(again, execute(again, ctx), ctx);
        }
        return (0, result_js_1.toResult)(plan, outcome, ctx);
    }
    catch (error) {
        if (!(error instanceof plan_js_1.ConfinementProblem))
            throw error;
        return (0, result_js_1.confinedResult)(planned, error.message, ctx);
    }
}


/***/ }),

/***/ 3916:
/***/ (function(__unused_webpack_module, exports, __nccwpck_require__) {


var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.errorMessage = errorMessage;
exports.errnoName = errnoName;
exports.errnoNumber = errnoNumber;
exports.isErrno = isErrno;
exports.errnoCode = errnoCode;
exports.toFailure = toFailure;
const os = __importStar(__nccwpck_require__(8161));
/** The message of anything thrown, Error or not. */
function errorMessage(error) {
    const message = error?.message;
    return typeof message === 'string' ? message : String(error);
}
const errnoNames = new Map(Object.entries(os.constants.errno).map(([name, n]) => [n, name]));
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
    return os.constants.errno[name] ?? null;
}
/** A system error from fs (checked by shape: errors from another realm, as under jest, fail instanceof). */
function isErrno(error) {
    return typeof error === 'object' && error !== null && typeof error.code === 'string';
}
/** The errno code of anything thrown: `EEXIST`..., or '' for what is not a system error. */
function errnoCode(error) {
    return isErrno(error) ? error.code : '';
}
/** A system error as a result reports it: errno name and the positive number this OS gives it. */
function toFailure(error, syscall, attempted) {
    const code = errnoName(error);
    const errno = errnoNumber(code) ?? (typeof error.errno === 'number' ? Math.abs(error.errno) : undefined);
    return { code, errno, syscall, attempted, path: error.path };
}


/***/ }),

/***/ 8282:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.LocalExecutor = void 0;
// An executor plans and makes links somewhere: this one in this process; share/executor.ts in a child process per
// share that may hang. The pipeline asks each for its plans, then for its results.
const apply_js_1 = __nccwpck_require__(8931);
const plan_js_1 = __nccwpck_require__(2464);
const result_js_1 = __nccwpck_require__(1666);
/** Links in this process, where a successful call is the proof. */
class LocalExecutor {
    links;
    ctx;
    dryRun;
    plans = [];
    constructor(links, ctx, dryRun) {
        this.links = links;
        this.ctx = ctx;
        this.dryRun = dryRun;
    }
    async plan() {
        const planned = (0, plan_js_1.planAll)(this.links.map((l) => l.request), this.ctx);
        this.plans = planned.plans;
        return planned.problems;
    }
    async results(into) {
        const result = this.dryRun ? result_js_1.plannedResult : apply_js_1.applyLink;
        this.plans.forEach((plan, i) => (into[this.links[i].index] = result(plan, this.ctx)));
        this.plans = []; // a run of 100,000 links lets go of its plans before the report
    }
    release() { }
}
exports.LocalExecutor = LocalExecutor;


/***/ }),

/***/ 2817:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.executorsFor = executorsFor;
// Which links are worked on where: in this process (executor.ts), or for each share that may hang, in a child
// process (share/executor.ts).
const apply_js_1 = __nccwpck_require__(8931);
const executor_js_1 = __nccwpck_require__(8282);
const executor_js_2 = __nccwpck_require__(298);
/** The working directory with symlinks resolved; as given where it does not answer (each link then says why). */
function realOrAsGiven(ops, dir) {
    try {
        return ops.realpath(dir);
    }
    catch {
        return dir;
    }
}
/**
 * One executor per share that may hang, then the one for this process. Which links go where is decided from the
 * mount table alone, before anything touches a path. Share executors come first: their children work while this
 * process does its own links.
 */
function executorsFor(requests, settings, where) {
    const { platform, ops, detector, mayHang } = where;
    const local = [];
    const shares = new Map();
    requests.forEach((request, index) => {
        const onShare = [request.absPath, request.absTarget].find(mayHang);
        if (onShare === undefined) {
            local.push({ index, request });
            return;
        }
        const filesystem = detector.forPath(onShare);
        const group = shares.get(filesystem.mountPoint) ?? { filesystem, links: [] };
        group.links.push({ index, request });
        shares.set(filesystem.mountPoint, group);
    });
    // A share worker resolves a working directory on its share itself, under its timeout.
    const wd = settings.workingDirectory;
    const realWorkingDirectory = mayHang(wd) ? wd : realOrAsGiven(ops, wd);
    const ctx = (0, apply_js_1.applyContext)({ settings, realWorkingDirectory, platform, ops, detector });
    return [
        ...[...shares.values()].map(({ filesystem, links }) => new executor_js_2.ShareExecutor({ settings, platform: platform.name, filesystem }, links, ctx, where.workerEntry)),
        new executor_js_1.LocalExecutor(local, ctx, settings.dryRun)
    ];
}


/***/ }),

/***/ 5911:
/***/ ((__unused_webpack_module, exports) => {


// Every filesystem family, once: how mount tables name it, what it is in words, whether it is a share (worked on in
// the share worker, its answers read back), and what it can store. docs/filesystems.md is generated from this table
// (__tests__/filesystems-doc.test.ts); the knowledge rows in knowledge.ts say what each failure means.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.familyOf = familyOf;
exports.familyFacts = familyFacts;
exports.supportMatrix = supportMatrix;
const ok = (fallback, rerun = 'yes') => ({
    symlink: 'yes',
    hardlink: 'yes',
    replace: 'yes, atomic',
    rerun,
    fallback
});
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
        readsBackStale: 'The bucket holds the new link, but s3fs serves link texts from its stat cache: programs reading through this ' +
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
        support: {
            symlink: 'no (ENOSYS)',
            hardlink: 'no (EPERM)',
            replace: 'copies only',
            rerun: 'copies',
            fallback: 'copy'
        }
    },
    fat: {
        types: /^(vfat|msdos|fat|fat12|fat16|fat32|fuse\.fusefat)$/i,
        support: {
            symlink: 'no (ENOSYS)',
            hardlink: 'no (EPERM)',
            replace: 'copies only',
            rerun: 'copies',
            fallback: 'copy'
        }
    },
    ntfs: { types: /^(ntfs|ntfs3|fuse\.ntfs-3g)$/i, support: ok('symlink') },
    refs: { types: /^refs$/i },
    vboxsf: { types: /^vboxsf$/, share: true },
    '9p': { types: /^(9p|virtiofs)$/, share: true },
    overlay: {
        types: /^overlay$/,
        support: { ...ok('symlink'), replace: 'yes, atomic; EXDEV renaming a lower-layer directory' }
    },
    fuse: { types: /^(fuse|macfuse|osxfuse)/, share: true },
    local: {
        types: /^(ext[234]|xfs|btrfs|tmpfs|ramfs|zfs|f2fs|apfs|hfs)$/i,
        support: ok('symlink')
    }
};
const FAMILIES = Object.entries(FAMILY_TABLE);
function familyOf(type) {
    return FAMILIES.find(([, facts]) => facts.types.test(type))?.[0] ?? 'unknown';
}
function familyFacts(family) {
    return family === 'unknown' ? undefined : FAMILY_TABLE[family];
}
/** The families whose support is known, in table order, for docs/filesystems.md. */
function supportMatrix() {
    return FAMILIES.flatMap(([family, facts]) => facts.support ? [[family, facts.types.source, facts.support]] : []);
}


/***/ }),

/***/ 2122:
/***/ (function(__unused_webpack_module, exports, __nccwpck_require__) {


var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.nodeFs = void 0;
// The filesystem calls plan and apply make, behind one interface so tests can inject an errno and a
// worker process can run them on a share that may hang.
const node_child_process_1 = __nccwpck_require__(1421);
const fs = __importStar(__nccwpck_require__(3024));
const path = __importStar(__nccwpck_require__(6760));
const mounts_windows_js_1 = __nccwpck_require__(4941);
const platform_js_1 = __nccwpck_require__(3728);
function missing(error) {
    return error.code === 'ENOENT';
}
exports.nodeFs = {
    lstat: (p) => fs.lstatSync(p, { throwIfNoEntry: false }),
    stat: (p) => {
        try {
            return fs.statSync(p);
        }
        catch (error) {
            if (missing(error))
                return undefined;
            throw error;
        }
    },
    readlink: (p) => fs.readlinkSync(p),
    realpath: (p) => fs.realpathSync.native(p),
    symlink: (text, p, type) => fs.symlinkSync(text, p, type),
    link: (existing, p) => fs.linkSync(existing, p),
    rename: (from, to) => fs.renameSync(from, to),
    unlink: (p) => fs.unlinkSync(p),
    mkdir: (p) => fs.mkdirSync(p),
    rmdir: (p) => fs.rmdirSync(p),
    readdir: (p) => fs.readdirSync(p),
    writeFile: (p, data) => fs.writeFileSync(p, data, { flag: 'wx' }),
    copy: (from, to) => copyEntry(from, to, true),
    linkKind: (p) => ((0, platform_js_1.currentPlatform)().isWindows ? askLinkKind(p) : undefined)
};
/**
 * PowerShell's LinkType reads the reparse tag (a junction's IO_REPARSE_TAG_MOUNT_POINT). It costs a PowerShell start
 * (a few hundred ms), so it is asked only for a link being kept (a backup), and given 10 s at most: it cannot hang
 * the action, and where it says nothing the caller falls back to what stat shows.
 */
function askLinkKind(p) {
    if (!fs.lstatSync(p, { throwIfNoEntry: false })?.isSymbolicLink())
        return undefined;
    const run = (0, node_child_process_1.spawnSync)('powershell.exe', (0, mounts_windows_js_1.powershellArgs)((0, mounts_windows_js_1.linkKindQuery)(p)), {
        encoding: 'utf8',
        timeout: 10_000,
        windowsHide: true,
        stdio: ['ignore', 'pipe', 'ignore']
    });
    return (0, mounts_windows_js_1.parseLinkKind)(run.stdout);
}
/** Keep mode and times where the filesystem can; FAT (fusefat) answers chmod with ENOSYS, and that is no reason to fail. */
function keepMeta(to, stats) {
    for (const keep of [() => fs.chmodSync(to, stats.mode & 0o7777), () => fs.utimesSync(to, stats.atime, stats.mtime)]) {
        try {
            keep();
        }
        catch (error) {
            if (!['ENOSYS', 'EPERM', 'ENOTSUP'].includes(error.code ?? ''))
                throw error;
        }
    }
}
/** Copy a file, a symlink (as itself, inside a tree) or a tree. The first entry follows a symlink: TARGET is copied. */
function copyEntry(from, to, follow) {
    const stats = follow ? fs.statSync(from) : fs.lstatSync(from);
    if (stats.isSymbolicLink())
        return fs.symlinkSync(fs.readlinkSync(from), to);
    if (stats.isDirectory()) {
        fs.mkdirSync(to);
        for (const name of fs.readdirSync(from))
            copyEntry(path.join(from, name), path.join(to, name), false);
    }
    else {
        copyFileData(from, to);
    }
    keepMeta(to, stats);
}
/**
 * Not copyFileSync: libuv's copy fails as a whole where fchmod is refused (fusefat), and it ftruncate()s the new file,
 * which smbnetfs over SMB3 answers with EIO after 4 s (lab/FINDINGS.md). O_EXCL, never truncated; in chunks.
 */
function copyFileData(from, to) {
    const input = fs.openSync(from, 'r');
    try {
        const output = fs.openSync(to, 'wx');
        try {
            const buffer = Buffer.allocUnsafe(1 << 20);
            for (let n; (n = fs.readSync(input, buffer, 0, buffer.length, null)) > 0;)
                fs.writeSync(output, buffer, 0, n);
        }
        finally {
            fs.closeSync(output);
        }
    }
    finally {
        fs.closeSync(input);
    }
}


/***/ }),

/***/ 7023:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.familyOf = void 0;
exports.misreports = misreports;
exports.canHang = canHang;
exports.isShareGone = isShareGone;
exports.troubleshootingRows = troubleshootingRows;
exports.isCapabilityFailure = isCapabilityFailure;
exports.kindWords = kindWords;
exports.explain = explain;
exports.hintAfterProbe = hintAfterProbe;
// What an errno means for a link, on which filesystem, and what to do about it. Rows of data, first match wins:
// adding a filesystem or an errno is adding rows.
const families_js_1 = __nccwpck_require__(5911);
Object.defineProperty(exports, "familyOf", ({ enumerable: true, get: function () { return families_js_1.familyOf; } }));
const platform_js_1 = __nccwpck_require__(3728);
/**
 * Hints are alternatives, each a sentence; a follow-up one starts with "Or". Where a probe saw a kind of link fail,
 * the alternatives that name it (`type: KIND`, `fallback: KIND`) are left out of the result's hint.
 */
const SYMLINK = 'Make a symbolic link (`type: symlink` or `fallback: symlink`).';
const COPY = 'Or make a copy (`fallback: copy`).';
const TOO_MANY_LINKS = ['Add `fallback: symlink`.', COPY, 'Or link to a copy of TARGET.'];
const NO_SYMLINK_PRIVILEGE = [
    'Turn on Developer Mode (Settings > System > For developers) or run the runner elevated.',
    'For a directory, `type: junction` or `fallback: junction` needs no privilege.',
    'For a file, `fallback: hardlink`.',
    COPY
];
const LINK_CALLS = ['link', 'symlink'];
const NOT_IMPLEMENTED = ['ENOSYS', 'ENOTSUP', 'EOPNOTSUPP'];
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
        hint: 'Make a symbolic link instead (`type: symlink`), or keep the hard link and add `fallback: symlink`.'
    },
    {
        codes: [...NOT_IMPLEMENTED, 'EPERM'],
        syscalls: ['link'],
        families: ['sshfs'],
        capability: true,
        meaning: 'This sshfs mount does not allow hard links (it was mounted with -o disable_hardlink, or the SFTP server ' +
            'lacks the hardlink extension); kernels before 6.15 report this as ENOSYS, "Function not implemented".',
        hint: 'Make a symbolic link instead (`type: symlink`), or keep the hard link and add `fallback: symlink`.'
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
        hint: 'Copy instead: add `fallback: copy`, or put PATH on an NTFS volume.'
    },
    {
        codes: ['EIO'],
        syscalls: LINK_CALLS,
        families: ['rclone'],
        when: { says: 'mounted with --links', test: rcloneLinks },
        capability: true,
        meaning: 'rclone mounts make neither symbolic nor hard links and answer EIO (the share itself is fine). `--links` ' +
            'only shows symlinks made on the remote as files named NAME.rclonelink holding the link text.',
        hint: 'Copy instead: add `fallback: copy` (copies work on rclone mounts), or make the link on the remote itself.'
    },
    {
        codes: ['EIO'],
        syscalls: LINK_CALLS,
        families: ['rclone'],
        capability: true,
        meaning: 'rclone mounts make neither symbolic nor hard links and answer EIO (the share itself is fine).',
        hint: 'Copy instead: add `fallback: copy` (copies work on rclone mounts), or make the link on the remote itself.'
    },
    {
        codes: [...NOT_IMPLEMENTED, 'EPERM'],
        syscalls: LINK_CALLS,
        families: ['webdav'],
        capability: true,
        meaning: 'WebDAV stores only files and directories: davfs2 makes neither symbolic links (ENOSYS) nor hard links ' +
            '(EPERM on kernels >= 6.15, ENOSYS before).',
        hint: 'Copy instead: add `fallback: copy` (copies work on WebDAV shares).'
    },
    {
        codes: [...NOT_IMPLEMENTED, 'EPERM'],
        syscalls: LINK_CALLS,
        families: ['smb'],
        when: { says: 'through smbnetfs', test: (ctx) => ctx.filesystem.type === 'fuse.smbnetfs' },
        capability: true,
        meaning: 'This SMB share is mounted with smbnetfs, whose libsmbclient has no link calls at all: it makes neither ' +
            "symbolic nor hard links, whatever the server's `unix extensions` setting.",
        hint: 'Copy instead: add `fallback: copy`; or mount the share with the kernel client (`mount -t cifs -o mfsymlinks`), ' +
            'which stores symbolic links.'
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
        hint: 'Copy instead: add `fallback: copy` (or put the link on another filesystem).'
    },
    {
        codes: ['EPERM'],
        syscalls: ['link'],
        platforms: ['darwin'],
        when: TARGET_IS_DIR,
        capability: true,
        meaning: 'TARGET is a directory: APFS has no hard links to directories (only HFS+ had them, for Time Machine).',
        hint: 'Use `type: symlink`, or add `fallback: symlink`.'
    },
    {
        codes: ['EPERM'],
        syscalls: ['link'],
        when: TARGET_IS_DIR,
        capability: true,
        meaning: 'TARGET is a directory, and hard links to directories are not allowed.',
        hint: 'Use `type: symlink` (or `type: junction` on Windows), or add `fallback: symlink`.'
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
        hint: ['Make a symbolic link (`fallback: symlink`).', COPY, 'Or give this account write access to TARGET.']
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
        hint: ['Make a hard link (`fallback: hardlink`, files only).', COPY]
    },
    {
        codes: ['EINVAL'],
        syscalls: ['symlink'],
        platforms: ['win32'],
        capability: true,
        meaning: 'Windows says this volume or share does not support symbolic links (ERROR_SYMLINK_NOT_SUPPORTED, which Node ' +
            'reports as EINVAL).',
        hint: ['For a directory on a local NTFS volume, `type: junction`.', 'For a file, `fallback: hardlink`.', COPY]
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
        hint: 'Use `type: symlink` for a file (Windows makes it a file link), or set `target-type: dir` for a directory ' +
            'that is made later.'
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
    {
        codes: ['ELOOP'],
        meaning: 'Resolving the path met too many symbolic links: a loop of links among its parents.',
        hint: 'Find and break the loop (`namei -l PATH`).'
    },
    // Shares that misbehave.
    {
        codes: ['EIO', 'ENOENT'],
        syscalls: ['symlink'],
        families: ['sshfs'],
        when: {
            says: 'mounted with follow_symlinks',
            test: (ctx) => ctx.filesystem.options.includes('follow_symlinks') || ctx.failure.code === 'EIO'
        },
        meaning: 'This sshfs mount follows symlinks (-o follow_symlinks): after the server makes the link, sshfs looks at ' +
            'what it points to and reports EIO (ENOENT for a TARGET the server cannot see), so the link may well exist.',
        hint: 'Mount without -o follow_symlinks to see links as links through the mount; the link is on the server ' +
            '(check there with `ls -l`).'
    },
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
        hint: 'On the host: `VBoxManage setextradata VM VBoxInternal2/SharedFoldersEnableSymlinksCreate/SHARE 1`; or ' +
            'add `fallback: copy`.'
    },
    {
        codes: ['EPERM', 'EACCES', ...NOT_IMPLEMENTED],
        syscalls: ['symlink'],
        families: ['9p'],
        capability: true,
        meaning: "This 9p/virtiofs share refused the symbolic link: with QEMU's security_model=none the host-side user " +
            'may not create it, and some shares do not pass links through at all.',
        hint: 'Export the share with security_model=mapped-xattr (or passthrough as root), or add `fallback: copy`.'
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
        hint: ['Mount with `-o mfsymlinks`.', 'Or add `fallback: hardlink` (files only).', COPY]
    }
];
/** Shares, whose answers cannot be taken at their word: a created link is read back there. */
function misreports(fs) {
    return (0, families_js_1.familyFacts)((0, families_js_1.familyOf)(fs.type))?.share === true;
}
/** Filesystems whose calls can hang (a FUSE daemon or a server that stops answering): worked on in a child process. */
function canHang(fs) {
    return /^fuse/.test(fs.driver ?? fs.type) || misreports(fs);
}
/** Errnos that say the share itself is gone: later links on the same mount are not attempted. */
const SHARE_GONE = ['ENOTCONN', 'ECONNABORTED', 'ETIMEDOUT'];
function isShareGone(code) {
    return SHARE_GONE.includes(code);
}
function matches(row, ctx) {
    const code = ctx.failure.code;
    return (row.codes.includes(code) &&
        (!row.syscalls || row.syscalls.includes(ctx.failure.syscall)) &&
        (!row.families || row.families.includes((0, families_js_1.familyOf)(ctx.filesystem.type))) &&
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
        [row.hint].flat().join(' ')
    ]);
}
/** Another kind of link may work where this failure happened: `fallback` may try the next kind. */
function isCapabilityFailure(ctx) {
    return explain(ctx).capability;
}
const KIND_WORDS = {
    symlink: 'symbolic link',
    hardlink: 'hard link',
    junction: 'junction',
    copy: 'copy'
};
function kindWords(kind) {
    return KIND_WORDS[kind];
}
function describeFilesystem(fs) {
    if (fs.type === 'unknown')
        return `a filesystem of unknown type${fs.mountPoint ? ` mounted at ${fs.mountPoint}` : ''}`;
    const where = fs.mountPoint ? ` mounted at ${fs.mountPoint}` : '';
    const source = fs.source && fs.source !== fs.type ? ` from ${fs.source}` : '';
    const bound = fs.root ? `a bind mount of its directory ${fs.root}` : '';
    const what = [(0, families_js_1.familyFacts)((0, families_js_1.familyOf)(fs.type))?.says, bound].filter(Boolean).join(', ');
    return `${fs.type}${where}${source}${what ? ` (${what})` : ''}`;
}
/** What was tried, the errno and its meaning, the filesystem, the fix: the table is matched once per failure. */
function explain(ctx) {
    const { failure } = ctx;
    const row = rowFor(ctx);
    const number = failure.errno === undefined ? '' : ` (errno ${failure.errno})`;
    const message = `Could not ${failure.attempted} ${ctx.path} -> ${ctx.target}: ${failure.code}${number} from ` +
        `${failure.syscall}() on ${describeFilesystem(ctx.filesystem)}. ${fillIn(row?.meaning ?? '', ctx)}`.trimEnd();
    const advice = [row?.hint ?? []].flat().map((text) => fillIn(text, ctx));
    return { message, hint: advice.join(' '), advice, capability: row?.capability === true };
}
/** The advice without the alternatives that name a kind of link the probe saw fail: evidence beats a row's advice. */
function hintAfterProbe(advice, failing) {
    const names = (text, kind) => [...text.matchAll(/`(?:type|fallback): ([^`]*)`/g)].some(([, kinds]) => kinds.split(/[\s,]+/).includes(kind));
    const kept = advice.filter((text) => !failing.some((kind) => names(text, kind)));
    return kept.map((text, i) => (i === 0 ? text.replace(/^Or (\w)/, (_, c) => c.toUpperCase()) : text)).join(' ');
}
/** A row's words for this failure's own facts: the mount point, the volumes of PATH and TARGET, TARGET's links. */
function fillIn(text, ctx) {
    return text
        .replaceAll('MOUNTPOINT', ctx.filesystem.mountPoint || 'MOUNTPOINT')
        .replaceAll('PATH_VOLUME', (0, platform_js_1.volumeOf)(ctx.platform, ctx.path))
        .replaceAll('TARGET_VOLUME', (0, platform_js_1.volumeOf)(ctx.platform, ctx.target))
        .replaceAll('TARGET_LINKS', ctx.targetLinks?.toLocaleString('en-US') ?? '');
}


/***/ }),

/***/ 6407:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.wantsLeanProcess = wantsLeanProcess;
exports.relaunchLean = relaunchLean;
// Big specs run in a second Node process with a small young generation: an action cannot pass V8 flags to the
// process the runner starts, and with the default the heap of a 100,000-link run peaks near 400 MB (measured:
// 375 MB; about 190 MB with --max-semi-space-size=4, at about the same speed).
const node_child_process_1 = __nccwpck_require__(1421);
const node_url_1 = __nccwpck_require__(3136);
const roles_js_1 = __nccwpck_require__(554);
/** Below this many spec lines the extra process start (about 50 ms) costs more than the memory it saves. */
const LARGE_SPEC_LINES = 20_000;
function wantsLeanProcess(spec) {
    let lines = 0;
    for (let i = spec.indexOf('\n'); i >= 0 && lines < LARGE_SPEC_LINES; i = spec.indexOf('\n', i + 1))
        lines++;
    return lines >= LARGE_SPEC_LINES;
}
/** Run the whole action again in a lean process that shares this one's output, and take its exit code. */
function relaunchLean(entry = (0, node_url_1.fileURLToPath)(import.meta.url)) {
    const child = (0, node_child_process_1.spawn)(process.execPath, ['--max-semi-space-size=4', entry], { stdio: 'inherit', env: (0, roles_js_1.envFor)('lean') });
    return new Promise((resolve) => child.on('close', (code) => {
        process.exitCode = code ?? 1;
        resolve();
    }));
}


/***/ }),

/***/ 1730:
/***/ (function(__unused_webpack_module, exports, __nccwpck_require__) {


var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.run = run;
// The pipeline: settings → parse → plan and apply (executors) → report. Nothing here knows about processes: where
// each link is worked on is the executors' business (executors.ts).
const errors_js_1 = __nccwpck_require__(3916);
const executors_js_1 = __nccwpck_require__(2817);
const fsops_js_1 = __nccwpck_require__(2122);
const knowledge_js_1 = __nccwpck_require__(7023);
const lean_js_1 = __nccwpck_require__(6407);
const mounts_js_1 = __nccwpck_require__(2001);
const platform_js_1 = __nccwpck_require__(3728);
const report_js_1 = __nccwpck_require__(665);
const runner = __importStar(__nccwpck_require__(4813));
const settings_js_1 = __nccwpck_require__(8750);
const spec_js_1 = __nccwpck_require__(6188);
/**
 * Parse, plan and apply; what it returns is all that report needs. Everything else (entries, plans) is local here,
 * so a run of 100,000 links lets go of it before the report is built.
 */
async function linkAll(spec, settings, where) {
    const parsed = (0, spec_js_1.parseSpec)(spec, settings.defaults);
    const resolved = (0, spec_js_1.resolveEntries)(parsed.entries, settings.workingDirectory, settings.confine, where.platform);
    const specProblems = [...parsed.problems, ...resolved.problems];
    if (specProblems.length > 0)
        return { problems: specProblems };
    const executors = (0, executors_js_1.executorsFor)(resolved.requests, settings, where);
    try {
        const problems = (await Promise.all(executors.map((e) => e.plan()))).flat();
        if (problems.length > 0)
            return { problems };
        const results = new Array(resolved.requests.length);
        await Promise.all(executors.map((e) => e.results(results)));
        return { results };
    }
    finally {
        for (const executor of executors)
            executor.release();
    }
}
/** Run the action. Resolves when it is done; failures set the exit code through runner.setFailed. */
async function run(options = {}) {
    const { platform = (0, platform_js_1.currentPlatform)(), ops = fsops_js_1.nodeFs, env = process.env, isolateShares = true } = options;
    try {
        const detector = (0, mounts_js_1.createDetector)(platform);
        const mayHang = (p) => isolateShares && (0, knowledge_js_1.canHang)(detector.forPath(p));
        const { settings, spec } = (0, settings_js_1.getInputs)(platform, env, mayHang);
        if (options.lean && (0, lean_js_1.wantsLeanProcess)(spec))
            return await (0, lean_js_1.relaunchLean)();
        const where = { settings, platform, workspace: env.GITHUB_WORKSPACE || settings.workingDirectory };
        const outcome = await linkAll(spec, settings, {
            platform,
            ops,
            detector,
            mayHang,
            workerEntry: options.workerEntry
        });
        if ('problems' in outcome)
            return (0, report_js_1.reportProblems)(outcome.problems, where);
        await (0, report_js_1.report)(outcome.results, where, env);
    }
    catch (error) {
        runner.setFailed((0, errors_js_1.errorMessage)(error));
    }
}


/***/ }),

/***/ 182:
/***/ ((__unused_webpack_module, exports) => {


// The data that flows through the pipeline: spec entries in, one result per entry out.
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.TARGET_TYPES = exports.DANGLING_MODES = exports.OVERWRITE_MODES = exports.RELATIVE_MODES = exports.KINDS = exports.LINK_TYPES = exports.SEPARATOR = void 0;
exports.parseKinds = parseKinds;
/** `->` with white space (or the line's end) on each side, in a spec line: paths may contain `-` and `>`. */
exports.SEPARATOR = /(?:^|\s)->(?:\s|$)/;
exports.LINK_TYPES = ['symlink', 'hardlink', 'junction'];
/** What can end up at PATH: a link of some kind, or a copy of TARGET (only through `fallback`). */
exports.KINDS = [...exports.LINK_TYPES, 'copy'];
/** `symlink, copy` or `symlink copy` → ['symlink', 'copy'], or what is wrong with it (said where it was written). */
function parseKinds(value) {
    const words = value.split(/[\s,]+/).filter((k) => k !== '');
    const unknown = words.find((k) => !exports.KINDS.includes(k));
    if (unknown !== undefined)
        return { problem: `'${unknown}' is not a link kind; use ${exports.KINDS.join(', ')}.` };
    return { kinds: [...new Set(words)] };
}
exports.RELATIVE_MODES = ['auto', 'true', 'false'];
exports.OVERWRITE_MODES = ['never', 'links', 'files'];
exports.DANGLING_MODES = ['warn', 'fail', 'allow'];
exports.TARGET_TYPES = ['file', 'dir'];


/***/ }),

/***/ 8245:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.DATA_VOLUME = void 0;
exports.parseMacMounts = parseMacMounts;
exports.firmlinkPaths = firmlinkPaths;
exports.throughFirmlinks = throughFirmlinks;
const platform_js_1 = __nccwpck_require__(3728);
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
exports.DATA_VOLUME = '/System/Volumes/Data';
/**
 * A mount inside the Data volume may be listed under its firmlinked path (`/System/Volumes/Data/Users/me/mnt`)
 * while every path a user writes says `/Users/me/mnt`: the mount is known under both, so either finds it.
 */
function visibleTwin(entry) {
    if (!entry.mountPoint.startsWith(`${exports.DATA_VOLUME}/`))
        return [];
    return [{ ...entry, mountPoint: entry.mountPoint.slice(exports.DATA_VOLUME.length) }];
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
    const intoData = firmlinks.some((link) => (0, platform_js_1.isWithin)(platform, link, absPath));
    return (intoData && mounts.find((m) => m.mountPoint === exports.DATA_VOLUME)) || mount;
}


/***/ }),

/***/ 4941:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.uncShare = uncShare;
exports.driveQuery = driveQuery;
exports.powershellArgs = powershellArgs;
exports.linkKindQuery = linkKindQuery;
exports.parseLinkKind = parseLinkKind;
exports.parseDriveInfo = parseDriveInfo;
/** A UNC share (`\\server\share\`): SMB, known from the path alone, without touching a share that may hang. */
function uncShare(root) {
    const match = /^\\\\([^\\?.][^\\]*)\\([^\\]+)\\?$/.exec(root);
    if (!match)
        return undefined;
    return { type: 'smb', mountPoint: root, source: `\\\\${match[1]}\\${match[2]}`, options: ['network'] };
}
/**
 * The PowerShell script that prints what DriveInfo knows of one drive as one line of JSON:
 * `{"Name":"D:\\","DriveType":"Fixed","DriveFormat":"NTFS","DisplayRoot":""}`. DriveFormat throws on a drive that
 * is not ready (an empty card reader); DisplayRoot is the `\\server\share` behind a mapped network drive.
 */
function driveQuery(root) {
    if (!/^[A-Z]:\\$/.test(root))
        throw new Error(`not a drive root: '${root}'`);
    return [
        // Without a console (as spawned here) the encoding cannot be set: ASCII names come through all the same.
        'try { [Console]::OutputEncoding = [Text.Encoding]::UTF8 } catch {}',
        `$d = [System.IO.DriveInfo]::new('${root}')`,
        "$format = ''; try { $format = $d.DriveFormat } catch {}",
        "$share = ''; if ($d.DriveType -eq 'Network') { try { $share = (Get-PSDrive -Name $d.Name.Substring(0, 1)).DisplayRoot } catch {} }",
        '[pscustomobject]@{ Name = $d.Name; DriveType = [string]$d.DriveType; DriveFormat = $format; DisplayRoot = $share } | ConvertTo-Json -Compress'
    ].join('\n');
}
/** powershell.exe arguments that run a script as is: -EncodedCommand takes UTF-16LE base64, so nothing needs quoting. */
function powershellArgs(script) {
    return ['-NoProfile', '-NonInteractive', '-EncodedCommand', Buffer.from(script, 'utf16le').toString('base64')];
}
/**
 * The script that prints what the link at p is: `Junction|True`, `SymbolicLink|True` (a directory link, dangling or
 * not: the link itself carries the directory attribute) or `SymbolicLink|False`. Node cannot tell: its lstat says
 * "symbolic link" for all three, and readlink strips the `\??\` that both reparse buffers hold.
 */
function linkKindQuery(p) {
    return `$i = Get-Item -LiteralPath '${p.replaceAll("'", "''")}' -Force\n"$($i.LinkType)|$($i.PSIsContainer)"`;
}
function parseLinkKind(output) {
    const [type, container] = (output ?? '').trim().split('|');
    if (type === 'Junction')
        return 'junction';
    if (type === 'SymbolicLink')
        return container === 'True' ? 'dir' : 'file';
    return undefined;
}
/**
 * A drive as the knowledge base wants it: its format (`NTFS`, `ReFS`, `FAT32`, `exFAT`), or `smb` for a network
 * drive (DriveFormat there is the server's format, kept as `format=`), and the DriveType as an option.
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
    const format = drive.DriveFormat || '';
    const driveType = (drive.DriveType || 'Unknown').toLowerCase();
    if (driveType === 'network') {
        const options = ['network', ...(format ? [`format=${format}`] : [])];
        return { type: 'smb', mountPoint: root, source: drive.DisplayRoot || root.slice(0, 2), options };
    }
    return { ...unknown, type: format || 'unknown', options: [driveType] };
}


/***/ }),

/***/ 2001:
/***/ (function(__unused_webpack_module, exports, __nccwpck_require__) {


var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.parseMountinfo = parseMountinfo;
exports.mountOf = mountOf;
exports.createDetector = createDetector;
// Which filesystem a path is on. Decided lexically (from the mount table; on Windows from the path's volume), so a
// hung share is never touched to find out; looked up once per mount or volume.
const node_child_process_1 = __nccwpck_require__(1421);
const fs = __importStar(__nccwpck_require__(3024));
const node_path_1 = __nccwpck_require__(6760);
const knowledge_js_1 = __nccwpck_require__(7023);
const mounts_macos_js_1 = __nccwpck_require__(8245);
const mounts_windows_js_1 = __nccwpck_require__(4941);
const platform_js_1 = __nccwpck_require__(3728);
/** mountinfo escapes space, tab, newline and backslash as \ooo octal. */
function unescape(field) {
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
        const root = unescape(fields[3]); // the directory of the filesystem shown there: not `/` for a bind mount
        mounts.push({
            id: Number(fields[0]),
            device: fields[2],
            ...(root !== '/' ? { root } : {}),
            mountPoint: unescape(fields[4]),
            type: unescape(fields[dash + 1]),
            source: unescape(fields[dash + 2]),
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
    return mounts.map((mount) => ({ mount, key: (0, platform_js_1.pathKey)(platform, mount.mountPoint) }));
}
function longestMount(mounts, absPath, platform) {
    const key = (0, platform_js_1.pathKey)(platform, absPath);
    let best;
    for (const keyed of mounts) {
        if ((0, platform_js_1.keyWithin)(platform, keyed.key, key) && (!best || keyed.key.length >= best.key.length))
            best = keyed;
    }
    return best?.mount;
}
const UNKNOWN_FS = { type: 'unknown', mountPoint: '', source: '', options: [] };
/** A command's output, or undefined. Bounded: detection must never hold the step up, and never fail it. */
function run(command, args, timeout = 3000) {
    const result = (0, node_child_process_1.spawnSync)(command, args, {
        encoding: 'utf8',
        timeout,
        windowsHide: true,
        stdio: ['ignore', 'pipe', 'ignore']
    });
    return result.status === 0 ? result.stdout.trim() || undefined : undefined;
}
function readOrUndefined(file) {
    try {
        return fs.readFileSync(file, 'utf8');
    }
    catch {
        return undefined;
    }
}
/** Linux's /proc, which only Linux has (darwin reads `mount` instead). */
function processArgsFromProc() {
    return fs
        .readdirSync('/proc')
        .filter((name) => /^\d+$/.test(name))
        .flatMap((pid) => {
        try {
            return [fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean)];
        }
        catch {
            return []; // the process ended meanwhile
        }
    });
}
/** The real sources of the platform the detector is made for. */
function systemSources(platform) {
    return {
        mountTable: () => platform.isMac ? (run('/sbin/mount', []) ?? '') : fs.readFileSync('/proc/self/mountinfo', 'utf8'),
        blockDeviceType: (device) => run('blkid', ['-o', 'value', '-s', 'TYPE', device]) ?? run('lsblk', ['-ndo', 'FSTYPE', device]),
        processArgs: processArgsFromProc,
        // PowerShell starts slowly on a busy runner; this runs once per drive.
        driveInfo: (root) => run('powershell.exe', (0, mounts_windows_js_1.powershellArgs)((0, mounts_windows_js_1.driveQuery)(root)), 10_000),
        firmlinks: () => readOrUndefined('/usr/share/firmlinks')
    };
}
/** A FUSE daemon's name as mountinfo's `fuse.NAME` would give it: `/usr/sbin/mount.davfs` -> `davfs`. */
const daemonName = (argv0) => node_path_1.posix.basename(argv0).replace(/^mount\./, '');
/** The command line of the process serving a FUSE mount point: one named `name`, or any that names a family. */
function daemonOf(processes, mountPoint, name) {
    return processes.find((argv) => {
        const own = daemonName(argv[0] ?? '');
        const fits = name ? own === name : (0, knowledge_js_1.familyOf)(`fuse.${own}`) !== 'fuse';
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
 * is taken to end the absolute path, since the process's working directory is not at hand.
 */
function namesMountPoint(arg, mountPoint) {
    if (arg.startsWith('-') || arg === '')
        return false;
    const typed = node_path_1.posix.normalize(arg).replace(/(.)\/+$/, '$1');
    if (node_path_1.posix.isAbsolute(typed))
        return typed === mountPoint;
    return !typed.startsWith('..') && typed !== '.' && mountPoint.endsWith(`/${typed}`);
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
        return (0, mounts_macos_js_1.parseMacMounts)(from.mountTable());
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
    return (absPath) => {
        if (mounts === undefined) {
            try {
                mounts = mountTable(platform, from);
            }
            catch {
                mounts = [];
            }
            keyed = keyMounts(mounts, platform);
            if (platform.isMac)
                firmlinks = (0, mounts_macos_js_1.firmlinkPaths)(from.firmlinks());
        }
        const lexical = longestMount(keyed, absPath, platform);
        const mount = platform.isMac ? (0, mounts_macos_js_1.throughFirmlinks)(lexical, mounts, absPath, firmlinks, platform) : lexical;
        return mount && { key: mount, details: () => enrich(mount, from), plain: basicInfo(mount) };
    };
}
/** Windows: the path's volume; a UNC share is SMB by its spelling, a drive is asked about once. */
function volumeLookup(platform, from) {
    return (absPath) => {
        const root = (0, platform_js_1.volumeOf)(platform, absPath);
        if (!root)
            return undefined;
        const plain = { ...UNKNOWN_FS, mountPoint: root };
        return { key: root, details: () => (0, mounts_windows_js_1.uncShare)(root) ?? (0, mounts_windows_js_1.parseDriveInfo)(root, from.driveInfo(root)), plain };
    };
}
/** Finds each path's filesystem, asking about each mount or volume once. Never throws: what it cannot tell is `unknown`. */
function createDetector(platform, sources = {}) {
    const from = { ...systemSources(platform), ...sources };
    const lookup = platform.isWindows ? volumeLookup(platform, from) : tableLookup(platform, from);
    const details = new Map();
    // Each link asks about its PATH several times (split, plan, apply): answer each path once.
    const answers = new Map();
    const answer = (absPath) => {
        const found = lookup(absPath);
        if (!found)
            return UNKNOWN_FS;
        let info = details.get(found.key);
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
    return {
        forPath: (absPath) => {
            let info = answers.get(absPath);
            if (!info)
                answers.set(absPath, (info = answer(absPath)));
            return info;
        }
    };
}


/***/ }),

/***/ 2464:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.ConfinementProblem = void 0;
exports.syscallOf = syscallOf;
exports.emptyPlan = emptyPlan;
exports.planLink = planLink;
exports.planningContext = planningContext;
exports.planOrSkip = planOrSkip;
exports.planAll = planAll;
const knowledge_js_1 = __nccwpck_require__(7023);
const errors_js_1 = __nccwpck_require__(3916);
const platform_js_1 = __nccwpck_require__(3728);
const SYSCALL = { symlink: 'symlink', junction: 'symlink', hardlink: 'link', copy: 'copyfile' };
function syscallOf(kind) {
    return SYSCALL[kind];
}
/** A problem of the spec found on disk (a symlinked parent leading out): the whole run stops before any change. */
class ConfinementProblem extends Error {
}
exports.ConfinementProblem = ConfinementProblem;
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
        const stats = ctx.ops.stat(current);
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
        if (!(0, errors_js_1.isErrno)(error))
            throw error;
        const why = `${(0, errors_js_1.errnoCode)(error)} from ${error.syscall ?? 'scandir'}() on ${plan.filesystem.type}`;
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
        // sshfs (contain_symlinks) hides absolute or escaping link texts: the link is there, its text is not readable.
        if ((0, knowledge_js_1.familyOf)(plan.filesystem.type) !== 'sshfs' || (0, errors_js_1.errnoCode)(error) !== 'EPERM')
            throw error;
        plan.unreadable = true;
        return undefined;
    }
}
function recognise(kind, plan, at, target, ctx) {
    const { platform } = ctx;
    const abs = plan.request.absPath;
    const fs = plan.filesystem;
    switch (kind) {
        case 'symlink':
        case 'junction': {
            if (!at.isSymbolicLink()) {
                // Through sshfs -o follow_symlinks a link shows as what it points to.
                if (!fs.options.includes('follow_symlinks') || !looksLikeTarget(at, target))
                    return undefined;
                return {
                    warning: `${abs} shows as its TARGET through this sshfs mount (follow_symlinks): taken as the link, but it cannot be verified here.`
                };
            }
            const text = readLinkText(plan, ctx);
            if (text === undefined) {
                // The text is hidden, its length is not (a symlink's size is the length of its text).
                if (at.size !== Buffer.byteLength(plan.text))
                    return undefined;
                return {
                    warning: `${abs} is a symlink of the right length, but this sshfs mount hides its text (absolute or with ..): taken as unchanged, not verified.`
                };
            }
            const wanted = (0, platform_js_1.linkTextOf)(platform, kind, plan.text, plan.request.absTarget);
            return (0, platform_js_1.sameLinkTarget)(platform, abs, text, wanted) ? {} : undefined;
        }
        case 'hardlink':
            if (!target || !at.isFile())
                return undefined;
            if (at.ino === target.ino && at.dev === target.dev)
                return {};
            // sshfs shows every name of a file as its own inode: a hard link there cannot be told from a copy.
            if ((0, knowledge_js_1.familyOf)(fs.type) !== 'sshfs' || !looksLikeTarget(at, target))
                return undefined;
            return {
                warning: `${abs} has TARGET's size, time and mode; sshfs shows each name as its own inode, so this hard link cannot be verified.`
            };
        case 'copy':
            if (!target || at.isSymbolicLink())
                return undefined;
            if (target.isDirectory())
                return at.isDirectory() ? recogniseTree(plan, ctx) : undefined;
            return sameFileMeta(at, target) ? {} : undefined;
    }
}
function linkText(request, realParent, ctx) {
    const { path } = ctx.platform;
    const wantRelative = request.options.relative === 'true' || (request.options.relative === 'auto' && request.targetWasRelative);
    if (!wantRelative)
        return request.absTarget;
    let targetDir = path.dirname(request.absTarget);
    try {
        targetDir = realDirectory(targetDir, ctx).real;
    }
    catch {
        // A TARGET below a file cannot exist; its text can still be written as given.
    }
    const realTarget = path.join(targetDir, path.basename(request.absTarget));
    return path.relative(realParent, realTarget) || '.';
}
function failed(plan, code, syscall, attempted) {
    return { ...plan, action: 'fail', failure: { code, errno: (0, errors_js_1.errnoNumber)(code) ?? undefined, syscall, attempted } };
}
/** The kinds a link asks for, in the order to try them: its type, then its fallbacks. */
function requestedKinds(request) {
    return [request.options.type, ...request.options.fallback.filter((k) => k !== request.options.type)];
}
/** A plan that has looked at nothing yet: what a link that never got that far reports. */
function emptyPlan(request, ctx) {
    return {
        request,
        action: 'create',
        kinds: requestedKinds(request),
        text: '',
        linkSource: request.absTarget,
        targetExists: false,
        targetIsDir: request.options.targetType === 'dir',
        missingParents: [],
        filesystem: ctx.detector.forPath(request.absPath),
        warnings: []
    };
}
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
/** Words for what a link's plan tried, where the plan itself fails. */
function attemptOf(request) {
    return `create the ${request.options.type === 'hardlink' ? 'hard' : 'symbolic'} link`;
}
function planLink(request, ctx) {
    const plan = emptyPlan(request, ctx);
    try {
        const parent = locate(plan, ctx);
        const target = examineTarget(plan, parent.real, ctx);
        const unfit = fitKinds(plan, target !== undefined, ctx);
        if (unfit)
            return unfit;
        // Nothing can be in a directory that does not exist: on a share that saves a round trip per new link.
        const at = parent.missing.length > 0 ? undefined : ctx.ops.lstat(request.absPath);
        return decide(plan, at, target, ctx);
    }
    catch (error) {
        if (error instanceof ConfinementProblem || !(0, errors_js_1.isErrno)(error))
            throw error;
        return { ...plan, action: 'fail', failure: (0, errors_js_1.toFailure)(error, error.syscall ?? 'stat', attemptOf(request)) };
    }
}
/** PATH's real parent, confined to the working directory, and the filesystem the link will be on. */
function locate(plan, ctx) {
    const { path } = ctx.platform;
    const { request } = plan;
    const parent = realDirectory(path.dirname(request.absPath), ctx);
    const realPath = path.join(parent.real, path.basename(request.absPath));
    if (ctx.settings.confine && request.pathWasRelative && !(0, platform_js_1.isWithin)(ctx.platform, ctx.realWorkingDirectory, realPath)) {
        throw new ConfinementProblem(`PATH '${request.path}' leads outside working-directory through a symlinked parent: it would be ` +
            `${realPath} (confine: true)`);
    }
    plan.missingParents = parent.missing;
    plan.filesystem = ctx.detector.forPath(parent.real);
    return parent;
}
/** What TARGET is, and what each kind of link to it would hold. */
function examineTarget(plan, realParent, ctx) {
    const { request } = plan;
    const target = statTarget(request.absTarget, ctx);
    plan.targetExists = target !== undefined;
    plan.targetIsDir = target ? target.isDirectory() : plan.targetIsDir;
    if (target && plan.kinds.includes('hardlink'))
        plan.linkSource = ctx.ops.realpath(request.absTarget);
    if (plan.kinds.some((k) => k === 'symlink' || k === 'junction'))
        plan.text = linkText(request, realParent, ctx);
    return target;
}
/** The kinds that can lead to this TARGET (a missing one takes only links); a failed plan when none can. */
function fitKinds(plan, targetExists, ctx) {
    const { request } = plan;
    const requested = plan.kinds;
    if (!targetExists) {
        plan.kinds = requested.filter((k) => k === 'symlink' || k === 'junction');
        const attempt = attemptOf(request);
        if (plan.kinds.length === 0)
            return failed(plan, 'ENOENT', syscallOf(requested[0]), attempt);
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
/** Given what is at PATH: unchanged when it is already what was asked for, else create, replace, or fail. */
function decide(plan, at, target, ctx) {
    const { request } = plan;
    const attempt = attemptOf(request);
    if (at) {
        plan.existing = existingKind(at);
        for (const kind of requestedKinds(request)) {
            const recognised = recognise(kind, plan, at, target, ctx);
            if (!recognised)
                continue;
            if (recognised.warning)
                plan.warnings.push(recognised.warning);
            return { ...plan, action: 'unchanged', kinds: [kind] };
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
    const allowed = plan.existing === 'link'
        ? request.options.overwrite !== 'never'
        : plan.existing === 'file' && request.options.overwrite === 'files';
    if (!allowed && plan.unreadable)
        return failed(plan, 'EPERM', 'readlink', 'check the existing link');
    if (!allowed)
        return failed(plan, 'EEXIST', syscallOf(plan.kinds[0]), attempt);
    return { ...plan, action: 'replace' };
}
/** The context for a planning pass, in which resolved directories may be remembered. */
function planningContext(ctx) {
    return { ...ctx, realDirectories: new Map(), targets: new Map() };
}
function statTarget(target, ctx) {
    if (ctx.targets?.has(target))
        return ctx.targets.get(target);
    const stats = ctx.ops.stat(target);
    ctx.targets?.set(target, stats);
    return stats;
}
/**
 * Plan one link, unless its share (found lexically, without touching it) is already known to be gone. A plan that
 * finds the share gone marks it so for the links after it.
 */
function planOrSkip(request, ctx) {
    const mountPoint = ctx.detector.forPath(request.absPath).mountPoint;
    const gone = ctx.goneShares.get(mountPoint);
    if (gone) {
        return { ...failed(emptyPlan(request, ctx), gone.code, gone.syscall, gone.attempted), skipped: true };
    }
    const plan = planLink(request, ctx);
    if (plan.failure && (0, knowledge_js_1.isShareGone)(plan.failure.code))
        ctx.goneShares.set(mountPoint, plan.failure);
    return plan;
}
/** Plan every link; a link that escapes through a symlinked parent is a problem of the spec, like a syntax error. */
function planAll(requests, ctx) {
    const plans = [];
    const problems = [];
    const planning = planningContext(ctx);
    for (const request of requests) {
        try {
            plans.push(planOrSkip(request, planning));
        }
        catch (error) {
            if (!(error instanceof ConfinementProblem))
                throw error;
            problems.push({ line: request.line, message: error.message });
        }
    }
    return { plans, problems };
}


/***/ }),

/***/ 3728:
/***/ (function(__unused_webpack_module, exports, __nccwpck_require__) {


var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.platformFor = platformFor;
exports.currentPlatform = currentPlatform;
exports.hardlinkGuard = hardlinkGuard;
exports.pathKey = pathKey;
exports.isWithin = isWithin;
exports.keyWithin = keyWithin;
exports.relativeInside = relativeInside;
exports.symlinkType = symlinkType;
exports.linkTextOf = linkTextOf;
exports.volumeOf = volumeOf;
exports.withoutNamespace = withoutNamespace;
exports.sameLinkTarget = sameLinkTarget;
// The one place that knows which OS we run on. Stages receive a Platform object, so tests can pick another.
const fs = __importStar(__nccwpck_require__(3024));
const nodePath = __importStar(__nccwpck_require__(6760));
function platformFor(name) {
    const isWindows = name === 'win32';
    const isMac = name === 'darwin';
    return {
        name,
        isWindows,
        isMac,
        path: isWindows ? nodePath.win32 : nodePath.posix,
        caseInsensitive: isWindows || isMac
    };
}
function currentPlatform() {
    return platformFor(process.platform);
}
/** Read when a hard link is refused, once per run: two cheap calls, never on a path that could hang. */
function hardlinkGuard() {
    let setting = '';
    try {
        setting = fs.readFileSync('/proc/sys/fs/protected_hardlinks', 'utf8').trim();
    }
    catch {
        // no /proc (a container without it): the kernel's default since 3.6 is 1 on every distribution that matters
    }
    return { protects: setting !== '0', euid: process.geteuid?.() ?? -1 };
}
/** A key under which two spellings of one path compare equal on this platform. */
function pathKey(platform, p) {
    const normal = platform.path.normalize(p);
    const folded = platform.caseInsensitive ? normal.toLowerCase() : normal;
    // APFS and HFS+ also take an é typed as one character and as e + accent for the same name.
    return platform.isMac ? folded.normalize('NFC') : folded;
}
/** `child` is `parent` itself or lies below it. Both absolute. */
function isWithin(platform, parent, child) {
    return keyWithin(platform, pathKey(platform, parent), pathKey(platform, child));
}
/** isWithin for keys already made by pathKey: a prefix test, cheap enough for every link against every mount. */
function keyWithin(platform, parentKey, childKey) {
    const sep = platform.path.sep;
    return childKey === parentKey || childKey.startsWith(parentKey.endsWith(sep) ? parentKey : parentKey + sep);
}
/** `child` relative to `parent` when it lies inside it ('' for itself); undefined otherwise. */
function relativeInside(platform, parent, child) {
    return isWithin(platform, parent, child) ? platform.path.relative(parent, child) : undefined;
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
/** The volume a path is on: `C:\` or `\\server\share\` on Windows (drive letter upper-cased), `/` elsewhere. */
function volumeOf(platform, absPath) {
    const root = platform.path.parse(absPath).root;
    return platform.isWindows ? root.replace(/^[a-z]:/, (drive) => drive.toUpperCase()) : root;
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
function sameLinkTarget(platform, linkPath, existingText, wantedText) {
    if (!platform.isWindows)
        return existingText === wantedText;
    const { path } = platform;
    const [existing, wanted] = [existingText, wantedText].map((t) => withoutNamespace(platform, t));
    if (path.isAbsolute(existing) !== path.isAbsolute(wanted))
        return false;
    const dir = path.dirname(linkPath);
    return pathKey(platform, path.resolve(dir, existing)) === pathKey(platform, path.resolve(dir, wanted));
}


/***/ }),

/***/ 665:
/***/ (function(__unused_webpack_module, exports, __nccwpck_require__) {


var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.safeForLog = safeForLog;
exports.escapeHtml = escapeHtml;
exports.reportProblems = reportProblems;
exports.report = report;
// Report stage: the log, annotations, outputs, results file and job summary, all from the results alone.
const node_crypto_1 = __nccwpck_require__(7598);
const fs = __importStar(__nccwpck_require__(3024));
const os = __importStar(__nccwpck_require__(8161));
const nodePath = __importStar(__nccwpck_require__(6760));
const platform_js_1 = __nccwpck_require__(3728);
const runner = __importStar(__nccwpck_require__(4813));
/** GitHub shows 10 annotations of each level per step, and setFailed adds one error of its own. */
const MAX_ERRORS = 8;
const MAX_WARNINGS = 9;
/** Past this the `results` output holds only the failed links (GitHub caps a job's outputs at about 1 MB). */
const RESULTS_OUTPUT_BYTES = 512 * 1024;
/** GitHub rejects a job summary over 1 MiB. */
const SUMMARY_BYTES = 900 * 1024;
const SUMMARY_ROWS = 1000;
/** Control characters shown, not obeyed: a newline in a path must not start a workflow command. */
function safeForLog(text) {
    // eslint-disable-next-line no-control-regex -- control characters are what this shows instead of obeying
    return text.replace(/[\x00-\x1f\x7f]/g, (c) => c === '\n' ? '\\n' : c === '\r' ? '\\r' : c === '\t' ? '\\t' : `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}
function escapeHtml(text) {
    return safeForLog(text).replace(/[&<>"'`]/g, (c) => `&#${c.charCodeAt(0)};`);
}
/** Annotation properties: the spec file and line where there is one inside the workspace. */
function location(line, { settings, workspace, platform }) {
    const rel = settings.specFile && (0, platform_js_1.relativeInside)(platform, workspace, settings.specFile);
    if (rel)
        return { title: 'ln-action', file: rel.split(platform.path.sep).join('/'), startLine: line };
    return { title: `ln-action: links line ${line}` };
}
/** At most `max` annotations, then one that says how many more there are. */
function annotate(level, items, max, where, seeAlso) {
    const emit = level === 'error' ? runner.error : runner.warning;
    for (const item of items.slice(0, max))
        emit(item.message, location(item.line, where));
    if (items.length > max)
        emit(`${items.length - max} more ${level}s: see ${seeAlso}.`);
}
/** PATH as the log and summary show it: relative to working-directory when inside it. */
function displayPath(p, { settings, platform }) {
    return (0, platform_js_1.relativeInside)(platform, settings.workingDirectory, p) || p;
}
/** Spec problems: every one in the log, the first ones as annotations, and the step fails; nothing was touched. */
function reportProblems(problems, where) {
    const sorted = [...problems].sort((a, b) => a.line - b.line);
    const source = where.settings.specFile ?? "the 'links' input";
    runner.info(sorted.map((p) => safeForLog(`${source}:${p.line}: ${p.message}`)).join('\n'));
    annotate('error', sorted, MAX_ERRORS, where, 'the log');
    runner.setFailed(`The links spec has ${sorted.length} problem(s); nothing was changed. The first: line ${sorted[0].line}: ${sorted[0].message}`);
}
/** A dry run says what a real run would do. */
function statusWords(r) {
    return r.status === 'planned' && r.plan ? `would ${r.plan}` : r.status;
}
function logLine(r, where) {
    const to = r.text || r.target;
    const head = `${statusWords(r).padEnd(9)} ${(r.kind || r.type).padEnd(8)} ${displayPath(r.path, where)} -> ${to}`;
    const detail = [r.message, r.hint && `hint: ${r.hint}`, ...r.warnings.map((w) => `warning: ${w}`)].filter(Boolean);
    return safeForLog(head) + detail.map((d) => `\n    ${safeForLog(d)}`).join('');
}
function count(results, status) {
    return results.filter((r) => r.status === status).length;
}
function isFailure(r) {
    return r.status === 'failed' || r.status === 'skipped' || (r.status === 'planned' && r.plan === 'fail');
}
/** Results that arrive in the thousands are written and logged in slices, never as one giant string. */
const SLICE = 1000;
function slices(items) {
    return Array.from({ length: Math.ceil(items.length / SLICE) }, (_, i) => items.slice(i * SLICE, (i + 1) * SLICE));
}
/** Every result, one JSON object a line inside the array, written slice by slice. */
function writeResultsFile(results, env) {
    const dir = env.RUNNER_TEMP || os.tmpdir();
    const file = nodePath.join(dir, `ln-action-results-${process.pid}-${(0, node_crypto_1.randomBytes)(3).toString('hex')}.json`);
    const fd = fs.openSync(file, 'w');
    try {
        slices(results).forEach((slice, i) => {
            const body = slice.map((r) => JSON.stringify(r)).join(',\n');
            fs.writeSync(fd, `${i === 0 ? '[\n' : ',\n'}${body}`);
        });
        fs.writeSync(fd, results.length === 0 ? '[]\n' : '\n]\n');
    }
    finally {
        fs.closeSync(fd);
    }
    return file;
}
/** As many of these results as fit the output's budget, as a JSON array; undefined when not all of them fit. */
function fitting(results, all) {
    const kept = [];
    let size = 2;
    for (const r of results) {
        const json = JSON.stringify(r);
        size += Buffer.byteLength(json) + 1;
        if (size > RESULTS_OUTPUT_BYTES) {
            if (all)
                return undefined;
            break;
        }
        kept.push(json);
    }
    return `[${kept.join(',')}]`;
}
/** The full array while it is small enough; past that the failed links, as many as fit. */
function resultsOutput(results) {
    return fitting(results, true) ?? fitting(results.filter(isFailure), false);
}
/** An empty cell reads as something missing: say so with a dash. */
function summaryCell(text) {
    return text === '' ? '-' : escapeHtml(text);
}
async function writeSummary(file, results, counts, where) {
    const ordered = [...results.filter(isFailure), ...results.filter((r) => !isFailure(r))];
    const header = ['Status', 'Path', 'Target', 'Kind', 'Message'].map((data) => ({ data, header: true }));
    const rows = [];
    let size = 4096;
    for (const r of ordered) {
        const message = [r.message, r.hint, ...r.warnings].filter(Boolean).join(' ');
        const row = [statusWords(r), displayPath(r.path, where), r.text || r.target, r.kind || r.type, message].map(summaryCell);
        size += Buffer.byteLength(row.join('')) + 60;
        if (size > SUMMARY_BYTES || rows.length >= SUMMARY_ROWS)
            break;
        rows.push(row);
    }
    runner.summary
        .addHeading('ln-action', 3)
        .addRaw(escapeHtml(counts), true)
        .addTable([header, ...rows]);
    if (rows.length < results.length) {
        runner.summary.addRaw(`${results.length - rows.length} more links are not shown: see the results-file output.`, true);
    }
    await runner.summary.write(file);
}
async function report(results, where, env = process.env) {
    const { settings } = where;
    const counts = {
        created: count(results, 'created'),
        replaced: count(results, 'replaced'),
        unchanged: count(results, 'unchanged'),
        failed: results.filter(isFailure).length
    };
    const planned = count(results, 'planned');
    const countLine = `${results.length} links: ` +
        (settings.dryRun
            ? `${planned} planned (dry run), ${counts.failed} would fail`
            : `${counts.created} created, ${counts.replaced} replaced, ${counts.unchanged} unchanged, ${counts.failed} failed`);
    if (results.length > 10)
        runner.startGroup(`Links (${results.length})`);
    for (const slice of slices(results))
        runner.info(slice.map((r) => logLine(r, where)).join('\n'));
    if (results.length > 10)
        runner.endGroup();
    runner.info(countLine);
    const failures = results.filter(isFailure).map((r) => ({ message: `${r.message} ${r.hint}`.trim(), line: r.line }));
    const seeAlso = 'the log and the results-file output';
    annotate('error', failures, MAX_ERRORS, where, seeAlso);
    const warnings = results.flatMap((r) => r.warnings.map((message) => ({ message, line: r.line })));
    annotate('warning', warnings, MAX_WARNINGS, where, seeAlso);
    runner.setOutput('results', resultsOutput(results));
    runner.setOutput('results-file', writeResultsFile(results, env));
    for (const [name, n] of Object.entries(counts))
        runner.setOutput(name, String(n));
    runner.setOutput('changed', String(counts.created + counts.replaced > 0));
    if (settings.summary && env.GITHUB_STEP_SUMMARY)
        await writeSummary(env.GITHUB_STEP_SUMMARY, results, countLine, where);
    if (counts.failed > 0 && settings.failOnError) {
        runner.setFailed(`${counts.failed} of ${results.length} links failed (fail-on-error: true).`);
    }
}


/***/ }),

/***/ 1666:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.failureContext = failureContext;
exports.explainFailure = explainFailure;
exports.toResult = toResult;
exports.unfinishedResult = unfinishedResult;
exports.plannedResult = plannedResult;
exports.confinedResult = confinedResult;
// Results: what each link reports, built from its plan and what applying it came to. Every result of the run, in
// process or in a share worker, planned, made, failed or never attempted, is made here.
const knowledge_js_1 = __nccwpck_require__(7023);
const plan_js_1 = __nccwpck_require__(2464);
const platform_js_1 = __nccwpck_require__(3728);
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
        hardlinkProtected: hardlinkProtected(plan, failure, ctx)
    };
}
/**
 * Whether fs.protected_hardlinks can be what refused this hard link: it is on, and the effective user is neither root
 * nor TARGET's owner. Looked at only after EPERM from link() on Linux; undefined where TARGET's owner is unknown.
 */
function hardlinkProtected(plan, failure, ctx) {
    if (failure.code !== 'EPERM' || failure.syscall !== 'link' || ctx.platform.name !== 'linux')
        return undefined;
    const guard = (ctx.hardlinkGuard ??= (0, platform_js_1.hardlinkGuard)());
    if (!guard.protects || guard.euid === 0)
        return false;
    let owner;
    try {
        owner = ctx.ops.stat(plan.linkSource)?.uid;
    }
    catch {
        // TARGET cannot be looked at now: it may be the cause
    }
    return owner === undefined ? undefined : owner !== guard.euid;
}
/** `evidence`: what apply found out after the failure to tell apart what its errno can mean (Windows). */
function explainFailure(plan, failure, kind, ctx, evidence = {}) {
    return (0, knowledge_js_1.explain)({ ...failureContext(plan, failure, kind, ctx), ...evidence });
}
/** The kinds a probe tries, by their names in a Probe. */
const PROBED = ['symlink', 'hardlink'];
function describeProbe(probe, dir) {
    const works = (kind, words) => probe[kind] === 'ok' ? `${words} work` : `${words} do not (${probe[kind]})`;
    if (probe.symlink !== 'ok' && probe.hardlink !== 'ok') {
        return `Probed ${dir}: neither symbolic links (${probe.symlink}) nor hard links (${probe.hardlink}) can be made there, so only a copy can (\`fallback: copy\`).`;
    }
    return `Probed ${dir}: ${works('symlink', 'symbolic links')}, ${works('hardlink', 'hard links')}.`;
}
function explanationOf(plan, outcome, ctx) {
    const { failure } = outcome;
    if (!failure)
        return undefined;
    return outcome.explanation ?? explainFailure(plan, failure, outcome.failedKind ?? plan.kinds[0], ctx);
}
/** The hint, after what a probe found: what it saw work or fail first, then only advice it did not disprove. */
function hintOf(explanation, probe, dir) {
    if (!probe)
        return explanation?.hint ?? '';
    const failing = PROBED.filter((kind) => probe[kind] !== 'ok' && probe[kind] !== 'untested');
    return `${describeProbe(probe, dir)} ${(0, knowledge_js_1.hintAfterProbe)(explanation?.advice ?? [], failing)}`.trim();
}
function toResult(plan, outcome, ctx) {
    const { request } = plan;
    const { failure } = outcome;
    const explanation = explanationOf(plan, outcome, ctx);
    let message = explanation?.message ?? '';
    const hint = hintOf(explanation, outcome.probe, ctx.platform.path.dirname(request.absPath));
    if (plan.skipped)
        message = `Not attempted: an earlier link found this share gone or not answering. ${message}`;
    return {
        line: request.line,
        path: request.absPath,
        target: request.absTarget,
        text: outcome.kind === 'hardlink' || outcome.kind === 'copy'
            ? ''
            : (0, platform_js_1.linkTextOf)(ctx.platform, outcome.kind, plan.text, request.absTarget),
        type: request.options.type,
        kind: outcome.kind,
        status: outcome.status,
        code: failure?.code ?? '',
        errno: failure?.errno ?? null,
        syscall: failure?.syscall ?? '',
        filesystem: plan.filesystem.type,
        message,
        hint,
        warnings: plan.warnings,
        ...(outcome.probe ? { probe: outcome.probe } : {})
    };
}
/**
 * A link that never got to the disk: its share timed out or was found gone first (`skipped`), or its worker died.
 * A dry run reports it as a plan that would fail; this is the one place a failure becomes a dry run's.
 */
function unfinishedResult(request, failure, ctx, run) {
    const skipped = run.skipped === true;
    const plan = { ...(0, plan_js_1.emptyPlan)(request, ctx), action: 'fail', failure, skipped };
    const result = toResult(plan, { status: skipped ? 'skipped' : 'failed', kind: '', failure }, ctx);
    return run.dryRun ? { ...result, status: 'planned', plan: 'fail' } : result;
}
/** A dry run's result: what a real run would do, with the failure it can already see. */
function plannedResult(plan, ctx) {
    const outcome = plan.failure
        ? { status: 'planned', kind: '', failure: plan.failure, failedKind: plan.kinds[0] }
        : { status: 'planned', kind: plan.action === 'unchanged' ? plan.kinds[0] : '' };
    return { ...toResult(plan, outcome, ctx), plan: plan.action };
}
/** A link that a symlinked parent, made earlier in this run, would lead outside the working directory. */
function confinedResult(plan, message, ctx) {
    const result = toResult(plan, { status: 'failed', kind: '' }, ctx);
    return { ...result, message, hint: 'Choose a PATH inside working-directory, or set `confine: false`.' };
}


/***/ }),

/***/ 554:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.ROLE = void 0;
exports.roleOf = roleOf;
exports.envFor = envFor;
// The one variable index.ts dispatches on: which part of the action a process or thread is. Unset: the action as
// the runner started it.
exports.ROLE = 'LN_ACTION_ROLE';
function roleOf(env) {
    const role = env[exports.ROLE];
    return role === 'lean' || role === 'share-worker' || role === 'lane' ? role : undefined;
}
/** The environment of a process or thread that is to play `role`. */
function envFor(role) {
    return { ...process.env, [exports.ROLE]: role };
}


/***/ }),

/***/ 4813:
/***/ (function(__unused_webpack_module, exports, __nccwpck_require__) {


var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.summary = exports.Summary = exports.warning = exports.error = void 0;
exports.info = info;
exports.debug = debug;
exports.startGroup = startGroup;
exports.endGroup = endGroup;
exports.setOutput = setOutput;
exports.setFailed = setFailed;
// The runner's side of the conversation: workflow commands on stdout, outputs and the job summary in the files the
// runner names. ln-action speaks it itself rather than importing @actions/core, whose index also loads an OIDC HTTP
// client: that tripled the action's start-up (measured: 0.14 s against 0.04 s for `node -e 0`).
const node_crypto_1 = __nccwpck_require__(7598);
const fs = __importStar(__nccwpck_require__(3024));
const node_os_1 = __nccwpck_require__(8161);
/** Workflow-command data: the runner decodes these three, so nothing in a message can end the command early. */
function escapeData(text) {
    return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function escapeProperty(text) {
    return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
function command(name, properties, message) {
    const props = Object.entries(properties)
        .filter(([, value]) => value !== undefined && value !== '')
        .map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
        .join(',');
    process.stdout.write(`::${name}${props ? ` ${props}` : ''}::${escapeData(message)}${node_os_1.EOL}`);
}
function info(text) {
    process.stdout.write(text + node_os_1.EOL);
}
function debug(text) {
    command('debug', {}, text);
}
function annotation(level) {
    return (message, properties = {}) => command(level, { title: properties.title, file: properties.file, line: properties.startLine }, message);
}
exports.error = annotation('error');
exports.warning = annotation('warning');
function startGroup(name) {
    command('group', {}, name);
}
function endGroup() {
    command('endgroup', {}, '');
}
/** An output for later steps: a heredoc block in GITHUB_OUTPUT, with a delimiter no value can contain. */
function setOutput(name, value) {
    const file = process.env.GITHUB_OUTPUT;
    if (!file)
        return command('set-output', { name }, value);
    const delimiter = `ghadelimiter_${(0, node_crypto_1.randomUUID)()}`;
    fs.appendFileSync(file, `${name}<<${delimiter}${node_os_1.EOL}${value}${node_os_1.EOL}${delimiter}${node_os_1.EOL}`);
}
/** Marks the step failed (the exit code) and says why, as an error annotation. */
function setFailed(message) {
    process.exitCode = 1;
    (0, exports.error)(message);
}
/** The job summary as HTML, written in one append. Callers escape what they put in. */
class Summary {
    html = '';
    addHeading(text, level = 1) {
        this.html += `<h${level}>${text}</h${level}>${node_os_1.EOL}`;
        return this;
    }
    addRaw(text, addEOL = false) {
        this.html += addEOL ? text + node_os_1.EOL : text;
        return this;
    }
    addTable(rows) {
        const cell = (c) => typeof c === 'string' ? `<td>${c}</td>` : c.header ? `<th>${c.data}</th>` : `<td>${c.data}</td>`;
        this.html += `<table>${rows.map((row) => `<tr>${row.map(cell).join('')}</tr>`).join('')}</table>${node_os_1.EOL}`;
        return this;
    }
    async write(file) {
        await fs.promises.appendFile(file, this.html);
        this.html = '';
    }
}
exports.Summary = Summary;
exports.summary = new Summary();


/***/ }),

/***/ 8750:
/***/ (function(__unused_webpack_module, exports, __nccwpck_require__) {


var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.InputError = void 0;
exports.getInputs = getInputs;
// Every input read and checked once, into one typed object; later stages never call getInput.
const runner = __importStar(__nccwpck_require__(4813));
const fs = __importStar(__nccwpck_require__(3024));
const model_js_1 = __nccwpck_require__(182);
/** An input the user got wrong; the message names the input and what it accepts. */
class InputError extends Error {
}
exports.InputError = InputError;
/** The value of an input as the runner passes it: `INPUT_<NAME>`, or empty. */
function input(env, name) {
    return (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}
function oneOf(env, name, allowed, fallback) {
    const value = input(env, name) || fallback;
    const match = allowed.find((a) => a === value.toLowerCase());
    if (!match)
        throw new InputError(`Input '${name}' must be one of ${allowed.join(', ')}; got '${value}'.`);
    return match;
}
function bool(env, name, fallback) {
    return oneOf(env, name, ['true', 'false'], fallback ? 'true' : 'false') === 'true';
}
function kinds(env, name) {
    const parsed = (0, model_js_1.parseKinds)(input(env, name));
    if ('problem' in parsed)
        throw new InputError(`Input '${name}': ${parsed.problem}`);
    return parsed.kinds;
}
function seconds(env, name, fallback) {
    const raw = input(env, name) || String(fallback);
    const value = Number(raw);
    if (!/^\d+(\.\d+)?$/.test(raw) || value <= 0 || value > 86400) {
        throw new InputError(`Input '${name}' must be a number of seconds, more than 0 and at most 86400; got '${raw}'.`);
    }
    return value;
}
/**
 * Empty means GITHUB_WORKSPACE as this process sees it. In a container job `${{ github.workspace }}` is the host's
 * path (actions/runner#2058), which the container does not have: a given path that is missing says so.
 */
function workingDirectory(env, platform, mayHang) {
    const given = input(env, 'working-directory');
    const dir = platform.path.resolve(given || env.GITHUB_WORKSPACE || process.cwd());
    // On a share that may hang, a stat here could never return: its links are checked in a share worker.
    if (mayHang(dir))
        return dir;
    let stats;
    try {
        stats = fs.statSync(dir, { throwIfNoEntry: false });
    }
    catch {
        return dir; // a share that answers with an error (ENOTCONN...): each link's result will say why
    }
    if (stats?.isDirectory())
        return dir;
    const problem = `Input 'working-directory' is not a directory: '${dir}'`;
    if (stats || !given)
        throw new InputError(`${problem}.`);
    const workspace = env.GITHUB_WORKSPACE ? ` ('${env.GITHUB_WORKSPACE}' here)` : '';
    throw new InputError(`${problem} does not exist. In a container job, a host path such as \${{ github.workspace }} does not exist ` +
        `inside the container: leave working-directory empty, its default, which means GITHUB_WORKSPACE${workspace}.`);
}
/** `links: @path` names a file holding the spec (inputs over 128 KiB cannot reach an action). */
function readSpec(links, workingDir, platform) {
    if (!links.startsWith('@') || links.includes('\n') || model_js_1.SEPARATOR.test(links))
        return { spec: links };
    const specFile = platform.path.resolve(workingDir, links.slice(1).trim());
    try {
        return { spec: fs.readFileSync(specFile, 'utf8'), specFile };
    }
    catch (error) {
        throw new InputError(`Input 'links' names the file '${specFile}', which cannot be read: ${error.message}`);
    }
}
/** `mayHang` says which paths lie on shares that may not answer: those are never touched here. */
function getInputs(platform, env = process.env, mayHang = () => false) {
    const links = input(env, 'links');
    if (!links)
        throw new InputError("Input 'links' is required: give lines 'PATH -> TARGET', a YAML list, or @file.");
    const workingDir = workingDirectory(env, platform, mayHang);
    const backupSuffix = input(env, 'backup-suffix');
    if (/[/\\\0]/.test(backupSuffix)) {
        throw new InputError(`Input 'backup-suffix' must not contain a path separator or NUL; got '${backupSuffix}'.`);
    }
    const { spec, specFile } = readSpec(links, workingDir, platform);
    const settings = {
        specFile,
        defaults: {
            type: oneOf(env, 'type', model_js_1.LINK_TYPES, 'symlink'),
            fallback: kinds(env, 'fallback'),
            relative: oneOf(env, 'relative', model_js_1.RELATIVE_MODES, 'auto'),
            overwrite: oneOf(env, 'overwrite', model_js_1.OVERWRITE_MODES, 'never')
        },
        backupSuffix,
        createParents: bool(env, 'create-parents', true),
        workingDirectory: workingDir,
        confine: bool(env, 'confine', true),
        dangling: oneOf(env, 'dangling', model_js_1.DANGLING_MODES, 'warn'),
        dryRun: bool(env, 'dry-run', false),
        failOnError: bool(env, 'fail-on-error', true),
        timeoutMs: seconds(env, 'timeout', 30) * 1000,
        summary: bool(env, 'summary', true)
    };
    runner.debug(`settings: ${JSON.stringify({ ...settings, spec: `${spec.length} characters` })}`);
    return { settings, spec };
}


/***/ }),

/***/ 4603:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Watchdog = exports.CallSlots = void 0;
exports.timedOps = timedOps;
// Which filesystem call each lane of a share worker is in, and since when, in memory that the lanes and the worker's
// main thread share. A lane stuck in a hung FUSE call cannot say so itself; the main thread, which never touches the
// share, reads these slots and can.
const fsops_js_1 = __nccwpck_require__(2122);
/** The calls a lane can be in, numbered by their place here. */
const CALLS = Object.keys(fsops_js_1.nodeFs);
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
exports.CallSlots = CallSlots;
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
exports.Watchdog = Watchdog;


/***/ }),

/***/ 298:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.ShareExecutor = void 0;
// The action's side of a share worker (supervisor.ts): start it, hand it the links on one share, collect what it
// planned and made, and let go of it when done. It never waits for the child to exit: a child stuck in a hung FUSE
// call cannot exit until the share answers.
const node_child_process_1 = __nccwpck_require__(1421);
const node_url_1 = __nccwpck_require__(3136);
const result_js_1 = __nccwpck_require__(1666);
const roles_js_1 = __nccwpck_require__(554);
class ShareExecutor {
    share;
    links;
    ctx;
    child;
    messages = [];
    waiting;
    ended;
    planned;
    constructor(share, links, ctx, entry = (0, node_url_1.fileURLToPath)(import.meta.url)) {
        this.share = share;
        this.links = links;
        this.ctx = ctx;
        // Its own stdio, not the action's: the runner must not wait for a child that cannot exit.
        this.child = (0, node_child_process_1.spawn)(process.execPath, [entry], {
            env: (0, roles_js_1.envFor)('share-worker'),
            stdio: ['ignore', 'ignore', 'ignore', 'ipc']
        });
        this.child.on('message', (message) => {
            this.messages.push(message);
            this.waiting?.();
        });
        this.child.on('exit', (code, signal) => this.end(`ended early (${signal ?? `exit code ${code}`})`));
        // A child that died cannot be written to (EPIPE): that is an answer too, not a crash of the action.
        this.child.on('error', (error) => this.end(`failed (${error.message})`));
        this.send({ type: 'start', share, links });
    }
    end(why) {
        this.ended ??= `the worker for this share ${why}`;
        this.waiting?.();
    }
    send(message) {
        if (this.ended || !this.child.connected)
            return;
        this.child.send(message, (error) => error && this.end(`could not be reached (${error.message})`));
    }
    /** The next message of this type, or undefined when the child died. */
    async next(type) {
        // The child's main thread never touches the share and times every call itself: it answers, or it died.
        for (;;) {
            const found = this.messages.find((m) => m.type === type);
            if (found)
                return found;
            if (this.ended)
                return undefined;
            await new Promise((resolve) => (this.waiting = resolve));
        }
    }
    async plan() {
        const message = await this.next('planned');
        this.planned = message && new Map(message.results);
        return message?.problems ?? [];
    }
    async results(into) {
        const { dryRun } = this.share.settings;
        let found = this.planned;
        if (!dryRun) {
            this.send({ type: 'apply' });
            const message = await this.next('final');
            found = message && new Map(message.results);
        }
        // A child that died without answering leaves its links failed, saying so.
        const failure = { code: 'UNKNOWN', syscall: 'none', attempted: `get an answer (${this.failureReason}) for` };
        for (const { index, request } of this.links)
            into[index] = found?.get(index) ?? (0, result_js_1.unfinishedResult)(request, failure, this.ctx, { dryRun });
    }
    /** Done with it: the child is killed, and nothing of it keeps this process alive even if it cannot die yet. */
    release() {
        this.child.kill('SIGKILL');
        if (this.child.connected)
            this.child.disconnect();
        this.child.unref();
    }
    get failureReason() {
        return this.ended ?? 'the worker for this share did not answer';
    }
}
exports.ShareExecutor = ShareExecutor;


/***/ }),

/***/ 6505:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Lane = void 0;
exports.shareContext = shareContext;
exports.runLane = runLane;
// One lane of a share worker: plans, then makes, the links of whole directories of one share. It runs in a thread
// of its own (runLane), so that a call stuck in a hung share holds up only this thread; each call is noted in the
// shared slots first, for the worker's main thread to time.
const node_worker_threads_1 = __nccwpck_require__(5919);
const apply_js_1 = __nccwpck_require__(8931);
const fsops_js_1 = __nccwpck_require__(2122);
const plan_js_1 = __nccwpck_require__(2464);
const mounts_js_1 = __nccwpck_require__(2001);
const platform_js_1 = __nccwpck_require__(3728);
const result_js_1 = __nccwpck_require__(1666);
const call_slots_js_1 = __nccwpck_require__(4603);
/**
 * Where the links of a share are planned and made. The share itself is as the action saw it (its details already
 * read); every other path comes from the mount table, since a link is sent here when only its TARGET is on the
 * share, and its PATH's filesystem is what the plan must know.
 */
function shareContext(share, ops) {
    const platform = (0, platform_js_1.platformFor)(share.platform);
    const table = (0, mounts_js_1.createDetector)(platform);
    const { filesystem, settings } = share;
    const detector = {
        forPath: (p) => {
            const info = table.forPath(p);
            return info.mountPoint === filesystem.mountPoint ? filesystem : info;
        }
    };
    return (0, apply_js_1.applyContext)({ settings, realWorkingDirectory: settings.workingDirectory, platform, ops, detector });
}
class Lane {
    data;
    post;
    ctx;
    slots;
    /** The link whose calls are being made: what a timed-out call is reported against. */
    current = { index: -1 };
    plans = new Map();
    constructor(data, post, ops = fsops_js_1.nodeFs) {
        this.data = data;
        this.post = post;
        this.slots = new call_slots_js_1.CallSlots(data.memory, data.epoch);
        this.ctx = shareContext(data.share, (0, call_slots_js_1.timedOps)(ops, this.slots, data.lane, this.current));
    }
    handle(message) {
        if (message.type === 'plan')
            this.plan();
        else
            this.apply(message.wave === 1 ? this.data.wave1 : this.data.wave2);
        this.post({ type: 'done' });
    }
    plan() {
        const links = [...this.data.wave1, ...this.data.wave2];
        this.current.index = links[0]?.index ?? -1;
        try {
            this.ctx.realWorkingDirectory = this.ctx.ops.realpath(this.ctx.realWorkingDirectory);
        }
        catch {
            // a share that errors: each link's own calls say why
        }
        const planning = (0, plan_js_1.planningContext)(this.ctx);
        for (const { index, request } of links) {
            if (this.slots.stopped)
                break;
            this.current.index = index;
            try {
                const plan = (0, plan_js_1.planOrSkip)(request, planning);
                this.plans.set(index, plan);
                this.post({ type: 'planned', index, result: (0, result_js_1.plannedResult)(plan, this.ctx) });
            }
            catch (error) {
                if (!(error instanceof plan_js_1.ConfinementProblem))
                    throw error;
                this.post({ type: 'problem', index, problem: { line: request.line, message: error.message } });
            }
        }
    }
    apply(links) {
        for (const { index } of links) {
            const plan = this.plans.get(index);
            // A plan that already failed touches nothing to report so; the others wait for a share that answers.
            if (!plan || (this.slots.stopped && plan.action !== 'fail'))
                continue;
            this.current.index = index;
            this.post({ type: 'applied', index, result: (0, apply_js_1.applyLink)(plan, this.ctx) });
        }
    }
}
exports.Lane = Lane;
/** The thread's side: a lane fed by the worker's main thread. */
function runLane() {
    const port = node_worker_threads_1.parentPort;
    const lane = new Lane(node_worker_threads_1.workerData, (message) => port.postMessage(message));
    port.on('message', (message) => lane.handle(message));
}


/***/ }),

/***/ 3576:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.laneCount = laneCount;
exports.assignLanes = assignLanes;
// How a share worker divides its links among lanes: whole directories each (the kernel serialises creations within
// one directory, so a directory split across lanes gains nothing), the busiest first onto the least loaded lane.
const platform_js_1 = __nccwpck_require__(3728);
/**
 * sshfs serves about ten requests at once (measured), and every lane is a thread that parses the bundle at start:
 * more lanes than that cost start-up and gain nothing.
 */
const MAX_LANES = 10;
function laneCount(links, platform) {
    const { path } = (0, platform_js_1.platformFor)(platform);
    return Math.max(1, Math.min(MAX_LANES, new Set(links.map((l) => path.dirname(l.request.absPath))).size));
}
/** Wave 1: each lane's directories. Wave 2: links below other links, in spec order, once wave 1 is done. */
function assignLanes(links, count, platform) {
    const { path } = (0, platform_js_1.platformFor)(platform);
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


/***/ }),

/***/ 3749:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Supervisor = exports.threadLane = void 0;
exports.serveShare = serveShare;
exports.runShareWorker = runShareWorker;
// A share worker's main thread: starts the lanes, times their calls, and answers the action with every link's
// result. It never touches the share itself, so it can always answer: a call that outlives `timeout` becomes that
// link's ETIMEDOUT, and the links not yet done are skipped.
const node_worker_threads_1 = __nccwpck_require__(5919);
const errors_js_1 = __nccwpck_require__(3916);
const fsops_js_1 = __nccwpck_require__(2122);
const knowledge_js_1 = __nccwpck_require__(7023);
const result_js_1 = __nccwpck_require__(1666);
const roles_js_1 = __nccwpck_require__(554);
const call_slots_js_1 = __nccwpck_require__(4603);
const lane_js_1 = __nccwpck_require__(6505);
const lanes_js_1 = __nccwpck_require__(3576);
/** A lane in a thread of its own: what the action uses. */
const threadLane = (data) => {
    const worker = new node_worker_threads_1.Worker(new URL(import.meta.url), {
        workerData: data,
        env: (0, roles_js_1.envFor)('lane'),
        stdout: true,
        stderr: true
    });
    return {
        post: (message) => worker.postMessage(message),
        listen: (onMessage, onError) => {
            worker.on('message', onMessage);
            worker.on('error', onError);
        }
    };
};
exports.threadLane = threadLane;
const UNFINISHED = { code: 'ECANCELED', syscall: 'none', attempted: 'get to' };
class Supervisor {
    share;
    links;
    ctx;
    slots;
    lanes;
    byIndex;
    planned = new Map();
    settled = new Map();
    problems = [];
    stopReason;
    wake = () => undefined;
    timer;
    constructor(share, links, startLane = exports.threadLane) {
        this.share = share;
        this.links = links;
        this.ctx = (0, lane_js_1.shareContext)(share, fsops_js_1.nodeFs);
        const count = (0, lanes_js_1.laneCount)(links, share.platform);
        this.slots = new call_slots_js_1.CallSlots(count, Date.now());
        this.byIndex = new Map(links.map((l) => [l.index, l]));
        const { wave1, wave2 } = (0, lanes_js_1.assignLanes)(links, count, share.platform);
        this.lanes = wave1.map((own, lane) => {
            const data = {
                lane,
                share,
                wave1: own,
                wave2: lane === 0 ? wave2 : [],
                memory: this.slots.memory,
                epoch: this.slots.epoch
            };
            return this.follow(startLane(data));
        });
        const watchdog = new call_slots_js_1.Watchdog(this.slots, count, share.settings.timeoutMs);
        this.timer = setInterval(() => watchdog.check().forEach(({ lane, call }) => this.timedOut(lane, call)), 20);
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
        else if (message.type === 'problem')
            this.problems.push(message.problem);
        else {
            const { result } = message;
            (message.type === 'planned' ? this.planned : this.settled).set(message.index, result);
            const failedHere = message.type === 'planned' || result.status === 'failed';
            if (failedHere && (0, knowledge_js_1.isShareGone)(result.code))
                this.stop(failureOf(result));
        }
    }
    timedOut(lane, call) {
        this.lanes[lane].dead = true;
        const { timeoutMs, dryRun } = this.share.settings;
        const failure = {
            code: 'ETIMEDOUT',
            errno: (0, errors_js_1.errnoNumber)('ETIMEDOUT') ?? undefined,
            syscall: call.syscall,
            attempted: `finish ${call.syscall}() within timeout (${timeoutMs / 1000} s) for`
        };
        const link = this.byIndex.get(call.index);
        if (link && !this.settled.has(call.index))
            this.settled.set(call.index, (0, result_js_1.unfinishedResult)(link.request, failure, this.ctx, { dryRun }));
        this.stop(failure);
        this.wake();
    }
    stop(failure) {
        this.stopReason ??= failure;
        this.slots.stop();
    }
    /** Send every live lane of `which` a message and wait until each is done or dead. */
    async phase(message, which = this.lanes) {
        for (const state of which) {
            if (state.dead)
                continue;
            state.busy = true;
            state.port.post(message);
        }
        while (which.some((s) => s.busy && !s.dead))
            await new Promise((resolve) => (this.wake = resolve));
    }
    /** Every link's result: its own, or skipped for the reason the lanes stopped. */
    finish(results) {
        const run = { dryRun: this.share.settings.dryRun, skipped: true };
        return this.links.map(({ index, request }) => [
            index,
            results.get(index) ?? (0, result_js_1.unfinishedResult)(request, this.stopReason ?? UNFINISHED, this.ctx, run)
        ]);
    }
    async plan() {
        await this.phase({ type: 'plan' });
        // A link the watchdog settled while planning keeps that result.
        for (const [index, result] of this.settled)
            this.planned.set(index, result);
        return { type: 'planned', results: this.finish(this.planned), problems: this.problems };
    }
    async apply() {
        await this.phase({ type: 'apply', wave: 1 });
        await this.phase({ type: 'apply', wave: 2 }, this.lanes.slice(0, 1));
        return { type: 'final', results: this.finish(this.settled) };
    }
    end() {
        clearInterval(this.timer);
    }
}
exports.Supervisor = Supervisor;
function failureOf(result) {
    return {
        code: result.code,
        errno: result.errno ?? undefined,
        syscall: result.syscall,
        attempted: 'reach the share for'
    };
}
const processChannel = {
    receive: () => new Promise((resolve) => process.once('message', resolve)),
    send: (message) => new Promise((resolve) => process.send(message, () => resolve()))
};
/** The child process's side: one share, planned, then (unless a dry run) made when the action says so. */
async function serveShare(channel, startLane = exports.threadLane) {
    const start = await channel.receive();
    if (start.type !== 'start')
        return;
    const supervisor = new Supervisor(start.share, start.links, startLane);
    try {
        await channel.send(await supervisor.plan());
        if (start.share.settings.dryRun)
            return;
        await channel.receive();
        await channel.send(await supervisor.apply());
    }
    finally {
        supervisor.end();
    }
}
async function runShareWorker() {
    await serveShare(processChannel);
    // Lanes stuck in the share keep this process alive; the action does not wait for it.
    process.exit(0);
}


/***/ }),

/***/ 6188:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.parseSpec = parseSpec;
exports.resolveEntries = resolveEntries;
// Parse stage: the spec text becomes entries with line numbers, or line-numbered problems. Nothing touches the disk.
const yaml_1 = __nccwpck_require__(8815);
const model_js_1 = __nccwpck_require__(182);
const platform_js_1 = __nccwpck_require__(3728);
/**
 * A spec is YAML/JSON when its first entry opens a list: `- `, `[{` or `[` alone (JSON, even on one line whose
 * strings hold ` -> `), or `[` on a line without ` -> ` (so that `[slug].tsx -> x` stays a line). Otherwise it is
 * `PATH -> TARGET` lines.
 */
function isStructured(text) {
    const first = text.split(/\r?\n/).find((l) => l.trim() !== '' && !l.trim().startsWith('#'));
    if (first === undefined)
        return false;
    return /^\s*(-(\s|$)|\[\s*(\{|$))/.test(first) || (/^\s*\[/.test(first) && !model_js_1.SEPARATOR.test(first));
}
function parseSpec(text, defaults) {
    // Editors on Windows start files with a byte-order mark; YAML misreads one before `- `.
    const spec = text.replace(/^\uFEFF/, '');
    return isStructured(spec) ? parseYaml(spec, defaults) : parseLines(spec, defaults);
}
function checkPathText(value, what, line, problems) {
    if (value === '')
        problems.push({ line, message: `${what} is empty` });
    else if (value.includes('\0'))
        problems.push({ line, message: `${what} contains a NUL byte` });
}
function parseLines(text, defaults) {
    const entries = [];
    const problems = [];
    text.split(/\r?\n/).forEach((raw, index) => {
        const line = index + 1;
        const trimmed = raw.trim();
        if (trimmed === '' || trimmed.startsWith('#'))
            return;
        const parts = trimmed.split(new RegExp(model_js_1.SEPARATOR, 'g'));
        if (parts.length !== 2) {
            const message = parts.length === 1
                ? `expected 'PATH -> TARGET' (with a space on each side of '->'); got '${trimmed}'`
                : `has ${parts.length - 1} ' -> ' separators; a line holds one link 'PATH -> TARGET'`;
            problems.push({ line, message });
            return;
        }
        const [path, target] = parts.map((p) => p.trim());
        const before = problems.length;
        checkPathText(path, 'PATH', line, problems);
        checkPathText(target, 'TARGET', line, problems);
        if (problems.length === before)
            entries.push({ line, path, target, options: { ...defaults } });
    });
    return { entries, problems };
}
const FIELDS = ['path', 'target', 'type', 'fallback', 'relative', 'overwrite', 'target-type'];
function parseYaml(text, defaults) {
    const lineCounter = new yaml_1.LineCounter();
    // failsafe: every scalar is text as written, so `path: 1.10` stays "1.10" and `007` stays "007".
    const doc = (0, yaml_1.parseDocument)(text, { lineCounter, uniqueKeys: true, schema: 'failsafe' });
    const lineOf = (node) => node?.range ? lineCounter.linePos(node.range[0]).line : 1;
    const problems = doc.errors.map((e) => ({
        line: e.linePos?.[0].line ?? 1,
        message: `YAML: ${e.message.split('\n')[0]}`
    }));
    if (problems.length > 0)
        return { entries: [], problems };
    if (!(0, yaml_1.isSeq)(doc.contents))
        return { entries: [], problems: [{ line: 1, message: 'a YAML spec must be a list' }] };
    const entries = [];
    for (const item of doc.contents.items) {
        const line = lineOf(item);
        if (!(0, yaml_1.isMap)(item)) {
            problems.push({ line, message: 'each list item must be an object with path and target' });
            continue;
        }
        const fields = new Map();
        for (const pair of item.items) {
            const key = (0, yaml_1.isScalar)(pair.key) ? String(pair.key.value) : String(pair.key);
            // toJS with the document resolves aliases (`*anchor`), as YAML writers emit for shared lists.
            const value = pair.value?.toJS(doc);
            fields.set(key, { value, line: lineOf(pair.key) });
        }
        const entry = entryFromFields(fields, line, defaults, problems);
        if (entry)
            entries.push(entry);
    }
    return { entries, problems };
}
function entryFromFields(fields, line, defaults, problems) {
    const before = problems.length;
    for (const [key, { line: keyLine }] of fields) {
        if (!FIELDS.includes(key)) {
            problems.push({ line: keyLine, message: `unknown field '${key}'; allowed: ${FIELDS.join(', ')}` });
        }
    }
    /** A path field: missing, not text, empty or with a NUL is a problem on the field's own line. */
    const pathField = (name) => {
        const field = fields.get(name);
        if (field === undefined) {
            problems.push({ line, message: `missing '${name}'` });
            return '';
        }
        if (typeof field.value !== 'string' && typeof field.value !== 'number') {
            problems.push({ line: field.line, message: `'${name}' must be a string` });
            return '';
        }
        const value = String(field.value).trim();
        checkPathText(value, `'${name}'`, field.line, problems);
        return value;
    };
    const choice = (name, allowed, fallback) => {
        const field = fields.get(name);
        if (field === undefined)
            return fallback;
        const value = typeof field.value === 'string' || typeof field.value === 'boolean' ? String(field.value).toLowerCase() : '';
        const match = allowed.find((a) => a === value);
        if (match)
            return match;
        const got = typeof field.value === 'string' ? field.value : JSON.stringify(field.value);
        problems.push({ line: field.line, message: `'${name}' must be one of ${allowed.join(', ')}; got '${got}'` });
        return fallback;
    };
    const options = {
        type: choice('type', model_js_1.LINK_TYPES, defaults.type),
        fallback: defaults.fallback,
        relative: choice('relative', model_js_1.RELATIVE_MODES, defaults.relative),
        overwrite: choice('overwrite', model_js_1.OVERWRITE_MODES, defaults.overwrite),
        targetType: fields.has('target-type') ? choice('target-type', model_js_1.TARGET_TYPES, 'file') : defaults.targetType
    };
    const fallback = fields.get('fallback');
    if (fallback !== undefined) {
        const items = Array.isArray(fallback.value) ? fallback.value : [fallback.value ?? ''];
        if (!items.every((item) => typeof item === 'string')) {
            problems.push({ line: fallback.line, message: "'fallback' must be a list of link kinds or a string" });
        }
        else {
            const parsed = (0, model_js_1.parseKinds)(items.join(','));
            if ('kinds' in parsed)
                options.fallback = parsed.kinds;
            else
                problems.push({ line: fallback.line, message: `'fallback': ${parsed.problem}` });
        }
    }
    const path = pathField('path');
    const target = pathField('target');
    return problems.length === before ? { line, path, target, options } : undefined;
}
/**
 * Resolve PATH and TARGET against the working directory and check what can be checked without the disk:
 * `..` escapes, duplicates, links to themselves.
 */
function resolveEntries(entries, workingDirectory, confine, platform) {
    const { path } = platform;
    const problems = [];
    const firstLineOf = new Map();
    const requests = [];
    for (const entry of entries) {
        const absPath = path.resolve(workingDirectory, entry.path);
        const absTarget = path.resolve(workingDirectory, entry.target);
        const pathWasRelative = !path.isAbsolute(entry.path);
        const key = (0, platform_js_1.pathKey)(platform, absPath);
        const earlier = firstLineOf.get(key);
        if (confine && pathWasRelative && !(0, platform_js_1.isWithin)(platform, workingDirectory, absPath)) {
            problems.push({
                line: entry.line,
                message: `PATH '${entry.path}' leads outside working-directory '${workingDirectory}' (confine: true)`
            });
        }
        else if (earlier !== undefined) {
            problems.push({ line: entry.line, message: `PATH '${entry.path}' is already the PATH on line ${earlier}` });
        }
        else if (key === (0, platform_js_1.pathKey)(platform, absTarget)) {
            problems.push({ line: entry.line, message: `PATH '${entry.path}' points at itself` });
        }
        if (earlier === undefined)
            firstLineOf.set(key, entry.line);
        requests.push({
            ...entry,
            absPath,
            absTarget,
            pathWasRelative,
            targetWasRelative: !path.isAbsolute(entry.target),
            dependsOnEarlier: false
        });
    }
    markDependents(requests, firstLineOf, platform);
    return { requests, problems };
}
/** A link whose PATH or TARGET lies below another entry's PATH sees that link, so it must wait for it. */
function markDependents(requests, linkPaths, platform) {
    const { path } = platform;
    // Thousands of links share a few directories: answer each directory once.
    const known = new Map();
    const underALink = (start) => {
        let answer = known.get(start);
        if (answer === undefined) {
            const parent = path.dirname(start);
            answer = linkPaths.has((0, platform_js_1.pathKey)(platform, start)) || (parent !== start && underALink(parent));
            known.set(start, answer);
        }
        return answer;
    };
    for (const request of requests) {
        // A TARGET that is another entry's PATH counts too: it exists only once that link is made.
        request.dependsOnEarlier = underALink(path.dirname(request.absPath)) || underALink(request.absTarget);
    }
}


/***/ }),

/***/ 181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 1421:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 3024:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 8161:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");

/***/ }),

/***/ 6760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 3136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

/***/ }),

/***/ 5919:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");

/***/ }),

/***/ 932:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("process");

/***/ }),

/***/ 7349:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);
var YAMLMap = __nccwpck_require__(4454);
var YAMLSeq = __nccwpck_require__(2223);
var resolveBlockMap = __nccwpck_require__(7103);
var resolveBlockSeq = __nccwpck_require__(334);
var resolveFlowCollection = __nccwpck_require__(3142);

function resolveCollection(CN, ctx, token, onError, tagName, tag) {
    const coll = token.type === 'block-map'
        ? resolveBlockMap.resolveBlockMap(CN, ctx, token, onError, tag)
        : token.type === 'block-seq'
            ? resolveBlockSeq.resolveBlockSeq(CN, ctx, token, onError, tag)
            : resolveFlowCollection.resolveFlowCollection(CN, ctx, token, onError, tag);
    const Coll = coll.constructor;
    // If we got a tagName matching the class, or the tag name is '!',
    // then use the tagName from the node class used to create it.
    if (tagName === '!' || tagName === Coll.tagName) {
        coll.tag = Coll.tagName;
        return coll;
    }
    if (tagName)
        coll.tag = tagName;
    return coll;
}
function composeCollection(CN, ctx, token, props, onError) {
    const tagToken = props.tag;
    const tagName = !tagToken
        ? null
        : ctx.directives.tagName(tagToken.source, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg));
    if (token.type === 'block-seq') {
        const { anchor, newlineAfterProp: nl } = props;
        const lastProp = anchor && tagToken
            ? anchor.offset > tagToken.offset
                ? anchor
                : tagToken
            : (anchor ?? tagToken);
        if (lastProp && (!nl || nl.offset < lastProp.offset)) {
            const message = 'Missing newline after block sequence props';
            onError(lastProp, 'MISSING_CHAR', message);
        }
    }
    const expType = token.type === 'block-map'
        ? 'map'
        : token.type === 'block-seq'
            ? 'seq'
            : token.start.source === '{'
                ? 'map'
                : 'seq';
    // shortcut: check if it's a generic YAMLMap or YAMLSeq
    // before jumping into the custom tag logic.
    if (!tagToken ||
        !tagName ||
        tagName === '!' ||
        (tagName === YAMLMap.YAMLMap.tagName && expType === 'map') ||
        (tagName === YAMLSeq.YAMLSeq.tagName && expType === 'seq')) {
        return resolveCollection(CN, ctx, token, onError, tagName);
    }
    let tag = ctx.schema.tags.find(t => t.tag === tagName && t.collection === expType);
    if (!tag) {
        const kt = ctx.schema.knownTags[tagName];
        if (kt?.collection === expType) {
            ctx.schema.tags.push(Object.assign({}, kt, { default: false }));
            tag = kt;
        }
        else {
            if (kt) {
                onError(tagToken, 'BAD_COLLECTION_TYPE', `${kt.tag} used for ${expType} collection, but expects ${kt.collection ?? 'scalar'}`, true);
            }
            else {
                onError(tagToken, 'TAG_RESOLVE_FAILED', `Unresolved tag: ${tagName}`, true);
            }
            return resolveCollection(CN, ctx, token, onError, tagName);
        }
    }
    const coll = resolveCollection(CN, ctx, token, onError, tagName, tag);
    const res = tag.resolve?.(coll, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg), ctx.options) ?? coll;
    const node = identity.isNode(res)
        ? res
        : new Scalar.Scalar(res);
    node.range = coll.range;
    node.tag = tagName;
    if (tag?.format)
        node.format = tag.format;
    return node;
}

exports.composeCollection = composeCollection;


/***/ }),

/***/ 3683:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Document = __nccwpck_require__(3021);
var composeNode = __nccwpck_require__(5937);
var resolveEnd = __nccwpck_require__(7788);
var resolveProps = __nccwpck_require__(4631);

function composeDoc(options, directives, { offset, start, value, end }, onError) {
    const opts = Object.assign({ _directives: directives }, options);
    const doc = new Document.Document(undefined, opts);
    const ctx = {
        atKey: false,
        atRoot: true,
        directives: doc.directives,
        options: doc.options,
        schema: doc.schema
    };
    const props = resolveProps.resolveProps(start, {
        indicator: 'doc-start',
        next: value ?? end?.[0],
        offset,
        onError,
        parentIndent: 0,
        startOnNewline: true
    });
    if (props.found) {
        doc.directives.docStart = true;
        if (value &&
            (value.type === 'block-map' || value.type === 'block-seq') &&
            !props.hasNewline)
            onError(props.end, 'MISSING_CHAR', 'Block collection cannot start on same line with directives-end marker');
    }
    // @ts-expect-error If Contents is set, let's trust the user
    doc.contents = value
        ? composeNode.composeNode(ctx, value, props, onError)
        : composeNode.composeEmptyNode(ctx, props.end, start, null, props, onError);
    const contentEnd = doc.contents.range[2];
    const re = resolveEnd.resolveEnd(end, contentEnd, false, onError);
    if (re.comment)
        doc.comment = re.comment;
    doc.range = [offset, contentEnd, re.offset];
    return doc;
}

exports.composeDoc = composeDoc;


/***/ }),

/***/ 5937:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Alias = __nccwpck_require__(4065);
var identity = __nccwpck_require__(1127);
var composeCollection = __nccwpck_require__(7349);
var composeScalar = __nccwpck_require__(5413);
var resolveEnd = __nccwpck_require__(7788);
var utilEmptyScalarPosition = __nccwpck_require__(2599);

const CN = { composeNode, composeEmptyNode };
function composeNode(ctx, token, props, onError) {
    const atKey = ctx.atKey;
    const { spaceBefore, comment, anchor, tag } = props;
    let node;
    let isSrcToken = true;
    switch (token.type) {
        case 'alias':
            node = composeAlias(ctx, token, onError);
            if (anchor || tag)
                onError(token, 'ALIAS_PROPS', 'An alias node must not specify any properties');
            break;
        case 'scalar':
        case 'single-quoted-scalar':
        case 'double-quoted-scalar':
        case 'block-scalar':
            node = composeScalar.composeScalar(ctx, token, tag, onError);
            if (anchor)
                node.anchor = anchor.source.substring(1);
            break;
        case 'block-map':
        case 'block-seq':
        case 'flow-collection':
            try {
                node = composeCollection.composeCollection(CN, ctx, token, props, onError);
                if (anchor)
                    node.anchor = anchor.source.substring(1);
            }
            catch (error) {
                // Almost certainly here due to a stack overflow
                const message = error instanceof Error ? error.message : String(error);
                onError(token, 'RESOURCE_EXHAUSTION', message);
            }
            break;
        default: {
            const message = token.type === 'error'
                ? token.message
                : `Unsupported token (type: ${token.type})`;
            onError(token, 'UNEXPECTED_TOKEN', message);
            isSrcToken = false;
        }
    }
    node ?? (node = composeEmptyNode(ctx, token.offset, undefined, null, props, onError));
    if (anchor && node.anchor === '')
        onError(anchor, 'BAD_ALIAS', 'Anchor cannot be an empty string');
    if (atKey &&
        ctx.options.stringKeys &&
        (!identity.isScalar(node) ||
            typeof node.value !== 'string' ||
            (node.tag && node.tag !== 'tag:yaml.org,2002:str'))) {
        const msg = 'With stringKeys, all keys must be strings';
        onError(tag ?? token, 'NON_STRING_KEY', msg);
    }
    if (spaceBefore)
        node.spaceBefore = true;
    if (comment) {
        if (token.type === 'scalar' && token.source === '')
            node.comment = comment;
        else
            node.commentBefore = comment;
    }
    // @ts-expect-error Type checking misses meaning of isSrcToken
    if (ctx.options.keepSourceTokens && isSrcToken)
        node.srcToken = token;
    return node;
}
function composeEmptyNode(ctx, offset, before, pos, { spaceBefore, comment, anchor, tag, end }, onError) {
    const token = {
        type: 'scalar',
        offset: utilEmptyScalarPosition.emptyScalarPosition(offset, before, pos),
        indent: -1,
        source: ''
    };
    const node = composeScalar.composeScalar(ctx, token, tag, onError);
    if (anchor) {
        node.anchor = anchor.source.substring(1);
        if (node.anchor === '')
            onError(anchor, 'BAD_ALIAS', 'Anchor cannot be an empty string');
    }
    if (spaceBefore)
        node.spaceBefore = true;
    if (comment) {
        node.comment = comment;
        node.range[2] = end;
    }
    return node;
}
function composeAlias({ options }, { offset, source, end }, onError) {
    const alias = new Alias.Alias(source.substring(1));
    if (alias.source === '')
        onError(offset, 'BAD_ALIAS', 'Alias cannot be an empty string');
    if (alias.source.endsWith(':'))
        onError(offset + source.length - 1, 'BAD_ALIAS', 'Alias ending in : is ambiguous', true);
    const valueEnd = offset + source.length;
    const re = resolveEnd.resolveEnd(end, valueEnd, options.strict, onError);
    alias.range = [offset, valueEnd, re.offset];
    if (re.comment)
        alias.comment = re.comment;
    return alias;
}

exports.composeEmptyNode = composeEmptyNode;
exports.composeNode = composeNode;


/***/ }),

/***/ 5413:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);
var resolveBlockScalar = __nccwpck_require__(8913);
var resolveFlowScalar = __nccwpck_require__(6842);

function composeScalar(ctx, token, tagToken, onError) {
    const { value, type, comment, range } = token.type === 'block-scalar'
        ? resolveBlockScalar.resolveBlockScalar(ctx, token, onError)
        : resolveFlowScalar.resolveFlowScalar(token, ctx.options.strict, onError);
    const tagName = tagToken
        ? ctx.directives.tagName(tagToken.source, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg))
        : null;
    let tag;
    if (ctx.options.stringKeys && ctx.atKey) {
        tag = ctx.schema[identity.SCALAR];
    }
    else if (tagName)
        tag = findScalarTagByName(ctx.schema, value, tagName, tagToken, onError);
    else if (token.type === 'scalar')
        tag = findScalarTagByTest(ctx, value, token, onError);
    else
        tag = ctx.schema[identity.SCALAR];
    let scalar;
    try {
        const res = tag.resolve(value, msg => onError(tagToken ?? token, 'TAG_RESOLVE_FAILED', msg), ctx.options);
        scalar = identity.isScalar(res) ? res : new Scalar.Scalar(res);
    }
    catch (error) {
        const msg = error instanceof Error ? error.message : String(error);
        onError(tagToken ?? token, 'TAG_RESOLVE_FAILED', msg);
        scalar = new Scalar.Scalar(value);
    }
    scalar.range = range;
    scalar.source = value;
    if (type)
        scalar.type = type;
    if (tagName)
        scalar.tag = tagName;
    if (tag.format)
        scalar.format = tag.format;
    if (comment)
        scalar.comment = comment;
    return scalar;
}
function findScalarTagByName(schema, value, tagName, tagToken, onError) {
    if (tagName === '!')
        return schema[identity.SCALAR]; // non-specific tag
    const matchWithTest = [];
    for (const tag of schema.tags) {
        if (!tag.collection && tag.tag === tagName) {
            if (tag.default && tag.test)
                matchWithTest.push(tag);
            else
                return tag;
        }
    }
    for (const tag of matchWithTest)
        if (tag.test?.test(value))
            return tag;
    const kt = schema.knownTags[tagName];
    if (kt && !kt.collection) {
        // Ensure that the known tag is available for stringifying,
        // but does not get used by default.
        schema.tags.push(Object.assign({}, kt, { default: false, test: undefined }));
        return kt;
    }
    onError(tagToken, 'TAG_RESOLVE_FAILED', `Unresolved tag: ${tagName}`, tagName !== 'tag:yaml.org,2002:str');
    return schema[identity.SCALAR];
}
function findScalarTagByTest({ atKey, directives, schema }, value, token, onError) {
    const tag = schema.tags.find(tag => (tag.default === true || (atKey && tag.default === 'key')) &&
        tag.test?.test(value)) || schema[identity.SCALAR];
    if (schema.compat) {
        const compat = schema.compat.find(tag => tag.default && tag.test?.test(value)) ??
            schema[identity.SCALAR];
        if (tag.tag !== compat.tag) {
            const ts = directives.tagString(tag.tag);
            const cs = directives.tagString(compat.tag);
            const msg = `Value may be parsed as either ${ts} or ${cs}`;
            onError(token, 'TAG_RESOLVE_FAILED', msg, true);
        }
    }
    return tag;
}

exports.composeScalar = composeScalar;


/***/ }),

/***/ 9984:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_process = __nccwpck_require__(932);
var directives = __nccwpck_require__(1342);
var Document = __nccwpck_require__(3021);
var errors = __nccwpck_require__(1464);
var identity = __nccwpck_require__(1127);
var composeDoc = __nccwpck_require__(3683);
var resolveEnd = __nccwpck_require__(7788);

function getErrorPos(src) {
    if (typeof src === 'number')
        return [src, src + 1];
    if (Array.isArray(src))
        return src.length === 2 ? src : [src[0], src[1]];
    const { offset, source } = src;
    return [offset, offset + (typeof source === 'string' ? source.length : 1)];
}
function parsePrelude(prelude) {
    let comment = '';
    let atComment = false;
    let afterEmptyLine = false;
    for (let i = 0; i < prelude.length; ++i) {
        const source = prelude[i];
        switch (source[0]) {
            case '#':
                comment +=
                    (comment === '' ? '' : afterEmptyLine ? '\n\n' : '\n') +
                        (source.substring(1) || ' ');
                atComment = true;
                afterEmptyLine = false;
                break;
            case '%':
                if (prelude[i + 1]?.[0] !== '#')
                    i += 1;
                atComment = false;
                break;
            default:
                // This may be wrong after doc-end, but in that case it doesn't matter
                if (!atComment)
                    afterEmptyLine = true;
                atComment = false;
        }
    }
    return { comment, afterEmptyLine };
}
/**
 * Compose a stream of CST nodes into a stream of YAML Documents.
 *
 * ```ts
 * import { Composer, Parser } from 'yaml'
 *
 * const src: string = ...
 * const tokens = new Parser().parse(src)
 * const docs = new Composer().compose(tokens)
 * ```
 */
class Composer {
    constructor(options = {}) {
        this.doc = null;
        this.atDirectives = false;
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
        this.onError = (source, code, message, warning) => {
            const pos = getErrorPos(source);
            if (warning)
                this.warnings.push(new errors.YAMLWarning(pos, code, message));
            else
                this.errors.push(new errors.YAMLParseError(pos, code, message));
        };
        // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
        this.directives = new directives.Directives({ version: options.version || '1.2' });
        this.options = options;
    }
    decorate(doc, afterDoc) {
        const { comment, afterEmptyLine } = parsePrelude(this.prelude);
        //console.log({ dc: doc.comment, prelude, comment })
        if (comment) {
            const dc = doc.contents;
            if (afterDoc) {
                doc.comment = doc.comment ? `${doc.comment}\n${comment}` : comment;
            }
            else if (afterEmptyLine || doc.directives.docStart || !dc) {
                doc.commentBefore = comment;
            }
            else if (identity.isCollection(dc) && !dc.flow && dc.items.length > 0) {
                let it = dc.items[0];
                if (identity.isPair(it))
                    it = it.key;
                const cb = it.commentBefore;
                it.commentBefore = cb ? `${comment}\n${cb}` : comment;
            }
            else {
                const cb = dc.commentBefore;
                dc.commentBefore = cb ? `${comment}\n${cb}` : comment;
            }
        }
        if (afterDoc) {
            for (let i = 0; i < this.errors.length; ++i)
                doc.errors.push(this.errors[i]);
            for (let i = 0; i < this.warnings.length; ++i)
                doc.warnings.push(this.warnings[i]);
        }
        else {
            doc.errors = this.errors;
            doc.warnings = this.warnings;
        }
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
    }
    /**
     * Current stream status information.
     *
     * Mostly useful at the end of input for an empty stream.
     */
    streamInfo() {
        return {
            comment: parsePrelude(this.prelude).comment,
            directives: this.directives,
            errors: this.errors,
            warnings: this.warnings
        };
    }
    /**
     * Compose tokens into documents.
     *
     * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
     * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
     */
    *compose(tokens, forceDoc = false, endOffset = -1) {
        for (const token of tokens)
            yield* this.next(token);
        yield* this.end(forceDoc, endOffset);
    }
    /** Advance the composer by one CST token. */
    *next(token) {
        if (node_process.env.LOG_STREAM)
            console.dir(token, { depth: null });
        switch (token.type) {
            case 'directive':
                this.directives.add(token.source, (offset, message, warning) => {
                    const pos = getErrorPos(token);
                    pos[0] += offset;
                    this.onError(pos, 'BAD_DIRECTIVE', message, warning);
                });
                this.prelude.push(token.source);
                this.atDirectives = true;
                break;
            case 'document': {
                const doc = composeDoc.composeDoc(this.options, this.directives, token, this.onError);
                if (this.atDirectives && !doc.directives.docStart)
                    this.onError(token, 'MISSING_CHAR', 'Missing directives-end/doc-start indicator line');
                this.decorate(doc, false);
                if (this.doc)
                    yield this.doc;
                this.doc = doc;
                this.atDirectives = false;
                break;
            }
            case 'byte-order-mark':
            case 'space':
                break;
            case 'comment':
            case 'newline':
                this.prelude.push(token.source);
                break;
            case 'error': {
                const msg = token.source
                    ? `${token.message}: ${JSON.stringify(token.source)}`
                    : token.message;
                const error = new errors.YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', msg);
                if (this.atDirectives || !this.doc)
                    this.errors.push(error);
                else
                    this.doc.errors.push(error);
                break;
            }
            case 'doc-end': {
                if (!this.doc) {
                    const msg = 'Unexpected doc-end without preceding document';
                    this.errors.push(new errors.YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', msg));
                    break;
                }
                this.doc.directives.docEnd = true;
                const end = resolveEnd.resolveEnd(token.end, token.offset + token.source.length, this.doc.options.strict, this.onError);
                this.decorate(this.doc, true);
                if (end.comment) {
                    const dc = this.doc.comment;
                    this.doc.comment = dc ? `${dc}\n${end.comment}` : end.comment;
                }
                this.doc.range[2] = end.offset;
                break;
            }
            default:
                this.errors.push(new errors.YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', `Unsupported token ${token.type}`));
        }
    }
    /**
     * Call at end of input to yield any remaining document.
     *
     * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
     * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
     */
    *end(forceDoc = false, endOffset = -1) {
        if (this.doc) {
            this.decorate(this.doc, true);
            yield this.doc;
            this.doc = null;
        }
        else if (forceDoc) {
            const opts = Object.assign({ _directives: this.directives }, this.options);
            const doc = new Document.Document(undefined, opts);
            if (this.atDirectives)
                this.onError(endOffset, 'MISSING_CHAR', 'Missing directives-end indicator line');
            doc.range = [0, endOffset, endOffset];
            this.decorate(doc, false);
            yield doc;
        }
    }
}

exports.Composer = Composer;


/***/ }),

/***/ 7103:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Pair = __nccwpck_require__(7165);
var YAMLMap = __nccwpck_require__(4454);
var resolveProps = __nccwpck_require__(4631);
var utilContainsNewline = __nccwpck_require__(9499);
var utilFlowIndentCheck = __nccwpck_require__(4051);
var utilMapIncludes = __nccwpck_require__(1187);

const startColMsg = 'All mapping items must start at the same column';
function resolveBlockMap({ composeNode, composeEmptyNode }, ctx, bm, onError, tag) {
    const NodeClass = tag?.nodeClass ?? YAMLMap.YAMLMap;
    const map = new NodeClass(ctx.schema);
    if (ctx.atRoot)
        ctx.atRoot = false;
    let offset = bm.offset;
    let commentEnd = null;
    for (const collItem of bm.items) {
        const { start, key, sep, value } = collItem;
        // key properties
        const keyProps = resolveProps.resolveProps(start, {
            indicator: 'explicit-key-ind',
            next: key ?? sep?.[0],
            offset,
            onError,
            parentIndent: bm.indent,
            startOnNewline: true
        });
        const implicitKey = !keyProps.found;
        if (implicitKey) {
            if (key) {
                if (key.type === 'block-seq')
                    onError(offset, 'BLOCK_AS_IMPLICIT_KEY', 'A block sequence may not be used as an implicit map key');
                else if ('indent' in key && key.indent !== bm.indent)
                    onError(offset, 'BAD_INDENT', startColMsg);
            }
            if (!keyProps.anchor && !keyProps.tag && !sep) {
                commentEnd = keyProps.end;
                if (keyProps.comment) {
                    if (map.comment)
                        map.comment += '\n' + keyProps.comment;
                    else
                        map.comment = keyProps.comment;
                }
                continue;
            }
            if (keyProps.newlineAfterProp || utilContainsNewline.containsNewline(key)) {
                onError(key ?? start[start.length - 1], 'MULTILINE_IMPLICIT_KEY', 'Implicit keys need to be on a single line');
            }
        }
        else if (keyProps.found?.indent !== bm.indent) {
            onError(offset, 'BAD_INDENT', startColMsg);
        }
        // key value
        ctx.atKey = true;
        const keyStart = keyProps.end;
        const keyNode = key
            ? composeNode(ctx, key, keyProps, onError)
            : composeEmptyNode(ctx, keyStart, start, null, keyProps, onError);
        if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bm.indent, key, onError);
        ctx.atKey = false;
        if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
            onError(keyStart, 'DUPLICATE_KEY', 'Map keys must be unique');
        // value properties
        const valueProps = resolveProps.resolveProps(sep ?? [], {
            indicator: 'map-value-ind',
            next: value,
            offset: keyNode.range[2],
            onError,
            parentIndent: bm.indent,
            startOnNewline: !key || key.type === 'block-scalar'
        });
        offset = valueProps.end;
        if (valueProps.found) {
            if (implicitKey) {
                if (value?.type === 'block-map' && !valueProps.hasNewline)
                    onError(offset, 'BLOCK_AS_IMPLICIT_KEY', 'Nested mappings are not allowed in compact mappings');
                if (ctx.options.strict &&
                    keyProps.start < valueProps.found.offset - 1024)
                    onError(keyNode.range, 'KEY_OVER_1024_CHARS', 'The : indicator must be at most 1024 chars after the start of an implicit block mapping key');
            }
            // value value
            const valueNode = value
                ? composeNode(ctx, value, valueProps, onError)
                : composeEmptyNode(ctx, offset, sep, null, valueProps, onError);
            if (ctx.schema.compat)
                utilFlowIndentCheck.flowIndentCheck(bm.indent, value, onError);
            offset = valueNode.range[2];
            const pair = new Pair.Pair(keyNode, valueNode);
            if (ctx.options.keepSourceTokens)
                pair.srcToken = collItem;
            map.items.push(pair);
        }
        else {
            // key with no value
            if (implicitKey)
                onError(keyNode.range, 'MISSING_CHAR', 'Implicit map keys need to be followed by map values');
            if (valueProps.comment) {
                if (keyNode.comment)
                    keyNode.comment += '\n' + valueProps.comment;
                else
                    keyNode.comment = valueProps.comment;
            }
            const pair = new Pair.Pair(keyNode);
            if (ctx.options.keepSourceTokens)
                pair.srcToken = collItem;
            map.items.push(pair);
        }
    }
    if (commentEnd && commentEnd < offset)
        onError(commentEnd, 'IMPOSSIBLE', 'Map comment with trailing content');
    map.range = [bm.offset, offset, commentEnd ?? offset];
    return map;
}

exports.resolveBlockMap = resolveBlockMap;


/***/ }),

/***/ 8913:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);

function resolveBlockScalar(ctx, scalar, onError) {
    const start = scalar.offset;
    const header = parseBlockScalarHeader(scalar, ctx.options.strict, onError);
    if (!header)
        return { value: '', type: null, comment: '', range: [start, start, start] };
    const type = header.mode === '>' ? Scalar.Scalar.BLOCK_FOLDED : Scalar.Scalar.BLOCK_LITERAL;
    const lines = scalar.source ? splitLines(scalar.source) : [];
    // determine the end of content & start of chomping
    let chompStart = lines.length;
    for (let i = lines.length - 1; i >= 0; --i) {
        const content = lines[i][1];
        if (content === '' || content === '\r')
            chompStart = i;
        else
            break;
    }
    // shortcut for empty contents
    if (chompStart === 0) {
        const value = header.chomp === '+' && lines.length > 0
            ? '\n'.repeat(Math.max(1, lines.length - 1))
            : '';
        let end = start + header.length;
        if (scalar.source)
            end += scalar.source.length;
        return { value, type, comment: header.comment, range: [start, end, end] };
    }
    // find the indentation level to trim from start
    let trimIndent = scalar.indent + header.indent;
    let offset = scalar.offset + header.length;
    let contentStart = 0;
    for (let i = 0; i < chompStart; ++i) {
        const [indent, content] = lines[i];
        if (content === '' || content === '\r') {
            if (header.indent === 0 && indent.length > trimIndent)
                trimIndent = indent.length;
        }
        else {
            if (indent.length < trimIndent) {
                const message = 'Block scalars with more-indented leading empty lines must use an explicit indentation indicator';
                onError(offset + indent.length, 'MISSING_CHAR', message);
            }
            if (header.indent === 0)
                trimIndent = indent.length;
            contentStart = i;
            if (trimIndent === 0 && !ctx.atRoot) {
                const message = 'Block scalar values in collections must be indented';
                onError(offset, 'BAD_INDENT', message);
            }
            break;
        }
        offset += indent.length + content.length + 1;
    }
    // include trailing more-indented empty lines in content
    for (let i = lines.length - 1; i >= chompStart; --i) {
        if (lines[i][0].length > trimIndent)
            chompStart = i + 1;
    }
    let value = '';
    let sep = '';
    let prevMoreIndented = false;
    // leading whitespace is kept intact
    for (let i = 0; i < contentStart; ++i)
        value += lines[i][0].slice(trimIndent) + '\n';
    for (let i = contentStart; i < chompStart; ++i) {
        let [indent, content] = lines[i];
        offset += indent.length + content.length + 1;
        const crlf = content[content.length - 1] === '\r';
        if (crlf)
            content = content.slice(0, -1);
        /* istanbul ignore if already caught in lexer */
        if (content && indent.length < trimIndent) {
            const src = header.indent
                ? 'explicit indentation indicator'
                : 'first line';
            const message = `Block scalar lines must not be less indented than their ${src}`;
            onError(offset - content.length - (crlf ? 2 : 1), 'BAD_INDENT', message);
            indent = '';
        }
        if (type === Scalar.Scalar.BLOCK_LITERAL) {
            value += sep + indent.slice(trimIndent) + content;
            sep = '\n';
        }
        else if (indent.length > trimIndent || content[0] === '\t') {
            // more-indented content within a folded block
            if (sep === ' ')
                sep = '\n';
            else if (!prevMoreIndented && sep === '\n')
                sep = '\n\n';
            value += sep + indent.slice(trimIndent) + content;
            sep = '\n';
            prevMoreIndented = true;
        }
        else if (content === '') {
            // empty line
            if (sep === '\n')
                value += '\n';
            else
                sep = '\n';
        }
        else {
            value += sep + content;
            sep = ' ';
            prevMoreIndented = false;
        }
    }
    switch (header.chomp) {
        case '-':
            break;
        case '+':
            for (let i = chompStart; i < lines.length; ++i)
                value += '\n' + lines[i][0].slice(trimIndent);
            if (value[value.length - 1] !== '\n')
                value += '\n';
            break;
        default:
            value += '\n';
    }
    const end = start + header.length + scalar.source.length;
    return { value, type, comment: header.comment, range: [start, end, end] };
}
function parseBlockScalarHeader({ offset, props }, strict, onError) {
    /* istanbul ignore if should not happen */
    if (props[0].type !== 'block-scalar-header') {
        onError(props[0], 'IMPOSSIBLE', 'Block scalar header not found');
        return null;
    }
    const { source } = props[0];
    const mode = source[0];
    let indent = 0;
    let chomp = '';
    let error = -1;
    for (let i = 1; i < source.length; ++i) {
        const ch = source[i];
        if (!chomp && (ch === '-' || ch === '+'))
            chomp = ch;
        else {
            const n = Number(ch);
            if (!indent && n)
                indent = n;
            else if (error === -1)
                error = offset + i;
        }
    }
    if (error !== -1)
        onError(error, 'UNEXPECTED_TOKEN', `Block scalar header includes extra characters: ${source}`);
    let hasSpace = false;
    let comment = '';
    let length = source.length;
    for (let i = 1; i < props.length; ++i) {
        const token = props[i];
        switch (token.type) {
            case 'space':
                hasSpace = true;
            // fallthrough
            case 'newline':
                length += token.source.length;
                break;
            case 'comment':
                if (strict && !hasSpace) {
                    const message = 'Comments must be separated from other tokens by white space characters';
                    onError(token, 'MISSING_CHAR', message);
                }
                length += token.source.length;
                comment = token.source.substring(1);
                break;
            case 'error':
                onError(token, 'UNEXPECTED_TOKEN', token.message);
                length += token.source.length;
                break;
            /* istanbul ignore next should not happen */
            default: {
                const message = `Unexpected token in block scalar header: ${token.type}`;
                onError(token, 'UNEXPECTED_TOKEN', message);
                const ts = token.source;
                if (ts && typeof ts === 'string')
                    length += ts.length;
            }
        }
    }
    return { mode, indent, chomp, comment, length };
}
/** @returns Array of lines split up as `[indent, content]` */
function splitLines(source) {
    const split = source.split(/\n( *)/);
    const first = split[0];
    const m = first.match(/^( *)/);
    const line0 = m?.[1]
        ? [m[1], first.slice(m[1].length)]
        : ['', first];
    const lines = [line0];
    for (let i = 1; i < split.length; i += 2)
        lines.push([split[i], split[i + 1]]);
    return lines;
}

exports.resolveBlockScalar = resolveBlockScalar;


/***/ }),

/***/ 334:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var YAMLSeq = __nccwpck_require__(2223);
var resolveProps = __nccwpck_require__(4631);
var utilFlowIndentCheck = __nccwpck_require__(4051);

function resolveBlockSeq({ composeNode, composeEmptyNode }, ctx, bs, onError, tag) {
    const NodeClass = tag?.nodeClass ?? YAMLSeq.YAMLSeq;
    const seq = new NodeClass(ctx.schema);
    if (ctx.atRoot)
        ctx.atRoot = false;
    if (ctx.atKey)
        ctx.atKey = false;
    let offset = bs.offset;
    let commentEnd = null;
    for (const { start, value } of bs.items) {
        const props = resolveProps.resolveProps(start, {
            indicator: 'seq-item-ind',
            next: value,
            offset,
            onError,
            parentIndent: bs.indent,
            startOnNewline: true
        });
        if (!props.found) {
            if (props.anchor || props.tag || value) {
                if (value?.type === 'block-seq')
                    onError(props.end, 'BAD_INDENT', 'All sequence items must start at the same column');
                else
                    onError(offset, 'MISSING_CHAR', 'Sequence item without - indicator');
            }
            else {
                commentEnd = props.end;
                if (props.comment)
                    seq.comment = props.comment;
                continue;
            }
        }
        const node = value
            ? composeNode(ctx, value, props, onError)
            : composeEmptyNode(ctx, props.end, start, null, props, onError);
        if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bs.indent, value, onError);
        offset = node.range[2];
        seq.items.push(node);
    }
    seq.range = [bs.offset, offset, commentEnd ?? offset];
    return seq;
}

exports.resolveBlockSeq = resolveBlockSeq;


/***/ }),

/***/ 7788:
/***/ ((__unused_webpack_module, exports) => {



function resolveEnd(end, offset, reqSpace, onError) {
    let comment = '';
    if (end) {
        let hasSpace = false;
        let sep = '';
        for (const token of end) {
            const { source, type } = token;
            switch (type) {
                case 'space':
                    hasSpace = true;
                    break;
                case 'comment': {
                    if (reqSpace && !hasSpace)
                        onError(token, 'MISSING_CHAR', 'Comments must be separated from other tokens by white space characters');
                    const cb = source.substring(1) || ' ';
                    if (!comment)
                        comment = cb;
                    else
                        comment += sep + cb;
                    sep = '';
                    break;
                }
                case 'newline':
                    if (comment)
                        sep += source;
                    hasSpace = true;
                    break;
                default:
                    onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${type} at node end`);
            }
            offset += source.length;
        }
    }
    return { comment, offset };
}

exports.resolveEnd = resolveEnd;


/***/ }),

/***/ 3142:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var YAMLMap = __nccwpck_require__(4454);
var YAMLSeq = __nccwpck_require__(2223);
var resolveEnd = __nccwpck_require__(7788);
var resolveProps = __nccwpck_require__(4631);
var utilContainsNewline = __nccwpck_require__(9499);
var utilMapIncludes = __nccwpck_require__(1187);

const blockMsg = 'Block collections are not allowed within flow collections';
const isBlock = (token) => token && (token.type === 'block-map' || token.type === 'block-seq');
function resolveFlowCollection({ composeNode, composeEmptyNode }, ctx, fc, onError, tag) {
    const isMap = fc.start.source === '{';
    const fcName = isMap ? 'flow map' : 'flow sequence';
    const NodeClass = (tag?.nodeClass ?? (isMap ? YAMLMap.YAMLMap : YAMLSeq.YAMLSeq));
    const coll = new NodeClass(ctx.schema);
    coll.flow = true;
    const atRoot = ctx.atRoot;
    if (atRoot)
        ctx.atRoot = false;
    if (ctx.atKey)
        ctx.atKey = false;
    let offset = fc.offset + fc.start.source.length;
    for (let i = 0; i < fc.items.length; ++i) {
        const collItem = fc.items[i];
        const { start, key, sep, value } = collItem;
        const props = resolveProps.resolveProps(start, {
            flow: fcName,
            indicator: 'explicit-key-ind',
            next: key ?? sep?.[0],
            offset,
            onError,
            parentIndent: fc.indent,
            startOnNewline: false
        });
        if (!props.found) {
            if (!props.anchor && !props.tag && !sep && !value) {
                if (i === 0 && props.comma)
                    onError(props.comma, 'UNEXPECTED_TOKEN', `Unexpected , in ${fcName}`);
                else if (i < fc.items.length - 1)
                    onError(props.start, 'UNEXPECTED_TOKEN', `Unexpected empty item in ${fcName}`);
                if (props.comment) {
                    if (coll.comment)
                        coll.comment += '\n' + props.comment;
                    else
                        coll.comment = props.comment;
                }
                offset = props.end;
                continue;
            }
            if (!isMap && ctx.options.strict && utilContainsNewline.containsNewline(key))
                onError(key, // checked by containsNewline()
                'MULTILINE_IMPLICIT_KEY', 'Implicit keys of flow sequence pairs need to be on a single line');
        }
        if (i === 0) {
            if (props.comma)
                onError(props.comma, 'UNEXPECTED_TOKEN', `Unexpected , in ${fcName}`);
        }
        else {
            if (!props.comma)
                onError(props.start, 'MISSING_CHAR', `Missing , between ${fcName} items`);
            if (props.comment) {
                let prevItemComment = '';
                loop: for (const st of start) {
                    switch (st.type) {
                        case 'comma':
                        case 'space':
                            break;
                        case 'comment':
                            prevItemComment = st.source.substring(1);
                            break loop;
                        default:
                            break loop;
                    }
                }
                if (prevItemComment) {
                    let prev = coll.items[coll.items.length - 1];
                    if (identity.isPair(prev))
                        prev = prev.value ?? prev.key;
                    if (prev.comment)
                        prev.comment += '\n' + prevItemComment;
                    else
                        prev.comment = prevItemComment;
                    props.comment = props.comment.substring(prevItemComment.length + 1);
                }
            }
        }
        if (!isMap && !sep && !props.found) {
            // item is a value in a seq
            // → key & sep are empty, start does not include ? or :
            const valueNode = value
                ? composeNode(ctx, value, props, onError)
                : composeEmptyNode(ctx, props.end, sep, null, props, onError);
            coll.items.push(valueNode);
            offset = valueNode.range[2];
            if (isBlock(value))
                onError(valueNode.range, 'BLOCK_IN_FLOW', blockMsg);
        }
        else {
            // item is a key+value pair
            // key value
            ctx.atKey = true;
            const keyStart = props.end;
            const keyNode = key
                ? composeNode(ctx, key, props, onError)
                : composeEmptyNode(ctx, keyStart, start, null, props, onError);
            if (isBlock(key))
                onError(keyNode.range, 'BLOCK_IN_FLOW', blockMsg);
            ctx.atKey = false;
            // value properties
            const valueProps = resolveProps.resolveProps(sep ?? [], {
                flow: fcName,
                indicator: 'map-value-ind',
                next: value,
                offset: keyNode.range[2],
                onError,
                parentIndent: fc.indent,
                startOnNewline: false
            });
            if (valueProps.found) {
                if (!isMap && !props.found && ctx.options.strict) {
                    if (sep)
                        for (const st of sep) {
                            if (st === valueProps.found)
                                break;
                            if (st.type === 'newline') {
                                onError(st, 'MULTILINE_IMPLICIT_KEY', 'Implicit keys of flow sequence pairs need to be on a single line');
                                break;
                            }
                        }
                    if (props.start < valueProps.found.offset - 1024)
                        onError(valueProps.found, 'KEY_OVER_1024_CHARS', 'The : indicator must be at most 1024 chars after the start of an implicit flow sequence key');
                }
            }
            else if (value) {
                if ('source' in value && value.source?.[0] === ':')
                    onError(value, 'MISSING_CHAR', `Missing space after : in ${fcName}`);
                else
                    onError(valueProps.start, 'MISSING_CHAR', `Missing , or : between ${fcName} items`);
            }
            // value value
            const valueNode = value
                ? composeNode(ctx, value, valueProps, onError)
                : valueProps.found
                    ? composeEmptyNode(ctx, valueProps.end, sep, null, valueProps, onError)
                    : null;
            if (valueNode) {
                if (isBlock(value))
                    onError(valueNode.range, 'BLOCK_IN_FLOW', blockMsg);
            }
            else if (valueProps.comment) {
                if (keyNode.comment)
                    keyNode.comment += '\n' + valueProps.comment;
                else
                    keyNode.comment = valueProps.comment;
            }
            const pair = new Pair.Pair(keyNode, valueNode);
            if (ctx.options.keepSourceTokens)
                pair.srcToken = collItem;
            if (isMap) {
                const map = coll;
                if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
                    onError(keyStart, 'DUPLICATE_KEY', 'Map keys must be unique');
                map.items.push(pair);
            }
            else {
                const map = new YAMLMap.YAMLMap(ctx.schema);
                map.flow = true;
                map.items.push(pair);
                const endRange = (valueNode ?? keyNode).range;
                map.range = [keyNode.range[0], endRange[1], endRange[2]];
                coll.items.push(map);
            }
            offset = valueNode ? valueNode.range[2] : valueProps.end;
        }
    }
    const expectedEnd = isMap ? '}' : ']';
    const [ce, ...ee] = fc.end;
    let cePos = offset;
    if (ce?.source === expectedEnd)
        cePos = ce.offset + ce.source.length;
    else {
        const name = fcName[0].toUpperCase() + fcName.substring(1);
        const msg = atRoot
            ? `${name} must end with a ${expectedEnd}`
            : `${name} in block collection must be sufficiently indented and end with a ${expectedEnd}`;
        onError(offset, atRoot ? 'MISSING_CHAR' : 'BAD_INDENT', msg);
        if (ce && ce.source.length !== 1)
            ee.unshift(ce);
    }
    if (ee.length > 0) {
        const end = resolveEnd.resolveEnd(ee, cePos, ctx.options.strict, onError);
        if (end.comment) {
            if (coll.comment)
                coll.comment += '\n' + end.comment;
            else
                coll.comment = end.comment;
        }
        coll.range = [fc.offset, cePos, end.offset];
    }
    else {
        coll.range = [fc.offset, cePos, cePos];
    }
    return coll;
}

exports.resolveFlowCollection = resolveFlowCollection;


/***/ }),

/***/ 6842:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var resolveEnd = __nccwpck_require__(7788);

function resolveFlowScalar(scalar, strict, onError) {
    const { offset, type, source, end } = scalar;
    let _type;
    let value;
    const _onError = (rel, code, msg) => onError(offset + rel, code, msg);
    switch (type) {
        case 'scalar':
            _type = Scalar.Scalar.PLAIN;
            value = plainValue(source, _onError);
            break;
        case 'single-quoted-scalar':
            _type = Scalar.Scalar.QUOTE_SINGLE;
            value = singleQuotedValue(source, _onError);
            break;
        case 'double-quoted-scalar':
            _type = Scalar.Scalar.QUOTE_DOUBLE;
            value = doubleQuotedValue(source, _onError);
            break;
        /* istanbul ignore next should not happen */
        default:
            onError(scalar, 'UNEXPECTED_TOKEN', `Expected a flow scalar value, but found: ${type}`);
            return {
                value: '',
                type: null,
                comment: '',
                range: [offset, offset + source.length, offset + source.length]
            };
    }
    const valueEnd = offset + source.length;
    const re = resolveEnd.resolveEnd(end, valueEnd, strict, onError);
    return {
        value,
        type: _type,
        comment: re.comment,
        range: [offset, valueEnd, re.offset]
    };
}
function plainValue(source, onError) {
    let badChar = '';
    switch (source[0]) {
        /* istanbul ignore next should not happen */
        case '\t':
            badChar = 'a tab character';
            break;
        case ',':
            badChar = 'flow indicator character ,';
            break;
        case '%':
            badChar = 'directive indicator character %';
            break;
        case '|':
        case '>': {
            badChar = `block scalar indicator ${source[0]}`;
            break;
        }
        case '@':
        case '`': {
            badChar = `reserved character ${source[0]}`;
            break;
        }
    }
    if (badChar)
        onError(0, 'BAD_SCALAR_START', `Plain value cannot start with ${badChar}`);
    return unfoldLines(source);
}
function singleQuotedValue(source, onError) {
    if (source[source.length - 1] !== "'" || source.length === 1)
        onError(source.length, 'MISSING_CHAR', "Missing closing 'quote");
    return unfoldLines(source.slice(1, -1)).replace(/''/g, "'");
}
function unfoldLines(source) {
    const line = /(.*?)\r?\n/sy;
    let match = line.exec(source);
    if (!match)
        return source;
    /**
     * The negative lookbehinds in these RegExps are to
     * prevent causing a polynomial search time in certain cases.
     *
     * The try-catch is for Safari < 16.4 and other old browsers:
     * https://caniuse.com/js-regexp-lookbehind
     */
    let trimEnd, trimBoth;
    try {
        trimEnd = new RegExp('(?<![ \t])[ \t]+$');
        trimBoth = new RegExp('^[ \t]+|(?<![ \t])[ \t]+$', 'g');
    }
    catch {
        trimEnd = /[ \t]+$/;
        trimBoth = /^[ \t]+|[ \t]+$/g;
    }
    let res = match[1].replace(trimEnd, '');
    let sep = ' ';
    let pos = line.lastIndex;
    while ((match = line.exec(source))) {
        const lm = match[1].replace(trimBoth, '');
        if (lm === '') {
            if (sep === '\n')
                res += sep;
            else
                sep = '\n';
        }
        else {
            res += sep + lm;
            sep = ' ';
        }
        pos = line.lastIndex;
    }
    const last = /[ \t]*(.*)/sy;
    last.lastIndex = pos;
    match = last.exec(source);
    return res + sep + (match?.[1] ?? '');
}
function doubleQuotedValue(source, onError) {
    let res = '';
    for (let i = 1; i < source.length - 1; ++i) {
        const ch = source[i];
        if (ch === '\r' && source[i + 1] === '\n')
            continue;
        if (ch === '\n') {
            const { fold, offset } = foldNewline(source, i);
            res += fold;
            i = offset;
        }
        else if (ch === '\\') {
            let next = source[++i];
            const cc = escapeCodes[next];
            if (cc)
                res += cc;
            else if (next === '\n') {
                // skip escaped newlines, but still trim the following line
                next = source[i + 1];
                while (next === ' ' || next === '\t')
                    next = source[++i + 1];
            }
            else if (next === '\r' && source[i + 1] === '\n') {
                // skip escaped CRLF newlines, but still trim the following line
                next = source[++i + 1];
                while (next === ' ' || next === '\t')
                    next = source[++i + 1];
            }
            else if (next === 'x' || next === 'u' || next === 'U') {
                const length = next === 'x' ? 2 : next === 'u' ? 4 : 8;
                res += parseCharCode(source, i + 1, length, onError);
                i += length;
            }
            else {
                const raw = source.substr(i - 1, 2);
                onError(i - 1, 'BAD_DQ_ESCAPE', `Invalid escape sequence ${raw}`);
                res += raw;
            }
        }
        else if (ch === ' ' || ch === '\t') {
            // trim trailing whitespace
            const wsStart = i;
            let next = source[i + 1];
            while (next === ' ' || next === '\t')
                next = source[++i + 1];
            if (next !== '\n' && !(next === '\r' && source[i + 2] === '\n'))
                res += i > wsStart ? source.slice(wsStart, i + 1) : ch;
        }
        else {
            res += ch;
        }
    }
    if (source[source.length - 1] !== '"' || source.length === 1)
        onError(source.length, 'MISSING_CHAR', 'Missing closing "quote');
    return res;
}
/**
 * Fold a single newline into a space, multiple newlines to N - 1 newlines.
 * Presumes `source[offset] === '\n'`
 */
function foldNewline(source, offset) {
    let fold = '';
    let ch = source[offset + 1];
    while (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') {
        if (ch === '\r' && source[offset + 2] !== '\n')
            break;
        if (ch === '\n')
            fold += '\n';
        offset += 1;
        ch = source[offset + 1];
    }
    if (!fold)
        fold = ' ';
    return { fold, offset };
}
const escapeCodes = {
    '0': '\0', // null character
    a: '\x07', // bell character
    b: '\b', // backspace
    e: '\x1b', // escape character
    f: '\f', // form feed
    n: '\n', // line feed
    r: '\r', // carriage return
    t: '\t', // horizontal tab
    v: '\v', // vertical tab
    N: '\u0085', // Unicode next line
    _: '\u00a0', // Unicode non-breaking space
    L: '\u2028', // Unicode line separator
    P: '\u2029', // Unicode paragraph separator
    ' ': ' ',
    '"': '"',
    '/': '/',
    '\\': '\\',
    '\t': '\t'
};
function parseCharCode(source, offset, length, onError) {
    const cc = source.substr(offset, length);
    const ok = cc.length === length && /^[0-9a-fA-F]+$/.test(cc);
    const code = ok ? parseInt(cc, 16) : NaN;
    try {
        return String.fromCodePoint(code);
    }
    catch {
        const raw = source.substr(offset - 2, length + 2);
        onError(offset - 2, 'BAD_DQ_ESCAPE', `Invalid escape sequence ${raw}`);
        return raw;
    }
}

exports.resolveFlowScalar = resolveFlowScalar;


/***/ }),

/***/ 4631:
/***/ ((__unused_webpack_module, exports) => {



function resolveProps(tokens, { flow, indicator, next, offset, onError, parentIndent, startOnNewline }) {
    let spaceBefore = false;
    let atNewline = startOnNewline;
    let hasSpace = startOnNewline;
    let comment = '';
    let commentSep = '';
    let hasNewline = false;
    let reqSpace = false;
    let tab = null;
    let anchor = null;
    let tag = null;
    let newlineAfterProp = null;
    let comma = null;
    let found = null;
    let start = null;
    for (const token of tokens) {
        if (reqSpace) {
            if (token.type !== 'space' &&
                token.type !== 'newline' &&
                token.type !== 'comma')
                onError(token.offset, 'MISSING_CHAR', 'Tags and anchors must be separated from the next token by white space');
            reqSpace = false;
        }
        if (tab) {
            if (atNewline && token.type !== 'comment' && token.type !== 'newline') {
                onError(tab, 'TAB_AS_INDENT', 'Tabs are not allowed as indentation');
            }
            tab = null;
        }
        switch (token.type) {
            case 'space':
                // At the doc level, tabs at line start may be parsed
                // as leading white space rather than indentation.
                // In a flow collection, only the parser handles indent.
                if (!flow &&
                    (indicator !== 'doc-start' || next?.type !== 'flow-collection') &&
                    token.source.includes('\t')) {
                    tab = token;
                }
                hasSpace = true;
                break;
            case 'comment': {
                if (!hasSpace)
                    onError(token, 'MISSING_CHAR', 'Comments must be separated from other tokens by white space characters');
                const cb = token.source.substring(1) || ' ';
                if (!comment)
                    comment = cb;
                else
                    comment += commentSep + cb;
                commentSep = '';
                atNewline = false;
                break;
            }
            case 'newline':
                if (atNewline) {
                    if (comment)
                        comment += token.source;
                    else if (!found || indicator !== 'seq-item-ind')
                        spaceBefore = true;
                }
                else
                    commentSep += token.source;
                atNewline = true;
                hasNewline = true;
                if (anchor || tag)
                    newlineAfterProp = token;
                hasSpace = true;
                break;
            case 'anchor':
                if (anchor)
                    onError(token, 'MULTIPLE_ANCHORS', 'A node can have at most one anchor');
                if (token.source.endsWith(':'))
                    onError(token.offset + token.source.length - 1, 'BAD_ALIAS', 'Anchor ending in : is ambiguous', true);
                anchor = token;
                start ?? (start = token.offset);
                atNewline = false;
                hasSpace = false;
                reqSpace = true;
                break;
            case 'tag': {
                if (tag)
                    onError(token, 'MULTIPLE_TAGS', 'A node can have at most one tag');
                tag = token;
                start ?? (start = token.offset);
                atNewline = false;
                hasSpace = false;
                reqSpace = true;
                break;
            }
            case indicator:
                // Could here handle preceding comments differently
                if (anchor || tag)
                    onError(token, 'BAD_PROP_ORDER', `Anchors and tags must be after the ${token.source} indicator`);
                if (found)
                    onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${token.source} in ${flow ?? 'collection'}`);
                found = token;
                atNewline =
                    indicator === 'seq-item-ind' || indicator === 'explicit-key-ind';
                hasSpace = false;
                break;
            case 'comma':
                if (flow) {
                    if (comma)
                        onError(token, 'UNEXPECTED_TOKEN', `Unexpected , in ${flow}`);
                    comma = token;
                    atNewline = false;
                    hasSpace = false;
                    break;
                }
            // else fallthrough
            default:
                onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${token.type} token`);
                atNewline = false;
                hasSpace = false;
        }
    }
    const last = tokens[tokens.length - 1];
    const end = last ? last.offset + last.source.length : offset;
    if (reqSpace &&
        next &&
        next.type !== 'space' &&
        next.type !== 'newline' &&
        next.type !== 'comma' &&
        (next.type !== 'scalar' || next.source !== '')) {
        onError(next.offset, 'MISSING_CHAR', 'Tags and anchors must be separated from the next token by white space');
    }
    if (tab &&
        ((atNewline && tab.indent <= parentIndent) ||
            next?.type === 'block-map' ||
            next?.type === 'block-seq'))
        onError(tab, 'TAB_AS_INDENT', 'Tabs are not allowed as indentation');
    return {
        comma,
        found,
        spaceBefore,
        comment,
        hasNewline,
        anchor,
        tag,
        newlineAfterProp,
        end,
        start: start ?? end
    };
}

exports.resolveProps = resolveProps;


/***/ }),

/***/ 9499:
/***/ ((__unused_webpack_module, exports) => {



function containsNewline(key) {
    if (!key)
        return null;
    switch (key.type) {
        case 'alias':
        case 'scalar':
        case 'double-quoted-scalar':
        case 'single-quoted-scalar':
            if (key.source.includes('\n'))
                return true;
            if (key.end)
                for (const st of key.end)
                    if (st.type === 'newline')
                        return true;
            return false;
        case 'flow-collection':
            for (const it of key.items) {
                for (const st of it.start)
                    if (st.type === 'newline')
                        return true;
                if (it.sep)
                    for (const st of it.sep)
                        if (st.type === 'newline')
                            return true;
                if (containsNewline(it.key) || containsNewline(it.value))
                    return true;
            }
            return false;
        default:
            return true;
    }
}

exports.containsNewline = containsNewline;


/***/ }),

/***/ 2599:
/***/ ((__unused_webpack_module, exports) => {



function emptyScalarPosition(offset, before, pos) {
    if (before) {
        pos ?? (pos = before.length);
        for (let i = pos - 1; i >= 0; --i) {
            let st = before[i];
            switch (st.type) {
                case 'space':
                case 'comment':
                case 'newline':
                    offset -= st.source.length;
                    continue;
            }
            // Technically, an empty scalar is immediately after the last non-empty
            // node, but it's more useful to place it after any whitespace.
            st = before[++i];
            while (st?.type === 'space') {
                offset += st.source.length;
                st = before[++i];
            }
            break;
        }
    }
    return offset;
}

exports.emptyScalarPosition = emptyScalarPosition;


/***/ }),

/***/ 4051:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var utilContainsNewline = __nccwpck_require__(9499);

function flowIndentCheck(indent, fc, onError) {
    if (fc?.type === 'flow-collection') {
        const end = fc.end[0];
        if (end.indent === indent &&
            (end.source === ']' || end.source === '}') &&
            utilContainsNewline.containsNewline(fc)) {
            const msg = 'Flow end indicator should be more indented than parent';
            onError(end, 'BAD_INDENT', msg, true);
        }
    }
}

exports.flowIndentCheck = flowIndentCheck;


/***/ }),

/***/ 1187:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);

function mapIncludes(ctx, items, search) {
    const { uniqueKeys } = ctx.options;
    if (uniqueKeys === false)
        return false;
    const isEqual = typeof uniqueKeys === 'function'
        ? uniqueKeys
        : (a, b) => a === b || (identity.isScalar(a) && identity.isScalar(b) && a.value === b.value);
    return items.some(pair => isEqual(pair.key, search));
}

exports.mapIncludes = mapIncludes;


/***/ }),

/***/ 3021:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Alias = __nccwpck_require__(4065);
var Collection = __nccwpck_require__(101);
var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var toJS = __nccwpck_require__(4043);
var Schema = __nccwpck_require__(5840);
var stringifyDocument = __nccwpck_require__(6829);
var anchors = __nccwpck_require__(1596);
var applyReviver = __nccwpck_require__(3661);
var createNode = __nccwpck_require__(2404);
var directives = __nccwpck_require__(1342);

class Document {
    constructor(value, replacer, options) {
        /** A comment before this Document */
        this.commentBefore = null;
        /** A comment immediately after this Document */
        this.comment = null;
        /** Errors encountered during parsing. */
        this.errors = [];
        /** Warnings encountered during parsing. */
        this.warnings = [];
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.DOC });
        let _replacer = null;
        if (typeof replacer === 'function' || Array.isArray(replacer)) {
            _replacer = replacer;
        }
        else if (options === undefined && replacer) {
            options = replacer;
            replacer = undefined;
        }
        const opt = Object.assign({
            intAsBigInt: false,
            keepSourceTokens: false,
            logLevel: 'warn',
            prettyErrors: true,
            strict: true,
            stringKeys: false,
            uniqueKeys: true,
            version: '1.2'
        }, options);
        this.options = opt;
        let { version } = opt;
        if (options?._directives) {
            this.directives = options._directives.atDocument();
            if (this.directives.yaml.explicit)
                version = this.directives.yaml.version;
        }
        else
            this.directives = new directives.Directives({ version });
        this.setSchema(version, options);
        // @ts-expect-error We can't really know that this matches Contents.
        this.contents =
            value === undefined ? null : this.createNode(value, _replacer, options);
    }
    /**
     * Create a deep copy of this Document and its contents.
     *
     * Custom Node values that inherit from `Object` still refer to their original instances.
     */
    clone() {
        const copy = Object.create(Document.prototype, {
            [identity.NODE_TYPE]: { value: identity.DOC }
        });
        copy.commentBefore = this.commentBefore;
        copy.comment = this.comment;
        copy.errors = this.errors.slice();
        copy.warnings = this.warnings.slice();
        copy.options = Object.assign({}, this.options);
        if (this.directives)
            copy.directives = this.directives.clone();
        copy.schema = this.schema.clone();
        // @ts-expect-error We can't really know that this matches Contents.
        copy.contents = identity.isNode(this.contents)
            ? this.contents.clone(copy.schema)
            : this.contents;
        if (this.range)
            copy.range = this.range.slice();
        return copy;
    }
    /** Adds a value to the document. */
    add(value) {
        if (assertCollection(this.contents))
            this.contents.add(value);
    }
    /** Adds a value to the document. */
    addIn(path, value) {
        if (assertCollection(this.contents))
            this.contents.addIn(path, value);
    }
    /**
     * Create a new `Alias` node, ensuring that the target `node` has the required anchor.
     *
     * If `node` already has an anchor, `name` is ignored.
     * Otherwise, the `node.anchor` value will be set to `name`,
     * or if an anchor with that name is already present in the document,
     * `name` will be used as a prefix for a new unique anchor.
     * If `name` is undefined, the generated anchor will use 'a' as a prefix.
     */
    createAlias(node, name) {
        if (!node.anchor) {
            const prev = anchors.anchorNames(this);
            node.anchor =
                // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
                !name || prev.has(name) ? anchors.findNewAnchor(name || 'a', prev) : name;
        }
        return new Alias.Alias(node.anchor);
    }
    createNode(value, replacer, options) {
        let _replacer = undefined;
        if (typeof replacer === 'function') {
            value = replacer.call({ '': value }, '', value);
            _replacer = replacer;
        }
        else if (Array.isArray(replacer)) {
            const keyToStr = (v) => typeof v === 'number' || v instanceof String || v instanceof Number;
            const asStr = replacer.filter(keyToStr).map(String);
            if (asStr.length > 0)
                replacer = replacer.concat(asStr);
            _replacer = replacer;
        }
        else if (options === undefined && replacer) {
            options = replacer;
            replacer = undefined;
        }
        const { aliasDuplicateObjects, anchorPrefix, flow, keepUndefined, onTagObj, tag } = options ?? {};
        const { onAnchor, setAnchors, sourceObjects } = anchors.createNodeAnchors(this, 
        // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
        anchorPrefix || 'a');
        const ctx = {
            aliasDuplicateObjects: aliasDuplicateObjects ?? true,
            keepUndefined: keepUndefined ?? false,
            onAnchor,
            onTagObj,
            replacer: _replacer,
            schema: this.schema,
            sourceObjects
        };
        const node = createNode.createNode(value, tag, ctx);
        if (flow && identity.isCollection(node))
            node.flow = true;
        setAnchors();
        return node;
    }
    /**
     * Convert a key and a value into a `Pair` using the current schema,
     * recursively wrapping all values as `Scalar` or `Collection` nodes.
     */
    createPair(key, value, options = {}) {
        const k = this.createNode(key, null, options);
        const v = this.createNode(value, null, options);
        return new Pair.Pair(k, v);
    }
    /**
     * Removes a value from the document.
     * @returns `true` if the item was found and removed.
     */
    delete(key) {
        return assertCollection(this.contents) ? this.contents.delete(key) : false;
    }
    /**
     * Removes a value from the document.
     * @returns `true` if the item was found and removed.
     */
    deleteIn(path) {
        if (Collection.isEmptyPath(path)) {
            if (this.contents == null)
                return false;
            // @ts-expect-error Presumed impossible if Strict extends false
            this.contents = null;
            return true;
        }
        return assertCollection(this.contents)
            ? this.contents.deleteIn(path)
            : false;
    }
    /**
     * Returns item at `key`, or `undefined` if not found. By default unwraps
     * scalar values from their surrounding node; to disable set `keepScalar` to
     * `true` (collections are always returned intact).
     */
    get(key, keepScalar) {
        return identity.isCollection(this.contents)
            ? this.contents.get(key, keepScalar)
            : undefined;
    }
    /**
     * Returns item at `path`, or `undefined` if not found. By default unwraps
     * scalar values from their surrounding node; to disable set `keepScalar` to
     * `true` (collections are always returned intact).
     */
    getIn(path, keepScalar) {
        if (Collection.isEmptyPath(path))
            return !keepScalar && identity.isScalar(this.contents)
                ? this.contents.value
                : this.contents;
        return identity.isCollection(this.contents)
            ? this.contents.getIn(path, keepScalar)
            : undefined;
    }
    /**
     * Checks if the document includes a value with the key `key`.
     */
    has(key) {
        return identity.isCollection(this.contents) ? this.contents.has(key) : false;
    }
    /**
     * Checks if the document includes a value at `path`.
     */
    hasIn(path) {
        if (Collection.isEmptyPath(path))
            return this.contents !== undefined;
        return identity.isCollection(this.contents) ? this.contents.hasIn(path) : false;
    }
    /**
     * Sets a value in this document. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     */
    set(key, value) {
        if (this.contents == null) {
            // @ts-expect-error We can't really know that this matches Contents.
            this.contents = Collection.collectionFromPath(this.schema, [key], value);
        }
        else if (assertCollection(this.contents)) {
            this.contents.set(key, value);
        }
    }
    /**
     * Sets a value in this document. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     */
    setIn(path, value) {
        if (Collection.isEmptyPath(path)) {
            // @ts-expect-error We can't really know that this matches Contents.
            this.contents = value;
        }
        else if (this.contents == null) {
            // @ts-expect-error We can't really know that this matches Contents.
            this.contents = Collection.collectionFromPath(this.schema, Array.from(path), value);
        }
        else if (assertCollection(this.contents)) {
            this.contents.setIn(path, value);
        }
    }
    /**
     * Change the YAML version and schema used by the document.
     * A `null` version disables support for directives, explicit tags, anchors, and aliases.
     * It also requires the `schema` option to be given as a `Schema` instance value.
     *
     * Overrides all previously set schema options.
     */
    setSchema(version, options = {}) {
        if (typeof version === 'number')
            version = String(version);
        let opt;
        switch (version) {
            case '1.1':
                if (this.directives)
                    this.directives.yaml.version = '1.1';
                else
                    this.directives = new directives.Directives({ version: '1.1' });
                opt = { resolveKnownTags: false, schema: 'yaml-1.1' };
                break;
            case '1.2':
            case 'next':
                if (this.directives)
                    this.directives.yaml.version = version;
                else
                    this.directives = new directives.Directives({ version });
                opt = { resolveKnownTags: true, schema: 'core' };
                break;
            case null:
                if (this.directives)
                    delete this.directives;
                opt = null;
                break;
            default: {
                const sv = JSON.stringify(version);
                throw new Error(`Expected '1.1', '1.2' or null as first argument, but found: ${sv}`);
            }
        }
        // Not using `instanceof Schema` to allow for duck typing
        if (options.schema instanceof Object)
            this.schema = options.schema;
        else if (opt)
            this.schema = new Schema.Schema(Object.assign(opt, options));
        else
            throw new Error(`With a null YAML version, the { schema: Schema } option is required`);
    }
    // json & jsonArg are only used from toJSON()
    toJS({ json, jsonArg, mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        const ctx = {
            anchors: new Map(),
            doc: this,
            keep: !json,
            mapAsMap: mapAsMap === true,
            mapKeyWarned: false,
            maxAliasCount: typeof maxAliasCount === 'number' ? maxAliasCount : 100
        };
        const res = toJS.toJS(this.contents, jsonArg ?? '', ctx);
        if (typeof onAnchor === 'function')
            for (const { count, res } of ctx.anchors.values())
                onAnchor(res, count);
        return typeof reviver === 'function'
            ? applyReviver.applyReviver(reviver, { '': res }, '', res)
            : res;
    }
    /**
     * A JSON representation of the document `contents`.
     *
     * @param jsonArg Used by `JSON.stringify` to indicate the array index or
     *   property name.
     */
    toJSON(jsonArg, onAnchor) {
        return this.toJS({ json: true, jsonArg, mapAsMap: false, onAnchor });
    }
    /** A YAML representation of the document. */
    toString(options = {}) {
        if (this.errors.length > 0)
            throw new Error('Document with errors cannot be stringified');
        if ('indent' in options &&
            (!Number.isInteger(options.indent) || Number(options.indent) <= 0)) {
            const s = JSON.stringify(options.indent);
            throw new Error(`"indent" option must be a positive integer, not ${s}`);
        }
        return stringifyDocument.stringifyDocument(this, options);
    }
}
function assertCollection(contents) {
    if (identity.isCollection(contents))
        return true;
    throw new Error('Expected a YAML collection as document contents');
}

exports.Document = Document;


/***/ }),

/***/ 1596:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var visit = __nccwpck_require__(204);

/**
 * Verify that the input string is a valid anchor.
 *
 * Will throw on errors.
 */
function anchorIsValid(anchor) {
    if (/[\x00-\x19\s,[\]{}]/.test(anchor)) {
        const sa = JSON.stringify(anchor);
        const msg = `Anchor must not contain whitespace or control characters: ${sa}`;
        throw new Error(msg);
    }
    return true;
}
function anchorNames(root) {
    const anchors = new Set();
    visit.visit(root, {
        Value(_key, node) {
            if (node.anchor)
                anchors.add(node.anchor);
        }
    });
    return anchors;
}
/** Find a new anchor name with the given `prefix` and a one-indexed suffix. */
function findNewAnchor(prefix, exclude) {
    for (let i = 1; true; ++i) {
        const name = `${prefix}${i}`;
        if (!exclude.has(name))
            return name;
    }
}
function createNodeAnchors(doc, prefix) {
    const aliasObjects = [];
    const sourceObjects = new Map();
    let prevAnchors = null;
    return {
        onAnchor: (source) => {
            aliasObjects.push(source);
            prevAnchors ?? (prevAnchors = anchorNames(doc));
            const anchor = findNewAnchor(prefix, prevAnchors);
            prevAnchors.add(anchor);
            return anchor;
        },
        /**
         * With circular references, the source node is only resolved after all
         * of its child nodes are. This is why anchors are set only after all of
         * the nodes have been created.
         */
        setAnchors: () => {
            for (const source of aliasObjects) {
                const ref = sourceObjects.get(source);
                if (typeof ref === 'object' &&
                    ref.anchor &&
                    (identity.isScalar(ref.node) || identity.isCollection(ref.node))) {
                    ref.node.anchor = ref.anchor;
                }
                else {
                    const error = new Error('Failed to resolve repeated object (this should not happen)');
                    error.source = source;
                    throw error;
                }
            }
        },
        sourceObjects
    };
}

exports.anchorIsValid = anchorIsValid;
exports.anchorNames = anchorNames;
exports.createNodeAnchors = createNodeAnchors;
exports.findNewAnchor = findNewAnchor;


/***/ }),

/***/ 3661:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Applies the JSON.parse reviver algorithm as defined in the ECMA-262 spec,
 * in section 24.5.1.1 "Runtime Semantics: InternalizeJSONProperty" of the
 * 2021 edition: https://tc39.es/ecma262/#sec-json.parse
 *
 * Includes extensions for handling Map and Set objects.
 */
function applyReviver(reviver, obj, key, val) {
    if (val && typeof val === 'object') {
        if (Array.isArray(val)) {
            for (let i = 0, len = val.length; i < len; ++i) {
                const v0 = val[i];
                const v1 = applyReviver(reviver, val, String(i), v0);
                // eslint-disable-next-line @typescript-eslint/no-array-delete
                if (v1 === undefined)
                    delete val[i];
                else if (v1 !== v0)
                    val[i] = v1;
            }
        }
        else if (val instanceof Map) {
            for (const k of Array.from(val.keys())) {
                const v0 = val.get(k);
                const v1 = applyReviver(reviver, val, k, v0);
                if (v1 === undefined)
                    val.delete(k);
                else if (v1 !== v0)
                    val.set(k, v1);
            }
        }
        else if (val instanceof Set) {
            for (const v0 of Array.from(val)) {
                const v1 = applyReviver(reviver, val, v0, v0);
                if (v1 === undefined)
                    val.delete(v0);
                else if (v1 !== v0) {
                    val.delete(v0);
                    val.add(v1);
                }
            }
        }
        else {
            for (const [k, v0] of Object.entries(val)) {
                const v1 = applyReviver(reviver, val, k, v0);
                if (v1 === undefined)
                    delete val[k];
                else if (v1 !== v0)
                    val[k] = v1;
            }
        }
    }
    return reviver.call(obj, key, val);
}

exports.applyReviver = applyReviver;


/***/ }),

/***/ 2404:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Alias = __nccwpck_require__(4065);
var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);

const defaultTagPrefix = 'tag:yaml.org,2002:';
function findTagObject(value, tagName, tags) {
    if (tagName) {
        const match = tags.filter(t => t.tag === tagName);
        const tagObj = match.find(t => !t.format) ?? match[0];
        if (!tagObj)
            throw new Error(`Tag ${tagName} not found`);
        return tagObj;
    }
    return tags.find(t => t.identify?.(value) && !t.format);
}
function createNode(value, tagName, ctx) {
    if (identity.isDocument(value))
        value = value.contents;
    if (identity.isNode(value))
        return value;
    if (identity.isPair(value)) {
        const map = ctx.schema[identity.MAP].createNode?.(ctx.schema, null, ctx);
        map.items.push(value);
        return map;
    }
    if (value instanceof String ||
        value instanceof Number ||
        value instanceof Boolean ||
        (typeof BigInt !== 'undefined' && value instanceof BigInt) // not supported everywhere
    ) {
        // https://tc39.es/ecma262/#sec-serializejsonproperty
        value = value.valueOf();
    }
    const { aliasDuplicateObjects, onAnchor, onTagObj, schema, sourceObjects } = ctx;
    // Detect duplicate references to the same object & use Alias nodes for all
    // after first. The `ref` wrapper allows for circular references to resolve.
    let ref = undefined;
    if (aliasDuplicateObjects && value && typeof value === 'object') {
        ref = sourceObjects.get(value);
        if (ref) {
            ref.anchor ?? (ref.anchor = onAnchor(value));
            return new Alias.Alias(ref.anchor);
        }
        else {
            ref = { anchor: null, node: null };
            sourceObjects.set(value, ref);
        }
    }
    if (tagName?.startsWith('!!'))
        tagName = defaultTagPrefix + tagName.slice(2);
    let tagObj = findTagObject(value, tagName, schema.tags);
    if (!tagObj) {
        if (value && typeof value.toJSON === 'function') {
            // eslint-disable-next-line @typescript-eslint/no-unsafe-call
            value = value.toJSON();
        }
        if (!value || typeof value !== 'object') {
            const node = new Scalar.Scalar(value);
            if (ref)
                ref.node = node;
            return node;
        }
        tagObj =
            value instanceof Map
                ? schema[identity.MAP]
                : Symbol.iterator in Object(value)
                    ? schema[identity.SEQ]
                    : schema[identity.MAP];
    }
    if (onTagObj) {
        onTagObj(tagObj);
        delete ctx.onTagObj;
    }
    const node = tagObj?.createNode
        ? tagObj.createNode(ctx.schema, value, ctx)
        : typeof tagObj?.nodeClass?.from === 'function'
            ? tagObj.nodeClass.from(ctx.schema, value, ctx)
            : new Scalar.Scalar(value);
    if (tagName)
        node.tag = tagName;
    else if (!tagObj.default)
        node.tag = tagObj.tag;
    if (ref)
        ref.node = node;
    return node;
}

exports.createNode = createNode;


/***/ }),

/***/ 1342:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var visit = __nccwpck_require__(204);

const escapeChars = {
    '!': '%21',
    ',': '%2C',
    '[': '%5B',
    ']': '%5D',
    '{': '%7B',
    '}': '%7D'
};
const escapeTagName = (tn) => tn.replace(/[!,[\]{}]/g, ch => escapeChars[ch]);
class Directives {
    constructor(yaml, tags) {
        /**
         * The directives-end/doc-start marker `---`. If `null`, a marker may still be
         * included in the document's stringified representation.
         */
        this.docStart = null;
        /** The doc-end marker `...`.  */
        this.docEnd = false;
        this.yaml = Object.assign({}, Directives.defaultYaml, yaml);
        this.tags = Object.assign({}, Directives.defaultTags, tags);
    }
    clone() {
        const copy = new Directives(this.yaml, this.tags);
        copy.docStart = this.docStart;
        return copy;
    }
    /**
     * During parsing, get a Directives instance for the current document and
     * update the stream state according to the current version's spec.
     */
    atDocument() {
        const res = new Directives(this.yaml, this.tags);
        switch (this.yaml.version) {
            case '1.1':
                this.atNextDocument = true;
                break;
            case '1.2':
                this.atNextDocument = false;
                this.yaml = {
                    explicit: Directives.defaultYaml.explicit,
                    version: '1.2'
                };
                this.tags = Object.assign({}, Directives.defaultTags);
                break;
        }
        return res;
    }
    /**
     * @param onError - May be called even if the action was successful
     * @returns `true` on success
     */
    add(line, onError) {
        if (this.atNextDocument) {
            this.yaml = { explicit: Directives.defaultYaml.explicit, version: '1.1' };
            this.tags = Object.assign({}, Directives.defaultTags);
            this.atNextDocument = false;
        }
        const parts = line.trim().split(/[ \t]+/);
        const name = parts.shift();
        switch (name) {
            case '%TAG': {
                if (parts.length !== 2) {
                    onError(0, '%TAG directive should contain exactly two parts');
                    if (parts.length < 2)
                        return false;
                }
                const [handle, prefix] = parts;
                this.tags[handle] = prefix;
                return true;
            }
            case '%YAML': {
                this.yaml.explicit = true;
                if (parts.length !== 1) {
                    onError(0, '%YAML directive should contain exactly one part');
                    return false;
                }
                const [version] = parts;
                if (version === '1.1' || version === '1.2') {
                    this.yaml.version = version;
                    return true;
                }
                else {
                    const isValid = /^\d+\.\d+$/.test(version);
                    onError(6, `Unsupported YAML version ${version}`, isValid);
                    return false;
                }
            }
            default:
                onError(0, `Unknown directive ${name}`, true);
                return false;
        }
    }
    /**
     * Resolves a tag, matching handles to those defined in %TAG directives.
     *
     * @returns Resolved tag, which may also be the non-specific tag `'!'` or a
     *   `'!local'` tag, or `null` if unresolvable.
     */
    tagName(source, onError) {
        if (source === '!')
            return '!'; // non-specific tag
        if (source[0] !== '!') {
            onError(`Not a valid tag: ${source}`);
            return null;
        }
        if (source[1] === '<') {
            const verbatim = source.slice(2, -1);
            if (verbatim === '!' || verbatim === '!!') {
                onError(`Verbatim tags aren't resolved, so ${source} is invalid.`);
                return null;
            }
            if (source[source.length - 1] !== '>')
                onError('Verbatim tags must end with a >');
            return verbatim;
        }
        const [, handle, suffix] = source.match(/^(.*!)([^!]*)$/s);
        if (!suffix)
            onError(`The ${source} tag has no suffix`);
        const prefix = this.tags[handle];
        if (prefix) {
            try {
                return prefix + decodeURIComponent(suffix);
            }
            catch (error) {
                onError(String(error));
                return null;
            }
        }
        if (handle === '!')
            return source; // local tag
        onError(`Could not resolve tag: ${source}`);
        return null;
    }
    /**
     * Given a fully resolved tag, returns its printable string form,
     * taking into account current tag prefixes and defaults.
     */
    tagString(tag) {
        for (const [handle, prefix] of Object.entries(this.tags)) {
            if (tag.startsWith(prefix))
                return handle + escapeTagName(tag.substring(prefix.length));
        }
        return tag[0] === '!' ? tag : `!<${tag}>`;
    }
    toString(doc) {
        const lines = this.yaml.explicit
            ? [`%YAML ${this.yaml.version || '1.2'}`]
            : [];
        const tagEntries = Object.entries(this.tags);
        let tagNames;
        if (doc && tagEntries.length > 0 && identity.isNode(doc.contents)) {
            const tags = {};
            visit.visit(doc.contents, (_key, node) => {
                if (identity.isNode(node) && node.tag)
                    tags[node.tag] = true;
            });
            tagNames = Object.keys(tags);
        }
        else
            tagNames = [];
        for (const [handle, prefix] of tagEntries) {
            if (handle === '!!' && prefix === 'tag:yaml.org,2002:')
                continue;
            if (!doc || tagNames.some(tn => tn.startsWith(prefix)))
                lines.push(`%TAG ${handle} ${prefix}`);
        }
        return lines.join('\n');
    }
}
Directives.defaultYaml = { explicit: false, version: '1.2' };
Directives.defaultTags = { '!!': 'tag:yaml.org,2002:' };

exports.Directives = Directives;


/***/ }),

/***/ 1464:
/***/ ((__unused_webpack_module, exports) => {



class YAMLError extends Error {
    constructor(name, pos, code, message) {
        super();
        this.name = name;
        this.code = code;
        this.message = message;
        this.pos = pos;
    }
}
class YAMLParseError extends YAMLError {
    constructor(pos, code, message) {
        super('YAMLParseError', pos, code, message);
    }
}
class YAMLWarning extends YAMLError {
    constructor(pos, code, message) {
        super('YAMLWarning', pos, code, message);
    }
}
const prettifyError = (src, lc) => (error) => {
    if (error.pos[0] === -1)
        return;
    error.linePos = error.pos.map(pos => lc.linePos(pos));
    const { line, col } = error.linePos[0];
    error.message += ` at line ${line}, column ${col}`;
    let ci = col - 1;
    let lineStr = src
        .substring(lc.lineStarts[line - 1], lc.lineStarts[line])
        .replace(/[\n\r]+$/, '');
    // Trim to max 80 chars, keeping col position near the middle
    if (ci >= 60 && lineStr.length > 80) {
        const trimStart = Math.min(ci - 39, lineStr.length - 79);
        lineStr = '…' + lineStr.substring(trimStart);
        ci -= trimStart - 1;
    }
    if (lineStr.length > 80)
        lineStr = lineStr.substring(0, 79) + '…';
    // Include previous line in context if pointing at line start
    if (line > 1 && /^ *$/.test(lineStr.substring(0, ci))) {
        // Regexp won't match if start is trimmed
        let prev = src.substring(lc.lineStarts[line - 2], lc.lineStarts[line - 1]);
        if (prev.length > 80)
            prev = prev.substring(0, 79) + '…\n';
        lineStr = prev + lineStr;
    }
    if (/[^ ]/.test(lineStr)) {
        let count = 1;
        const end = error.linePos[1];
        if (end?.line === line && end.col > col) {
            count = Math.max(1, Math.min(end.col - col, 80 - ci));
        }
        const pointer = ' '.repeat(ci) + '^'.repeat(count);
        error.message += `:\n\n${lineStr}\n${pointer}\n`;
    }
};

exports.YAMLError = YAMLError;
exports.YAMLParseError = YAMLParseError;
exports.YAMLWarning = YAMLWarning;
exports.prettifyError = prettifyError;


/***/ }),

/***/ 8815:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var composer = __nccwpck_require__(9984);
var Document = __nccwpck_require__(3021);
var Schema = __nccwpck_require__(5840);
var errors = __nccwpck_require__(1464);
var Alias = __nccwpck_require__(4065);
var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var Scalar = __nccwpck_require__(3301);
var YAMLMap = __nccwpck_require__(4454);
var YAMLSeq = __nccwpck_require__(2223);
var cst = __nccwpck_require__(3461);
var lexer = __nccwpck_require__(361);
var lineCounter = __nccwpck_require__(6628);
var parser = __nccwpck_require__(3456);
var publicApi = __nccwpck_require__(4047);
var visit = __nccwpck_require__(204);



exports.Composer = composer.Composer;
exports.Document = Document.Document;
exports.Schema = Schema.Schema;
exports.YAMLError = errors.YAMLError;
exports.YAMLParseError = errors.YAMLParseError;
exports.YAMLWarning = errors.YAMLWarning;
exports.Alias = Alias.Alias;
exports.isAlias = identity.isAlias;
exports.isCollection = identity.isCollection;
exports.isDocument = identity.isDocument;
exports.isMap = identity.isMap;
exports.isNode = identity.isNode;
exports.isPair = identity.isPair;
exports.isScalar = identity.isScalar;
exports.isSeq = identity.isSeq;
exports.Pair = Pair.Pair;
exports.Scalar = Scalar.Scalar;
exports.YAMLMap = YAMLMap.YAMLMap;
exports.YAMLSeq = YAMLSeq.YAMLSeq;
exports.CST = cst;
exports.Lexer = lexer.Lexer;
exports.LineCounter = lineCounter.LineCounter;
exports.Parser = parser.Parser;
exports.parse = publicApi.parse;
exports.parseAllDocuments = publicApi.parseAllDocuments;
exports.parseDocument = publicApi.parseDocument;
exports.stringify = publicApi.stringify;
exports.visit = visit.visit;
exports.visitAsync = visit.visitAsync;


/***/ }),

/***/ 7249:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_process = __nccwpck_require__(932);

function debug(logLevel, ...messages) {
    if (logLevel === 'debug')
        console.log(...messages);
}
function warn(logLevel, warning) {
    if (logLevel === 'debug' || logLevel === 'warn') {
        if (typeof node_process.emitWarning === 'function')
            node_process.emitWarning(warning);
        else
            console.warn(warning);
    }
}

exports.debug = debug;
exports.warn = warn;


/***/ }),

/***/ 4065:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var anchors = __nccwpck_require__(1596);
var visit = __nccwpck_require__(204);
var identity = __nccwpck_require__(1127);
var Node = __nccwpck_require__(6673);
var toJS = __nccwpck_require__(4043);

class Alias extends Node.NodeBase {
    constructor(source) {
        super(identity.ALIAS);
        this.source = source;
        Object.defineProperty(this, 'tag', {
            set() {
                throw new Error('Alias nodes cannot have tags');
            }
        });
    }
    /**
     * Resolve the value of this alias within `doc`, finding the last
     * instance of the `source` anchor before this node.
     */
    resolve(doc, ctx) {
        if (ctx?.maxAliasCount === 0)
            throw new ReferenceError('Alias resolution is disabled');
        let nodes;
        if (ctx?.aliasResolveCache) {
            nodes = ctx.aliasResolveCache;
        }
        else {
            nodes = [];
            visit.visit(doc, {
                Node: (_key, node) => {
                    if (identity.isAlias(node) || identity.hasAnchor(node))
                        nodes.push(node);
                }
            });
            if (ctx)
                ctx.aliasResolveCache = nodes;
        }
        let found = undefined;
        for (const node of nodes) {
            if (node === this)
                break;
            if (node.anchor === this.source)
                found = node;
        }
        if (found && ctx) {
            const { anchors, doc, maxAliasCount } = ctx;
            let data = anchors.get(found);
            if (!data) {
                // Resolve anchors for Node.prototype.toJS()
                toJS.toJS(found, null, ctx);
                data = anchors.get(found);
            }
            /* istanbul ignore if */
            if (data?.res === undefined) {
                const msg = 'This should not happen: Alias anchor was not resolved?';
                throw new ReferenceError(msg);
            }
            if (maxAliasCount >= 0) {
                data.count += 1;
                if (data.aliasCount === 0)
                    data.aliasCount = getAliasCount(doc, found, anchors);
                if (data.count * data.aliasCount > maxAliasCount) {
                    const msg = 'Excessive alias count indicates a resource exhaustion attack';
                    throw new ReferenceError(msg);
                }
            }
        }
        return found;
    }
    toJSON(_arg, ctx) {
        if (!ctx)
            return { source: this.source };
        const source = this.resolve(ctx.doc, ctx);
        if (!source) {
            const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
            throw new ReferenceError(msg);
        }
        return ctx.anchors.get(source).res;
    }
    toString(ctx, _onComment, _onChompKeep) {
        const src = `*${this.source}`;
        if (ctx) {
            anchors.anchorIsValid(this.source);
            if (ctx.options.verifyAliasOrder && !ctx.anchors.has(this.source)) {
                const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
                throw new Error(msg);
            }
            if (ctx.implicitKey)
                return `${src} `;
        }
        return src;
    }
}
function getAliasCount(doc, node, anchors) {
    if (identity.isAlias(node)) {
        const source = node.resolve(doc);
        const anchor = anchors && source && anchors.get(source);
        return anchor ? anchor.count * anchor.aliasCount : 0;
    }
    else if (identity.isCollection(node)) {
        let count = 0;
        for (const item of node.items) {
            const c = getAliasCount(doc, item, anchors);
            if (c > count)
                count = c;
        }
        return count;
    }
    else if (identity.isPair(node)) {
        const kc = getAliasCount(doc, node.key, anchors);
        const vc = getAliasCount(doc, node.value, anchors);
        return Math.max(kc, vc);
    }
    return 1;
}

exports.Alias = Alias;


/***/ }),

/***/ 101:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var createNode = __nccwpck_require__(2404);
var identity = __nccwpck_require__(1127);
var Node = __nccwpck_require__(6673);

function collectionFromPath(schema, path, value) {
    let v = value;
    for (let i = path.length - 1; i >= 0; --i) {
        const k = path[i];
        if (typeof k === 'number' && Number.isInteger(k) && k >= 0) {
            const a = [];
            a[k] = v;
            v = a;
        }
        else {
            v = new Map([[k, v]]);
        }
    }
    return createNode.createNode(v, undefined, {
        aliasDuplicateObjects: false,
        keepUndefined: false,
        onAnchor: () => {
            throw new Error('This should not happen, please report a bug.');
        },
        schema,
        sourceObjects: new Map()
    });
}
// Type guard is intentionally a little wrong so as to be more useful,
// as it does not cover untypable empty non-string iterables (e.g. []).
const isEmptyPath = (path) => path == null ||
    (typeof path === 'object' && !!path[Symbol.iterator]().next().done);
class Collection extends Node.NodeBase {
    constructor(type, schema) {
        super(type);
        Object.defineProperty(this, 'schema', {
            value: schema,
            configurable: true,
            enumerable: false,
            writable: true
        });
    }
    /**
     * Create a copy of this collection.
     *
     * @param schema - If defined, overwrites the original's schema
     */
    clone(schema) {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (schema)
            copy.schema = schema;
        copy.items = copy.items.map(it => identity.isNode(it) || identity.isPair(it) ? it.clone(schema) : it);
        if (this.range)
            copy.range = this.range.slice();
        return copy;
    }
    /**
     * Adds a value to the collection. For `!!map` and `!!omap` the value must
     * be a Pair instance or a `{ key, value }` object, which may not have a key
     * that already exists in the map.
     */
    addIn(path, value) {
        if (isEmptyPath(path))
            this.add(value);
        else {
            const [key, ...rest] = path;
            const node = this.get(key, true);
            if (identity.isCollection(node))
                node.addIn(rest, value);
            else if (node === undefined && this.schema)
                this.set(key, collectionFromPath(this.schema, rest, value));
            else
                throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
    }
    /**
     * Removes a value from the collection.
     * @returns `true` if the item was found and removed.
     */
    deleteIn(path) {
        const [key, ...rest] = path;
        if (rest.length === 0)
            return this.delete(key);
        const node = this.get(key, true);
        if (identity.isCollection(node))
            return node.deleteIn(rest);
        else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
    }
    /**
     * Returns item at `key`, or `undefined` if not found. By default unwraps
     * scalar values from their surrounding node; to disable set `keepScalar` to
     * `true` (collections are always returned intact).
     */
    getIn(path, keepScalar) {
        const [key, ...rest] = path;
        const node = this.get(key, true);
        if (rest.length === 0)
            return !keepScalar && identity.isScalar(node) ? node.value : node;
        else
            return identity.isCollection(node) ? node.getIn(rest, keepScalar) : undefined;
    }
    hasAllNullValues(allowScalar) {
        return this.items.every(node => {
            if (!identity.isPair(node))
                return false;
            const n = node.value;
            return (n == null ||
                (allowScalar &&
                    identity.isScalar(n) &&
                    n.value == null &&
                    !n.commentBefore &&
                    !n.comment &&
                    !n.tag));
        });
    }
    /**
     * Checks if the collection includes a value with the key `key`.
     */
    hasIn(path) {
        const [key, ...rest] = path;
        if (rest.length === 0)
            return this.has(key);
        const node = this.get(key, true);
        return identity.isCollection(node) ? node.hasIn(rest) : false;
    }
    /**
     * Sets a value in this collection. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     */
    setIn(path, value) {
        const [key, ...rest] = path;
        if (rest.length === 0) {
            this.set(key, value);
        }
        else {
            const node = this.get(key, true);
            if (identity.isCollection(node))
                node.setIn(rest, value);
            else if (node === undefined && this.schema)
                this.set(key, collectionFromPath(this.schema, rest, value));
            else
                throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
    }
}

exports.Collection = Collection;
exports.collectionFromPath = collectionFromPath;
exports.isEmptyPath = isEmptyPath;


/***/ }),

/***/ 6673:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var applyReviver = __nccwpck_require__(3661);
var identity = __nccwpck_require__(1127);
var toJS = __nccwpck_require__(4043);

class NodeBase {
    constructor(type) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: type });
    }
    /** Create a copy of this node.  */
    clone() {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (this.range)
            copy.range = this.range.slice();
        return copy;
    }
    /** A plain JavaScript representation of this node. */
    toJS(doc, { mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        if (!identity.isDocument(doc))
            throw new TypeError('A document argument is required');
        const ctx = {
            anchors: new Map(),
            doc,
            keep: true,
            mapAsMap: mapAsMap === true,
            mapKeyWarned: false,
            maxAliasCount: typeof maxAliasCount === 'number' ? maxAliasCount : 100
        };
        const res = toJS.toJS(this, '', ctx);
        if (typeof onAnchor === 'function')
            for (const { count, res } of ctx.anchors.values())
                onAnchor(res, count);
        return typeof reviver === 'function'
            ? applyReviver.applyReviver(reviver, { '': res }, '', res)
            : res;
    }
}

exports.NodeBase = NodeBase;


/***/ }),

/***/ 7165:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var createNode = __nccwpck_require__(2404);
var stringifyPair = __nccwpck_require__(9748);
var addPairToJSMap = __nccwpck_require__(7104);
var identity = __nccwpck_require__(1127);

function createPair(key, value, ctx) {
    const k = createNode.createNode(key, undefined, ctx);
    const v = createNode.createNode(value, undefined, ctx);
    return new Pair(k, v);
}
class Pair {
    constructor(key, value = null) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.PAIR });
        this.key = key;
        this.value = value;
    }
    clone(schema) {
        let { key, value } = this;
        if (identity.isNode(key))
            key = key.clone(schema);
        if (identity.isNode(value))
            value = value.clone(schema);
        return new Pair(key, value);
    }
    toJSON(_, ctx) {
        const pair = ctx?.mapAsMap ? new Map() : {};
        return addPairToJSMap.addPairToJSMap(ctx, pair, this);
    }
    toString(ctx, onComment, onChompKeep) {
        return ctx?.doc
            ? stringifyPair.stringifyPair(this, ctx, onComment, onChompKeep)
            : JSON.stringify(this);
    }
}

exports.Pair = Pair;
exports.createPair = createPair;


/***/ }),

/***/ 3301:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Node = __nccwpck_require__(6673);
var toJS = __nccwpck_require__(4043);

const isScalarValue = (value) => !value || (typeof value !== 'function' && typeof value !== 'object');
class Scalar extends Node.NodeBase {
    constructor(value) {
        super(identity.SCALAR);
        this.value = value;
    }
    toJSON(arg, ctx) {
        return ctx?.keep ? this.value : toJS.toJS(this.value, arg, ctx);
    }
    toString() {
        return String(this.value);
    }
}
Scalar.BLOCK_FOLDED = 'BLOCK_FOLDED';
Scalar.BLOCK_LITERAL = 'BLOCK_LITERAL';
Scalar.PLAIN = 'PLAIN';
Scalar.QUOTE_DOUBLE = 'QUOTE_DOUBLE';
Scalar.QUOTE_SINGLE = 'QUOTE_SINGLE';

exports.Scalar = Scalar;
exports.isScalarValue = isScalarValue;


/***/ }),

/***/ 4454:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyCollection = __nccwpck_require__(1212);
var addPairToJSMap = __nccwpck_require__(7104);
var Collection = __nccwpck_require__(101);
var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var Scalar = __nccwpck_require__(3301);

function findPair(items, key) {
    const k = identity.isScalar(key) ? key.value : key;
    for (const it of items) {
        if (identity.isPair(it)) {
            if (it.key === key || it.key === k)
                return it;
            if (identity.isScalar(it.key) && it.key.value === k)
                return it;
        }
    }
    return undefined;
}
class YAMLMap extends Collection.Collection {
    static get tagName() {
        return 'tag:yaml.org,2002:map';
    }
    constructor(schema) {
        super(identity.MAP, schema);
        this.items = [];
    }
    /**
     * A generic collection parsing method that can be extended
     * to other node classes that inherit from YAMLMap
     */
    static from(schema, obj, ctx) {
        const { keepUndefined, replacer } = ctx;
        const map = new this(schema);
        const add = (key, value) => {
            if (typeof replacer === 'function')
                value = replacer.call(obj, key, value);
            else if (Array.isArray(replacer) && !replacer.includes(key))
                return;
            if (value !== undefined || keepUndefined)
                map.items.push(Pair.createPair(key, value, ctx));
        };
        if (obj instanceof Map) {
            for (const [key, value] of obj)
                add(key, value);
        }
        else if (obj && typeof obj === 'object') {
            for (const key of Object.keys(obj))
                add(key, obj[key]);
        }
        if (typeof schema.sortMapEntries === 'function') {
            map.items.sort(schema.sortMapEntries);
        }
        return map;
    }
    /**
     * Adds a value to the collection.
     *
     * @param overwrite - If not set `true`, using a key that is already in the
     *   collection will throw. Otherwise, overwrites the previous value.
     */
    add(pair, overwrite) {
        let _pair;
        if (identity.isPair(pair))
            _pair = pair;
        else if (!pair || typeof pair !== 'object' || !('key' in pair)) {
            // In TypeScript, this never happens.
            _pair = new Pair.Pair(pair, pair?.value);
        }
        else
            _pair = new Pair.Pair(pair.key, pair.value);
        const prev = findPair(this.items, _pair.key);
        const sortEntries = this.schema?.sortMapEntries;
        if (prev) {
            if (!overwrite)
                throw new Error(`Key ${_pair.key} already set`);
            // For scalars, keep the old node & its comments and anchors
            if (identity.isScalar(prev.value) && Scalar.isScalarValue(_pair.value))
                prev.value.value = _pair.value;
            else
                prev.value = _pair.value;
        }
        else if (sortEntries) {
            const i = this.items.findIndex(item => sortEntries(_pair, item) < 0);
            if (i === -1)
                this.items.push(_pair);
            else
                this.items.splice(i, 0, _pair);
        }
        else {
            this.items.push(_pair);
        }
    }
    delete(key) {
        const it = findPair(this.items, key);
        if (!it)
            return false;
        const del = this.items.splice(this.items.indexOf(it), 1);
        return del.length > 0;
    }
    get(key, keepScalar) {
        const it = findPair(this.items, key);
        const node = it?.value;
        return (!keepScalar && identity.isScalar(node) ? node.value : node) ?? undefined;
    }
    has(key) {
        return !!findPair(this.items, key);
    }
    set(key, value) {
        this.add(new Pair.Pair(key, value), true);
    }
    /**
     * @param ctx - Conversion context, originally set in Document#toJS()
     * @param {Class} Type - If set, forces the returned collection type
     * @returns Instance of Type, Map, or Object
     */
    toJSON(_, ctx, Type) {
        const map = Type ? new Type() : ctx?.mapAsMap ? new Map() : {};
        if (ctx?.onCreate)
            ctx.onCreate(map);
        for (const item of this.items)
            addPairToJSMap.addPairToJSMap(ctx, map, item);
        return map;
    }
    toString(ctx, onComment, onChompKeep) {
        if (!ctx)
            return JSON.stringify(this);
        for (const item of this.items) {
            if (!identity.isPair(item))
                throw new Error(`Map items must all be pairs; found ${JSON.stringify(item)} instead`);
        }
        if (!ctx.allNullValues && this.hasAllNullValues(false))
            ctx = Object.assign({}, ctx, { allNullValues: true });
        return stringifyCollection.stringifyCollection(this, ctx, {
            blockItemPrefix: '',
            flowChars: { start: '{', end: '}' },
            itemIndent: ctx.indent || '',
            onChompKeep,
            onComment
        });
    }
}

exports.YAMLMap = YAMLMap;
exports.findPair = findPair;


/***/ }),

/***/ 2223:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var createNode = __nccwpck_require__(2404);
var stringifyCollection = __nccwpck_require__(1212);
var Collection = __nccwpck_require__(101);
var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);
var toJS = __nccwpck_require__(4043);

class YAMLSeq extends Collection.Collection {
    static get tagName() {
        return 'tag:yaml.org,2002:seq';
    }
    constructor(schema) {
        super(identity.SEQ, schema);
        this.items = [];
    }
    add(value) {
        this.items.push(value);
    }
    /**
     * Removes a value from the collection.
     *
     * `key` must contain a representation of an integer for this to succeed.
     * It may be wrapped in a `Scalar`.
     *
     * @returns `true` if the item was found and removed.
     */
    delete(key) {
        const idx = asItemIndex(key);
        if (typeof idx !== 'number')
            return false;
        const del = this.items.splice(idx, 1);
        return del.length > 0;
    }
    get(key, keepScalar) {
        const idx = asItemIndex(key);
        if (typeof idx !== 'number')
            return undefined;
        const it = this.items[idx];
        return !keepScalar && identity.isScalar(it) ? it.value : it;
    }
    /**
     * Checks if the collection includes a value with the key `key`.
     *
     * `key` must contain a representation of an integer for this to succeed.
     * It may be wrapped in a `Scalar`.
     */
    has(key) {
        const idx = asItemIndex(key);
        return typeof idx === 'number' && idx < this.items.length;
    }
    /**
     * Sets a value in this collection. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     *
     * If `key` does not contain a representation of an integer, this will throw.
     * It may be wrapped in a `Scalar`.
     */
    set(key, value) {
        const idx = asItemIndex(key);
        if (typeof idx !== 'number')
            throw new Error(`Expected a valid index, not ${key}.`);
        const prev = this.items[idx];
        if (identity.isScalar(prev) && Scalar.isScalarValue(value))
            prev.value = value;
        else
            this.items[idx] = value;
    }
    toJSON(_, ctx) {
        const seq = [];
        if (ctx?.onCreate)
            ctx.onCreate(seq);
        let i = 0;
        for (const item of this.items)
            seq.push(toJS.toJS(item, String(i++), ctx));
        return seq;
    }
    toString(ctx, onComment, onChompKeep) {
        if (!ctx)
            return JSON.stringify(this);
        return stringifyCollection.stringifyCollection(this, ctx, {
            blockItemPrefix: '- ',
            flowChars: { start: '[', end: ']' },
            itemIndent: (ctx.indent || '') + '  ',
            onChompKeep,
            onComment
        });
    }
    static from(schema, obj, ctx) {
        const { replacer } = ctx;
        const seq = new this(schema);
        if (obj && Symbol.iterator in Object(obj)) {
            let i = 0;
            for (let it of obj) {
                if (typeof replacer === 'function') {
                    const key = obj instanceof Set ? it : String(i++);
                    it = replacer.call(obj, key, it);
                }
                seq.items.push(createNode.createNode(it, undefined, ctx));
            }
        }
        return seq;
    }
}
function asItemIndex(key) {
    let idx = identity.isScalar(key) ? key.value : key;
    if (idx && typeof idx === 'string')
        idx = Number(idx);
    return typeof idx === 'number' && Number.isInteger(idx) && idx >= 0
        ? idx
        : null;
}

exports.YAMLSeq = YAMLSeq;


/***/ }),

/***/ 7104:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var log = __nccwpck_require__(7249);
var merge = __nccwpck_require__(452);
var stringify = __nccwpck_require__(2148);
var identity = __nccwpck_require__(1127);
var toJS = __nccwpck_require__(4043);

function addPairToJSMap(ctx, map, { key, value }) {
    if (identity.isNode(key) && key.addToJSMap)
        key.addToJSMap(ctx, map, value);
    // TODO: Should drop this special case for bare << handling
    else if (merge.isMergeKey(ctx, key))
        merge.addMergeToJSMap(ctx, map, value);
    else {
        const jsKey = toJS.toJS(key, '', ctx);
        if (map instanceof Map) {
            map.set(jsKey, toJS.toJS(value, jsKey, ctx));
        }
        else if (map instanceof Set) {
            map.add(jsKey);
        }
        else {
            const stringKey = stringifyKey(key, jsKey, ctx);
            const jsValue = toJS.toJS(value, stringKey, ctx);
            if (stringKey in map)
                Object.defineProperty(map, stringKey, {
                    value: jsValue,
                    writable: true,
                    enumerable: true,
                    configurable: true
                });
            else
                map[stringKey] = jsValue;
        }
    }
    return map;
}
function stringifyKey(key, jsKey, ctx) {
    if (jsKey === null)
        return '';
    // eslint-disable-next-line @typescript-eslint/no-base-to-string
    if (typeof jsKey !== 'object')
        return String(jsKey);
    if (identity.isNode(key) && ctx?.doc) {
        const strCtx = stringify.createStringifyContext(ctx.doc, {});
        strCtx.anchors = new Set();
        for (const node of ctx.anchors.keys())
            strCtx.anchors.add(node.anchor);
        strCtx.inFlow = true;
        strCtx.inStringifyKey = true;
        const strKey = key.toString(strCtx);
        if (!ctx.mapKeyWarned) {
            let jsonStr = JSON.stringify(strKey);
            if (jsonStr.length > 40)
                jsonStr = jsonStr.substring(0, 36) + '..."';
            log.warn(ctx.doc.options.logLevel, `Keys with collection values will be stringified due to JS Object restrictions: ${jsonStr}. Set mapAsMap: true to use object keys.`);
            ctx.mapKeyWarned = true;
        }
        return strKey;
    }
    return JSON.stringify(jsKey);
}

exports.addPairToJSMap = addPairToJSMap;


/***/ }),

/***/ 1127:
/***/ ((__unused_webpack_module, exports) => {



const ALIAS = Symbol.for('yaml.alias');
const DOC = Symbol.for('yaml.document');
const MAP = Symbol.for('yaml.map');
const PAIR = Symbol.for('yaml.pair');
const SCALAR = Symbol.for('yaml.scalar');
const SEQ = Symbol.for('yaml.seq');
const NODE_TYPE = Symbol.for('yaml.node.type');
const isAlias = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === ALIAS;
const isDocument = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === DOC;
const isMap = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === MAP;
const isPair = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === PAIR;
const isScalar = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === SCALAR;
const isSeq = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === SEQ;
function isCollection(node) {
    if (node && typeof node === 'object')
        switch (node[NODE_TYPE]) {
            case MAP:
            case SEQ:
                return true;
        }
    return false;
}
function isNode(node) {
    if (node && typeof node === 'object')
        switch (node[NODE_TYPE]) {
            case ALIAS:
            case MAP:
            case SCALAR:
            case SEQ:
                return true;
        }
    return false;
}
const hasAnchor = (node) => (isScalar(node) || isCollection(node)) && !!node.anchor;

exports.ALIAS = ALIAS;
exports.DOC = DOC;
exports.MAP = MAP;
exports.NODE_TYPE = NODE_TYPE;
exports.PAIR = PAIR;
exports.SCALAR = SCALAR;
exports.SEQ = SEQ;
exports.hasAnchor = hasAnchor;
exports.isAlias = isAlias;
exports.isCollection = isCollection;
exports.isDocument = isDocument;
exports.isMap = isMap;
exports.isNode = isNode;
exports.isPair = isPair;
exports.isScalar = isScalar;
exports.isSeq = isSeq;


/***/ }),

/***/ 4043:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);

/**
 * Recursively convert any node or its contents to native JavaScript
 *
 * @param value - The input value
 * @param arg - If `value` defines a `toJSON()` method, use this
 *   as its first argument
 * @param ctx - Conversion context, originally set in Document#toJS(). If
 *   `{ keep: true }` is not set, output should be suitable for JSON
 *   stringification.
 */
function toJS(value, arg, ctx) {
    // eslint-disable-next-line @typescript-eslint/no-unsafe-return
    if (Array.isArray(value))
        return value.map((v, i) => toJS(v, String(i), ctx));
    if (value && typeof value.toJSON === 'function') {
        // eslint-disable-next-line @typescript-eslint/no-unsafe-call
        if (!ctx || !identity.hasAnchor(value))
            return value.toJSON(arg, ctx);
        const data = { aliasCount: 0, count: 1, res: undefined };
        ctx.anchors.set(value, data);
        ctx.onCreate = res => {
            data.res = res;
            delete ctx.onCreate;
        };
        const res = value.toJSON(arg, ctx);
        if (ctx.onCreate)
            ctx.onCreate(res);
        return res;
    }
    if (typeof value === 'bigint' && !ctx?.keep)
        return Number(value);
    return value;
}

exports.toJS = toJS;


/***/ }),

/***/ 110:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var resolveBlockScalar = __nccwpck_require__(8913);
var resolveFlowScalar = __nccwpck_require__(6842);
var errors = __nccwpck_require__(1464);
var stringifyString = __nccwpck_require__(3069);

function resolveAsScalar(token, strict = true, onError) {
    if (token) {
        const _onError = (pos, code, message) => {
            const offset = typeof pos === 'number' ? pos : Array.isArray(pos) ? pos[0] : pos.offset;
            if (onError)
                onError(offset, code, message);
            else
                throw new errors.YAMLParseError([offset, offset + 1], code, message);
        };
        switch (token.type) {
            case 'scalar':
            case 'single-quoted-scalar':
            case 'double-quoted-scalar':
                return resolveFlowScalar.resolveFlowScalar(token, strict, _onError);
            case 'block-scalar':
                return resolveBlockScalar.resolveBlockScalar({ options: { strict } }, token, _onError);
        }
    }
    return null;
}
/**
 * Create a new scalar token with `value`
 *
 * Values that represent an actual string but may be parsed as a different type should use a `type` other than `'PLAIN'`,
 * as this function does not support any schema operations and won't check for such conflicts.
 *
 * @param value The string representation of the value, which will have its content properly indented.
 * @param context.end Comments and whitespace after the end of the value, or after the block scalar header. If undefined, a newline will be added.
 * @param context.implicitKey Being within an implicit key may affect the resolved type of the token's value.
 * @param context.indent The indent level of the token.
 * @param context.inFlow Is this scalar within a flow collection? This may affect the resolved type of the token's value.
 * @param context.offset The offset position of the token.
 * @param context.type The preferred type of the scalar token. If undefined, the previous type of the `token` will be used, defaulting to `'PLAIN'`.
 */
function createScalarToken(value, context) {
    const { implicitKey = false, indent, inFlow = false, offset = -1, type = 'PLAIN' } = context;
    const source = stringifyString.stringifyString({ type, value }, {
        implicitKey,
        indent: indent > 0 ? ' '.repeat(indent) : '',
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
    });
    const end = context.end ?? [
        { type: 'newline', offset: -1, indent, source: '\n' }
    ];
    switch (source[0]) {
        case '|':
        case '>': {
            const he = source.indexOf('\n');
            const head = source.substring(0, he);
            const body = source.substring(he + 1) + '\n';
            const props = [
                { type: 'block-scalar-header', offset, indent, source: head }
            ];
            if (!addEndtoBlockProps(props, end))
                props.push({ type: 'newline', offset: -1, indent, source: '\n' });
            return { type: 'block-scalar', offset, indent, props, source: body };
        }
        case '"':
            return { type: 'double-quoted-scalar', offset, indent, source, end };
        case "'":
            return { type: 'single-quoted-scalar', offset, indent, source, end };
        default:
            return { type: 'scalar', offset, indent, source, end };
    }
}
/**
 * Set the value of `token` to the given string `value`, overwriting any previous contents and type that it may have.
 *
 * Best efforts are made to retain any comments previously associated with the `token`,
 * though all contents within a collection's `items` will be overwritten.
 *
 * Values that represent an actual string but may be parsed as a different type should use a `type` other than `'PLAIN'`,
 * as this function does not support any schema operations and won't check for such conflicts.
 *
 * @param token Any token. If it does not include an `indent` value, the value will be stringified as if it were an implicit key.
 * @param value The string representation of the value, which will have its content properly indented.
 * @param context.afterKey In most cases, values after a key should have an additional level of indentation.
 * @param context.implicitKey Being within an implicit key may affect the resolved type of the token's value.
 * @param context.inFlow Being within a flow collection may affect the resolved type of the token's value.
 * @param context.type The preferred type of the scalar token. If undefined, the previous type of the `token` will be used, defaulting to `'PLAIN'`.
 */
function setScalarValue(token, value, context = {}) {
    let { afterKey = false, implicitKey = false, inFlow = false, type } = context;
    let indent = 'indent' in token ? token.indent : null;
    if (afterKey && typeof indent === 'number')
        indent += 2;
    if (!type)
        switch (token.type) {
            case 'single-quoted-scalar':
                type = 'QUOTE_SINGLE';
                break;
            case 'double-quoted-scalar':
                type = 'QUOTE_DOUBLE';
                break;
            case 'block-scalar': {
                const header = token.props[0];
                if (header.type !== 'block-scalar-header')
                    throw new Error('Invalid block scalar header');
                type = header.source[0] === '>' ? 'BLOCK_FOLDED' : 'BLOCK_LITERAL';
                break;
            }
            default:
                type = 'PLAIN';
        }
    const source = stringifyString.stringifyString({ type, value }, {
        implicitKey: implicitKey || indent === null,
        indent: indent !== null && indent > 0 ? ' '.repeat(indent) : '',
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
    });
    switch (source[0]) {
        case '|':
        case '>':
            setBlockScalarValue(token, source);
            break;
        case '"':
            setFlowScalarValue(token, source, 'double-quoted-scalar');
            break;
        case "'":
            setFlowScalarValue(token, source, 'single-quoted-scalar');
            break;
        default:
            setFlowScalarValue(token, source, 'scalar');
    }
}
function setBlockScalarValue(token, source) {
    const he = source.indexOf('\n');
    const head = source.substring(0, he);
    const body = source.substring(he + 1) + '\n';
    if (token.type === 'block-scalar') {
        const header = token.props[0];
        if (header.type !== 'block-scalar-header')
            throw new Error('Invalid block scalar header');
        header.source = head;
        token.source = body;
    }
    else {
        const { offset } = token;
        const indent = 'indent' in token ? token.indent : -1;
        const props = [
            { type: 'block-scalar-header', offset, indent, source: head }
        ];
        if (!addEndtoBlockProps(props, 'end' in token ? token.end : undefined))
            props.push({ type: 'newline', offset: -1, indent, source: '\n' });
        for (const key of Object.keys(token))
            if (key !== 'type' && key !== 'offset')
                delete token[key];
        Object.assign(token, { type: 'block-scalar', indent, props, source: body });
    }
}
/** @returns `true` if last token is a newline */
function addEndtoBlockProps(props, end) {
    if (end)
        for (const st of end)
            switch (st.type) {
                case 'space':
                case 'comment':
                    props.push(st);
                    break;
                case 'newline':
                    props.push(st);
                    return true;
            }
    return false;
}
function setFlowScalarValue(token, source, type) {
    switch (token.type) {
        case 'scalar':
        case 'double-quoted-scalar':
        case 'single-quoted-scalar':
            token.type = type;
            token.source = source;
            break;
        case 'block-scalar': {
            const end = token.props.slice(1);
            let oa = source.length;
            if (token.props[0].type === 'block-scalar-header')
                oa -= token.props[0].source.length;
            for (const tok of end)
                tok.offset += oa;
            delete token.props;
            Object.assign(token, { type, source, end });
            break;
        }
        case 'block-map':
        case 'block-seq': {
            const offset = token.offset + source.length;
            const nl = { type: 'newline', offset, indent: token.indent, source: '\n' };
            delete token.items;
            Object.assign(token, { type, source, end: [nl] });
            break;
        }
        default: {
            const indent = 'indent' in token ? token.indent : -1;
            const end = 'end' in token && Array.isArray(token.end)
                ? token.end.filter(st => st.type === 'space' ||
                    st.type === 'comment' ||
                    st.type === 'newline')
                : [];
            for (const key of Object.keys(token))
                if (key !== 'type' && key !== 'offset')
                    delete token[key];
            Object.assign(token, { type, indent, source, end });
        }
    }
}

exports.createScalarToken = createScalarToken;
exports.resolveAsScalar = resolveAsScalar;
exports.setScalarValue = setScalarValue;


/***/ }),

/***/ 1733:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Stringify a CST document, token, or collection item
 *
 * Fair warning: This applies no validation whatsoever, and
 * simply concatenates the sources in their logical order.
 */
const stringify = (cst) => 'type' in cst ? stringifyToken(cst) : stringifyItem(cst);
function stringifyToken(token) {
    switch (token.type) {
        case 'block-scalar': {
            let res = '';
            for (const tok of token.props)
                res += stringifyToken(tok);
            return res + token.source;
        }
        case 'block-map':
        case 'block-seq': {
            let res = '';
            for (const item of token.items)
                res += stringifyItem(item);
            return res;
        }
        case 'flow-collection': {
            let res = token.start.source;
            for (const item of token.items)
                res += stringifyItem(item);
            for (const st of token.end)
                res += st.source;
            return res;
        }
        case 'document': {
            let res = stringifyItem(token);
            if (token.end)
                for (const st of token.end)
                    res += st.source;
            return res;
        }
        default: {
            let res = token.source;
            if ('end' in token && token.end)
                for (const st of token.end)
                    res += st.source;
            return res;
        }
    }
}
function stringifyItem({ start, key, sep, value }) {
    let res = '';
    for (const st of start)
        res += st.source;
    if (key)
        res += stringifyToken(key);
    if (sep)
        for (const st of sep)
            res += st.source;
    if (value)
        res += stringifyToken(value);
    return res;
}

exports.stringify = stringify;


/***/ }),

/***/ 7715:
/***/ ((__unused_webpack_module, exports) => {



const BREAK = Symbol('break visit');
const SKIP = Symbol('skip children');
const REMOVE = Symbol('remove item');
/**
 * Apply a visitor to a CST document or item.
 *
 * Walks through the tree (depth-first) starting from the root, calling a
 * `visitor` function with two arguments when entering each item:
 *   - `item`: The current item, which included the following members:
 *     - `start: SourceToken[]` – Source tokens before the key or value,
 *       possibly including its anchor or tag.
 *     - `key?: Token | null` – Set for pair values. May then be `null`, if
 *       the key before the `:` separator is empty.
 *     - `sep?: SourceToken[]` – Source tokens between the key and the value,
 *       which should include the `:` map value indicator if `value` is set.
 *     - `value?: Token` – The value of a sequence item, or of a map pair.
 *   - `path`: The steps from the root to the current node, as an array of
 *     `['key' | 'value', number]` tuples.
 *
 * The return value of the visitor may be used to control the traversal:
 *   - `undefined` (default): Do nothing and continue
 *   - `visit.SKIP`: Do not visit the children of this token, continue with
 *      next sibling
 *   - `visit.BREAK`: Terminate traversal completely
 *   - `visit.REMOVE`: Remove the current item, then continue with the next one
 *   - `number`: Set the index of the next step. This is useful especially if
 *     the index of the current token has changed.
 *   - `function`: Define the next visitor for this item. After the original
 *     visitor is called on item entry, next visitors are called after handling
 *     a non-empty `key` and when exiting the item.
 */
function visit(cst, visitor) {
    if ('type' in cst && cst.type === 'document')
        cst = { start: cst.start, value: cst.value };
    _visit(Object.freeze([]), cst, visitor);
}
// Without the `as symbol` casts, TS declares these in the `visit`
// namespace using `var`, but then complains about that because
// `unique symbol` must be `const`.
/** Terminate visit traversal completely */
visit.BREAK = BREAK;
/** Do not visit the children of the current item */
visit.SKIP = SKIP;
/** Remove the current item */
visit.REMOVE = REMOVE;
/** Find the item at `path` from `cst` as the root */
visit.itemAtPath = (cst, path) => {
    let item = cst;
    for (const [field, index] of path) {
        const tok = item?.[field];
        if (tok && 'items' in tok) {
            item = tok.items[index];
        }
        else
            return undefined;
    }
    return item;
};
/**
 * Get the immediate parent collection of the item at `path` from `cst` as the root.
 *
 * Throws an error if the collection is not found, which should never happen if the item itself exists.
 */
visit.parentCollection = (cst, path) => {
    const parent = visit.itemAtPath(cst, path.slice(0, -1));
    const field = path[path.length - 1][0];
    const coll = parent?.[field];
    if (coll && 'items' in coll)
        return coll;
    throw new Error('Parent collection not found');
};
function _visit(path, item, visitor) {
    let ctrl = visitor(item, path);
    if (typeof ctrl === 'symbol')
        return ctrl;
    for (const field of ['key', 'value']) {
        const token = item[field];
        if (token && 'items' in token) {
            for (let i = 0; i < token.items.length; ++i) {
                const ci = _visit(Object.freeze(path.concat([[field, i]])), token.items[i], visitor);
                if (typeof ci === 'number')
                    i = ci - 1;
                else if (ci === BREAK)
                    return BREAK;
                else if (ci === REMOVE) {
                    token.items.splice(i, 1);
                    i -= 1;
                }
            }
            if (typeof ctrl === 'function' && field === 'key')
                ctrl = ctrl(item, path);
        }
    }
    return typeof ctrl === 'function' ? ctrl(item, path) : ctrl;
}

exports.visit = visit;


/***/ }),

/***/ 3461:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var cstScalar = __nccwpck_require__(110);
var cstStringify = __nccwpck_require__(1733);
var cstVisit = __nccwpck_require__(7715);

/** The byte order mark */
const BOM = '\u{FEFF}';
/** Start of doc-mode */
const DOCUMENT = '\x02'; // C0: Start of Text
/** Unexpected end of flow-mode */
const FLOW_END = '\x18'; // C0: Cancel
/** Next token is a scalar value */
const SCALAR = '\x1f'; // C0: Unit Separator
/** @returns `true` if `token` is a flow or block collection */
const isCollection = (token) => !!token && 'items' in token;
/** @returns `true` if `token` is a flow or block scalar; not an alias */
const isScalar = (token) => !!token &&
    (token.type === 'scalar' ||
        token.type === 'single-quoted-scalar' ||
        token.type === 'double-quoted-scalar' ||
        token.type === 'block-scalar');
/* istanbul ignore next */
/** Get a printable representation of a lexer token */
function prettyToken(token) {
    switch (token) {
        case BOM:
            return '<BOM>';
        case DOCUMENT:
            return '<DOC>';
        case FLOW_END:
            return '<FLOW_END>';
        case SCALAR:
            return '<SCALAR>';
        default:
            return JSON.stringify(token);
    }
}
/** Identify the type of a lexer token. May return `null` for unknown tokens. */
function tokenType(source) {
    switch (source) {
        case BOM:
            return 'byte-order-mark';
        case DOCUMENT:
            return 'doc-mode';
        case FLOW_END:
            return 'flow-error-end';
        case SCALAR:
            return 'scalar';
        case '---':
            return 'doc-start';
        case '...':
            return 'doc-end';
        case '':
        case '\n':
        case '\r\n':
            return 'newline';
        case '-':
            return 'seq-item-ind';
        case '?':
            return 'explicit-key-ind';
        case ':':
            return 'map-value-ind';
        case '{':
            return 'flow-map-start';
        case '}':
            return 'flow-map-end';
        case '[':
            return 'flow-seq-start';
        case ']':
            return 'flow-seq-end';
        case ',':
            return 'comma';
    }
    switch (source[0]) {
        case ' ':
        case '\t':
            return 'space';
        case '#':
            return 'comment';
        case '%':
            return 'directive-line';
        case '*':
            return 'alias';
        case '&':
            return 'anchor';
        case '!':
            return 'tag';
        case "'":
            return 'single-quoted-scalar';
        case '"':
            return 'double-quoted-scalar';
        case '|':
        case '>':
            return 'block-scalar-header';
    }
    return null;
}

exports.createScalarToken = cstScalar.createScalarToken;
exports.resolveAsScalar = cstScalar.resolveAsScalar;
exports.setScalarValue = cstScalar.setScalarValue;
exports.stringify = cstStringify.stringify;
exports.visit = cstVisit.visit;
exports.BOM = BOM;
exports.DOCUMENT = DOCUMENT;
exports.FLOW_END = FLOW_END;
exports.SCALAR = SCALAR;
exports.isCollection = isCollection;
exports.isScalar = isScalar;
exports.prettyToken = prettyToken;
exports.tokenType = tokenType;


/***/ }),

/***/ 361:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var cst = __nccwpck_require__(3461);

/*
START -> stream

stream
  directive -> line-end -> stream
  indent + line-end -> stream
  [else] -> line-start

line-end
  comment -> line-end
  newline -> .
  input-end -> END

line-start
  doc-start -> doc
  doc-end -> stream
  [else] -> indent -> block-start

block-start
  seq-item-start -> block-start
  explicit-key-start -> block-start
  map-value-start -> block-start
  [else] -> doc

doc
  line-end -> line-start
  spaces -> doc
  anchor -> doc
  tag -> doc
  flow-start -> flow -> doc
  flow-end -> error -> doc
  seq-item-start -> error -> doc
  explicit-key-start -> error -> doc
  map-value-start -> doc
  alias -> doc
  quote-start -> quoted-scalar -> doc
  block-scalar-header -> line-end -> block-scalar(min) -> line-start
  [else] -> plain-scalar(false, min) -> doc

flow
  line-end -> flow
  spaces -> flow
  anchor -> flow
  tag -> flow
  flow-start -> flow -> flow
  flow-end -> .
  seq-item-start -> error -> flow
  explicit-key-start -> flow
  map-value-start -> flow
  alias -> flow
  quote-start -> quoted-scalar -> flow
  comma -> flow
  [else] -> plain-scalar(true, 0) -> flow

quoted-scalar
  quote-end -> .
  [else] -> quoted-scalar

block-scalar(min)
  newline + peek(indent < min) -> .
  [else] -> block-scalar(min)

plain-scalar(is-flow, min)
  scalar-end(is-flow) -> .
  peek(newline + (indent < min)) -> .
  [else] -> plain-scalar(min)
*/
function isEmpty(ch) {
    switch (ch) {
        case undefined:
        case ' ':
        case '\n':
        case '\r':
        case '\t':
            return true;
        default:
            return false;
    }
}
const hexDigits = new Set('0123456789ABCDEFabcdef');
const tagChars = new Set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-#;/?:@&=+$_.!~*'()");
const flowIndicatorChars = new Set(',[]{}');
const invalidAnchorChars = new Set(' ,[]{}\n\r\t');
const isNotAnchorChar = (ch) => !ch || invalidAnchorChars.has(ch);
/**
 * Splits an input string into lexical tokens, i.e. smaller strings that are
 * easily identifiable by `tokens.tokenType()`.
 *
 * Lexing starts always in a "stream" context. Incomplete input may be buffered
 * until a complete token can be emitted.
 *
 * In addition to slices of the original input, the following control characters
 * may also be emitted:
 *
 * - `\x02` (Start of Text): A document starts with the next token
 * - `\x18` (Cancel): Unexpected end of flow-mode (indicates an error)
 * - `\x1f` (Unit Separator): Next token is a scalar value
 * - `\u{FEFF}` (Byte order mark): Emitted separately outside documents
 */
class Lexer {
    constructor() {
        /**
         * Flag indicating whether the end of the current buffer marks the end of
         * all input
         */
        this.atEnd = false;
        /**
         * Explicit indent set in block scalar header, as an offset from the current
         * minimum indent, so e.g. set to 1 from a header `|2+`. Set to -1 if not
         * explicitly set.
         */
        this.blockScalarIndent = -1;
        /**
         * Block scalars that include a + (keep) chomping indicator in their header
         * include trailing empty lines, which are otherwise excluded from the
         * scalar's contents.
         */
        this.blockScalarKeep = false;
        /** Current input */
        this.buffer = '';
        /**
         * Flag noting whether the map value indicator : can immediately follow this
         * node within a flow context.
         */
        this.flowKey = false;
        /** Count of surrounding flow collection levels. */
        this.flowLevel = 0;
        /**
         * Minimum level of indentation required for next lines to be parsed as a
         * part of the current scalar value.
         */
        this.indentNext = 0;
        /** Indentation level of the current line. */
        this.indentValue = 0;
        /** Position of the next \n character. */
        this.lineEndPos = null;
        /** Stores the state of the lexer if reaching the end of incpomplete input */
        this.next = null;
        /** A pointer to `buffer`; the current position of the lexer. */
        this.pos = 0;
    }
    /**
     * Generate YAML tokens from the `source` string. If `incomplete`,
     * a part of the last line may be left as a buffer for the next call.
     *
     * @returns A generator of lexical tokens
     */
    *lex(source, incomplete = false) {
        if (source) {
            if (typeof source !== 'string')
                throw TypeError('source is not a string');
            this.buffer = this.buffer ? this.buffer + source : source;
            this.lineEndPos = null;
        }
        this.atEnd = !incomplete;
        let next = this.next ?? 'stream';
        while (next && (incomplete || this.hasChars(1)))
            next = yield* this.parseNext(next);
    }
    atLineEnd() {
        let i = this.pos;
        let ch = this.buffer[i];
        while (ch === ' ' || ch === '\t')
            ch = this.buffer[++i];
        if (!ch || ch === '#' || ch === '\n')
            return true;
        if (ch === '\r')
            return this.buffer[i + 1] === '\n';
        return false;
    }
    charAt(n) {
        return this.buffer[this.pos + n];
    }
    continueScalar(offset) {
        let ch = this.buffer[offset];
        if (this.indentNext > 0) {
            let indent = 0;
            while (ch === ' ')
                ch = this.buffer[++indent + offset];
            if (ch === '\r') {
                const next = this.buffer[indent + offset + 1];
                if (next === '\n' || (!next && !this.atEnd))
                    return offset + indent + 1;
            }
            return ch === '\n' || indent >= this.indentNext || (!ch && !this.atEnd)
                ? offset + indent
                : -1;
        }
        if (ch === '-' || ch === '.') {
            const dt = this.buffer.substr(offset, 3);
            if ((dt === '---' || dt === '...') && isEmpty(this.buffer[offset + 3]))
                return -1;
        }
        return offset;
    }
    getLine() {
        let end = this.lineEndPos;
        if (typeof end !== 'number' || (end !== -1 && end < this.pos)) {
            end = this.buffer.indexOf('\n', this.pos);
            this.lineEndPos = end;
        }
        if (end === -1)
            return this.atEnd ? this.buffer.substring(this.pos) : null;
        if (this.buffer[end - 1] === '\r')
            end -= 1;
        return this.buffer.substring(this.pos, end);
    }
    hasChars(n) {
        return this.pos + n <= this.buffer.length;
    }
    setNext(state) {
        this.buffer = this.buffer.substring(this.pos);
        this.pos = 0;
        this.lineEndPos = null;
        this.next = state;
        return null;
    }
    peek(n) {
        return this.buffer.substr(this.pos, n);
    }
    *parseNext(next) {
        switch (next) {
            case 'stream':
                return yield* this.parseStream();
            case 'line-start':
                return yield* this.parseLineStart();
            case 'block-start':
                return yield* this.parseBlockStart();
            case 'doc':
                return yield* this.parseDocument();
            case 'flow':
                return yield* this.parseFlowCollection();
            case 'quoted-scalar':
                return yield* this.parseQuotedScalar();
            case 'block-scalar':
                return yield* this.parseBlockScalar();
            case 'plain-scalar':
                return yield* this.parsePlainScalar();
        }
    }
    *parseStream() {
        let line = this.getLine();
        if (line === null)
            return this.setNext('stream');
        if (line[0] === cst.BOM) {
            yield* this.pushCount(1);
            line = line.substring(1);
        }
        if (line[0] === '%') {
            let dirEnd = line.length;
            let cs = line.indexOf('#');
            while (cs !== -1) {
                const ch = line[cs - 1];
                if (ch === ' ' || ch === '\t') {
                    dirEnd = cs - 1;
                    break;
                }
                else {
                    cs = line.indexOf('#', cs + 1);
                }
            }
            while (true) {
                const ch = line[dirEnd - 1];
                if (ch === ' ' || ch === '\t')
                    dirEnd -= 1;
                else
                    break;
            }
            const n = (yield* this.pushCount(dirEnd)) + (yield* this.pushSpaces(true));
            yield* this.pushCount(line.length - n); // possible comment
            this.pushNewline();
            return 'stream';
        }
        if (this.atLineEnd()) {
            const sp = yield* this.pushSpaces(true);
            yield* this.pushCount(line.length - sp);
            yield* this.pushNewline();
            return 'stream';
        }
        yield cst.DOCUMENT;
        return yield* this.parseLineStart();
    }
    *parseLineStart() {
        const ch = this.charAt(0);
        if (!ch && !this.atEnd)
            return this.setNext('line-start');
        if (ch === '-' || ch === '.') {
            if (!this.atEnd && !this.hasChars(4))
                return this.setNext('line-start');
            const s = this.peek(3);
            if ((s === '---' || s === '...') && isEmpty(this.charAt(3))) {
                yield* this.pushCount(3);
                this.indentValue = 0;
                this.indentNext = 0;
                return s === '---' ? 'doc' : 'stream';
            }
        }
        this.indentValue = yield* this.pushSpaces(false);
        if (this.indentNext > this.indentValue && !isEmpty(this.charAt(1)))
            this.indentNext = this.indentValue;
        return yield* this.parseBlockStart();
    }
    *parseBlockStart() {
        const [ch0, ch1] = this.peek(2);
        if (!ch1 && !this.atEnd)
            return this.setNext('block-start');
        if ((ch0 === '-' || ch0 === '?' || ch0 === ':') && isEmpty(ch1)) {
            const n = (yield* this.pushCount(1)) + (yield* this.pushSpaces(true));
            this.indentNext = this.indentValue + 1;
            this.indentValue += n;
            return 'block-start';
        }
        return 'doc';
    }
    *parseDocument() {
        yield* this.pushSpaces(true);
        const line = this.getLine();
        if (line === null)
            return this.setNext('doc');
        let n = yield* this.pushIndicators();
        switch (line[n]) {
            case '#':
                yield* this.pushCount(line.length - n);
            // fallthrough
            case undefined:
                yield* this.pushNewline();
                return yield* this.parseLineStart();
            case '{':
            case '[':
                yield* this.pushCount(1);
                this.flowKey = false;
                this.flowLevel = 1;
                return 'flow';
            case '}':
            case ']':
                // this is an error
                yield* this.pushCount(1);
                return 'doc';
            case '*':
                yield* this.pushUntil(isNotAnchorChar);
                return 'doc';
            case '"':
            case "'":
                return yield* this.parseQuotedScalar();
            case '|':
            case '>':
                n += yield* this.parseBlockScalarHeader();
                n += yield* this.pushSpaces(true);
                yield* this.pushCount(line.length - n);
                yield* this.pushNewline();
                return yield* this.parseBlockScalar();
            default:
                return yield* this.parsePlainScalar();
        }
    }
    *parseFlowCollection() {
        let nl, sp;
        let indent = -1;
        do {
            nl = yield* this.pushNewline();
            if (nl > 0) {
                sp = yield* this.pushSpaces(false);
                this.indentValue = indent = sp;
            }
            else {
                sp = 0;
            }
            sp += yield* this.pushSpaces(true);
        } while (nl + sp > 0);
        const line = this.getLine();
        if (line === null)
            return this.setNext('flow');
        if ((indent !== -1 && indent < this.indentNext && line[0] !== '#') ||
            (indent === 0 &&
                (line.startsWith('---') || line.startsWith('...')) &&
                isEmpty(line[3]))) {
            // Allowing for the terminal ] or } at the same (rather than greater)
            // indent level as the initial [ or { is technically invalid, but
            // failing here would be surprising to users.
            const atFlowEndMarker = indent === this.indentNext - 1 &&
                this.flowLevel === 1 &&
                (line[0] === ']' || line[0] === '}');
            if (!atFlowEndMarker) {
                // this is an error
                this.flowLevel = 0;
                yield cst.FLOW_END;
                return yield* this.parseLineStart();
            }
        }
        let n = 0;
        while (line[n] === ',') {
            n += yield* this.pushCount(1);
            n += yield* this.pushSpaces(true);
            this.flowKey = false;
        }
        n += yield* this.pushIndicators();
        switch (line[n]) {
            case undefined:
                return 'flow';
            case '#':
                yield* this.pushCount(line.length - n);
                return 'flow';
            case '{':
            case '[':
                yield* this.pushCount(1);
                this.flowKey = false;
                this.flowLevel += 1;
                return 'flow';
            case '}':
            case ']':
                yield* this.pushCount(1);
                this.flowKey = true;
                this.flowLevel -= 1;
                return this.flowLevel ? 'flow' : 'doc';
            case '*':
                yield* this.pushUntil(isNotAnchorChar);
                return 'flow';
            case '"':
            case "'":
                this.flowKey = true;
                return yield* this.parseQuotedScalar();
            case ':': {
                const next = this.charAt(1);
                if (this.flowKey || isEmpty(next) || next === ',') {
                    this.flowKey = false;
                    yield* this.pushCount(1);
                    yield* this.pushSpaces(true);
                    return 'flow';
                }
            }
            // fallthrough
            default:
                this.flowKey = false;
                return yield* this.parsePlainScalar();
        }
    }
    *parseQuotedScalar() {
        const quote = this.charAt(0);
        let end = this.buffer.indexOf(quote, this.pos + 1);
        if (quote === "'") {
            while (end !== -1 && this.buffer[end + 1] === "'")
                end = this.buffer.indexOf("'", end + 2);
        }
        else {
            // double-quote
            while (end !== -1) {
                let n = 0;
                while (this.buffer[end - 1 - n] === '\\')
                    n += 1;
                if (n % 2 === 0)
                    break;
                end = this.buffer.indexOf('"', end + 1);
            }
        }
        // Only looking for newlines within the quotes
        const qb = this.buffer.substring(0, end);
        let nl = qb.indexOf('\n', this.pos);
        if (nl !== -1) {
            while (nl !== -1) {
                const cs = this.continueScalar(nl + 1);
                if (cs === -1)
                    break;
                nl = qb.indexOf('\n', cs);
            }
            if (nl !== -1) {
                // this is an error caused by an unexpected unindent
                end = nl - (qb[nl - 1] === '\r' ? 2 : 1);
            }
        }
        if (end === -1) {
            if (!this.atEnd)
                return this.setNext('quoted-scalar');
            end = this.buffer.length;
        }
        yield* this.pushToIndex(end + 1, false);
        return this.flowLevel ? 'flow' : 'doc';
    }
    *parseBlockScalarHeader() {
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        let i = this.pos;
        while (true) {
            const ch = this.buffer[++i];
            if (ch === '+')
                this.blockScalarKeep = true;
            else if (ch > '0' && ch <= '9')
                this.blockScalarIndent = Number(ch) - 1;
            else if (ch !== '-')
                break;
        }
        return yield* this.pushUntil(ch => isEmpty(ch) || ch === '#');
    }
    *parseBlockScalar() {
        let nl = this.pos - 1; // may be -1 if this.pos === 0
        let indent = 0;
        let ch;
        loop: for (let i = this.pos; (ch = this.buffer[i]); ++i) {
            switch (ch) {
                case ' ':
                    indent += 1;
                    break;
                case '\n':
                    nl = i;
                    indent = 0;
                    break;
                case '\r': {
                    const next = this.buffer[i + 1];
                    if (!next && !this.atEnd)
                        return this.setNext('block-scalar');
                    if (next === '\n')
                        break;
                } // fallthrough
                default:
                    break loop;
            }
        }
        if (!ch && !this.atEnd)
            return this.setNext('block-scalar');
        if (indent >= this.indentNext) {
            if (this.blockScalarIndent === -1)
                this.indentNext = indent;
            else {
                this.indentNext =
                    this.blockScalarIndent + (this.indentNext === 0 ? 1 : this.indentNext);
            }
            do {
                const cs = this.continueScalar(nl + 1);
                if (cs === -1)
                    break;
                nl = this.buffer.indexOf('\n', cs);
            } while (nl !== -1);
            if (nl === -1) {
                if (!this.atEnd)
                    return this.setNext('block-scalar');
                nl = this.buffer.length;
            }
        }
        // Trailing insufficiently indented tabs are invalid.
        // To catch that during parsing, we include them in the block scalar value.
        let i = nl + 1;
        ch = this.buffer[i];
        while (ch === ' ')
            ch = this.buffer[++i];
        if (ch === '\t') {
            while (ch === '\t' || ch === ' ' || ch === '\r' || ch === '\n')
                ch = this.buffer[++i];
            nl = i - 1;
        }
        else if (!this.blockScalarKeep) {
            do {
                let i = nl - 1;
                let ch = this.buffer[i];
                if (ch === '\r')
                    ch = this.buffer[--i];
                const lastChar = i; // Drop the line if last char not more indented
                while (ch === ' ')
                    ch = this.buffer[--i];
                if (ch === '\n' && i >= this.pos && i + 1 + indent > lastChar)
                    nl = i;
                else
                    break;
            } while (true);
        }
        yield cst.SCALAR;
        yield* this.pushToIndex(nl + 1, true);
        return yield* this.parseLineStart();
    }
    *parsePlainScalar() {
        const inFlow = this.flowLevel > 0;
        let end = this.pos - 1;
        let i = this.pos - 1;
        let ch;
        while ((ch = this.buffer[++i])) {
            if (ch === ':') {
                const next = this.buffer[i + 1];
                if (isEmpty(next) || (inFlow && flowIndicatorChars.has(next)))
                    break;
                end = i;
            }
            else if (isEmpty(ch)) {
                let next = this.buffer[i + 1];
                if (ch === '\r') {
                    if (next === '\n') {
                        i += 1;
                        ch = '\n';
                        next = this.buffer[i + 1];
                    }
                    else
                        end = i;
                }
                if (next === '#' || (inFlow && flowIndicatorChars.has(next)))
                    break;
                if (ch === '\n') {
                    const cs = this.continueScalar(i + 1);
                    if (cs === -1)
                        break;
                    i = Math.max(i, cs - 2); // to advance, but still account for ' #'
                }
            }
            else {
                if (inFlow && flowIndicatorChars.has(ch))
                    break;
                end = i;
            }
        }
        if (!ch && !this.atEnd)
            return this.setNext('plain-scalar');
        yield cst.SCALAR;
        yield* this.pushToIndex(end + 1, true);
        return inFlow ? 'flow' : 'doc';
    }
    *pushCount(n) {
        if (n > 0) {
            yield this.buffer.substr(this.pos, n);
            this.pos += n;
            return n;
        }
        return 0;
    }
    *pushToIndex(i, allowEmpty) {
        const s = this.buffer.slice(this.pos, i);
        if (s) {
            yield s;
            this.pos += s.length;
            return s.length;
        }
        else if (allowEmpty)
            yield '';
        return 0;
    }
    *pushIndicators() {
        let n = 0;
        loop: while (true) {
            switch (this.charAt(0)) {
                case '!':
                    n += yield* this.pushTag();
                    n += yield* this.pushSpaces(true);
                    continue loop;
                case '&':
                    n += yield* this.pushUntil(isNotAnchorChar);
                    n += yield* this.pushSpaces(true);
                    continue loop;
                case '-': // this is an error
                case '?': // this is an error outside flow collections
                case ':': {
                    const inFlow = this.flowLevel > 0;
                    const ch1 = this.charAt(1);
                    if (isEmpty(ch1) || (inFlow && flowIndicatorChars.has(ch1))) {
                        if (!inFlow)
                            this.indentNext = this.indentValue + 1;
                        else if (this.flowKey)
                            this.flowKey = false;
                        n += yield* this.pushCount(1);
                        n += yield* this.pushSpaces(true);
                        continue loop;
                    }
                }
            }
            break loop;
        }
        return n;
    }
    *pushTag() {
        if (this.charAt(1) === '<') {
            let i = this.pos + 2;
            let ch = this.buffer[i];
            while (!isEmpty(ch) && ch !== '>')
                ch = this.buffer[++i];
            return yield* this.pushToIndex(ch === '>' ? i + 1 : i, false);
        }
        else {
            let i = this.pos + 1;
            let ch = this.buffer[i];
            while (ch) {
                if (tagChars.has(ch))
                    ch = this.buffer[++i];
                else if (ch === '%' &&
                    hexDigits.has(this.buffer[i + 1]) &&
                    hexDigits.has(this.buffer[i + 2])) {
                    ch = this.buffer[(i += 3)];
                }
                else
                    break;
            }
            return yield* this.pushToIndex(i, false);
        }
    }
    *pushNewline() {
        const ch = this.buffer[this.pos];
        if (ch === '\n')
            return yield* this.pushCount(1);
        else if (ch === '\r' && this.charAt(1) === '\n')
            return yield* this.pushCount(2);
        else
            return 0;
    }
    *pushSpaces(allowTabs) {
        let i = this.pos - 1;
        let ch;
        do {
            ch = this.buffer[++i];
        } while (ch === ' ' || (allowTabs && ch === '\t'));
        const n = i - this.pos;
        if (n > 0) {
            yield this.buffer.substr(this.pos, n);
            this.pos = i;
        }
        return n;
    }
    *pushUntil(test) {
        let i = this.pos;
        let ch = this.buffer[i];
        while (!test(ch))
            ch = this.buffer[++i];
        return yield* this.pushToIndex(i, false);
    }
}

exports.Lexer = Lexer;


/***/ }),

/***/ 6628:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Tracks newlines during parsing in order to provide an efficient API for
 * determining the one-indexed `{ line, col }` position for any offset
 * within the input.
 */
class LineCounter {
    constructor() {
        this.lineStarts = [];
        /**
         * Should be called in ascending order. Otherwise, call
         * `lineCounter.lineStarts.sort()` before calling `linePos()`.
         */
        this.addNewLine = (offset) => this.lineStarts.push(offset);
        /**
         * Performs a binary search and returns the 1-indexed { line, col }
         * position of `offset`. If `line === 0`, `addNewLine` has never been
         * called or `offset` is before the first known newline.
         */
        this.linePos = (offset) => {
            let low = 0;
            let high = this.lineStarts.length;
            while (low < high) {
                const mid = (low + high) >> 1; // Math.floor((low + high) / 2)
                if (this.lineStarts[mid] < offset)
                    low = mid + 1;
                else
                    high = mid;
            }
            if (this.lineStarts[low] === offset)
                return { line: low + 1, col: 1 };
            if (low === 0)
                return { line: 0, col: offset };
            const start = this.lineStarts[low - 1];
            return { line: low, col: offset - start + 1 };
        };
    }
}

exports.LineCounter = LineCounter;


/***/ }),

/***/ 3456:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_process = __nccwpck_require__(932);
var cst = __nccwpck_require__(3461);
var lexer = __nccwpck_require__(361);

function includesToken(list, type) {
    for (let i = 0; i < list.length; ++i)
        if (list[i].type === type)
            return true;
    return false;
}
function findNonEmptyIndex(list) {
    for (let i = 0; i < list.length; ++i) {
        switch (list[i].type) {
            case 'space':
            case 'comment':
            case 'newline':
                break;
            default:
                return i;
        }
    }
    return -1;
}
function isFlowToken(token) {
    switch (token?.type) {
        case 'alias':
        case 'scalar':
        case 'single-quoted-scalar':
        case 'double-quoted-scalar':
        case 'flow-collection':
            return true;
        default:
            return false;
    }
}
function getPrevProps(parent) {
    switch (parent.type) {
        case 'document':
            return parent.start;
        case 'block-map': {
            const it = parent.items[parent.items.length - 1];
            return it.sep ?? it.start;
        }
        case 'block-seq':
            return parent.items[parent.items.length - 1].start;
        /* istanbul ignore next should not happen */
        default:
            return [];
    }
}
/** Note: May modify input array */
function getFirstKeyStartProps(prev) {
    if (prev.length === 0)
        return [];
    let i = prev.length;
    loop: while (--i >= 0) {
        switch (prev[i].type) {
            case 'doc-start':
            case 'explicit-key-ind':
            case 'map-value-ind':
            case 'seq-item-ind':
            case 'newline':
                break loop;
        }
    }
    while (prev[++i]?.type === 'space') {
        /* loop */
    }
    return prev.splice(i, prev.length);
}
function arrayPushArray(target, source) {
    // May exhaust call stack with large `source` array
    if (source.length < 1e5)
        Array.prototype.push.apply(target, source);
    else
        for (let i = 0; i < source.length; ++i)
            target.push(source[i]);
}
function fixFlowSeqItems(fc) {
    if (fc.start.type === 'flow-seq-start') {
        for (const it of fc.items) {
            if (it.sep &&
                !it.value &&
                !includesToken(it.start, 'explicit-key-ind') &&
                !includesToken(it.sep, 'map-value-ind')) {
                if (it.key)
                    it.value = it.key;
                delete it.key;
                if (isFlowToken(it.value)) {
                    if (it.value.end)
                        arrayPushArray(it.value.end, it.sep);
                    else
                        it.value.end = it.sep;
                }
                else
                    arrayPushArray(it.start, it.sep);
                delete it.sep;
            }
        }
    }
}
/**
 * A YAML concrete syntax tree (CST) parser
 *
 * ```ts
 * const src: string = ...
 * for (const token of new Parser().parse(src)) {
 *   // token: Token
 * }
 * ```
 *
 * To use the parser with a user-provided lexer:
 *
 * ```ts
 * function* parse(source: string, lexer: Lexer) {
 *   const parser = new Parser()
 *   for (const lexeme of lexer.lex(source))
 *     yield* parser.next(lexeme)
 *   yield* parser.end()
 * }
 *
 * const src: string = ...
 * const lexer = new Lexer()
 * for (const token of parse(src, lexer)) {
 *   // token: Token
 * }
 * ```
 */
class Parser {
    /**
     * @param onNewLine - If defined, called separately with the start position of
     *   each new line (in `parse()`, including the start of input).
     */
    constructor(onNewLine) {
        /** If true, space and sequence indicators count as indentation */
        this.atNewLine = true;
        /** If true, next token is a scalar value */
        this.atScalar = false;
        /** Current indentation level */
        this.indent = 0;
        /** Current offset since the start of parsing */
        this.offset = 0;
        /** On the same line with a block map key */
        this.onKeyLine = false;
        /** Top indicates the node that's currently being built */
        this.stack = [];
        /** The source of the current token, set in parse() */
        this.source = '';
        /** The type of the current token, set in parse() */
        this.type = '';
        // Must be defined after `next()`
        this.lexer = new lexer.Lexer();
        this.onNewLine = onNewLine;
    }
    /**
     * Parse `source` as a YAML stream.
     * If `incomplete`, a part of the last line may be left as a buffer for the next call.
     *
     * Errors are not thrown, but yielded as `{ type: 'error', message }` tokens.
     *
     * @returns A generator of tokens representing each directive, document, and other structure.
     */
    *parse(source, incomplete = false) {
        if (this.onNewLine && this.offset === 0)
            this.onNewLine(0);
        for (const lexeme of this.lexer.lex(source, incomplete))
            yield* this.next(lexeme);
        if (!incomplete)
            yield* this.end();
    }
    /**
     * Advance the parser by the `source` of one lexical token.
     */
    *next(source) {
        this.source = source;
        if (node_process.env.LOG_TOKENS)
            console.log('|', cst.prettyToken(source));
        if (this.atScalar) {
            this.atScalar = false;
            yield* this.step();
            this.offset += source.length;
            return;
        }
        const type = cst.tokenType(source);
        if (!type) {
            const message = `Not a YAML token: ${source}`;
            yield* this.pop({ type: 'error', offset: this.offset, message, source });
            this.offset += source.length;
        }
        else if (type === 'scalar') {
            this.atNewLine = false;
            this.atScalar = true;
            this.type = 'scalar';
        }
        else {
            this.type = type;
            yield* this.step();
            switch (type) {
                case 'newline':
                    this.atNewLine = true;
                    this.indent = 0;
                    if (this.onNewLine)
                        this.onNewLine(this.offset + source.length);
                    break;
                case 'space':
                    if (this.atNewLine && source[0] === ' ')
                        this.indent += source.length;
                    break;
                case 'explicit-key-ind':
                case 'map-value-ind':
                case 'seq-item-ind':
                    if (this.atNewLine)
                        this.indent += source.length;
                    break;
                case 'doc-mode':
                case 'flow-error-end':
                    return;
                default:
                    this.atNewLine = false;
            }
            this.offset += source.length;
        }
    }
    /** Call at end of input to push out any remaining constructions */
    *end() {
        while (this.stack.length > 0)
            yield* this.pop();
    }
    get sourceToken() {
        const st = {
            type: this.type,
            offset: this.offset,
            indent: this.indent,
            source: this.source
        };
        return st;
    }
    *step() {
        const top = this.peek(1);
        if (this.type === 'doc-end' && top?.type !== 'doc-end') {
            while (this.stack.length > 0)
                yield* this.pop();
            this.stack.push({
                type: 'doc-end',
                offset: this.offset,
                source: this.source
            });
            return;
        }
        if (!top)
            return yield* this.stream();
        switch (top.type) {
            case 'document':
                return yield* this.document(top);
            case 'alias':
            case 'scalar':
            case 'single-quoted-scalar':
            case 'double-quoted-scalar':
                return yield* this.scalar(top);
            case 'block-scalar':
                return yield* this.blockScalar(top);
            case 'block-map':
                return yield* this.blockMap(top);
            case 'block-seq':
                return yield* this.blockSequence(top);
            case 'flow-collection':
                return yield* this.flowCollection(top);
            case 'doc-end':
                return yield* this.documentEnd(top);
        }
        /* istanbul ignore next should not happen */
        yield* this.pop();
    }
    peek(n) {
        return this.stack[this.stack.length - n];
    }
    *pop(error) {
        const token = error ?? this.stack.pop();
        /* istanbul ignore if should not happen */
        if (!token) {
            const message = 'Tried to pop an empty stack';
            yield { type: 'error', offset: this.offset, source: '', message };
        }
        else if (this.stack.length === 0) {
            yield token;
        }
        else {
            const top = this.peek(1);
            if (token.type === 'block-scalar') {
                // Block scalars use their parent rather than header indent
                token.indent = 'indent' in top ? top.indent : 0;
            }
            else if (token.type === 'flow-collection' && top.type === 'document') {
                // Ignore all indent for top-level flow collections
                token.indent = 0;
            }
            if (token.type === 'flow-collection')
                fixFlowSeqItems(token);
            switch (top.type) {
                case 'document':
                    top.value = token;
                    break;
                case 'block-scalar':
                    top.props.push(token); // error
                    break;
                case 'block-map': {
                    const it = top.items[top.items.length - 1];
                    if (it.value) {
                        top.items.push({ start: [], key: token, sep: [] });
                        this.onKeyLine = true;
                        return;
                    }
                    else if (it.sep) {
                        it.value = token;
                    }
                    else {
                        Object.assign(it, { key: token, sep: [] });
                        this.onKeyLine = !it.explicitKey;
                        return;
                    }
                    break;
                }
                case 'block-seq': {
                    const it = top.items[top.items.length - 1];
                    if (it.value)
                        top.items.push({ start: [], value: token });
                    else
                        it.value = token;
                    break;
                }
                case 'flow-collection': {
                    const it = top.items[top.items.length - 1];
                    if (!it || it.value)
                        top.items.push({ start: [], key: token, sep: [] });
                    else if (it.sep)
                        it.value = token;
                    else
                        Object.assign(it, { key: token, sep: [] });
                    return;
                }
                /* istanbul ignore next should not happen */
                default:
                    yield* this.pop();
                    yield* this.pop(token);
            }
            if ((top.type === 'document' ||
                top.type === 'block-map' ||
                top.type === 'block-seq') &&
                (token.type === 'block-map' || token.type === 'block-seq')) {
                const last = token.items[token.items.length - 1];
                if (last &&
                    !last.sep &&
                    !last.value &&
                    last.start.length > 0 &&
                    findNonEmptyIndex(last.start) === -1 &&
                    (token.indent === 0 ||
                        last.start.every(st => st.type !== 'comment' || st.indent < token.indent))) {
                    if (top.type === 'document')
                        top.end = last.start;
                    else
                        top.items.push({ start: last.start });
                    token.items.splice(-1, 1);
                }
            }
        }
    }
    *stream() {
        switch (this.type) {
            case 'directive-line':
                yield { type: 'directive', offset: this.offset, source: this.source };
                return;
            case 'byte-order-mark':
            case 'space':
            case 'comment':
            case 'newline':
                yield this.sourceToken;
                return;
            case 'doc-mode':
            case 'doc-start': {
                const doc = {
                    type: 'document',
                    offset: this.offset,
                    start: []
                };
                if (this.type === 'doc-start')
                    doc.start.push(this.sourceToken);
                this.stack.push(doc);
                return;
            }
        }
        yield {
            type: 'error',
            offset: this.offset,
            message: `Unexpected ${this.type} token in YAML stream`,
            source: this.source
        };
    }
    *document(doc) {
        if (doc.value)
            return yield* this.lineEnd(doc);
        switch (this.type) {
            case 'doc-start': {
                if (findNonEmptyIndex(doc.start) !== -1) {
                    yield* this.pop();
                    yield* this.step();
                }
                else
                    doc.start.push(this.sourceToken);
                return;
            }
            case 'anchor':
            case 'tag':
            case 'space':
            case 'comment':
            case 'newline':
                doc.start.push(this.sourceToken);
                return;
        }
        const bv = this.startBlockValue(doc);
        if (bv)
            this.stack.push(bv);
        else {
            yield {
                type: 'error',
                offset: this.offset,
                message: `Unexpected ${this.type} token in YAML document`,
                source: this.source
            };
        }
    }
    *scalar(scalar) {
        if (this.type === 'map-value-ind') {
            const prev = getPrevProps(this.peek(2));
            const start = getFirstKeyStartProps(prev);
            let sep;
            if (scalar.end) {
                sep = scalar.end;
                sep.push(this.sourceToken);
                delete scalar.end;
            }
            else
                sep = [this.sourceToken];
            const map = {
                type: 'block-map',
                offset: scalar.offset,
                indent: scalar.indent,
                items: [{ start, key: scalar, sep }]
            };
            this.onKeyLine = true;
            this.stack[this.stack.length - 1] = map;
        }
        else
            yield* this.lineEnd(scalar);
    }
    *blockScalar(scalar) {
        switch (this.type) {
            case 'space':
            case 'comment':
            case 'newline':
                scalar.props.push(this.sourceToken);
                return;
            case 'scalar':
                scalar.source = this.source;
                // block-scalar source includes trailing newline
                this.atNewLine = true;
                this.indent = 0;
                if (this.onNewLine) {
                    let nl = this.source.indexOf('\n') + 1;
                    while (nl !== 0) {
                        this.onNewLine(this.offset + nl);
                        nl = this.source.indexOf('\n', nl) + 1;
                    }
                }
                yield* this.pop();
                break;
            /* istanbul ignore next should not happen */
            default:
                yield* this.pop();
                yield* this.step();
        }
    }
    *blockMap(map) {
        const it = map.items[map.items.length - 1];
        // it.sep is true-ish if pair already has key or : separator
        switch (this.type) {
            case 'newline':
                this.onKeyLine = false;
                if (it.value) {
                    const end = 'end' in it.value ? it.value.end : undefined;
                    const last = Array.isArray(end) ? end[end.length - 1] : undefined;
                    if (last?.type === 'comment')
                        end?.push(this.sourceToken);
                    else
                        map.items.push({ start: [this.sourceToken] });
                }
                else if (it.sep) {
                    it.sep.push(this.sourceToken);
                }
                else {
                    it.start.push(this.sourceToken);
                }
                return;
            case 'space':
            case 'comment':
                if (it.value) {
                    map.items.push({ start: [this.sourceToken] });
                }
                else if (it.sep) {
                    it.sep.push(this.sourceToken);
                }
                else {
                    if (this.atIndentedComment(it.start, map.indent)) {
                        const prev = map.items[map.items.length - 2];
                        const end = prev?.value?.end;
                        if (Array.isArray(end)) {
                            arrayPushArray(end, it.start);
                            end.push(this.sourceToken);
                            map.items.pop();
                            return;
                        }
                    }
                    it.start.push(this.sourceToken);
                }
                return;
        }
        if (this.indent >= map.indent) {
            const atMapIndent = !this.onKeyLine && this.indent === map.indent;
            const atNextItem = atMapIndent &&
                (it.sep || it.explicitKey) &&
                this.type !== 'seq-item-ind';
            // For empty nodes, assign newline-separated not indented empty tokens to following node
            let start = [];
            if (atNextItem && it.sep && !it.value) {
                const nl = [];
                for (let i = 0; i < it.sep.length; ++i) {
                    const st = it.sep[i];
                    switch (st.type) {
                        case 'newline':
                            nl.push(i);
                            break;
                        case 'space':
                            break;
                        case 'comment':
                            if (st.indent > map.indent)
                                nl.length = 0;
                            break;
                        default:
                            nl.length = 0;
                    }
                }
                if (nl.length >= 2)
                    start = it.sep.splice(nl[1]);
            }
            switch (this.type) {
                case 'anchor':
                case 'tag':
                    if (atNextItem || it.value) {
                        start.push(this.sourceToken);
                        map.items.push({ start });
                        this.onKeyLine = true;
                    }
                    else if (it.sep) {
                        it.sep.push(this.sourceToken);
                    }
                    else {
                        it.start.push(this.sourceToken);
                    }
                    return;
                case 'explicit-key-ind':
                    if (!it.sep && !it.explicitKey) {
                        it.start.push(this.sourceToken);
                        it.explicitKey = true;
                    }
                    else if (atNextItem || it.value) {
                        start.push(this.sourceToken);
                        map.items.push({ start, explicitKey: true });
                    }
                    else {
                        this.stack.push({
                            type: 'block-map',
                            offset: this.offset,
                            indent: this.indent,
                            items: [{ start: [this.sourceToken], explicitKey: true }]
                        });
                    }
                    this.onKeyLine = true;
                    return;
                case 'map-value-ind':
                    if (it.explicitKey) {
                        if (!it.sep) {
                            if (includesToken(it.start, 'newline')) {
                                Object.assign(it, { key: null, sep: [this.sourceToken] });
                            }
                            else {
                                const start = getFirstKeyStartProps(it.start);
                                this.stack.push({
                                    type: 'block-map',
                                    offset: this.offset,
                                    indent: this.indent,
                                    items: [{ start, key: null, sep: [this.sourceToken] }]
                                });
                            }
                        }
                        else if (it.value) {
                            map.items.push({ start: [], key: null, sep: [this.sourceToken] });
                        }
                        else if (includesToken(it.sep, 'map-value-ind')) {
                            this.stack.push({
                                type: 'block-map',
                                offset: this.offset,
                                indent: this.indent,
                                items: [{ start, key: null, sep: [this.sourceToken] }]
                            });
                        }
                        else if (isFlowToken(it.key) &&
                            !includesToken(it.sep, 'newline')) {
                            const start = getFirstKeyStartProps(it.start);
                            const key = it.key;
                            const sep = it.sep;
                            sep.push(this.sourceToken);
                            // @ts-expect-error type guard is wrong here
                            delete it.key;
                            // @ts-expect-error type guard is wrong here
                            delete it.sep;
                            this.stack.push({
                                type: 'block-map',
                                offset: this.offset,
                                indent: this.indent,
                                items: [{ start, key, sep }]
                            });
                        }
                        else if (start.length > 0) {
                            // Not actually at next item
                            it.sep = it.sep.concat(start, this.sourceToken);
                        }
                        else {
                            it.sep.push(this.sourceToken);
                        }
                    }
                    else {
                        if (!it.sep) {
                            Object.assign(it, { key: null, sep: [this.sourceToken] });
                        }
                        else if (it.value || atNextItem) {
                            map.items.push({ start, key: null, sep: [this.sourceToken] });
                        }
                        else if (includesToken(it.sep, 'map-value-ind')) {
                            this.stack.push({
                                type: 'block-map',
                                offset: this.offset,
                                indent: this.indent,
                                items: [{ start: [], key: null, sep: [this.sourceToken] }]
                            });
                        }
                        else {
                            it.sep.push(this.sourceToken);
                        }
                    }
                    this.onKeyLine = true;
                    return;
                case 'alias':
                case 'scalar':
                case 'single-quoted-scalar':
                case 'double-quoted-scalar': {
                    const fs = this.flowScalar(this.type);
                    if (atNextItem || it.value) {
                        map.items.push({ start, key: fs, sep: [] });
                        this.onKeyLine = true;
                    }
                    else if (it.sep) {
                        this.stack.push(fs);
                    }
                    else {
                        Object.assign(it, { key: fs, sep: [] });
                        this.onKeyLine = true;
                    }
                    return;
                }
                default: {
                    const bv = this.startBlockValue(map);
                    if (bv) {
                        if (bv.type === 'block-seq') {
                            if (!it.explicitKey &&
                                it.sep &&
                                !includesToken(it.sep, 'newline')) {
                                yield* this.pop({
                                    type: 'error',
                                    offset: this.offset,
                                    message: 'Unexpected block-seq-ind on same line with key',
                                    source: this.source
                                });
                                return;
                            }
                        }
                        else if (atMapIndent) {
                            map.items.push({ start });
                        }
                        this.stack.push(bv);
                        return;
                    }
                }
            }
        }
        yield* this.pop();
        yield* this.step();
    }
    *blockSequence(seq) {
        const it = seq.items[seq.items.length - 1];
        switch (this.type) {
            case 'newline':
                if (it.value) {
                    const end = 'end' in it.value ? it.value.end : undefined;
                    const last = Array.isArray(end) ? end[end.length - 1] : undefined;
                    if (last?.type === 'comment')
                        end?.push(this.sourceToken);
                    else
                        seq.items.push({ start: [this.sourceToken] });
                }
                else
                    it.start.push(this.sourceToken);
                return;
            case 'space':
            case 'comment':
                if (it.value)
                    seq.items.push({ start: [this.sourceToken] });
                else {
                    if (this.atIndentedComment(it.start, seq.indent)) {
                        const prev = seq.items[seq.items.length - 2];
                        const end = prev?.value?.end;
                        if (Array.isArray(end)) {
                            arrayPushArray(end, it.start);
                            end.push(this.sourceToken);
                            seq.items.pop();
                            return;
                        }
                    }
                    it.start.push(this.sourceToken);
                }
                return;
            case 'anchor':
            case 'tag':
                if (it.value || this.indent <= seq.indent)
                    break;
                it.start.push(this.sourceToken);
                return;
            case 'seq-item-ind':
                if (this.indent !== seq.indent)
                    break;
                if (it.value || includesToken(it.start, 'seq-item-ind'))
                    seq.items.push({ start: [this.sourceToken] });
                else
                    it.start.push(this.sourceToken);
                return;
        }
        if (this.indent > seq.indent) {
            const bv = this.startBlockValue(seq);
            if (bv) {
                this.stack.push(bv);
                return;
            }
        }
        yield* this.pop();
        yield* this.step();
    }
    *flowCollection(fc) {
        const it = fc.items[fc.items.length - 1];
        if (this.type === 'flow-error-end') {
            let top;
            do {
                yield* this.pop();
                top = this.peek(1);
            } while (top?.type === 'flow-collection');
        }
        else if (fc.end.length === 0) {
            switch (this.type) {
                case 'comma':
                case 'explicit-key-ind':
                    if (!it || it.sep)
                        fc.items.push({ start: [this.sourceToken] });
                    else
                        it.start.push(this.sourceToken);
                    return;
                case 'map-value-ind':
                    if (!it || it.value)
                        fc.items.push({ start: [], key: null, sep: [this.sourceToken] });
                    else if (it.sep)
                        it.sep.push(this.sourceToken);
                    else
                        Object.assign(it, { key: null, sep: [this.sourceToken] });
                    return;
                case 'space':
                case 'comment':
                case 'newline':
                case 'anchor':
                case 'tag':
                    if (!it || it.value)
                        fc.items.push({ start: [this.sourceToken] });
                    else if (it.sep)
                        it.sep.push(this.sourceToken);
                    else
                        it.start.push(this.sourceToken);
                    return;
                case 'alias':
                case 'scalar':
                case 'single-quoted-scalar':
                case 'double-quoted-scalar': {
                    const fs = this.flowScalar(this.type);
                    if (!it || it.value)
                        fc.items.push({ start: [], key: fs, sep: [] });
                    else if (it.sep)
                        this.stack.push(fs);
                    else
                        Object.assign(it, { key: fs, sep: [] });
                    return;
                }
                case 'flow-map-end':
                case 'flow-seq-end':
                    fc.end.push(this.sourceToken);
                    return;
            }
            const bv = this.startBlockValue(fc);
            /* istanbul ignore else should not happen */
            if (bv)
                this.stack.push(bv);
            else {
                yield* this.pop();
                yield* this.step();
            }
        }
        else {
            const parent = this.peek(2);
            if (parent.type === 'block-map' &&
                ((this.type === 'map-value-ind' && parent.indent === fc.indent) ||
                    (this.type === 'newline' &&
                        !parent.items[parent.items.length - 1].sep))) {
                yield* this.pop();
                yield* this.step();
            }
            else if (this.type === 'map-value-ind' &&
                parent.type !== 'flow-collection') {
                const prev = getPrevProps(parent);
                const start = getFirstKeyStartProps(prev);
                fixFlowSeqItems(fc);
                const sep = fc.end.splice(1, fc.end.length);
                sep.push(this.sourceToken);
                const map = {
                    type: 'block-map',
                    offset: fc.offset,
                    indent: fc.indent,
                    items: [{ start, key: fc, sep }]
                };
                this.onKeyLine = true;
                this.stack[this.stack.length - 1] = map;
            }
            else {
                yield* this.lineEnd(fc);
            }
        }
    }
    flowScalar(type) {
        if (this.onNewLine) {
            let nl = this.source.indexOf('\n') + 1;
            while (nl !== 0) {
                this.onNewLine(this.offset + nl);
                nl = this.source.indexOf('\n', nl) + 1;
            }
        }
        return {
            type,
            offset: this.offset,
            indent: this.indent,
            source: this.source
        };
    }
    startBlockValue(parent) {
        switch (this.type) {
            case 'alias':
            case 'scalar':
            case 'single-quoted-scalar':
            case 'double-quoted-scalar':
                return this.flowScalar(this.type);
            case 'block-scalar-header':
                return {
                    type: 'block-scalar',
                    offset: this.offset,
                    indent: this.indent,
                    props: [this.sourceToken],
                    source: ''
                };
            case 'flow-map-start':
            case 'flow-seq-start':
                return {
                    type: 'flow-collection',
                    offset: this.offset,
                    indent: this.indent,
                    start: this.sourceToken,
                    items: [],
                    end: []
                };
            case 'seq-item-ind':
                return {
                    type: 'block-seq',
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: [this.sourceToken] }]
                };
            case 'explicit-key-ind': {
                this.onKeyLine = true;
                const prev = getPrevProps(parent);
                const start = getFirstKeyStartProps(prev);
                start.push(this.sourceToken);
                return {
                    type: 'block-map',
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start, explicitKey: true }]
                };
            }
            case 'map-value-ind': {
                this.onKeyLine = true;
                const prev = getPrevProps(parent);
                const start = getFirstKeyStartProps(prev);
                return {
                    type: 'block-map',
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start, key: null, sep: [this.sourceToken] }]
                };
            }
        }
        return null;
    }
    atIndentedComment(start, indent) {
        if (this.type !== 'comment')
            return false;
        if (this.indent <= indent)
            return false;
        return start.every(st => st.type === 'newline' || st.type === 'space');
    }
    *documentEnd(docEnd) {
        if (this.type !== 'doc-mode') {
            if (docEnd.end)
                docEnd.end.push(this.sourceToken);
            else
                docEnd.end = [this.sourceToken];
            if (this.type === 'newline')
                yield* this.pop();
        }
    }
    *lineEnd(token) {
        switch (this.type) {
            case 'comma':
            case 'doc-start':
            case 'doc-end':
            case 'flow-seq-end':
            case 'flow-map-end':
            case 'map-value-ind':
                yield* this.pop();
                yield* this.step();
                break;
            case 'newline':
                this.onKeyLine = false;
            // fallthrough
            case 'space':
            case 'comment':
            default:
                // all other values are errors
                if (token.end)
                    token.end.push(this.sourceToken);
                else
                    token.end = [this.sourceToken];
                if (this.type === 'newline')
                    yield* this.pop();
        }
    }
}

exports.Parser = Parser;


/***/ }),

/***/ 4047:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var composer = __nccwpck_require__(9984);
var Document = __nccwpck_require__(3021);
var errors = __nccwpck_require__(1464);
var log = __nccwpck_require__(7249);
var identity = __nccwpck_require__(1127);
var lineCounter = __nccwpck_require__(6628);
var parser = __nccwpck_require__(3456);

function parseOptions(options) {
    const prettyErrors = options.prettyErrors !== false;
    const lineCounter$1 = options.lineCounter || (prettyErrors && new lineCounter.LineCounter()) || null;
    return { lineCounter: lineCounter$1, prettyErrors };
}
/**
 * Parse the input as a stream of YAML documents.
 *
 * Documents should be separated from each other by `...` or `---` marker lines.
 *
 * @returns If an empty `docs` array is returned, it will be of type
 *   EmptyStream and contain additional stream information. In
 *   TypeScript, you should use `'empty' in docs` as a type guard for it.
 */
function parseAllDocuments(source, options = {}) {
    const { lineCounter, prettyErrors } = parseOptions(options);
    const parser$1 = new parser.Parser(lineCounter?.addNewLine);
    const composer$1 = new composer.Composer(options);
    const docs = Array.from(composer$1.compose(parser$1.parse(source)));
    if (prettyErrors && lineCounter)
        for (const doc of docs) {
            doc.errors.forEach(errors.prettifyError(source, lineCounter));
            doc.warnings.forEach(errors.prettifyError(source, lineCounter));
        }
    if (docs.length > 0)
        return docs;
    return Object.assign([], { empty: true }, composer$1.streamInfo());
}
/** Parse an input string into a single YAML.Document */
function parseDocument(source, options = {}) {
    const { lineCounter, prettyErrors } = parseOptions(options);
    const parser$1 = new parser.Parser(lineCounter?.addNewLine);
    const composer$1 = new composer.Composer(options);
    // `doc` is always set by compose.end(true) at the very latest
    let doc = null;
    for (const _doc of composer$1.compose(parser$1.parse(source), true, source.length)) {
        if (!doc)
            doc = _doc;
        else if (doc.options.logLevel !== 'silent') {
            doc.errors.push(new errors.YAMLParseError(_doc.range.slice(0, 2), 'MULTIPLE_DOCS', 'Source contains multiple documents; please use YAML.parseAllDocuments()'));
            break;
        }
    }
    if (prettyErrors && lineCounter) {
        doc.errors.forEach(errors.prettifyError(source, lineCounter));
        doc.warnings.forEach(errors.prettifyError(source, lineCounter));
    }
    return doc;
}
function parse(src, reviver, options) {
    let _reviver = undefined;
    if (typeof reviver === 'function') {
        _reviver = reviver;
    }
    else if (options === undefined && reviver && typeof reviver === 'object') {
        options = reviver;
    }
    const doc = parseDocument(src, options);
    if (!doc)
        return null;
    doc.warnings.forEach(warning => log.warn(doc.options.logLevel, warning));
    if (doc.errors.length > 0) {
        if (doc.options.logLevel !== 'silent')
            throw doc.errors[0];
        else
            doc.errors = [];
    }
    return doc.toJS(Object.assign({ reviver: _reviver }, options));
}
function stringify(value, replacer, options) {
    let _replacer = null;
    if (typeof replacer === 'function' || Array.isArray(replacer)) {
        _replacer = replacer;
    }
    else if (options === undefined && replacer) {
        options = replacer;
    }
    if (typeof options === 'string')
        options = options.length;
    if (typeof options === 'number') {
        const indent = Math.round(options);
        options = indent < 1 ? undefined : indent > 8 ? { indent: 8 } : { indent };
    }
    if (value === undefined) {
        const { keepUndefined } = options ?? replacer ?? {};
        if (!keepUndefined)
            return undefined;
    }
    if (identity.isDocument(value) && !_replacer)
        return value.toString(options);
    return new Document.Document(value, _replacer, options).toString(options);
}

exports.parse = parse;
exports.parseAllDocuments = parseAllDocuments;
exports.parseDocument = parseDocument;
exports.stringify = stringify;


/***/ }),

/***/ 5840:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var map = __nccwpck_require__(7451);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(6464);
var tags = __nccwpck_require__(18);

const sortMapEntriesByKey = (a, b) => a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
class Schema {
    constructor({ compat, customTags, merge, resolveKnownTags, schema, sortMapEntries, toStringDefaults }) {
        this.compat = Array.isArray(compat)
            ? tags.getTags(compat, 'compat')
            : compat
                ? tags.getTags(null, compat)
                : null;
        this.name = (typeof schema === 'string' && schema) || 'core';
        this.knownTags = resolveKnownTags ? tags.coreKnownTags : {};
        this.tags = tags.getTags(customTags, this.name, merge);
        this.toStringOptions = toStringDefaults ?? null;
        Object.defineProperty(this, identity.MAP, { value: map.map });
        Object.defineProperty(this, identity.SCALAR, { value: string.string });
        Object.defineProperty(this, identity.SEQ, { value: seq.seq });
        // Used by createMap()
        this.sortMapEntries =
            typeof sortMapEntries === 'function'
                ? sortMapEntries
                : sortMapEntries === true
                    ? sortMapEntriesByKey
                    : null;
    }
    clone() {
        const copy = Object.create(Schema.prototype, Object.getOwnPropertyDescriptors(this));
        copy.tags = this.tags.slice();
        return copy;
    }
}

exports.Schema = Schema;


/***/ }),

/***/ 7451:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var YAMLMap = __nccwpck_require__(4454);

const map = {
    collection: 'map',
    default: true,
    nodeClass: YAMLMap.YAMLMap,
    tag: 'tag:yaml.org,2002:map',
    resolve(map, onError) {
        if (!identity.isMap(map))
            onError('Expected a mapping for this tag');
        return map;
    },
    createNode: (schema, obj, ctx) => YAMLMap.YAMLMap.from(schema, obj, ctx)
};

exports.map = map;


/***/ }),

/***/ 3632:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);

const nullTag = {
    identify: value => value == null,
    createNode: () => new Scalar.Scalar(null),
    default: true,
    tag: 'tag:yaml.org,2002:null',
    test: /^(?:~|[Nn]ull|NULL)?$/,
    resolve: () => new Scalar.Scalar(null),
    stringify: ({ source }, ctx) => typeof source === 'string' && nullTag.test.test(source)
        ? source
        : ctx.options.nullStr
};

exports.nullTag = nullTag;


/***/ }),

/***/ 1706:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var YAMLSeq = __nccwpck_require__(2223);

const seq = {
    collection: 'seq',
    default: true,
    nodeClass: YAMLSeq.YAMLSeq,
    tag: 'tag:yaml.org,2002:seq',
    resolve(seq, onError) {
        if (!identity.isSeq(seq))
            onError('Expected a sequence for this tag');
        return seq;
    },
    createNode: (schema, obj, ctx) => YAMLSeq.YAMLSeq.from(schema, obj, ctx)
};

exports.seq = seq;


/***/ }),

/***/ 6464:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyString = __nccwpck_require__(3069);

const string = {
    identify: value => typeof value === 'string',
    default: true,
    tag: 'tag:yaml.org,2002:str',
    resolve: str => str,
    stringify(item, ctx, onComment, onChompKeep) {
        ctx = Object.assign({ actualString: true }, ctx);
        return stringifyString.stringifyString(item, ctx, onComment, onChompKeep);
    }
};

exports.string = string;


/***/ }),

/***/ 3959:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);

const boolTag = {
    identify: value => typeof value === 'boolean',
    default: true,
    tag: 'tag:yaml.org,2002:bool',
    test: /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
    resolve: str => new Scalar.Scalar(str[0] === 't' || str[0] === 'T'),
    stringify({ source, value }, ctx) {
        if (source && boolTag.test.test(source)) {
            const sv = source[0] === 't' || source[0] === 'T';
            if (value === sv)
                return source;
        }
        return value ? ctx.options.trueStr : ctx.options.falseStr;
    }
};

exports.boolTag = boolTag;


/***/ }),

/***/ 8405:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var stringifyNumber = __nccwpck_require__(8689);

const floatNaN = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
    resolve: str => str.slice(-3).toLowerCase() === 'nan'
        ? NaN
        : str[0] === '-'
            ? Number.NEGATIVE_INFINITY
            : Number.POSITIVE_INFINITY,
    stringify: stringifyNumber.stringifyNumber
};
const floatExp = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    format: 'EXP',
    test: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
    resolve: str => parseFloat(str),
    stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
    }
};
const float = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
    resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str));
        const dot = str.indexOf('.');
        if (dot !== -1 && str[str.length - 1] === '0')
            node.minFractionDigits = str.length - dot - 1;
        return node;
    },
    stringify: stringifyNumber.stringifyNumber
};

exports.float = float;
exports.floatExp = floatExp;
exports.floatNaN = floatNaN;


/***/ }),

/***/ 9874:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyNumber = __nccwpck_require__(8689);

const intIdentify = (value) => typeof value === 'bigint' || Number.isInteger(value);
const intResolve = (str, offset, radix, { intAsBigInt }) => (intAsBigInt ? BigInt(str) : parseInt(str.substring(offset), radix));
function intStringify(node, radix, prefix) {
    const { value } = node;
    if (intIdentify(value) && value >= 0)
        return prefix + value.toString(radix);
    return stringifyNumber.stringifyNumber(node);
}
const intOct = {
    identify: value => intIdentify(value) && value >= 0,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'OCT',
    test: /^0o[0-7]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 8, opt),
    stringify: node => intStringify(node, 8, '0o')
};
const int = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    test: /^[-+]?[0-9]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
    stringify: stringifyNumber.stringifyNumber
};
const intHex = {
    identify: value => intIdentify(value) && value >= 0,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'HEX',
    test: /^0x[0-9a-fA-F]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
    stringify: node => intStringify(node, 16, '0x')
};

exports.int = int;
exports.intHex = intHex;
exports.intOct = intOct;


/***/ }),

/***/ 896:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var map = __nccwpck_require__(7451);
var _null = __nccwpck_require__(3632);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(6464);
var bool = __nccwpck_require__(3959);
var float = __nccwpck_require__(8405);
var int = __nccwpck_require__(9874);

const schema = [
    map.map,
    seq.seq,
    string.string,
    _null.nullTag,
    bool.boolTag,
    int.intOct,
    int.int,
    int.intHex,
    float.floatNaN,
    float.floatExp,
    float.float
];

exports.schema = schema;


/***/ }),

/***/ 3559:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var map = __nccwpck_require__(7451);
var seq = __nccwpck_require__(1706);

function intIdentify(value) {
    return typeof value === 'bigint' || Number.isInteger(value);
}
const stringifyJSON = ({ value }) => JSON.stringify(value);
const jsonScalars = [
    {
        identify: value => typeof value === 'string',
        default: true,
        tag: 'tag:yaml.org,2002:str',
        resolve: str => str,
        stringify: stringifyJSON
    },
    {
        identify: value => value == null,
        createNode: () => new Scalar.Scalar(null),
        default: true,
        tag: 'tag:yaml.org,2002:null',
        test: /^null$/,
        resolve: () => null,
        stringify: stringifyJSON
    },
    {
        identify: value => typeof value === 'boolean',
        default: true,
        tag: 'tag:yaml.org,2002:bool',
        test: /^true$|^false$/,
        resolve: str => str === 'true',
        stringify: stringifyJSON
    },
    {
        identify: intIdentify,
        default: true,
        tag: 'tag:yaml.org,2002:int',
        test: /^-?(?:0|[1-9][0-9]*)$/,
        resolve: (str, _onError, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str, 10),
        stringify: ({ value }) => intIdentify(value) ? value.toString() : JSON.stringify(value)
    },
    {
        identify: value => typeof value === 'number',
        default: true,
        tag: 'tag:yaml.org,2002:float',
        test: /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$/,
        resolve: str => parseFloat(str),
        stringify: stringifyJSON
    }
];
const jsonError = {
    default: true,
    tag: '',
    test: /^/,
    resolve(str, onError) {
        onError(`Unresolved plain scalar ${JSON.stringify(str)}`);
        return str;
    }
};
const schema = [map.map, seq.seq].concat(jsonScalars, jsonError);

exports.schema = schema;


/***/ }),

/***/ 18:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var map = __nccwpck_require__(7451);
var _null = __nccwpck_require__(3632);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(6464);
var bool = __nccwpck_require__(3959);
var float = __nccwpck_require__(8405);
var int = __nccwpck_require__(9874);
var schema = __nccwpck_require__(896);
var schema$1 = __nccwpck_require__(3559);
var binary = __nccwpck_require__(6083);
var merge = __nccwpck_require__(452);
var omap = __nccwpck_require__(303);
var pairs = __nccwpck_require__(8385);
var schema$2 = __nccwpck_require__(5913);
var set = __nccwpck_require__(1528);
var timestamp = __nccwpck_require__(6752);

const schemas = new Map([
    ['core', schema.schema],
    ['failsafe', [map.map, seq.seq, string.string]],
    ['json', schema$1.schema],
    ['yaml11', schema$2.schema],
    ['yaml-1.1', schema$2.schema]
]);
const tagsByName = {
    binary: binary.binary,
    bool: bool.boolTag,
    float: float.float,
    floatExp: float.floatExp,
    floatNaN: float.floatNaN,
    floatTime: timestamp.floatTime,
    int: int.int,
    intHex: int.intHex,
    intOct: int.intOct,
    intTime: timestamp.intTime,
    map: map.map,
    merge: merge.merge,
    null: _null.nullTag,
    omap: omap.omap,
    pairs: pairs.pairs,
    seq: seq.seq,
    set: set.set,
    timestamp: timestamp.timestamp
};
const coreKnownTags = {
    'tag:yaml.org,2002:binary': binary.binary,
    'tag:yaml.org,2002:merge': merge.merge,
    'tag:yaml.org,2002:omap': omap.omap,
    'tag:yaml.org,2002:pairs': pairs.pairs,
    'tag:yaml.org,2002:set': set.set,
    'tag:yaml.org,2002:timestamp': timestamp.timestamp
};
function getTags(customTags, schemaName, addMergeTag) {
    const schemaTags = schemas.get(schemaName);
    if (schemaTags && !customTags) {
        return addMergeTag && !schemaTags.includes(merge.merge)
            ? schemaTags.concat(merge.merge)
            : schemaTags.slice();
    }
    let tags = schemaTags;
    if (!tags) {
        if (Array.isArray(customTags))
            tags = [];
        else {
            const keys = Array.from(schemas.keys())
                .filter(key => key !== 'yaml11')
                .map(key => JSON.stringify(key))
                .join(', ');
            throw new Error(`Unknown schema "${schemaName}"; use one of ${keys} or define customTags array`);
        }
    }
    if (Array.isArray(customTags)) {
        for (const tag of customTags)
            tags = tags.concat(tag);
    }
    else if (typeof customTags === 'function') {
        tags = customTags(tags.slice());
    }
    if (addMergeTag)
        tags = tags.concat(merge.merge);
    return tags.reduce((tags, tag) => {
        const tagObj = typeof tag === 'string' ? tagsByName[tag] : tag;
        if (!tagObj) {
            const tagName = JSON.stringify(tag);
            const keys = Object.keys(tagsByName)
                .map(key => JSON.stringify(key))
                .join(', ');
            throw new Error(`Unknown custom tag ${tagName}; use one of ${keys}`);
        }
        if (!tags.includes(tagObj))
            tags.push(tagObj);
        return tags;
    }, []);
}

exports.coreKnownTags = coreKnownTags;
exports.getTags = getTags;


/***/ }),

/***/ 6083:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_buffer = __nccwpck_require__(181);
var Scalar = __nccwpck_require__(3301);
var stringifyString = __nccwpck_require__(3069);

const binary = {
    identify: value => value instanceof Uint8Array, // Buffer inherits from Uint8Array
    default: false,
    tag: 'tag:yaml.org,2002:binary',
    /**
     * Returns a Buffer in node and an Uint8Array in browsers
     *
     * To use the resulting buffer as an image, you'll want to do something like:
     *
     *   const blob = new Blob([buffer], { type: 'image/jpeg' })
     *   document.querySelector('#photo').src = URL.createObjectURL(blob)
     */
    resolve(src, onError) {
        if (typeof node_buffer.Buffer === 'function') {
            return node_buffer.Buffer.from(src, 'base64');
        }
        else if (typeof atob === 'function') {
            // On IE 11, atob() can't handle newlines
            const str = atob(src.replace(/[\n\r]/g, ''));
            const buffer = new Uint8Array(str.length);
            for (let i = 0; i < str.length; ++i)
                buffer[i] = str.charCodeAt(i);
            return buffer;
        }
        else {
            onError('This environment does not support reading binary tags; either Buffer or atob is required');
            return src;
        }
    },
    stringify({ comment, type, value }, ctx, onComment, onChompKeep) {
        if (!value)
            return '';
        const buf = value; // checked earlier by binary.identify()
        let str;
        if (typeof node_buffer.Buffer === 'function') {
            str =
                buf instanceof node_buffer.Buffer
                    ? buf.toString('base64')
                    : node_buffer.Buffer.from(buf.buffer).toString('base64');
        }
        else if (typeof btoa === 'function') {
            let s = '';
            for (let i = 0; i < buf.length; ++i)
                s += String.fromCharCode(buf[i]);
            str = btoa(s);
        }
        else {
            throw new Error('This environment does not support writing binary tags; either Buffer or btoa is required');
        }
        type ?? (type = Scalar.Scalar.BLOCK_LITERAL);
        if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
            const lineWidth = Math.max(ctx.options.lineWidth - ctx.indent.length, ctx.options.minContentWidth);
            const n = Math.ceil(str.length / lineWidth);
            const lines = new Array(n);
            for (let i = 0, o = 0; i < n; ++i, o += lineWidth) {
                lines[i] = str.substr(o, lineWidth);
            }
            str = lines.join(type === Scalar.Scalar.BLOCK_LITERAL ? '\n' : ' ');
        }
        return stringifyString.stringifyString({ comment, type, value: str }, ctx, onComment, onChompKeep);
    }
};

exports.binary = binary;


/***/ }),

/***/ 8398:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);

function boolStringify({ value, source }, ctx) {
    const boolObj = value ? trueTag : falseTag;
    if (source && boolObj.test.test(source))
        return source;
    return value ? ctx.options.trueStr : ctx.options.falseStr;
}
const trueTag = {
    identify: value => value === true,
    default: true,
    tag: 'tag:yaml.org,2002:bool',
    test: /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
    resolve: () => new Scalar.Scalar(true),
    stringify: boolStringify
};
const falseTag = {
    identify: value => value === false,
    default: true,
    tag: 'tag:yaml.org,2002:bool',
    test: /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,
    resolve: () => new Scalar.Scalar(false),
    stringify: boolStringify
};

exports.falseTag = falseTag;
exports.trueTag = trueTag;


/***/ }),

/***/ 5782:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var stringifyNumber = __nccwpck_require__(8689);

const floatNaN = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
    resolve: (str) => str.slice(-3).toLowerCase() === 'nan'
        ? NaN
        : str[0] === '-'
            ? Number.NEGATIVE_INFINITY
            : Number.POSITIVE_INFINITY,
    stringify: stringifyNumber.stringifyNumber
};
const floatExp = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    format: 'EXP',
    test: /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
    resolve: (str) => parseFloat(str.replace(/_/g, '')),
    stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
    }
};
const float = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/,
    resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str.replace(/_/g, '')));
        const dot = str.indexOf('.');
        if (dot !== -1) {
            const f = str.substring(dot + 1).replace(/_/g, '');
            if (f[f.length - 1] === '0')
                node.minFractionDigits = f.length;
        }
        return node;
    },
    stringify: stringifyNumber.stringifyNumber
};

exports.float = float;
exports.floatExp = floatExp;
exports.floatNaN = floatNaN;


/***/ }),

/***/ 873:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyNumber = __nccwpck_require__(8689);

const intIdentify = (value) => typeof value === 'bigint' || Number.isInteger(value);
function intResolve(str, offset, radix, { intAsBigInt }) {
    const sign = str[0];
    if (sign === '-' || sign === '+')
        offset += 1;
    str = str.substring(offset).replace(/_/g, '');
    if (intAsBigInt) {
        switch (radix) {
            case 2:
                str = `0b${str}`;
                break;
            case 8:
                str = `0o${str}`;
                break;
            case 16:
                str = `0x${str}`;
                break;
        }
        const n = BigInt(str);
        return sign === '-' ? BigInt(-1) * n : n;
    }
    const n = parseInt(str, radix);
    return sign === '-' ? -1 * n : n;
}
function intStringify(node, radix, prefix) {
    const { value } = node;
    if (intIdentify(value)) {
        const str = value.toString(radix);
        return value < 0 ? '-' + prefix + str.substr(1) : prefix + str;
    }
    return stringifyNumber.stringifyNumber(node);
}
const intBin = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'BIN',
    test: /^[-+]?0b[0-1_]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 2, opt),
    stringify: node => intStringify(node, 2, '0b')
};
const intOct = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'OCT',
    test: /^[-+]?0[0-7_]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 1, 8, opt),
    stringify: node => intStringify(node, 8, '0')
};
const int = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    test: /^[-+]?[0-9][0-9_]*$/,
    resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
    stringify: stringifyNumber.stringifyNumber
};
const intHex = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'HEX',
    test: /^[-+]?0x[0-9a-fA-F_]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
    stringify: node => intStringify(node, 16, '0x')
};

exports.int = int;
exports.intBin = intBin;
exports.intHex = intHex;
exports.intOct = intOct;


/***/ }),

/***/ 452:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);

// If the value associated with a merge key is a single mapping node, each of
// its key/value pairs is inserted into the current mapping, unless the key
// already exists in it. If the value associated with the merge key is a
// sequence, then this sequence is expected to contain mapping nodes and each
// of these nodes is merged in turn according to its order in the sequence.
// Keys in mapping nodes earlier in the sequence override keys specified in
// later mapping nodes. -- http://yaml.org/type/merge.html
const MERGE_KEY = '<<';
const merge = {
    identify: value => value === MERGE_KEY ||
        (typeof value === 'symbol' && value.description === MERGE_KEY),
    default: 'key',
    tag: 'tag:yaml.org,2002:merge',
    test: /^<<$/,
    resolve: () => Object.assign(new Scalar.Scalar(Symbol(MERGE_KEY)), {
        addToJSMap: addMergeToJSMap
    }),
    stringify: () => MERGE_KEY
};
const isMergeKey = (ctx, key) => (merge.identify(key) ||
    (identity.isScalar(key) &&
        (!key.type || key.type === Scalar.Scalar.PLAIN) &&
        merge.identify(key.value))) &&
    ctx?.doc.schema.tags.some(tag => tag.tag === merge.tag && tag.default);
function addMergeToJSMap(ctx, map, value) {
    const source = resolveAliasValue(ctx, value);
    if (identity.isSeq(source))
        for (const it of source.items)
            mergeValue(ctx, map, it);
    else if (Array.isArray(source))
        for (const it of source)
            mergeValue(ctx, map, it);
    else
        mergeValue(ctx, map, source);
}
function mergeValue(ctx, map, value) {
    const source = resolveAliasValue(ctx, value);
    if (!identity.isMap(source))
        throw new Error('Merge sources must be maps or map aliases');
    const srcMap = source.toJSON(null, ctx, Map);
    for (const [key, value] of srcMap) {
        if (map instanceof Map) {
            if (!map.has(key))
                map.set(key, value);
        }
        else if (map instanceof Set) {
            map.add(key);
        }
        else if (!Object.prototype.hasOwnProperty.call(map, key)) {
            Object.defineProperty(map, key, {
                value,
                writable: true,
                enumerable: true,
                configurable: true
            });
        }
    }
    return map;
}
function resolveAliasValue(ctx, value) {
    return ctx && identity.isAlias(value) ? value.resolve(ctx.doc, ctx) : value;
}

exports.addMergeToJSMap = addMergeToJSMap;
exports.isMergeKey = isMergeKey;
exports.merge = merge;


/***/ }),

/***/ 303:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var toJS = __nccwpck_require__(4043);
var YAMLMap = __nccwpck_require__(4454);
var YAMLSeq = __nccwpck_require__(2223);
var pairs = __nccwpck_require__(8385);

class YAMLOMap extends YAMLSeq.YAMLSeq {
    constructor() {
        super();
        this.add = YAMLMap.YAMLMap.prototype.add.bind(this);
        this.delete = YAMLMap.YAMLMap.prototype.delete.bind(this);
        this.get = YAMLMap.YAMLMap.prototype.get.bind(this);
        this.has = YAMLMap.YAMLMap.prototype.has.bind(this);
        this.set = YAMLMap.YAMLMap.prototype.set.bind(this);
        this.tag = YAMLOMap.tag;
    }
    /**
     * If `ctx` is given, the return type is actually `Map<unknown, unknown>`,
     * but TypeScript won't allow widening the signature of a child method.
     */
    toJSON(_, ctx) {
        if (!ctx)
            return super.toJSON(_);
        const map = new Map();
        if (ctx?.onCreate)
            ctx.onCreate(map);
        for (const pair of this.items) {
            let key, value;
            if (identity.isPair(pair)) {
                key = toJS.toJS(pair.key, '', ctx);
                value = toJS.toJS(pair.value, key, ctx);
            }
            else {
                key = toJS.toJS(pair, '', ctx);
            }
            if (map.has(key))
                throw new Error('Ordered maps must not include duplicate keys');
            map.set(key, value);
        }
        return map;
    }
    static from(schema, iterable, ctx) {
        const pairs$1 = pairs.createPairs(schema, iterable, ctx);
        const omap = new this();
        omap.items = pairs$1.items;
        return omap;
    }
}
YAMLOMap.tag = 'tag:yaml.org,2002:omap';
const omap = {
    collection: 'seq',
    identify: value => value instanceof Map,
    nodeClass: YAMLOMap,
    default: false,
    tag: 'tag:yaml.org,2002:omap',
    resolve(seq, onError) {
        const pairs$1 = pairs.resolvePairs(seq, onError);
        const seenKeys = [];
        for (const { key } of pairs$1.items) {
            if (identity.isScalar(key)) {
                if (seenKeys.includes(key.value)) {
                    onError(`Ordered maps must not include duplicate keys: ${key.value}`);
                }
                else {
                    seenKeys.push(key.value);
                }
            }
        }
        return Object.assign(new YAMLOMap(), pairs$1);
    },
    createNode: (schema, iterable, ctx) => YAMLOMap.from(schema, iterable, ctx)
};

exports.YAMLOMap = YAMLOMap;
exports.omap = omap;


/***/ }),

/***/ 8385:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var Scalar = __nccwpck_require__(3301);
var YAMLSeq = __nccwpck_require__(2223);

function resolvePairs(seq, onError) {
    if (identity.isSeq(seq)) {
        for (let i = 0; i < seq.items.length; ++i) {
            let item = seq.items[i];
            if (identity.isPair(item))
                continue;
            else if (identity.isMap(item)) {
                if (item.items.length > 1)
                    onError('Each pair must have its own sequence indicator');
                const pair = item.items[0] || new Pair.Pair(new Scalar.Scalar(null));
                if (item.commentBefore)
                    pair.key.commentBefore = pair.key.commentBefore
                        ? `${item.commentBefore}\n${pair.key.commentBefore}`
                        : item.commentBefore;
                if (item.comment) {
                    const cn = pair.value ?? pair.key;
                    cn.comment = cn.comment
                        ? `${item.comment}\n${cn.comment}`
                        : item.comment;
                }
                item = pair;
            }
            seq.items[i] = identity.isPair(item) ? item : new Pair.Pair(item);
        }
    }
    else
        onError('Expected a sequence for this tag');
    return seq;
}
function createPairs(schema, iterable, ctx) {
    const { replacer } = ctx;
    const pairs = new YAMLSeq.YAMLSeq(schema);
    pairs.tag = 'tag:yaml.org,2002:pairs';
    let i = 0;
    if (iterable && Symbol.iterator in Object(iterable))
        for (let it of iterable) {
            if (typeof replacer === 'function')
                it = replacer.call(iterable, String(i++), it);
            let key, value;
            if (Array.isArray(it)) {
                if (it.length === 2) {
                    key = it[0];
                    value = it[1];
                }
                else
                    throw new TypeError(`Expected [key, value] tuple: ${it}`);
            }
            else if (it && it instanceof Object) {
                const keys = Object.keys(it);
                if (keys.length === 1) {
                    key = keys[0];
                    value = it[key];
                }
                else {
                    throw new TypeError(`Expected tuple with one key, not ${keys.length} keys`);
                }
            }
            else {
                key = it;
            }
            pairs.items.push(Pair.createPair(key, value, ctx));
        }
    return pairs;
}
const pairs = {
    collection: 'seq',
    default: false,
    tag: 'tag:yaml.org,2002:pairs',
    resolve: resolvePairs,
    createNode: createPairs
};

exports.createPairs = createPairs;
exports.pairs = pairs;
exports.resolvePairs = resolvePairs;


/***/ }),

/***/ 5913:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var map = __nccwpck_require__(7451);
var _null = __nccwpck_require__(3632);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(6464);
var binary = __nccwpck_require__(6083);
var bool = __nccwpck_require__(8398);
var float = __nccwpck_require__(5782);
var int = __nccwpck_require__(873);
var merge = __nccwpck_require__(452);
var omap = __nccwpck_require__(303);
var pairs = __nccwpck_require__(8385);
var set = __nccwpck_require__(1528);
var timestamp = __nccwpck_require__(6752);

const schema = [
    map.map,
    seq.seq,
    string.string,
    _null.nullTag,
    bool.trueTag,
    bool.falseTag,
    int.intBin,
    int.intOct,
    int.int,
    int.intHex,
    float.floatNaN,
    float.floatExp,
    float.float,
    binary.binary,
    merge.merge,
    omap.omap,
    pairs.pairs,
    set.set,
    timestamp.intTime,
    timestamp.floatTime,
    timestamp.timestamp
];

exports.schema = schema;


/***/ }),

/***/ 1528:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var YAMLMap = __nccwpck_require__(4454);

class YAMLSet extends YAMLMap.YAMLMap {
    constructor(schema) {
        super(schema);
        this.tag = YAMLSet.tag;
    }
    add(key) {
        let pair;
        if (identity.isPair(key))
            pair = key;
        else if (key &&
            typeof key === 'object' &&
            'key' in key &&
            'value' in key &&
            key.value === null)
            pair = new Pair.Pair(key.key, null);
        else
            pair = new Pair.Pair(key, null);
        const prev = YAMLMap.findPair(this.items, pair.key);
        if (!prev)
            this.items.push(pair);
    }
    /**
     * If `keepPair` is `true`, returns the Pair matching `key`.
     * Otherwise, returns the value of that Pair's key.
     */
    get(key, keepPair) {
        const pair = YAMLMap.findPair(this.items, key);
        return !keepPair && identity.isPair(pair)
            ? identity.isScalar(pair.key)
                ? pair.key.value
                : pair.key
            : pair;
    }
    set(key, value) {
        if (typeof value !== 'boolean')
            throw new Error(`Expected boolean value for set(key, value) in a YAML set, not ${typeof value}`);
        const prev = YAMLMap.findPair(this.items, key);
        if (prev && !value) {
            this.items.splice(this.items.indexOf(prev), 1);
        }
        else if (!prev && value) {
            this.items.push(new Pair.Pair(key));
        }
    }
    toJSON(_, ctx) {
        return super.toJSON(_, ctx, Set);
    }
    toString(ctx, onComment, onChompKeep) {
        if (!ctx)
            return JSON.stringify(this);
        if (this.hasAllNullValues(true))
            return super.toString(Object.assign({}, ctx, { allNullValues: true }), onComment, onChompKeep);
        else
            throw new Error('Set items must all have null values');
    }
    static from(schema, iterable, ctx) {
        const { replacer } = ctx;
        const set = new this(schema);
        if (iterable && Symbol.iterator in Object(iterable))
            for (let value of iterable) {
                if (typeof replacer === 'function')
                    value = replacer.call(iterable, value, value);
                set.items.push(Pair.createPair(value, null, ctx));
            }
        return set;
    }
}
YAMLSet.tag = 'tag:yaml.org,2002:set';
const set = {
    collection: 'map',
    identify: value => value instanceof Set,
    nodeClass: YAMLSet,
    default: false,
    tag: 'tag:yaml.org,2002:set',
    createNode: (schema, iterable, ctx) => YAMLSet.from(schema, iterable, ctx),
    resolve(map, onError) {
        if (identity.isMap(map)) {
            if (map.hasAllNullValues(true))
                return Object.assign(new YAMLSet(), map);
            else
                onError('Set items must all have null values');
        }
        else
            onError('Expected a mapping for this tag');
        return map;
    }
};

exports.YAMLSet = YAMLSet;
exports.set = set;


/***/ }),

/***/ 6752:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyNumber = __nccwpck_require__(8689);

/** Internal types handle bigint as number, because TS can't figure it out. */
function parseSexagesimal(str, asBigInt) {
    const sign = str[0];
    const parts = sign === '-' || sign === '+' ? str.substring(1) : str;
    const num = (n) => asBigInt ? BigInt(n) : Number(n);
    const res = parts
        .replace(/_/g, '')
        .split(':')
        .reduce((res, p) => res * num(60) + num(p), num(0));
    return (sign === '-' ? num(-1) * res : res);
}
/**
 * hhhh:mm:ss.sss
 *
 * Internal types handle bigint as number, because TS can't figure it out.
 */
function stringifySexagesimal(node) {
    let { value } = node;
    let num = (n) => n;
    if (typeof value === 'bigint')
        num = n => BigInt(n);
    else if (isNaN(value) || !isFinite(value))
        return stringifyNumber.stringifyNumber(node);
    let sign = '';
    if (value < 0) {
        sign = '-';
        value *= num(-1);
    }
    const _60 = num(60);
    const parts = [value % _60]; // seconds, including ms
    if (value < 60) {
        parts.unshift(0); // at least one : is required
    }
    else {
        value = (value - parts[0]) / _60;
        parts.unshift(value % _60); // minutes
        if (value >= 60) {
            value = (value - parts[0]) / _60;
            parts.unshift(value); // hours
        }
    }
    return (sign +
        parts
            .map(n => String(n).padStart(2, '0'))
            .join(':')
            .replace(/000000\d*$/, '') // % 60 may introduce error
    );
}
const intTime = {
    identify: value => typeof value === 'bigint' || Number.isInteger(value),
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'TIME',
    test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/,
    resolve: (str, _onError, { intAsBigInt }) => parseSexagesimal(str, intAsBigInt),
    stringify: stringifySexagesimal
};
const floatTime = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    format: 'TIME',
    test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/,
    resolve: str => parseSexagesimal(str, false),
    stringify: stringifySexagesimal
};
const timestamp = {
    identify: value => value instanceof Date,
    default: true,
    tag: 'tag:yaml.org,2002:timestamp',
    // If the time zone is omitted, the timestamp is assumed to be specified in UTC. The time part
    // may be omitted altogether, resulting in a date format. In such a case, the time part is
    // assumed to be 00:00:00Z (start of day, UTC).
    test: RegExp('^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})' + // YYYY-Mm-Dd
        '(?:' + // time is optional
        '(?:t|T|[ \\t]+)' + // t | T | whitespace
        '([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\\.[0-9]+)?)' + // Hh:Mm:Ss(.ss)?
        '(?:[ \\t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?' + // Z | +5 | -03:30
        ')?$'),
    resolve(str) {
        const match = str.match(timestamp.test);
        if (!match)
            throw new Error('!!timestamp expects a date, starting with yyyy-mm-dd');
        const [, year, month, day, hour, minute, second] = match.map(Number);
        const millisec = match[7] ? Number((match[7] + '00').substr(1, 3)) : 0;
        let date = Date.UTC(year, month - 1, day, hour || 0, minute || 0, second || 0, millisec);
        const tz = match[8];
        if (tz && tz !== 'Z') {
            let d = parseSexagesimal(tz, false);
            if (Math.abs(d) < 30)
                d *= 60;
            date -= 60000 * d;
        }
        return new Date(date);
    },
    stringify: ({ value }) => value?.toISOString().replace(/(T00:00:00)?\.000Z$/, '') ?? ''
};

exports.floatTime = floatTime;
exports.intTime = intTime;
exports.timestamp = timestamp;


/***/ }),

/***/ 4475:
/***/ ((__unused_webpack_module, exports) => {



const FOLD_FLOW = 'flow';
const FOLD_BLOCK = 'block';
const FOLD_QUOTED = 'quoted';
/**
 * Tries to keep input at up to `lineWidth` characters, splitting only on spaces
 * not followed by newlines or spaces unless `mode` is `'quoted'`. Lines are
 * terminated with `\n` and started with `indent`.
 */
function foldFlowLines(text, indent, mode = 'flow', { indentAtStart, lineWidth = 80, minContentWidth = 20, onFold, onOverflow } = {}) {
    if (!lineWidth || lineWidth < 0)
        return text;
    if (lineWidth < minContentWidth)
        minContentWidth = 0;
    const endStep = Math.max(1 + minContentWidth, 1 + lineWidth - indent.length);
    if (text.length <= endStep)
        return text;
    const folds = [];
    const escapedFolds = {};
    let end = lineWidth - indent.length;
    if (typeof indentAtStart === 'number') {
        if (indentAtStart > lineWidth - Math.max(2, minContentWidth))
            folds.push(0);
        else
            end = lineWidth - indentAtStart;
    }
    let split = undefined;
    let prev = undefined;
    let overflow = false;
    let i = -1;
    let escStart = -1;
    let escEnd = -1;
    if (mode === FOLD_BLOCK) {
        i = consumeMoreIndentedLines(text, i, indent.length);
        if (i !== -1)
            end = i + endStep;
    }
    for (let ch; (ch = text[(i += 1)]);) {
        if (mode === FOLD_QUOTED && ch === '\\') {
            escStart = i;
            switch (text[i + 1]) {
                case 'x':
                    i += 3;
                    break;
                case 'u':
                    i += 5;
                    break;
                case 'U':
                    i += 9;
                    break;
                default:
                    i += 1;
            }
            escEnd = i;
        }
        if (ch === '\n') {
            if (mode === FOLD_BLOCK)
                i = consumeMoreIndentedLines(text, i, indent.length);
            end = i + indent.length + endStep;
            split = undefined;
        }
        else {
            if (ch === ' ' &&
                prev &&
                prev !== ' ' &&
                prev !== '\n' &&
                prev !== '\t') {
                // space surrounded by non-space can be replaced with newline + indent
                const next = text[i + 1];
                if (next && next !== ' ' && next !== '\n' && next !== '\t')
                    split = i;
            }
            if (i >= end) {
                if (split) {
                    folds.push(split);
                    end = split + endStep;
                    split = undefined;
                }
                else if (mode === FOLD_QUOTED) {
                    // white-space collected at end may stretch past lineWidth
                    while (prev === ' ' || prev === '\t') {
                        prev = ch;
                        ch = text[(i += 1)];
                        overflow = true;
                    }
                    // Account for newline escape, but don't break preceding escape
                    const j = i > escEnd + 1 ? i - 2 : escStart - 1;
                    // Bail out if lineWidth & minContentWidth are shorter than an escape string
                    if (escapedFolds[j])
                        return text;
                    folds.push(j);
                    escapedFolds[j] = true;
                    end = j + endStep;
                    split = undefined;
                }
                else {
                    overflow = true;
                }
            }
        }
        prev = ch;
    }
    if (overflow && onOverflow)
        onOverflow();
    if (folds.length === 0)
        return text;
    if (onFold)
        onFold();
    let res = text.slice(0, folds[0]);
    for (let i = 0; i < folds.length; ++i) {
        const fold = folds[i];
        const end = folds[i + 1] || text.length;
        if (fold === 0)
            res = `\n${indent}${text.slice(0, end)}`;
        else {
            if (mode === FOLD_QUOTED && escapedFolds[fold])
                res += `${text[fold]}\\`;
            res += `\n${indent}${text.slice(fold + 1, end)}`;
        }
    }
    return res;
}
/**
 * Presumes `i + 1` is at the start of a line
 * @returns index of last newline in more-indented block
 */
function consumeMoreIndentedLines(text, i, indent) {
    let end = i;
    let start = i + 1;
    let ch = text[start];
    while (ch === ' ' || ch === '\t') {
        if (i < start + indent) {
            ch = text[++i];
        }
        else {
            do {
                ch = text[++i];
            } while (ch && ch !== '\n');
            end = i;
            start = i + 1;
            ch = text[start];
        }
    }
    return end;
}

exports.FOLD_BLOCK = FOLD_BLOCK;
exports.FOLD_FLOW = FOLD_FLOW;
exports.FOLD_QUOTED = FOLD_QUOTED;
exports.foldFlowLines = foldFlowLines;


/***/ }),

/***/ 2148:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var anchors = __nccwpck_require__(1596);
var identity = __nccwpck_require__(1127);
var stringifyComment = __nccwpck_require__(9799);
var stringifyString = __nccwpck_require__(3069);

function createStringifyContext(doc, options) {
    const opt = Object.assign({
        blockQuote: true,
        commentString: stringifyComment.stringifyComment,
        defaultKeyType: null,
        defaultStringType: 'PLAIN',
        directives: null,
        doubleQuotedAsJSON: false,
        doubleQuotedMinMultiLineLength: 40,
        falseStr: 'false',
        flowCollectionPadding: true,
        indentSeq: true,
        lineWidth: 80,
        minContentWidth: 20,
        nullStr: 'null',
        simpleKeys: false,
        singleQuote: null,
        trailingComma: false,
        trueStr: 'true',
        verifyAliasOrder: true
    }, doc.schema.toStringOptions, options);
    let inFlow;
    switch (opt.collectionStyle) {
        case 'block':
            inFlow = false;
            break;
        case 'flow':
            inFlow = true;
            break;
        default:
            inFlow = null;
    }
    return {
        anchors: new Set(),
        doc,
        flowCollectionPadding: opt.flowCollectionPadding ? ' ' : '',
        indent: '',
        indentStep: typeof opt.indent === 'number' ? ' '.repeat(opt.indent) : '  ',
        inFlow,
        options: opt
    };
}
function getTagObject(tags, item) {
    if (item.tag) {
        const match = tags.filter(t => t.tag === item.tag);
        if (match.length > 0)
            return match.find(t => t.format === item.format) ?? match[0];
    }
    let tagObj = undefined;
    let obj;
    if (identity.isScalar(item)) {
        obj = item.value;
        let match = tags.filter(t => t.identify?.(obj));
        if (match.length > 1) {
            const testMatch = match.filter(t => t.test);
            if (testMatch.length > 0)
                match = testMatch;
        }
        tagObj =
            match.find(t => t.format === item.format) ?? match.find(t => !t.format);
    }
    else {
        obj = item;
        tagObj = tags.find(t => t.nodeClass && obj instanceof t.nodeClass);
    }
    if (!tagObj) {
        const name = obj?.constructor?.name ?? (obj === null ? 'null' : typeof obj);
        throw new Error(`Tag not resolved for ${name} value`);
    }
    return tagObj;
}
// needs to be called before value stringifier to allow for circular anchor refs
function stringifyProps(node, tagObj, { anchors: anchors$1, doc }) {
    if (!doc.directives)
        return '';
    const props = [];
    const anchor = (identity.isScalar(node) || identity.isCollection(node)) && node.anchor;
    if (anchor && anchors.anchorIsValid(anchor)) {
        anchors$1.add(anchor);
        props.push(`&${anchor}`);
    }
    const tag = node.tag ?? (tagObj.default ? null : tagObj.tag);
    if (tag)
        props.push(doc.directives.tagString(tag));
    return props.join(' ');
}
function stringify(item, ctx, onComment, onChompKeep) {
    if (identity.isPair(item))
        return item.toString(ctx, onComment, onChompKeep);
    if (identity.isAlias(item)) {
        if (ctx.doc.directives)
            return item.toString(ctx);
        if (ctx.resolvedAliases?.has(item)) {
            throw new TypeError(`Cannot stringify circular structure without alias nodes`);
        }
        else {
            if (ctx.resolvedAliases)
                ctx.resolvedAliases.add(item);
            else
                ctx.resolvedAliases = new Set([item]);
            item = item.resolve(ctx.doc);
        }
    }
    let tagObj = undefined;
    const node = identity.isNode(item)
        ? item
        : ctx.doc.createNode(item, { onTagObj: o => (tagObj = o) });
    tagObj ?? (tagObj = getTagObject(ctx.doc.schema.tags, node));
    const props = stringifyProps(node, tagObj, ctx);
    if (props.length > 0)
        ctx.indentAtStart = (ctx.indentAtStart ?? 0) + props.length + 1;
    const str = typeof tagObj.stringify === 'function'
        ? tagObj.stringify(node, ctx, onComment, onChompKeep)
        : identity.isScalar(node)
            ? stringifyString.stringifyString(node, ctx, onComment, onChompKeep)
            : node.toString(ctx, onComment, onChompKeep);
    if (!props)
        return str;
    return identity.isScalar(node) || str[0] === '{' || str[0] === '['
        ? `${props} ${str}`
        : `${props}\n${ctx.indent}${str}`;
}

exports.createStringifyContext = createStringifyContext;
exports.stringify = stringify;


/***/ }),

/***/ 1212:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var stringify = __nccwpck_require__(2148);
var stringifyComment = __nccwpck_require__(9799);

function stringifyCollection(collection, ctx, options) {
    const flow = ctx.inFlow ?? collection.flow;
    const stringify = flow ? stringifyFlowCollection : stringifyBlockCollection;
    return stringify(collection, ctx, options);
}
function stringifyBlockCollection({ comment, items }, ctx, { blockItemPrefix, flowChars, itemIndent, onChompKeep, onComment }) {
    const { indent, options: { commentString } } = ctx;
    const itemCtx = Object.assign({}, ctx, { indent: itemIndent, type: null });
    let chompKeep = false; // flag for the preceding node's status
    const lines = [];
    for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment = null;
        if (identity.isNode(item)) {
            if (!chompKeep && item.spaceBefore)
                lines.push('');
            addCommentBefore(ctx, lines, item.commentBefore, chompKeep);
            if (item.comment)
                comment = item.comment;
        }
        else if (identity.isPair(item)) {
            const ik = identity.isNode(item.key) ? item.key : null;
            if (ik) {
                if (!chompKeep && ik.spaceBefore)
                    lines.push('');
                addCommentBefore(ctx, lines, ik.commentBefore, chompKeep);
            }
        }
        chompKeep = false;
        let str = stringify.stringify(item, itemCtx, () => (comment = null), () => (chompKeep = true));
        if (comment)
            str += stringifyComment.lineComment(str, itemIndent, commentString(comment));
        if (chompKeep && comment)
            chompKeep = false;
        lines.push(blockItemPrefix + str);
    }
    let str;
    if (lines.length === 0) {
        str = flowChars.start + flowChars.end;
    }
    else {
        str = lines[0];
        for (let i = 1; i < lines.length; ++i) {
            const line = lines[i];
            str += line ? `\n${indent}${line}` : '\n';
        }
    }
    if (comment) {
        str += '\n' + stringifyComment.indentComment(commentString(comment), indent);
        if (onComment)
            onComment();
    }
    else if (chompKeep && onChompKeep)
        onChompKeep();
    return str;
}
function stringifyFlowCollection({ items }, ctx, { flowChars, itemIndent }) {
    const { indent, indentStep, flowCollectionPadding: fcPadding, options: { commentString } } = ctx;
    itemIndent += indentStep;
    const itemCtx = Object.assign({}, ctx, {
        indent: itemIndent,
        inFlow: true,
        type: null
    });
    let reqNewline = false;
    let linesAtValue = 0;
    const lines = [];
    for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment = null;
        if (identity.isNode(item)) {
            if (item.spaceBefore)
                lines.push('');
            addCommentBefore(ctx, lines, item.commentBefore, false);
            if (item.comment)
                comment = item.comment;
        }
        else if (identity.isPair(item)) {
            const ik = identity.isNode(item.key) ? item.key : null;
            if (ik) {
                if (ik.spaceBefore)
                    lines.push('');
                addCommentBefore(ctx, lines, ik.commentBefore, false);
                if (ik.comment)
                    reqNewline = true;
            }
            const iv = identity.isNode(item.value) ? item.value : null;
            if (iv) {
                if (iv.comment)
                    comment = iv.comment;
                if (iv.commentBefore)
                    reqNewline = true;
            }
            else if (item.value == null && ik?.comment) {
                comment = ik.comment;
            }
        }
        if (comment)
            reqNewline = true;
        let str = stringify.stringify(item, itemCtx, () => (comment = null));
        reqNewline || (reqNewline = lines.length > linesAtValue || str.includes('\n'));
        if (i < items.length - 1) {
            str += ',';
        }
        else if (ctx.options.trailingComma) {
            if (ctx.options.lineWidth > 0) {
                reqNewline || (reqNewline = lines.reduce((sum, line) => sum + line.length + 2, 2) +
                    (str.length + 2) >
                    ctx.options.lineWidth);
            }
            if (reqNewline) {
                str += ',';
            }
        }
        if (comment)
            str += stringifyComment.lineComment(str, itemIndent, commentString(comment));
        lines.push(str);
        linesAtValue = lines.length;
    }
    const { start, end } = flowChars;
    if (lines.length === 0) {
        return start + end;
    }
    else {
        if (!reqNewline) {
            const len = lines.reduce((sum, line) => sum + line.length + 2, 2);
            reqNewline = ctx.options.lineWidth > 0 && len > ctx.options.lineWidth;
        }
        if (reqNewline) {
            let str = start;
            for (const line of lines)
                str += line ? `\n${indentStep}${indent}${line}` : '\n';
            return `${str}\n${indent}${end}`;
        }
        else {
            return `${start}${fcPadding}${lines.join(' ')}${fcPadding}${end}`;
        }
    }
}
function addCommentBefore({ indent, options: { commentString } }, lines, comment, chompKeep) {
    if (comment && chompKeep)
        comment = comment.replace(/^\n+/, '');
    if (comment) {
        const ic = stringifyComment.indentComment(commentString(comment), indent);
        lines.push(ic.trimStart()); // Avoid double indent on first line
    }
}

exports.stringifyCollection = stringifyCollection;


/***/ }),

/***/ 9799:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Stringifies a comment.
 *
 * Empty comment lines are left empty,
 * lines consisting of a single space are replaced by `#`,
 * and all other lines are prefixed with a `#`.
 */
const stringifyComment = (str) => str.replace(/^(?!$)(?: $)?/gm, '#');
function indentComment(comment, indent) {
    if (/^\n+$/.test(comment))
        return comment.substring(1);
    return indent ? comment.replace(/^(?! *$)/gm, indent) : comment;
}
const lineComment = (str, indent, comment) => str.endsWith('\n')
    ? indentComment(comment, indent)
    : comment.includes('\n')
        ? '\n' + indentComment(comment, indent)
        : (str.endsWith(' ') ? '' : ' ') + comment;

exports.indentComment = indentComment;
exports.lineComment = lineComment;
exports.stringifyComment = stringifyComment;


/***/ }),

/***/ 6829:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var stringify = __nccwpck_require__(2148);
var stringifyComment = __nccwpck_require__(9799);

function stringifyDocument(doc, options) {
    const lines = [];
    let hasDirectives = options.directives === true;
    if (options.directives !== false && doc.directives) {
        const dir = doc.directives.toString(doc);
        if (dir) {
            lines.push(dir);
            hasDirectives = true;
        }
        else if (doc.directives.docStart)
            hasDirectives = true;
    }
    if (hasDirectives)
        lines.push('---');
    const ctx = stringify.createStringifyContext(doc, options);
    const { commentString } = ctx.options;
    if (doc.commentBefore) {
        if (lines.length !== 1)
            lines.unshift('');
        const cs = commentString(doc.commentBefore);
        lines.unshift(stringifyComment.indentComment(cs, ''));
    }
    let chompKeep = false;
    let contentComment = null;
    if (doc.contents) {
        if (identity.isNode(doc.contents)) {
            if (doc.contents.spaceBefore && hasDirectives)
                lines.push('');
            if (doc.contents.commentBefore) {
                const cs = commentString(doc.contents.commentBefore);
                lines.push(stringifyComment.indentComment(cs, ''));
            }
            // top-level block scalars need to be indented if followed by a comment
            ctx.forceBlockIndent = !!doc.comment;
            contentComment = doc.contents.comment;
        }
        const onChompKeep = contentComment ? undefined : () => (chompKeep = true);
        let body = stringify.stringify(doc.contents, ctx, () => (contentComment = null), onChompKeep);
        if (contentComment)
            body += stringifyComment.lineComment(body, '', commentString(contentComment));
        if ((body[0] === '|' || body[0] === '>') &&
            lines[lines.length - 1] === '---') {
            // Top-level block scalars with a preceding doc marker ought to use the
            // same line for their header.
            lines[lines.length - 1] = `--- ${body}`;
        }
        else
            lines.push(body);
    }
    else {
        lines.push(stringify.stringify(doc.contents, ctx));
    }
    if (doc.directives?.docEnd) {
        if (doc.comment) {
            const cs = commentString(doc.comment);
            if (cs.includes('\n')) {
                lines.push('...');
                lines.push(stringifyComment.indentComment(cs, ''));
            }
            else {
                lines.push(`... ${cs}`);
            }
        }
        else {
            lines.push('...');
        }
    }
    else {
        let dc = doc.comment;
        if (dc && chompKeep)
            dc = dc.replace(/^\n+/, '');
        if (dc) {
            if ((!chompKeep || contentComment) && lines[lines.length - 1] !== '')
                lines.push('');
            lines.push(stringifyComment.indentComment(commentString(dc), ''));
        }
    }
    return lines.join('\n') + '\n';
}

exports.stringifyDocument = stringifyDocument;


/***/ }),

/***/ 8689:
/***/ ((__unused_webpack_module, exports) => {



function stringifyNumber({ format, minFractionDigits, tag, value }) {
    if (typeof value === 'bigint')
        return String(value);
    const num = typeof value === 'number' ? value : Number(value);
    if (!isFinite(num))
        return isNaN(num) ? '.nan' : num < 0 ? '-.inf' : '.inf';
    let n = Object.is(value, -0) ? '-0' : JSON.stringify(value);
    if (!format &&
        minFractionDigits &&
        (!tag || tag === 'tag:yaml.org,2002:float') &&
        /^-?\d/.test(n) &&
        !n.includes('e')) {
        let i = n.indexOf('.');
        if (i < 0) {
            i = n.length;
            n += '.';
        }
        let d = minFractionDigits - (n.length - i - 1);
        while (d-- > 0)
            n += '0';
    }
    return n;
}

exports.stringifyNumber = stringifyNumber;


/***/ }),

/***/ 9748:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);
var stringify = __nccwpck_require__(2148);
var stringifyComment = __nccwpck_require__(9799);

function stringifyPair({ key, value }, ctx, onComment, onChompKeep) {
    const { allNullValues, doc, indent, indentStep, options: { commentString, indentSeq, simpleKeys } } = ctx;
    let keyComment = (identity.isNode(key) && key.comment) || null;
    if (simpleKeys) {
        if (keyComment) {
            throw new Error('With simple keys, key nodes cannot have comments');
        }
        if (identity.isCollection(key) || (!identity.isNode(key) && typeof key === 'object')) {
            const msg = 'With simple keys, collection cannot be used as a key value';
            throw new Error(msg);
        }
    }
    let explicitKey = !simpleKeys &&
        (!key ||
            (keyComment && value == null && !ctx.inFlow) ||
            identity.isCollection(key) ||
            (identity.isScalar(key)
                ? key.type === Scalar.Scalar.BLOCK_FOLDED || key.type === Scalar.Scalar.BLOCK_LITERAL
                : typeof key === 'object'));
    ctx = Object.assign({}, ctx, {
        allNullValues: false,
        implicitKey: !explicitKey && (simpleKeys || !allNullValues),
        indent: indent + indentStep
    });
    let keyCommentDone = false;
    let chompKeep = false;
    let str = stringify.stringify(key, ctx, () => (keyCommentDone = true), () => (chompKeep = true));
    if (!explicitKey && !ctx.inFlow && str.length > 1024) {
        if (simpleKeys)
            throw new Error('With simple keys, single line scalar must not span more than 1024 characters');
        explicitKey = true;
    }
    if (ctx.inFlow) {
        if (allNullValues || value == null) {
            if (keyCommentDone && onComment)
                onComment();
            return str === '' ? '?' : explicitKey ? `? ${str}` : str;
        }
    }
    else if ((allNullValues && !simpleKeys) || (value == null && explicitKey)) {
        str = `? ${str}`;
        if (keyComment && !keyCommentDone) {
            str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        }
        else if (chompKeep && onChompKeep)
            onChompKeep();
        return str;
    }
    if (keyCommentDone)
        keyComment = null;
    if (explicitKey) {
        if (keyComment)
            str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        str = `? ${str}\n${indent}:`;
    }
    else {
        str = `${str}:`;
        if (keyComment)
            str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
    }
    let vsb, vcb, valueComment;
    if (identity.isNode(value)) {
        vsb = !!value.spaceBefore;
        vcb = value.commentBefore;
        valueComment = value.comment;
    }
    else {
        vsb = false;
        vcb = null;
        valueComment = null;
        if (value && typeof value === 'object')
            value = doc.createNode(value);
    }
    ctx.implicitKey = false;
    if (!explicitKey && !keyComment && identity.isScalar(value))
        ctx.indentAtStart = str.length + 1;
    chompKeep = false;
    if (!indentSeq &&
        indentStep.length >= 2 &&
        !ctx.inFlow &&
        !explicitKey &&
        identity.isSeq(value) &&
        !value.flow &&
        !value.tag &&
        !value.anchor) {
        // If indentSeq === false, consider '- ' as part of indentation where possible
        ctx.indent = ctx.indent.substring(2);
    }
    let valueCommentDone = false;
    const valueStr = stringify.stringify(value, ctx, () => (valueCommentDone = true), () => (chompKeep = true));
    let ws = ' ';
    if (keyComment || vsb || vcb) {
        ws = vsb ? '\n' : '';
        if (vcb) {
            const cs = commentString(vcb);
            ws += `\n${stringifyComment.indentComment(cs, ctx.indent)}`;
        }
        if (valueStr === '' && !ctx.inFlow) {
            if (ws === '\n' && valueComment)
                ws = '\n\n';
        }
        else {
            ws += `\n${ctx.indent}`;
        }
    }
    else if (!explicitKey && identity.isCollection(value)) {
        const vs0 = valueStr[0];
        const nl0 = valueStr.indexOf('\n');
        const hasNewline = nl0 !== -1;
        const flow = ctx.inFlow ?? value.flow ?? value.items.length === 0;
        if (hasNewline || !flow) {
            let hasPropsLine = false;
            if (hasNewline && (vs0 === '&' || vs0 === '!')) {
                let sp0 = valueStr.indexOf(' ');
                if (vs0 === '&' &&
                    sp0 !== -1 &&
                    sp0 < nl0 &&
                    valueStr[sp0 + 1] === '!') {
                    sp0 = valueStr.indexOf(' ', sp0 + 1);
                }
                if (sp0 === -1 || nl0 < sp0)
                    hasPropsLine = true;
            }
            if (!hasPropsLine)
                ws = `\n${ctx.indent}`;
        }
    }
    else if (valueStr === '' || valueStr[0] === '\n') {
        ws = '';
    }
    str += ws + valueStr;
    if (ctx.inFlow) {
        if (valueCommentDone && onComment)
            onComment();
    }
    else if (valueComment && !valueCommentDone) {
        str += stringifyComment.lineComment(str, ctx.indent, commentString(valueComment));
    }
    else if (chompKeep && onChompKeep) {
        onChompKeep();
    }
    return str;
}

exports.stringifyPair = stringifyPair;


/***/ }),

/***/ 3069:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var foldFlowLines = __nccwpck_require__(4475);

const getFoldOptions = (ctx, isBlock) => ({
    indentAtStart: isBlock ? ctx.indent.length : ctx.indentAtStart,
    lineWidth: ctx.options.lineWidth,
    minContentWidth: ctx.options.minContentWidth
});
// Also checks for lines starting with %, as parsing the output as YAML 1.1 will
// presume that's starting a new document.
const containsDocumentMarker = (str) => /^(%|---|\.\.\.)/m.test(str);
function lineLengthOverLimit(str, lineWidth, indentLength) {
    if (!lineWidth || lineWidth < 0)
        return false;
    const limit = lineWidth - indentLength;
    const strLen = str.length;
    if (strLen <= limit)
        return false;
    for (let i = 0, start = 0; i < strLen; ++i) {
        if (str[i] === '\n') {
            if (i - start > limit)
                return true;
            start = i + 1;
            if (strLen - start <= limit)
                return false;
        }
    }
    return true;
}
function doubleQuotedString(value, ctx) {
    const json = JSON.stringify(value);
    if (ctx.options.doubleQuotedAsJSON)
        return json;
    const { implicitKey } = ctx;
    const minMultiLineLength = ctx.options.doubleQuotedMinMultiLineLength;
    const indent = ctx.indent || (containsDocumentMarker(value) ? '  ' : '');
    let str = '';
    let start = 0;
    for (let i = 0, ch = json[i]; ch; ch = json[++i]) {
        if (ch === ' ' && json[i + 1] === '\\' && json[i + 2] === 'n') {
            // space before newline needs to be escaped to not be folded
            str += json.slice(start, i) + '\\ ';
            i += 1;
            start = i;
            ch = '\\';
        }
        if (ch === '\\')
            switch (json[i + 1]) {
                case 'u':
                    {
                        str += json.slice(start, i);
                        const code = json.substr(i + 2, 4);
                        switch (code) {
                            case '0000':
                                str += '\\0';
                                break;
                            case '0007':
                                str += '\\a';
                                break;
                            case '000b':
                                str += '\\v';
                                break;
                            case '001b':
                                str += '\\e';
                                break;
                            case '0085':
                                str += '\\N';
                                break;
                            case '00a0':
                                str += '\\_';
                                break;
                            case '2028':
                                str += '\\L';
                                break;
                            case '2029':
                                str += '\\P';
                                break;
                            default:
                                if (code.substr(0, 2) === '00')
                                    str += '\\x' + code.substr(2);
                                else
                                    str += json.substr(i, 6);
                        }
                        i += 5;
                        start = i + 1;
                    }
                    break;
                case 'n':
                    if (implicitKey ||
                        json[i + 2] === '"' ||
                        json.length < minMultiLineLength) {
                        i += 1;
                    }
                    else {
                        // folding will eat first newline
                        str += json.slice(start, i) + '\n\n';
                        while (json[i + 2] === '\\' &&
                            json[i + 3] === 'n' &&
                            json[i + 4] !== '"') {
                            str += '\n';
                            i += 2;
                        }
                        str += indent;
                        // space after newline needs to be escaped to not be folded
                        if (json[i + 2] === ' ')
                            str += '\\';
                        i += 1;
                        start = i + 1;
                    }
                    break;
                default:
                    i += 1;
            }
    }
    str = start ? str + json.slice(start) : json;
    return implicitKey
        ? str
        : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_QUOTED, getFoldOptions(ctx, false));
}
function singleQuotedString(value, ctx) {
    if (ctx.options.singleQuote === false ||
        (ctx.implicitKey && value.includes('\n')) ||
        /[ \t]\n|\n[ \t]/.test(value) // single quoted string can't have leading or trailing whitespace around newline
    )
        return doubleQuotedString(value, ctx);
    const indent = ctx.indent || (containsDocumentMarker(value) ? '  ' : '');
    const res = "'" + value.replace(/'/g, "''").replace(/\n+/g, `$&\n${indent}`) + "'";
    return ctx.implicitKey
        ? res
        : foldFlowLines.foldFlowLines(res, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
}
function quotedString(value, ctx) {
    const { singleQuote } = ctx.options;
    let qs;
    if (singleQuote === false)
        qs = doubleQuotedString;
    else {
        const hasDouble = value.includes('"');
        const hasSingle = value.includes("'");
        if (hasDouble && !hasSingle)
            qs = singleQuotedString;
        else if (hasSingle && !hasDouble)
            qs = doubleQuotedString;
        else
            qs = singleQuote ? singleQuotedString : doubleQuotedString;
    }
    return qs(value, ctx);
}
// The negative lookbehind avoids a polynomial search,
// but isn't supported yet on Safari: https://caniuse.com/js-regexp-lookbehind
let blockEndNewlines;
try {
    blockEndNewlines = new RegExp('(^|(?<!\n))\n+(?!\n|$)', 'g');
}
catch {
    blockEndNewlines = /\n+(?!\n|$)/g;
}
function blockString({ comment, type, value }, ctx, onComment, onChompKeep) {
    const { blockQuote, commentString, lineWidth } = ctx.options;
    // 1. Block can't end in whitespace unless the last line is non-empty.
    // 2. Strings consisting of only whitespace are best rendered explicitly.
    if (!blockQuote || /\n[\t ]+$/.test(value)) {
        return quotedString(value, ctx);
    }
    const indent = ctx.indent ||
        (ctx.forceBlockIndent || containsDocumentMarker(value) ? '  ' : '');
    const literal = blockQuote === 'literal'
        ? true
        : blockQuote === 'folded' || type === Scalar.Scalar.BLOCK_FOLDED
            ? false
            : type === Scalar.Scalar.BLOCK_LITERAL
                ? true
                : !lineLengthOverLimit(value, lineWidth, indent.length);
    if (!value)
        return literal ? '|\n' : '>\n';
    // determine chomping from whitespace at value end
    let chomp;
    let endStart;
    for (endStart = value.length; endStart > 0; --endStart) {
        const ch = value[endStart - 1];
        if (ch !== '\n' && ch !== '\t' && ch !== ' ')
            break;
    }
    let end = value.substring(endStart);
    const endNlPos = end.indexOf('\n');
    if (endNlPos === -1) {
        chomp = '-'; // strip
    }
    else if (value === end || endNlPos !== end.length - 1) {
        chomp = '+'; // keep
        if (onChompKeep)
            onChompKeep();
    }
    else {
        chomp = ''; // clip
    }
    if (end) {
        value = value.slice(0, -end.length);
        if (end[end.length - 1] === '\n')
            end = end.slice(0, -1);
        end = end.replace(blockEndNewlines, `$&${indent}`);
    }
    // determine indent indicator from whitespace at value start
    let startWithSpace = false;
    let startEnd;
    let startNlPos = -1;
    for (startEnd = 0; startEnd < value.length; ++startEnd) {
        const ch = value[startEnd];
        if (ch === ' ')
            startWithSpace = true;
        else if (ch === '\n')
            startNlPos = startEnd;
        else
            break;
    }
    let start = value.substring(0, startNlPos < startEnd ? startNlPos + 1 : startEnd);
    if (start) {
        value = value.substring(start.length);
        start = start.replace(/\n+/g, `$&${indent}`);
    }
    const indentSize = indent ? '2' : '1'; // root is at -1
    // Leading | or > is added later
    let header = (startWithSpace ? indentSize : '') + chomp;
    if (comment) {
        header += ' ' + commentString(comment.replace(/ ?[\r\n]+/g, ' '));
        if (onComment)
            onComment();
    }
    if (!literal) {
        const foldedValue = value
            .replace(/\n+/g, '\n$&')
            .replace(/(?:^|\n)([\t ].*)(?:([\n\t ]*)\n(?![\n\t ]))?/g, '$1$2') // more-indented lines aren't folded
            //                ^ more-ind. ^ empty     ^ capture next empty lines only at end of indent
            .replace(/\n+/g, `$&${indent}`);
        let literalFallback = false;
        const foldOptions = getFoldOptions(ctx, true);
        if (blockQuote !== 'folded' && type !== Scalar.Scalar.BLOCK_FOLDED) {
            foldOptions.onOverflow = () => {
                literalFallback = true;
            };
        }
        const body = foldFlowLines.foldFlowLines(`${start}${foldedValue}${end}`, indent, foldFlowLines.FOLD_BLOCK, foldOptions);
        if (!literalFallback)
            return `>${header}\n${indent}${body}`;
    }
    value = value.replace(/\n+/g, `$&${indent}`);
    return `|${header}\n${indent}${start}${value}${end}`;
}
function plainString(item, ctx, onComment, onChompKeep) {
    const { type, value } = item;
    const { actualString, implicitKey, indent, indentStep, inFlow } = ctx;
    if ((implicitKey && value.includes('\n')) ||
        (inFlow && /[[\]{},]/.test(value))) {
        return quotedString(value, ctx);
    }
    if (/^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/.test(value)) {
        // not allowed:
        // - '-' or '?'
        // - start with an indicator character (except [?:-]) or /[?-] /
        // - '\n ', ': ' or ' \n' anywhere
        // - '#' not preceded by a non-space char
        // - end with ' ' or ':'
        return implicitKey || inFlow || !value.includes('\n')
            ? quotedString(value, ctx)
            : blockString(item, ctx, onComment, onChompKeep);
    }
    if (!implicitKey &&
        !inFlow &&
        type !== Scalar.Scalar.PLAIN &&
        value.includes('\n')) {
        // Where allowed & type not set explicitly, prefer block style for multiline strings
        return blockString(item, ctx, onComment, onChompKeep);
    }
    if (containsDocumentMarker(value)) {
        if (indent === '') {
            ctx.forceBlockIndent = true;
            return blockString(item, ctx, onComment, onChompKeep);
        }
        else if (implicitKey && indent === indentStep) {
            return quotedString(value, ctx);
        }
    }
    const str = value.replace(/\n+/g, `$&\n${indent}`);
    // Verify that output will be parsed as a string, as e.g. plain numbers and
    // booleans get parsed with those types in v1.2 (e.g. '42', 'true' & '0.9e-3'),
    // and others in v1.1.
    if (actualString) {
        const test = (tag) => tag.default && tag.tag !== 'tag:yaml.org,2002:str' && tag.test?.test(str);
        const { compat, tags } = ctx.doc.schema;
        if (tags.some(test) || compat?.some(test))
            return quotedString(value, ctx);
    }
    return implicitKey
        ? str
        : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
}
function stringifyString(item, ctx, onComment, onChompKeep) {
    const { implicitKey, inFlow } = ctx;
    const ss = typeof item.value === 'string'
        ? item
        : Object.assign({}, item, { value: String(item.value) });
    let { type } = item;
    if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
        // force double quotes on control characters & unpaired surrogates
        if (/[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u.test(ss.value))
            type = Scalar.Scalar.QUOTE_DOUBLE;
    }
    const _stringify = (_type) => {
        switch (_type) {
            case Scalar.Scalar.BLOCK_FOLDED:
            case Scalar.Scalar.BLOCK_LITERAL:
                return implicitKey || inFlow
                    ? quotedString(ss.value, ctx) // blocks are not valid inside flow containers
                    : blockString(ss, ctx, onComment, onChompKeep);
            case Scalar.Scalar.QUOTE_DOUBLE:
                return doubleQuotedString(ss.value, ctx);
            case Scalar.Scalar.QUOTE_SINGLE:
                return singleQuotedString(ss.value, ctx);
            case Scalar.Scalar.PLAIN:
                return plainString(ss, ctx, onComment, onChompKeep);
            default:
                return null;
        }
    };
    let res = _stringify(type);
    if (res === null) {
        const { defaultKeyType, defaultStringType } = ctx.options;
        const t = (implicitKey && defaultKeyType) || defaultStringType;
        res = _stringify(t);
        if (res === null)
            throw new Error(`Unsupported default string type ${t}`);
    }
    return res;
}

exports.stringifyString = stringifyString;


/***/ }),

/***/ 204:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);

const BREAK = Symbol('break visit');
const SKIP = Symbol('skip children');
const REMOVE = Symbol('remove node');
/**
 * Apply a visitor to an AST node or document.
 *
 * Walks through the tree (depth-first) starting from `node`, calling a
 * `visitor` function with three arguments:
 *   - `key`: For sequence values and map `Pair`, the node's index in the
 *     collection. Within a `Pair`, `'key'` or `'value'`, correspondingly.
 *     `null` for the root node.
 *   - `node`: The current node.
 *   - `path`: The ancestry of the current node.
 *
 * The return value of the visitor may be used to control the traversal:
 *   - `undefined` (default): Do nothing and continue
 *   - `visit.SKIP`: Do not visit the children of this node, continue with next
 *     sibling
 *   - `visit.BREAK`: Terminate traversal completely
 *   - `visit.REMOVE`: Remove the current node, then continue with the next one
 *   - `Node`: Replace the current node, then continue by visiting it
 *   - `number`: While iterating the items of a sequence or map, set the index
 *     of the next step. This is useful especially if the index of the current
 *     node has changed.
 *
 * If `visitor` is a single function, it will be called with all values
 * encountered in the tree, including e.g. `null` values. Alternatively,
 * separate visitor functions may be defined for each `Map`, `Pair`, `Seq`,
 * `Alias` and `Scalar` node. To define the same visitor function for more than
 * one node type, use the `Collection` (map and seq), `Value` (map, seq & scalar)
 * and `Node` (alias, map, seq & scalar) targets. Of all these, only the most
 * specific defined one will be used for each node.
 */
function visit(node, visitor) {
    const visitor_ = initVisitor(visitor);
    if (identity.isDocument(node)) {
        const cd = visit_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
            node.contents = null;
    }
    else
        visit_(null, node, visitor_, Object.freeze([]));
}
// Without the `as symbol` casts, TS declares these in the `visit`
// namespace using `var`, but then complains about that because
// `unique symbol` must be `const`.
/** Terminate visit traversal completely */
visit.BREAK = BREAK;
/** Do not visit the children of the current node */
visit.SKIP = SKIP;
/** Remove the current node */
visit.REMOVE = REMOVE;
function visit_(key, node, visitor, path) {
    const ctrl = callVisitor(key, node, visitor, path);
    if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path, ctrl);
        return visit_(key, ctrl, visitor, path);
    }
    if (typeof ctrl !== 'symbol') {
        if (identity.isCollection(node)) {
            path = Object.freeze(path.concat(node));
            for (let i = 0; i < node.items.length; ++i) {
                const ci = visit_(i, node.items[i], visitor, path);
                if (typeof ci === 'number')
                    i = ci - 1;
                else if (ci === BREAK)
                    return BREAK;
                else if (ci === REMOVE) {
                    node.items.splice(i, 1);
                    i -= 1;
                }
            }
        }
        else if (identity.isPair(node)) {
            path = Object.freeze(path.concat(node));
            const ck = visit_('key', node.key, visitor, path);
            if (ck === BREAK)
                return BREAK;
            else if (ck === REMOVE)
                node.key = null;
            const cv = visit_('value', node.value, visitor, path);
            if (cv === BREAK)
                return BREAK;
            else if (cv === REMOVE)
                node.value = null;
        }
    }
    return ctrl;
}
/**
 * Apply an async visitor to an AST node or document.
 *
 * Walks through the tree (depth-first) starting from `node`, calling a
 * `visitor` function with three arguments:
 *   - `key`: For sequence values and map `Pair`, the node's index in the
 *     collection. Within a `Pair`, `'key'` or `'value'`, correspondingly.
 *     `null` for the root node.
 *   - `node`: The current node.
 *   - `path`: The ancestry of the current node.
 *
 * The return value of the visitor may be used to control the traversal:
 *   - `Promise`: Must resolve to one of the following values
 *   - `undefined` (default): Do nothing and continue
 *   - `visit.SKIP`: Do not visit the children of this node, continue with next
 *     sibling
 *   - `visit.BREAK`: Terminate traversal completely
 *   - `visit.REMOVE`: Remove the current node, then continue with the next one
 *   - `Node`: Replace the current node, then continue by visiting it
 *   - `number`: While iterating the items of a sequence or map, set the index
 *     of the next step. This is useful especially if the index of the current
 *     node has changed.
 *
 * If `visitor` is a single function, it will be called with all values
 * encountered in the tree, including e.g. `null` values. Alternatively,
 * separate visitor functions may be defined for each `Map`, `Pair`, `Seq`,
 * `Alias` and `Scalar` node. To define the same visitor function for more than
 * one node type, use the `Collection` (map and seq), `Value` (map, seq & scalar)
 * and `Node` (alias, map, seq & scalar) targets. Of all these, only the most
 * specific defined one will be used for each node.
 */
async function visitAsync(node, visitor) {
    const visitor_ = initVisitor(visitor);
    if (identity.isDocument(node)) {
        const cd = await visitAsync_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
            node.contents = null;
    }
    else
        await visitAsync_(null, node, visitor_, Object.freeze([]));
}
// Without the `as symbol` casts, TS declares these in the `visit`
// namespace using `var`, but then complains about that because
// `unique symbol` must be `const`.
/** Terminate visit traversal completely */
visitAsync.BREAK = BREAK;
/** Do not visit the children of the current node */
visitAsync.SKIP = SKIP;
/** Remove the current node */
visitAsync.REMOVE = REMOVE;
async function visitAsync_(key, node, visitor, path) {
    const ctrl = await callVisitor(key, node, visitor, path);
    if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path, ctrl);
        return visitAsync_(key, ctrl, visitor, path);
    }
    if (typeof ctrl !== 'symbol') {
        if (identity.isCollection(node)) {
            path = Object.freeze(path.concat(node));
            for (let i = 0; i < node.items.length; ++i) {
                const ci = await visitAsync_(i, node.items[i], visitor, path);
                if (typeof ci === 'number')
                    i = ci - 1;
                else if (ci === BREAK)
                    return BREAK;
                else if (ci === REMOVE) {
                    node.items.splice(i, 1);
                    i -= 1;
                }
            }
        }
        else if (identity.isPair(node)) {
            path = Object.freeze(path.concat(node));
            const ck = await visitAsync_('key', node.key, visitor, path);
            if (ck === BREAK)
                return BREAK;
            else if (ck === REMOVE)
                node.key = null;
            const cv = await visitAsync_('value', node.value, visitor, path);
            if (cv === BREAK)
                return BREAK;
            else if (cv === REMOVE)
                node.value = null;
        }
    }
    return ctrl;
}
function initVisitor(visitor) {
    if (typeof visitor === 'object' &&
        (visitor.Collection || visitor.Node || visitor.Value)) {
        return Object.assign({
            Alias: visitor.Node,
            Map: visitor.Node,
            Scalar: visitor.Node,
            Seq: visitor.Node
        }, visitor.Value && {
            Map: visitor.Value,
            Scalar: visitor.Value,
            Seq: visitor.Value
        }, visitor.Collection && {
            Map: visitor.Collection,
            Seq: visitor.Collection
        }, visitor);
    }
    return visitor;
}
function callVisitor(key, node, visitor, path) {
    if (typeof visitor === 'function')
        return visitor(key, node, path);
    if (identity.isMap(node))
        return visitor.Map?.(key, node, path);
    if (identity.isSeq(node))
        return visitor.Seq?.(key, node, path);
    if (identity.isPair(node))
        return visitor.Pair?.(key, node, path);
    if (identity.isScalar(node))
        return visitor.Scalar?.(key, node, path);
    if (identity.isAlias(node))
        return visitor.Alias?.(key, node, path);
    return undefined;
}
function replaceNode(key, path, node) {
    const parent = path[path.length - 1];
    if (identity.isCollection(parent)) {
        parent.items[key] = node;
    }
    else if (identity.isPair(parent)) {
        if (key === 'key')
            parent.key = node;
        else
            parent.value = node;
    }
    else if (identity.isDocument(parent)) {
        parent.contents = node;
    }
    else {
        const pt = identity.isAlias(parent) ? 'alias' : 'scalar';
        throw new Error(`Cannot replace node with ${pt} parent`);
    }
}

exports.visit = visit;
exports.visitAsync = visitAsync;


/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/************************************************************************/
var __webpack_exports__ = {};
// This entry need to be wrapped in an IIFE because it uses a non-standard name for the exports (exports).
(() => {
var exports = __webpack_exports__;

Object.defineProperty(exports, "B", ({ value: true }));
// The entry point the runner executes (bundled to dist/index.js). The same file is every other process and thread
// of the action, told apart by one variable (roles.ts), so the bundle stays one file.
const main_js_1 = __nccwpck_require__(1730);
const roles_js_1 = __nccwpck_require__(554);
const lane_js_1 = __nccwpck_require__(6505);
const supervisor_js_1 = __nccwpck_require__(3749);
/* istanbul ignore next -- the dispatch itself: each role's entry is tested on its own */
switch ((0, roles_js_1.roleOf)(process.env)) {
    case 'share-worker':
        void (0, supervisor_js_1.runShareWorker)();
        break;
    case 'lane':
        (0, lane_js_1.runLane)();
        break;
    case 'lean':
        void (0, main_js_1.run)();
        break;
    default:
        void (0, main_js_1.run)({ lean: true });
}

})();

var __webpack_exports___esModule = __webpack_exports__.B;
export { __webpack_exports___esModule as __esModule };
