// Reads the fields of one of the helper's dictionaries (a{sv}) with the
// types its XML documents. A field that is absent keeps the caller's
// default (older helpers lack newer fields); a field of another type is
// the first problem, reported as BadReply naming the reply and the field,
// never read as a default.
#pragma once

#include "client_error.h"

#include <QMap>
#include <QString>
#include <QStringList>
#include <QVariantMap>

#include <optional>
#include <utility>

namespace berth::client {

class ReplyFields {
public:
    // `reply` names the dictionary in messages ("GetContainer reply").
    ReplyFields(QString reply, const QVariantMap& map) : m_reply(std::move(reply)), m_map(map) {}

    QString text(const char* key);
    bool boolean(const char* key);
    qint64 integer(const char* key, qint64 fallback = 0);
    quint64 unsignedInteger(const char* key, quint64 fallback = 0);
    double number(const char* key);
    QStringList strings(const char* key);
    QMap<QString, QString> stringMap(const char* key);
    QList<QVariantMap> mapList(const char* key);
    [[nodiscard]] bool has(const char* key) const { return m_map.contains(QLatin1String(key)); }

    // `value` when every field read so far had its type, else the first problem.
    template <class T> Result<T> finish(T value) const
    {
        if (m_problem)
            return std::unexpected(*m_problem);
        return value;
    }

private:
    void wrongType(const char* key, const QVariant& value, const char* expected);

    QString m_reply;
    QVariantMap m_map;
    std::optional<ClientError> m_problem;
};

} // namespace berth::client
