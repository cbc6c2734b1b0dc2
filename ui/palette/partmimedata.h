#pragma once
// The drag contract between the parts palette (drag source) and the topology
// canvas (drop target).
//
// A palette drag carries only a reference to a catalogue part: its kind and
// its catalogue id, as versioned JSON under a private MIME type. The canvas
// looks the part up in the catalogue itself, so a drag never carries figures
// that could disagree with the catalogue. The payload is
//
//     {"version":1,"kind":"gpu","id":"h100-sxm"}
//
// and the plain text of the drag is the id, so dropping onto a text field
// writes something sensible. decodePartReference() accepts only this exact
// version; a future incompatible payload gets a new version number and old
// builds refuse it instead of misreading it.

#include <QString>

#include <optional>

class QMimeData;

namespace planner {

// One tab of the palette each; the order is the tab order.
enum class PaletteKind { Gpu, Cpu, Memory, Storage, Link, Server, Instance };

struct PartReference {
    PaletteKind kind = PaletteKind::Gpu;
    QString id; // catalogue id, e.g. "h100-sxm"

    friend bool operator==(const PartReference &, const PartReference &) = default;
};

inline constexpr const char *kPartMimeType = "application/x-llm-planner-part";
inline constexpr int kPartMimeVersion = 1;

// A new QMimeData holding the payload and the id as text; the caller owns it
// (a QDrag or a model's mimeData() hands it on to Qt, which then owns it).
QMimeData *encodePartReference(const PartReference &part);

// nullopt when the data is not ours (no kPartMimeType), has another version,
// or is malformed (not a JSON object, unknown kind, missing or empty id).
std::optional<PartReference> decodePartReference(const QMimeData *mime);

// "gpu", "cpu", "memory", "storage", "link", "server", "instance": the payload's
// spelling, stable across releases.
QString toString(PaletteKind kind);
std::optional<PaletteKind> paletteKindFromString(const QString &text);

} // namespace planner
