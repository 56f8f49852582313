#!/bin/sh
# Issue #18: the GUI's and the CLI's copies of engine rules are deleted, not
# wrapped; the one rule lives in model/. Looked for by name anywhere under
# gui/ (files may have moved between folders), and the CLI's copied parsers
# by their declarations.
# Usage: check_mirrors_gone.sh SOURCE_DIR
set -eu
src=${1:?usage: check_mirrors_gone.sh SOURCE_DIR}
cd "$src"
[ -d gui ] && [ -d cli ] || { echo "no gui/ or cli/ under $src"; exit 1; }

mirrors='ipv4_net bridge_checks forward_spec lxc_net_config static_address_check static_address_config
config_key_edit units helper_template_texts helper_check_texts'
found=''
for name in $mirrors; do
    found="$found$(find gui -name "$name.h" -o -name "$name.cpp")
"
done
# value_parsers stays for parseKeyValue and parseInteger; its copies go.
found="$found$(grep -nE '\b(parseSize|parseSizeLimit|parseCpus|parseSignal|formatSize)\(' cli/src/value_parsers.h 2>/dev/null || true)"
found=$(printf '%s\n' "$found" | grep -v '^$' || true)
if [ -n "$found" ]; then
    echo "mirror files or copied rules still present (use model/):"
    printf '%s\n' "$found"
    exit 1
fi
echo "no mirror files"
