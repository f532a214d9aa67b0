// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#include "net/AddressPlan.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTest>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace ksw {

namespace {

Cidr parseCidr(const QString &text) {
    const Cidr::ParseResult result = Cidr::parse(text);
    if (!result.cidr)
        qFatal("test data is not a range: %s", qPrintable(text));
    return *result.cidr;
}

// Each entry is labelled with its own text so that conflicts() results are easy to compare.
QList<ReservedRange> reservedFrom(const QStringList &texts) {
    QList<ReservedRange> reserved;
    for (const QString &text : texts)
        reserved.append({parseCidr(text), text});
    return reserved;
}

QStringList labels(const QList<ReservedRange> &ranges) {
    QStringList result;
    for (const ReservedRange &range : ranges)
        result.append(range.label);
    return result;
}

// One /32 host in each of the first `count` /18 blocks of 10.0.0.0/8, listed last block first.
QList<ReservedRange> crowdedTenBlock(int count) {
    QList<ReservedRange> reserved;
    for (int i = count - 1; i >= 0; --i) {
        const IpAddress host = IpAddress::fromV4((10u << 24) + static_cast<quint32>(i) * 16384u + 7u);
        reserved.append({Cidr::host(host), host.toString()});
    }
    return reserved;
}

} // namespace

class TestAddressPlan : public QObject {
    Q_OBJECT

private slots:
    void findFree_data();
    void findFree();
    void deterministic();
    void manyReservedV4();
    void manyReservedV6();
    void conflicts_data();
    void conflicts();
    void alwaysReserved();
};

void TestAddressPlan::findFree_data() {
    QTest::addColumn<QString>("current");
    QTest::addColumn<QStringList>("reserved");
    QTest::addColumn<QString>("expected"); // empty: no room

    const QString pods = u"10.233.64.0/18"_s;
    QTest::newRow("kubespray scenario") << pods
                                        << QStringList{u"10.233.90.120/32"_s, u"10.233.0.0/18"_s, u"10.244.10.130/32"_s}
                                        << u"10.233.128.0/18"_s;
    QTest::newRow("already clear") << pods << QStringList{u"10.233.0.0/18"_s, u"10.244.10.130/32"_s} << pods;
    QTest::newRow("nothing reserved") << pods << QStringList{} << pods;
    QTest::newRow("clear outside private blocks") << u"100.64.0.0/16"_s << QStringList{} << u"100.64.0.0/16"_s;
    QTest::newRow("reserved one before first") << pods << QStringList{u"10.233.63.255/32"_s} << pods;
    QTest::newRow("reserved at first address") << pods << QStringList{u"10.233.64.0/32"_s} << u"10.233.128.0/18"_s;
    QTest::newRow("reserved at last address") << pods << QStringList{u"10.233.127.255/32"_s} << u"10.233.128.0/18"_s;
    QTest::newRow("reserved one after last") << pods << QStringList{u"10.233.128.0/32"_s} << pods;
    QTest::newRow("jump past a larger range") << pods << QStringList{u"10.233.0.0/16"_s} << u"10.234.0.0/18"_s;
    QTest::newRow("several conflicts in a row")
        << pods << QStringList{u"10.233.64.1/32"_s, u"10.233.128.0/17"_s, u"10.234.0.0/18"_s} << u"10.234.64.0/18"_s;
    QTest::newRow("wrap to start of home block")
        << u"10.200.0.0/16"_s << QStringList{u"10.192.0.0/10"_s} << u"10.0.0.0/16"_s;
    QTest::newRow("first block full") << pods << QStringList{u"10.0.0.0/8"_s} << u"172.16.0.0/18"_s;
    QTest::newRow("first two blocks full")
        << pods << QStringList{u"10.0.0.0/8"_s, u"172.16.0.0/12"_s} << u"192.168.0.0/18"_s;
    QTest::newRow("home block walked before the first")
        << u"172.16.0.0/16"_s << QStringList{u"172.16.0.0/16"_s} << u"172.17.0.0/16"_s;
    QTest::newRow("request too large for later blocks") << u"10.0.0.0/8"_s << QStringList{u"10.0.0.0/8"_s} << QString();
    QTest::newRow("no room for a /8") << u"10.0.0.0/8"_s
                                      << QStringList{u"10.0.0.0/8"_s, u"172.16.0.0/12"_s, u"192.168.0.0/16"_s}
                                      << QString();
    QTest::newRow("no room for a /18") << pods << QStringList{u"10.0.0.0/8"_s, u"172.16.0.0/12"_s, u"192.168.0.0/16"_s}
                                       << QString();
    QTest::newRow("link-local always avoided") << u"169.254.0.0/16"_s << QStringList{} << u"10.0.0.0/16"_s;
    QTest::newRow("loopback always avoided") << u"127.0.0.0/16"_s << QStringList{} << u"10.0.0.0/16"_s;
    QTest::newRow("larger than its block") << u"172.0.0.0/8"_s << QStringList{u"172.0.0.0/8"_s} << u"10.0.0.0/8"_s;
    QTest::newRow("last block of home") << u"10.255.192.0/18"_s << QStringList{u"10.255.192.0/18"_s}
                                        << u"10.0.0.0/18"_s;
    QTest::newRow("other family ignored") << u"fd00::/64"_s << QStringList{u"0.0.0.0/0"_s} << u"fd00::/64"_s;
    QTest::newRow("v6 kubespray pods") << u"fd85:ee78:d8a6:8607::1:0/112"_s
                                       << QStringList{u"fd85:ee78:d8a6:8607::1:10/128"_s}
                                       << u"fd85:ee78:d8a6:8607::2:0/112"_s;
    QTest::newRow("v6 wrap at end of fd00::/8")
        << u"fdff:ffff:ffff:ffff::/64"_s << QStringList{u"fdff:ffff:ffff:ffff::/64"_s} << u"fd00::/64"_s;
    QTest::newRow("v6 jump past half the block") << u"fd00::/64"_s << QStringList{u"fd00::/9"_s} << u"fd80::/64"_s;
    QTest::newRow("v6 outside private block")
        << u"2001:db8::/64"_s << QStringList{u"2001:db8::/32"_s} << u"fd00::/64"_s;
    QTest::newRow("v6 link-local always avoided") << u"fe80::/64"_s << QStringList{} << u"fd00::/64"_s;
    QTest::newRow("v6 no room") << u"fd00::/64"_s << QStringList{u"fc00::/7"_s} << QString();
}

