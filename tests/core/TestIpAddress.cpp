// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#include "net/IpAddress.h"

#include <QObject>
#include <QTest>

using namespace Qt::StringLiterals;

namespace ksw {

class TestIpAddress : public QObject {
    Q_OBJECT

private slots:
    void parseValid_data();
    void parseValid();
    void parseInvalid_data();
    void parseInvalid();
    void canonicalV6_data();
    void canonicalV6();
    void bits_data();
    void bits();
    void masked_data();
    void masked();
    void added_data();
    void added();
    void v4RoundTrip();
    void fromBytesNormalisesV4();
    void ordering();
};

void TestIpAddress::parseValid_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("v4");
    QTest::addColumn<QString>("canonical");

    QTest::newRow("v4 plain") << u"10.233.64.5"_s << true << u"10.233.64.5"_s;
    QTest::newRow("v4 zero") << u"0.0.0.0"_s << true << u"0.0.0.0"_s;
    QTest::newRow("v4 all ones") << u"255.255.255.255"_s << true << u"255.255.255.255"_s;
    QTest::newRow("v4 single zero octets") << u"10.0.0.1"_s << true << u"10.0.0.1"_s;
    QTest::newRow("v4 surrounding spaces") << u"  192.168.1.1\t"_s << true << u"192.168.1.1"_s;
    QTest::newRow("v6 unspecified") << u"::"_s << false << u"::"_s;
    QTest::newRow("v6 loopback") << u"::1"_s << false << u"::1"_s;
    QTest::newRow("v6 full form") << u"2001:0db8:0000:0000:0000:ff00:0042:8329"_s << false
                                  << u"2001:db8::ff00:42:8329"_s;
    QTest::newRow("v6 upper case") << u"FD00:ABCD::1"_s << false << u"fd00:abcd::1"_s;
    QTest::newRow("v6 trailing gap") << u"fe80::"_s << false << u"fe80::"_s;
    QTest::newRow("v6 gap of one group") << u"1:2:3::5:6:7:8"_s << false << u"1:2:3:0:5:6:7:8"_s;
    QTest::newRow("v6 eight groups") << u"1:2:3:4:5:6:7:8"_s << false << u"1:2:3:4:5:6:7:8"_s;
    QTest::newRow("v6 mapped v4") << u"::ffff:1.2.3.4"_s << false << u"::ffff:1.2.3.4"_s;
    QTest::newRow("v6 mapped v4 long form") << u"0:0:0:0:0:ffff:10.0.0.1"_s << false << u"::ffff:10.0.0.1"_s;
    QTest::newRow("v6 embedded v4 not mapped") << u"64:ff9b::192.0.2.33"_s << false << u"64:ff9b::c000:221"_s;
    QTest::newRow("v6 surrounding spaces") << u" fd00::1 "_s << false << u"fd00::1"_s;
}

void TestIpAddress::parseValid() {
    QFETCH(QString, text);
    QFETCH(bool, v4);
    QFETCH(QString, canonical);

    const std::optional<IpAddress> address = IpAddress::parse(text);
    QVERIFY(address.has_value());
    QCOMPARE(address->isV4(), v4);
    QCOMPARE(address->isV6(), !v4);
    QCOMPARE(address->bitCount(), v4 ? 32 : 128);
    QCOMPARE(address->toString(), canonical);
    // The canonical text must read back as the same address.
    QCOMPARE(IpAddress::parse(canonical), address);
}

