// SPDX-License-Identifier: GPL-3.0-or-later
// Part of Kubespray Wizard.
#include "kubespray/KubesprayVersion.h"

#include <QObject>
#include <QTest>

using namespace Qt::StringLiterals;

namespace ksw {

class TestKubesprayVersion : public QObject {
    Q_OBJECT

private slots:
    void parse_data();
    void parse();
    void parseRejects_data();
    void parseRejects();
    void ordering_data();
    void ordering();
    void atLeastAndBefore_data();
    void atLeastAndBefore();
    void builtInAnsibleRange_data();
    void builtInAnsibleRange();
    void ansibleVersionParse_data();
    void ansibleVersionParse();
    void ansibleVersionCompare_data();
    void ansibleVersionCompare();
    void ansibleRangeContains_data();
    void ansibleRangeContains();
};

void TestKubesprayVersion::parse_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("major");
    QTest::addColumn<int>("minor");
    QTest::addColumn<int>("patch");
    QTest::addColumn<int>("ahead");
    QTest::addColumn<QString>("display");

    QTest::newRow("tag v2.25.0") << u"v2.25.0"_s << 2 << 25 << 0 << 0 << u"v2.25.0"_s;
    QTest::newRow("galaxy.yml 2.25.0") << u"2.25.0"_s << 2 << 25 << 0 << 0 << u"v2.25.0"_s;
    QTest::newRow("short 2.25") << u"2.25"_s << 2 << 25 << 0 << 0 << u"v2.25.0"_s;
    QTest::newRow("short v2.27") << u"v2.27"_s << 2 << 27 << 0 << 0 << u"v2.27.0"_s;
    QTest::newRow("patch release v2.23.2") << u"v2.23.2"_s << 2 << 23 << 2 << 0 << u"v2.23.2"_s;
    QTest::newRow("master git describe") << u"v2.31.0-96-g46dbdd399"_s << 2 << 31 << 0 << 96 << u"v2.31.0+96"_s;
    QTest::newRow("git describe --dirty") << u"v2.25.0-1-gabc1234-dirty"_s << 2 << 25 << 0 << 1 << u"v2.25.0+1"_s;
    QTest::newRow("marker file with newline") << u"v2.25.0\n"_s << 2 << 25 << 0 << 0 << u"v2.25.0"_s;
    QTest::newRow("spaces around") << u"  v2.21.0 "_s << 2 << 21 << 0 << 0 << u"v2.21.0"_s;
}

void TestKubesprayVersion::parse() {
    QFETCH(QString, text);
    QFETCH(int, major);
    QFETCH(int, minor);
    QFETCH(int, patch);
    QFETCH(int, ahead);
    QFETCH(QString, display);

    const auto version = KubesprayVersion::parse(text);
    QVERIFY(version.has_value());
    QCOMPARE(version->major(), major);
    QCOMPARE(version->minor(), minor);
    QCOMPARE(version->patch(), patch);
    QCOMPARE(version->commitsAhead(), ahead);
    QCOMPARE(version->toString(), display);
}

void TestKubesprayVersion::parseRejects_data() {
    QTest::addColumn<QString>("text");

    QTest::newRow("empty") << QString();
    QTest::newRow("garbage") << u"garbage"_s;
    QTest::newRow("branch name") << u"master"_s;
    QTest::newRow("release branch") << u"release-2.25"_s;
    QTest::newRow("major only") << u"v2"_s;
    QTest::newRow("four parts") << u"2.25.0.1"_s;
    QTest::newRow("describe without hash") << u"v2.31.0-96"_s;
    QTest::newRow("text after version") << u"v2.25.0 (tag)"_s;
    QTest::newRow("bare commit hash") << u"46dbdd399"_s;
}

void TestKubesprayVersion::parseRejects() {
    QFETCH(QString, text);
    QVERIFY(!KubesprayVersion::parse(text).has_value());
}

void TestKubesprayVersion::ordering_data() {
    QTest::addColumn<QString>("lower");
    QTest::addColumn<QString>("higher");

    QTest::newRow("minor") << u"v2.24.0"_s << u"v2.25.0"_s;
    QTest::newRow("minor is numeric, not text") << u"v2.9.0"_s << u"v2.21.0"_s;
    QTest::newRow("patch") << u"v2.23.0"_s << u"v2.23.2"_s;
    QTest::newRow("commits past a release") << u"v2.31.0"_s << u"v2.31.0-96-g46dbdd399"_s;
    QTest::newRow("master before the next release") << u"v2.31.0-96-g46dbdd399"_s << u"v2.32.0"_s;
    QTest::newRow("master before a patch release") << u"v2.31.0-96-g46dbdd399"_s << u"v2.31.1"_s;
    QTest::newRow("major") << u"v2.99.9"_s << u"v3.0.0"_s;
}

