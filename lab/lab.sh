#!/usr/bin/env bash
# Filesystem lab for ln-action end-to-end tests: real tmpfs/xfs/exFAT/FAT/NTFS/sshfs mounts, and the shares CI
# jobs mount (SMB, WebDAV, S3, rclone, bindfs, bind, overlay), under one directory, described in DIR/lab.json. Run as root (Linux, /dev/fuse). See lab/FINDINGS.md for what each
# mount does with link()/symlink().
#   lab.sh up [DIR] | down [DIR] | kill-sshfs NAME [DIR] | hang-sshfs NAME [DIR] | resume-sshfs NAME [DIR]
set -euo pipefail
shopt -s nullglob

log() { echo "lab: $*" >&2; }
die() { log "$*"; exit 1; }

case ${1:-} in
  up | down | _up) CMD=$1 DIR=${2:-/tmp/ln-action-lab} ;;
  kill-sshfs | hang-sshfs | resume-sshfs) CMD=$1 NAME=${2:?mount name missing} DIR=${3:-/tmp/ln-action-lab} ;;
  *) die "usage: $0 up|down [DIR] | kill-sshfs|hang-sshfs|resume-sshfs NAME [DIR]" ;;
esac
DIR=$(realpath -m -- "$DIR")   # absolute, no trailing slash: it is matched as a prefix in mountinfo
[[ $DIR == /*/* ]] || die "refusing lab directory '$DIR': give a directory at least two levels deep"
M=$DIR/mnt S=$DIR/server K=$DIR/ssh RUN=$DIR/run
MARK=$DIR/.ln-action-lab   # down only deletes a directory that carries this marker

# --- helpers ---------------------------------------------------------------------------------------------
# Mountinfo, not stat(): stat on a hung FUSE mount would hang this script too.
mi_type() { awk -v p="$1" '$5 == p { for (i = 7; $i != "-"; i++); t = $(i + 1) } END { print t }' /proc/self/mountinfo; }
lab_mounts() { awk -v d="$DIR/" 'index($5, d) == 1 { for (i = 7; $i != "-"; i++); print $3, $5, $(i + 1) }' /proc/self/mountinfo; }
wait_mounted() { # PATH [PID]: poll until mounted; give up early if the daemon died
  local i
  for ((i = 0; i < 200; i++)); do
    [[ -n $(mi_type "$1") ]] && return 0
    [[ -n ${2:-} ]] && ! kill -0 "$2" 2>/dev/null && break
    sleep 0.05
  done
  echo "not mounted at $1 (see $RUN/*.log)" >&2; return 1
}
wait_gone() { # PID: a zombie counts as gone (it holds no mount, file or socket any more)
  local i s; for ((i = 0; i < 100; i++)); do s=$(ps -o stat= -p "$1") || return 0; [[ $s == Z* ]] && return 0; sleep 0.05; done; return 1
}
tree() { local c; echo "$1"; for c in $(pgrep -P "$1"); do tree "$c"; done; }   # PID and descendants
ours() { # PID: only ever signal lab daemons, even if a stale pid file now names a reused pid
  case $(cat /proc/"$1"/comm 2>/dev/null) in
    sshfs | ssh | sshd | sftp-server | ntfs-3g | mount.exfat-fu* | fusefat | lnlab-reaper) return 0 ;;
    rclone | bindfs | fuse-overlayfs | s3fs | mount.davfs | smbnetfs | smbd* | cleanupd) return 0 ;;
    node) grep -qa s3rver /proc/"$1"/cmdline && return 0 ;;   # the S3 server is a Node program
  esac
  return 1
}
# "if f" / "f || x" would silently switch off set -e inside f, so run each step in a standalone subshell
# and hand the status back in RC; stderr goes to RUN/err so a failure becomes a one-line skip reason.
attempt() { set +e; ( set -e; "$@" ) 2>"$RUN/err"; RC=$?; set -e; }
reason() { grep -v '^\s*$' "$RUN/err" | tail -n 1 | cut -c1-200 || true; }
record() { # a mount whose share lies below its mount point (smbnetfs: HOST/SHARE) names it in RUN/NAME.subdir
  local sub; sub=$(cat "$RUN/$1.subdir" 2>/dev/null || true)
  printf '%s\t%s\t%s\t%s\n' "$1" "$M/$1${sub:+/$sub}" "$(mi_type "$M/$1")" "$2" >>"$RUN/mounts.tsv"; log "mounted $1"
}
skip() { printf '%s\t%s\n' "$1" "$2" >>"$RUN/skipped.tsv"; log "SKIPPED $1: $2"; }
try() { # NAME NOTE FUNC ARGS...: mount one thing, or list it under "skipped" with the reason
  local name=$1 note=$2; shift 2
  mkdir -p "$M/$name"; attempt "$@" "$name"
  if ((RC == 0)); then record "$name" "$note"; else skip "$name" "$(reason)"; fi
}
new_loop() { truncate -s "$2" "$DIR/$1.img"; }   # images stay sparse: a 300M xfs uses a few MB of disk

# --- one function per mount kind (each gets the mount name as its last argument) ---------------------------
mnt_tmpfs() { mount -t tmpfs -o "$1" "lab-$2" "$M/$2"; }
mnt_ro() {   # populate first: a read-only fs must already hold "existing" (file) and "dir" for EEXIST/EROFS tests
  mount -t tmpfs -o mode=755 "lab-$1" "$M/$1"
  echo existing >"$M/$1/existing"; mkdir "$M/$1/dir"
  mount -o remount,ro "$M/$1"
}
mnt_local() {   # a second in-kernel disk fs, so tmpfs -> here gives EXDEV; btrfs if the kernel lacks xfs
  local fs dev
  for fs in xfs btrfs; do
    grep -qw "$fs" /proc/filesystems || continue
    new_loop "$1" 300M && "mkfs.$fs" -q -f "$DIR/$1.img" >/dev/null || continue
    dev=$(losetup -f --show "$DIR/$1.img") && mount -t "$fs" "$dev" "$M/$1" && return 0
    losetup -d "$dev" || true
  done
  echo "neither xfs nor btrfs could be mounted" >&2; return 1
}
# FUSE daemons get their own log as stdio, so none keeps a caller's pipe open.
daemon() { local l; l=$RUN/$(basename "${*: -1}").log; "$@" </dev/null >>"$l" 2>&1 || { tail -n 1 "$l" >&2; return 1; }; }
mnt_ext4() {   # the format of most Linux runners' disks: names differ by case (no casefold: see lab/FINDINGS.md)
  need mkfs.ext4; new_loop "$1" 32M; mkfs.ext4 -q -F "$DIR/$1.img"
  local dev; dev=$(losetup -f --show "$DIR/$1.img")
  mount -t ext4 "$dev" "$M/$1" || { losetup -d "$dev"; return 1; }
}
mnt_exfat() {   # fuseblk: the FUSE daemon needs a block device, hence a loop device (mountinfo source /dev/loopN)
  new_loop "$1" 64M; mkfs.exfat "$DIR/$1.img" >/dev/null
  daemon mount.exfat-fuse "$(losetup -f --show "$DIR/$1.img")" "$M/$1"; wait_mounted "$M/$1"
}
mnt_ntfs() {
  new_loop "$1" 64M; mkntfs -F -Q -q "$DIR/$1.img"
  daemon ntfs-3g "$(losetup -f --show "$DIR/$1.img")" "$M/$1"; wait_mounted "$M/$1"
}
mnt_fat() {   # fusefat refuses to start without -o ro or -o rw+ (experimental rw); it reads the image file itself
  new_loop "$1" 64M; mkfs.vfat "$DIR/$1.img" >/dev/null
  daemon fusefat -o rw+ "$DIR/$1.img" "$M/$1"; wait_mounted "$M/$1"
}

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
wait_port() { # PORT [PID]: until something listens on 127.0.0.1:PORT
  local i; for ((i = 0; i < 200; i++)); do
    (: </dev/tcp/127.0.0.1/"$1") 2>/dev/null && return 0
    [[ -n ${2:-} ]] && ! kill -0 "$2" 2>/dev/null && break
    sleep 0.05
  done
  echo "nothing listens on 127.0.0.1:$1 (see $RUN/*.log)" >&2; return 1
}
need() { local t; for t; do command -v "$t" >/dev/null || { echo "$t is not installed" >&2; return 1; }; done; }

# --- the shares CI jobs mount: a real server on loopback (or a local directory) and its client ------------------
# Kernel bind mount: mountinfo shows the bound directory in its root field (4th) and the device's own type.
mnt_bind() { mkdir -p "$S/$1"; mount --bind "$S/$1" "$M/$1"; }
mnt_bindfs() { need bindfs; mkdir -p "$S/$1"; daemon bindfs "$S/$1" "$M/$1"; wait_mounted "$M/$1"; }
layers() { mkdir -p "$S/$1"/{lower/dir,upper,work}; echo lower >"$S/$1/lower/lower-file"; echo lower >"$S/$1/lower/dir/f"; }
mnt_overlay() { # the layered filesystem a container job's files live on
  layers "$1"; mount -t overlay overlay -o "lowerdir=$S/$1/lower,upperdir=$S/$1/upper,workdir=$S/$1/work" "$M/$1"
}
mnt_fuse_overlayfs() {
  need fuse-overlayfs; layers "$1"
  daemon fuse-overlayfs -o "lowerdir=$S/$1/lower,upperdir=$S/$1/upper,workdir=$S/$1/work" "$M/$1"; wait_mounted "$M/$1"
}
mnt_rclone() { # RCLONE-OPTIONS... NAME: a local directory as the remote; --daemon returns once mounted
  local name=${*: -1}; need rclone; mkdir -p "$S/$name"
  daemon rclone --config /dev/null mount --daemon --cache-dir "$RUN/rclone-$name" "${@:1:$#-1}" "$S/$name" "$M/$name"
  wait_mounted "$M/$name"
}
mnt_webdav() { # davfs2 against rclone's WebDAV server; davfs2 runs as user davfs2: its cache is root:davfs2 0775
  need rclone mount.davfs; mkdir -p "$S/$1" "$RUN/davfs2-cache"
  chown root:davfs2 "$RUN/davfs2-cache"; chmod 775 "$RUN/davfs2-cache"
  local port; port=$(free_port)
  rclone --config /dev/null serve webdav "$S/$1" --addr "127.0.0.1:$port" </dev/null >>"$RUN/$1-server.log" 2>&1 &
  echo $! >"$RUN/$1-server.pid"; wait_port "$port" $!
  printf 'ask_auth 0\nuse_locks 0\ndelay_upload 0\ncache_dir %s\nsecrets %s\n' "$RUN/davfs2-cache" "$RUN/davfs2.secrets" >"$RUN/davfs2.conf"
  printf 'http://127.0.0.1:%s/ lab lab\n' "$port" >"$RUN/davfs2.secrets"; chmod 600 "$RUN/davfs2.secrets"
  daemon mount.davfs -o "conf=$RUN/davfs2.conf" "http://127.0.0.1:$port/" "$M/$1"; wait_mounted "$M/$1"
}
mnt_s3() { # s3fs against s3rver (npm), bucket "lab": its objects sit under DIR/server/s3/lab
  need s3rver s3fs; mkdir -p "$S/$1"
  local port; port=$(free_port)
  s3rver -d "$S/$1" -a 127.0.0.1 -p "$port" --configure-bucket lab --silent </dev/null >>"$RUN/$1-server.log" 2>&1 &
  echo $! >"$RUN/$1-server.pid"; wait_port "$port" $!
  echo S3RVER:S3RVER >"$RUN/s3.passwd"; chmod 600 "$RUN/s3.passwd"   # s3rver's fixed credentials
  daemon s3fs lab "$M/$1" -o "url=http://127.0.0.1:$port,use_path_request_style,passwd_file=$RUN/s3.passwd"
  wait_mounted "$M/$1"
}
mnt_smb() { # SMB-SETTING NAME: smbd and smbnetfs in a network namespace of their own, where Samba has 127.0.0.1:445
  # to itself (libsmbclient connects to no other port); the FUSE mount itself is in the lab's mount namespace.
  local name=$2 d=$RUN/$2; need smbd smbnetfs ip; mkdir -p "$S/$name" "$d/home/.smb"
  cat >"$d/smb.conf" <<EOF
[global]
  server role = standalone server
  interfaces = lo
  bind interfaces only = yes
  smb ports = 445
  disable netbios = yes
  map to guest = Bad User
  guest account = root
  lock directory = $d
  state directory = $d
  cache directory = $d
  private dir = $d
  pid directory = $d
  ncalrpc dir = $d
  log file = $d/smbd.log
  load printers = no
  disable spoolss = yes
  $1
[lab]
  path = $S/$name
  read only = no
  guest ok = yes
  force user = root
EOF
  printf '[global]\n  %s\n' "$1" >"$d/home/.smb/smb.conf"   # the client takes the protocol settings too
  echo 'auth "guest" ""' >"$d/home/.smb/smbnetfs.conf"; chmod 600 "$d/home/.smb/smbnetfs.conf"
  echo 127.0.0.1/lab >"$RUN/$name.subdir"
  HOME=$d/home unshare -n sh -c 'ip link set lo up && smbd -D -s "$1" && exec smbnetfs "$2"' sh "$d/smb.conf" "$M/$name" \
    </dev/null >>"$RUN/$name.log" 2>&1
  wait_mounted "$M/$name"
  local i; for ((i = 0; i < 60; i++)); do   # until the share answers: smbd -D returns before it listens
    ls "$M/$name/127.0.0.1/lab" >/dev/null 2>&1 && return 0; sleep 0.05
  done
  ls "$M/$name/127.0.0.1/lab" >/dev/null
}

start_sshd() {
  # One sshd for all shares, on 127.0.0.1 only, in a private mount namespace created before any lab mount:
  #  - the server never sees the client's FUSE mounts, so a link text pointing into a client mount cannot make
  #    sftp-server follow it back through FUSE (the loopback follow_symlinks deadlock);
  #  - in that namespace mnt/sshfs-seed is a bind of server/sshfs-seed, so sshfs-seed has the SAME path on
  #    server and client, as in the seed's `sshfs host:/data/remote /data/remote`.
  mkdir -p "$K" /run/sshd   # /run/sshd: privilege-separation dir sshd insists on
  ssh-keygen -q -t ed25519 -N '' -f "$K/host_key"; ssh-keygen -q -t ed25519 -N '' -f "$K/id"
  cp "$K/id.pub" "$K/authorized_keys"
  PORT=$(free_port)
  # StrictModes no: the key files sit under world-writable /tmp; UsePAM no: no PAM stack needed for keys.
  cat >"$K/sshd_config" <<EOF
ListenAddress 127.0.0.1
Port $PORT
HostKey $K/host_key
PidFile $RUN/sshd.pid
AuthorizedKeysFile $K/authorized_keys
PermitRootLogin prohibit-password
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
StrictModes no
MaxStartups 100
LogLevel ERROR
Subsystem sftp /usr/lib/openssh/sftp-server
EOF
  echo "$PORT" >"$RUN/sshd.port"
  unshare -m --propagation private sh -c 'mount --bind "$1" "$2" && exec /usr/sbin/sshd -f "$3" -E "$4"' \
    sh "$S/sshfs-seed" "$M/sshfs-seed" "$K/sshd_config" "$RUN/sshd.log" </dev/null
  wait_port "$PORT"
}

mnt_sshfs() { # EXTRA-OPTIONS REMOTE-PATH NAME
  local name=$3 wrap=$RUN/ssh-$3
  # Wrapper as ssh_command: records the transport's pid (for hang-sshfs) and keeps ~/.ssh/config out.
  cat >"$wrap" <<EOF
#!/bin/sh
echo \$\$ >"$RUN/$name.ssh.pid"
exec ssh -F /dev/null -p $PORT -i "$K/id" -o IdentitiesOnly=yes -o BatchMode=yes -o LogLevel=ERROR \
  -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null "\$@"
EOF
  chmod +x "$wrap"
  # -f: sshfs stays our child, so its pid is known for kill-sshfs. dir_cache=no: changes made directly in
  # DIR/server show through the mount at once (kernel entry/attr caches still hold up to 1 s). No reconnect.
  sshfs -f -o "ssh_command=$wrap,dir_cache=no$1" "root@127.0.0.1:$2" "$M/$name" </dev/null >>"$RUN/$name.log" 2>&1 &
  echo $! >"$RUN/$name.sshfs.pid"
  wait_mounted "$M/$name" $!
}
kill_sshfs() { # its ssh goes too: a stopped one (hang-sshfs) would never notice that sshfs is gone
  [[ -s $RUN/$NAME.sshfs.pid ]] || die "no sshfs mount named '$NAME' in $DIR"
  local p; for p in $(cat "$RUN/$NAME.sshfs.pid" "$RUN/$NAME.ssh.pid" 2>/dev/null); do
    ours "$p" && kill -KILL "$p" && wait_gone "$p"
  done
  return 0
}

# --- up / down -----------------------------------------------------------------------------------------------
up_inner() {
  mkdir -p "$M" "$S" "$RUN"; : >"$RUN/mounts.tsv"; : >"$RUN/skipped.tsv"
  local n; for n in sshfs sshfs-nohardlink sshfs-follow sshfs-seed sshfs-dead sshfs-hang; do mkdir -p "$S/$n" "$M/$n"; done
  # fusectl is what lets down (and tests) abort a hung share via /sys/fs/fuse/connections/N/abort.
  mountpoint -q /sys/fs/fuse/connections || mount -t fusectl fusectl /sys/fs/fuse/connections || true
  attempt start_sshd; local sshd_ok=$RC sshd_err; sshd_err=$(reason)   # first: see start_sshd
  PORT=$(cat "$RUN/sshd.port" 2>/dev/null || echo 0)
  try tmpfs "plain tmpfs" mnt_tmpfs mode=755
  try small "tmpfs size=1m,nr_inodes=64: ENOSPC after ~60 entries (short symlinks use no data blocks)" mnt_tmpfs size=1m,nr_inodes=64,mode=755
  try ro "tmpfs remounted ro, holds file 'existing' and dir 'dir': EROFS; EEXIST at existing names" mnt_ro
  try xfs "in-kernel fs on a loop device: link() from tmpfs gives EXDEV" mnt_local
  try ext4 "ext4 on a loop device: names differ by case" mnt_ext4
  try exfat "exfat-fuse on a loop device: symlink ENOSYS, link EPERM" mnt_exfat
  try fat "fusefat -o rw+ on an image file: symlink ENOSYS, link EPERM" mnt_fat
  try ntfs "ntfs-3g on a loop device: symlink and link work" mnt_ntfs
  local base=$S name opts note
  while IFS='|' read -r name opts note; do
    [[ $name == sshfs-seed ]] && base=$M || base=$S   # seed: same path on both sides (see start_sshd)
    if ((sshd_ok != 0)); then skip "$name" "sshd failed: $sshd_err"; continue; fi
    try "$name" "$note" mnt_sshfs "$opts" "$base/$name"
  done <<'EOF'
sshfs||sshfs defaults (+dir_cache=no): hard links show separate inodes; absolute symlink texts read back EPERM (contain_symlinks)
sshfs-nohardlink|,disable_hardlink|link() refused (EPERM on kernel >= 6.15, ENOSYS before)
sshfs-follow|,follow_symlinks|symlink() gives EIO although the server has the link (ENOENT when the target is missing)
sshfs-seed|,follow_symlinks,disable_hardlink|the seed's mount: server path == client path; link EPERM, symlink EIO (link made)
sshfs-dead||sshfs process SIGKILLed after mounting: everything gives ENOTCONN
sshfs-hang||stop/resume its transport with lab.sh hang-sshfs/resume-sshfs; calls then block (unkillably)
EOF
  [[ -n $(mi_type "$M/sshfs-dead") ]] && NAME=sshfs-dead && kill_sshfs
  up_shares
  python3 - "$RUN" "$DIR/lab.json" "$PORT" "$S" "$sshd_ok" <<'EOF'
import json, sys
run, out, port, root, ok = sys.argv[1:]
rows = lambda f: [l.rstrip("\n").split("\t") for l in open(f"{run}/{f}") if l.strip()]
lab = {"mounts": {n: {"path": p, "type": t, "note": note} for n, p, t, note in rows("mounts.tsv")},
       "sshd": {"port": int(port), "serverRoot": root} if ok == "0" else None,
       "skipped": {n: r for n, r in rows("skipped.tsv")}}
json.dump(lab, open(out, "w"), indent=2)
EOF
  log "wrote $DIR/lab.json: $(wc -l <"$RUN/mounts.tsv") mounted, $(wc -l <"$RUN/skipped.tsv") skipped"
}

up_shares() { # measured in lab/FINDINGS.md ("Shares")
  try bind "kernel bind mount (mount --bind): mountinfo root field is the bound directory" mnt_bind
  try bindfs "bindfs of a local directory: bare fuse type, source = the directory" mnt_bindfs
  try overlay "kernel overlayfs (lower/upper/work), as under a container job; lower-file and dir/ are in the lower layer" mnt_overlay
  try fuse-overlayfs "fuse-overlayfs, same layers as overlay" mnt_fuse_overlayfs
  try rclone "rclone mount of a local remote, --vfs-cache-mode off: symlink and link EIO" mnt_rclone --vfs-cache-mode off
  try rclone-links "rclone mount --links: symlinks stored as NAME.rclonelink files on the remote" mnt_rclone --links --vfs-cache-mode off
  try rclone-writes "rclone mount --vfs-cache-mode writes" mnt_rclone --vfs-cache-mode writes
  try webdav "davfs2 -> rclone serve webdav: bare fuse type, source http://127.0.0.1:PORT/; symlink ENOSYS, link EPERM" mnt_webdav
  try s3 "s3fs -> s3rver: symlinks stored as objects; link ENOTSUP; renamed links read back stale" mnt_s3
  try smb1 "smbnetfs -> Samba over SMB1 with unix extensions (own network namespace): symlink ENOSYS, link EPERM" \
    mnt_smb $'server min protocol = NT1\n  server max protocol = NT1\n  client min protocol = NT1\n  client max protocol = NT1\n  unix extensions = yes'
  try smb3 "smbnetfs -> Samba over SMB3, unix extensions off: symlink ENOSYS, link EPERM, Node copyFile EIO" \
    mnt_smb $'server min protocol = SMB3\n  client min protocol = SMB3\n  unix extensions = no'
}

# Orphaned daemons (sshfs -f, sshd, the FUSE daemons) must be reaped by someone; where PID 1 does not reap
# (minimal containers), they would stay as zombies and show in `pgrep sshfs`. So up runs inside a small
# child-subreaper that outlives it, and down stops that reaper last (its own exit is left to PID 1).
REAPER='
import ctypes, os, signal, sys
r, w = os.pipe()
if os.fork():                               # the caller: exit with the status of the lab set-up
    os.close(w); sys.exit(int(os.read(r, 8) or 1))
os.close(r); os.setsid()
libc = ctypes.CDLL(None); libc.prctl(36, 1, 0, 0, 0); libc.prctl(15, b"lnlab-reaper", 0, 0, 0)
open(sys.argv[1], "w").write(str(os.getpid()))
signal.pthread_sigmask(signal.SIG_BLOCK, [signal.SIGCHLD, signal.SIGTERM])
pid = os.fork()
if pid == 0:
    signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGCHLD, signal.SIGTERM]); os.execvp(sys.argv[2], sys.argv[2:])
while True:                                # reap orphans (e.g. a killed sshfs-dead) while set-up runs
    p, st = os.wait()
    if p == pid: break
os.write(w, str(os.waitstatus_to_exitcode(st)).encode()); os.close(w)
null = os.open(os.devnull, os.O_RDWR)
for fd in (0, 1, 2): os.dup2(null, fd)      # do not hold the caller'"'"'s pipes open
term = False
while True:
    try:
        while os.waitpid(-1, os.WNOHANG)[0] > 0: pass
    except ChildProcessError: pass
    if term: break
    s = signal.sigtimedwait([signal.SIGCHLD, signal.SIGTERM], 1)
    term = s is not None and s.si_signo == signal.SIGTERM
'

down() {
  [[ -e $DIR ]] || return 0
  [[ -e $MARK ]] || die "$DIR exists but is not a lab directory (no $MARK); not touching it"
  mountpoint -q /sys/fs/fuse/connections || mount -t fusectl fusectl /sys/fs/fuse/connections 2>/dev/null || true
  local dev mp type maj min p f pids=()
  # Abort every FUSE connection first: a hung share (stopped transport) would otherwise block umount and any
  # process touching it. The connection's number is the mount's dev_t (major << 20 | minor).
  while read -r dev mp type; do
    if [[ $type == fuse* ]]; then
      IFS=: read -r maj min <<<"$dev"
      f=/sys/fs/fuse/connections/$(((maj << 20) | min))/abort; [[ -e $f ]] && echo 1 >"$f"
    fi
    # A FUSE daemon whose connection was aborted may take its mount with it before we get there: not an error.
    if umount -l "$mp" 2>/dev/null; then log "unmounted $mp"; fi
  done < <(lab_mounts | tac)
  # Then every process of ours: by pid file (sshfs, its ssh, sshd and its sessions), and FUSE daemons or
  # stragglers whose command line names this lab directory (only known daemon names, never the test runner).
  for f in "$RUN"/*.pid; do
    p=$(cat "$f" 2>/dev/null) || continue; [[ $f == */reaper.pid ]] && continue
    [[ $f == */sshd.pid ]] && pids+=($(tree "$p")) || pids+=("$p")
  done
  pids+=($(pgrep -f -- "$DIR/" || true))
  # A process may end between the check and the kill (a daemon whose mount went): `|| true` under set -e.
  for p in "${pids[@]}"; do ours "$p" && [[ $p != "$$" ]] && kill -KILL "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait_gone "$p" || log "pid $p did not exit"; done
  p=$(cat "$RUN/reaper.pid" 2>/dev/null) && ours "$p" && kill -TERM "$p" && wait_gone "$p"
  # Loop devices: deferred detach happens when the last opener (a FUSE daemon) is gone.
  for dev in $(losetup -nO NAME,BACK-FILE | awk -v d="$DIR/" 'index($2, d) == 1 { print $1 }'); do
    losetup -d "$dev" && log "detached $dev"
  done
  [[ -z $(lab_mounts) ]] || die "still mounted under $DIR; not removing it"
  rm -f /var/run/mount.davfs/"$(echo "${M#/}" | tr / -)"-*.pid   # a killed mount.davfs leaves its pid file
  rm -rf -- "$DIR"
}

