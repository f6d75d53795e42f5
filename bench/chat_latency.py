"""Turn latency of the Telegram front end: Bot API double → bot → Rasa → actions.

Starts a fresh SQLite database (migrated, organisation and demo catalog loaded), the
Rasa server and the action server (``tests.harness.rasa_stack``), the Bot API double
(``tests.harness.telegram_api``) and the real ``python -m bot`` process polling it.
Simulated citizens (threads) each send a message, wait for the bot's first answer, think,
and send the next, paced so that all of them together offer ``--rate`` messages/s.
A turn is measured from the moment the update is queued in the double to the first
sendMessage the bot makes to that chat (long polling included). The Rasa turn alone (the
same messages posted straight to Rasa's signed channel, ``/webhooks/pakn/webhook``) is
measured the same way in the same run, for comparison.

    .venv/bin/python bench/chat_latency.py [--rate 20] [--seconds 10] [--levels 1,10,50]

The bot's flood guard is opened wide for the run (a citizen sending 20 messages/s would
otherwise be slowed down, as intended). Figures are printed, nothing is asserted.

``--scale`` (issue 15) measures instead one and two Rasa servers behind the product's
relay (``intake.chat.relay``, conversations spread by sender), with Rasa's Redis lock
store on a private redis-server and the tracker store on a throwaway PostgreSQL (both as
``pakn run`` gives them), one action server:

    .venv/bin/python bench/chat_latency.py --scale [--servers 1,2] [--rates 20,60]
        [--seconds 20] [--rounds 1] [--arrivals poisson|fixed] [--closed-loop]

Both servers run for the whole bench; "1 server" is the relay given the first one only.
The load is OPEN-LOOP: messages are sent on a schedule at the offered rate (Poisson
arrivals by default, ``--arrivals fixed`` for a fixed interval; seeded), each from a
citizen drawn at random from a pool of one citizen per msg/s offered, whether or not the
assistant has answered that citizen's previous message, so a citizen may have several
messages in flight (a Telegram user typing two lines quickly). A turn is measured from
its SCHEDULED send time to the answer, so time spent queueing behind a saturated
assistant (or a late bench) counts (no coordinated omission). After ``--seconds`` no
more messages are scheduled and the bench waits for those in flight (the relay gives up
when it gets no connection of its pool within 60 s or no answer within 60 s of sending:
an error; so a turn may take longer than 60 s and still be answered). Every message
carries its citizen's sequence number (in scheduled order) in its metadata, and after
each level the conversations are read back from the tracker store: a turn answered but
missing there is lost, one there twice is duplicated, and one stored after a
later-scheduled message of the same citizen is reordered (two messages of one citizen in
flight at once could reach Rasa in either order; the relay now sends them one at a time,
in order, so a reordered turn is a broken guarantee). Printed per level: offered and
achieved rate (answers per second from the first scheduled send to the last answer; the
level is labelled by it), p50/p95/max per turn, errors (the citizen got the polite
"unavailable" reply) and lost/duplicated/reordered turns; with ``--rounds`` > 1 the
medians of the rounds too.

``--remote`` measures the deployment's own servers instead, on machines of their own
(what the target assumes; two servers on this 2-core machine share its cores): the
servers of ``PAKN_RASA_URLS`` (``--servers 1,2``: the first one, then the first two),
with the channel secret and the Rasa token the edges use (``pakn.env`` or the
environment). It writes conversations of senders ``web:bench-…`` (questions, a status
query, thanks: no complaint is filed), reads them back with the Rasa token for the
lost/duplicated/reordered count, and reads no CPU. It stops before any load, exit 2 and
the reason, when a server does not answer, refuses the token or the channel secret, or
does not serve Rasa's HTTP API. Every sender of a run (warm-up and probe included) is
new (``web:bench-…`` with a random part).
Run it from a machine with the ``console`` role's settings, against a staging deployment:

    PAKN_RASA_URLS=http://10.0.0.11:5005,http://10.0.0.12:5005 \
        .venv/bin/python bench/chat_latency.py --scale --remote

``--closed-loop`` keeps the earlier load for comparison: each citizen sends one message a
second and waits for the answer first; it never offers more than the assistant achieves
and cannot reorder one citizen's turns, so it understates latency under saturation.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import os
import random
import secrets
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import psutil

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from intake.assistant.training import ensure_model  # noqa: E402
from intake.chat.relay import CHANNEL_PATH, AssistantUnavailable, RasaRelay  # noqa: E402
from tests.bot.conftest import bot_env, start_bot, stop_bot  # noqa: E402
from tests.harness.rasa_stack import RasaStack, start_rasa_stack  # noqa: E402
from tests.harness.telegram_api import TelegramApiDouble  # noqa: E402

MESSAGES = ("xin chào", "lý lịch tư pháp cần giấy tờ gì", "tra cứu PA-ZZZZZZZZ",
            "làm căn cước công dân mất bao lâu", "cảm ơn bạn", "hủy")


def pakn(*args: str, url: str) -> None:
    """Run the ``pakn`` CLI against ``url``."""
    subprocess.run([str(ROOT / ".venv" / "bin" / "pakn"), *args], cwd=ROOT, check=True,
                   env={"PATH": "/usr/bin:/bin", "PAKN_DATABASE_URL": url},
                   capture_output=True)


def percentile(values: list[float], q: float) -> float:
    """The q-th percentile (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q / 100 * len(ordered)) - 1))]


