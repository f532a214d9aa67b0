<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>DeployPage</name>
    <message numerus="yes">
        <source>The pages hold changes that are not saved yet (%n file(s)); the playbooks would run with the files as they are on disk. Save them on the Review page first.</source>
        <comment>@info</comment>
        <translation>
            <numerusform>The pages hold changes that are not saved yet (%n file); the playbooks would run with the files as they are on disk. Save them on the Review page first.</numerusform>
            <numerusform>The pages hold changes that are not saved yet (%n files); the playbooks would run with the files as they are on disk. Save them on the Review page first.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RunView</name>
    <message numerus="yes">
        <source>%n task(s)</source>
        <comment>@info progress</comment>
        <translation>
            <numerusform>%n task</numerusform>
            <numerusform>%n tasks</numerusform>
        </translation>
    </message>
</context>
</TS>
