using Infocentre.Warehouse.Access;
using Microsoft.EntityFrameworkCore;

namespace Infocentre.Warehouse.Schema;

internal static class AccessModel
{
    public static void Configure(ModelBuilder m)
    {
        m.Entity<ApiKey>(b =>
        {
            b.ToTable("api_key");
            b.HasIndex(k => k.Prefix).IsUnique();
            b.Property(k => k.Ministeres).HasMaxLength(2000);
            b.Property(k => k.Programmes).HasMaxLength(2000);
        });
        m.Entity<AuditEntry>(b =>
        {
            b.ToTable("audit_entry");
            b.Property(a => a.Query).HasMaxLength(4000);
            b.Property(a => a.Path).HasMaxLength(1000);
            b.HasIndex(a => a.At);
            b.HasIndex(a => new { a.Principal, a.At });
        });
    }
}