def run_level(citizens: int, rate: float, seconds: float,
              turn: Callable[[int, str], float]) -> tuple[list[float], float]:
    """``citizens`` threads offering ``rate`` msg/s together; latencies (ms), achieved rate."""
    latencies: list[float] = []
    lock = threading.Lock()
    interval = citizens / rate
    stop_at = time.monotonic() + seconds
    base = 10_000_000 + citizens * 1000 + int(time.time()) % 997 * 100_000

    def citizen(n: int) -> None:
        chat = base + n
        time.sleep(interval * n / citizens)  # spread the starts
        for i in itertools.count():
            if time.monotonic() >= stop_at:
                return
            started = time.monotonic()
            ms = turn(chat, MESSAGES[(n + i) % len(MESSAGES)])
            with lock:
                latencies.append(ms)
            time.sleep(max(0.0, interval - (time.monotonic() - started)))

    threads = [threading.Thread(target=citizen, args=(n,)) for n in range(citizens)]
    began = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return latencies, len(latencies) / (time.monotonic() - began)


def bot_turn(api: TelegramApiDouble, split: list[float] | None = None
             ) -> Callable[[int, str], float]:
    """One turn through the bot: push an update, wait for the first answer.

    ``split`` collects, per turn, the ms from the push to the bot's sendChatAction for
    that chat (delivery by getUpdates + dispatch in the bot, before Rasa is asked).
    """

    def turn(chat: int, text: str) -> float:
        before = len(api.sent_to(chat))
        pushed = time.monotonic()
        api.push_text(chat, text)
        first = api.wait_messages(chat, 1, timeout=60, after=before)[0]
        time.sleep(0.02)  # let the rest of a multi-message answer go out
        if split is not None:
            with api.cond:
                typing = [t for m, p, t in api.state.calls if m == "sendChatAction"
                          and t >= pushed and int(p.get("chat_id") or 0) == chat]
            if typing:
                split.append((typing[0] - pushed) * 1000)
        return (first.at - pushed) * 1000

    return turn


def rasa_turn(stack: RasaStack) -> Callable[[int, str], float]:
    """One turn straight to Rasa's signed channel (one HTTP client per thread)."""
    local = threading.local()

    def turn(chat: int, text: str) -> float:
        client = getattr(local, "client", None)
        if client is None:
            client = local.client = httpx.Client(timeout=60, trust_env=False)
        started = time.monotonic()
        body = json.dumps({"sender": f"rest:{chat}", "message": text,
                           "nonce": secrets.token_hex(12)}).encode()
        response = client.post(f"{stack.rasa_url}{CHANNEL_PATH}", content=body,
                               headers=stack.signed_headers(body))
        response.raise_for_status()
        return (time.monotonic() - started) * 1000

    return turn


def report(label: str, citizens: int, latencies: list[float], achieved: float) -> None:
    """One line of figures."""
    print(f"{label:<18} {citizens:>4} chats  n={len(latencies):>4}  "
          f"{achieved:5.1f} msg/s  p50={statistics.median(latencies):6.1f} ms  "
          f"p95={percentile(latencies, 95):6.1f} ms  max={max(latencies):6.1f} ms", flush=True)


@dataclass
class ScaleResult:
    """One level of the scale bench."""

    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    sent: dict[str, list[int]] = field(default_factory=dict)  # answered seqs per sender
    achieved: float = 0.0
    offered: float = 0.0


