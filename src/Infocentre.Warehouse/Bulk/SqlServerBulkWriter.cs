namespace Infocentre.Warehouse.Bulk;

/// <summary>
/// SQL Server: batched multi-row INSERTs in one transaction (at most 1000 rows per VALUES clause and
/// 2100 parameters per statement). Built against the same metadata as the other engines; not exercised by
/// the test suite, which has no SQL Server.
/// </summary>
public sealed class SqlServerBulkWriter : InsertBatchBulkWriter
{
    internal SqlServerBulkWriter(WarehouseDbContext db, BulkWriterOptions options)
        : base(db, options)
    {
    }

    protected override int MaxParameters => 2_000;

    protected override int MaxRowsPerStatement => 1_000;

    protected override int DefaultRowsPerStatement => 100;
}