void TestIpAddress::parseInvalid_data() {
    QTest::addColumn<QString>("text");

    QTest::newRow("empty") << QString();
    QTest::newRow("only spaces") << u"   "_s;
    QTest::newRow("v4 leading zero") << u"010.1.1.1"_s;
    QTest::newRow("v4 leading zero last octet") << u"10.1.1.01"_s;
    QTest::newRow("v4 double zero") << u"10.00.1.1"_s;
    QTest::newRow("v4 shortened two parts") << u"10.1"_s;
    QTest::newRow("v4 shortened three parts") << u"10.1.1"_s;
    QTest::newRow("v4 five parts") << u"10.1.1.1.1"_s;
    QTest::newRow("v4 octet 256") << u"10.1.1.256"_s;
    QTest::newRow("v4 four digits") << u"10.1.1.1000"_s;
    QTest::newRow("v4 empty octet") << u"10..1.1"_s;
    QTest::newRow("v4 trailing dot") << u"10.1.1.1."_s;
    QTest::newRow("v4 inner space") << u"10.1. 1.1"_s;
    QTest::newRow("v4 sign") << u"10.1.1.+1"_s;
    QTest::newRow("v4 negative") << u"10.1.1.-1"_s;
    QTest::newRow("v4 hex") << u"0x0a.1.1.1"_s;
    QTest::newRow("v4 non-ascii digit") << u"10.1.1.\u0661"_s;
    QTest::newRow("v4 single number") << u"167772161"_s;
    QTest::newRow("v4 with prefix") << u"10.0.0.0/8"_s;
    QTest::newRow("hostname") << u"registry.example.com"_s;
    QTest::newRow("v6 zone id") << u"fe80::1%eth0"_s;
    QTest::newRow("v6 brackets") << u"[::1]"_s;
    QTest::newRow("v6 two gaps") << u"1::2::3"_s;
    QTest::newRow("v6 triple colon") << u":::"_s;
    QTest::newRow("v6 leading single colon") << u":1:2:3:4:5:6:7"_s;
    QTest::newRow("v6 trailing single colon") << u"1:2:3:4:5:6:7:"_s;
    QTest::newRow("v6 seven groups") << u"1:2:3:4:5:6:7"_s;
    QTest::newRow("v6 nine groups") << u"1:2:3:4:5:6:7:8:9"_s;
    QTest::newRow("v6 gap with eight groups") << u"1:2:3:4::5:6:7:8"_s;
    QTest::newRow("v6 five hex digits") << u"12345::1"_s;
    QTest::newRow("v6 bad hex") << u"fd00::g"_s;
    QTest::newRow("v6 inner space") << u"fd00:: 1"_s;
    QTest::newRow("v6 v4 not at end") << u"::1.2.3.4:1"_s;
    QTest::newRow("v6 v4 before gap") << u"1.2.3.4::"_s;
    QTest::newRow("v6 v4 with leading zero") << u"::ffff:01.2.3.4"_s;
    QTest::newRow("v6 v4 too many groups") << u"1:2:3:4:5:6:7:1.2.3.4"_s;
    QTest::newRow("v6 short v4") << u"::ffff:1.2.3"_s;
    QTest::newRow("garbage") << u"foo"_s;
}

void TestIpAddress::parseInvalid() {
    QFETCH(QString, text);
    QVERIFY(!IpAddress::parse(text).has_value());
}

void TestIpAddress::canonicalV6_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("canonical");

    QTest::newRow("leading zeros dropped") << u"2001:0db8::0001"_s << u"2001:db8::1"_s;
    QTest::newRow("longest run wins") << u"2001:db8:0:0:1:0:0:0"_s << u"2001:db8:0:0:1::"_s;
    QTest::newRow("first run on ties") << u"2001:db8:0:0:1:0:0:1"_s << u"2001:db8::1:0:0:1"_s;
    QTest::newRow("single zero not compressed") << u"2001:db8:0:1:1:1:1:1"_s << u"2001:db8:0:1:1:1:1:1"_s;
    QTest::newRow("run at start") << u"0:0:0:0:0:0:0:1"_s << u"::1"_s;
    QTest::newRow("run at end") << u"fd00:0:0:0:0:0:0:0"_s << u"fd00::"_s;
    QTest::newRow("all zero") << u"0:0:0:0:0:0:0:0"_s << u"::"_s;
    QTest::newRow("lower case") << u"FD00::ABCD"_s << u"fd00::abcd"_s;
    QTest::newRow("all ones") << u"FFFF:FFFF:FFFF:FFFF:FFFF:FFFF:FFFF:FFFF"_s
                              << u"ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"_s;
}

void TestIpAddress::canonicalV6() {
    QFETCH(QString, text);
    QFETCH(QString, canonical);
    const std::optional<IpAddress> address = IpAddress::parse(text);
    QVERIFY(address.has_value());
    QCOMPARE(address->toString(), canonical);
}

void TestIpAddress::bits_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("index");
    QTest::addColumn<bool>("expected");

    QTest::newRow("v4 first bit set") << u"128.0.0.0"_s << 0 << true;
    QTest::newRow("v4 first bit clear") << u"127.255.255.255"_s << 0 << false;
    QTest::newRow("v4 last bit set") << u"0.0.0.1"_s << 31 << true;
    QTest::newRow("v4 ninth bit") << u"0.128.0.0"_s << 8 << true;
    QTest::newRow("v4 out of range") << u"255.255.255.255"_s << 32 << false;
    QTest::newRow("v6 first bit") << u"8000::"_s << 0 << true;
    QTest::newRow("v6 last bit") << u"::1"_s << 127 << true;
    QTest::newRow("v6 bit before last") << u"::1"_s << 126 << false;
}

void TestIpAddress::bits() {
    QFETCH(QString, text);
    QFETCH(int, index);
    QFETCH(bool, expected);
    QCOMPARE(IpAddress::parse(text)->bit(index), expected);
}