case $CMD in
  up)
    ((EUID == 0)) || die "must run as root (mount, losetup, sshd need it)"
    [[ -c /dev/fuse ]] || die "/dev/fuse is missing: FUSE mounts (exfat, fat, ntfs, sshfs) need it"
    start=$SECONDS; down
    [[ ! -e $DIR ]] || die "$DIR still exists after down"
    mkdir -p "$RUN"; chmod 711 "$DIR"; touch "$MARK"   # 711: davfs2 (user davfs2) reaches its cache in RUN
    if command -v python3 >/dev/null; then
      echo "$REAPER" >"$RUN/reaper.py"; python3 "$RUN/reaper.py" "$RUN/reaper.pid" bash "$(realpath "$0")" _up "$DIR"
    else bash "$0" _up "$DIR"; fi
    log "up took $((SECONDS - start)) s" ;;
  _up) up_inner ;;
  down) ((EUID == 0)) || [[ ! -e $DIR ]] || die "must run as root"; down ;;
  kill-sshfs) kill_sshfs && log "killed sshfs of $NAME: the mount now gives ENOTCONN" ;;
  hang-sshfs | resume-sshfs)
    # We stop the ssh CLIENT under that sshfs (its pid comes from the ssh_command wrapper): sshfs keeps taking
    # the kernel's requests and writes them to ssh, which never forwards them, so calls block (in
    # request_wait_answer, immune even to SIGKILL) instead of failing, like a stalled network. Stopping the
    # server's sftp-server would hang too, but which session serves which mount is not recorded anywhere.
    p=$(cat "$RUN/$NAME.ssh.pid" 2>/dev/null) || die "no sshfs transport for '$NAME' in $DIR"
    [[ $CMD == hang-sshfs ]] && sig=STOP || sig=CONT
    kill -"$sig" "$p" && log "SIG$sig sent to ssh pid $p of $NAME" ;;
esac