void TestAddressPlan::findFree() {
    QFETCH(QString, current);
    QFETCH(QStringList, reserved);
    QFETCH(QString, expected);

    const std::optional<Cidr> found = AddressPlan::findFree(parseCidr(current), reservedFrom(reserved));
    if (expected.isEmpty()) {
        QVERIFY2(!found.has_value(), qPrintable(found ? found->toString() : QString()));
        return;
    }
    QVERIFY(found.has_value());
    QCOMPARE(found->toString(), expected);
    QCOMPARE(found->prefixLength(), parseCidr(current).prefixLength());
    QVERIFY(AddressPlan::conflicts(*found, reservedFrom(reserved)).isEmpty());
    QVERIFY(AddressPlan::conflicts(*found, AddressPlan::alwaysReserved()).isEmpty());
}

void TestAddressPlan::deterministic() {
    const Cidr pods = parseCidr(u"10.233.64.0/18"_s);
    QList<ReservedRange> reserved = crowdedTenBlock(300);
    reserved += reservedFrom({u"10.233.0.0/16"_s, u"172.16.0.0/12"_s});
    const std::optional<Cidr> first = AddressPlan::findFree(pods, reserved);
    QVERIFY(first.has_value());
    QCOMPARE(first->toString(), u"10.234.0.0/18"_s);
    QCOMPARE(AddressPlan::findFree(pods, reserved), first);
    std::reverse(reserved.begin(), reserved.end());
    QCOMPARE(AddressPlan::findFree(pods, reserved), first);
}

