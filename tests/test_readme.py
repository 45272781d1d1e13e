"""The README's tour and every docs example run as typed.

The tour runs in a copy of the repository (the files a fresh clone would
have) after `make run`, with only `/usr/bin:/bin` on PATH, so that
`source .venv/bin/activate` is what puts `glossary` there. The ```console
blocks of each docs page run the same way, page by page, in a fresh copy of
that `out/` beside seeds/ and tests/data/, with the commands on PATH. Every
output line shown must be what the command prints (stdout and stderr as a
terminal shows them); a line `…` stands for any number of lines, and `…`
inside a line for the rest of the text up to what follows it. Python blocks
run in order in one namespace; a `>>>` block is a doctest.
"""

from __future__ import annotations

import doctest
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from conftest import DATA, ROOT, SEEDS, SHARED

PYTHON_BLOCK = re.compile(r"^```python\n(.*?)^```", re.DOTALL | re.MULTILINE)
CONSOLE_BLOCK = re.compile(r"^```console\n(.*?)^```", re.DOTALL | re.MULTILINE)
README = ROOT / "README.md"
DOCS = [
    page
    for page in sorted((ROOT / "docs").glob("*.md"))
    if PYTHON_BLOCK.search(page.read_text(encoding="utf-8"))
]
# Interactive: run by the TUI's own Pilot tests, not here.
INTERACTIVE = ("glossary review",)
MADE_BY_MAKE_RUN = ".made-by-make-run"


def _fresh_clone_files() -> list[str]:
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()
    return [name for name in listed if (ROOT / name).is_file()]


