// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#include "widgets/AddressStrip.h"

#include <QEvent>
#include <QHelpEvent>
#include <QPainter>
#include <QPainterPath>
#include <QToolTip>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <optional>
#include <tuple>

namespace {

using Kind = AddressStrip::Kind;

/// Labels stacked above or below the band never take more rows than this; beyond it they overlap.
constexpr int MaxLabelRows = 4;
/// A gap between far-apart addresses this large gets a "not to scale" break mark.
constexpr quint64 BreakGap = 1u << 16;
/// Weight (in log2 units, like the ranges) of a shortened gap between unrelated addresses.
constexpr qreal GapWeight = 1.5;
/// At most this share of the width goes to addresses outside every range; the ranges get the rest.
constexpr qreal LoneShare = 0.45;

bool isRange(Kind kind) {
    return kind == Kind::PodRange || kind == Kind::ServiceRange;
}
bool isMarker(Kind kind) {
    return kind == Kind::CompanyService || kind == Kind::Node || kind == Kind::NodeLocalDns;
}

/// How much room a stretch of `count` addresses gets: logarithmic, so a /32 inside a /8 is still visible.
qreal weightOf(quint64 count) {
    return std::log2(static_cast<qreal>(std::max<quint64>(count, 1))) + 1.0;
}

/// Colours that read on the current palette, light or dark. Red is kept for conflicts only.
struct Colours {
    bool dark = false;
    QColor conflict, conflictFill, pods, services, company, node, nodeLocalDns, axis, text, soft;

    explicit Colours(const QPalette &palette) {
        dark = palette.color(QPalette::Window).lightnessF() < 0.5;
        conflict = dark ? QColor(0xff, 0x5c, 0x5c) : QColor(0xd3, 0x2f, 0x2f);
        conflictFill = dark ? QColor(0x6e, 0x2a, 0x2a) : QColor(0xf8, 0xd0, 0xd0);
        pods = dark ? QColor(0x2f, 0x5f, 0x8f) : QColor(0x9c, 0xc8, 0xf0);
        services = dark ? QColor(0x2f, 0x6f, 0x45) : QColor(0xa8, 0xdc, 0xb0);
        company = dark ? QColor(0xc7, 0x9b, 0xe0) : QColor(0x7b, 0x3f, 0xa0);
        node = dark ? QColor(0xb0, 0xbe, 0xc5) : QColor(0x37, 0x47, 0x4f);
        nodeLocalDns = dark ? QColor(0x4d, 0xd0, 0xe1) : QColor(0x00, 0x83, 0x8f);
        axis = palette.color(QPalette::Mid);
        text = palette.color(QPalette::WindowText);
        const QColor window = palette.color(QPalette::Window);
        soft = QColor::fromRgbF(text.redF() * 0.65f + window.redF() * 0.35f,
                                text.greenF() * 0.65f + window.greenF() * 0.35f,
                                text.blueF() * 0.65f + window.blueF() * 0.35f);
    }

    QColor of(Kind kind, bool conflicting) const {
        if (conflicting)
            return conflict;
        switch (kind) {
        case Kind::PodRange:
            return pods;
        case Kind::ServiceRange:
            return services;
        case Kind::CompanyService:
        case Kind::CompanyNetwork:
            return company;
        case Kind::Node:
            return node;
        case Kind::NodeLocalDns:
            return nodeLocalDns;
        }
        return text;
    }
    QColor fillOf(Kind kind, bool conflicting) const { return conflicting ? conflictFill : of(kind, false); }
    QColor edgeOf(const QColor &fill) const { return dark ? fill.lighter(140) : fill.darker(135); }
    /// Black or white, whichever reads on `fill`.
    static QColor textOn(const QColor &fill) {
        const qreal luminance = 0.2126 * fill.redF() + 0.7152 * fill.greenF() + 0.0722 * fill.blueF();
        return luminance > 0.5 ? QColor(0x1a, 0x1a, 0x1a) : QColor(0xf5, 0xf5, 0xf5);
    }
};

/// Places labels in rows (row 0 nearest the band) so that neither two labels nor a label and another's
/// leader line overlap.
class RowPacker {
public:
    int place(qreal left, qreal right, qreal leaderX, qreal spacing) {
        int chosen = -1;
        for (int row = 0; row < MaxLabelRows && chosen < 0; ++row) {
            if (!isFree(row, left - spacing, right + spacing))
                continue;
            bool leaderFree = true;
            for (int below = 0; below < row && leaderFree; ++below)
                leaderFree = isFree(below, leaderX - 1, leaderX + 1);
            if (leaderFree)
                chosen = row;
        }
        if (chosen < 0) {
            // Crowded: the row where the label overlaps least.
            qreal best = 0;
            for (int row = 0; row < MaxLabelRows; ++row) {
                const qreal overlap = overlapIn(row, left, right);
                if (chosen < 0 || overlap < best) {
                    chosen = row;
                    best = overlap;
                }
            }
        }
        occupy(chosen, left, right);
        for (int below = 0; below < chosen; ++below)
            occupy(below, leaderX - 2, leaderX + 2);
        return chosen;
    }
    int rowCount() const { return static_cast<int>(m_rows.size()); }

private:
    using Span = std::pair<qreal, qreal>;