void TestAddressPlan::manyReservedV4() {
    // 1000 of the 1024 /18 blocks of 10.0.0.0/8 hold a reserved host.
    const QList<ReservedRange> reserved = crowdedTenBlock(1000);
    QElapsedTimer timer;
    timer.start();
    const std::optional<Cidr> found = AddressPlan::findFree(parseCidr(u"10.0.0.0/18"_s), reserved);
    QVERIFY(found.has_value());
    QCOMPARE(found->toString(), u"10.250.0.0/18"_s);
    // Generous enough for a debug build on a slow machine; a per-address walk would take far longer.
    QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
}

void TestAddressPlan::manyReservedV6() {
    // 1024 consecutive /64 blocks from fd00:: and a /54 after them; fd00::/8 holds 2^56 /64 blocks, so only
    // jumping past conflicts makes this finish.
    QList<ReservedRange> reserved;
    std::optional<Cidr> block = parseCidr(u"fd00::/64"_s);
    for (int i = 0; i < 1024; ++i) {
        reserved.append({*block, block->toString()});
        block = block->next();
    }
    reserved += reservedFrom({u"fd00:0:0:400::/54"_s});
    const std::optional<Cidr> found = AddressPlan::findFree(parseCidr(u"fd00::/64"_s), reserved);
    QVERIFY(found.has_value());
    QCOMPARE(found->toString(), u"fd00:0:0:800::/64"_s);
}

void TestAddressPlan::conflicts_data() {
    QTest::addColumn<QString>("range");
    QTest::addColumn<QStringList>("reserved");
    QTest::addColumn<QStringList>("expected");

    const QStringList scenario{u"10.0.0.0/8"_s, u"10.233.0.0/18"_s, u"10.233.90.120/32"_s, u"10.244.10.130/32"_s,
                               u"10.233.64.0/24"_s};
    QTest::newRow("kubespray pods") << u"10.233.64.0/18"_s << scenario
                                    << QStringList{u"10.0.0.0/8"_s, u"10.233.90.120/32"_s, u"10.233.64.0/24"_s};
    QTest::newRow("kubespray services") << u"10.233.0.0/18"_s << scenario
                                        << QStringList{u"10.0.0.0/8"_s, u"10.233.0.0/18"_s};
    QTest::newRow("none") << u"192.168.0.0/16"_s << scenario << QStringList{};
    QTest::newRow("single host") << u"10.244.10.130/32"_s << scenario
                                 << QStringList{u"10.0.0.0/8"_s, u"10.244.10.130/32"_s};
    QTest::newRow("boundary neighbours") << u"10.233.64.0/18"_s
                                         << QStringList{u"10.233.63.255/32"_s, u"10.233.128.0/32"_s} << QStringList{};
    QTest::newRow("other family") << u"fd00::/8"_s << scenario << QStringList{};
    QTest::newRow("v6") << u"fd00::/64"_s << QStringList{u"fd00::1/128"_s, u"fd00:0:0:1::/64"_s, u"fd00::/8"_s}
                        << QStringList{u"fd00::1/128"_s, u"fd00::/8"_s};
}

void TestAddressPlan::conflicts() {
    QFETCH(QString, range);
    QFETCH(QStringList, reserved);
    QFETCH(QStringList, expected);
    QCOMPARE(labels(AddressPlan::conflicts(parseCidr(range), reservedFrom(reserved))), expected);
}

void TestAddressPlan::alwaysReserved() {
    const QList<ReservedRange> always = AddressPlan::alwaysReserved();
    QStringList ranges;
    for (const ReservedRange &entry : always) {
        QVERIFY(!entry.label.isEmpty());
        ranges.append(entry.range.toString());
    }
    const QStringList expected{u"169.254.0.0/16"_s, u"127.0.0.0/8"_s, u"0.0.0.0/8"_s, u"224.0.0.0/4"_s,
                               u"240.0.0.0/4"_s,    u"::1/128"_s,     u"fe80::/10"_s, u"ff00::/8"_s};
    QCOMPARE(ranges, expected);
}

} // namespace ksw

QTEST_GUILESS_MAIN(ksw::TestAddressPlan)
#include "TestAddressPlan.moc"
