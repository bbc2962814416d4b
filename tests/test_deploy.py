"""docker-compose.yml is valid and wires the app to Neo4j (CI has no Docker engine: only the file is checked,
by `docker compose config` or the docker-compose CLI, which need none)."""
from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent


def compose() -> list[str] | None:
    if shutil.which("docker") and subprocess.run(["docker", "compose", "version"], capture_output=True).returncode == 0:
        return ["docker", "compose"]
    return ["docker-compose"] if shutil.which("docker-compose") else None


def test_compose_file_validates_and_wires_the_app_to_neo4j():
    command = compose()
    if command is None:
        pytest.skip("neither `docker compose` nor docker-compose is installed (make test-deps installs it via apt)")
    env = {**os.environ, "NEO4J_PASSWORD": "secret-for-the-test"}
    result = subprocess.run([*command, "config"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    config = result.stdout
    assert "image: neo4j:5-community" in config and "healthcheck:" in config and "neo4j-data" in config
    assert "ZEREN_BACKEND: neo4j" in config and "NEO4J_URI: bolt://neo4j:7687" in config
    assert "condition: service_healthy" in config
    # the password is required from the environment, never written in the file
    assert "secret-for-the-test" not in (ROOT / "docker-compose.yml").read_text(encoding="utf-8")
    missing = subprocess.run([*command, "config"], cwd=ROOT, env={k: v for k, v in env.items() if k != "NEO4J_PASSWORD"},
                             capture_output=True, text=True, timeout=120)
    assert missing.returncode != 0 and "NEO4J_PASSWORD" in missing.stderr