def schedule(rate: float, seconds: float, arrivals: str, rng: random.Random) -> list[float]:
    """Send times (s from the start) of an open-loop load of ``rate`` msg/s for
    ``seconds``: Poisson arrivals (exponential gaps) or a fixed interval."""
    times: list[float] = []
    moment = 0.0
    while True:
        moment += rng.expovariate(rate) if arrivals == "poisson" else 1.0 / rate
        if moment >= seconds:
            return times
        times.append(moment)


async def open_level(relay: RasaRelay, rate: float, seconds: float, tag: str,
                     arrivals: str = "poisson", seed: int = 1) -> ScaleResult:
    """Open loop: messages on a schedule at ``rate`` msg/s, each from a random citizen
    of a pool of ``rate`` citizens; latency from the scheduled send time."""
    result = ScaleResult()
    rng = random.Random(seed)
    citizens = [f"web:bench-{tag}-{n}" for n in range(max(1, round(rate)))]
    next_seq = dict.fromkeys(citizens, 0)
    for sender in citizens:
        result.sent[sender] = []

    async def turn(due: float, sender: str, seq: int) -> None:
        try:
            await relay.send(sender, MESSAGES[seq % len(MESSAGES)], {"bench": {"seq": seq}})
        except AssistantUnavailable:
            result.errors += 1
        else:
            result.sent[sender].append(seq)
        result.latencies.append((time.monotonic() - due) * 1000)

    began = time.monotonic()
    tasks = []
    for offset in schedule(rate, seconds, arrivals, rng):
        sender = rng.choice(citizens)
        seq, next_seq[sender] = next_seq[sender], next_seq[sender] + 1
        due = began + offset
        await asyncio.sleep(max(0.0, due - time.monotonic()))
        tasks.append(asyncio.create_task(turn(due, sender, seq)))
    result.offered = len(tasks) / seconds
    await asyncio.gather(*tasks)
    answered = sum(len(seqs) for seqs in result.sent.values())
    result.achieved = answered / (time.monotonic() - began)
    return result


async def scale_level(relay: RasaRelay, rate: float, seconds: float, tag: str
                      ) -> ScaleResult:
    """Closed loop: ``rate`` citizens, each sending one message a second through
    ``relay`` after the answer to the previous one."""
    result = ScaleResult()
    citizens = max(1, round(rate))
    stop_at = time.monotonic() + seconds

    async def citizen(n: int) -> None:
        sender = f"web:bench-{tag}-{n}"
        result.sent[sender] = []
        await asyncio.sleep(n / rate)  # spread the starts
        for seq in itertools.count():
            if time.monotonic() >= stop_at:
                return
            started = time.monotonic()
            try:
                await relay.send(sender, MESSAGES[(n + seq) % len(MESSAGES)],
                                 {"bench": {"seq": seq}})
            except AssistantUnavailable:
                result.errors += 1
            else:
                result.sent[sender].append(seq)
            result.latencies.append((time.monotonic() - started) * 1000)
            await asyncio.sleep(max(0.0, 1.0 - (time.monotonic() - started)))

    began = time.monotonic()
    await asyncio.gather(*(citizen(n) for n in range(citizens)))
    result.achieved = len(result.latencies) / (time.monotonic() - began)
    result.offered = result.achieved
    return result


def check_order(tracker: Callable[[str], dict[str, Any]], sent: dict[str, list[int]]
                ) -> tuple[int, int, int]:
    """Lost, duplicated and reordered turns, from the conversations in the tracker store."""
    lost = duplicated = reordered = 0
    for sender, answered in sent.items():
        events = tracker(sender)["events"]
        seqs = [int(((e.get("metadata") or {}).get("bench") or {}).get("seq", -1))
                for e in events if e.get("event") == "user"]
        lost += len(set(answered) - set(seqs))
        duplicated += len(seqs) - len(set(seqs))
        reordered += sum(1 for a, b in itertools.pairwise(seqs) if b < a)
    return lost, duplicated, reordered


class CpuMeter:
    """CPU seconds (user + system) spent by each part of the stack, its child processes
    included (PostgreSQL's backends), between two readings.

    Divided by the turns answered in between, it is the CPU one turn costs each part; the
    sum bounds what this machine can answer at all (cores / CPU per turn), whatever the
    number of Rasa servers, since they all share the same cores here.
    """

    def __init__(self, parts: dict[str, list[int]]) -> None:
        self.parts = parts

    def read(self) -> dict[str, float]:
        """CPU seconds so far, per part; this process alone (it started the others)."""
        own = os.getpid()
        return {name: sum(_cpu_of_tree(pid, children=pid != own) for pid in pids)
                for name, pids in self.parts.items()}


