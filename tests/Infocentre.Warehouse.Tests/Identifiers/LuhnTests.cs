using Infocentre.Warehouse.Identifiers;

namespace Infocentre.Warehouse.Tests.Identifiers;

public class LuhnTests
{
    // Worked examples. Positions are counted from the right; when the check digit is present it is
    // position 1 and undoubled, so positions 2, 4, 6... are doubled (a double above 9 loses 9).
    //
    // A) Textbook number 7992739871 + check.
    //    Payload from the right: 1 7 8 9 3 7 2 9 9 7; doubled (1st, 3rd, 5th... of the payload):
    //    1→2, 8→16→7, 3→6, 2→4, 9→18→9; kept: 7, 9, 7, 9, 7.
    //    Sum = 2+7+6+4+9 + 7+9+7+9+7 = 28 + 39 = 67 → check = (10 − 67 mod 10) mod 10 = 3 → 79927398713.
    //
    // B) SIREN of the Agence nationale des titres sécurisés, 13000326 + check.
    //    Payload from the right: 6 2 3 0 0 0 3 1; doubled: 6→12→3, 3→6, 0→0, 3→6; kept: 2, 0, 0, 1.
    //    Sum = 3+6+0+6 + 2+0+0+1 = 18 → check = 2 → 130003262.
    //
    // C) Its SIRET, 1300032620002 + check.
    //    Payload from the right: 2 0 0 0 2 6 2 3 0 0 0 3 1; doubled: 2→4, 0, 2→4, 2→4, 0, 0, 1→2;
    //    kept: 0, 0, 6, 3, 0, 3.
    //    Sum = 4+0+4+4+0+0+2 + 0+0+6+3+0+3 = 14 + 12 = 26 → check = 4 → 13000326200024.
    //
    // D) La Poste's SIREN, 35600000 + check.
    //    Payload from the right: 0 0 0 0 0 6 5 3; doubled: 0, 0, 0, 5→10→1; kept: 0, 0, 6, 3.
    //    Sum = 1 + 6 + 3 = 10 → check = 0 → 356000000.
    //
    // E) An invented SIREN-invalid number, 1300032630002 + check (SIREN 130003263 is wrong, see below).
    //    Payload from the right: 2 0 0 0 3 6 2 3 0 0 0 3 1; doubled: 2→4, 0, 3→6, 2→4, 0, 0, 1→2;
    //    kept: 0, 0, 6, 3, 0, 3.
    //    Sum = 4+0+6+4+0+0+2 + 0+0+6+3+0+3 = 16 + 12 = 28 → check = 2 → 13000326300022.
    //
    // F) 130003263 checked as a whole: from the right 3 (kept), 6→12→3, 2, 3→6, 0, 0→0, 0, 3→6, 1:
    //    Sum = 3+3+2+6+0+0+0+6+1 = 21, not a multiple of 10 → invalid.
    [Theory]
    [InlineData("7992739871", '3')]     // A
    [InlineData("13000326", '2')]       // B
    [InlineData("1300032620002", '4')]  // C
    [InlineData("35600000", '0')]       // D
    [InlineData("1300032630002", '2')]  // E
    [InlineData("0", '0')]              // sum 0 → check 0
    [InlineData("5", '9')]              // 5→10→1, check = 10 − 1 = 9: "59" (1 + 9 = 10)
    public void ComputeCheckDigit_matches_the_hand_computed_digit(string withoutCheck, char expected)
    {
        var check = Luhn.ComputeCheckDigit(withoutCheck);

        Assert.Equal(expected, check);
        Assert.True(Luhn.IsValid(withoutCheck + check));
    }

    [Theory]
    [InlineData("79927398713")]     // A
    [InlineData("130003262")]       // B
    [InlineData("13000326200024")]  // C
    [InlineData("356000000")]       // D
    [InlineData("13000326300022")]  // E
    [InlineData("35600000000048")]  // La Poste head office: 8 + 4→8 + 6→12→3 + 5 + 3→6 = 30
    [InlineData("0")]
    public void IsValid_accepts_numbers_with_a_correct_check_digit(string digits) =>
        Assert.True(Luhn.IsValid(digits));

    [Theory]
    [InlineData("79927398710")]     // A with the wrong check digit (sum 67 + 0)
    [InlineData("130003263")]       // F
    [InlineData("13000326200025")]  // C with the wrong check digit
    [InlineData("")]
    [InlineData("1300 3262")]
    [InlineData("13000326a")]
    [InlineData("١٣٠٠٠٣٢٦٢")]       // Arabic-Indic digits: char.IsDigit says yes, ASCII says no
    public void IsValid_rejects_wrong_check_digits_and_non_digits(string digits) =>
        Assert.False(Luhn.IsValid(digits));

    [Fact]
    public void Only_one_check_digit_makes_a_payload_valid()
    {
        for (var d = '0'; d <= '9'; d++)
        {
            Assert.Equal(d == '2', Luhn.IsValid("13000326" + d));
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("12 34")]
    [InlineData("1234-")]
    [InlineData("١٢")]
    public void ComputeCheckDigit_refuses_text_that_is_not_ascii_digits(string text) =>
        Assert.Throws<ArgumentException>("withoutCheck", () => Luhn.ComputeCheckDigit(text));
}
