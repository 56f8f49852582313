#!/bin/sh
# Issue #18's acceptance check: gui/, cli/ and client/ spell no wire string
# of the helper's contract as a literal; they use the model (model/) and the
# proxies generated from helper/dbus/*.xml. Looked for, as a whole quoted
# literal outside tr() texts and comments:
#   limit keys ("memory.max", "cpu.shares", …), container states, job states
#   and kinds ("running", "succeeded", "system", …), org.berth.Error.* names,
#   and every method and signal name of the three XML files ("Start", …).
# Usage: check_wire_strings.sh SOURCE_DIR
set -eu
src=${1:?usage: check_wire_strings.sh SOURCE_DIR}
cd "$src"

# The files to look in: tracked ones when this is a git checkout.
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    files=$(git ls-files -- gui cli client | grep -E '\.(cpp|h)$' || true)
else
    files=$(find gui cli client -name '*.cpp' -o -name '*.h' | sort)
fi
[ -n "$files" ] || { echo "no sources under $src"; exit 1; }

# Method and signal names, read from the contract itself.
names=$(sed -n 's/.*<\(method\|signal\) name="\([A-Za-z0-9_]*\)".*/\2/p' helper/dbus/*.xml | sort -u | paste -sd'|' -)
[ -n "$names" ] || { echo "no method names in helper/dbus/*.xml"; exit 1; }

limits='(memory|cpu|cpuset|pids|io|blkio)\.[a-z_.]+'
states='stopped|starting|running|stopping|frozen|aborting'
jobs='succeeded|failed|cancelled'
kinds='system|application'
literal="\"(${limits}|${states}|${jobs}|${kinds}|${names})\""
errors='"org\.berth\.Error\.'
# Comments and texts for people are not code: the text after // and the
# strings of tr(), translate() and QT_*_NOOP() are dropped before matching.
# A line that means another thing by the same word (a command-line option
# named like a kind, say) says so with "not a wire name" in its comment.
hits=$(printf '%s\n' $files | xargs perl -ne '
    BEGIN { $re = shift @ARGV; }
    next if /not a wire name/;
    (my $code = $_) =~ s{//.*$}{};
    $code =~ s{\b(?:tr|translate|QT_TR_NOOP|QT_TRANSLATE_NOOP)\s*\((?:\s*"[^"]*"\s*,)?\s*"(?:[^"\\]|\\.)*"}{}g;
    print "$ARGV:$.:$_" if $code =~ /$re/;
    close ARGV if eof;' "${literal}|${errors}" || true)
if [ -n "$hits" ]; then
    echo "wire strings spelled in gui/, cli/ or client/ (use model/ and the generated proxies):"
    printf '%s\n' "$hits"
    echo "$(printf '%s\n' "$hits" | wc -l) hit(s)"
    exit 1
fi
echo "no wire strings in gui/, cli/ or client/"
