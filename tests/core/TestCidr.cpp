// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#include "net/Cidr.h"

#include <QObject>
#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;

namespace ksw {

namespace {

Cidr parseCidr(const QString &text) {
    const Cidr::ParseResult result = Cidr::parse(text);
    if (!result.cidr)
        qFatal("test data is not a range: %s", qPrintable(text));
    return *result.cidr;
}

IpAddress parseAddress(const QString &text) {
    const std::optional<IpAddress> result = IpAddress::parse(text);
    if (!result)
        qFatal("test data is not an address: %s", qPrintable(text));
    return *result;
}

} // namespace

class TestCidr : public QObject {
    Q_OBJECT

private slots:
    void parseValid_data();
    void parseValid();
    void parseErrors_data();
    void parseErrors();
    void messagesDistinct();
    void containsAddress_data();
    void containsAddress();
    void rangeRelations_data();
    void rangeRelations();
    void size_data();
    void size();
    void lastAddress_data();
    void lastAddress();
    void next_data();
    void next();
    void host();
};

void TestCidr::parseValid_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("canonical");
    QTest::addColumn<int>("prefix");

    QTest::newRow("kubespray pods") << u"10.233.64.0/18"_s << u"10.233.64.0/18"_s << 18;
    QTest::newRow("kubespray services") << u"10.233.0.0/18"_s << u"10.233.0.0/18"_s << 18;
    QTest::newRow("spaces trimmed") << u"  10.233.64.0/18 \n"_s << u"10.233.64.0/18"_s << 18;
    QTest::newRow("v4 /0") << u"0.0.0.0/0"_s << u"0.0.0.0/0"_s << 0;
    QTest::newRow("v4 /32") << u"10.244.10.130/32"_s << u"10.244.10.130/32"_s << 32;
    QTest::newRow("prefix with leading zero") << u"10.0.0.0/08"_s << u"10.0.0.0/8"_s << 8;
    QTest::newRow("v6 /64") << u"fd85:ee78:d8a6:8607::1:0/112"_s << u"fd85:ee78:d8a6:8607::1:0/112"_s << 112;
    QTest::newRow("v6 upper case") << u"FD00::/8"_s << u"fd00::/8"_s << 8;
    QTest::newRow("v6 /128") << u"::1/128"_s << u"::1/128"_s << 128;
    QTest::newRow("v6 /0") << u"::/0"_s << u"::/0"_s << 0;
}

void TestCidr::parseValid() {
    QFETCH(QString, text);
    QFETCH(QString, canonical);
    QFETCH(int, prefix);

    const Cidr::ParseResult result = Cidr::parse(text);
    QCOMPARE(result.error, Cidr::ParseError::None);
    QVERIFY(result.cidr.has_value());
    QVERIFY(!result.suggestion.has_value());
    QVERIFY(result.message.isEmpty());
    QCOMPARE(result.cidr->toString(), canonical);
    QCOMPARE(result.cidr->prefixLength(), prefix);
}

