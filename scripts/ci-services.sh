#!/usr/bin/env bash
# Programs the tests need that pip cannot install, from Debian's packages (needs root, as CI runs):
# Dovecot, the real IMAP server that tests/imap_server.py starts on 127.0.0.1 with a configuration of its own;
# openssl, which makes that server's self-signed certificate; mandoc, which lints the man page. The tests
# start and stop the server themselves; the package's own system-wide service is kept from starting.
set -euo pipefail

if { command -v dovecot || [ -x /usr/sbin/dovecot ]; } >/dev/null 2>&1 && command -v openssl >/dev/null 2>&1 \
    && command -v mandoc >/dev/null 2>&1; then
    exit 0
fi
export DEBIAN_FRONTEND=noninteractive
if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d
    chmod 755 /usr/sbin/policy-rc.d
    trap 'rm -f /usr/sbin/policy-rc.d' EXIT
fi
apt-get update -qq
apt-get install -y -q --no-install-recommends dovecot-imapd openssl mandoc >/dev/null
