import Testing

@testable import PrecisJSON

@Suite struct JSONParserTests {
    @Test func readsEveryKindOfValue() throws {
        let value = try JSONParser.parse(#" {"a": [1, -2.5, 3e2, true, false, null], "b": {"c": "d"}, "e": ""} "#)
        #expect(
            value
                == .object([
                    "a": .array([.integer(1), .number(-2.5), .number(300), .bool(true), .bool(false), .null]),
                    "b": .object(["c": .string("d")]),
                    "e": .string("")
                ]))
    }

    @Test func decodesEscapesAndSurrogatePairs() throws {
        let value = try JSONParser.parse(#""q\" b\\ s\/ n\n t\t u\u00e9 pair\ud83c\udf89 lone\ud800 end""#)
        #expect(value == .string("q\" b\\ s/ n\n t\t u\u{e9} pair🎉 lone\u{FFFD} end"))
    }

    @Test func keepsUTF8AndReplacesInvalidBytes() throws {
        let bytes = Array("\"caf".utf8) + [0xC3, 0xA9, 0xFF] + Array("\"".utf8)
        #expect(try JSONParser.parse(bytes) == .string("café\u{FFFD}"))
    }

    @Test(arguments: [
        "", "{", "[1,]", "{\"a\" 1}", "{\"a\":1,}", "tru", "01", "1.", "-", "\"open", "\"bad \\x escape\"",
        "\"raw\ncontrol\"", "[1] 2", "{a: 1}", "nul"
    ])
    func refusesMalformedJSON(_ text: String) {
        #expect(throws: JSONParseError.self) { try JSONParser.parse(text) }
    }

    @Test func refusesNestingDeeperThanTheLimit() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: JSONParseError.self) { try JSONParser.parse(deep) }
        let ok = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        #expect((try? JSONParser.parse(ok)) != nil)
    }

    @Test func errorsSayWhereReadingStopped() {
        do {
            _ = try JSONParser.parse("{\"a\": [1, 2,, 3]}")
            Issue.record("malformed JSON was accepted")
        } catch {
            #expect(error.offset == 12)
        }
    }
}
