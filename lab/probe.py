#!/usr/bin/env python3
"""Measure link()/symlink() behaviour on every mount of a running lab (lab.sh up) and print Markdown.

Usage: python3 lab/probe.py [DIR]   (DIR default /tmp/ln-action-lab). Run as root. Leaves probe files on
the mounts (down removes everything). Touches sshfs-hang only through a child process while it is hung,
and ends by killing the transport of sshfs-nohardlink (kill-sshfs), so run `lab.sh up` again afterwards.
"""
import errno, json, os, stat, subprocess, sys, time

DIR = sys.argv[1] if len(sys.argv) > 1 else "/tmp/ln-action-lab"
LAB = json.load(open(f"{DIR}/lab.json"))
M = {n: m["path"] for n, m in LAB["mounts"].items()}
SH = os.path.join(os.path.dirname(os.path.abspath(__file__)), "lab.sh")


def res(f):
    try:
        r = f()
        return "ok" if r is None else f"ok `{r}`"
    except OSError as e:
        return errno.errorcode.get(e.errno, str(e.errno))


def kind(p):
    try:
        m = os.lstat(p).st_mode
    except OSError as e:
        return errno.errorcode.get(e.errno)
    return "symlink" if stat.S_ISLNK(m) else "dir" if stat.S_ISDIR(m) else "file" if stat.S_ISREG(m) else oct(m)


def mountinfo(path):
    for line in open("/proc/self/mountinfo"):
        f = line.split()
        if f[4] == path:
            i = f.index("-")
            src, fstype = f[i + 2], f[i + 1]
    return fstype, src


def sh(*a):
    return subprocess.run(a, capture_output=True, text=True).stdout.strip()


rows, extra = [], []
for name, p in M.items():
    if name == "sshfs-hang":
        continue
    fstype, src = mountinfo(p)
    blk = sh("blkid", "-o", "value", "-s", "TYPE", src) if fstype == "fuseblk" else ""
    t = f"{p}/probe"
    r = dict(name=name, fstype=fstype, src=src, blkid=blk, statf=sh("timeout", "5", "stat", "-f", "-c", "%T", p))
    if name == "ro":
        t = p
        r.update(symrel=res(lambda: os.symlink("existing", f"{t}/sr")),
                 symabs=res(lambda: os.symlink("/etc/hostname", f"{t}/sa")),
                 link=res(lambda: os.link(f"{t}/existing", f"{t}/hl")),
                 linkdir=res(lambda: os.link(f"{t}/dir", f"{t}/hd")),
                 rename=res(lambda: os.rename(f"{t}/existing", f"{t}/dir/x")))
        mk = subprocess.run(["mkdir", "-p", f"{p}/a/b"], capture_output=True, text=True)
        extra.append(f"- ro: `mkdir -p a/b` -> rc {mk.returncode} `{mk.stderr.strip()}`; "
                     f"os.mkdir -> {res(lambda: os.mkdir(f'{p}/a'))}; os.makedirs -> {res(lambda: os.makedirs(f'{p}/a/b'))}; "
                     f"symlink at existing name -> {res(lambda: os.symlink('x', f'{p}/existing'))}")
        rows.append(r)
        continue
    setup = res(lambda: (os.mkdir(t), open(f"{t}/f", "w").write("f"), open(f"{t}/g", "w").write("g"), os.mkdir(f"{t}/d")) and None)
    if setup != "ok":
        r.update(symrel=setup, symabs=setup, link=setup, linkdir=setup, rename=setup)
        r["note"] = f"mkdir/create: {setup}; lstat: {res(lambda: os.lstat(p) and None)}; statfs: {res(lambda: os.statvfs(p) and None)}"
        rows.append(r)
        continue
    s = res(lambda: os.symlink("f", f"{t}/sr"))
    if s == "ok":
        s += f", readlink {res(lambda: os.readlink(f'{t}/sr'))}, lstat: {kind(f'{t}/sr')}"
    elif os.path.lexists(f"{t}/sr") or s == "EIO":
        s += f", then lstat: {kind(f'{t}/sr')}"
    r["symrel"] = s
    a = res(lambda: os.symlink("/etc/hostname", f"{t}/sa"))
    if a == "ok" or os.path.lexists(f"{t}/sa") or a == "EIO":
        a += f", readlink {res(lambda: os.readlink(f'{t}/sa'))}"
    r["symabs"] = a
    l = res(lambda: os.link(f"{t}/f", f"{t}/hl"))
    if l == "ok":
        a1, a2 = os.stat(f"{t}/f"), os.stat(f"{t}/hl")
        l += f" (same inode: {a1.st_ino == a2.st_ino}, nlink {a2.st_nlink})"
        if name.startswith("sshfs"):   # what the server holds, before rename replaces f
            s1, s2 = (os.stat(f"{LAB['sshd']['serverRoot']}/{name}/probe/{x}") for x in ("f", "hl"))
            extra.append(f"- {name} hard link on the server: same inode {s1.st_ino == s2.st_ino}, nlink {s2.st_nlink}")
    r["link"] = l
    r["linkdir"] = res(lambda: os.link(f"{t}/d", f"{t}/hd"))
    r["rename"] = res(lambda: os.rename(f"{t}/g", f"{t}/f"))
    rows.append(r)

