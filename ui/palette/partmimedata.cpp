#include "ui/palette/partmimedata.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QMimeData>

#include <array>
#include <utility>

namespace planner {

namespace {

constexpr std::array<std::pair<PaletteKind, const char *>, 7> kKindNames{{
    {PaletteKind::Gpu, "gpu"},
    {PaletteKind::Cpu, "cpu"},
    {PaletteKind::Memory, "memory"},
    {PaletteKind::Storage, "storage"},
    {PaletteKind::Link, "link"},
    {PaletteKind::Server, "server"},
    {PaletteKind::Instance, "instance"},
}};

} // namespace

QString toString(PaletteKind kind)
{
    for (const auto &[k, name] : kKindNames) {
        if (k == kind)
            return QString::fromLatin1(name);
    }
    return {};
}

std::optional<PaletteKind> paletteKindFromString(const QString &text)
{
    for (const auto &[k, name] : kKindNames) {
        if (text == QLatin1String(name))
            return k;
    }
    return std::nullopt;
}

QMimeData *encodePartReference(const PartReference &part)
{
    const QJsonObject payload{
        {QStringLiteral("version"), kPartMimeVersion},
        {QStringLiteral("kind"), toString(part.kind)},
        {QStringLiteral("id"), part.id},
    };
    auto *mime = new QMimeData;
    mime->setData(QString::fromLatin1(kPartMimeType), QJsonDocument(payload).toJson(QJsonDocument::Compact));
    mime->setText(part.id);
    return mime;
}

std::optional<PartReference> decodePartReference(const QMimeData *mime)
{
    const QString type = QString::fromLatin1(kPartMimeType);
    if (!mime || !mime->hasFormat(type))
        return std::nullopt;

    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(mime->data(type), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return std::nullopt;
    const QJsonObject payload = document.object();

    // A version that is not exactly ours (including 1.5 or "1") is refused:
    // the canvas must never guess at a payload it does not know.
    const QJsonValue version = payload.value(QStringLiteral("version"));
    if (!version.isDouble() || version.toDouble() != kPartMimeVersion)
        return std::nullopt;

    const QJsonValue kindValue = payload.value(QStringLiteral("kind"));
    const QJsonValue idValue = payload.value(QStringLiteral("id"));
    if (!kindValue.isString() || !idValue.isString())
        return std::nullopt;
    const std::optional<PaletteKind> kind = paletteKindFromString(kindValue.toString());
    const QString id = idValue.toString();
    if (!kind || id.trimmed().isEmpty())
        return std::nullopt;
    return PartReference{*kind, id};
}

} // namespace planner
