// interface list|add|set|remove: a container's lxc.net.N interfaces
// through AddInterface, SetInterface and RemoveInterface, from its next start.
#include "command_line.h"
#include "commands.h"
#include "exit_codes.h"
#include "session.h"
#include "table.h"
#include "tr.h"
#include "value_parsers.h"

namespace berth::cli {
namespace {

void addInterfaceOptions(VerbLine& line)
{
    line.addValue({QStringLiteral("type")}, QStringLiteral("TYPE"),
                  Cli::tr("veth (the default for add), macvlan, empty or none."));
    line.addValue({QStringLiteral("link")}, QStringLiteral("LINK"),
                  Cli::tr("The bridge a veth joins (default: Berth's), a macvlan's parent link."));
    line.addValue({QStringLiteral("address")}, QStringLiteral("CIDR"),
                  Cli::tr("A static IPv4 address, e.g. 10.0.3.20/24; set: '' removes it."));
    line.addValue({QStringLiteral("hwaddr")}, QStringLiteral("MAC"),
                  Cli::tr("The MAC address (default: chosen at start)."));
    line.addValue({QStringLiteral("name")}, QStringLiteral("IF"),
                  Cli::tr("The name inside the container (default: ethN)."));
    line.addValue({QStringLiteral("mtu")}, QStringLiteral("N"),
                  Cli::tr("MTU, 68-65535; set: 0 is the link's default."));
}

// Only the options given.
std::expected<client::InterfaceChange, QString> interfaceChange(const VerbLine& line)
{
    client::InterfaceChange change;
    const auto text = [&](const char* option, std::optional<std::string>& into) {
        if (line.isSet(QLatin1String(option)))
            into = line.value(QLatin1String(option)).toStdString();
    };
    text("type", change.type);
    text("link", change.link);
    text("hwaddr", change.hwaddr);
    text("name", change.name);
    if (line.isSet(QStringLiteral("address"))) {
        const QString given = line.value(QStringLiteral("address"));
        change.ipv4.emplace();
        if (!given.isEmpty()) {
            auto cidr = model::Ipv4Cidr::parse(given.toStdString());
            if (!cidr)
                return std::unexpected(
                    Cli::tr("'%1' is not an IPv4 address with a prefix length (a.b.c.d/n)").arg(given));
            change.ipv4->push_back(*cidr);
        }
    }
    if (line.isSet(QStringLiteral("mtu"))) {
        auto mtu = parseInteger(line.value(QStringLiteral("mtu")), 0, 65535);
        if (!mtu)
            return std::unexpected(mtu.error());
        change.mtu = unsigned(*mtu);
    }
    return change;
}

model::NetInterface newInterface(const client::InterfaceChange& change)
{
    model::NetInterface iface;
    iface.type = change.type.value_or("veth");
    iface.link = change.link.value_or("");
    iface.hwaddr = change.hwaddr.value_or("");
    iface.name = change.name.value_or("");
    iface.ipv4 = change.ipv4.value_or(std::vector<model::Ipv4Cidr>{});
    iface.mtu = change.mtu.value_or(0);
    return iface;
}

int listInterfaces(const QString& name)
{
    auto info = helperClient().container(name);
    if (!info)
        return reportError(info.error());
    QList<QStringList> rows;
    for (const model::NetInterface& iface : info->interfaces) {
        QStringList addresses;
        for (const model::Ipv4Cidr& cidr : iface.ipv4)
            addresses << QString::fromStdString(cidr.toString());
        rows.append({QString::number(iface.index), QString::fromStdString(iface.type),
                     QString::fromStdString(iface.link), QString::fromStdString(iface.name),
                     QString::fromStdString(iface.hwaddr), addresses.join(QLatin1Char(',')),
                     iface.mtu ? QString::number(iface.mtu) : QString()});
    }
    printOut(formatTable({Cli::tr("INDEX"), Cli::tr("TYPE"), Cli::tr("LINK"), Cli::tr("NAME"), Cli::tr("HWADDR"),
                          Cli::tr("IPV4"), Cli::tr("MTU")},
                         rows));
    return kExitOk;
}

} // namespace

int cmdInterface(const QStringList& args)
{
    VerbLine line(QStringLiteral("interface"),
                  QStringLiteral("list NAME | add NAME [options] | set NAME INDEX [options] | remove NAME INDEX"),
                  Cli::tr("A container's network interfaces, from its next start on; set changes only the options "
                          "given, remove renumbers no other interface."));
    addInterfaceOptions(line);
    if (int code = line.parse(args, 2, 3); code >= 0)
        return code;
    const QStringList& words = line.positional();
    const QString action = words.at(0);
    const QString name = words.at(1);
    if (action == QLatin1String("list") && words.size() == 2)
        return listInterfaces(name);
    auto change = interfaceChange(line);
    if (!change)
        return reportUsage(change.error());
    if (action == QLatin1String("add") && words.size() == 2) {
        auto index = helperClient().addInterface(name, newInterface(*change));
        if (!index)
            return reportError(index.error());
        printOut(QString::number(*index) + QLatin1Char('\n'));
        return kExitOk;
    }
    if (words.size() != 3)
        return reportUsage(Cli::tr("interface %1: NAME and INDEX are needed").arg(action));
    auto index = parseInteger(words.at(2), 0, 1023);
    if (!index)
        return reportUsage(index.error());
    if (action == QLatin1String("set"))
        return finishWith(helperClient().setInterface(name, uint(*index), *change));
    if (action == QLatin1String("remove"))
        return finishWith(helperClient().removeInterface(name, uint(*index)));
    return reportUsage(Cli::tr("interface: unknown action '%1'").arg(action));
}

} // namespace berth::cli
