#include "reply_fields.h"

#include "client_types.h"

#include <QDBusArgument>
#include <QMetaType>

#include <algorithm>
#include <cmath>

namespace berth::client {
namespace {

bool isIntegral(const QVariant& value)
{
    switch (value.metaType().id()) {
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
    case QMetaType::Short:
    case QMetaType::UShort:
    case QMetaType::UChar:
        return true;
    case QMetaType::Double: // JSON's numbers (the GUI's recorded replies)
        return std::trunc(value.toDouble()) == value.toDouble();
    default:
        return false;
    }
}

bool isNumber(const QVariant& value)
{
    return isIntegral(value) || value.metaType().id() == QMetaType::Double;
}

// A QStringList from the bus, or a list of strings (JSON's arrays).
bool isStringList(const QVariant& value)
{
    if (value.metaType().id() == QMetaType::QStringList)
        return true;
    if (value.metaType().id() != QMetaType::QVariantList)
        return false;
    const auto list = value.toList();
    return std::all_of(list.begin(), list.end(),
                       [](const QVariant& item) { return item.metaType().id() == QMetaType::QString; });
}

bool isDictionary(const QVariant& value)
{
    if (value.userType() == qMetaTypeId<QDBusArgument>()) {
        const QString signature = value.value<QDBusArgument>().currentSignature();
        return signature == QLatin1String("a{ss}") || signature == QLatin1String("a{sv}");
    }
    return value.userType() == qMetaTypeId<QMap<QString, QString>>() || value.metaType().id() == QMetaType::QVariantMap;
}

bool isDictionaryList(const QVariant& value)
{
    if (value.userType() == qMetaTypeId<QDBusArgument>())
        return value.value<QDBusArgument>().currentSignature() == QLatin1String("aa{sv}");
    if (value.userType() == qMetaTypeId<QList<QVariantMap>>())
        return true;
    if (value.metaType().id() != QMetaType::QVariantList)
        return false;
    const auto list = value.toList();
    return std::all_of(list.begin(), list.end(),
                       [](const QVariant& item) { return item.metaType().id() == QMetaType::QVariantMap; });
}

} // namespace

void ReplyFields::wrongType(const char* key, const QVariant& value, const char* expected)
{
    if (m_problem)
        return;
    const char* got = value.userType() == qMetaTypeId<QDBusArgument>() ? "a D-Bus container" : value.typeName();
    m_problem =
        badReply(QStringLiteral("%1: field '%2' is %3, not %4")
                     .arg(m_reply, QLatin1String(key), QLatin1String(got ? got : "unknown"), QLatin1String(expected)));
}

QString ReplyFields::text(const char* key)
{
    const QVariant value = m_map.value(QLatin1String(key));
    if (!value.isValid())
        return {};
    if (value.metaType().id() != QMetaType::QString) {
        wrongType(key, value, "a string");
        return {};
    }
    return value.toString();
}

bool ReplyFields::boolean(const char* key)
{
    const QVariant value = m_map.value(QLatin1String(key));
    if (!value.isValid())
        return false;
    if (value.metaType().id() != QMetaType::Bool) {
        wrongType(key, value, "a boolean");
        return false;
    }
    return value.toBool();
}

qint64 ReplyFields::integer(const char* key, qint64 fallback)
{
    const QVariant value = m_map.value(QLatin1String(key));
    if (!value.isValid())
        return fallback;
    if (!isIntegral(value)) {
        wrongType(key, value, "an integer");
        return fallback;
    }
    return value.toLongLong();
}

quint64 ReplyFields::unsignedInteger(const char* key, quint64 fallback)
{
    const QVariant value = m_map.value(QLatin1String(key));
    if (!value.isValid())
        return fallback;
    if (!isIntegral(value)) {
        wrongType(key, value, "an integer");
        return fallback;
    }
    return value.toULongLong();
}

double ReplyFields::number(const char* key)
{
    const QVariant value = m_map.value(QLatin1String(key));
    if (!value.isValid())
        return 0;
    if (!isNumber(value)) {
        wrongType(key, value, "a number");
        return 0;
    }
    return value.toDouble();
}

QStringList ReplyFields::strings(const char* key)
{
    const QVariant value = m_map.value(QLatin1String(key));
    if (!value.isValid())
        return {};
    if (!isStringList(value)) {
        wrongType(key, value, "a list of strings");
        return {};
    }
    return value.toStringList();
}

QMap<QString, QString> ReplyFields::stringMap(const char* key)
{
    const QVariant value = m_map.value(QLatin1String(key));
    if (!value.isValid())
        return {};
    if (!isDictionary(value)) {
        wrongType(key, value, "a dictionary");
        return {};
    }
    return client::stringMap(value);
}

QList<QVariantMap> ReplyFields::mapList(const char* key)
{
    const QVariant value = m_map.value(QLatin1String(key));
    if (!value.isValid())
        return {};
    if (!isDictionaryList(value)) {
        wrongType(key, value, "a list of dictionaries");
        return {};
    }
    return variantMapList(value);
}

} // namespace berth::client