    bool isFree(int row, qreal left, qreal right) const { return overlapIn(row, left, right) <= 0; }
    qreal overlapIn(int row, qreal left, qreal right) const {
        qreal total = 0;
        if (row < m_rows.size()) {
            for (const auto &[l, r] : m_rows[row])
                total += std::max<qreal>(0, std::min(r, right) - std::max(l, left));
        }
        return total;
    }
    void occupy(int row, qreal left, qreal right) {
        while (m_rows.size() <= row)
            m_rows.append(QList<Span>());
        m_rows[row].append(Span(left, right));
    }

    QList<QList<Span>> m_rows;
};

} // namespace

struct AddressStrip::Layout {
    struct Placed {
        enum class Shape { Bar, Lane, Marker };
        int item = -1;
        Shape kind = Shape::Marker;
        QRectF shape;     ///< the bar, the network's thin bar, or the marker's line across the band
        QRectF labelRect; ///< where the label text goes
        QString label;
        QString detail;           ///< markers: the address, on a second line under the name
        bool labelInside = false; ///< drawn inside a range bar
        qreal leaderX = 0;        ///< for labels outside: the x of the line joining label and shape
    };
    struct LegendEntry {
        QString text;
        QRectF swatch;
        QRectF textRect;
        std::optional<Kind> kind; ///< nothing: "conflict", or "gap shortened" when `gap`
        bool gap = false;
    };

    QRectF band;
    QList<Placed> placed;
    QList<QRectF> overlaps; ///< where the pod and service ranges overlap
    QList<qreal> breaks;    ///< x of shortened gaps
    QList<LegendEntry> legend;
    QRectF emptyRect; ///< the "nothing to show" text when there are no items
    int height = 0;
};

AddressStrip::AddressStrip(QWidget *parent)
    : QWidget(parent) {
    QSizePolicy policy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    policy.setHeightForWidth(true);
    setSizePolicy(policy);
    setAccessibleName(tr("Address ranges and company addresses", "@info accessible"));
}

AddressStrip::~AddressStrip() = default;

void AddressStrip::setItems(const QList<Item> &items) {
    if (items == m_items)
        return;
    m_items = items;
    setAccessibleDescription(describeItems());
    updateGeometry();
    update();
}

QString AddressStrip::displayText(const Item &item) {
    const QString address = item.range.prefixLength() == item.range.network().bitCount()
                                ? item.range.network().toString()
                                : item.range.toString();
    return item.label.isEmpty() ? address : item.label + QLatin1Char(' ') + address;
}

QString AddressStrip::describeItems() const {
    QStringList lines;
    for (const Item &item : m_items) {
        lines.append(item.conflict ? tr("%1 (conflict)", "@info accessible").arg(displayText(item))
                                   : displayText(item));
    }
    return lines.join(QLatin1Char('\n'));
}

QSize AddressStrip::sizeHint() const {
    return {700, heightForWidth(700)};
}

QSize AddressStrip::minimumSizeHint() const {
    return {fontMetrics().horizontalAdvance(QLatin1Char('0')) * 30, heightForWidth(700)};
}

int AddressStrip::heightForWidth(int width) const {
    return computeLayout(width).height;
}

