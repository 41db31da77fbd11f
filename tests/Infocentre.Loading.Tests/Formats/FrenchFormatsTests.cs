using Infocentre.Loading.Common;

namespace Infocentre.Loading.Tests.Formats;

public sealed class FrenchFormatsTests
{
    [Theory]
    [InlineData("12 615 940,52", "12615940.52")]
    [InlineData("12\u00A0615\u00A0940,52", "12615940.52")]
    [InlineData("-1 780,4", "-1780.4")]
    [InlineData("830", "830")]
    [InlineData("0,05", "0.05")]
    public void Amounts_in_the_French_format_are_read_exactly(string text, string expected)
    {
        Assert.True(FrenchFormats.TryParseAmount(text, out var amount));
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), amount);
    }

    [Theory]
    [InlineData("12,345")]
    [InlineData("12.50")]
    [InlineData("1 2,5 0")]
    [InlineData(" 12")]
    [InlineData("12,")]
    [InlineData(",5")]
    [InlineData("")]
    [InlineData("#")]
    [InlineData("1e5")]
    public void Anything_else_is_refused_rather_than_coerced(string text) =>
        Assert.False(FrenchFormats.TryParseAmount(text, out _));

    [Theory]
    [InlineData("25.12.2022", 2022, 12, 25)]
    [InlineData("08/08/2024", 2024, 8, 8)]
    public void Dates_with_dots_or_slashes(string text, int year, int month, int day)
    {
        Assert.True(FrenchFormats.TryParseDate(text, out var date));
        Assert.Equal(new DateOnly(year, month, day), date);
    }

    [Theory]
    [InlineData("2022-12-25")]
    [InlineData("31.02.2024")]
    [InlineData("12/25/2022")]
    public void Other_dates_are_refused(string text) => Assert.False(FrenchFormats.TryParseDate(text, out _));
}