def _cpu_of_tree(pid: int, children: bool = True) -> float:
    try:
        root = psutil.Process(pid)
        tree = [root, *(root.children(recursive=True) if children else [])]
    except psutil.Error:
        return 0.0
    total = 0.0
    for process in tree:
        try:
            times = process.cpu_times()
        except psutil.Error:
            continue
        total += times.user + times.system
    return total


def stack_parts(stack: RasaStack, postgres_dir: Path, redis_pid: int | None
                ) -> dict[str, list[int]]:
    """The pids of each part of the scale bench: Rasa servers, the action server,
    PostgreSQL (the postmaster, whose children are the backends), Redis, and this
    process (the relay and the load generator)."""
    rasa = [spec.popen.pid for name, spec in stack.processes.items()
            if name.startswith("rasa") and spec.popen is not None]
    actions = [spec.popen.pid for name, spec in stack.processes.items()
               if name == "actions" and spec.popen is not None]
    postmaster = int((postgres_dir / "postmaster.pid").read_text().splitlines()[0])
    return {"rasa": rasa, "actions": actions, "postgres": [postmaster],
            "redis": [redis_pid] if redis_pid else [], "relay+bench": [os.getpid()]}


def cpu_line(before: dict[str, float], after: dict[str, float], turns: int) -> str:
    """CPU ms per answered turn, per part and in all, and the ceiling it sets."""
    if turns == 0:
        return "cpu: no turn answered"
    per = {name: (after[name] - before[name]) * 1000 / turns for name in after}
    total = sum(per.values())
    cores = os.cpu_count() or 1
    parts = "  ".join(f"{name} {ms:.1f}" for name, ms in per.items())
    return (f"cpu per turn: {total:.1f} ms ({parts}); {cores} cores answer at most "
            f"{cores * 1000 / total:.0f} msg/s at this cost")


def scale_main(args: argparse.Namespace) -> int:
    """Two Rasa servers, Redis lock store, PostgreSQL tracker store; each level."""
    if args.remote:
        return remote_main(args)
    from intake.assistant.conversations import tracker_store
    from intake.assistant.locks import lock_store
    from intake.config import load_settings
    from tests.harness.postgres import postgres_server
    from tests.harness.redis import redis_server

    servers = [int(x) for x in args.servers.split(",")]
    work = Path(tempfile.mkdtemp(prefix="pakn-chat-scale-"))
    model = ensure_model(ROOT)
    with postgres_server() as pg, redis_server() as redis:
        url = pg.create_database("pakn")
        pakn("db", "upgrade", url=url)
        pakn("org", "load", url=url)
        pakn("catalog", "import", str(ROOT / "intake/catalog/data/demo_catalog.json"),
             url=url)
        settings = load_settings({"PAKN_DATABASE_URL": url, "PAKN_VAR_DIR": str(work)})
        store, store_env = tracker_store(settings)
        lock, lock_env = lock_store(redis.target)
        with start_rasa_stack(ROOT, url, model, tracker_store=store, lock_store=lock,
                              extra_env={**store_env, **lock_env},
                              rasa_servers=max(servers), workdir=work) as stack:
            print(f"model {model.name}; {max(servers)} Rasa servers up, one action server, "
                  f"tracker store PostgreSQL, lock store Redis; work dir {work}", flush=True)
            meter = CpuMeter(stack_parts(stack, pg.data_dir,
                                         redis.process.pid if redis.process else None))
            measure_levels(args, stack.rasa_urls, stack.channel_secret, stack.tracker, meter)
    return 0


