import Testing
@testable import TradeModel

/// A bound is rounded for display so that what is shown still holds (a newcomer's review: "at least
/// 584.97 M" was shown as "≥585 M", "at least −1.42 %" as "≥−1.4 %", "at most +30.75 %" as "≤+30.7 %").
@Suite struct MoneyDirectedRoundingTests {
    @Test func lowerBoundsRoundDownUpperBoundsUp() {
        #expect(Money.millions(584.97e6, rounding: .down) == "584.9 M")
        #expect(Money.millions(584.97e6, rounding: .up) == "585 M")
        #expect(Money.millions(584.97e6) == "585 M", "nearest is unchanged")
        #expect(Money.millions(643.47e6, rounding: .down) == "643.4 M")
        #expect(Money.millions(555e6, rounding: .down) == "555 M", "an exact figure stays as it is")
        #expect(Money.percent(-0.0142, rounding: .down) == "−1.5 %")
        #expect(Money.percent(-0.0142, rounding: .up) == "−1.4 %")
        #expect(Money.percent(0.30747, rounding: .up) == "+30.8 %")
        #expect(Money.percent(0.30747, rounding: .down) == "+30.7 %")
        #expect(Money.percent(0.054) == "+5.4 %")
        #expect(Money.share(0.555, rounding: .down) == "55.5 %")
        #expect(Money.millions(12_345.67e6, rounding: .up) == "12.4 bn")
        #expect(Money.millions(12_399.99e6, rounding: .down) == "12.3 bn")
    }

    @Test func binaryNoiseIsNotARoundingStep() {
        // 0.29 × 100 is 28.999999999999996 in binary: still 29.0 %, at least and at most.
        #expect(Money.percent(0.29, rounding: .down) == "+29.0 %")
        #expect(Money.percent(0.29, rounding: .up) == "+29.0 %")
        #expect(Money.share(0.7, rounding: .up) == "70.0 %")
        #expect(Money.millions(0.1e6 + 0.2e6, rounding: .up) == "0.3 M")
    }

    @Test func theBoundChoosesTheDirection() {
        #expect(DisplayRounding(.atLeast) == .down && DisplayRounding(.atMost) == .up)
        #expect(DisplayRounding(.exact) == .nearest && DisplayRounding(.approximate) == .nearest && DisplayRounding(.unknown) == .nearest)
        // "≤−x" of a negative value written as a magnitude: its rounding flips.
        #expect(DisplayRounding.up.forMagnitude(negative: true) == .down && DisplayRounding.up.forMagnitude(negative: false) == .up)
    }
}
