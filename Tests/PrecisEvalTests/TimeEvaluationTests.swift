import PrecisText
import Testing

@testable import PrecisEval

@Suite struct StandOffTimeMLTests {
    // An invented Wikinews-like story in the CAT stand-off form MEANTIME uses: tokens, then TIMEX3
    // markables that list their tokens. The creation time is token-anchored (the date line).
    static let xml = """
        <?xml version="1.0" ?><Document doc_id="7" doc_name="7_Harbour_board_votes" lang="en" url="http://example.org/7">
        <token number="0" sentence="0" t_id="1">Harbour</token>
        <token number="1" sentence="0" t_id="2">board</token>
        <token number="2" sentence="0" t_id="3">votes</token>
        <token number="3" sentence="1" t_id="4">March</token>
        <token number="4" sentence="1" t_id="5">04</token>
        <token number="5" sentence="1" t_id="6">,</token>
        <token number="6" sentence="1" t_id="7">2025</token>
        <token number="7" sentence="2" t_id="8">The</token>
        <token number="8" sentence="2" t_id="9">board</token>
        <token number="9" sentence="2" t_id="10">voted</token>
        <token number="10" sentence="2" t_id="11">on</token>
        <token number="11" sentence="2" t_id="12">Monday</token>
        <token number="12" sentence="2" t_id="13">(</token>
        <token number="13" sentence="2" t_id="14">after</token>
        <token number="14" sentence="2" t_id="15">three</token>
        <token number="15" sentence="2" t_id="16">weeks</token>
        <token number="16" sentence="2" t_id="17">)</token>
        <token number="17" sentence="2" t_id="18">,</token>
        <token number="18" sentence="2" t_id="19">``</token>
        <token number="19" sentence="2" t_id="20">finally</token>
        <token number="20" sentence="2" t_id="21">''</token>
        <token number="21" sentence="2" t_id="22">&amp;</token>
        <token number="22" sentence="2" t_id="23">calmly</token>
        <token number="23" sentence="2" t_id="24">.</token>
        <Markables>
        <TIMEX3 anchorTimeID="" functionInDocument="CREATION_TIME" m_id="30" type="DATE" value="2025-03-04">
        <token_anchor t_id="4"/>
        <token_anchor t_id="5"/>
        <token_anchor t_id="6"/>
        <token_anchor t_id="7"/>
        </TIMEX3>
        <TIMEX3 anchorTimeID="30" functionInDocument="NONE" m_id="31" type="DATE" value="2025-03-03">
        <token_anchor t_id="12"/>
        </TIMEX3>
        <TIMEX3 anchorTimeID="" functionInDocument="NONE" m_id="32" type="DURATION" value="P3W">
        <token_anchor t_id="15"/>
        <token_anchor t_id="16"/>
        </TIMEX3>
        <TIMEX3 TAG_DESCRIPTOR="Empty_Mark" functionInDocument="NONE" m_id="33" type="DATE" value="2025-02"/>
        </Markables>
        </Document>
        """

    @Test func rebuildsTextAndSpansFromTokens() throws {
        let doc = try #require(TimeMLSet.parseStandOff(Self.xml, name: "7.xml"))
        // The date line is the anchor, not text; sentences go on lines; punctuation hugs its word.
        #expect(doc.text == "Harbour board votes\nThe board voted on Monday (after three weeks), \u{201C}finally\u{201D} & calmly.")
        #expect(doc.creationDate == CivilDate(iso: "2025-03-04"))
        // The empty (token-less) TIMEX3 and the creation time are not gold.
        #expect(doc.timexes.map(\.text) == ["Monday", "three weeks"])
        #expect(doc.timexes.map(\.value) == ["2025-03-03", "P3W"])
        #expect(doc.timexes.map(\.type) == ["DATE", "DURATION"])
    }

    @Test func aCreationValueInAnotherFormIsReadFromItsDateLine() throws {
        // One MEANTIME article gives its creation time as "03-02-2009"; the date line says which day it is.
        let xml = Self.xml.replacingOccurrences(of: "value=\"2025-03-04\"", with: "value=\"04-03-2025\"")
        let doc = try #require(TimeMLSet.parseStandOff(xml, name: "7.xml"))
        #expect(doc.creationDate == CivilDate(iso: "2025-03-04"))
        #expect(TimeEvaluation.run([doc]).valueMatches == 2)
    }

    @Test func withoutACreationTimeTheDateLineOthersAnchorToIsTheAnchor() throws {
        // Two MEANTIME articles mark no creation time: their date line is an ordinary expression
        // (still to be found) and the others are anchored to it.
        let xml = Self.xml.replacingOccurrences(of: "functionInDocument=\"CREATION_TIME\"", with: "functionInDocument=\"NONE\"")
        let doc = try #require(TimeMLSet.parseStandOff(xml, name: "7.xml"))
        #expect(doc.creationDate == CivilDate(iso: "2025-03-04"))
        #expect(doc.timexes.map(\.text) == ["March 04, 2025", "Monday", "three weeks"])
        #expect(TimeEvaluation.run([doc]).valueMatches == 3)
    }

    @Test func keepsOnlyTheAnnotatedSentences() throws {
        // With two annotated sentences (title and date line), the body and its times are out.
        let doc = try #require(TimeMLSet.parseStandOff(Self.xml, name: "7.xml", annotatedSentences: 2))
        #expect(doc.text == "Harbour board votes")
        #expect(doc.timexes.isEmpty)
    }

    @Test func scoresTheTaggerOnIt() throws {
        let doc = try #require(TimeMLSet.parseStandOff(Self.xml, name: "7.xml"))
        let r = TimeEvaluation.run([doc])
        #expect(r.gold == 2)
        #expect(r.strictMatches == 2)
        #expect(r.valueMatches == 2)
    }

    @Test func rejectsOtherXML() {
        #expect(TimeMLSet.parseStandOff("<TimeML><TEXT>no tokens</TEXT></TimeML>", name: "x.xml") == nil)
        #expect(TimeMLSet.parseStandOff("<Document doc_id=\"1\"></Document>", name: "x.xml") == nil)
    }
}
