#!/bin/sh
# The house rules check (scripts/check-format.sh): the tree keeps them, and
# the check names a file that breaks each rule (so it is not a check that
# cannot fail).
set -eu

source_dir=$1
check=$source_dir/scripts/check-format.sh

"$check" "$source_dir"

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
cp "$source_dir/.clang-format" "$scratch/"
cd "$scratch"
git init -q .
printf 'int f( int a ){return a;}\n' > badly_laid_out.cpp
printf 'int g()\n{\n    return 1;\n}\n' > well_laid_out.cpp
printf 'set(a b) \n' > CMakeLists.txt
printf 'echo x' > no_newline.sh
printf '\techo y\n' > tab.sh
git add .

if "$check" "$scratch" 2> complaints; then
    echo "check-format.sh passed a tree that breaks every rule" >&2
    exit 1
fi
for expected in 'badly_laid_out.cpp: not laid out' 'CMakeLists.txt: trailing blanks' 'no_newline.sh: no newline' 'tab.sh: tabs'; do
    grep -qF "$expected" complaints || { echo "missing complaint: $expected" >&2; cat complaints >&2; exit 1; }
done
if grep -q well_laid_out complaints; then
    echo "check-format.sh complained about a well laid out file" >&2
    exit 1
fi
echo "house rules kept"
