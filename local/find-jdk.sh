# Sourced by run-local and .ci/run: sets JDK to a JDK 21+ home (JAVA_HOME when it is one, else the newest under
# /usr/lib/jvm), or to nothing when there is none. Defines jdk_feature for the callers too.

# The feature version of the JDK in $1 (e.g. 25); prints nothing when $1 is not a JDK.
jdk_feature() {
  local home="$1" version=""
  [[ -x "$home/bin/java" ]] || return 0
  if [[ -f "$home/release" ]]; then
    version=$(sed -n 's/^JAVA_VERSION="\([^"]*\)".*/\1/p' "$home/release")
  fi
  if [[ -z "$version" ]]; then
    version=$("$home/bin/java" -version 2>&1 | sed -n 's/.*version "\([^"]*\)".*/\1/p' | head -n1)
  fi
  version=${version#1.}          # 1.8.0_392 -> 8.0_392
  echo "${version%%[._+-]*}"
}

find_jdk21() {
  local feature
  if [[ -n "${JAVA_HOME:-}" ]]; then
    feature=$(jdk_feature "$JAVA_HOME")
    if (( ${feature:-0} >= 21 )); then
      echo "$JAVA_HOME"
      return
    fi
  fi
  local best="" best_feature=0 home
  for home in /usr/lib/jvm/*/; do
    home=${home%/}
    feature=$(jdk_feature "$home")
    if (( ${feature:-0} >= 21 && ${feature:-0} > best_feature )); then
      best=$home
      best_feature=$feature
    fi
  done
  echo "$best"
}

JDK=$(find_jdk21)