AddressStrip::Layout AddressStrip::computeLayout(int width) const {
    Layout layout;
    const QFontMetricsF fm(font());
    const qreal lineHeight = fm.height();
    const qreal rowHeight = lineHeight + 2;
    const qreal aboveRowHeight = lineHeight * 2 + 2;
    const qreal margin = std::ceil(lineHeight / 2);
    const qreal spacing = std::ceil(lineHeight / 2);
    const qreal left = margin;
    const qreal right = std::max<qreal>(left + 10, width - margin);

    // ---- The address tree: CIDR ranges never partly overlap, so every range lies inside the next larger
    // one or apart from it. Equal ranges share a node.
    struct TreeNode {
        quint64 first = 0;
        quint64 last = 0;
        QList<int> items;
        QList<int> children;
        qreal x0 = 0;
        qreal x1 = 0;
        bool topLevel = false;
        bool isPoint() const { return first == last; }
    };
    QList<TreeNode> nodes;
    for (int i = 0; i < m_items.size(); ++i) {
        const Item &item = m_items[i];
        if (!item.range.isV4())
            continue;
        const quint64 first = item.range.network().toV4();
        const quint64 last = item.range.lastAddress().toV4();
        auto same = std::find_if(nodes.begin(), nodes.end(),
                                 [&](const TreeNode &node) { return node.first == first && node.last == last; });
        if (same != nodes.end())
            same->items.append(i);
        else
            nodes.append({first, last, {i}, {}, 0, 0, false});
    }
    if (nodes.isEmpty()) {
        layout.emptyRect = QRectF(left, 2, right - left, rowHeight * 2);
        layout.height = static_cast<int>(std::ceil(layout.emptyRect.bottom() + 2));
        return layout;
    }
    QList<int> order(nodes.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](int a, int b) {
        return nodes[a].first != nodes[b].first ? nodes[a].first < nodes[b].first : nodes[a].last > nodes[b].last;
    });
    QList<int> roots;
    QList<int> stack;
    for (int index : order) {
        while (!stack.isEmpty() && nodes[stack.last()].last < nodes[index].first)
            stack.removeLast();
        if (stack.isEmpty()) {
            nodes[index].topLevel = true;
            roots.append(index);
        } else {
            nodes[stack.last()].children.append(index);
        }
        stack.append(index);
    }

    // Markers are labelled on two lines, name over address, which keeps labels narrow.
    const auto markerLines = [&](int item) -> std::pair<QString, QString> {
        const Item &it = m_items[item];
        const QString address = it.range.network().toString();
        return it.label.isEmpty() ? std::pair(address, QString()) : std::pair(it.label, address);
    };
    const auto markerLabelWidth = [&](int item) {
        const auto [name, address] = markerLines(item);
        return std::max(fm.horizontalAdvance(name), fm.horizontalAdvance(address));
    };

    // ---- Horizontal scale. Inside a range, each part gets room by the logarithm of its size; between
    // unrelated addresses, a short gap; a lone address gets the room its label needs.
    struct Piece {
        int node = -1; ///< -1: a gap
        qreal weight = 0;
        qreal pixels = 0; ///< fixed room (lone addresses at the top level)
        bool breakMark = false;
    };
    const auto allocate = [&](const auto &self, int index, qreal x0, qreal x1) -> void {
        TreeNode &node = nodes[index];
        node.x0 = x0;
        node.x1 = x1;
        if (node.children.isEmpty())
            return;
        QList<Piece> pieces;
        quint64 cursor = node.first;
        for (int child : node.children) {
            if (nodes[child].first > cursor)
                pieces.append({-1, weightOf(nodes[child].first - cursor), 0, false});
            pieces.append({child, weightOf(nodes[child].last - nodes[child].first + 1), 0, false});
            cursor = nodes[child].last + 1;
        }
        if (cursor <= node.last)
            pieces.append({-1, weightOf(node.last - cursor + 1), 0, false});
        qreal total = 0;
        for (const Piece &piece : pieces)
            total += piece.weight;
        qreal x = x0;
        for (const Piece &piece : pieces) {
            const qreal w = (x1 - x0) * piece.weight / total;
            if (piece.node >= 0)
                self(self, piece.node, x, x + w);
            x += w;
        }
    };

    QList<Piece> top;
    for (qsizetype i = 0; i < roots.size(); ++i) {
        const TreeNode &node = nodes[roots[i]];
        if (i > 0) {
            const quint64 gap = node.first - nodes[roots[i - 1]].last - 1;
            if (gap > 0)
                top.append({-1, std::min(weightOf(gap), GapWeight), 0, gap >= BreakGap});
        }
        if (node.isPoint()) {
            qreal widest = 0;
            for (int item : node.items)
                widest = std::max(widest, markerLabelWidth(item));
            top.append({roots[i], 0, widest + spacing * 2, false});
        } else {
            top.append({roots[i], weightOf(node.last - node.first + 1), 0, false});
        }
    }
    const qreal available = right - left;
    qreal fixed = 0;
    qreal weights = 0;
    for (const Piece &piece : top) {
        fixed += piece.pixels;
        weights += piece.weight;
    }
    const qreal fixedShare = weights > 0 ? LoneShare : 1.0;
    const qreal fixedScale = fixed > available * fixedShare ? available * fixedShare / fixed : 1.0;
    const qreal rest = available - fixed * fixedScale;
    qreal x = left;
    for (const Piece &piece : top) {
        qreal w = piece.pixels * fixedScale;
        if (weights > 0)
            w += rest * piece.weight / weights;
        else
            w += rest / static_cast<qreal>(top.size()); // only lone addresses: share out what is left
        if (piece.node >= 0)
            allocate(allocate, piece.node, x, x + w);
        else if (piece.breakMark)
            layout.breaks.append(x + w / 2);
        x += w;
    }

    // ---- Shapes (y relative to the band for now). Labels that do not fit inside their bar are placed
    // afterwards, right to left: a label extends to the right of its leader line, so it never hides a
    // leader placed before it.
    const qreal bandHeight = std::round(lineHeight * 1.5);
    const bool hasNetworks = std::any_of(m_items.cbegin(), m_items.cend(), [](const Item &item) {
        return item.kind == Kind::CompanyNetwork && item.range.isV4();
    });
    const qreal laneGap = 3;
    const qreal laneHeight = std::max<qreal>(4, std::round(lineHeight / 4));
    const qreal belowBand = hasNetworks ? laneGap + laneHeight : 0;

    QList<int> byNode(m_items.size(), -1);
    for (int n = 0; n < nodes.size(); ++n) {
        for (int item : nodes[n].items)
            byNode[item] = n;
    }
    QList<int> itemOrder;
    for (int i = 0; i < m_items.size(); ++i) {
        if (byNode[i] >= 0)
            itemOrder.append(i);
    }
    // Largest first, so that smaller bars are drawn on top of the ones that hold them.
    std::stable_sort(itemOrder.begin(), itemOrder.end(), [&](int a, int b) {
        const TreeNode &na = nodes[byNode[a]];
        const TreeNode &nb = nodes[byNode[b]];
        if (na.last - na.first != nb.last - nb.first)
            return na.last - na.first > nb.last - nb.first;
        return na.x0 < nb.x0;
    });
    const auto markerXOf = [&](const TreeNode &node) {
        return node.topLevel ? node.x0 + std::min(spacing, (node.x1 - node.x0) / 2) : (node.x0 + node.x1) / 2;
    };

    struct Request {
        qsizetype placed = -1;
        bool isAbove = false;
    };
    QList<Layout::Placed> shapes;
    QList<Request> requests;
    for (int i : itemOrder) {
        const Item &item = m_items[i];
        const TreeNode &node = nodes[byNode[i]];
        Layout::Placed placed;
        placed.item = i;
        placed.label = displayText(item);
        const bool bar = isRange(item.kind) || (!isMarker(item.kind) && !node.isPoint());
        if (bar && item.kind == Kind::CompanyNetwork) {
            placed.kind = Layout::Placed::Shape::Lane;
            placed.shape = QRectF(node.x0, bandHeight + laneGap, std::max<qreal>(2, node.x1 - node.x0), laneHeight);
            placed.leaderX = placed.shape.left() + 1;
            requests.append({shapes.size(), false});
        } else if (bar) {
            placed.kind = Layout::Placed::Shape::Bar;
            placed.shape = QRectF(node.x0, 0, std::max<qreal>(2, node.x1 - node.x0), bandHeight);
            // Inside the bar when the label fits between the markers that cross it.
            QList<qreal> cuts = {placed.shape.left(), placed.shape.right()};
            for (const TreeNode &other : nodes) {
                if (&other == &node || other.first < node.first || other.last > node.last)
                    continue;
                if (other.isPoint()) {
                    cuts.append(markerXOf(other));
                } else if (std::any_of(other.items.cbegin(), other.items.cend(),
                                       [&](int o) { return isRange(m_items[o].kind); })) {
                    // A range inside this one (overlapping pod and service ranges): its edges too.
                    cuts.append(other.x0);
                    cuts.append(other.x1);
                }
            }
            std::sort(cuts.begin(), cuts.end());
            qreal freeLeft = 0;
            qreal freeWidth = -1;
            for (qsizetype c = 1; c < cuts.size(); ++c) {
                if (cuts[c] - cuts[c - 1] > freeWidth) {
                    freeWidth = cuts[c] - cuts[c - 1];
                    freeLeft = cuts[c - 1];
                }
            }
            // Inside, centred between the markers, when the whole label fits; else below with its name, since
            // a bar coloured for a conflict says what it is only through its label.
            const qreal textWidth = fm.horizontalAdvance(placed.label);
            if (textWidth <= freeWidth - spacing) {
                placed.labelInside = true;
                placed.labelRect = QRectF(freeLeft + (freeWidth - textWidth) / 2, 0, textWidth + 1, bandHeight);
            } else {
                placed.leaderX = placed.shape.left() + std::min<qreal>(spacing, placed.shape.width() / 2);
                requests.append({shapes.size(), false});
            }
        } else {
            // A single address (or a network of one address): a marker across the band.
            const qreal markerX = markerXOf(node);
            placed.shape = QRectF(markerX - 1, 0, 2, bandHeight + belowBand);
            placed.leaderX = markerX;
            if (item.kind != Kind::CompanyNetwork)
                std::tie(placed.label, placed.detail) = markerLines(i);
            requests.append({shapes.size(), item.kind != Kind::CompanyNetwork});
        }
        shapes.append(placed);
    }

    std::stable_sort(requests.begin(), requests.end(), [&](const Request &a, const Request &b) {
        return shapes[a.placed].leaderX > shapes[b.placed].leaderX;
    });
    RowPacker above;
    RowPacker below;
    QList<int> rowOf(shapes.size(), -1);
    for (const Request &request : requests) {
        Layout::Placed &placed = shapes[request.placed];
        const qreal w = std::max(fm.horizontalAdvance(placed.label), fm.horizontalAdvance(placed.detail)) + 1;
        qreal labelLeft = placed.leaderX + 3;
        if (labelLeft + w > width - 1)
            labelLeft = placed.leaderX - 3 - w; // would run off the right edge: end at the leader instead
        labelLeft = std::clamp<qreal>(labelLeft, 1, std::max<qreal>(1, width - 1 - w));
        placed.labelRect = QRectF(labelLeft, 0, w, placed.detail.isEmpty() ? lineHeight : lineHeight * 2);
        // The leader belongs to the label's row too: it runs along the label's edge.
        const qreal spanLeft = std::min(labelLeft, placed.leaderX - 1);
        const qreal spanRight = std::max(labelLeft + w, placed.leaderX + 1);
        rowOf[request.placed] =
            (request.isAbove ? above : below).place(spanLeft, spanRight, placed.leaderX, spacing / 2);
    }

    // Where a pod range and a service range overlap (one always lies inside the other).
    for (int a = 0; a < m_items.size(); ++a) {
        for (int b = 0; b < m_items.size(); ++b) {
            if (m_items[a].kind != Kind::ServiceRange || m_items[b].kind != Kind::PodRange || byNode[a] < 0 ||
                byNode[b] < 0 || !m_items[a].range.overlaps(m_items[b].range))
                continue;
            const TreeNode &na = nodes[byNode[a]];
            const TreeNode &nb = nodes[byNode[b]];
            const TreeNode &inner = na.last - na.first < nb.last - nb.first ? na : nb;
            layout.overlaps.append(QRectF(inner.x0, 0, inner.x1 - inner.x0, bandHeight));
        }
    }

    // ---- Vertical placement: label rows above, the band, the network lane, label rows below, the legend.
    const qreal top0 = 2;
    const qreal leaderRoom = std::ceil(lineHeight / 4);
    const qreal bandTop = top0 + above.rowCount() * aboveRowHeight + (above.rowCount() > 0 ? leaderRoom : 0);
    layout.band = QRectF(left, bandTop, right - left, bandHeight);
    const qreal belowTop = bandTop + bandHeight + belowBand + (below.rowCount() > 0 ? leaderRoom : 0);
    for (qsizetype p = 0; p < shapes.size(); ++p) {
        Layout::Placed &placed = shapes[p];
        placed.shape.translate(0, bandTop);
        if (placed.labelInside)
            placed.labelRect.translate(0, bandTop);
        else if (placed.kind == Layout::Placed::Shape::Marker && !placed.detail.isEmpty())
            placed.labelRect.moveBottom(bandTop - leaderRoom - rowOf[p] * aboveRowHeight);
        else
            placed.labelRect.moveTop(belowTop + rowOf[p] * rowHeight);
        layout.placed.append(placed);
    }
    for (QRectF &overlap : layout.overlaps)
        overlap.translate(0, bandTop);

    // ---- Legend: only what is drawn, and "conflict" only when there is one.
    const qreal legendTop = belowTop + below.rowCount() * rowHeight + spacing;
    const auto present = [&](Kind kind) {
        return std::any_of(m_items.cbegin(), m_items.cend(),
                           [&](const Item &item) { return item.kind == kind && item.range.isV4(); });
    };
    struct Entry {
        std::optional<Kind> kind;
        QString text;
        bool gap = false;
    };
    QList<Entry> entries;
    const std::pair<Kind, QString> kinds[] = {
        {Kind::ServiceRange, tr("Service range", "@item legend")},
        {Kind::PodRange, tr("Pod range", "@item legend")},
        {Kind::CompanyService, tr("Company service", "@item legend")},
        {Kind::CompanyNetwork, tr("Company network", "@item legend")},
        {Kind::Node, tr("Node address", "@item legend")},
        {Kind::NodeLocalDns, tr("NodeLocalDNS", "@item legend")},
    };
    for (const auto &[kind, text] : kinds) {
        if (present(kind))
            entries.append({kind, text, false});
    }
    if (std::any_of(m_items.cbegin(), m_items.cend(), [](const Item &item) { return item.conflict; }))
        entries.append({std::nullopt, tr("Conflict", "@item legend"), false});
    if (!layout.breaks.isEmpty())
        entries.append({std::nullopt, tr("Gap shortened", "@item legend"), true});
    const qreal swatchWidth = std::round(lineHeight * 1.2);
    qreal lx = left;
    qreal ly = legendTop;
    for (const auto &[kind, text, gap] : entries) {
        const qreal w = swatchWidth + 4 + fm.horizontalAdvance(text);
        if (lx > left && lx + w > right) {
            lx = left;
            ly += rowHeight;
        }
        Layout::LegendEntry entry;
        entry.kind = kind;
        entry.text = text;
        entry.gap = gap;
        entry.swatch = QRectF(lx, ly + 3, swatchWidth, lineHeight - 6);
        entry.textRect = QRectF(lx + swatchWidth + 4, ly, fm.horizontalAdvance(text) + 1, lineHeight);
        layout.legend.append(entry);
        lx += w + spacing * 2;
    }
    layout.height = static_cast<int>(std::ceil(ly + rowHeight + 2));
    return layout;
}

