using Infocentre.Warehouse.Identifiers;

namespace Infocentre.Warehouse.Tests.Identifiers;

public class ProgrammeCodeTests
{
    [Theory]
    [InlineData("163", "0163", 163)]     // LOLF form
    [InlineData("0163", "0163", 163)]    // Chorus form
    [InlineData("354", "0354", 354)]
    [InlineData(" 0101\t", "0101", 101)] // surrounding whitespace is trimmed
    [InlineData("001", "0001", 1)]
    [InlineData("0999", "0999", 999)]
    public void Accepts_the_lolf_and_chorus_forms(string input, string chorusCode, int number)
    {
        var programme = IdentifierAssert.Accepted<ProgrammeCode>(input, chorusCode);

        Assert.Equal(number, programme.Number);
        Assert.Equal(chorusCode, programme.ChorusCode);
        Assert.Equal(chorusCode[1..], programme.LolfCode);
    }

    [Fact]
    public void Both_forms_are_the_same_programme()
    {
        Assert.Equal(ProgrammeCode.Parse("163"), ProgrammeCode.Parse("0163"));
        Assert.Equal(ProgrammeCode.Parse("163"), ProgrammeCode.FromNumber(163));
        Assert.Equal("163", ProgrammeCode.FromNumber(163).LolfCode);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1000)]
    [InlineData(-163)]
    public void FromNumber_refuses_numbers_outside_1_to_999(int number) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ProgrammeCode.FromNumber(number));

    [Theory]
    [InlineData("63")]
    [InlineData("1634")]    // 4 digits must be the zero-padded Chorus form
    [InlineData("00163")]
    [InlineData("000")]
    [InlineData("0000")]
    [InlineData("16a")]
    [InlineData("1 63")]
    [InlineData("+163")]
    [InlineData("163.0")]
    [InlineData("١٦٣")]     // Arabic-Indic digits
    [InlineData("0354-02")] // a DF is not a programme
    public void Rejects_other_shapes(string input)
    {
        var ex = IdentifierAssert.Rejected<ProgrammeCode>(input);
        Assert.Contains("Programme code", ex.Message, StringComparison.Ordinal);
    }
}

public class DomaineFonctionnelCodeTests
{
    [Theory]
    [InlineData("0354-02", "0354", "0354-02", false)]    // "Réglementation générale"
    [InlineData("0101-01", "0101", "0101-01", false)]
    [InlineData("0103-01-01", "0103", "0103-01", true)]
    [InlineData("0152-04-01", "0152", "0152-04", true)]
    [InlineData("0104-12-15", "0104", "0104-12", true)]  // "Actions Réfugiés"
    public void Accepts_actions_and_sous_actions(string input, string programme, string action, bool isSousAction)
    {
        var df = IdentifierAssert.Accepted<DomaineFonctionnelCode>(input, input);

        Assert.Equal(programme, df.ProgrammeCode.Value);
        Assert.Equal(action, df.ActionCode);
        Assert.Equal(isSousAction, df.IsSousAction);
    }

    [Fact]
    public void Trims_surrounding_whitespace() =>
        IdentifierAssert.Accepted<DomaineFonctionnelCode>("  0354-02 ", "0354-02");

    [Theory]
    [InlineData("103-01-02")]     // PLF open-data form: the programme must be the 4-digit Chorus code
    [InlineData("0354-2")]
    [InlineData("0354_02")]
    [InlineData("035402")]
    [InlineData("0354-02-1")]
    [InlineData("0354-02-01-01")]
    [InlineData("0354-AB")]
    [InlineData("1354-02")]       // not a zero-padded programme
    [InlineData("0000-01")]
    [InlineData("FSE00-14")]      // DF of the FEHBE sheet, not a LOLF destination
    [InlineData("0354-02 01")]
    public void Rejects_other_shapes(string input)
    {
        var ex = IdentifierAssert.Rejected<DomaineFonctionnelCode>(input);
        Assert.Contains("Domaine fonctionnel code", ex.Message, StringComparison.Ordinal);
    }
}

