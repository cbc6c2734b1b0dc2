#pragma once
// How a JSON value reads in an error message: "null", "the string \"abc\"",
// "an array". Shared by the readers of config.json and safetensors headers.

#include <QJsonValue>
#include <QString>

namespace planner {

QString describeJsonValue(const QJsonValue &value);

} // namespace planner
