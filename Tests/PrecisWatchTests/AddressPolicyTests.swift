import Foundation
import Testing

@testable import PrecisFetch

/// Decisions on addresses, made without connecting anywhere.
@Suite struct AddressPolicyTests {
    static let refused: [String] = [
        "127.0.0.1", "127.255.255.254", "10.0.0.1", "10.255.255.255", "172.16.0.1", "172.31.255.255",
        "192.168.1.1", "169.254.169.254", "0.0.0.0", "0.1.2.3", "100.64.0.1", "224.0.0.1", "239.255.255.250",
        "240.0.0.1", "255.255.255.255", "192.0.2.10", "198.18.0.5", "203.0.113.9",
        "::1", "::", "::ffff:127.0.0.1", "::ffff:10.0.0.1", "::ffff:169.254.169.254", "[::ffff:192.168.0.1]",
        "fe80::1", "fe80::1%eth0", "fc00::1", "fd12:3456::1", "ff02::1", "fec0::1", "2001:db8::1",
        "64:ff9b::a00:1", "2002:a00:1::1", "::127.0.0.1", "100::1"
    ]
    static let allowed: [String] = [
        "93.184.215.14", "8.8.8.8", "1.1.1.1", "172.32.0.1", "172.15.255.255", "100.128.0.1", "11.0.0.1",
        "2606:4700::1111", "2a00:1450:4001::200e", "::ffff:93.184.215.14", "64:ff9b::808:808", "2002:808:808::1"
    ]

    @Test(arguments: refused)
    func nonPublicAddressesAreRefusedWithAReason(_ text: String) throws {
        let address = try #require(IPAddress(text), "\(text) should parse")
        #expect(AddressPolicy.refusal(address) != nil, "\(text) should be refused")
    }

    @Test(arguments: allowed)
    func publicUnicastAddressesAreAllowed(_ text: String) throws {
        let address = try #require(IPAddress(text), "\(text) should parse")
        #expect(AddressPolicy.refusal(address) == nil, "\(text) was refused: \(AddressPolicy.refusal(address) ?? "")")
    }

    @Test func anIPv4MappedAddressIsJudgedAsTheIPv4AddressItReaches() throws {
        let mapped = try #require(IPAddress("::ffff:192.168.7.7"))
        let reason = try #require(AddressPolicy.refusal(mapped))
        #expect(reason.contains("IPv4-mapped") && reason.contains("192.168.0.0/16"))
    }

    @Test func hostNamesAndJunkAreNotAddresses() {
        for text in ["localhost", "example.org", "", "1.2.3", "1.2.3.4.5", "::ffff:1.2.3.256", "[]", "12345::1::2"] {
            #expect(IPAddress(text) == nil, "\(text) parsed as an address")
        }
    }

    @Test func oneRefusedAddressAmongPublicOnesRefusesTheHost() throws {
        let addresses = try ["93.184.215.14", "127.0.0.1"].map { try #require(IPAddress($0)) }
        guard case .failure(.refusedAddress(let host, let address, _)) = AddressPolicy.choose(host: "rebind.example", addresses: addresses, allowPrivate: false)
        else {
            Issue.record("a host resolving to a loopback address among public ones was accepted")
            return
        }
        #expect(host == "rebind.example" && address == "127.0.0.1")
        #expect(try AddressPolicy.choose(host: "rebind.example", addresses: addresses, allowPrivate: true).get() == addresses[0])
    }

    @Test func onlyHTTPAndHTTPSAreFetched() {
        #expect(AddressPolicy.schemeRefusal("http") == nil && AddressPolicy.schemeRefusal("HTTPS") == nil)
        for scheme in ["file", "javascript", "ftp", "gopher", "data"] {
            #expect(AddressPolicy.schemeRefusal(scheme)?.contains(scheme) == true)
        }
        #expect(AddressPolicy.schemeRefusal(nil) != nil)
    }

    @Test func addressesPrintInTheirUsualForm() throws {
        #expect(try #require(IPAddress("10.1.2.3")).description == "10.1.2.3")
        #expect(try #require(IPAddress("[FE80::0001]")).description == "fe80::1")
    }
}

@Suite struct RobotsRulesTests {
    let text = """
        # invented rules
        User-agent: *
        Disallow: /private/
        Allow: /private/open.html
        Disallow: /*.pdf$

        User-agent: OtherBot
        Disallow: /
        """

    @Test func theStarGroupAppliesWhenNoGroupNamesPrecis() {
        let rules = RobotsRules(parsing: text, agent: "Precis")
        #expect(!rules.allows(path: "/private/notes.html"))
        #expect(rules.allows(path: "/private/open.html"), "the longer Allow wins")
        #expect(rules.allows(path: "/news/today.html"))
        #expect(!rules.allows(path: "/files/report.pdf"))
        #expect(rules.allows(path: "/files/report.pdf?page=2"), "$ anchors the end")
    }

    @Test func aGroupNamingPrecisReplacesTheStarGroup() {
        let rules = RobotsRules(parsing: "User-agent: *\nDisallow: /\n\nUser-agent: precis\nDisallow: /drafts/\n", agent: "Precis")
        #expect(rules.allows(path: "/news/1.html"))
        #expect(!rules.allows(path: "/drafts/1.html"))
    }

    @Test func anEmptyDisallowAllowsEverything() {
        #expect(RobotsRules(parsing: "User-agent: *\nDisallow:\n", agent: "Precis").allows(path: "/any"))
        #expect(!RobotsRules.disallowAll.allows(path: "/any"))
    }
}

@Suite struct RetryAfterTests {
    @Test func retryAfterIsReadAsSecondsOrAsAnHTTPDate() throws {
        let now = try #require(try? Date("2026-12-05T06:00:00Z", strategy: .iso8601))
        #expect(Fetcher.retryAfterSeconds("120", now: now) == 120)
        #expect(Fetcher.retryAfterSeconds(" 0 ", now: now) == 0)
        #expect(Fetcher.retryAfterSeconds("Sat, 05 Dec 2026 07:00:00 GMT", now: now) == 3600)
        #expect(Fetcher.retryAfterSeconds("Sat, 05 Dec 2026 05:00:00 GMT", now: now) == 0, "a date gone by means now")
        #expect(Fetcher.retryAfterSeconds("-5", now: now) == nil)
        #expect(Fetcher.retryAfterSeconds("soon", now: now) == nil)
    }
}