@dataclass
class RemoteServers:
    """Rasa servers this bench did not start (``--remote``): the deployment's own, on
    their own machines, named as the edges name them (``PAKN_RASA_URLS``, the channel
    secret and the Rasa token of ``pakn.env`` or the environment)."""

    rasa_urls: list[str]
    channel_secret: str
    rasa_token: str
    probe: str = field(default_factory=lambda: f"web:bench-probe-{uuid.uuid4().hex[:8]}")

    def tracker(self, sender: str) -> dict[str, Any]:
        """The conversation of ``sender``, from the first server (they share one store)."""
        response = httpx.get(f"{self.rasa_urls[0]}/conversations/{sender}/tracker",
                             params={"token": self.rasa_token}, timeout=60.0)
        response.raise_for_status()
        tracker: dict[str, Any] = response.json()
        return tracker

    def refusal(self, count: int) -> str | None:
        """Why the first ``count`` servers cannot be measured (down, or the token or the
        channel secret refused), before any load; ``None`` when all of them answer."""
        for url in self.rasa_urls[:count]:
            try:
                response = httpx.get(f"{url}/conversations/{self.probe}/tracker",
                                     params={"token": self.rasa_token}, timeout=10.0)
            except httpx.HTTPError as down:
                return f"{url} does not answer ({type(down).__name__})"
            if response.status_code in (401, 403):
                return f"{url} refused PAKN_RASA_TOKEN (HTTP {response.status_code})"
            if response.status_code != 200:
                return (f"{url} answered a tracker read with HTTP {response.status_code} "
                        "(is it a Rasa server started with its HTTP API, as `pakn run` "
                        "starts it?)")
            try:
                asyncio.run(_send_once(url, self.channel_secret, self.probe, MESSAGES[0]))
            except AssistantUnavailable as refused:
                return (f"{url} did not answer a message signed with PAKN_CHANNEL_SECRET "
                        f"({refused})")
        return None


def remote_main(args: argparse.Namespace) -> int:
    """The levels against servers started elsewhere: what the target needs (two servers
    on machines of their own), where this machine cannot hold them."""
    from intake.config import SettingsError, load_settings
    from intake.secret_store import SecretConfigError

    try:
        settings = load_settings()
        secret, token = (settings.resolved("PAKN_CHANNEL_SECRET"),
                         settings.resolved("PAKN_RASA_TOKEN"))
    except (SettingsError, SecretConfigError) as wrong:
        print(f"chat_latency: {wrong}", file=sys.stderr)
        return 2
    urls = list(settings.assistant_urls)
    needed = max(int(x) for x in args.servers.split(","))
    if len(urls) < needed:
        print(f"chat_latency: --servers asks for {needed} servers, PAKN_RASA_URLS names "
              f"{len(urls)}", file=sys.stderr)
        return 2
    remote = RemoteServers(urls, secret, token)
    refused = remote.refusal(needed)
    if refused:
        print(f"chat_latency: {refused}", file=sys.stderr)
        return 2
    print(f"remote servers {', '.join(urls[:needed])} (PAKN_RASA_URLS); CPU not read "
          "(their processes are on other machines)", flush=True)
    measure_levels(args, remote.rasa_urls, remote.channel_secret, remote.tracker, None)
    return 0


def measure_levels(args: argparse.Namespace, urls: list[str], channel_secret: str,
                   tracker: Callable[[str], dict[str, Any]], meter: CpuMeter | None
                   ) -> None:
    """Warm every server, then each round × servers × rate level: latency, errors, turns
    lost/duplicated/reordered (from ``tracker``), CPU per turn when ``meter`` reads it."""
    servers = [int(x) for x in args.servers.split(",")]
    rates = [float(x) for x in args.rates.split(",")]
    run = uuid.uuid4().hex[:6]
    for n, text in enumerate(MESSAGES * 2):  # caches of every server and actions
        for url in urls[:max(servers)]:
            asyncio.run(_send_once(url, channel_secret, f"web:bench-warm-{run}-{n}-{url[-5:]}",
                                   text))
    loop = "closed loop" if args.closed_loop else f"open loop, {args.arrivals} arrivals"
    print(f"{loop}; latency from the scheduled send time; {args.seconds:g} s per "
          "level", flush=True)
    rows: dict[tuple[int, float], list[tuple[float, float, float, float]]] = {}
    for round_no in range(args.rounds):
        for count in servers:
            for rate in rates:
                relay = RasaRelay(urls[:count], channel_secret, timeout=60.0)
                tag = f"{round_no}-{count}-{rate:g}-{uuid.uuid4().hex[:6]}"
                cpu_before = meter.read() if meter is not None else {}
                res = asyncio.run(_run_and_close(relay, rate, args, tag,
                                                 seed=args.seed + round_no))
                cpu_after = meter.read() if meter is not None else {}
                lost, dup, reord = check_order(tracker, res.sent)
                p50 = statistics.median(res.latencies)
                p95 = percentile(res.latencies, 95)
                rows.setdefault((count, rate), []).append(
                    (res.achieved, p50, p95, res.offered))
                print(f"{count} server{'s' if count > 1 else ' '} at "
                      f"{res.achieved:5.1f} msg/s achieved ({res.offered:5.1f} "
                      f"offered)  n={len(res.latencies):>5}  p50={p50:8.1f} ms  "
                      f"p95={p95:8.1f} ms  max={max(res.latencies):8.1f} ms  "
                      f"errors={res.errors}  lost={lost} duplicated={dup} "
                      f"reordered={reord}  load {_load()}", flush=True)
                if meter is not None:
                    answered = sum(len(seqs) for seqs in res.sent.values())
                    print("    " + cpu_line(cpu_before, cpu_after, answered), flush=True)
    if args.rounds > 1:
        for (count, rate), values in rows.items():
            print(f"median of {args.rounds} rounds: {count} server(s), {rate:g} "
                  f"msg/s offered: achieved "
                  f"{statistics.median(v[0] for v in values):5.1f} msg/s  "
                  f"p50={statistics.median(v[1] for v in values):8.1f} ms  "
                  f"p95={statistics.median(v[2] for v in values):8.1f} ms",
                  flush=True)


