#!/usr/bin/env node
// Measure, with Node's own calls (what the action makes), what each share of a running lab (lab.sh up) does with
// links, renames, copies, chmod and mkdir -p, and print the Markdown rows of lab/FINDINGS.md ("Shares").
// Usage: node lab/probe-shares.mjs [DIR] [NAME...]   (DIR default /tmp/ln-action-lab). Leaves probe-* on the mounts.
import * as fs from 'node:fs'
import * as path from 'node:path'

const DIR = process.argv[2] ?? '/tmp/ln-action-lab'
const lab = JSON.parse(fs.readFileSync(`${DIR}/lab.json`, 'utf8'))
const SHARES = ['bind', 'bindfs', 'overlay', 'fuse-overlayfs', 'rclone', 'rclone-links', 'rclone-writes', 'webdav']
const names = process.argv.length > 3 ? process.argv.slice(3) : [...SHARES, 's3', 'smb1', 'smb3']

/** The call's outcome: ok (with a value worth showing) or its errno, and how long it took when that was long. */
function res(fn) {
  const t0 = performance.now()
  let out
  try {
    const value = fn()
    out = value === undefined ? 'ok' : `ok \`${value}\``
  } catch (e) {
    out = e.code ?? String(e)
  }
  const ms = performance.now() - t0
  return ms > 500 ? `${out} (${(ms / 1000).toFixed(1)} s)` : out
}

const kind = (p) =>
  res(() => {
    const s = fs.lstatSync(p)
    return s.isSymbolicLink() ? 'symlink' : s.isDirectory() ? 'dir' : s.isFile() ? `file ${s.size} B` : 'other'
  })

function mountinfo(mountPoint) {
  const line = fs
    .readFileSync('/proc/self/mountinfo', 'utf8')
    .split('\n')
    .find((l) => l.split(' ')[4] === mountPoint)
  const f = line.split(' ')
  const dash = f.indexOf('-')
  return `${f[dash + 1]} (source \`${f[dash + 2]}\`, root \`${f[3]}\`)`
}

function probe(name) {
  const mount = lab.mounts[name]
  if (!mount) return { name, skipped: lab.skipped[name] ?? 'not in lab.json' }
  const t = fs.mkdtempSync(path.join(mount.path, 'probe-'))
  const p = (rel) => path.join(t, rel)
  fs.writeFileSync(p('f'), 'f\n')
  fs.writeFileSync(p('g'), 'g\n')
  fs.mkdirSync(p('d'))
  const row = { name, type: mountinfo(mount.path.replace(/\/127\.0\.0\.1\/lab$/, '')) }
  row.symrel = res(() => fs.symlinkSync('f', p('sr')))
  row.readrel = `${res(() => fs.readlinkSync(p('sr')))}; lstat ${kind(p('sr'))}`
  row.symabs = res(() => fs.symlinkSync('/etc/hostname', p('sa')))
  row.readabs = res(() => fs.readlinkSync(p('sa')))
  row.link = res(() => fs.linkSync(p('f'), p('hl')))
  if (row.link === 'ok')
    row.link += ` (same inode ${fs.statSync(p('f')).ino === fs.statSync(p('hl')).ino}, nlink ${fs.statSync(p('f')).nlink})`
  row.replace = res(() => {
    fs.symlinkSync('g', p('s2'))
    fs.renameSync(p('s2'), p('sr'))
  })
  if (row.replace === 'ok') row.replace += `, readlink then \`${res(() => fs.readlinkSync(p('sr')))}\``
  row.copy = res(() => fs.copyFileSync(p('f'), p('c')))
  row.chmod = res(() => {
    fs.chmodSync(p('f'), 0o600)
    return (fs.statSync(p('f')).mode & 0o777).toString(8)
  })
  row.mkdir = res(() => void fs.mkdirSync(p('a/b/c'), { recursive: true }))
  row.readdir = res(() => void fs.readdirSync(t))
  return row
}

const rows = names.map(probe)
const head = ['mount', 'mountinfo type', 'symlink `f`', 'readlink', 'symlink `/etc/hostname`', 'readlink']
head.push('link()', 'rename symlink over symlink', 'copyFile', 'chmod 600 (mode then)', 'mkdir -p', 'readdir')
console.log(`| ${head.join(' | ')} |\n|${' --- |'.repeat(head.length)}`)
for (const r of rows) {
  if (r.skipped) console.log(`| ${r.name} | skipped: ${r.skipped} |`)
  else {
    const cells = [r.symrel, r.readrel, r.symabs, r.readabs, r.link, r.replace, r.copy, r.chmod, r.mkdir, r.readdir]
    console.log(`| ${r.name} | ${r.type} | ${cells.join(' | ')} |`)
  }
}
