#!/bin/sh
# Usage: check_desktop_entry.sh FILE.desktop
# Fails when desktop-file-validate complains, or when a translatable key
# lacks its de or zh_CN translation.
set -eu
file=$1
desktop-file-validate "$file"
status=0
for key in Name GenericName Comment Keywords; do
    grep -q "^$key=" "$file" || continue
    for lang in de zh_CN; do
        if ! grep -q "^$key\[$lang\]=" "$file"; then
            echo "$file: $key has no [$lang] translation" >&2
            status=1
        fi
    done
done
exit $status
