# shellcheck shell=bash
# Finds the JDK 25 (or newer) that builds and runs Alongside, and puts it first: JAVA_HOME and PATH, so that `java`
# and Maven use it. Sourced by deploy/local/up, .ci/run, the other scripts in deploy/local and bench/ that run
# `java` or `mvn`; defines functions only. Looks, in order, at ALONGSIDE_JAVA_HOME, JAVA_HOME (if it is 25 or
# newer), then the newest JDK 25+ under /usr/lib/jvm. The services' AOT cache (docs/performance.md) belongs to the
# exact JDK build that trained it, so everything here runs on the one JDK this picks.

ALONGSIDE_JAVA_MIN_VERSION=25

# Feature version (17, 21, 25, ...) of the JDK at $1, from its release file; empty if it is not a JDK.
_alongside_jdk_version() {
  local home="$1" version
  [[ -x "$home/bin/java" && -x "$home/bin/javac" && -r "$home/release" ]] || return 0
  version="$(sed -n 's/^JAVA_VERSION="\([0-9][0-9]*\).*/\1/p' "$home/release")"
  echo "$version"
}

_alongside_jdk_ok() {
  local version
  version="$(_alongside_jdk_version "$1")"
  [[ -n "$version" ]] && ((version >= ALONGSIDE_JAVA_MIN_VERSION))
}

# Prints the JDK home to use, or explains how to get one and returns 1.
alongside_find_jdk() {
  local home best="" best_version=0 version
  if [[ -n "${ALONGSIDE_JAVA_HOME:-}" ]]; then
    if _alongside_jdk_ok "$ALONGSIDE_JAVA_HOME"; then
      echo "$ALONGSIDE_JAVA_HOME"
      return 0
    fi
    echo "java: ALONGSIDE_JAVA_HOME=$ALONGSIDE_JAVA_HOME is not a JDK $ALONGSIDE_JAVA_MIN_VERSION or newer" >&2
    return 1
  fi
  if [[ -n "${JAVA_HOME:-}" ]] && _alongside_jdk_ok "$JAVA_HOME"; then
    echo "$JAVA_HOME"
    return 0
  fi
  for home in /usr/lib/jvm/*; do
    [[ -d "$home" && ! -L "$home" ]] || continue
    version="$(_alongside_jdk_version "$home")"
    if [[ -n "$version" ]] && ((version >= ALONGSIDE_JAVA_MIN_VERSION && version > best_version)); then
      best="$home" best_version="$version"
    fi
  done
  if [[ -n "$best" ]]; then
    echo "$best"
    return 0
  fi
  cat >&2 <<EOF
java: no JDK $ALONGSIDE_JAVA_MIN_VERSION or newer found (looked at ALONGSIDE_JAVA_HOME, JAVA_HOME${JAVA_HOME:+=$JAVA_HOME} and /usr/lib/jvm).
  Alongside builds and runs on Java $ALONGSIDE_JAVA_MIN_VERSION. Install Eclipse Temurin $ALONGSIDE_JAVA_MIN_VERSION, e.g. on Debian or Ubuntu from
  Adoptium's apt repository (https://adoptium.net/installation/linux/):  apt-get install -y temurin-$ALONGSIDE_JAVA_MIN_VERSION-jdk
  or unpack a JDK $ALONGSIDE_JAVA_MIN_VERSION anywhere and point ALONGSIDE_JAVA_HOME at it.
EOF
  return 1
}

# Public entry point: JAVA_HOME and PATH set to the JDK 25+, or exit with the explanation above.
alongside_use_jdk() {
  local home
  home="$(alongside_find_jdk)" || exit 1
  export JAVA_HOME="$home"
  case ":$PATH:" in
    "$home/bin:"*) ;;
    *) export PATH="$home/bin:$PATH" ;;
  esac
}
