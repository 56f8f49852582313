#!/bin/sh
# check_wire_strings.sh itself, on small trees: it finds a method name, a
# state, a limit key and an error name spelled as literals, and leaves texts
# for people (tr, QT_TRANSLATE_NOOP), comments, longer strings and lines
# marked "not a wire name" alone.
# Usage: check_wire_strings_selftest.sh CHECK_SCRIPT XML_DIR
set -eu
check=${1:?usage: check_wire_strings_selftest.sh CHECK_SCRIPT XML_DIR}
xml=${2:?usage: check_wire_strings_selftest.sh CHECK_SCRIPT XML_DIR}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

tree() {
    rm -rf "$tmp/src"
    mkdir -p "$tmp/src/gui" "$tmp/src/cli" "$tmp/src/client" "$tmp/src/helper/dbus"
    cp "$xml"/*.xml "$tmp/src/helper/dbus/"
    printf '%s\n' "$1" > "$tmp/src/gui/a.cpp"
}

expect() { # OUTCOME LINE
    tree "$2"
    if sh "$check" "$tmp/src" >"$tmp/out" 2>&1; then got=pass; else got=fail; fi
    if [ "$got" != "$1" ]; then
        echo "expected $1, got $got for: $2"
        cat "$tmp/out"
        exit 1
    fi
}

expect fail 'm_client.callManager(QStringLiteral("Start"), {name}, context, done);'
expect fail 'auto job = QDBusMessage::createMethodCall(s, p, i, QStringLiteral("Cancel"));'
expect fail 'if (state == QLatin1String("running"))'
expect fail 'limits.insert(QStringLiteral("memory.max"), value);'
expect fail 'if (kind == QLatin1String("application"))'
expect fail 'name = QStringLiteral("org.berth.Error.Failed");'
expect fail 'auto a = tr("Start"); auto b = QStringLiteral("Stop");'
expect pass 'auto a = tr("Start");'
expect pass 'auto a = QT_TRANSLATE_NOOP("berthctl", "Stop");'
expect pass 'auto a = QCoreApplication::translate("ctx", "Destroy");'
expect pass '// Start is called through the proxy, not QStringLiteral("Start")'
expect pass 'ReplyFields f(QStringLiteral("GetContainer reply"), map);'
expect pass 'line.addFlag({QStringLiteral("system")}); // not a wire name: the --system option'
echo "check_wire_strings.sh finds what it should and nothing else"