void TestIpAddress::masked_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("prefix");
    QTest::addColumn<bool>("setHostBits");
    QTest::addColumn<QString>("expected");

    QTest::newRow("v4 clear /18") << u"10.233.90.120"_s << 18 << false << u"10.233.64.0"_s;
    QTest::newRow("v4 set /18") << u"10.233.90.120"_s << 18 << true << u"10.233.127.255"_s;
    QTest::newRow("v4 /0") << u"10.233.90.120"_s << 0 << false << u"0.0.0.0"_s;
    QTest::newRow("v4 /32 unchanged") << u"10.233.90.120"_s << 32 << false << u"10.233.90.120"_s;
    QTest::newRow("v4 /24 set") << u"192.168.1.7"_s << 24 << true << u"192.168.1.255"_s;
    QTest::newRow("v6 clear /64") << u"fd00:1:2:3:4:5:6:7"_s << 64 << false << u"fd00:1:2:3::"_s;
    QTest::newRow("v6 set /64") << u"fd00:1:2:3::"_s << 64 << true << u"fd00:1:2:3:ffff:ffff:ffff:ffff"_s;
    QTest::newRow("v6 clear /8") << u"fdab::1"_s << 8 << false << u"fd00::"_s;
    QTest::newRow("v6 odd prefix /10") << u"febf::1"_s << 10 << false << u"fe80::"_s;
}

void TestIpAddress::masked() {
    QFETCH(QString, text);
    QFETCH(int, prefix);
    QFETCH(bool, setHostBits);
    QFETCH(QString, expected);
    QCOMPARE(IpAddress::parse(text)->masked(prefix, setHostBits).toString(), expected);
}

void TestIpAddress::added_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<quint64>("offset");
    QTest::addColumn<QString>("expected"); // empty: overflow

    QTest::newRow("v4 plus one") << u"10.0.0.1"_s << quint64(1) << u"10.0.0.2"_s;
    QTest::newRow("v4 carry") << u"10.0.0.255"_s << quint64(1) << u"10.0.1.0"_s;
    QTest::newRow("v4 carry through") << u"10.255.255.255"_s << quint64(1) << u"11.0.0.0"_s;
    QTest::newRow("v4 zero offset") << u"10.0.0.1"_s << quint64(0) << u"10.0.0.1"_s;
    QTest::newRow("v4 last address") << u"255.255.255.254"_s << quint64(1) << u"255.255.255.255"_s;
    QTest::newRow("v4 overflow by one") << u"255.255.255.255"_s << quint64(1) << QString();
    QTest::newRow("v4 offset beyond width") << u"0.0.0.0"_s << (quint64(1) << 32) << QString();
    QTest::newRow("v6 carry") << u"fd00::ffff:ffff:ffff:ffff"_s << quint64(1) << u"fd00:0:0:1::"_s;
    QTest::newRow("v6 big offset") << u"::"_s << (quint64(1) << 63) << u"::8000:0:0:0"_s;
    QTest::newRow("v6 overflow by one") << u"ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"_s << quint64(1) << QString();
}

void TestIpAddress::added() {
    QFETCH(QString, text);
    QFETCH(quint64, offset);
    QFETCH(QString, expected);
    const std::optional<IpAddress> result = IpAddress::parse(text)->added(offset);
    if (expected.isEmpty()) {
        QVERIFY(!result.has_value());
    } else {
        QVERIFY(result.has_value());
        QCOMPARE(result->toString(), expected);
    }
}

void TestIpAddress::v4RoundTrip() {
    const IpAddress address = IpAddress::fromV4(0x0ae95a78);
    QVERIFY(address.isV4());
    QCOMPARE(address.toString(), u"10.233.90.120"_s);
    QCOMPARE(address.toV4(), quint32(0x0ae95a78));
    QCOMPARE(IpAddress::parse(u"10.233.90.120"), address);
}

void TestIpAddress::fromBytesNormalisesV4() {
    std::array<quint8, 16> bytes{};
    bytes.fill(0xab);
    bytes[12] = 10;
    bytes[13] = 0;
    bytes[14] = 0;
    bytes[15] = 1;
    const IpAddress address = IpAddress::fromBytes(IpAddress::Family::V4, bytes);
    QCOMPARE(address, IpAddress::fromV4(0x0a000001));
    QCOMPARE(address.toString(), u"10.0.0.1"_s);
}

void TestIpAddress::ordering() {
    QVERIFY(*IpAddress::parse(u"10.0.0.1") < *IpAddress::parse(u"10.0.0.2"));
    QVERIFY(*IpAddress::parse(u"9.255.255.255") < *IpAddress::parse(u"10.0.0.0"));
    QVERIFY(*IpAddress::parse(u"fd00::1") > *IpAddress::parse(u"fd00::"));
    // The same bits in different families are different addresses.
    QVERIFY(*IpAddress::parse(u"::a00:1") != *IpAddress::parse(u"10.0.0.1"));
}

} // namespace ksw

QTEST_GUILESS_MAIN(ksw::TestIpAddress)
#include "TestIpAddress.moc"
