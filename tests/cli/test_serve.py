"""`detente serve`: options checked before anything starts; the real command serves the workspace."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from typer.testing import CliRunner

from detente.cli.main import app
from detente.cli.serve import check_host, check_token, is_loopback

runner = CliRunner()


@pytest.mark.parametrize("host", ["127.0.0.1", "127.0.0.2", "::1", "[::1]", "localhost", "LOCALHOST"])
def test_loopback_hosts(host: str) -> None:
    assert is_loopback(host.strip("[]"))


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.10", "::", "analysis-box", "example.org"])
def test_other_hosts_are_not_loopback(host: str) -> None:
    assert not is_loopback(host)


def run(*args: str, env: dict[str, str] | None = None) -> tuple[int, str]:
    result = runner.invoke(app, ["serve", *args], env=env or {})
    return result.exit_code, result.output


def test_a_network_host_needs_a_token() -> None:
    code, out = run("--host", "0.0.0.0")
    assert code == 2 and "refusing to serve on 0.0.0.0 without a token" in out and "--token" in out
    assert len(out.strip().splitlines()) == 1


def test_a_short_token_is_refused() -> None:
    code, out = run("--host", "0.0.0.0", "--token", "secret")
    assert code == 2 and "fewer than 16" in out
    code, out = run("--host", "0.0.0.0", env={"DETENTE_TOKEN": "short"})
    assert code == 2 and "fewer than 16" in out


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["--host", "not a host!"], "not a host name"),
        (["--port", "0"], "--port"),
        (["--port", "70000"], "--port"),
        (["--port", "eighty"], "--port"),
        (["--db", "no-such-store.duckdb"], "no such event store"),
        (["--case", "no-such-case"], "no built-in case"),
        (["--model", "medain"], "did you mean 'median'"),
        (["--draws", "5"], "--draws"),
    ],
)
def test_bad_options_fail_in_one_line(args: list[str], needle: str) -> None:
    code, out = run(*args)
    assert code == 2 and needle in out, out


def test_token_checks() -> None:
    assert check_token(None, "127.0.0.1") is None
    assert check_token("  a-token-that-is-long-enough  ", "0.0.0.0") == "a-token-that-is-long-enough"
    assert check_host("[::1]") == "::1"


def test_help_explains_host_and_token() -> None:
    result = runner.invoke(app, ["serve", "--help"])
    assert result.exit_code == 0
    assert "--token" in result.output and "DETENTE_TOKEN" in result.output and "127.0.0.1" in result.output


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_serve_prints_its_address_and_serves(tmp_path: Path) -> None:
    """The command as a user runs it: a real process, a real socket, the token on every request."""
    pytest.importorskip("uvicorn", reason="the web extra is not installed")
    port = free_port()
    token = "a-token-for-the-serve-test-123456"
    env = {**os.environ, "DETENTE_TOKEN": token}
    proc = subprocess.Popen(
        [sys.executable, "-m", "detente", "serve", "--port", str(port), "--model", "median", "--draws", "200"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env
    )
    try:
        first = proc.stdout.readline()  # type: ignore[union-attr]
        assert first.strip() == f"detente workspace: http://127.0.0.1:{port}/?token={token}"
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/case", timeout=5) as response:
                    pytest.fail(f"served without the token: {response.status}")
            except urllib.error.HTTPError as exc:
                assert exc.code == 401
                break
            except (urllib.error.URLError, ConnectionError):
                assert proc.poll() is None, proc.stderr.read()  # type: ignore[union-attr]
                assert time.monotonic() < deadline, "the server did not come up"
                time.sleep(0.2)
        request = urllib.request.Request(f"http://127.0.0.1:{port}/api/case", headers={"Authorization": f"Bearer {token}"})
        with urllib.request.urlopen(request, timeout=30) as response:
            assert response.status == 200 and b'"us-russia-2025"' in response.read()
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
