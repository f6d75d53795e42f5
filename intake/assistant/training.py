"""Train the Rasa model only when its inputs changed.

Training takes minutes, so the model file is named after a fingerprint of everything that
decides its content: ``config.yml``, ``domain.yml`` (or a ``domain/`` directory), every
file under ``data/`` and the Rasa version pinned in ``requirements/rasa.txt``. The model
for the current inputs is ``models/pakn-<first 16 hex digits>.tar.gz``; if that file
exists the model is fresh, otherwise it is stale and :func:`ensure_model` trains it with
``.venv-rasa/bin/rasa train`` and removes the older ``pakn-*.tar.gz`` files.

Library code: errors are raised as :class:`TrainingError`, progress goes to logging.
"""

from __future__ import annotations

import collections
import fcntl
import hashlib
import logging
import re
import subprocess
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from intake.assistant.processes import rasa_env, rasa_executable

log = logging.getLogger(__name__)
rasa_log = logging.getLogger("intake.assistant.rasa_train")

MODEL_PREFIX = "pakn-"
MODEL_SUFFIX = ".tar.gz"
FINGERPRINT_CHARS = 16
#: Lines of ``rasa train`` output kept for the error message when training fails.
ERROR_TAIL_LINES = 60

#: Seconds between two progress-bar lines passed on from ``rasa train``.
PROGRESS_EVERY = 15.0

_PROGRESS = re.compile(r"\d+%\||\d+it \[|it/s[,\]]|s/it[,\]]")
_RASA_PIN = re.compile(r"^\s*rasa\s*==\s*([^\s;#]+)", re.IGNORECASE | re.MULTILINE)


class TrainingError(RuntimeError):
    """Training the Rasa model failed; ``output_tail`` holds the end of Rasa's output."""

    def __init__(self, message: str, output_tail: str = "") -> None:
        super().__init__(f"{message}\n{output_tail}" if output_tail else message)
        self.output_tail = output_tail


def rasa_version(root: Path) -> str:
    """The Rasa version pinned in ``requirements/rasa.txt`` (``"unknown"`` without one)."""
    lock = root / "requirements" / "rasa.txt"
    if lock.is_file():
        match = _RASA_PIN.search(lock.read_text(encoding="utf-8"))
        if match:
            return match.group(1)
    return "unknown"


#: files under ``rasa_addons/`` that the server runs but training never reads
SERVING_ONLY = frozenset({"rasa_addons/channels.py", "rasa_addons/serve.py",
                          "rasa_addons/lock_store.py", "rasa_addons/speedups.py"})


def _training_files(root: Path) -> Iterator[Path]:
    """The files that decide the model, in a stable order.

    ``rasa_addons/`` holds the custom NLU components named in ``config.yml``; its
    ``SERVING_ONLY`` modules (the signed input channel, the launcher) are used by the
    running server only and never change the model. Hidden files and directories (editor
    swap files, ``.DS_Store``) and ``__pycache__`` are ignored.
    """
    singles = [root / "config.yml", root / "domain.yml"]
    trees = [root / "domain", root / "data", root / "rasa_addons"]
    found: list[Path] = [p for p in singles if p.is_file()]
    for tree in trees:
        if tree.is_dir():
            for path in tree.rglob("*"):
                relative = path.relative_to(root)
                ignored = any(part.startswith(".") or part == "__pycache__"
                              for part in relative.parts)
                ignored = ignored or relative.as_posix() in SERVING_ONLY
                if path.is_file() and not ignored:
                    found.append(path)
    yield from sorted(found, key=lambda p: p.relative_to(root).as_posix())


def fingerprint(root: Path) -> str:
    """sha256 (hex) of the training inputs under ``root`` and the pinned Rasa version.

    Each file contributes its path relative to ``root``, its size and its bytes, so a
    rename or a move between files changes the fingerprint too. A missing
    ``config.yml``/``domain.yml`` is recorded as missing rather than raising: training
    will then fail with Rasa's own explanation.
    """
    digest = hashlib.sha256()
    digest.update(f"rasa=={rasa_version(root)}\0".encode())
    for name in ("config.yml", "domain.yml"):
        if not (root / name).is_file():
            digest.update(f"missing:{name}\0".encode())
    for path in _training_files(root):
        data = path.read_bytes()
        digest.update(f"{path.relative_to(root).as_posix()}\0{len(data)}\0".encode())
        digest.update(data)
    return digest.hexdigest()


def model_name(root: Path) -> str:
    """The model's file stem for the current inputs: ``pakn-<16 hex digits>``."""
    return f"{MODEL_PREFIX}{fingerprint(root)[:FINGERPRINT_CHARS]}"


def model_path(root: Path) -> Path:
    """Where the model for the current inputs is (or will be): ``models/pakn-….tar.gz``."""
    return root / "models" / f"{model_name(root)}{MODEL_SUFFIX}"


def is_stale(root: Path) -> bool:
    """True when no model exists for the current training inputs."""
    return not model_path(root).is_file()


def _remove_older_models(models_dir: Path, keep: Path) -> None:
    for old in models_dir.glob(f"{MODEL_PREFIX}*{MODEL_SUFFIX}"):
        if old != keep:
            log.info("removing outdated model %s", old.name)
            old.unlink(missing_ok=True)