void TestCidr::parseErrors_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<Cidr::ParseError>("error");
    QTest::addColumn<QString>("suggestion"); // empty: none expected
    QTest::addColumn<QString>("messagePart");

    using E = Cidr::ParseError;
    QTest::newRow("empty") << QString() << E::Empty << QString() << u"No address range"_s;
    QTest::newRow("only spaces") << u"  \t "_s << E::Empty << QString() << u"No address range"_s;
    QTest::newRow("host bits set") << u"10.233.64.5/18"_s << E::HostBitsSet << u"10.233.64.0/18"_s
                                   << u"“10.233.64.5/18” has host bits set: the range it lies in is 10.233.64.0/18."_s;
    QTest::newRow("host bits set last address")
        << u"10.233.127.255/18"_s << E::HostBitsSet << u"10.233.64.0/18"_s << u"10.233.64.0/18"_s;
    QTest::newRow("host bits set v6") << u"fd00::1/64"_s << E::HostBitsSet << u"fd00::/64"_s << u"fd00::/64"_s;
    QTest::newRow("host bits set spaces trimmed")
        << u" 10.233.64.5/18 "_s << E::HostBitsSet << u"10.233.64.0/18"_s << u"“10.233.64.5/18”"_s;
    QTest::newRow("bare address") << u"10.233.64.0"_s << E::BareAddress << QString()
                                  << u"“10.233.64.0” is an address, not a range: add a prefix such as /18."_s;
    QTest::newRow("bare address v6") << u"fd00::"_s << E::BareAddress << QString() << u"/64"_s;
    QTest::newRow("garbage") << u"foo"_s << E::Garbage << QString() << u"“foo” is not an address range."_s;
    QTest::newRow("garbage with prefix") << u"foo/18"_s << E::Garbage << QString() << u"“foo/18”"_s;
    QTest::newRow("prefix only") << u"/18"_s << E::Garbage << QString() << u"“/18”"_s;
    QTest::newRow("octal looking address") << u"010.233.0.0/18"_s << E::Garbage << QString() << u"“010.233.0.0/18”"_s;
    QTest::newRow("shortened address") << u"10.233/16"_s << E::Garbage << QString() << u"“10.233/16”"_s;
    QTest::newRow("space before slash") << u"10.233.0.0 /18"_s << E::Garbage << QString() << u"not an address"_s;
    QTest::newRow("zone id") << u"fe80::1%eth0/64"_s << E::Garbage << QString() << u"not an address"_s;
    QTest::newRow("prefix 33") << u"10.233.0.0/33"_s << E::BadPrefix << QString() << u"“/33”"_s;
    QTest::newRow("prefix 129 v6") << u"fd00::/129"_s << E::BadPrefix << QString() << u"“/129”"_s;
    QTest::newRow("prefix huge") << u"10.0.0.0/99999999999999999999"_s << E::BadPrefix << QString() << u"/32"_s;
    QTest::newRow("prefix missing") << u"10.233.0.0/"_s << E::BadPrefix << QString() << u"no prefix after"_s;
    QTest::newRow("prefix negative") << u"10.233.0.0/-1"_s << E::BadPrefix << QString() << u"“-1”"_s;
    QTest::newRow("prefix not a number") << u"10.233.0.0/abc"_s << E::BadPrefix << QString() << u"not a number"_s;
    QTest::newRow("prefix plus sign") << u"10.233.0.0/+18"_s << E::BadPrefix << QString() << u"not a number"_s;
    QTest::newRow("space after slash") << u"10.233.0.0/ 18"_s << E::BadPrefix << QString() << u"not a number"_s;
    QTest::newRow("second slash") << u"10.233.0.0/18/2"_s << E::BadPrefix << QString() << u"not a number"_s;
}

void TestCidr::parseErrors() {
    QFETCH(QString, text);
    QFETCH(Cidr::ParseError, error);
    QFETCH(QString, suggestion);
    QFETCH(QString, messagePart);

    const Cidr::ParseResult result = Cidr::parse(text);
    QCOMPARE(result.error, error);
    QVERIFY(!result.cidr.has_value());
    QCOMPARE(result.suggestion.has_value(), !suggestion.isEmpty());
    if (result.suggestion)
        QCOMPARE(result.suggestion->toString(), suggestion);
    QVERIFY2(result.message.contains(messagePart), qPrintable(result.message));
}

void TestCidr::messagesDistinct() {
    const QStringList texts{u""_s, u"foo"_s, u"10.0.0.0"_s, u"10.0.0.0/33"_s, u"10.0.0.1/8"_s};
    QSet<QString> messages;
    QSet<Cidr::ParseError> errors;
    for (const QString &text : texts) {
        const Cidr::ParseResult result = Cidr::parse(text);
        QVERIFY(!result.message.isEmpty());
        messages.insert(result.message);
        errors.insert(result.error);
    }
    QCOMPARE(errors.size(), texts.size());
    QCOMPARE(messages.size(), texts.size());
}

