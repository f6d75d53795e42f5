"""Start-up time and memory of each process of `make run` (the embedded defaults).

Starts the supervisor on free ports with a temporary SQLite database, waits until the
web chat's health check passes, sends a few chat turns through the console, then reports
for each supervised process its resident memory (RSS, children included) and the median
turn latency through the web chat. Prints a table; exits non-zero if the system does not
come up.

    .venv/bin/python bench/run_footprint.py
"""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx
import psutil

ROOT = Path(__file__).resolve().parents[1]
PAKN = str(Path(sys.executable).with_name("pakn"))
TURNS = ["xin chào", "tôi muốn gửi phản ánh", "hủy", "tra cứu PA-ZZZZZZZZ", "cảm ơn"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_healthy(url: str, process: subprocess.Popen[bytes], timeout: float = 240) -> float:
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        if process.poll() is not None:
            raise SystemExit("pakn run exited during start-up")
        try:
            if httpx.get(url + "/healthz", timeout=2).status_code == 200:
                return time.monotonic() - start
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    raise SystemExit(f"not healthy after {timeout} s")


def rss_by_process(supervisor_pid: int, ports: dict[str, int]) -> dict[str, float]:
    """MiB of RSS per supervised process, found by the port it listens on."""
    owners: dict[int, str] = {}
    for conn in psutil.net_connections(kind="tcp"):
        if conn.status == psutil.CONN_LISTEN and conn.pid:
            for name, port in ports.items():
                if conn.laddr.port == port:
                    owners[conn.pid] = name
    result: dict[str, float] = {}
    for pid, name in owners.items():
        proc = psutil.Process(pid)
        tree = [proc, *proc.children(recursive=True)]
        result[name] = sum(p.memory_info().rss for p in tree) / 2**20
    result["supervisor"] = psutil.Process(supervisor_pid).memory_info().rss / 2**20
    return result


def chat_turns(console: str) -> list[float]:
    timings = []
    with httpx.Client(timeout=30) as client:
        page = client.get(console + "/chat")
        token = json.loads(re.search(r'application/json">(.*?)</script>', page.text)
                           .group(1))["csrf"]  # type: ignore[union-attr]
        for text in TURNS * 4:
            start = time.perf_counter()
            client.post(console + "/chat/api/messages", json={"text": text},
                        headers={"X-CSRF-Token": token}).raise_for_status()
            timings.append((time.perf_counter() - start) * 1000)
    return timings


def main() -> None:
    work = Path(tempfile.mkdtemp(prefix="pakn-bench-"))
    ports = {"rasa": free_port(), "actions": free_port(), "console": free_port()}
    env = {**os.environ, "PAKN_DATABASE_URL": f"sqlite:///{work / 'pakn.db'}",
           "PAKN_VAR_DIR": str(work), "PAKN_RASA_PORT": str(ports["rasa"]),
           "PAKN_ACTIONS_PORT": str(ports["actions"]), "PAKN_CONSOLE_PORT": str(ports["console"])}
    for args in (["db", "upgrade"], ["org", "load"]):
        subprocess.run([PAKN, *args], env=env, cwd=ROOT, check=True, capture_output=True)
    with (work / "run.log").open("wb") as log:
        process = subprocess.Popen([sys.executable, "-m", "intake.runner"], env=env, cwd=ROOT,
                                   stdout=log,
                                   stderr=subprocess.STDOUT, start_new_session=True)
    try:
        ready = wait_healthy(f"http://127.0.0.1:{ports['console']}", process)
        timings = chat_turns(f"http://127.0.0.1:{ports['console']}")
        memory = rss_by_process(process.pid, ports)
    finally:
        os.killpg(process.pid, signal.SIGINT)
        process.wait(timeout=60)
    print(f"start-up until the web chat is healthy: {ready:.1f} s")
    print(f"web chat turn (console → Rasa → actions), {len(timings)} turns: "
          f"median {statistics.median(timings):.0f} ms, max {max(timings):.0f} ms")
    print("resident memory after the turns:")
    for name, mib in sorted(memory.items(), key=lambda kv: -kv[1]):
        print(f"  {name:<10} {mib:8.0f} MiB")


if __name__ == "__main__":
    main()
