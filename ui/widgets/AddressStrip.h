// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#pragma once

#include "net/Cidr.h"

#include <QList>
#include <QString>
#include <QWidget>

/// A picture of the IPv4 address space that matters: the cluster's pod and service ranges as bars, the
/// company services, company networks, node addresses and the NodeLocalDNS address as markers, conflicts
/// in red. Gaps between far-apart addresses are shortened, so the scale keeps order but not distance.
class AddressStrip : public QWidget {
    Q_OBJECT

public:
    enum class Kind { PodRange, ServiceRange, CompanyService, CompanyNetwork, Node, NodeLocalDns };

    /// One thing to draw. A range or network is a bar; a single address (/32) is a marker.
    struct Item {
        QString label; ///< short name ("Pods", "Docker Registry", "node1"); the address is added when drawn
        ksw::Cidr range;
        Kind kind = Kind::CompanyService;
        bool conflict = false; ///< drawn in red

        friend bool operator==(const Item &, const Item &) = default;
    };

    explicit AddressStrip(QWidget *parent = nullptr);
    ~AddressStrip() override;

    /// What to draw; IPv6 items are ignored (the strip shows IPv4 only).
    void setItems(const QList<Item> &items);
    QList<Item> items() const { return m_items; }

    /// The label as drawn: "Docker Registry 10.233.90.120", "Pods 10.233.64.0/18".
    static QString displayText(const Item &item);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;
    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    bool event(QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    struct Layout;
    /// Positions of everything for a widget of `width`; paintEvent draws it, heightForWidth measures it.
    Layout computeLayout(int width) const;
    QString describeItems() const;

    QList<Item> m_items;
};
