#!/usr/bin/env bash
# Installs the peer tool for `npm run bench:cdc`: Python data-diff 0.11.1 (joindiff) in .venv-bench.
# data-diff imports dbt at start-up and its newest dbt dependency downloads binaries from outside PyPI, so
# pin a pure-PyPI dbt-core 1.7 and pydantic 1 (data-diff's own pin) and install data-diff without its deps.
set -euo pipefail
cd "$(dirname "$0")/../.."
python3 -m venv .venv-bench
.venv-bench/bin/pip install --quiet --no-deps data-diff==0.11.1
.venv-bench/bin/pip install --quiet "dbt-core==1.7.19" "pydantic<2" dsnparse click rich toml typing-extensions attrs \
  keyring tabulate urllib3 psycopg2-binary requests packaging pyyaml
.venv-bench/bin/data-diff --version
