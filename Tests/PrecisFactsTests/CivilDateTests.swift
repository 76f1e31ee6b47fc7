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
