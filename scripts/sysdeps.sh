#!/usr/bin/env bash
# System packages the notebooks and browser tests need (npm run sysdeps).
# Present → exit 0. Missing and root on Debian/Ubuntu → apt-get install them.
# Otherwise → print what is missing and how to install it, exit 1.
# Chromium comes from the distribution: nothing here (or in playwright-core) downloads a browser.
set -euo pipefail

PACKAGES=(jupyter-nbconvert jupyter-client python3-ipykernel jupyter-notebook chromium fonts-noto-cjk)

installed() {
  [ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null || true)" = "install ok installed" ]
}

if ! command -v dpkg-query >/dev/null 2>&1; then
  echo "sysdeps: not a Debian-based system (no dpkg-query)." >&2
  echo "Install the equivalents of: ${PACKAGES[*]}" >&2
  echo "(Jupyter with nbconvert, jupyter_client, ipykernel and the classic Notebook; Chromium; Noto CJK fonts.)" >&2
  exit 1
fi

missing=()
for p in "${PACKAGES[@]}"; do
  installed "$p" || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "sysdeps: all present (${PACKAGES[*]})."
  exit 0
fi

if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "sysdeps: installing ${missing[*]}"
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
  still=()
  for p in "${missing[@]}"; do
    installed "$p" || still+=("$p")
  done
  if [ ${#still[@]} -gt 0 ]; then
    echo "sysdeps: still missing after apt-get: ${still[*]}" >&2
    exit 1
  fi
  echo "sysdeps: installed ${missing[*]}."
  exit 0
fi

echo "sysdeps: missing Debian packages: ${missing[*]}" >&2
echo "Install them with:" >&2
echo "  sudo apt-get update && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ${missing[*]}" >&2
exit 1
