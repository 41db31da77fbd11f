using Infocentre.TestSupport;

namespace Infocentre.Api.Tests.Infrastructure;

[CollectionDefinition(Name)]
public sealed class TinyWarehouseCollection : ICollectionFixture<TinyWarehouses>
{
    public const string Name = "Tiny warehouses";
}