namespace {

/// The "//" that says a stretch of addresses was left out.
void drawBreak(QPainter &painter, const QPointF &centre, qreal height, const QColor &line, const QColor &background) {
    const qreal slant = height / 3;
    const qreal half = height / 2;
    QPainterPath gap;
    gap.moveTo(centre.x() - 3 - slant, centre.y() + half);
    gap.lineTo(centre.x() - 3 + slant, centre.y() - half);
    gap.lineTo(centre.x() + 3 + slant, centre.y() - half);
    gap.lineTo(centre.x() + 3 - slant, centre.y() + half);
    gap.closeSubpath();
    painter.setPen(Qt::NoPen);
    painter.setBrush(background);
    painter.drawPath(gap);
    painter.setPen(QPen(line, 1.5));
    painter.drawLine(QPointF(centre.x() - 3 - slant, centre.y() + half),
                     QPointF(centre.x() - 3 + slant, centre.y() - half));
    painter.drawLine(QPointF(centre.x() + 3 - slant, centre.y() + half),
                     QPointF(centre.x() + 3 + slant, centre.y() - half));
}

} // namespace

void AddressStrip::paintEvent(QPaintEvent *) {
    const Layout layout = computeLayout(width());
    const Colours colours(palette());
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setFont(font());

    if (!layout.emptyRect.isNull()) {
        painter.setPen(colours.soft);
        painter.drawText(layout.emptyRect, Qt::AlignCenter | Qt::TextWordWrap,
                         tr("Enter valid ranges to see them here.", "@info"));
        return;
    }

    // The address line, broken where far-apart addresses were brought together.
    const QRectF band = layout.band;
    const qreal radius = 3;
    painter.setPen(QPen(colours.axis, 1.5));
    painter.drawLine(QPointF(band.left(), band.center().y()), QPointF(band.right(), band.center().y()));
    for (qreal x : layout.breaks)
        drawBreak(painter, QPointF(x, band.center().y()), band.height() / 2, colours.axis,
                  palette().color(QPalette::Window));

    const auto drawOutsideLabel = [&](const Layout::Placed &placed, const QColor &lineColour, qreal shapeEdge) {
        const Item &item = m_items[placed.item];
        const bool isAbove = placed.labelRect.bottom() <= band.top();
        painter.setPen(QPen(lineColour, 1));
        const qreal labelEdge = isAbove ? placed.labelRect.top() : placed.labelRect.bottom();
        painter.drawLine(QPointF(placed.leaderX, labelEdge), QPointF(placed.leaderX, shapeEdge));
        const QRectF first(placed.labelRect.left(), placed.labelRect.top(), placed.labelRect.width(),
                           placed.detail.isEmpty() ? placed.labelRect.height() : placed.labelRect.height() / 2);
        painter.setPen(item.conflict ? colours.conflict : colours.text);
        painter.drawText(first, Qt::AlignLeft | Qt::AlignVCenter, placed.label);
        if (!placed.detail.isEmpty()) {
            painter.setPen(item.conflict ? colours.conflict : colours.soft);
            painter.drawText(first.translated(0, first.height()), Qt::AlignLeft | Qt::AlignVCenter, placed.detail);
        }
    };

    // Bars: ranges on the band, networks on their lane below it.
    for (const Layout::Placed &placed : layout.placed) {
        if (placed.kind == Layout::Placed::Shape::Marker)
            continue;
        const Item &item = m_items[placed.item];
        const QColor fill = colours.fillOf(item.kind, item.conflict);
        painter.setPen(QPen(item.conflict ? colours.conflict : colours.edgeOf(fill), item.conflict ? 2 : 1));
        painter.setBrush(fill);
        const QRectF shape = placed.shape.adjusted(0.5, 0.5, -0.5, -0.5);
        if (placed.kind == Layout::Placed::Shape::Lane) {
            painter.drawRect(shape);
            drawOutsideLabel(placed, colours.of(item.kind, item.conflict), shape.bottom());
        } else {
            painter.drawRoundedRect(shape, radius, radius);
        }
    }
    // Pod and service ranges on top of each other: hatched in red.
    for (const QRectF &overlap : layout.overlaps) {
        painter.setPen(QPen(colours.conflict, 2));
        painter.setBrush(QBrush(colours.conflict, Qt::BDiagPattern));
        painter.drawRect(overlap.adjusted(1, 1, -1, -1));
    }
    for (const Layout::Placed &placed : layout.placed) {
        if (placed.kind != Layout::Placed::Shape::Bar)
            continue;
        const Item &item = m_items[placed.item];
        if (placed.labelInside) {
            painter.setPen(Colours::textOn(colours.fillOf(item.kind, item.conflict)));
            painter.drawText(placed.labelRect, Qt::AlignLeft | Qt::AlignVCenter, placed.label);
        } else {
            drawOutsideLabel(placed, colours.axis, placed.shape.bottom());
        }
    }

    // Markers last, so they stay visible on the bars.
    const qreal dot = std::max<qreal>(2.5, band.height() / 7);
    for (const Layout::Placed &placed : layout.placed) {
        if (placed.kind != Layout::Placed::Shape::Marker)
            continue;
        const Item &item = m_items[placed.item];
        const QColor colour = colours.of(item.kind, item.conflict);
        const qreal mx = placed.shape.center().x();
        painter.setPen(QPen(colour, item.conflict ? 3 : 2, Qt::SolidLine, Qt::FlatCap));
        painter.drawLine(QPointF(mx, placed.shape.top()), QPointF(mx, placed.shape.bottom()));
        painter.setPen(QPen(palette().color(QPalette::Base), 1));
        painter.setBrush(colour);
        painter.drawEllipse(QPointF(mx, band.center().y()), dot + 1, dot + 1);
        const bool isAbove = placed.labelRect.bottom() <= band.top();
        drawOutsideLabel(placed, colour, isAbove ? placed.shape.top() : placed.shape.bottom());
    }

    // Legend.
    for (const Layout::LegendEntry &entry : layout.legend) {
        const QRectF swatch = entry.swatch;
        if (entry.gap) {
            painter.setPen(QPen(colours.axis, 1.5));
            painter.drawLine(QPointF(swatch.left(), swatch.center().y()), QPointF(swatch.right(), swatch.center().y()));
            drawBreak(painter, swatch.center(), swatch.height(), colours.axis, palette().color(QPalette::Window));
        } else if (!entry.kind || isRange(*entry.kind)) {
            const QColor fill = entry.kind ? colours.fillOf(*entry.kind, false) : colours.conflict;
            painter.setPen(QPen(entry.kind ? colours.edgeOf(fill) : colours.conflict, 1));
            painter.setBrush(fill);
            painter.drawRoundedRect(swatch.adjusted(0.5, 0.5, -0.5, -0.5), 2, 2);
        } else if (*entry.kind == Kind::CompanyNetwork) {
            painter.setPen(Qt::NoPen);
            painter.setBrush(colours.company);
            const qreal h = std::max<qreal>(3, swatch.height() / 3);
            painter.drawRect(QRectF(swatch.left(), swatch.center().y() - h / 2, swatch.width(), h));
        } else {
            const QColor colour = colours.of(*entry.kind, false);
            painter.setPen(QPen(colour, 2, Qt::SolidLine, Qt::FlatCap));
            const qreal cx = swatch.center().x();
            painter.drawLine(QPointF(cx, swatch.top() - 2), QPointF(cx, swatch.bottom() + 2));
            painter.setPen(Qt::NoPen);
            painter.setBrush(colour);
            painter.drawEllipse(swatch.center(), dot, dot);
        }
        painter.setPen(colours.text);
        painter.drawText(entry.textRect, Qt::AlignLeft | Qt::AlignVCenter, entry.text);
    }
}

