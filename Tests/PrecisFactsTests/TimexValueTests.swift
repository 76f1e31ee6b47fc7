import PrecisText
import Testing

@testable import PrecisFacts

/// TIMEX3 values read into their typed form and written back as the same text.
@Suite struct TimexValueTests {
    static let forms: [(String, TimexValue)] = [
        ("2014-11-18", .day(year: 2014, month: 11, day: 18)),
        ("XXXX-11-18", .day(year: nil, month: 11, day: 18)),
        ("2014-11", .month(year: 2014, month: 11)),
        ("XXXX-02", .month(year: nil, month: 2)),
        ("XXXX-WXX-2", .weekday(2)),
        ("2014-W47", .week(year: 2014, week: 47)),
        ("2014-W47-WE", .weekend(year: 2014, week: 47)),
        ("2014-Q3", .quarter(year: 2014, quarter: 3)),
        ("2014-H1", .half(year: 2014, half: 1)),
        ("2014-SU", .season(year: 2014, season: .summer)),
        ("2014", .year(2014)),
        ("199", .decade(199)),
        ("19", .century(19)),
        ("2014-11-18T10:00", .time(.day(year: 2014, month: 11, day: 18), clock: "10:00")),
        ("2014-11-18TNI", .time(.day(year: 2014, month: 11, day: 18), clock: "NI")),
        ("XXXX-WXX-5TMO", .time(.weekday(5), clock: "MO")),
        ("P5Y", .duration("P5Y")),
        ("PT3H", .duration("PT3H")),
        ("PRESENT_REF", .reference(.present)),
        ("FUTURE_REF", .reference(.future)),
        ("FY1989", .other("FY1989")),
        ("2014-QX", .other("2014-QX"))
    ]

    @Test(arguments: forms)
    func aValueReadsAsItsFormAndWritesBackTheSameText(text: String, value: TimexValue) {
        #expect(TimexValue(text) == value)
        #expect(value.description == text)
    }

    @Test func theDayOfATimeAndWhetherTheYearIsKnown() {
        #expect(TimexValue("2014-11-18T10:00").civilDate == CivilDate(year: 2014, month: 11, day: 18))
        #expect(TimexValue("2014-02-30").civilDate == nil)
        #expect(TimexValue("XXXX-11-18").hasYear == false)
        #expect(TimexValue("XXXX-WXX-2").hasYear == false)
        #expect(TimexValue("2014-11").hasYear)
    }

    @Test func theTimelineMatchesAPartialDateToAFullOne() {
        #expect(TimelineBuilder.compatible(TimexValue("XXXX-11"), TimexValue("2014-11-18")))
        #expect(TimelineBuilder.compatible(TimexValue("XXXX-11-18"), TimexValue("2014-11-18")))
        #expect(!TimelineBuilder.compatible(TimexValue("XXXX-11-18"), TimexValue("2014-11")))
        // 2014-11-18 was a Tuesday.
        #expect(TimelineBuilder.compatible(TimexValue("XXXX-WXX-2"), TimexValue("2014-11-18")))
        #expect(!TimelineBuilder.compatible(TimexValue("XXXX-WXX-3"), TimexValue("2014-11-18")))
        #expect(TimelineBuilder.sameDay(TimexValue("2014-11"), TimexValue("2014-11-18")))
        #expect(!TimelineBuilder.sameDay(TimexValue("2014-11-17"), TimexValue("2014-11-18")))
    }
}
