using System.Globalization;
using Infocentre.Warehouse.Bulk;

namespace Infocentre.Warehouse.Tests.DemoData;

/// <summary>
/// The bulk writer's text for decimals and dates must be what Microsoft.Data.Sqlite binds for the same value (its
/// SqliteValueBinder formats decimals with "0.0###########################" and dates with "yyyy-MM-dd"), or
/// lines written by a load would differ from lines written by EF Core.
/// </summary>
public sealed class StoredTextTests
{
    private const string SqliteDecimalFormat = "0.0###########################";

    public static TheoryData<decimal> Edges => new()
    {
        0m, 0.00m, decimal.Negate(0.000m), 1m, -1m, 10m, 100.50m, -1780.46m, 12615940.52m, 0.1m, 0.01m, -0.01m, 1.000000m,
        123456789012345678.90m, decimal.MaxValue, decimal.MinValue, 0.0000000000000000000000000001m,
        -7.9228162514264337593543950335m, 1e-10m, 42.4200m,
    };

    [Theory]
    [MemberData(nameof(Edges))]
    public void Decimals_are_written_as_microsoft_data_sqlite_writes_them(decimal value) =>
        Assert.Equal(value.ToString(SqliteDecimalFormat, CultureInfo.InvariantCulture), StoredText.Format(value, new char[StoredText.MaxLength]).ToString());

    [Fact]
    public void Random_amounts_are_written_as_microsoft_data_sqlite_writes_them()
    {
        var random = new Random(53);
        var buffer = new char[StoredText.MaxLength];
        for (var i = 0; i < 20_000; i++)
        {
            var value = new decimal(random.Next(), random.Next(), random.Next(0, 3) == 0 ? random.Next() : 0, random.Next(2) == 0, (byte)random.Next(0, 29));
            Assert.Equal(value.ToString(SqliteDecimalFormat, CultureInfo.InvariantCulture), StoredText.Format(value, buffer).ToString());
        }
    }

    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(2024, 12, 31)]
    [InlineData(2025, 2, 9)]
    [InlineData(999, 10, 5)]
    [InlineData(9999, 12, 31)]
    public void Dates_are_written_as_iso_days(int year, int month, int day)
    {
        var date = new DateOnly(year, month, day);
        Assert.Equal(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), StoredText.Format(date, new char[StoredText.MaxLength]).ToString());
    }
}
