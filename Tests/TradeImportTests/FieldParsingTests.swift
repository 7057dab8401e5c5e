import Testing
import TradeModel
@testable import TradeImport

private func milli(_ s: String) -> Result<Int64, FieldParsing.MoneyError> {
    Array(s.utf8).withUnsafeBufferPointer { FieldParsing.milli($0) }
}

private func int(_ s: String) -> Int? {
    Array(s.utf8).withUnsafeBufferPointer { FieldParsing.int($0) }
}

@Suite struct FieldParsingTests {
    @Test func moneyIsParsedExactlyToThousandths() {
        #expect(milli("123") == .success(123_000))
        #expect(milli(" 123.45 ") == .success(123_450))
        #expect(milli("0.001") == .success(1))
        #expect(milli("0.0004") == .success(0))
        #expect(milli("0.0005") == .success(1))
        #expect(milli("2.0015") == .success(2_002))
        #expect(milli(".5") == .success(500))
        #expect(milli("+7") == .success(7_000))
        #expect(milli("1.5E+07") == .success(15_000_000_000))
        #expect(milli("2e3") == .success(2_000_000))
        #expect(milli("1234567890123.456") == .success(1_234_567_890_123_456))
        #expect(milli("-0") == .success(0))
        #expect(milli("0") == .success(0))
    }

    @Test func badMoneyIsRefusedWithAReason() {
        #expect(milli("") == .failure(.empty))
        #expect(milli("  ") == .failure(.empty))
        #expect(milli("abc") == .failure(.notANumber))
        #expect(milli("12,5") == .failure(.notANumber))
        #expect(milli("1e") == .failure(.notANumber))
        #expect(milli("1.2.3") == .failure(.notANumber))
        #expect(milli("NaN") == .failure(.notANumber))
        #expect(milli("-5") == .failure(.negative))
        #expect(milli("1e30") == .failure(.tooLarge))
        #expect(milli("99999999999999999999") == .failure(.tooLarge))
    }

    @Test func decimalTextIsExact() {
        #expect(Money.decimalText(milli: 1_234_500) == "1234.5")
        #expect(Money.decimalText(milli: 7_000) == "7")
        #expect(Money.decimalText(milli: 1_050) == "1.05")
        #expect(Money.decimalText(milli: 1) == "0.001")
        #expect(Money.decimalText(milli: 0) == "0")
    }

    @Test func codesAreWholeNumbers() {
        #expect(int("398") == 398)
        #expect(int(" 52 ") == 52)
        #expect(int("795.0") == 795)
        #expect(int("") == nil)
        #expect(int("3 98") == nil)
        #expect(int("-1") == nil)
        #expect(int("W00") == nil)
    }
}
