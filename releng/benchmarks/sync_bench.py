#!/usr/bin/env python3
"""Sync folders benchmarks (issue #10) against the peers the issue names, measured in the same run.

  delta        bytes on the wire for a 1-byte change and for 1% scattered changes in a 100 MiB file:
               a sync-agent through the hub vs rsync through its daemon; both connections pass through
               one byte-counting TCP relay, so both are counted the same way (both directions, all framing;
               ours includes TLS, rsync's daemon protocol is plain). Both directions of the edit: agent A's
               upload vs rsync pushing into the daemon, and a second agent B's download of it vs rsync
               pulling it from the daemon into a copy of the previous version.
  initial      initial sync of N files of 4 KiB (default 10,000): a sync-agent uploading them to the hub,
               a second agent downloading them, vs rsync of the same tree through its daemon. Measured twice:
               with both agents started and idle before the files arrive (renamed into A's directory), and
               with the agents' start (JVM, OSGi, login) inside the time; and a second tree of new files
               into the same folder once the hub and agents are warm. Then Syncthing the same way: two
               instances on loopback, connected and idle, the tree renamed into A's folder, timed until B holds
               it all. --profile keeps flight recordings of the hub and the warm agents in the work directory.
  idle         N files (--idle-files, default 100,000) synced and watched, nothing changing: the agent's
               CPU seconds and RSS (from /proc) over --idle-seconds (default 60), from the first quiet 5 s
               after the first sync, with the threads that used CPU; --profile records that window only
               (agent-idle.jfr in the work directory). Not part of "all".
  propagation  client A saves a 4 KiB file, time until B holds identical content: two sync-agents through
               the hub vs two Syncthing instances on loopback (with its default watcher delay and with its
               minimum, 1 s). --folder-files N: in a folder already holding N files of 4 KiB (synced first on
               both sides); --syncthing-default-changes 0 leaves out the default-delay run.

usage: releng/benchmarks/sync-bench.sh [delta|initial|propagation|idle|all] [--files N] [--changes N] [--profile]
       [--idle-files N] [--idle-seconds S] [--folder-files N] [--syncthing-default-changes N] [--product DIR]
Build the server product first (./syncline build). Needs rsync and syncthing (Debian packages).
"""
import argparse
import asyncio
import filecmp
import hashlib
import json
import os
import queue
import random
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
import xml.etree.ElementTree as ET

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
PRODUCT = os.path.join(ROOT, "server/org.syncline.server.product/target/products/syncline-server/linux/gtk/x86_64")
MIB = 1024 * 1024


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Relay:
    """A TCP relay on loopback that counts the bytes each way."""

    def __init__(self, target_port):
        self.target = target_port
        self.port = free_port()
        self.up = 0  # client -> server
        self.down = 0  # server -> client
        self.loop = asyncio.new_event_loop()
        ready = threading.Event()
        threading.Thread(target=self._run, args=(ready,), daemon=True).start()
        ready.wait()

    def _run(self, ready):
        asyncio.set_event_loop(self.loop)

        async def pipe(reader, writer, up):
            try:
                while True:
                    data = await reader.read(65536)
                    if not data:
                        break
                    if up:
                        self.up += len(data)
                    else:
                        self.down += len(data)
                    writer.write(data)
                    await writer.drain()
            except (ConnectionError, OSError):
                pass
            finally:
                writer.close()

        async def handle(reader, writer):
            r2, w2 = await asyncio.open_connection("127.0.0.1", self.target)
            await asyncio.gather(pipe(reader, w2, True), pipe(r2, writer, False))

        async def main():
            await asyncio.start_server(handle, "127.0.0.1", self.port)
            ready.set()

        self.loop.run_until_complete(main())
        self.loop.run_forever()

    def reset(self):
        self.up = self.down = 0

    def total(self):
        return self.up + self.down


class Lines:
    """Collects a process's output lines so a caller can wait for one."""

    def __init__(self, proc, log=None):
        self.proc = proc
        self.log = open(log, "w") if log else None
        self.lines = []
        self.cond = threading.Condition()
        threading.Thread(target=self._pump, daemon=True).start()

    def _pump(self):
        for raw in self.proc.stdout:
            line = raw.decode(errors="replace").rstrip("\n")
            if self.log:
                self.log.write(line + "\n")
                self.log.flush()
            with self.cond:
                self.lines.append(line)
                self.cond.notify_all()

    def wait(self, pattern, start=0, timeout=600):
        rx = re.compile(pattern)
        deadline = time.time() + timeout
        with self.cond:
            while True:
                for i in range(start, len(self.lines)):
                    m = rx.search(self.lines[i])
                    if m:
                        return i, m
                left = deadline - time.time()
                if left <= 0 or self.proc.poll() is not None:
                    raise SystemExit("timed out waiting for /%s/; last lines:\n  %s" % (pattern, "\n  ".join(self.lines[-15:])))
                self.cond.wait(min(left, 1))

    def count(self):
        with self.cond:
            return len(self.lines)