void TestCidr::containsAddress_data() {
    QTest::addColumn<QString>("range");
    QTest::addColumn<QString>("address");
    QTest::addColumn<bool>("expected");

    QTest::newRow("pods hold the registry") << u"10.233.64.0/18"_s << u"10.233.90.120"_s << true;
    QTest::newRow("services miss the registry") << u"10.233.0.0/18"_s << u"10.233.90.120"_s << false;
    QTest::newRow("first address") << u"10.233.64.0/18"_s << u"10.233.64.0"_s << true;
    QTest::newRow("last address") << u"10.233.64.0/18"_s << u"10.233.127.255"_s << true;
    QTest::newRow("one before first") << u"10.233.64.0/18"_s << u"10.233.63.255"_s << false;
    QTest::newRow("one after last") << u"10.233.64.0/18"_s << u"10.233.128.0"_s << false;
    QTest::newRow("host range itself") << u"10.244.10.130/32"_s << u"10.244.10.130"_s << true;
    QTest::newRow("host range neighbour") << u"10.244.10.130/32"_s << u"10.244.10.131"_s << false;
    QTest::newRow("everything") << u"0.0.0.0/0"_s << u"255.255.255.255"_s << true;
    QTest::newRow("v6 first") << u"fd00::/8"_s << u"fd00::"_s << true;
    QTest::newRow("v6 last") << u"fd00::/8"_s << u"fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"_s << true;
    QTest::newRow("v6 one after last") << u"fd00::/8"_s << u"fe00::"_s << false;
    QTest::newRow("v6 one before first") << u"fd00::/8"_s << u"fcff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"_s << false;
    QTest::newRow("v4 range, v6 address") << u"0.0.0.0/0"_s << u"::a00:1"_s << false;
    QTest::newRow("v6 range, v4 address") << u"::/0"_s << u"10.0.0.1"_s << false;
}

void TestCidr::containsAddress() {
    QFETCH(QString, range);
    QFETCH(QString, address);
    QFETCH(bool, expected);
    QCOMPARE(parseCidr(range).contains(parseAddress(address)), expected);
}

void TestCidr::rangeRelations_data() {
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<bool>("aContainsB");
    QTest::addColumn<bool>("bContainsA");
    QTest::addColumn<bool>("overlap");

    QTest::newRow("/16 holds the services /18") << u"10.233.0.0/16"_s << u"10.233.0.0/18"_s << true << false << true;
    QTest::newRow("/16 holds the pods /18") << u"10.233.0.0/16"_s << u"10.233.64.0/18"_s << true << false << true;
    QTest::newRow("pods and services apart") << u"10.233.64.0/18"_s << u"10.233.0.0/18"_s << false << false << false;
    QTest::newRow("same range") << u"10.233.64.0/18"_s << u"10.233.64.0/18"_s << true << true << true;
    QTest::newRow("host at first address") << u"10.233.64.0/18"_s << u"10.233.64.0/32"_s << true << false << true;
    QTest::newRow("host at last address") << u"10.233.64.0/18"_s << u"10.233.127.255/32"_s << true << false << true;
    QTest::newRow("host one before") << u"10.233.64.0/18"_s << u"10.233.63.255/32"_s << false << false << false;
    QTest::newRow("host one after") << u"10.233.64.0/18"_s << u"10.233.128.0/32"_s << false << false << false;
    QTest::newRow("adjacent blocks") << u"10.233.64.0/18"_s << u"10.233.128.0/18"_s << false << false << false;
    QTest::newRow("v6 nested") << u"fd00::/8"_s << u"fd12:3456::/32"_s << true << false << true;
    QTest::newRow("v6 apart") << u"fd00::/8"_s << u"fe80::/10"_s << false << false << false;
    QTest::newRow("families never overlap") << u"0.0.0.0/0"_s << u"::/0"_s << false << false << false;
    QTest::newRow("same bits other family") << u"10.0.0.0/8"_s << u"::a00:0/104"_s << false << false << false;
}

void TestCidr::rangeRelations() {
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(bool, aContainsB);
    QFETCH(bool, bContainsA);
    QFETCH(bool, overlap);

    const Cidr first = parseCidr(a);
    const Cidr second = parseCidr(b);
    QCOMPARE(first.contains(second), aContainsB);
    QCOMPARE(second.contains(first), bContainsA);
    QCOMPARE(first.overlaps(second), overlap);
    QCOMPARE(second.overlaps(first), overlap);
}

