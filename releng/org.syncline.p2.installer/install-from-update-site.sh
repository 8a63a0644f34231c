#!/usr/bin/env bash
# Installs Syncline's features from the built update site into copies of a p2 installation (the stand-in
# for a stock Eclipse IDE, see org.syncline.p2.installer.product) with the p2 director, in both forms the
# README gives (an installation installing into itself; -destination into another one; from the site
# folder and from its zip), then checks the result as a user would: one category per feature, the
# bundles installed and registered in bundles.info, p2 listing the features, the installed server and
# CLI running, and a clear refusal of a feature the site does not have.
#
# usage: install-from-update-site.sh INSTALLER_DIR SITE_DIR WORK_DIR
#   INSTALLER_DIR  the materialized p2 installation (never changed: every install goes into a copy)
#   SITE_DIR       the update site, releng/org.syncline.repository/target/repository (its zip is beside it)
#   WORK_DIR       scratch space, emptied first
# Needs JAVA_HOME (a Java >= 21). Prints one line per check and a closing "N passed, N failed" line;
# exits 1 when any check failed. Nothing is skipped: a missing input is a failure.
set -uo pipefail

[ $# -eq 3 ] || { echo "usage: $0 INSTALLER_DIR SITE_DIR WORK_DIR" >&2; exit 2; }
INSTALLER=$1 SITE=$2 WORK=$3
PASSED=0 FAILED=0 STARTED=$SECONDS
SERVER_PID=

pass() { PASSED=$((PASSED + 1)); echo "p2-install: ok   - $1"; }
fail() { # $1 = what failed, $2 = file whose tail explains it (optional)
  FAILED=$((FAILED + 1))
  echo "p2-install: FAIL - $1"
  if [ -n "${2:-}" ] && [ -f "$2" ]; then sed 's/^/p2-install:        | /' "$2" | tail -n 25; fi
}
finish() {
  if [ -n "$SERVER_PID" ]; then kill -KILL "$SERVER_PID" 2>/dev/null; fi
  echo "p2-install: installs from the update site took $((SECONDS - STARTED)) s"
  echo "p2-install: $PASSED passed, $FAILED failed"
  [ "$FAILED" -eq 0 ] || exit 1
  exit 0
}
abort() { fail "$1" "${2:-}"; finish; }

JAVA=${JAVA_HOME:-}/bin/java
[ -x "$JAVA" ] || abort "no Java: set JAVA_HOME to a JDK >= 21 (it is '${JAVA_HOME:-unset}')"
[ -f "$INSTALLER/configuration/config.ini" ] || abort "no p2 installation at $INSTALLER: build releng/org.syncline.p2.installer first"
[ -f "$SITE/content.jar" ] || [ -f "$SITE/content.xml.xz" ] || abort "no update site at $SITE: build releng/org.syncline.repository first (the reactor builds it before this module)"
SITE=$(cd "$SITE" && pwd)
shopt -s nullglob
zips=("$SITE"/../org.syncline.repository-*.zip)
shopt -u nullglob
[ ${#zips[@]} -eq 1 ] || abort "expected one update-site zip beside $SITE, found ${#zips[@]}"
ZIP=$(cd "$(dirname "${zips[0]}")" && pwd)/$(basename "${zips[0]}")

rm -rf "$WORK" && mkdir -p "$WORK" || abort "cannot create $WORK"
export XDG_CONFIG_HOME="$WORK/xdg/config" XDG_CACHE_HOME="$WORK/xdg/cache" XDG_DATA_HOME="$WORK/xdg/share"
unset SYNCLINE_SERVER SYNCLINE_USER SYNCLINE_PASSWORD

# Runs the p2 director of installation $1 with the remaining arguments, output to $WORK/$2.log; the
# director installs into the installation it runs in (its own p2 profile), as in an Eclipse IDE.
director() {
  local install=$1 log="$WORK/$2.log"
  shift 2
  local launcher
  launcher=$(ls "$install"/plugins/org.eclipse.equinox.launcher_*.jar 2>/dev/null | sort -V | tail -n 1)
  [ -n "$launcher" ] || { echo "no launcher jar in $install/plugins" > "$log"; return 99; }
  # Bounded, so a hung director fails the build instead of stalling it (124 = timed out).
  timeout 300 "$JAVA" -jar "$launcher" -nosplash -application org.eclipse.equinox.p2.director "$@" > "$log" 2>&1
}

bundles_info() { echo "$1/configuration/org.eclipse.equinox.simpleconfigurator/bundles.info"; }

# Checks that each bundle $2.. is a jar in $1/plugins and a line of $1's bundles.info.
check_bundles() {
  local install=$1 what=$2 missing=() b
  shift 2
  for b in "$@"; do
    compgen -G "$install/plugins/${b}_*.jar" >/dev/null || { missing+=("$b (no jar in plugins/)"); continue; }
    grep -q "^$b,[^,]*,plugins/${b}_[^,]*\.jar,4,false$" "$(bundles_info "$install")" || missing+=("$b (not in bundles.info)")
  done
  if [ ${#missing[@]} -eq 0 ]; then
    pass "$what: $* in plugins/ and bundles.info"
  else
    printf '%s\n' "${missing[@]}" > "$WORK/missing.txt"
    fail "$what: missing bundles" "$WORK/missing.txt"
  fi
}

# Two copies of the pristine installation: A gets core and server installed by its own director (the way
# an IDE installs into itself), B the workbench installed into it from outside (-destination).
A="$WORK/eclipse-a" B="$WORK/eclipse-b"
cp -a "$INSTALLER" "$A" && cp -a "$INSTALLER" "$B" || abort "cannot copy $INSTALLER to $WORK"

# 1. The site offers one category per feature (what Install New Software... lists).
for cat in core server workbench; do
  feature=org.syncline.$cat.feature.feature.group
  query="Q:everything.select(c | c.properties ~= filter(\"(org.eclipse.equinox.p2.type.category=true)\") && c.requirements.exists(r | everything.exists(f | f.id == \"$feature\" && f ~= r)))"
  director "$A" "category-$cat" -repository "file:$SITE" -list "$query"
  if grep -q "\.org\.syncline\.category\.$cat=" "$WORK/category-$cat.log"; then
    pass "the site's category org.syncline.category.$cat offers $feature"
  else
    fail "the site has no category org.syncline.category.$cat offering $feature" "$WORK/category-$cat.log"
  fi
done

# 2. Core and server features from the site folder into copy A (Local... in the IDE).
director "$A" install-a -repository "file:$SITE" \
  -installIU org.syncline.core.feature.feature.group,org.syncline.server.feature.feature.group
rc=$?
if [ $rc -eq 0 ] && grep -q "^Operation completed" "$WORK/install-a.log"; then
  pass "director installed org.syncline.core.feature and org.syncline.server.feature from file:$SITE"
else
  abort "director exited with $rc installing the core and server features from file:$SITE" "$WORK/install-a.log"
fi
check_bundles "$A" "installation A" org.syncline.core org.syncline.protocol org.syncline.store org.syncline.admin \
  org.syncline.admin.server org.syncline.documents org.syncline.documents.server org.syncline.sync org.syncline.sync.server org.syncline.server.api org.syncline.cli.api org.syncline.server org.syncline.cli \
  org.apache.mina.core slf4j.api slf4j.jdk14 picocli \
  org.syncline.distribution.server com.github.luben.zstd-jni

director "$A" roots-a -listInstalledRoots
if grep -q "^org.syncline.core.feature.feature.group/" "$WORK/roots-a.log" \
    && grep -q "^org.syncline.server.feature.feature.group/" "$WORK/roots-a.log"; then
  pass "p2 lists both features as installed roots of installation A"
else
  fail "p2 does not list the core and server features as installed roots of installation A" "$WORK/roots-a.log"
fi

# 3. The installed server and CLI run from installation A, through the launch script the feature installed.
if [ -x "$A/syncline" ]; then
  pass "the server feature installed its launch script $A/syncline"
  echo "install-test-admin-1" > "$WORK/admin.pw"
  "$A/syncline" server --data "$WORK/data" --port 0 --bind 127.0.0.1 --admin-password-file "$WORK/admin.pw" \
    > "$WORK/server.log" 2>&1 &
  SERVER_PID=$!
  port=
  for _ in $(seq 1 600); do
    port=$(sed -n 's/.*listening on 127\.0\.0\.1:\([0-9][0-9]*\).*/\1/p' "$WORK/server.log" | head -n 1)
    [ -n "$port" ] && break
    kill -0 "$SERVER_PID" 2>/dev/null || break
    sleep 0.1
  done
  if [ -n "$port" ]; then
    pass "the installed server started from installation A and listens on 127.0.0.1:$port"
    fp=$(sed -n 's/^ *"fingerprint": *"\([^"]*\)".*/\1/p' "$WORK/data/run/server.json")
    if timeout 120 "$A/syncline" cli --server "127.0.0.1:$port" --trust-fingerprint "$fp" --user admin \
        --password-file "$WORK/admin.pw" --json status > "$WORK/cli.log" 2>&1 && grep -q '"admin"' "$WORK/cli.log"; then
      pass "the installed CLI logged in to it and read its status, which lists the admin capability"
    else
      fail "the installed CLI could not read the status of the installed server" "$WORK/cli.log"
    fi
    kill -TERM "$SERVER_PID"
    wait "$SERVER_PID"
    rc=$?
    SERVER_PID=
    if [ $rc -eq 143 ]; then pass "the installed server stopped on SIGTERM"; else fail "the installed server exited with $rc on SIGTERM (expected 143)" "$WORK/server.log"; fi
  else
    fail "the installed server did not report listening within 60 s" "$WORK/server.log"
  fi
else
  fail "no executable launch script at $A/syncline after installing the server feature"
fi

# 4. A feature the site does not have: the director must refuse, name it, and leave the installation alone.
before=$(cksum < "$(bundles_info "$A")")
director "$A" missing -repository "file:$SITE" -installIU org.syncline.nosuch.feature.feature.group
rc=$?
if [ $rc -ne 0 ] && grep -q "org.syncline.nosuch.feature.feature.group has not been found" "$WORK/missing.log" \
    && [ "$(cksum < "$(bundles_info "$A")")" = "$before" ]; then
  pass "asking for a feature the site lacks fails (exit $rc, 'has not been found') and changes nothing"
else
  fail "asking for a missing feature: exit $rc, expected non-zero, a 'has not been found' message and an unchanged bundles.info" "$WORK/missing.log"
fi

# 5. The workbench feature from the site's zip (Archive... in the IDE) into installation B, by A's director
#    with -destination and B's profile (named in B's config.ini, as in any p2-managed Eclipse).
profile=$(sed -n 's/^eclipse\.p2\.profile=//p' "$B/configuration/config.ini")
director "$A" install-b -repository "jar:file:$ZIP!/" -installIU org.syncline.workbench.feature.feature.group \
  -destination "$B" -profile "$profile"
rc=$?
if [ $rc -eq 0 ] && grep -q "^Operation completed" "$WORK/install-b.log"; then
  pass "director installed org.syncline.workbench.feature from the archive $(basename "$ZIP") into installation B (profile $profile)"
  check_bundles "$B" "installation B" org.syncline.core org.syncline.protocol org.syncline.admin org.syncline.admin.ui \
    org.syncline.documents org.syncline.documents.ui org.syncline.ui org.syncline.workbench org.eclipse.ui org.eclipse.swt
  # The workbench is a client: the database and the capabilities' server sides stay out of it.
  if grep -Eq "^(org\.syncline\.store|org\.syncline\.server|org\.syncline\.admin\.server|org\.syncline\.documents\.server|org\.syncline\.server\.api)," "$(bundles_info "$B")"; then
    grep -E "^org\.syncline\.(store|server|admin\.server|documents\.server)" "$(bundles_info "$B")" > "$WORK/server-side-in-b.txt"
    fail "installation B (workbench only) carries server-side bundles" "$WORK/server-side-in-b.txt"
  else
    pass "installation B (workbench only) carries no store, Derby or capability server side"
  fi
  if [ -x "$B/syncline-workbench" ]; then
    pass "the workbench feature installed its launch script $B/syncline-workbench"
  else
    fail "no executable launch script at $B/syncline-workbench after installing the workbench feature"
  fi
  if grep -q "^org.syncline.workbench," "$(bundles_info "$A")"; then
    fail "installing into B with -destination also changed installation A"
  else
    pass "installing into B with -destination left installation A alone"
  fi
else
  fail "director exited with $rc installing the workbench feature from jar:file:$ZIP!/ into $B" "$WORK/install-b.log"
fi

finish