async def _send_once(url: str, channel_secret: str, sender: str, text: str) -> None:
    """One signed message to the server at ``url`` alone (warming it up, or checking
    that it takes the channel secret); its relay is closed afterwards."""
    relay = RasaRelay([url], channel_secret, timeout=30.0)
    try:
        await relay.send(sender, text)
    finally:
        await relay.aclose()


async def _run_and_close(relay: RasaRelay, rate: float, args: argparse.Namespace,
                         tag: str, seed: int) -> ScaleResult:
    try:
        if args.closed_loop:
            return await scale_level(relay, rate, args.seconds, tag)
        return await open_level(relay, rate, args.seconds, tag, args.arrivals, seed)
    finally:
        await relay.aclose()


def _load() -> str:
    with open("/proc/loadavg") as loadavg:
        return " ".join(loadavg.read().split()[:3])


def main() -> int:
    """Start everything, measure each level, print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rate", type=float, default=20.0)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--levels", default="1,10,50")
    parser.add_argument("--scale", action="store_true",
                        help="one and two Rasa servers behind the relay (issue 15)")
    parser.add_argument("--servers", default="1,2")
    parser.add_argument("--rates", default="20,60")
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--arrivals", choices=("poisson", "fixed"), default="poisson")
    parser.add_argument("--seed", type=int, default=1, help="of the Poisson schedule")
    parser.add_argument("--closed-loop", action="store_true",
                        help="--scale: each citizen waits for the answer (the old load)")
    parser.add_argument("--remote", action="store_true",
                        help="--scale: the deployment's servers (PAKN_RASA_URLS), not "
                             "servers started here")
    args = parser.parse_args()
    if args.scale:
        return scale_main(args)
    levels = [int(x) for x in args.levels.split(",")]
    work = Path(tempfile.mkdtemp(prefix="pakn-chat-bench-"))
    url = f"sqlite:///{work / 'pakn.db'}"
    pakn("db", "upgrade", url=url)
    pakn("org", "load", url=url)
    pakn("catalog", "import", str(ROOT / "intake/catalog/data/demo_catalog.json"), url=url)
    model = ensure_model(ROOT)
    print(f"model {model.name}; work dir {work}; offered rate {args.rate:g} msg/s, "
          f"{args.seconds:g} s per level", flush=True)
    with start_rasa_stack(ROOT, url, model, workdir=work) as stack, \
            TelegramApiDouble(f"{uuid.uuid4().int % 10**9}:BENCH") as api:
        env = bot_env(api, stack.rasa_url, url, work, **stack.edge_env,
                      PAKN_TELEGRAM_BURST="100000",
                      PAKN_TELEGRAM_REFILL_PER_SECOND="100000")
        bot = start_bot(env, work / "bot.log", api)
        try:
            for warm in MESSAGES:  # load caches (catalog index, places) before measuring
                bot_turn(api)(1, warm)
                rasa_turn(stack)(1, warm)
            for citizens in levels:
                report("rasa REST alone", citizens,
                       *run_level(citizens, args.rate, args.seconds, rasa_turn(stack)))
                split: list[float] = []
                report("telegram → bot", citizens,
                       *run_level(citizens, args.rate, args.seconds, bot_turn(api, split)))
                if split:
                    print(f"{'  of which push → typing':<24} p50={statistics.median(split):6.1f} ms"
                          f"  p95={percentile(split, 95):6.1f} ms  (getUpdates + dispatch)",
                          flush=True)
        finally:
            stop_bot(bot)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
