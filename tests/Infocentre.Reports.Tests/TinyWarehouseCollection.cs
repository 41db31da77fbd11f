using Infocentre.TestSupport;

namespace Infocentre.Reports.Tests;

[CollectionDefinition(Name)]
public sealed class TinyWarehouseCollection : ICollectionFixture<TinyWarehouses>
{
    public const string Name = "Tiny warehouses (reports)";
}
