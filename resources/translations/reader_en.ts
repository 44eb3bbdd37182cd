<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>FindBar</name>
    <message numerus="yes">
        <location filename="../../reader/ui/search/find_bar.py" line="+239"/>
        <source>%n matches</source>
        <translation>
            <numerusform>%n match</numerusform>
            <numerusform>%n matches</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReadingHeatmap</name>
    <message numerus="yes">
        <location filename="../../reader/ui/stats/heatmap.py" line="+138"/>
        <source>%1: %n min read</source>
        <translation>
            <numerusform>%1: %n min read</numerusform>
            <numerusform>%1: %n min read</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SearchMessages</name>
    <message numerus="yes">
        <location filename="../../reader/ui/search/messages.py" line="+97"/>
        <source>%n documents are not in the search index yet: searched them one by one.</source>
        <translation>
            <numerusform>%n document is not in the search index yet: searched it directly.</numerusform>
            <numerusform>%n documents are not in the search index yet: searched them one by one.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n documents are not in the search index yet: their hits are not counted.</source>
        <translation>
            <numerusform>%n document is not in the search index yet: its hits are not counted.</numerusform>
            <numerusform>%n documents are not in the search index yet: their hits are not counted.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SearchPane</name>
    <message numerus="yes">
        <location filename="../../reader/ui/search/pane.py" line="+238"/>
        <source>%n hits</source>
        <translation>
            <numerusform>%n hit</numerusform>
            <numerusform>%n hits</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n documents</source>
        <translation>
            <numerusform>%n document</numerusform>
            <numerusform>%n documents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>≥ %n hits</source>
        <translation>
            <numerusform>≥ %n hit</numerusform>
            <numerusform>≥ %n hits</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Showing the best %n documents.</source>
        <translation>
            <numerusform>Showing the best %n document.</numerusform>
            <numerusform>Showing the best %n documents.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StatisticsDialog</name>
    <message numerus="yes">
        <location filename="../../reader/ui/stats/dialog.py" line="+89"/>
        <source>Your pace: %n characters a minute</source>
        <translation>
            <numerusform>Your pace: %n character a minute</numerusform>
            <numerusform>Your pace: %n characters a minute</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+25"/>
        <source>%n min</source>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
</context>
</TS>
