#!/usr/bin/env bash
# install-deps.sh - installs the Debian packages pagel10n builds and tests
# with, when any is missing.  As root it runs apt-get itself; otherwise it
# prints the command to run and fails.  Used by `make demo` and .ci/run.
set -eu

packages=(gcc make pkg-config libexpat1-dev libicu-dev libgettextpo-dev
          gettext itstool expat libxml2-utils jq)
# Extra packages asked for by the caller (e.g. clang for fuzzing).
packages+=("$@")

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all packages present"
  exit 0
fi

echo "install-deps: missing: ${missing[*]}"
if [ "$(id -u)" -ne 0 ]; then
  echo "install-deps: run as root:  apt-get update && apt-get install -y ${missing[*]}" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}"