bool AddressStrip::event(QEvent *event) {
    if (event->type() == QEvent::ToolTip) {
        const auto *help = static_cast<QHelpEvent *>(event);
        const Layout layout = computeLayout(width());
        QStringList lines;
        for (const Layout::Placed &placed : layout.placed) {
            const QRectF hit = placed.shape.adjusted(-3, -3, 3, 3);
            if (!hit.contains(help->pos()) && !placed.labelRect.contains(help->pos()))
                continue;
            const Item &item = m_items[placed.item];
            lines.append(item.conflict
                             ? tr("%1 — conflicts with a cluster range", "@info:tooltip").arg(displayText(item))
                             : displayText(item));
        }
        lines.removeDuplicates();
        if (lines.isEmpty() && layout.band.contains(help->pos()))
            lines.append(tr("Gaps between far-apart addresses are shortened: order is kept, distances are not.",
                            "@info:tooltip"));
        if (lines.isEmpty()) {
            QToolTip::hideText();
            event->ignore();
        } else {
            QToolTip::showText(help->globalPos(), lines.join(QLatin1Char('\n')), this);
        }
        return true;
    }
    return QWidget::event(event);
}

void AddressStrip::changeEvent(QEvent *event) {
    if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange)
        updateGeometry();
    if (event->type() == QEvent::FontChange || event->type() == QEvent::PaletteChange ||
        event->type() == QEvent::StyleChange)
        update();
    QWidget::changeEvent(event);
}
