#!/usr/bin/env bash
# Fails when a source file with translatable strings is missing from po/POTFILES
# (its strings would silently never reach the translators), or when POTFILES names
# a file that no longer exists (xgettext would then fail for everybody).
#
# Usage: tests/check-potfiles.sh [SOURCE_ROOT]
set -euo pipefail

root=${1:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}
cd "$root"

potfiles=po/POTFILES
if [[ ! -f $potfiles ]]; then
  echo "check-potfiles: $root/$potfiles does not exist" >&2
  exit 1
fi

# Candidate sources: tracked files when this is a git checkout, else what is on disk.
list_sources() {
  if command -v git >/dev/null 2>&1 && git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    git ls-files -- 'app/*.c' 'app/*.ui' 'reports/*.c'
  else
    find app reports -type f \( -name '*.c' -o -name '*.ui' \) 2>/dev/null | sort
  fi
}

# _( N_( C_( NC_( Q_( with or without the GNU space, or ngettext, not as the tail of
# a longer identifier.
c_marker='(^|[^A-Za-z0-9_])((N|C|NC|Q)?_|g?d?ngettext) ?\('
ui_marker='translatable="(yes|true|1)"'

declare -A listed=()
stale=()
while IFS= read -r line || [[ -n $line ]]; do
  line=${line%%#*}
  line=${line//[[:space:]]/}
  [[ -z $line ]] && continue
  listed[$line]=1
  [[ -f $line ]] || stale+=("$line")
done <"$potfiles"

missing=()
while IFS= read -r file; do
  [[ -f $file ]] || continue
  case $file in
  *.ui) marker=$ui_marker ;;
  *) marker=$c_marker ;;
  esac
  if grep -Eq -- "$marker" "$file" && [[ -z ${listed[$file]:-} ]]; then
    missing+=("$file")
  fi
done < <(list_sources)

status=0
if ((${#missing[@]})); then
  echo "check-potfiles: these files have translatable strings but are not in $potfiles:" >&2
  printf '  %s\n' "${missing[@]}" >&2
  status=1
fi
if ((${#stale[@]})); then
  echo "check-potfiles: $potfiles lists files that do not exist:" >&2
  printf '  %s\n' "${stale[@]}" >&2
  status=1
fi
if ((status == 0)); then
  echo "check-potfiles: ${#listed[@]} files listed, none missing"
fi
exit "$status"