void TestCidr::size_data() {
    QTest::addColumn<QString>("range");
    QTest::addColumn<double>("expected");
    QTest::addColumn<int>("hostBits");

    QTest::newRow("/18") << u"10.233.64.0/18"_s << 16384.0 << 14;
    QTest::newRow("/32") << u"10.0.0.1/32"_s << 1.0 << 0;
    QTest::newRow("/31") << u"10.0.0.0/31"_s << 2.0 << 1;
    QTest::newRow("v4 /0") << u"0.0.0.0/0"_s << 4294967296.0 << 32;
    QTest::newRow("v6 /64") << u"fd00::/64"_s << 18446744073709551616.0 << 64;
    QTest::newRow("v6 /128") << u"::1/128"_s << 1.0 << 0;
    QTest::newRow("v6 /0") << u"::/0"_s << 340282366920938463463374607431768211456.0 << 128;
}

void TestCidr::size() {
    QFETCH(QString, range);
    QFETCH(double, expected);
    QFETCH(int, hostBits);
    QCOMPARE(parseCidr(range).size(), expected);
    QCOMPARE(parseCidr(range).hostBits(), hostBits);
}

void TestCidr::lastAddress_data() {
    QTest::addColumn<QString>("range");
    QTest::addColumn<QString>("expected");

    QTest::newRow("pods") << u"10.233.64.0/18"_s << u"10.233.127.255"_s;
    QTest::newRow("host") << u"10.244.10.130/32"_s << u"10.244.10.130"_s;
    QTest::newRow("v4 everything") << u"0.0.0.0/0"_s << u"255.255.255.255"_s;
    QTest::newRow("v6 /64") << u"fd00:1::/64"_s << u"fd00:1::ffff:ffff:ffff:ffff"_s;
}

void TestCidr::lastAddress() {
    QFETCH(QString, range);
    QFETCH(QString, expected);
    QCOMPARE(parseCidr(range).lastAddress().toString(), expected);
}

void TestCidr::next_data() {
    QTest::addColumn<QString>("range");
    QTest::addColumn<QString>("expected"); // empty: past the end

    QTest::newRow("services to pods") << u"10.233.0.0/18"_s << u"10.233.64.0/18"_s;
    QTest::newRow("pods to next") << u"10.233.64.0/18"_s << u"10.233.128.0/18"_s;
    QTest::newRow("carry into next octet") << u"10.233.192.0/18"_s << u"10.234.0.0/18"_s;
    QTest::newRow("host") << u"10.0.0.255/32"_s << u"10.0.1.0/32"_s;
    QTest::newRow("v4 last block") << u"255.255.192.0/18"_s << QString();
    QTest::newRow("v4 last host") << u"255.255.255.255/32"_s << QString();
    QTest::newRow("v4 before last block") << u"255.255.128.0/18"_s << u"255.255.192.0/18"_s;
    QTest::newRow("v4 everything") << u"0.0.0.0/0"_s << QString();
    QTest::newRow("v6 /64") << u"fd00::/64"_s << u"fd00:0:0:1::/64"_s;
    QTest::newRow("v6 last block") << u"ff00::/8"_s << QString();
    QTest::newRow("v6 everything") << u"::/0"_s << QString();
}

void TestCidr::next() {
    QFETCH(QString, range);
    QFETCH(QString, expected);
    const std::optional<Cidr> following = parseCidr(range).next();
    if (expected.isEmpty()) {
        QVERIFY(!following.has_value());
    } else {
        QVERIFY(following.has_value());
        QCOMPARE(following->toString(), expected);
    }
}

void TestCidr::host() {
    const Cidr v4 = Cidr::host(parseAddress(u"10.233.90.120"_s));
    QCOMPARE(v4.toString(), u"10.233.90.120/32"_s);
    QCOMPARE(v4.size(), 1.0);
    const Cidr v6 = Cidr::host(parseAddress(u"FD00::1"_s));
    QCOMPARE(v6.toString(), u"fd00::1/128"_s);
    QVERIFY(v6.isV6());
    QCOMPARE(Cidr(parseAddress(u"10.233.64.0"_s), 18), parseCidr(u"10.233.64.0/18"_s));
}

} // namespace ksw

QTEST_GUILESS_MAIN(ksw::TestCidr)
#include "TestCidr.moc"
