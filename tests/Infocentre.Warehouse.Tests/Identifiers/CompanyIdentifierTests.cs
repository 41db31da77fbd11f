using Infocentre.Warehouse.Identifiers;

namespace Infocentre.Warehouse.Tests.Identifiers;

public class SirenTests
{
    [Theory]
    [InlineData("130003262", "130003262")] // ANTS; Luhn arithmetic in LuhnTests (B)
    [InlineData("356000000", "356000000")] // La Poste; LuhnTests (D)
    [InlineData(" 130003262 ", "130003262")]
    public void Accepts_nine_digits_with_a_valid_check_digit(string input, string value) =>
        IdentifierAssert.Accepted<Siren>(input, value);

    [Fact]
    public void A_wrong_check_digit_is_reported_as_such()
    {
        // 130003263: digit sum with doubling is 21 (LuhnTests, F).
        var ex = IdentifierAssert.Rejected<Siren>("130003263");

        Assert.Equal(
            "SIREN '130003263' is invalid (the Luhn check digit is wrong): expected " + Siren.ExpectedFormat + ".",
            ex.Message);
    }

    [Theory]
    [InlineData("13000326")]
    [InlineData("1300032620")]
    [InlineData("130 003 262")]
    [InlineData("13000326A")]
    public void Rejects_other_shapes(string input)
    {
        var ex = IdentifierAssert.Rejected<Siren>(input);
        Assert.DoesNotContain("Luhn check digit is wrong", ex.Message, StringComparison.Ordinal);
    }
}

public class SiretTests
{
    [Fact]
    public void Splits_into_siren_and_nic()
    {
        var siret = IdentifierAssert.Accepted<Siret>("13000326200024", "13000326200024");

        Assert.Equal(Siren.Parse("130003262"), siret.Siren);
        Assert.Equal("00024", siret.Nic);
    }

    [Theory]
    [InlineData("13000326200024")] // ANTS, real value from the INF-BUD-53 extract; LuhnTests (C)
    [InlineData(" 13000326200024\t")]
    [InlineData("35600000000048")] // La Poste head office: passes the plain Luhn check (sum 30)
    // La Poste establishments: the digit sum is a multiple of 5 and the Luhn check fails.
    // 35600000049837: digit sum 3+5+6+4+9+8+3+7 = 45; Luhn sum 7 + 3→6 + 8 + 9→9 + 4 + 6→3 + 5 + 3→6 = 48.
    [InlineData("35600000049837")]
    // 35600000000001: digit sum 3+5+6+1 = 15; Luhn sum 1 + 6→3 + 5 + 3→6 = 15.
    [InlineData("35600000000001")]
    public void Accepts_luhn_valid_siret_and_la_poste_establishments(string input) =>
        IdentifierAssert.Accepted<Siret>(input, input.Trim());

    [Theory]
    // Wrong check digit: Luhn sum 30 − 4 + 5 = 31.
    [InlineData("13000326200025", "the Luhn check digit is wrong")]
    // Digit sum 1+3+3+2+6+2+2+1 = 20, a multiple of 5, but the La Poste rule only applies to SIREN 356000000.
    [InlineData("13000326200021", "the Luhn check digit is wrong")]
    // The 14 digits pass the Luhn check (LuhnTests, E) but the SIREN part 130003263 does not (F).
    [InlineData("13000326300022", "its SIREN 130003263 fails the Luhn check")]
    // La Poste: digit sum 3+5+6+2 = 16, Luhn sum 2 + 6→3 + 5 + 3→6 = 16: both rules fail.
    [InlineData("35600000000002", "La Poste SIRET that fails the Luhn check and whose digit sum is not a multiple of 5")]
    public void Rejects_wrong_check_digits_with_the_reason(string input, string reason)
    {
        var ex = IdentifierAssert.Rejected<Siret>(input);

        Assert.Contains($"({reason})", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1300032620002")]
    [InlineData("130003262000244")]
    [InlineData("130 003 262 00024")]
    [InlineData("#")]              // Chorus "Code taxe 1" when the tiers has no SIRET
    [InlineData("W751234567")]
    public void Rejects_other_shapes(string input) =>
        IdentifierAssert.Rejected<Siret>(input);

    [Fact]
    public void ComputeCheckDigit_builds_a_valid_siret_for_demo_data()
    {
        // What the demo-data generator does: 8 digits → SIREN, then SIREN + 4 NIC digits → SIRET.
        var siren = "13000326" + Luhn.ComputeCheckDigit("13000326");
        var withoutCheck = siren + "0002";
        var siret = withoutCheck + Luhn.ComputeCheckDigit(withoutCheck);

        Assert.Equal("13000326200024", siret);
        Assert.True(Siret.TryParse(siret, out _));
    }
}

public class RnaTests
{
    [Theory]
    [InlineData("W751234567")]
    [InlineData("W9M1234567")] // third character may be a letter
    [InlineData("W062000123")]
    public void Accepts_the_rna_shape(string input) =>
        IdentifierAssert.Accepted<Rna>(input, input);

    [Theory]
    [InlineData("w751234567")]
    [InlineData("X751234567")]
    [InlineData("W75123456")]
    [InlineData("W7512345678")]
    [InlineData("WA51234567")]
    [InlineData("W7m1234567")]
    [InlineData("W75123456A")]
    public void Rejects_other_shapes(string input)
    {
        var ex = IdentifierAssert.Rejected<Rna>(input);
        Assert.Contains("RNA number", ex.Message, StringComparison.Ordinal);
    }
}
