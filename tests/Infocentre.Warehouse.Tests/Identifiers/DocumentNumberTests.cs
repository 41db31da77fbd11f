using Infocentre.Warehouse.Identifiers;

namespace Infocentre.Warehouse.Tests.Identifiers;

public class EjNumberTests
{
    [Theory]
    [InlineData("2104453606", "2104453606")]
    [InlineData("2103105755", "2103105755")]
    [InlineData("0001821732", "0001821732")] // leading zeros kept
    [InlineData(" 1512615774\r\n", "1512615774")]
    public void Accepts_ten_digits(string input, string value) =>
        IdentifierAssert.Accepted<EjNumber>(input, value);

    [Fact]
    public void Message_names_the_kind_the_value_and_the_format()
    {
        var ex = Assert.Throws<IdentifierFormatException>(() => EjNumber.Parse("12345"));

        Assert.Equal("EJ number '12345' is invalid: expected 10 digits.", ex.Message);
    }

    [Theory]
    [InlineData("12345")]
    [InlineData("21044536060")]
    [InlineData("210445360A")]
    [InlineData("2104 453606")]
    [InlineData("#")]             // "not assigned" in Chorus exports
    [InlineData("2104453606.0")]
    public void Rejects_other_shapes(string input)
    {
        var ex = IdentifierAssert.Rejected<EjNumber>(input);
        Assert.Contains("EJ number", ex.Message, StringComparison.Ordinal);
    }
}

public class DpNumberTests
{
    [Theory]
    [InlineData("100241599", "100241599")]
    [InlineData("500043027", "500043027")]
    [InlineData("000195567", "000195567")] // leading zeros kept
    [InlineData(" 100011636 ", "100011636")]
    public void Accepts_nine_digits(string input, string value) =>
        IdentifierAssert.Accepted<DpNumber>(input, value);

    [Theory]
    [InlineData("195567")]        // the zeros are part of the number
    [InlineData("1002415990")]
    [InlineData("10024159A")]
    [InlineData("100 241 599")]
    public void Rejects_other_shapes(string input)
    {
        var ex = IdentifierAssert.Rejected<DpNumber>(input);
        Assert.Contains("DP number", ex.Message, StringComparison.Ordinal);
    }
}

public class TiersCodeTests
{
    [Theory]
    [InlineData("1000972118", "1000972118")] // AGENCE NATIONALE DES TITRES
    [InlineData("1400875965", "1400875965")]
    public void Accepts_ten_digits(string input, string value) =>
        IdentifierAssert.Accepted<TiersCode>(input, value);

    [Theory]
    [InlineData("100097211")]
    [InlineData("1000972118X")]
    [InlineData("13000326200024")] // a SIRET is not a tiers code
    public void Rejects_other_shapes(string input)
    {
        var ex = IdentifierAssert.Rejected<TiersCode>(input);
        Assert.Contains("Tiers code", ex.Message, StringComparison.Ordinal);
    }
}
