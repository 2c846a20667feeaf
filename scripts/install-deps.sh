#!/usr/bin/env bash
# Installs the Debian packages Imprint builds against, when they are missing.
# As root: apt-get installs them. Otherwise: prints the exact apt-get line and fails.
set -euo pipefail

packages=(libpcre2-dev libjpeg-dev libgif-dev zlib1g-dev pkgconf)
missing=()
for package in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$package")
    fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
    echo "installing: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq "${missing[@]}" >/dev/null
else
    echo "missing Debian packages; run:" >&2
    echo "  sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
    exit 1
fi