print("| mount | mountinfo type (source) | blkid | stat -f %T | symlink('f') | symlink('/etc/hostname') | link(file) | link(dir) | rename over file |")
print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
for r in rows:
    print(f"| {r['name']} | {r['fstype']} (`{r['src']}`) | {r['blkid'] or '-'} | {r['statf']} | {r['symrel']} | {r['symabs']} | "
          f"{r['link']} | {r['linkdir']} | {r['rename']} |")
for r in rows:
    if "note" in r:
        extra.append(f"- {r['name']}: {r['note']}")

# EXDEV, ENOSPC
open(f"{M['tmpfs']}/src", "w").write("x")
extra.append(f"- link tmpfs -> xfs: {res(lambda: os.link(M['tmpfs'] + '/src', M['xfs'] + '/dst'))}; "
             f"symlink across: {res(lambda: os.symlink(M['tmpfs'] + '/src', M['xfs'] + '/dsts'))}")
n, e = 0, None
while e is None and n < 1000:
    e = res(lambda: os.symlink("t", f"{M['small']}/l{n}"))
    e = None if e == "ok" else e
    n += 1
extra.append(f"- small: symlink #{n} failed with {e} ({n - 1} created; df -i: {sh('df', '--output=iused,itotal', M['small']).splitlines()[-1].split()})")

# follow_symlinks: server state after EIO, and the loopback case with an absolute text into the client mount
for name in ("sshfs-follow", "sshfs-seed"):
    t = f"{M[name]}/probe"
    server = f"{LAB['sshd']['serverRoot']}/{name}/probe"
    extra.append(f"- {name}: on the server after symlink('f'): {kind(server + '/sr')} -> {res(lambda: os.readlink(server + '/sr'))}")
    r = subprocess.run([sys.executable, "-c", f"import os; os.symlink({t + '/f'!r}, {t + '/sabs'!r})"],
                       capture_output=True, text=True, timeout=20)
    extra.append(f"- {name}: symlink with absolute text into the client mount ({t}/f): "
                 f"{(r.stderr.strip().splitlines() or ['ok'])[-1]}; lstat then: {kind(t + '/sabs')}; "
                 f"server: {kind(server + '/sabs')}")

    extra.append(f"- {name}: dangling symlink('missing'): {res(lambda: os.symlink('missing', t + '/dang'))}; "
                 f"lstat then: {kind(t + '/dang')}; server: {kind(server + '/dang')}; "
                 f"symlink to a dir ('d'): {res(lambda: os.symlink('d', t + '/sd'))}, lstat then: {kind(t + '/sd')}")

# Node: recursive mkdir on a read-only mount
js = f"try {{ require('fs').mkdirSync({M['ro'] + '/n/m'!r}, {{recursive: true}}) }} catch (e) {{ console.log(e.code) }}"
extra.append(f"- ro: Node 20 fs.mkdirSync(recursive) -> {sh('node', '-e', js)}")

# hang: a stat in a child process blocks; SIGKILL does not free it; resume lets it finish
subprocess.run(["bash", SH, "hang-sshfs", "sshfs-hang", DIR], check=True, capture_output=True)
child = subprocess.Popen([sys.executable, "-c", f"import os; os.lstat({M['sshfs-hang'] + '/new-name'!r})"],
                         stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
time.sleep(2)
hung = child.poll() is None
child.kill()
time.sleep(1)
survived_kill = child.poll() is None
t0 = time.time()
subprocess.run(["bash", SH, "resume-sshfs", "sshfs-hang", DIR], check=True, capture_output=True)
child.wait(timeout=10)
extra.append(f"- sshfs-hang: lstat blocked after hang-sshfs: {hung}; still alive 1 s after SIGKILL: {survived_kill}; "
             f"ended {time.time() - t0:.2f} s after resume-sshfs")

# kill-sshfs turns a live share into ENOTCONN
subprocess.run(["bash", SH, "kill-sshfs", "sshfs-nohardlink", DIR], check=True, capture_output=True)
p = M["sshfs-nohardlink"]
extra.append(f"- kill-sshfs sshfs-nohardlink: lstat {res(lambda: os.lstat(p + '/probe') and None)}, "
             f"symlink {res(lambda: os.symlink('f', p + '/x'))}, statvfs {res(lambda: os.statvfs(p) and None)}")
print()
print("\n".join(extra))
