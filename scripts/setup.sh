#!/usr/bin/env bash
# Installs the system libraries the package links against, only when pkg-config cannot find them,
# so `make demo` and `make test` work on a fresh Debian machine (run as root) and cost nothing after.
set -euo pipefail

missing=()
command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config)
pkg-config --exists libzip 2>/dev/null || missing+=(libzip-dev)
pkg-config --exists libxml-2.0 2>/dev/null || missing+=(libxml2-dev)
pkg-config --exists zlib 2>/dev/null || missing+=(zlib1g-dev)
pkg-config --exists sqlite3 2>/dev/null || missing+=(libsqlite3-dev)

# `--render` (make test): LibreOffice, poppler and a Chinese font, for the tests that print workbooks as a user would;
# chromium for the web page's.
if [ "${1:-}" = "--render" ]; then
    command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-calc-nogui)
    command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
    # taizhang serve's browser tests: Debian's chromium and its driver, headless.
    command -v chromium >/dev/null 2>&1 || missing+=(chromium)
    command -v chromedriver >/dev/null 2>&1 || missing+=(chromium-driver)
    if command -v fc-list >/dev/null 2>&1; then
        [ -n "$(fc-list :lang=zh 2>/dev/null)" ] || missing+=(fonts-wqy-microhei)
    else
        missing+=(fonts-wqy-microhei)
    fi
fi

if [ ${#missing[@]} -gt 0 ]; then
    echo "setup: installing ${missing[*]}" >&2
    if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
    export DEBIAN_FRONTEND=noninteractive
    $SUDO apt-get update -qq
    $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

command -v swift >/dev/null 2>&1 || { echo "setup: swift is not on PATH (Swift 6 toolchain needed)" >&2; exit 1; }