@pytest.fixture(scope="module")
def clone(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the repository's files after `make run` (the venv is shared)."""
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    here = tmp_path_factory.mktemp("clone")
    for name in _fresh_clone_files():
        (here / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, here / name)
    (here / ".venv").symlink_to(Path(sys.prefix), target_is_directory=True)
    # -o: the venv is installed already; never reinstall it from a test. Its
    # editable install runs this tree's modules (compiled here or not), so
    # the copy's own would be compiled for nothing.
    make = ["make", "-o", ".venv/.installed", "-o", ".venv/bin/python"]
    make += ["-o", "native", "run"]
    done = subprocess.run(make, cwd=here, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    # What make run made, before the tour adds its own files to out/.
    made = sorted(p.name for p in (here / "out").iterdir())
    (here / MADE_BY_MAKE_RUN).write_text("\n".join(made), encoding="utf-8")
    return here


def tour_commands(readme: str) -> list[tuple[str, str]]:
    """The tour's `$ command` lines, each with the output shown under it."""
    section = readme.split("## A five-minute tour", 1)[1]
    block = CONSOLE_BLOCK.search(section)
    assert block, "the tour has no ```console block"
    return console_steps(block.group(1))


def console_steps(block: str) -> list[tuple[str, str]]:
    """A console block's `$ command` lines, each with the output shown under it."""
    steps: list[tuple[str, list[str]]] = []
    for line in block.splitlines():
        if steps and steps[-1][0].endswith("\\") and not steps[-1][1]:
            steps[-1] = (f"{steps[-1][0]}\n{line}", [])
        elif line.startswith("$ "):
            steps.append((line[2:], []))
        else:
            assert steps, f"output before any command: {line!r}"
            steps[-1][1].append(line)
    return [(command, "\n".join(shown)) for command, shown in steps]


def shown_matches(shown: str, printed: str) -> bool:
    """Whether `printed` is what `shown` shows, `…` standing for elided text."""
    lines = [line.rstrip() for line in printed.rstrip("\n").splitlines()]
    parts = [re.escape(part) for part in shown.rstrip("\n").split("…")]
    return re.fullmatch(".*".join(parts), "\n".join(lines), re.DOTALL) is not None


def run_as_typed(
    commands: list[str], cwd: Path, path: str = "/usr/bin:/bin"
) -> list[tuple[int, str]]:
    """Run the commands in one bash, as a user types them; (status, output) each."""
    marker = "@@tour-step@@"
    # The marker keeps $? for the next command (a tour may `echo $?`).
    step_end = f's=$?; echo "{marker} $s"; (exit $s)\n'
    script = "".join(f"{c}\n{step_end}" for c in commands)
    env = {"PATH": path, "HOME": str(cwd), "LANG": "C.UTF-8", "COLUMNS": "80"}
    done = subprocess.run(
        ["bash", "--noprofile", "--norc", "-c", script],
        cwd=cwd,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        check=False,
    )
    chunks = re.split(rf"{marker} (\d+)\n", done.stdout)
    outputs, statuses = chunks[0:-1:2], [int(s) for s in chunks[1::2]]
    assert len(statuses) == len(commands), done.stdout
    return list(zip(statuses, outputs, strict=True))


def test_tour_parses() -> None:
    commands = [c for c, _ in tour_commands(README.read_text(encoding="utf-8"))]
    assert commands[0] == "source .venv/bin/activate"
    assert any(c.startswith("glossary stats") for c in commands)
    assert any(c.startswith("tm ") for c in commands)


def test_shown_matches_elisions() -> None:
    assert shown_matches("a\n…\nd", "a\nb\nc\nd\n")
    assert shown_matches("a long …", "a long line")
    assert not shown_matches("a\nd", "a\nb\nd")
    assert not shown_matches("concepts: 103", "concepts: 83")


@pytest.mark.slow
def test_readme_tour_runs_as_typed(clone: Path) -> None:
    steps = tour_commands((clone / "README.md").read_text(encoding="utf-8"))
    steps = [(c, shown) for c, shown in steps if not c.startswith(INTERACTIVE)]
    results = run_as_typed([c for c, _ in steps], clone)
    for (command, shown), (status, printed) in zip(steps, results, strict=True):
        assert status == 0, f"$ {command}\nexit {status}\n{printed}"
        assert shown_matches(shown, printed), (
            f"README.md tour: `{command}` now prints\n{printed}\n"
            f"but the README shows\n{shown}\n(update the README)"
        )


@pytest.mark.slow
def test_make_run_leaves_what_the_readme_says(clone: Path) -> None:
    readme = (clone / "README.md").read_text(encoding="utf-8")
    said = readme.split("`make run` leaves its results in `out/`:", 1)[1]
    named = re.findall(r"`([\w.-]+\.\w+)`", said.split("\n\n", 1)[0])
    assert "glossary.db" in named
    made = (clone / MADE_BY_MAKE_RUN).read_text(encoding="utf-8").split()
    assert sorted(set(named)) == [n for n in made if not n.endswith(("-wal", "-shm"))]


@pytest.mark.slow
def test_readme_python_blocks_run(clone: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(clone)
    _run_blocks(README, {"__name__": "__readme__"})


CONSOLE_PAGES = [
    page
    for page in sorted((ROOT / "docs").glob("*.md"))
    if CONSOLE_BLOCK.search(page.read_text(encoding="utf-8"))
]


@pytest.mark.slow
@pytest.mark.parametrize("page", CONSOLE_PAGES, ids=lambda p: p.name)
def test_docs_console_blocks_show_real_output(
    page: Path, clone: Path, tmp_path: Path
) -> None:
    here = tmp_path / "repo"
    here.mkdir()
    (tmp_path / "shared").symlink_to(SHARED, target_is_directory=True)
    (here / "seeds").symlink_to(SEEDS, target_is_directory=True)
    (here / "tests").mkdir()
    (here / "tests" / "data").symlink_to(DATA, target_is_directory=True)
    (here / "out").mkdir()
    for name in (clone / MADE_BY_MAKE_RUN).read_text(encoding="utf-8").split():
        shutil.copy2(clone / "out" / name, here / "out" / name)
    text = page.read_text(encoding="utf-8")
    steps = [s for b in CONSOLE_BLOCK.findall(text) for s in console_steps(b)]
    bin_dir = str(Path(sys.executable).parent)
    results = run_as_typed([c for c, _ in steps], here, f"{bin_dir}:/usr/bin:/bin")
    wrong = [
        f"$ {command}\nnow prints\n{printed}\nbut the page shows\n{shown}\n"
        for (command, shown), (_, printed) in zip(steps, results, strict=True)
        if not shown_matches(shown, printed)
    ]
    assert not wrong, f"docs/{page.name} (update the page):\n" + "\n".join(wrong)


@pytest.fixture
def docs_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty working directory holding seeds/ and tests/data/, as in a clone."""
    (tmp_path / "seeds").symlink_to(SEEDS, target_is_directory=True)
    (tmp_path / "tests").mkdir()
    (tmp_path / "tests" / "data").symlink_to(DATA, target_is_directory=True)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setitem(os.environ, "GLOSSARY_DB", str(tmp_path / "glossary.db"))
    return tmp_path


@pytest.mark.slow
@pytest.mark.parametrize("page", DOCS, ids=lambda p: p.name)
def test_docs_python_blocks_run(page: Path, docs_dir: Path) -> None:
    _run_blocks(page, {"__name__": f"__{page.stem}__"})


def _run_blocks(page: Path, namespace: dict[str, object]) -> None:
    """Run every ```python block of a page, in order, in one namespace."""
    for i, code in enumerate(PYTHON_BLOCK.findall(page.read_text("utf-8")), 1):
        name = f"{page.name}:block{i}"
        if code.lstrip().startswith(">>>"):
            _run_doctest(code, namespace, name)
            continue
        try:
            exec(compile(code, name, "exec"), namespace)
        except Exception as e:
            raise AssertionError(f"{name} failed:\n{code}") from e


def _run_doctest(code: str, namespace: dict[str, object], name: str) -> None:
    """Run a `>>>` block as a doctest: its shown output must be what prints."""
    test = doctest.DocTestParser().get_doctest(code, namespace, name, name, 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    result = runner.run(test, clear_globs=False)
    namespace.update(test.globs)  # DocTest copies its globals: keep its names
    assert result.failed == 0, f"{name}: {result.failed} doctest example(s) failed"


def _server_tools() -> str | None:
    """The folder holding initdb and pg_ctl, or None."""
    found = shutil.which("initdb")
    if found:
        return str(Path(found).parent)
    versions = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"))
    return str(versions[-1].parent) if versions else None


@pytest.mark.pg
def test_readme_team_section_runs_as_typed(clone: Path) -> None:
    """The team section's server starts, takes the tour's term base, stops.

    As root (CI), the server's own commands run as the postgres user: the
    server refuses to run as root.
    """
    tools = _server_tools()
    if tools is None:
        pytest.skip("no PostgreSQL (initdb, pg_ctl): see `make test-pg`")
    section = (clone / "README.md").read_text(encoding="utf-8")
    section = section.split("## For a team", 1)[1].split("\n## ", 1)[0]
    block = CONSOLE_BLOCK.search(section)
    assert block, "the team section has no ```console block"
    steps = console_steps(block.group(1))
    server = ("initdb", "pg_ctl")
    as_owner = "runuser -u postgres -- " if os.geteuid() == 0 else ""
    # A short path of its own: a socket's path is short, and the server's
    # user must reach it (pytest's folders are private to root).
    here = Path(tempfile.mkdtemp(prefix="glteam-"))
    (here / "out").mkdir()
    shutil.copy2(clone / "out" / "glossary.db", here / "out" / "glossary.db")
    if as_owner:
        os.chmod(here, 0o777)  # the server's folder, socket and log go here
    commands = [f"{as_owner}{c}" if c.startswith(server) else c for c, _ in steps]
    path = f"{clone / '.venv' / 'bin'}:{tools}:/usr/sbin:/usr/bin:/bin"
    try:
        results = run_as_typed(commands, here, path)
    finally:
        stop = [f"{tools}/pg_ctl", "-D", "team", "-m", "immediate", "stop"]
        subprocess.run(
            [*as_owner.split(), *stop], cwd=here, capture_output=True, check=False
        )
        shutil.rmtree(here, ignore_errors=True)
    for (command, shown), (status, printed) in zip(steps, results, strict=True):
        assert status == 0, f"`{command}` failed:\n{printed}"
        assert shown_matches(shown, printed), (
            f"README.md team section: `{command}` now prints\n{printed}\n"
            f"but the README shows\n{shown}\n(update the README)"
        )