void TestKubesprayVersion::ordering() {
    QFETCH(QString, lower);
    QFETCH(QString, higher);

    const auto a = KubesprayVersion::parse(lower);
    const auto b = KubesprayVersion::parse(higher);
    QVERIFY(a && b);
    QVERIFY(*a < *b);
    QVERIFY(*b > *a);
    QVERIFY(*a != *b);
    QVERIFY(*a == *KubesprayVersion::parse(lower));
}

void TestKubesprayVersion::atLeastAndBefore_data() {
    QTest::addColumn<QString>("version");
    QTest::addColumn<int>("minor");
    QTest::addColumn<int>("patch");
    QTest::addColumn<bool>("atLeast");

    QTest::newRow("v2.25.0 at least 2.25") << u"v2.25.0"_s << 25 << 0 << true;
    QTest::newRow("v2.25.0 at least 2.24") << u"v2.25.0"_s << 24 << 0 << true;
    QTest::newRow("v2.24.9 not 2.25") << u"v2.24.9"_s << 25 << 0 << false;
    QTest::newRow("v2.26.1 before 2.27") << u"v2.26.1"_s << 27 << 0 << false;
    QTest::newRow("v2.27.0 at least 2.27") << u"v2.27.0"_s << 27 << 0 << true;
    QTest::newRow("v2.23.1 before 2.23.2") << u"v2.23.1"_s << 23 << 2 << false;
    QTest::newRow("v2.23.2 at least 2.23.2") << u"v2.23.2"_s << 23 << 2 << true;
    QTest::newRow("master at least 2.31") << u"v2.31.0-96-g46dbdd399"_s << 31 << 0 << true;
    QTest::newRow("master before 2.32") << u"v2.31.0-96-g46dbdd399"_s << 32 << 0 << false;
}

void TestKubesprayVersion::atLeastAndBefore() {
    QFETCH(QString, version);
    QFETCH(int, minor);
    QFETCH(int, patch);
    QFETCH(bool, atLeast);

    const auto parsed = KubesprayVersion::parse(version);
    QVERIFY(parsed);
    QCOMPARE(parsed->atLeast(2, minor, patch), atLeast);
    QCOMPARE(parsed->before(2, minor, patch), !atLeast);
}

void TestKubesprayVersion::builtInAnsibleRange_data() {
    QTest::addColumn<QString>("version");
    QTest::addColumn<bool>("known");
    QTest::addColumn<QString>("minimum");
    QTest::addColumn<QString>("maximum");

    // FACTS.md §4, one row per release.
    QTest::newRow("v2.21.0") << u"v2.21.0"_s << true << u"2.11.0"_s << u"2.13.0"_s;
    QTest::newRow("v2.21.x patch") << u"v2.21.3"_s << true << u"2.11.0"_s << u"2.13.0"_s;
    QTest::newRow("v2.22 not in the table") << u"v2.22.1"_s << false << QString() << QString();
    QTest::newRow("v2.23.0") << u"v2.23.0"_s << true << u"2.14.0"_s << u"2.15.0"_s;
    QTest::newRow("v2.24.0") << u"v2.24.0"_s << true << u"2.15.5"_s << u"2.17.0"_s;
    QTest::newRow("v2.25.0") << u"v2.25.0"_s << true << u"2.16.4"_s << u"2.17.0"_s;
    QTest::newRow("v2.26.0") << u"v2.26.0"_s << true << u"2.16.4"_s << u"2.17.0"_s;
    QTest::newRow("v2.27.0") << u"v2.27.0"_s << true << u"2.16.4"_s << u"2.17.0"_s;
    QTest::newRow("v2.28.0") << u"v2.28.0"_s << true << u"2.16.4"_s << u"2.17.0"_s;
    QTest::newRow("v2.29.0") << u"v2.29.0"_s << true << u"2.17.3"_s << u"2.18.0"_s;
    QTest::newRow("v2.31.0") << u"v2.31.0"_s << true << u"2.18.0"_s << u"2.19.0"_s;
    QTest::newRow("master") << u"v2.31.0-96-g46dbdd399"_s << true << u"2.18.0"_s << u"2.19.0"_s;
    QTest::newRow("older than v2.21") << u"v2.20.0"_s << false << QString() << QString();
    QTest::newRow("another major") << u"v3.0.0"_s << false << QString() << QString();
}

