#pragma once
// Editing a JSON document by dotted paths ("scenarios.0.costs.pue.value"),
// for the tests that start from a good plan file and break one field.

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

#include <utility>

namespace planner::testsupport {

// An edit's value that removes the field instead of setting it.
inline const QJsonValue kRemove = QJsonValue(QJsonValue::Undefined);

// Sets (or, with an undefined value, removes) the value at a dotted path such
// as "scenarios.0.topology.nodes.3.count"; numbers index arrays.
inline QJsonValue setIn(const QJsonValue &node, QStringList path, const QJsonValue &value)
{
    if (path.isEmpty())
        return value;
    const QString key = path.takeFirst();
    if (node.isArray()) {
        QJsonArray array = node.toArray();
        const qsizetype i = key.toInt();
        if (path.isEmpty() && value.isUndefined())
            array.removeAt(i);
        else if (i == array.size())
            array.append(setIn(QJsonValue(), path, value));
        else
            array[i] = setIn(array.at(i), path, value);
        return array;
    }
    QJsonObject object = node.toObject();
    if (path.isEmpty() && value.isUndefined())
        object.remove(key);
    else
        object[key] = setIn(object.value(key), path, value);
    return object;
}

inline QJsonValue valueAt(QJsonValue node, const QString &path)
{
    for (const QString &key : path.split(QLatin1Char('.')))
        node = node.isArray() ? node.toArray().at(key.toInt()) : node.toObject().value(key);
    return node;
}

inline QByteArray edited(const QByteArray &json, const QList<std::pair<QString, QJsonValue>> &edits)
{
    QJsonValue root = QJsonDocument::fromJson(json).object();
    for (const auto &[path, value] : edits)
        root = setIn(root, path.split(QLatin1Char('.')), value);
    return QJsonDocument(root.toObject()).toJson();
}

} // namespace planner::testsupport