def _run_rasa_train(
    root: Path, name: str, on_line: Callable[[str], None]
) -> None:
    rasa = rasa_executable(root)
    if not rasa.is_file():
        raise TrainingError(f"{rasa} not found: create the Rasa environment with `make setup`")
    command = [str(rasa), "train", "--fixed-model-name", name, "--out", "models"]
    log.info("training the Rasa model %s: %s", name, " ".join(command))
    tail: collections.deque[str] = collections.deque(maxlen=ERROR_TAIL_LINES)
    started = time.monotonic()
    with subprocess.Popen(
        command,
        cwd=root,
        env=rasa_env(),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        encoding="utf-8",
        errors="replace",
        bufsize=1,
    ) as process:
        assert process.stdout is not None  # for mypy: stdout=PIPE
        last_progress = 0.0
        for raw in process.stdout:
            line = raw.rstrip("\n")
            if _PROGRESS.search(line):
                # tqdm redraws its bar many times a second (each \r becomes a line
                # here): pass one every PROGRESS_EVERY seconds, keep none in the tail.
                now = time.monotonic()
                if now - last_progress >= PROGRESS_EVERY:
                    last_progress = now
                    on_line(line.strip())
                continue
            if line.strip():
                tail.append(line)
                on_line(line)
        code = process.wait()
    elapsed = time.monotonic() - started
    if code != 0:
        raise TrainingError(
            f"`rasa train` failed with exit code {code} after {elapsed:.0f} s", "\n".join(tail)
        )
    log.info("trained %s in %.0f s", name, elapsed)


@dataclass(frozen=True)
class ModelResult:
    """What :func:`train_if_stale` did: the model's path and whether it was trained."""

    path: Path
    trained: bool
    #: Seconds spent in ``rasa train`` (0 when the model was up to date).
    train_seconds: float = 0.0
    #: Seconds spent waiting for another process's training of the same project.
    waited_seconds: float = 0.0


def ensure_model(
    root: Path, force: bool = False, on_line: Callable[[str], None] | None = None
) -> Path:
    """Return the model for the current inputs, training it first if it is stale.

    See :func:`train_if_stale`, which also says whether it trained.
    """
    return train_if_stale(root, force=force, on_line=on_line).path


def train_if_stale(
    root: Path, force: bool = False, on_line: Callable[[str], None] | None = None
) -> ModelResult:
    """Make sure the model for the current inputs exists, training it if it is stale.

    ``force`` retrains even when a model exists. Rasa's output is passed line by line
    to ``on_line`` (default: logged at INFO on ``intake.assistant.rasa_train``). A lock
    file (``models/.train.lock``) makes concurrent callers wait for one training instead
    of training twice. Older ``pakn-*.tar.gz`` models are removed after a successful
    training. Raises :class:`TrainingError` (with the end of Rasa's output) on failure.
    """
    root = root.resolve()
    sink = on_line if on_line is not None else rasa_log.info
    models_dir = root / "models"
    models_dir.mkdir(parents=True, exist_ok=True)
    with open(models_dir / ".train.lock", "w", encoding="utf-8") as lock:
        waited = _lock(lock)
        # Decide under the lock: another process may just have trained this model.
        target = model_path(root)
        if target.is_file() and not force:
            log.info("model is up to date: %s", target)
            return ModelResult(target, trained=False, waited_seconds=waited)
        before = _snapshot(root)
        started = time.monotonic()
        _run_rasa_train(root, target.name.removesuffix(MODEL_SUFFIX), sink)
        took = time.monotonic() - started
        if not target.is_file():
            raise TrainingError(f"`rasa train` succeeded but {target} was not written")
        target = _settle_model_name(root, target, before)
        _remove_older_models(models_dir, keep=target)
        return ModelResult(target, trained=True, train_seconds=took, waited_seconds=waited)


def _lock(lock: IO[str]) -> float:
    """Take the training lock; return the seconds spent waiting for it."""
    try:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return 0.0
    except BlockingIOError:
        log.info("another process is training this project's model; waiting for it")
    started = time.monotonic()
    fcntl.flock(lock, fcntl.LOCK_EX)
    return time.monotonic() - started


def _snapshot(root: Path) -> dict[str, str]:
    """sha256 of each training input, to see what changed during a training."""
    return {
        path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in _training_files(root)
    }


def _settle_model_name(root: Path, trained: Path, before: dict[str, str]) -> Path:
    """The trained model's final path, given what changed while it was trained.

    ``rasa train`` itself rewrites ``config.yml`` when ``pipeline`` or ``policies`` is
    missing (it appends the defaults it used, as comments). The model matches that new
    file, so it is renamed after the new fingerprint; otherwise it would look stale
    forever. Any other change was made by someone else: the model is kept under its name
    and is stale.
    """
    current = model_path(root)
    if current == trained:
        return trained
    after = _snapshot(root)
    changed = {name for name in before.keys() | after.keys() if before.get(name) != after.get(name)}
    if changed == {"config.yml"}:
        log.warning(
            "rasa train rewrote config.yml (set `pipeline` and `policies` explicitly to "
            "avoid this); model renamed to %s",
            current.name,
        )
        trained.replace(current)
        return current
    log.warning(
        "training inputs changed during training (%s); %s is already stale",
        ", ".join(sorted(changed)) or "requirements/rasa.txt",
        trained.name,
    )
    return trained
