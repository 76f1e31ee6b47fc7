import PrecisFacts
import PrecisText
import Testing

@Suite struct CivilDateTests {
    @Test func roundTripsAndWeekdays() throws {
        let d = try #require(CivilDate(iso: "2014-11-18"))
        #expect(d.dayNumber == 16392)
        #expect(CivilDate(dayNumber: 16392) == d)
        #expect(d.weekday == 2)  // a Tuesday
        #expect(d.weekValue == "2014-W47")
        #expect(CivilDate(iso: "2015-01-01")?.weekValue == "2015-W01")
        #expect(CivilDate(iso: "2010-01-03")?.weekValue == "2009-W53")
        #expect(d.adding(months: -10).description == "2014-01-18")
        #expect(CivilDate(iso: "2014-03-31")?.adding(months: -1).description == "2014-02-28")
        #expect(CivilDate(iso: "2014-02-30") == nil)
        #expect(CivilDate(iso: "2014-11") == nil)
        for n in [-800_000, -1, 0, 1, 11016, 50_000] { #expect(CivilDate(dayNumber: n).dayNumber == n) }
    }
}

@Suite struct TimexDaysTests {
    @Test func aValueSpansTheDaysItNames() {
        func days(_ value: String) -> String? {
            TimexValue(value).days.map { "\($0.first) \($0.last)" }
        }
        #expect(days("2014-11-18") == "2014-11-18 2014-11-18")
        #expect(days("2014-02") == "2014-02-01 2014-02-28")
        #expect(days("2014-W49") == "2014-12-01 2014-12-07")
        #expect(days("2015-W01") == "2014-12-29 2015-01-04")
        #expect(days("2014-W49-WE") == "2014-12-06 2014-12-07")
        #expect(days("XXXX-11-18") == nil && days("2014") == nil && days("2014-W60") == nil)
    }
}
