using Infocentre.Warehouse.Identifiers;

namespace Infocentre.Warehouse.Tests.Identifiers;

public class CompteGeneralTests
{
    [Theory]
    [InlineData("PCE/6113110000", "6113110000", '6')]
    [InlineData("6541100000", "6541100000", '6')] // TD EPA ET EPSCP EPST
    [InlineData("4111100000", "4111100000", '4')] // Clients
    [InlineData(" PCE/4081000000 ", "4081000000", '4')]
    public void Accepts_ten_digits_with_or_without_the_pce_prefix(string input, string value, char classe)
    {
        var compte = IdentifierAssert.Accepted<CompteGeneralCode>(input, value);

        Assert.Equal(classe, compte.Classe);
    }

    [Theory]
    [InlineData("611311000")]
    [InlineData("PCE/611311000")]
    [InlineData("pce/6113110000")]
    [InlineData("PCE6113110000")]
    [InlineData("PCE/")]
    [InlineData("61131100000")]
    public void Rejects_other_shapes(string input)
    {
        var ex = IdentifierAssert.Rejected<CompteGeneralCode>(input);
        Assert.Contains("Compte général", ex.Message, StringComparison.Ordinal);
    }
}

public class GroupeMarchandisesTests
{
    [Theory]
    [InlineData("12.01.01")]
    [InlineData("01.01.01")] // EX-AI EXPÉDITION
    [InlineData("36.01.01")]
    public void Accepts_three_pairs_of_digits(string input) =>
        IdentifierAssert.Accepted<GroupeMarchandisesCode>(input, input);

    [Theory]
    [InlineData("12.1.01")]
    [InlineData("12-01-01")]
    [InlineData("12,01,01")]
    [InlineData("120101")]
    [InlineData("12.01.01.01")]
    [InlineData("12.01.0A")]
    public void Rejects_other_shapes(string input)
    {
        var ex = IdentifierAssert.Rejected<GroupeMarchandisesCode>(input);
        Assert.Contains("Groupe de marchandises", ex.Message, StringComparison.Ordinal);
    }
}

public class SocieteCodeTests
{
    [Theory]
    [InlineData("ADCE")]
    [InlineData("IDF1")]
    [InlineData("DOM4")]
    [InlineData("ETR1")]
    public void Accepts_four_upper_case_letters_or_digits(string input) =>
        IdentifierAssert.Accepted<SocieteCode>(input, input);

    [Theory]
    [InlineData("adce")]
    [InlineData("ADC")]
    [InlineData("ADCE1")]
    [InlineData("AD-E")]
    [InlineData("ADCÉ")]
    public void Rejects_other_shapes(string input)
    {
        var ex = IdentifierAssert.Rejected<SocieteCode>(input);
        Assert.Contains("Société code", ex.Message, StringComparison.Ordinal);
    }
}

public class MinistereCodeTests
{
    [Theory]
    [InlineData("MIN10")] // MINJU, Justice
    [InlineData("MIN01")]
    [InlineData("MIN23")]
    public void Accepts_min_and_two_digits(string input) =>
        IdentifierAssert.Accepted<MinistereCode>(input, input);

    [Theory]
    [InlineData("MIN1")]
    [InlineData("MIN100")]
    [InlineData("min10")]
    [InlineData("MINJU")]   // the sigle, not the code
    [InlineData("MIN1A")]
    [InlineData("10")]
    public void Rejects_other_shapes(string input)
    {
        var ex = IdentifierAssert.Rejected<MinistereCode>(input);
        Assert.Contains("Ministère code", ex.Message, StringComparison.Ordinal);
    }
}