def recording(work, name, profile):
    """JVM options for a flight recording of the process (profile mode), else none."""
    if not profile:
        return {}
    # no class-data archive: the JVM turns a recording off while it makes one (on a new data directory)
    return {"SYNCLINE_VMARGS": "-XX:-AutoCreateSharedArchive -XX:StartFlightRecording=filename=%s,settings=profile,dumponexit=true" % os.path.join(work, name + ".jfr")}


class Hub:
    def __init__(self, work, profile=False):
        self.work = work
        self.pw = os.path.join(work, "pw")
        with open(self.pw, "w") as f:
            f.write("bench-admin-pw-1\n")
        self.env = dict(os.environ, XDG_CONFIG_HOME=os.path.join(work, "config"), XDG_CACHE_HOME=os.path.join(work, "cache"))
        data = os.path.join(work, "hub")
        self.proc = subprocess.Popen([os.path.join(PRODUCT, "syncline"), "server", "--data", data, "--port", "0", "--bind", "127.0.0.1",
                                      "--roles", "hub", "--admin-password-file", self.pw], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                     env=dict(self.env, **recording(work, "hub", profile)))
        self.out = Lines(self.proc)
        _, m = self.out.wait(r"listening on [^ ]*:(\d+)", timeout=120)
        self.port = int(m.group(1))
        with open(os.path.join(data, "run", "server.json")) as f:
            self.env["SYNCLINE_TRUST_FINGERPRINT"] = json.load(f)["fingerprint"]
        self.agents = []
        self.profile = profile

    def cli(self, *args):
        subprocess.run([os.path.join(PRODUCT, "syncline"), "cli", "--server", "127.0.0.1:%d" % self.port, "--user", "admin",
                        "--password-file", self.pw, *args], check=True, env=self.env, stdout=subprocess.DEVNULL)

    def agent(self, local, folder, port=None, profile=False):
        p = subprocess.Popen([os.path.join(PRODUCT, "syncline"), "sync-agent", "--server", "127.0.0.1:%d" % (port or self.port),
                              "--user", "admin", "--password-file", self.pw, "--pair", "%s=%s" % (local, folder)],
                             stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                             env=dict(self.env, **recording(self.work, "agent-%d" % (len(self.agents) + 1), profile)))
        self.agents.append(p)
        return Lines(p, os.path.join(self.work, "agent-%d.log" % len(self.agents)))

    def close(self):
        if self.profile and self.proc.poll() is None:  # the server stops without running the recording's exit dump
            jcmd = os.path.join(os.path.dirname(os.readlink("/proc/%d/exe" % self.proc.pid)), "jcmd")
            subprocess.run([jcmd, str(self.proc.pid), "JFR.dump", "filename=" + os.path.join(self.work, "hub.jfr")],
                           stdout=subprocess.DEVNULL, check=False)
        for p in self.agents + [self.proc]:
            if p.poll() is None:
                p.terminate()
        for p in self.agents + [self.proc]:
            try:
                p.wait(30)
            except subprocess.TimeoutExpired:
                p.kill()


class RsyncDaemon:
    def __init__(self, work, modules):
        self.port = free_port()
        conf = os.path.join(work, "rsyncd.conf")
        with open(conf, "w") as f:
            f.write("use chroot = no\nuid = %d\ngid = %d\npid file = %s\n" % (os.getuid(), os.getgid(), os.path.join(work, "rsyncd.pid")))
            for name, path in modules.items():
                os.makedirs(path, exist_ok=True)
                f.write("[%s]\npath = %s\nread only = no\n" % (name, path))
        self.proc = subprocess.Popen(["rsync", "--daemon", "--no-detach", "--config=" + conf, "--port=%d" % self.port, "--address=127.0.0.1"])
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", self.port)).close()
                return
            except OSError:
                time.sleep(0.05)
        raise SystemExit("rsync daemon did not start")

    def close(self):
        self.proc.terminate()
        self.proc.wait()


def write_random(path, size, seed):
    rnd = random.Random(seed)
    with open(path, "wb") as f:
        left = size
        while left:
            n = min(left, MIB)
            f.write(rnd.randbytes(n))
            left -= n


def edit_one_byte(path):
    with open(path, "r+b") as f:
        f.seek(50 * MIB)
        b = f.read(1)
        f.seek(50 * MIB)
        f.write(bytes([b[0] ^ 0xFF]))