public class CentreFinancierCodeTests
{
    [Theory]
    [InlineData("0354-CDMA-CDAT", "0354-CDMA-CDAT", "0354", "0354-CDMA", "CDAT")]
    [InlineData("BG00/0129-CAHC-DISI", "0129-CAHC-DISI", "0129", "0129-CAHC", "DISI")]
    [InlineData("0102-DR25-DR25", "0102-DR25-DR25", "0102", "0102-DR25", "DR25")]
    [InlineData(" BG00/0354-CDMA-CDAT ", "0354-CDMA-CDAT", "0354", "0354-CDMA", "CDAT")]
    public void Accepts_codes_with_or_without_the_bg00_prefix(
        string input, string value, string programme, string bop, string uo)
    {
        var cf = IdentifierAssert.Accepted<CentreFinancierCode>(input, value);

        Assert.Equal(programme, cf.ProgrammeCode.Value);
        Assert.Equal(bop, cf.BopCode);
        Assert.Equal(uo, cf.UoCode);
    }

    [Theory]
    [InlineData("0354-cdma-cdat")]       // Chorus codes are upper case
    [InlineData("bg00/0354-CDMA-CDAT")]
    [InlineData("AA99/0102-DR25-DR25")]  // only the BG00 périmètre prefix is removed
    [InlineData("BG00/")]
    [InlineData("0354-CDMA")]
    [InlineData("0354-CDMA-CDAT-UO")]
    [InlineData("354-CDMA-CDAT")]
    [InlineData("0354 CDMA CDAT")]
    [InlineData("0354-CDM-CDATT")]
    [InlineData("0354-CDMÀ-CDAT")]
    public void Rejects_other_shapes(string input)
    {
        var ex = IdentifierAssert.Rejected<CentreFinancierCode>(input);
        Assert.Contains("Centre financier code", ex.Message, StringComparison.Ordinal);
    }
}

public class CentreCoutsCodeTests
{
    [Theory]
    [InlineData("ADCSDAT075", "ADCSDAT075")]
    [InlineData("DREETS0035", "DREETS0035")]
    [InlineData("BG00/GN5GDPL044", "GN5GDPL044")]
    [InlineData("\tDIR94ET094 ", "DIR94ET094")]
    public void Accepts_ten_upper_case_letters_or_digits(string input, string value) =>
        IdentifierAssert.Accepted<CentreCoutsCode>(input, value);

    [Theory]
    [InlineData("ADCSDAT75")]
    [InlineData("ADCSDAT0755")]
    [InlineData("adcsdat075")]
    [InlineData("ADCS-AT075")]
    [InlineData("ADCS DAT07")]
    [InlineData("BG00/")]
    [InlineData("BG00/ADCSDAT75")]
    public void Rejects_other_shapes(string input)
    {
        var ex = IdentifierAssert.Rejected<CentreCoutsCode>(input);
        Assert.Contains("Centre de coûts code", ex.Message, StringComparison.Ordinal);
    }
}

public class ActiviteCodeTests
{
    [Theory]
    [InlineData("035401010301", "035401010301", "0354", "035401", "03540101", "0354010103")] // "Redevance SIV - adm. centr."
    [InlineData("010101010101", "010101010101", "0101", "010101", "01010101", "0101010101")]
    [InlineData("BG00/015234300101", "015234300101", "0152", "015234", "01523430", "0152343001")]
    public void Accepts_twelve_digits_and_exposes_the_programming_levels(
        string input, string value, string programme, string os, string op, string ob)
    {
        var activite = IdentifierAssert.Accepted<ActiviteCode>(input, value);

        Assert.Equal(programme, activite.ProgrammeCode.Value);
        Assert.Equal(os, activite.OsCode);
        Assert.Equal(op, activite.OpCode);
        Assert.Equal(ob, activite.ObCode);
    }

    [Theory]
    [InlineData("35401010301")]
    [InlineData("0354010103011")]
    [InlineData("03540101030A")]
    [InlineData("0354-01010301")]
    [InlineData("135401010301")]  // does not start with a zero-padded programme
    [InlineData("000001010301")]  // programme 0
    public void Rejects_other_shapes(string input)
    {
        var ex = IdentifierAssert.Rejected<ActiviteCode>(input);
        Assert.Contains("Activité code", ex.Message, StringComparison.Ordinal);
    }
}
