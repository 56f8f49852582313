#!/bin/sh
# The house rules CI checks (CONTRIBUTING.md): every tracked C++ file is laid
# out as .clang-format says, and every tracked source or build file ends in a
# newline, has no trailing blanks and no tabs (.editorconfig).
#   check-format.sh [SOURCE_DIR]    exits 1 and names each file that is not
# Fix C++ layout with `git clang-format` (changed lines) or `clang-format -i FILE`.
set -eu

cd -- "${1:-$(dirname -- "$0")/..}"

status=0
cpp_files=$(git ls-files -- '*.cpp' '*.h')
if ! printf '%s\n' "$cpp_files" | xargs clang-format --dry-run -Werror 2>/tmp/check-format.$$; then
    grep -E '^[^ ]+:[0-9]+:[0-9]+: error' /tmp/check-format.$$ | cut -d: -f1 | sort -u |
        sed 's/$/: not laid out as .clang-format says (clang-format -i)/' >&2
    status=1
fi
rm -f /tmp/check-format.$$

# Source and build files: the fuzz corpora are bytes and keep their shape.
text_files=$(git ls-files -- '*.cpp' '*.h' '*.cmake' 'CMakeLists.txt' '*/CMakeLists.txt' '*.sh' '*.py' \
    '*.xml' '*.json' '*.in' '*.service' '*.policy' '*.rules' '*.conf' ':!tests/fuzz/corpus/*')
for file in $text_files; do
    [ -s "$file" ] || continue
    if grep -qE '[[:space:]]+$' "$file"; then
        echo "$file: trailing blanks" >&2
        status=1
    fi
    if grep -q "$(printf '\t')" "$file"; then
        echo "$file: tabs (indent with spaces)" >&2
        status=1
    fi
    if [ "$(tail -c 1 "$file" | od -An -c | tr -d ' ')" != '\n' ]; then
        echo "$file: no newline at the end" >&2
        status=1
    fi
done
exit "$status"
