import Testing
@testable import TradeModel

/// Amounts under 0.05 M, which one decimal of millions showed as "0 M".
@Suite struct MoneyTinyValueTests {
    @Test func millionsKeepTwoSignificantDigits() {
        #expect(Money.millions(700) == "0.0007 M")          // 700 / 1e6
        #expect(Money.millions(750) == "0.00075 M")
        #expect(Money.millions(12_345) == "0.012 M")        // 0.012345 to two digits
        #expect(Money.millions(49_999) == "0.05 M")         // 0.049999 → 0.050
        #expect(Money.millions(1) == "0.000001 M")
        #expect(Money.millions(-700) == "-0.0007 M")
        // Unchanged: zero, and amounts from 0.05 M up.
        #expect(Money.millions(0) == "0 M")
        #expect(Money.millions(50_000) == "0.1 M")
        #expect(Money.millions(300_000) == "0.3 M")
        #expect(Money.millions(254.3e6) == "254.3 M")
        #expect(Money.millions(700e9) == "700.0 bn")
        // From 1,000 bn up, trillions: the loader's largest allowed value, 1e13, is "10.0 tn"
        // (10,000,000 M ÷ 1,000,000), which fits a 10-column cell; 999.9 bn stays in billions.
        #expect(Money.millions(1e13) == "10.0 tn")
        #expect(Money.millions(999.9e9) == "999.9 bn")
    }

    @Test func amountsInSentencesAreDollarsWhenSmall() {
        #expect(Money.amount(700) == "700 USD")
        #expect(Money.amount(12_345) == "12,345 USD")
        #expect(Money.amount(49_999) == "49,999 USD")
        #expect(Money.amount(2.5) == "2.50 USD")
        #expect(Money.amount(50_000) == "0.1 M")
        #expect(Money.amount(563e6) == "563 M")
        #expect(Money.amount(0) == "0 M")
    }
}
