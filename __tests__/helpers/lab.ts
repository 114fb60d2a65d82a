// The filesystem lab (lab/lab.sh: tmpfs, xfs, exFAT, FAT, NTFS and sshfs mounts) for end-to-end tests: what it
// needs, bringing it up and down around a suite, fresh workspaces on its mounts and the server side of its shares.
import { spawnSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { ROOT } from '../../scripts/run-action.mjs'
import { NO_NODE, NODE } from './action.js'
import { describeUnless, itUnless } from './skip.js'

const LAB_SH = path.join(ROOT, 'lab', 'lab.sh')
/** Mounts that must come up: a missing one fails its tests instead of skipping them. */
const REQUIRED = (process.env.LN_ACTION_LAB_REQUIRED ?? '').split(',').filter(Boolean)

export interface LabMount {
  /** Where the mount is, on the client side. */
  path: string
  /** Its type in mountinfo (`fuseblk` for exFAT and NTFS). */
  type: string
  note: string
}

/** DIR/lab.json, as `lab.sh up DIR` writes it. */
export interface LabJson {
  mounts: Record<string, LabMount>
  sshd: { port: number; serverRoot: string } | null
  /** Mounts that could not be made, with the reason. */
  skipped: Record<string, string>
}

/** What lab.sh runs: the mount tools (the list) and what the script itself calls. */
const TOOLS = [
  ...['sshfs', 'sshd', 'mkfs.exfat', 'ntfs-3g', 'fusefat', 'mkfs.xfs'],
  ...['ssh-keygen', 'losetup', 'unshare', 'python3', 'ps', 'pgrep']
  // The shares' tools are not here: a share lab.sh cannot mount is skipped alone, with its reason.
]
const TOOL_DIRS = [...(process.env.PATH ?? '').split(':').filter(Boolean), '/usr/local/sbin', '/usr/sbin', '/sbin']

function installed(tool: string): boolean {
  return TOOL_DIRS.some((dir) => {
    try {
      fs.accessSync(path.join(dir, tool), fs.constants.X_OK)
      return true
    } catch {
      return false
    }
  })
}

/** What this machine lacks for the lab, in words; undefined when nothing. */
export function labMissing(): string | undefined {
  const fuse = fs.existsSync('/dev/fuse') && fs.statSync('/dev/fuse').isCharacterDevice()
  const privileges = [process.getuid?.() === 0 ? '' : 'root', fuse ? '' : '/dev/fuse'].filter(Boolean)
  const tools = TOOLS.filter((tool) => !installed(tool))
  const missing = [
    privileges.length > 0
      ? `needs ${privileges.join(' and ')} for ${fuse ? 'mount, losetup and sshd' : 'FUSE mounts'}`
      : '',
    tools.length > 0 ? `needs ${tools.join(', ')} (not installed; .ci/run apt-installs them)` : '',
    NODE ? '' : `needs a ${NO_NODE}`
  ].filter(Boolean)
  return missing.length > 0 ? missing.join('; ') : undefined
}

type LabCommand = 'up' | 'down' | 'hang-sshfs' | 'resume-sshfs' | 'kill-sshfs'

function lab(command: LabCommand, dir: string, timeout: number, name?: string): void {
  const args = name ? [LAB_SH, command, name, dir] : [LAB_SH, command, dir]
  const run = spawnSync('bash', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout })
  if (run.status !== 0) {
    const how = run.error?.message ?? run.signal ?? `exit ${run.status}`
    throw new Error(`lab.sh ${command} ${dir} failed (${how}):\n${run.stderr}`)
  }
}

/** Mount points under dir still in this process's mount table. */
function mountsUnder(dir: string): string[] {
  return fs
    .readFileSync('/proc/self/mountinfo', 'utf8')
    .split('\n')
    .map((line) => line.split(' ')[4] ?? '')
    .filter((mountPoint) => mountPoint.startsWith(`${dir}/`))
}

/** A lab in its own directory: brought up in beforeAll, down in afterAll (see describeLab). */
export class Lab {
  private json?: LabJson

  constructor(readonly dir: string) {}

  up(): void {
    lab('up', this.dir, 110_000)
    this.json = JSON.parse(fs.readFileSync(path.join(this.dir, 'lab.json'), 'utf8')) as LabJson
    for (const [name, reason] of Object.entries(this.json.skipped))
      console.warn(`lab: mount '${name}' is skipped: ${reason}`)
  }

  down(): void {
    lab('down', this.dir, 60_000)
    const left = mountsUnder(this.dir)
    if (left.length > 0) throw new Error(`lab.sh down left mounts behind: ${left.join(', ')}`)
  }

