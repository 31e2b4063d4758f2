"""The README's test command does its own set-up, and CI runs exactly that command.

``test.sh`` is run here with a PATH of stand-ins (apt-get, id, python3) that record what they are
asked to do, so the set-up is checked without installing anything.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

from .conftest import ROOT

RECORDER = """#!/bin/sh
echo "$(basename "$0") $*" >> "$LOG"
"""


def readme_test_command() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("To set up and run the tests:", 1)[1]
    return re.search(r"```sh\n(.*?)\n```", section, re.S)[1].strip()


def test_ci_runs_the_readmes_test_command():
    ci = (ROOT / ".ci/run").read_text(encoding="utf-8").splitlines()
    assert readme_test_command() == "./test.sh"
    assert "./test.sh" in ci


def _sandbox(tmp_path: Path, tools: dict[str, str]) -> tuple[Path, dict[str, str]]:
    """A copy of test.sh and a bin/ holding only the given stand-ins and what sh itself needs."""
    shutil.copy(ROOT / "test.sh", tmp_path / "test.sh")
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for name in ("dirname", "basename", "chmod", "mkdir", "cp"):
        (bin_dir / name).symlink_to(shutil.which(name))
    for name, script in tools.items():
        (bin_dir / name).write_text(script, encoding="utf-8")
        (bin_dir / name).chmod(0o755)
    env = {"PATH": str(bin_dir), "LOG": str(tmp_path / "log"), "HOME": str(tmp_path)}
    return bin_dir, env


def _run(tmp_path: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([shutil.which("sh"), str(tmp_path / "test.sh"), *args], env=env,
                          capture_output=True, text=True, timeout=60)


def test_without_a_browser_or_a_way_to_install_one_it_says_what_to_install_and_fails(tmp_path):
    _, env = _sandbox(tmp_path, {"id": "#!/bin/sh\necho 1000\n", "python3": RECORDER})
    done = _run(tmp_path, env)
    assert done.returncode == 1
    assert "Chromium is needed for tests/outputs/test_report_browser.py" in done.stderr
    assert "sudo apt-get install chromium" in done.stderr
    assert not (tmp_path / "log").exists()  # failed before a minute of pip, not after


def test_as_root_it_installs_chromium_with_apt_then_sets_up_and_runs_pytest(tmp_path):
    bin_dir = tmp_path / "bin"
    apt = RECORDER + (f'case "$*" in *install*) printf "#!/bin/sh\\n" > {bin_dir}/chromium; '
                      f'chmod +x {bin_dir}/chromium;; esac\n')
    # python3 -m venv .venv makes a .venv/bin/python that records pip and pytest.
    python = RECORDER + ('[ "$1 $2" = "-m venv" ] && mkdir -p "$3/bin" && '
                         'cp "$0" "$3/bin/python"\nexit 0\n')
    _, env = _sandbox(tmp_path, {"id": "#!/bin/sh\necho 0\n", "apt-get": apt, "env": (
        '#!/bin/sh\nshift\nexec "$@"\n'), "python3": python})
    done = _run(tmp_path, env, "-q", "tests/test_cli.py")
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "log").read_text(encoding="utf-8").splitlines() == [
        "apt-get update -qq",
        "apt-get install -y -qq chromium",
        "python3 -m venv .venv",
        "python -m pip install --quiet --disable-pip-version-check .[test]",
        "python -m pytest -q tests/test_cli.py",
    ]
    assert "installing Chromium" in done.stderr


def test_test_sh_is_executable():
    assert os.access(ROOT / "test.sh", os.X_OK)
