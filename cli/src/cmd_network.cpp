// bridge list|create|change|delete, forward list|add|remove.
#include "command_line.h"
#include "commands.h"
#include "exit_codes.h"
#include "session.h"
#include "tr.h"
#include "value_parsers.h"
#include "views.h"

namespace berth::cli {
namespace {

void addBridgeOptions(VerbLine& line)
{
    line.addValue({QStringLiteral("address")}, QStringLiteral("CIDR"),
                  Cli::tr("The bridge's address, e.g. 10.0.3.1/24 (default: a free subnet)."));
    line.addValue({QStringLiteral("dhcp-range")}, QStringLiteral("FIRST-LAST"),
                  Cli::tr("DHCP range (default .2-.199)."));
    line.addFlag({QStringLiteral("no-nat")}, Cli::tr("Do not masquerade traffic leaving the subnet."));
    line.addFlag({QStringLiteral("nat")}, Cli::tr("change: masquerade again."));
    line.addValue({QStringLiteral("domain")}, QStringLiteral("DOMAIN"), Cli::tr("DNS domain (default berth)."));
    line.addValue({QStringLiteral("mtu")}, QStringLiteral("N"), Cli::tr("MTU, 68-65535 (default: the kernel's)."));
    line.addFlag({QStringLiteral("f"), QStringLiteral("force")}, Cli::tr("delete: even when configs name it."));
    line.addFlag({QStringLiteral("json")}, Cli::tr("list: print JSON."));
}

std::expected<client::BridgeSettings, QString> bridgeSettings(const VerbLine& line)
{
    client::BridgeSettings s;
    s.address = line.value(QStringLiteral("address"));
    s.dhcpRange = line.value(QStringLiteral("dhcp-range"));
    s.nat = !line.isSet(QStringLiteral("no-nat"));
    s.domain = line.value(QStringLiteral("domain"));
    if (line.isSet(QStringLiteral("mtu"))) {
        auto mtu = parseInteger(line.value(QStringLiteral("mtu")), 68, 65535);
        if (!mtu)
            return std::unexpected(mtu.error());
        s.mtu = uint(*mtu);
    }
    return s;
}

// Only the options given: the rest of the bridge stays as it is.
std::expected<client::BridgeChange, QString> bridgeChange(const VerbLine& line)
{
    client::BridgeChange change;
    const auto given = [&](const char* option) { return line.isSet(QLatin1String(option)); };
    if (given("address")) {
        const QString text = line.value(QStringLiteral("address"));
        auto address = model::Ipv4Cidr::parse(text.toStdString());
        if (!address)
            return std::unexpected(Cli::tr("'%1' is not an IPv4 address with a prefix length (a.b.c.d/n)").arg(text));
        change.address = *address;
    }
    if (given("dhcp-range")) {
        const QString text = line.value(QStringLiteral("dhcp-range"));
        auto range = model::Ipv4Range::parse(text.toStdString());
        if (!range)
            return std::unexpected(Cli::tr("DHCP range '%1' is not FIRST-LAST").arg(text));
        change.dhcpRange = *range;
    }
    if (given("no-nat"))
        change.nat = false;
    if (given("nat"))
        change.nat = true;
    if (given("domain"))
        change.domain = line.value(QStringLiteral("domain")).toStdString();
    if (given("mtu")) {
        auto mtu = parseInteger(line.value(QStringLiteral("mtu")), 0, 65535);
        if (!mtu)
            return std::unexpected(mtu.error());
        change.mtu = unsigned(*mtu);
    }
    return change;
}

int listBridges(bool json)
{
    auto bridges = helperClient().bridges();
    if (!bridges)
        return reportError(bridges.error());
    if (json) {
        QJsonArray array;
        for (const auto& b : *bridges)
            array.append(bridgeJson(b));
        printOut(jsonText(array));
    } else {
        printOut(bridgesTable(*bridges));
    }
    return kExitOk;
}

} // namespace

int cmdBridge(const QStringList& args)
{
    VerbLine line(QStringLiteral("bridge"),
                  QStringLiteral("list [--json] | create NAME [options] | change NAME [options] | delete NAME [-f]"),
                  Cli::tr("Berth's bridges, with DHCP, DNS and NAT. change alters only the options given."));
    addBridgeOptions(line);
    if (int code = line.parse(args, 1, 2); code >= 0)
        return code;
    const QString action = line.positional().at(0);
    if (action == QLatin1String("list") && line.positional().size() == 1)
        return listBridges(line.isSet(QStringLiteral("json")));
    if (line.positional().size() != 2)
        return reportUsage(Cli::tr("bridge %1: a bridge name is needed").arg(action));
    const QString name = line.positional().at(1);
    if (action == QLatin1String("delete"))
        return finishWith(helperClient().deleteBridge(name, line.isSet(QStringLiteral("force"))));
    if (action == QLatin1String("change")) {
        auto change = bridgeChange(line);
        if (!change)
            return reportUsage(change.error());
        return finishWith(helperClient().changeBridge(name, *change));
    }
    auto settings = bridgeSettings(line);
    if (!settings)
        return reportUsage(settings.error());
    if (action == QLatin1String("create"))
        return finishWith(helperClient().createBridge(name, *settings));
    return reportUsage(Cli::tr("bridge: unknown action '%1'").arg(action));
}

int cmdForward(const QStringList& args)
{
    VerbLine line(QStringLiteral("forward"), QStringLiteral("list NAME [--json] | add NAME SPEC | remove NAME SPEC"),
                  Cli::tr("A container's port forwards; SPEC is PROTO:[HOSTADDR:]HOSTPORT:PORT, e.g. tcp:8080:80."));
    line.addFlag({QStringLiteral("json")}, Cli::tr("list: print JSON."));
    if (int code = line.parse(args, 2, 3); code >= 0)
        return code;
    const QString action = line.positional().at(0);
    const QString name = line.positional().at(1);
    if (action == QLatin1String("list") && line.positional().size() == 2) {
        auto forwards = helperClient().forwards(name);
        if (!forwards)
            return reportError(forwards.error());
        if (line.isSet(QStringLiteral("json")))
            printOut(jsonText(QJsonArray::fromStringList(*forwards)));
        else
            printOut(forwards->join(QLatin1Char('\n')) + (forwards->isEmpty() ? QString() : QStringLiteral("\n")));
        return kExitOk;
    }
    if (line.positional().size() != 3)
        return reportUsage(Cli::tr("forward %1: NAME and SPEC are needed").arg(action));
    const QString spec = line.positional().at(2);
    if (action == QLatin1String("add"))
        return finishWith(helperClient().addForward(name, spec));
    if (action == QLatin1String("remove"))
        return finishWith(helperClient().removeForward(name, spec));
    return reportUsage(Cli::tr("forward: unknown action '%1'").arg(action));
}

} // namespace berth::cli