  private get info(): LabJson {
    if (!this.json) throw new Error(`the lab in ${this.dir} is not up (see the beforeAll error)`)
    return this.json
  }

  /** Why a test on these mounts cannot run; undefined when all are up. */
  unavailable(names: string[]): string | undefined {
    const { mounts, skipped } = this.info
    const reasons = names.filter((n) => !mounts[n]).map((n) => `mount '${n}': ${skipped[n] ?? 'not in lab.json'}`)
    return reasons.length > 0 ? reasons.join('; ') : undefined
  }

  /**
   * `it`, for a test on these mounts (the lab is up when tests are declared, see describeLab). Where lab.sh could not
   * make one, the test is skipped with the reason in its title; or fails with it where LN_ACTION_LAB_REQUIRED (set
   * by .ci/run for the mounts it provisions) names that mount.
   */
  test(title: string, mounts: string[], fn: () => void | Promise<void>, timeout?: number): void {
    if (!this.json) return it(title, async () => fn(), timeout) // declared under describe.skip: the machine cannot run the lab
    const why = this.unavailable(mounts)
    const required = mounts.filter((name) => REQUIRED.includes(name) && !this.info.mounts[name])
    if (required.length > 0)
      it(title, () => {
        throw new Error(`required lab mount missing (LN_ACTION_LAB_REQUIRED): ${why}`)
      })
    else itUnless(why)(title, async () => fn(), timeout)
  }

  /** Make an sshfs share stop answering (hang), answer again (resume) or die (kill). */
  share(action: 'hang' | 'resume' | 'kill', name: string): void {
    lab(`${action}-sshfs`, this.dir, 30_000, name)
  }

  /**
   * Stop an sshfs share's transport (its ssh client) at once, from this process: what `lab.sh hang-sshfs` does,
   * without a shell's start-up between the decision and the stop. `kill-sshfs` then kills it stopped.
   */
  stopTransport(name: string): void {
    const pid = Number(fs.readFileSync(path.join(this.dir, 'run', `${name}.ssh.pid`), 'utf8'))
    process.kill(pid, 'SIGSTOP')
  }

  /** The command line that kills a share's sshfs, for a process that does it while the action runs. */
  killCommand(name: string): string[] {
    return ['bash', LAB_SH, 'kill-sshfs', name, this.dir]
  }

  mount(name: string): LabMount {
    const mount = this.info.mounts[name]
    if (!mount) throw new Error(`no mount '${name}' in ${this.dir}/lab.json`)
    return mount
  }

  /** A fresh directory on that mount holding `files` (relative name → content): one test's working-directory. */
  workspace(name: string, files: Record<string, string>): string {
    const ws = fs.mkdtempSync(path.join(this.mount(name).path, 'ws-'))
    for (const [rel, content] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(ws, rel)), { recursive: true })
      fs.writeFileSync(path.join(ws, rel), content)
    }
    return ws
  }

  /** Where a path on the sshfs mount `name` is on the server's disk (DIR/server/NAME/...). */
  onServer(name: string, clientPath: string): string {
    if (!this.info.sshd) throw new Error('the lab has no sshd')
    return path.join(this.info.sshd.serverRoot, name, path.relative(this.mount(name).path, clientPath))
  }
}

/**
 * describe, with a lab in /tmp/ln-action-lab-PID up for its tests (never the default directory, so a lab someone
 * is using by hand is left alone), and down afterwards whatever happened. describe.skip, with what is missing in
 * its title, on machines that cannot run the lab.
 */
export function describeLab(title: string, body: (lab: Lab) => void): void {
  const lab = new Lab(`/tmp/ln-action-lab-${process.pid}`)
  const missing = labMissing()
  if (missing) return describeUnless(missing)(title, () => body(lab))
  describe(title, () => {
    // Up while tests are declared, so a test whose mount could not be made is declared skipped, with the reason.
    lab.up()
    afterAll(() => lab.down(), 60_000)
    body(lab)
  })
}

/** What is at p, in a line comparable across results: `nothing`, `symlink -> TEXT`, `dir` or `file`. */
export function entryAt(p: string): string {
  const stats = fs.lstatSync(p, { throwIfNoEntry: false })
  if (!stats) return 'nothing'
  if (stats.isSymbolicLink()) return `symlink -> ${fs.readlinkSync(p)}`
  return stats.isDirectory() ? 'dir' : 'file'
}

/** Names of temporary entries the action left below dir (there must be none). */
export function leftovers(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true }) as string[]).filter((rel) =>
    path.basename(rel).startsWith('.ln-action-')
  )
}