def edit_scattered(path, size, seed):
    """1% of the file rewritten in 256 places of 4 KiB each, spread over the whole file."""
    rnd = random.Random(seed)
    with open(path, "r+b") as f:
        for _ in range(size // 100 // 4096):
            f.seek(rnd.randrange(0, size - 4096))
            f.write(rnd.randbytes(4096))


def wait_quiet(relay, seconds=2.0):
    last = -1
    while True:
        now = relay.total()
        if now == last:
            return
        last = now
        time.sleep(seconds)


def uploaded_files(lines, n, start):
    return lines.wait(r"uploaded-files=%d\b" % n, start)[0] + 1


def bench_delta(work):
    size = 100 * MIB
    hub = Hub(work)
    rsyncd = RsyncDaemon(work, {"bench": os.path.join(work, "rsync-dst")})
    try:
        hub.cli("folder", "create", "delta")
        ours_relay, rsync_relay = Relay(hub.port), Relay(rsyncd.port)
        down_relay, rsync_down_relay = Relay(hub.port), Relay(rsyncd.port)
        local, src = os.path.join(work, "a"), os.path.join(work, "rsync-src")
        other, pulled = os.path.join(work, "b"), os.path.join(work, "rsync-pulled")
        for d in (local, src, other, pulled):
            os.makedirs(d)
        write_random(os.path.join(local, "big.bin"), size, 7)
        shutil.copy(os.path.join(local, "big.bin"), os.path.join(src, "big.bin"))
        agent = hub.agent(local, "delta", ours_relay.port)
        at = uploaded_files(agent, 1, 0)
        rsync = ["rsync", "-a", "--no-whole-file", "--stats", os.path.join(src, "big.bin"), "rsync://127.0.0.1:%d/bench/" % rsync_relay.port]
        subprocess.run(rsync, check=True, stdout=subprocess.DEVNULL)
        rsync_pull = ["rsync", "-a", "--no-whole-file", "--stats", "rsync://127.0.0.1:%d/bench/big.bin" % rsync_down_relay.port, pulled + "/"]
        subprocess.run(rsync_pull, check=True, stdout=subprocess.DEVNULL)
        receiver = hub.agent(other, "delta", down_relay.port)
        got = receiver.wait(r"download big\.bin \(revision 1 ")[0] + 1
        results, downloads = [], []
        for n, (label, edit) in enumerate([("1-byte change", edit_one_byte),
                                           ("1% scattered changes", lambda p: edit_scattered(p, size, 11))], start=2):
            wait_quiet(ours_relay)
            wait_quiet(down_relay)
            ours_relay.reset()
            down_relay.reset()
            edit(os.path.join(local, "big.bin"))
            at = uploaded_files(agent, n, at)
            wait_quiet(ours_relay)
            ours = ours_relay.total()
            i, m = receiver.wait(r"download big\.bin \(revision %d [^)]*\)" % n, got)
            got = i + 1
            by_delta = re.search(r"delta of (\d+) bytes received", m.group(0))
            wait_quiet(down_relay)
            ours_down = down_relay.total()
            rsync_relay.reset()
            edit(os.path.join(src, "big.bin"))
            out = subprocess.run(rsync, check=True, stdout=subprocess.PIPE, text=True).stdout
            sent = int(re.search(r"Total bytes sent: ([\d,]+)", out).group(1).replace(",", ""))
            received = int(re.search(r"Total bytes received: ([\d,]+)", out).group(1).replace(",", ""))
            theirs = rsync_relay.total()
            results.append((label, ours, theirs, sent + received))
            rsync_down_relay.reset()
            out = subprocess.run(rsync_pull, check=True, stdout=subprocess.PIPE, text=True).stdout
            pull_stats = sum(int(re.search(r"Total bytes %s: ([\d,]+)" % k, out).group(1).replace(",", "")) for k in ("sent", "received"))
            if not filecmp.cmp(os.path.join(other, "big.bin"), os.path.join(local, "big.bin"), shallow=False):
                raise SystemExit("agent B's big.bin is not agent A's after revision %d" % n)
            downloads.append((label, ours_down, rsync_down_relay.total(), pull_stats, by_delta.group(1) + " B" if by_delta else "none: by chunks"))
        print("delta: 100 MiB random file, bytes on the wire both ways (relay count)")
        for label, ours, theirs, stats in results:
            print("  %-22s syncline %9d B   rsync %9d B (its --stats: %d)   ratio %.2f   target <= 1.1 %s"
                  % (label, ours, theirs, stats, ours / theirs, "met" if ours <= 1.1 * theirs else "MISSED"))
        print("delta download: agent B receives the same edits, vs rsync pulling them (relay count, both ways)")
        for label, ours, theirs, stats, delta in downloads:
            print("  %-22s syncline %9d B (delta %s)   rsync %9d B (its --stats: %d)   ratio %.2f   target <= 1.1 %s"
                  % (label, ours, delta, theirs, stats, ours / theirs, "met" if ours <= 1.1 * theirs else "MISSED"))
    finally:
        rsyncd.close()
        hub.close()


def make_tree(root, files, seed):
    rnd = random.Random(seed)
    for i in range(files):
        d = os.path.join(root, "d%03d" % (i // 100))
        os.makedirs(d, exist_ok=True)
        with open(os.path.join(d, "f%05d.bin" % i), "wb") as f:
            f.write(rnd.randbytes(4096))


def move_tree_in(stage, target):
    """Moves a prepared tree into a watched directory, one rename per top directory (as a big copy lands)."""
    for name in sorted(os.listdir(stage)):
        os.rename(os.path.join(stage, name), os.path.join(target, name))


def bench_initial(work, files, profile=False):
    hub = Hub(work, profile)
    rsyncd = RsyncDaemon(work, {"tree": os.path.join(work, "rsync-tree")})
    try:
        hub.cli("folder", "create", "tree")
        hub.cli("folder", "create", "warm")
        a, b, src = os.path.join(work, "ta"), os.path.join(work, "tb"), os.path.join(work, "rsync-src-tree")
        wa, wb, stage = os.path.join(work, "wa"), os.path.join(work, "wb"), os.path.join(work, "stage")
        make_tree(a, files, 3)
        shutil.copytree(a, src)
        make_tree(stage, files, 4)
        for d in (b, wa, wb):
            os.makedirs(d)
        subprocess.run(["sync"], check=True)
        t0 = time.time()
        subprocess.run(["rsync", "-a", src + "/", "rsync://127.0.0.1:%d/tree/" % rsyncd.port], check=True)
        rsync_s = time.time() - t0
        # warm: both agents started, logged in and idle before the files arrive in A's directory
        warm_a, warm_b = hub.agent(wa, "warm", profile=profile), hub.agent(wb, "warm", profile=profile)
        warm_a.wait(r"\bready\b", 0, timeout=600)
        warm_b.wait(r"\bready\b", 0, timeout=600)
        subprocess.run(["sync"], check=True)
        # CPU seconds of the hub's and agent A's JVMs over the warm upload: what the work costs, which a loaded
        # machine's wall times hide
        hub_jvm, a_jvm = java_of(hub.proc), java_of(warm_a.proc)
        b_jvm = java_of(warm_b.proc)
        hub_cpu0, a_cpu0, b_cpu0 = cpu_seconds(hub_jvm), cpu_seconds(a_jvm), cpu_seconds(b_jvm)
        threads0 = {pid: thread_cpu(pid) for pid in (hub_jvm, a_jvm, b_jvm)}
        t0 = time.time()
        move_tree_in(stage, wa)
        warm_a.wait(r"uploaded-files=%d\b" % files, 0, timeout=3600)
        warm_up_s = time.time() - t0
        hub_cpu, a_cpu = cpu_seconds(hub_jvm) - hub_cpu0, cpu_seconds(a_jvm) - a_cpu0
        warm_b.wait(r"downloaded-files=%d\b" % files, 0, timeout=3600)
        warm_all_s = time.time() - t0
        # over the whole warm sync (until B holds all): which threads spent it (JIT and GC apart from the work)
        all_cpu = {name: cpu_seconds(pid) - c0 for name, pid, c0 in (("hub", hub_jvm, hub_cpu0), ("A", a_jvm, a_cpu0), ("B", b_jvm, b_cpu0))}
        by_thread = {}
        for name, pid in (("hub", hub_jvm), ("A", a_jvm), ("B", b_jvm)):
            busy = sorted(((t - threads0[pid].get(n, 0.0), n) for n, t in thread_cpu(pid).items()), reverse=True)
            by_thread[name] = ", ".join("%s %.2f" % (n, c) for c, n in busy[:6] if c > 0.005)
        # everything warm: a second tree of new files into the same folder, the hub and both agents having synced one
        stage2 = os.path.join(work, "stage2")
        make_tree(os.path.join(stage2, "second"), files, 6)
        subprocess.run(["sync"], check=True)
        cpu2 = {name: cpu_seconds(pid) for name, pid in (("hub", hub_jvm), ("A", a_jvm), ("B", b_jvm))}
        t0 = time.time()
        move_tree_in(stage2, wa)
        warm_a.wait(r"uploaded-files=%d\b" % (2 * files), 0, timeout=3600)
        warm2_up_s = time.time() - t0
        up2_cpu = {name: cpu_seconds(pid) - cpu2[name] for name, pid in (("hub", hub_jvm), ("A", a_jvm))}
        warm_b.wait(r"downloaded-files=%d\b" % (2 * files), 0, timeout=3600)
        warm2_all_s = time.time() - t0
        all2_cpu = {name: cpu_seconds(pid) - cpu2[name] for name, pid in (("hub", hub_jvm), ("A", a_jvm), ("B", b_jvm))}
        # cold: the agent's start (JVM, OSGi, login) inside the measured time, as the first rounds measured it
        t0 = time.time()
        agent_a = hub.agent(a, "tree")
        agent_a.wait(r"uploaded-files=%d\b" % files, 0, timeout=3600)
        up_s = time.time() - t0
        t0 = time.time()
        agent_b = hub.agent(b, "tree")
        agent_b.wait(r"downloaded-files=%d\b" % files, 0, timeout=3600)
        down_s = time.time() - t0
        st_s = syncthing_initial(work, files)
        print("initial: %d files of 4 KiB" % files)
        print("  rsync through its daemon:          %6.2f s" % rsync_s)
        print("  agents started and idle; A's files arrive (renamed in):")
        print("    A -> hub (upload):               %6.2f s   ratio %.2f   target <= 1.5 %s"
              % (warm_up_s, warm_up_s / rsync_s, "met" if warm_up_s <= 1.5 * rsync_s else "MISSED"))
        print("    A -> hub -> B (all on B):        %6.2f s   ratio %.2f" % (warm_all_s, warm_all_s / rsync_s))
        print("    CPU while A uploads: hub (its commits, and B's downloads as they start) %.2f s, agent A %.2f s" % (hub_cpu, a_cpu))
        print("    CPU until all on B: hub %.2f s, agent A %.2f s, agent B %.2f s" % (all_cpu["hub"], all_cpu["A"], all_cpu["B"]))
        for name in ("hub", "A", "B"):
            print("      %-3s by thread (s): %s" % (name, by_thread[name]))
        print("  a second tree of %d new files into the same folder, hub and agents warm (the JIT done):" % files)
        print("    A -> hub (upload):               %6.2f s   ratio %.2f" % (warm2_up_s, warm2_up_s / rsync_s))
        print("    A -> hub -> B (all on B):        %6.2f s   ratio %.2f" % (warm2_all_s, warm2_all_s / rsync_s))
        print("    CPU while A uploads: hub %.2f s, agent A %.2f s; until all on B: hub %.2f s, agent A %.2f s, agent B %.2f s"
              % (up2_cpu["hub"], up2_cpu["A"], all2_cpu["hub"], all2_cpu["A"], all2_cpu["B"]))
        print("  agent start included:")
        print("    sync-agent A -> hub (upload):    %6.2f s   ratio %.2f" % (up_s, up_s / rsync_s))
        print("    hub -> sync-agent B (download):  %6.2f s   ratio %.2f" % (down_s, down_s / rsync_s))
        print("  syncthing, two instances on loopback, connected and idle (watcher delay 1 s); the files arrive in A's folder:")
        print("    A -> B (all on B):               %6.2f s   ratio %.2f" % (st_s, st_s / rsync_s))
        if profile:
            print("  flight recordings (hub, agents): %s" % work)
    finally:
        rsyncd.close()
        hub.close()


def sha256_of(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        while True:
            block = f.read(8 * MIB)
            if not block:
                return h.hexdigest()
            h.update(block)


def bench_large(work, gib, profile=False):
    """One file of GIB GiB: over ~10 GiB its chunk list is more than a commit may carry (16 MiB frame) and goes ahead.
    Prints the CPU seconds of A, the hub and B from the file's arrival to B holding it; --profile records all three."""
    hub = Hub(work, profile)
    rsyncd = RsyncDaemon(work, {"large": os.path.join(work, "rsync-large")})
    try:
        hub.cli("folder", "create", "large")
        wa, wb, stage = os.path.join(work, "la"), os.path.join(work, "lb"), os.path.join(work, "stage-large")
        for d in (wa, wb, stage):
            os.makedirs(d)
        size = gib * 1024 * MIB
        write_random(os.path.join(stage, "disk.img"), size, 12)
        subprocess.run(["sync"], check=True)
        t0 = time.time()
        subprocess.run(["rsync", "-a", os.path.join(stage, "disk.img"), "rsync://127.0.0.1:%d/large/" % rsyncd.port], check=True)
        rsync_s = time.time() - t0
        a, b = hub.agent(wa, "large", profile=profile), hub.agent(wb, "large", profile=profile)
        a.wait(r"\bready\b", 0, timeout=600)
        b.wait(r"\bready\b", 0, timeout=600)
        start_a = a.count()
        pids = {"A": java_of(hub.agents[0]), "hub": java_of(hub.proc), "B": java_of(hub.agents[1])}
        cpu0 = {k: cpu_seconds(pid) for k, pid in pids.items()}
        t0 = time.time()
        os.rename(os.path.join(stage, "disk.img"), os.path.join(wa, "disk.img"))
        a.wait(r"uploaded-files=1\b|too large to sync", start_a, timeout=7200)
        up_s = time.time() - t0
        if any("too large to sync" in l for l in a.lines):
            raise SystemExit("the agent left the file out: " + [l for l in a.lines if "too large" in l][0])
        b.wait(r"downloaded-files=1\b", 0, timeout=7200)
        all_s = time.time() - t0
        cpu = {k: cpu_seconds(pid) - cpu0[k] for k, pid in pids.items()}
        same = sha256_of(os.path.join(wa, "disk.img")) == sha256_of(os.path.join(wb, "disk.img"))
        lists = [os.path.join(d, n) for d, dirs, _ in os.walk(os.path.join(work, "hub")) for n in dirs if n == "chunk-lists"]
        left = sum(len(os.listdir(d)) for d in lists) if lists else "no chunk-lists directory"
        print("large: one file of %d GiB (random bytes), hub with the default 16 MiB frame" % gib)
        print("  rsync through its daemon:          %7.1f s" % rsync_s)
        print("  A -> hub (upload):                 %7.1f s   ratio %.2f" % (up_s, up_s / rsync_s))
        print("  A -> hub -> B (all on B):          %7.1f s   ratio %.2f" % (all_s, all_s / rsync_s))
        print("  CPU seconds until B held it:       A %.1f   hub %.1f   B %.1f" % (cpu["A"], cpu["hub"], cpu["B"]))
        print("  B's copy has A's SHA-256: %s; chunk lists left on the hub after the commit: %s" % (same, left))
        print("  A: " + " | ".join(l for l in a.lines if "list" in l or "upload disk.img" in l)[:400])
        if not same:
            raise SystemExit("B's copy differs from A's")
    finally:
        rsyncd.close()
        hub.close()


def java_of(proc):
    """The agent's JVM: the launch script runs it as its child."""
    for _ in range(100):
        try:
            with open("/proc/%d/task/%d/children" % (proc.pid, proc.pid)) as f:
                kids = f.read().split()
            if kids:
                return int(kids[0])
        except FileNotFoundError:
            pass
        time.sleep(0.1)
    return proc.pid


def cpu_seconds(pid):
    with open("/proc/%d/stat" % pid) as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def rss_mib(pid):
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def thread_cpu(pid):
    """CPU seconds per thread name of a process (a JVM's GC and compiler threads, the engine's, MINA's), from /proc."""
    out = {}
    for tid in os.listdir("/proc/%d/task" % pid):
        try:
            with open("/proc/%d/task/%s/stat" % (pid, tid)) as f:
                stat = f.read()
        except FileNotFoundError:
            continue  # ended meanwhile
        name = re.sub(r"[#\d]+$", "", stat[stat.index("(") + 1:stat.rindex(")")]).strip()
        fields = stat.rsplit(")", 1)[1].split()
        out[name] = out.get(name, 0.0) + (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return out


def bench_idle(work, files, seconds, profile=False):
    """N files watched and synced, nothing changing: the agent's CPU seconds and RSS over the window, from /proc;
    with --profile a flight recording of the window only (agent-idle.jfr in the work directory)."""
    hub = Hub(work)
    try:
        hub.cli("folder", "create", "idle")
        local = os.path.join(work, "idle")
        rnd = random.Random(5)
        for i in range(files):
            d = os.path.join(local, "d%03d" % (i // 1000), "e%02d" % (i // 100 % 10))
            os.makedirs(d, exist_ok=True)
            with open(os.path.join(d, "f%06d.txt" % i), "wb") as f:
                f.write(rnd.randbytes(256))
        t0 = time.time()
        agent = hub.agent(local, "idle")
        agent.wait(r"uploaded-files=%d\b" % files, 0, timeout=4 * 3600)
        synced_s = time.time() - t0
        pid = java_of(agent.proc)
        # the end of the sync itself settles first: the hub's pushes of the agent's own last commits (each a pass
        # reading pages of them: the agent may wait on the hub meanwhile, so both must be quiet), the JIT, the
        # agent's one collection after its work; idle is from the first 5 s the agent spends under 0.05 s of CPU
        # and the hub under 0.25 s
        hub_pid = java_of(hub.proc)
        t_settle = time.time()
        while time.time() - t_settle < 900:
            before, hub_before = cpu_seconds(pid), cpu_seconds(hub_pid)
            time.sleep(5)
            if cpu_seconds(pid) - before < 0.05 and cpu_seconds(hub_pid) - hub_before < 0.25:
                break
        time.sleep(15)  # and the agent's one full collection, 10 s after its last pass, which hands the heap back
        settled_s = time.time() - t_settle
        jcmd = os.path.join(os.path.dirname(os.readlink("/proc/%d/exe" % pid)), "jcmd")
        if profile:
            subprocess.run([jcmd, str(pid), "JFR.start", "name=idle", "settings=profile"], stdout=subprocess.DEVNULL, check=True)
        cpu0, rss, threads0 = cpu_seconds(pid), [rss_mib(pid)], thread_cpu(pid)
        t0 = time.time()
        while time.time() - t0 < seconds:
            time.sleep(1)
            rss.append(rss_mib(pid))
        cpu = cpu_seconds(pid) - cpu0
        threads = thread_cpu(pid)
        if profile:
            subprocess.run([jcmd, str(pid), "JFR.stop", "name=idle", "filename=" + os.path.join(work, "agent-idle.jfr")],
                           stdout=subprocess.DEVNULL, check=True)
        print("idle: %d files watched, nothing changing, %d s (first sync took %.0f s, quiet %.0f s after it)" % (files, seconds, synced_s, settled_s))
        print("  agent CPU: %.2f s in %d s (%.1f %% of one core)   target: near zero" % (cpu, seconds, 100 * cpu / seconds))
        print("  agent RSS: %.0f MiB at the end, %.0f MiB at most   target <= 256 MiB %s"
              % (rss[-1], max(rss), "met" if max(rss) <= 256 else "MISSED"))
        busy = sorted(((t - threads0.get(n, 0.0), n) for n, t in threads.items()), reverse=True)
        print("  by thread: " + ", ".join("%s %.2f s" % (n, c) for c, n in busy[:6] if c > 0))
    finally:
        hub.close()


def latencies(write_dir, read_dir, changes, name="note.txt", timeout=60):
    out = []
    rnd = random.Random(5)
    for i in range(changes):
        content = rnd.randbytes(4096)
        tmp = os.path.join(write_dir, ".%s.part" % name)
        with open(tmp, "wb") as f:
            f.write(content)
        t0 = time.time()
        os.replace(tmp, os.path.join(write_dir, name))  # an editor's save: the whole new content at once
        target = os.path.join(read_dir, name)
        while True:
            try:
                with open(target, "rb") as f:
                    if f.read() == content:
                        break
            except OSError:
                pass
            if time.time() - t0 > timeout:
                raise SystemExit("change %d did not arrive within %d s" % (i, timeout))
            time.sleep(0.002)
        out.append((time.time() - t0) * 1000)
        time.sleep(0.05)
    return out


def summary(label, ms):
    ms = sorted(ms)
    p = lambda q: ms[min(len(ms) - 1, int(q * len(ms)))]
    print("  %-40s n=%3d  p50 %7.0f ms  p95 %7.0f ms  max %7.0f ms" % (label, len(ms), p(0.5), p(0.95), ms[-1]))
    return p(0.5), p(0.95)


class Syncthing:
    def __init__(self, work, name):
        self.home = os.path.join(work, "st-" + name)
        self.dir = os.path.join(work, "st-" + name + "-data")
        os.makedirs(self.dir)
        self.env = dict(os.environ, STNOUPGRADE="1", STNODEFAULTFOLDER="1", HOME=self.home)
        subprocess.run(["syncthing", "generate", "--home", self.home, "--no-default-folder"], check=True, env=self.env,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.id = subprocess.run(["syncthing", "--home", self.home, "--device-id"], check=True, env=self.env,
                                 stdout=subprocess.PIPE, text=True).stdout.strip()
        self.listen, self.gui = free_port(), free_port()
        self.proc = None

    def configure(self, peer, delay):
        path = os.path.join(self.home, "config.xml")
        tree = ET.parse(path)
        root = tree.getroot()
        for f in root.findall("folder"):
            root.remove(f)
        opts = root.find("options")
        for tag, value in [("globalAnnounceEnabled", "false"), ("localAnnounceEnabled", "false"), ("relaysEnabled", "false"),
                           ("natEnabled", "false"), ("urAccepted", "-1"), ("crashReportingEnabled", "false"), ("startBrowser", "false")]:
            e = opts.find(tag)
            if e is None:
                e = ET.SubElement(opts, tag)
            e.text = value
        for e in opts.findall("listenAddress"):
            opts.remove(e)
        ET.SubElement(opts, "listenAddress").text = "tcp://127.0.0.1:%d" % self.listen
        dev = ET.SubElement(root, "device", id=peer.id, name="peer", compression="metadata", introducer="false")
        ET.SubElement(dev, "address").text = "tcp://127.0.0.1:%d" % peer.listen
        folder = ET.SubElement(root, "folder", id="bench", label="bench", path=self.dir, type="sendreceive",
                               rescanIntervalS="3600", fsWatcherEnabled="true", fsWatcherDelayS=str(delay))
        ET.SubElement(folder, "device", id=self.id)
        ET.SubElement(folder, "device", id=peer.id)
        tree.write(path)

    def start(self):
        self.proc = subprocess.Popen(["syncthing", "serve", "--home", self.home, "--no-browser", "--no-restart",
                                      "--gui-address", "127.0.0.1:%d" % self.gui], env=self.env,
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def close(self):
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(30)


def await_files(directory, files, who):
    """Waits until `directory` holds `files` files of 4 KiB (a folder's first sync before its latencies are measured)."""
    deadline = time.time() + 3600
    while count_files(directory, 4096) < files:
        if time.time() > deadline:
            raise SystemExit("%s: %s did not receive its %d files within an hour" % (who, directory, files))
        time.sleep(0.2)


def syncthing_latencies(work, delay, changes, folder_files=0):
    a, b = Syncthing(work, "a%d" % delay), Syncthing(work, "b%d" % delay)
    a.configure(b, delay)
    b.configure(a, delay)
    make_tree(a.dir, folder_files, 7)
    a.start()
    b.start()
    try:
        await_files(b.dir, folder_files, "syncthing")
        # connected and the folder shared once a first file crosses
        latencies(a.dir, b.dir, 1, "warmup.txt", timeout=120)
        return latencies(a.dir, b.dir, changes)
    finally:
        a.close()
        b.close()


def syncthing_initial(work, files):
    """Seconds until B holds every file of a tree of `files` 4 KiB files moved into A's folder (Syncthing A <-> B)."""
    stage = os.path.join(work, "st-stage")
    make_tree(stage, files, 5)
    a, b = Syncthing(work, "ia"), Syncthing(work, "ib")
    a.configure(b, 1)
    b.configure(a, 1)
    a.start()
    b.start()
    try:
        latencies(a.dir, b.dir, 1, "warmup.txt", timeout=120)  # connected, the folder shared
        subprocess.run(["sync"], check=True)
        t0 = time.time()
        move_tree_in(stage, a.dir)
        deadline = t0 + 3600
        while count_files(b.dir, 4096) < files:
            if time.time() > deadline:
                raise SystemExit("syncthing: B did not receive the tree within an hour")
            time.sleep(0.05)
        took = time.time() - t0
        for d in sorted(os.listdir(a.dir)):
            if d.startswith("d"):
                for f in os.listdir(os.path.join(a.dir, d)):
                    with open(os.path.join(a.dir, d, f), "rb") as x, open(os.path.join(b.dir, d, f), "rb") as y:
                        if x.read() != y.read():
                            raise SystemExit("syncthing: %s/%s differs on B" % (d, f))
        return took
    finally:
        a.close()
        b.close()


def count_files(root, size):
    """Files of `size` bytes in root's subfolders (the tree; not the warm-up file), Syncthing's temp files not counted."""
    n = 0
    for d, _, names in os.walk(root):
        if d == root:
            continue
        for name in names:
            if not name.startswith(".syncthing.") and not name.startswith("~syncthing~"):
                try:
                    if os.stat(os.path.join(d, name)).st_size == size:
                        n += 1
                except FileNotFoundError:
                    pass
    return n


def bench_propagation(work, changes, st_default_changes, folder_files=0):
    hub = Hub(work)
    try:
        hub.cli("folder", "create", "prop")
        a, b = os.path.join(work, "pa"), os.path.join(work, "pb")
        os.makedirs(a)
        os.makedirs(b)
        make_tree(a, folder_files, 7)  # --folder-files: the change lands in a folder that already holds these
        la, lb = hub.agent(a, "prop"), hub.agent(b, "prop")
        la.wait(r"^.*ready ")
        lb.wait(r"^.*ready ")
        await_files(b, folder_files, "syncline")
        latencies(a, b, 1, "warmup.txt", timeout=120)
        ours = latencies(a, b, changes)
    finally:
        hub.close()
    st_min = syncthing_latencies(work, 1, changes, folder_files)
    st_default = syncthing_latencies(work, 10, st_default_changes, folder_files) if st_default_changes else None
    print("propagation: a 4 KiB file saved on A, identical on B (loopback), in a folder of %d other files" % folder_files)
    p50, p95 = summary("syncline (two sync-agents, one hub)", ours)
    summary("syncthing, watcher delay 1 s (minimum)", st_min)
    if st_default:
        summary("syncthing, watcher delay 10 s (default)", st_default)
    print("  target p50 <= 300 ms, p95 <= 1000 ms: %s" % ("met" if p50 <= 300 and p95 <= 1000 else "MISSED"))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("what", nargs="?", default="all", choices=["delta", "initial", "propagation", "idle", "large", "all"])
    ap.add_argument("--files", type=int, default=10000)
    ap.add_argument("--changes", type=int, default=200)
    ap.add_argument("--large-gib", type=int, default=12, help="large: the file's size in GiB (over ~10 its list goes ahead)")
    ap.add_argument("--idle-files", type=int, default=100000)
    ap.add_argument("--idle-seconds", type=int, default=60)
    ap.add_argument("--syncthing-default-changes", type=int, default=20, help="0 leaves out Syncthing's default watcher delay")
    ap.add_argument("--folder-files", type=int, default=0, help="propagation: files of 4 KiB the folder holds (synced first)")
    ap.add_argument("--profile", action="store_true", help="flight recordings of the hub and the warm agents, kept in the work directory")
    ap.add_argument("--product", help="the server product to measure (default: this checkout's build), e.g. a copy of main's for a before/after pair")
    args = ap.parse_args()
    global PRODUCT
    if args.product:
        PRODUCT = os.path.abspath(args.product)
    if not os.access(os.path.join(PRODUCT, "syncline"), os.X_OK):
        raise SystemExit("no server product at %s: run ./syncline build" % PRODUCT)
    for tool in ("rsync", "syncthing"):
        if not shutil.which(tool):
            raise SystemExit("%s is needed: apt-get install %s" % (tool, tool))
    print("cores: %d   load: %s   %s" % (os.cpu_count(), " ".join(open("/proc/loadavg").read().split()[:3]), time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())))
    for what in (["delta", "initial", "propagation"] if args.what == "all" else [args.what]):
        work = tempfile.mkdtemp(prefix="sync-bench-")
        if what == "delta":
            bench_delta(work)
        elif what == "initial":
            bench_initial(work, args.files, args.profile)
        elif what == "large":
            bench_large(work, args.large_gib, args.profile)
        elif what == "idle":
            bench_idle(work, args.idle_files, args.idle_seconds, args.profile)
        else:
            bench_propagation(work, args.changes, args.syncthing_default_changes, args.folder_files)
        if not args.profile:
            shutil.rmtree(work, ignore_errors=True)  # kept when a run fails, with agent-N.log and the hub's logs


if __name__ == "__main__":
    main()