void TestKubesprayVersion::builtInAnsibleRange() {
    QFETCH(QString, version);
    QFETCH(bool, known);
    QFETCH(QString, minimum);
    QFETCH(QString, maximum);

    const auto parsed = KubesprayVersion::parse(version);
    QVERIFY(parsed);
    const auto range = ksw::builtInAnsibleRange(*parsed);
    QCOMPARE(range.has_value(), known);
    if (!known)
        return;
    QCOMPARE(range->minimum.toString(), minimum);
    QCOMPARE(range->maximum.toString(), maximum);
    QCOMPARE(range->toString(), u">= %1, < %2"_s.arg(minimum, maximum));
    QVERIFY2(range->origin.contains(u"v2.%1"_s.arg(parsed->minor())), qPrintable(range->origin));
    QVERIFY2(range->origin.contains(u"table"), qPrintable(range->origin));
}

void TestKubesprayVersion::ansibleVersionParse_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("display");

    QTest::newRow("Debian 12 core") << u"2.14.18"_s << true << u"2.14.18"_s;
    QTest::newRow("two parts") << u"2.16"_s << true << u"2.16.0"_s;
    QTest::newRow("release candidate suffix") << u"2.17.0rc1"_s << true << u"2.17.0"_s;
    QTest::newRow("trailing newline") << u"2.16.4\n"_s << true << u"2.16.4"_s;
    QTest::newRow("garbage") << u"core"_s << false << QString();
    QTest::newRow("empty") << QString() << false << QString();
    QTest::newRow("one number") << u"2"_s << false << QString();
}

void TestKubesprayVersion::ansibleVersionParse() {
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QFETCH(QString, display);

    const auto version = AnsibleVersion::parse(text);
    QCOMPARE(version.has_value(), valid);
    if (valid)
        QCOMPARE(version->toString(), display);
}

void TestKubesprayVersion::ansibleVersionCompare_data() {
    QTest::addColumn<QString>("lower");
    QTest::addColumn<QString>("higher");

    QTest::newRow("patch numeric") << u"2.14.9"_s << u"2.14.18"_s;
    QTest::newRow("minor numeric") << u"2.9.27"_s << u"2.14.0"_s;
    QTest::newRow("missing patch is zero") << u"2.16"_s << u"2.16.4"_s;
    QTest::newRow("major") << u"2.19.0"_s << u"3.0.0"_s;
}

void TestKubesprayVersion::ansibleVersionCompare() {
    QFETCH(QString, lower);
    QFETCH(QString, higher);

    const auto a = AnsibleVersion::parse(lower);
    const auto b = AnsibleVersion::parse(higher);
    QVERIFY(a && b);
    QVERIFY(*a < *b);
    QVERIFY(!(*b < *a));
    QCOMPARE(*AnsibleVersion::parse(u"2.16"_s), *AnsibleVersion::parse(u"2.16.0"_s));
}

void TestKubesprayVersion::ansibleRangeContains_data() {
    QTest::addColumn<QString>("kubespray");
    QTest::addColumn<QString>("ansible");
    QTest::addColumn<bool>("contained");

    QTest::newRow("v2.25 accepts its minimum") << u"v2.25.0"_s << u"2.16.4"_s << true;
    QTest::newRow("v2.25 accepts 2.16.14") << u"v2.25.0"_s << u"2.16.14"_s << true;
    QTest::newRow("v2.25 refuses just below") << u"v2.25.0"_s << u"2.16.3"_s << false;
    QTest::newRow("v2.25 refuses its maximum") << u"v2.25.0"_s << u"2.17.0"_s << false;
    QTest::newRow("v2.25 refuses Debian 12's 2.14.18") << u"v2.25.0"_s << u"2.14.18"_s << false;
    QTest::newRow("v2.23 accepts Debian 12's 2.14.18") << u"v2.23.0"_s << u"2.14.18"_s << true;
    QTest::newRow("v2.21 refuses 2.13.0") << u"v2.21.0"_s << u"2.13.0"_s << false;
    QTest::newRow("v2.21 accepts 2.12.5") << u"v2.21.0"_s << u"2.12.5"_s << true;
}

void TestKubesprayVersion::ansibleRangeContains() {
    QFETCH(QString, kubespray);
    QFETCH(QString, ansible);
    QFETCH(bool, contained);

    const auto range = ksw::builtInAnsibleRange(*KubesprayVersion::parse(kubespray));
    QVERIFY(range);
    const auto version = AnsibleVersion::parse(ansible);
    QVERIFY(version);
    QCOMPARE(range->contains(*version), contained);
}

} // namespace ksw

QTEST_GUILESS_MAIN(ksw::TestKubesprayVersion)
#include "TestKubesprayVersion.moc"
