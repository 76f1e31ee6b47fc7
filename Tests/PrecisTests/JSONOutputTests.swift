import PrecisIngest
import PrecisJSON
import Testing

@testable import Precis

@Suite struct JSONOutputTests {
    @Test func keepsKeyOrderAndEscapes() {
        let value = JSONOutput.object([
            ("b", .string("quote \" backslash \\ newline \n tab \t bell \u{7} line sep \u{2028} é")),
            ("a", .array([.int(1), .double(2.5), .double(3), .bool(true), .null]))
        ])
        #expect(value.serialized() == #"{"b":"quote \" backslash \\ newline \n tab \t bell \u0007 line sep \u2028 é","a":[1,2.5,3,true,null]}"#)
        #expect(value.serialized(pretty: true).hasPrefix("{\n  \"b\": "))
    }

    @Test func inputValuesRoundTripWithSortedKeys() {
        let input = JSONValue.object(["z": .integer(1), "a": .array([.string("x"), .null])])
        #expect(JSONOutput(input).serialized() == #"{"a":["x",null],"z":1}"#)
        #expect(JSONOutput.object([]).serialized() == "{}")
        #expect(JSONOutput.array([]).serialized(pretty: true) == "[]")
    }
}
